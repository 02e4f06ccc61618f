package review

import (
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/generator/translate"
)

// XLIFF12Namespace is the namespace of XLIFF 1.2, which OmegaT's native
// filter and many older tools read.
const XLIFF12Namespace = "urn:oasis:names:tc:xliff:document:1.2"

// XLIFF 1.2 states, mapped from jisr's status on export:
//
//	jisr status   XLIFF 1.2 state             state-qualifier
//	gist          needs-review-translation    mt-suggestion
//	machine       translated                  mt-suggestion
//	stale         needs-review-translation    x-jisr-stale
//	reviewed      final                       (none)
//	untranslated  new                         (none)
//
// On import, a unit is confirmed (reviewed unchanged) when its target's
// state is final or signed-off, or the unit is approved="yes".
func xliff12State(s translate.Status) (state, qualifier string) {
	switch s {
	case translate.StatusReviewed:
		return "final", ""
	case translate.StatusMachine:
		return "translated", "mt-suggestion"
	case translate.StatusStale:
		return "needs-review-translation", "x-jisr-stale"
	case translate.StatusGist:
		return "needs-review-translation", "mt-suggestion"
	}
	return "new", ""
}

type xliff12Doc struct {
	XMLName xml.Name      `xml:"urn:oasis:names:tc:xliff:document:1.2 xliff"`
	Version string        `xml:"version,attr"`
	Files   []xliff12File `xml:"file"`
}

type xliff12File struct {
	Original string         `xml:"original,attr"`
	SrcLang  string         `xml:"source-language,attr"`
	TrgLang  string         `xml:"target-language,attr,omitempty"`
	DataType string         `xml:"datatype,attr"`
	Units    []xliff12Unit  `xml:"body>trans-unit"`
	Groups   []xliff12Group `xml:"body>group"`
}

type xliff12Group struct {
	Units  []xliff12Unit  `xml:"trans-unit"`
	Groups []xliff12Group `xml:"group"`
}

func (g xliff12Group) all() []xliff12Unit {
	us := g.Units
	for _, sub := range g.Groups {
		us = append(us, sub.all()...)
	}
	return us
}

type xliff12Unit struct {
	ID       string         `xml:"id,attr"`
	ResName  string         `xml:"resname,attr,omitempty"`
	Approved string         `xml:"approved,attr,omitempty"`
	Source   inline         `xml:"source"`
	Target   *xliff12Target `xml:"target"`
	Notes    []xliff12Note  `xml:"note"`
}

type xliff12Target struct {
	State     string `xml:"state,attr,omitempty"`
	Qualifier string `xml:"state-qualifier,attr,omitempty"`
	Text      string `xml:",chardata"`
}

// UnmarshalXML reads the state attributes and the inline text.
func (t *xliff12Target) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	for _, a := range start.Attr {
		switch a.Name.Local {
		case "state":
			t.State = a.Value
		case "state-qualifier":
			t.Qualifier = a.Value
		}
	}
	var in inline
	err := in.UnmarshalXML(d, start)
	t.Text = string(in)
	return err
}

type xliff12Note struct {
	From string `xml:"from,attr,omitempty"`
	Text string `xml:",chardata"`
}

// exportXLIFF12 writes one article as an XLIFF 1.2 file: one trans-unit
// per segment, the hash of the exported English in a note from
// "jisr:en-hash" (conflict detection, as in 2.1), the translator's name in
// a note from "translator".
func exportXLIFF12(a *storedArticle, translator string) ([]byte, error) {
	f := xliff12File{Original: a.rel, SrcLang: "ar", TrgLang: "en", DataType: "plaintext"}
	for i := range a.store.Segments {
		s := &a.store.Segments[i]
		u := xliff12Unit{ID: s.ID, ResName: string(s.Kind), Source: inline(s.AR)}
		if s.EN != "" {
			st, q := xliff12State(s.Status)
			u.Target = &xliff12Target{State: st, Qualifier: q, Text: s.EN}
		}
		u.Notes = append(u.Notes, xliff12Note{From: NoteStatus, Text: statusNote(s)})
		for _, fd := range a.qa[s.ID] {
			u.Notes = append(u.Notes, xliff12Note{From: NoteQA, Text: fd.Check + ": " + fd.Message})
		}
		if translator != "" {
			u.Notes = append(u.Notes, xliff12Note{From: NoteTranslator, Text: translator})
		}
		u.Notes = append(u.Notes, xliff12Note{From: NoteBase, Text: store.Hash(s.EN)})
		f.Units = append(f.Units, u)
	}
	return marshalXML(xliff12Doc{Version: "1.2", Files: []xliff12File{f}})
}

// parseXLIFF12 reads the units of an XLIFF 1.2 file; the article comes
// from the file's original ("articles/<id>/" + store.FileName).
func parseXLIFF12(data []byte) ([]unit, error) {
	var doc xliff12Doc
	if err := xml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("not an XLIFF 1.2 file: %w", err)
	}
	var out []unit
	for _, f := range doc.Files {
		if f.SrcLang != "" && !isLang(f.SrcLang, "ar") {
			return nil, fmt.Errorf("source-language is %q; jisr translates from Arabic (ar)", f.SrcLang)
		}
		art := articleFromOriginal(f.Original)
		if art == "" {
			art = f.Original // checked as an article ID by Import
		}
		for _, u := range (xliff12Group{Units: f.Units, Groups: f.Groups}).all() {
			un := unit{article: art, segment: u.ID, source: string(u.Source), confirmed: u.Approved == "yes"}
			for _, n := range u.Notes {
				switch n.From {
				case NoteBase:
					un.base = strings.TrimSpace(n.Text)
				case NoteTranslator:
					un.reviewer = strings.TrimSpace(n.Text)
				}
			}
			if u.Target != nil {
				un.target = u.Target.Text
				un.confirmed = un.confirmed || u.Target.State == "final" || u.Target.State == "signed-off"
			}
			out = append(out, un)
		}
	}
	return out, nil
}
