package review

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"regexp"
	"strings"

	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/generator/translate"
)

// XLIFFNamespace is the namespace of XLIFF 2.0, 2.1 and 2.2 core.
const XLIFFNamespace = "urn:oasis:names:tc:xliff:document:2.0"

// Note categories that jisr writes and reads in XLIFF.
const (
	NoteTranslator = "translator"   // the translator's name (read on import)
	NoteReviewer   = "reviewer"     // who reviewed the stored English (information)
	NoteStatus     = "jisr:status"  // status and engine (information)
	NoteQA         = "qa"           // one QA finding (information)
	NoteOldSource  = "jisr:old-ar"  // for a stale segment, the Arabic the English translated
	NoteBase       = "jisr:en-hash" // hash of the exported English (conflict detection)
)

type xliffDoc struct {
	XMLName xml.Name    `xml:"urn:oasis:names:tc:xliff:document:2.0 xliff"`
	Version string      `xml:"version,attr"`
	SrcLang string      `xml:"srcLang,attr"`
	TrgLang string      `xml:"trgLang,attr,omitempty"`
	Files   []xliffFile `xml:"file"`
}

type xliffFile struct {
	ID       string      `xml:"id,attr"`
	Original string      `xml:"original,attr,omitempty"`
	Notes    *xliffNotes `xml:"notes"`
	Units    []xliffUnit `xml:"unit"`
}

// The reading side is looser than what jisr writes: units may sit in
// nested groups, and a tool may split a unit into several segments with
// <ignorable> whitespace between them, whose order matters.
type xliffDocIn struct {
	XMLName xml.Name      `xml:"urn:oasis:names:tc:xliff:document:2.0 xliff"`
	Version string        `xml:"version,attr"`
	SrcLang string        `xml:"srcLang,attr"`
	TrgLang string        `xml:"trgLang,attr"`
	Files   []xliffFileIn `xml:"file"`
}

type xliffFileIn struct {
	ID       string         `xml:"id,attr"`
	Original string         `xml:"original,attr"`
	Notes    *xliffNotes    `xml:"notes"`
	Units    []xliffUnitIn  `xml:"unit"`
	Groups   []xliffGroupIn `xml:"group"`
}

type xliffGroupIn struct {
	Units  []xliffUnitIn  `xml:"unit"`
	Groups []xliffGroupIn `xml:"group"`
}

func (g xliffGroupIn) all() []xliffUnitIn {
	us := g.Units
	for _, sub := range g.Groups {
		us = append(us, sub.all()...)
	}
	return us
}

type xliffUnitIn struct {
	ID    string      `xml:"id,attr"`
	Notes *xliffNotes `xml:"notes"`
	Parts []xliffPart `xml:",any"` // segment and ignorable, in order
}

type xliffPart struct {
	XMLName xml.Name
	State   string  `xml:"state,attr"`
	Source  inline  `xml:"source"`
	Target  *inline `xml:"target"`
}

type xliffNotes struct {
	Notes []xliffNote `xml:"note"`
}

type xliffNote struct {
	Category  string `xml:"category,attr,omitempty"`
	AppliesTo string `xml:"appliesTo,attr,omitempty"`
	Text      string `xml:",chardata"`
}

type xliffUnit struct {
	ID       string         `xml:"id,attr"`
	Name     string         `xml:"name,attr,omitempty"`
	Notes    *xliffNotes    `xml:"notes"`
	Segments []xliffSegment `xml:"segment"`
}

type xliffSegment struct {
	ID       string  `xml:"id,attr,omitempty"`
	State    string  `xml:"state,attr,omitempty"`
	SubState string  `xml:"subState,attr,omitempty"`
	Source   inline  `xml:"source"`
	Target   *inline `xml:"target"`
}

// inline is the text of a source, target or TMX seg: character data,
// including that of inline markup such as <mrk> or <hi>, but not the
// native codes of <ph>, <bpt>, <ept>, <it> and <ut>.
type inline string

// UnmarshalXML collects the element's text.
func (t *inline) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	var b strings.Builder
	depth, skip := 0, 0
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			depth++
			switch tok.Name.Local {
			case "ph", "bpt", "ept", "it", "ut":
				skip++
			}
		case xml.EndElement:
			if depth == 0 {
				*t = inline(b.String())
				return nil
			}
			depth--
			switch tok.Name.Local {
			case "ph", "bpt", "ept", "it", "ut":
				skip--
			}
		case xml.CharData:
			if skip == 0 {
				b.Write(tok)
			}
		}
	}
}

// MarshalXML writes the text, escaped.
func (t inline) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return e.EncodeElement(string(t), start)
}

// xliffState maps a jisr status to an XLIFF 2 state.
func xliffState(s translate.Status) string {
	switch s {
	case translate.StatusReviewed:
		return "final"
	case translate.StatusMachine, translate.StatusStale:
		return "translated"
	}
	return "initial"
}

var nmtoken = regexp.MustCompile(`^[\p{L}\p{N}._:-]+$`)

func exportXLIFF(a *storedArticle, translator string) ([]byte, error) {
	id := a.store.Article
	if !nmtoken.MatchString(id) {
		id = "f" + store.Hash(id)
	}
	f := xliffFile{ID: id, Original: a.rel}
	help := "jisr article " + a.store.Article + ": edit the targets; set state to reviewed or final to confirm a target unchanged; then run: jisr review import FILE"
	f.Notes = &xliffNotes{Notes: []xliffNote{{Category: "jisr:help", Text: help}}}
	if translator != "" {
		f.Notes.Notes = append(f.Notes.Notes, xliffNote{Category: NoteTranslator, Text: translator})
	}
	for i := range a.store.Segments {
		s := &a.store.Segments[i]
		u := xliffUnit{ID: s.ID, Name: string(s.Kind)}
		notes := []xliffNote{{Category: NoteStatus, Text: statusNote(s)}}
		if s.Reviewer != "" {
			notes = append(notes, xliffNote{Category: NoteReviewer, Text: s.Reviewer})
		}
		if s.OldAR != "" {
			notes = append(notes, xliffNote{Category: NoteOldSource, AppliesTo: "source", Text: s.OldAR})
		}
		for _, fd := range a.qa[s.ID] {
			notes = append(notes, xliffNote{Category: NoteQA, AppliesTo: "target", Text: fd.Check + ": " + fd.Message})
		}
		notes = append(notes, xliffNote{Category: NoteBase, Text: store.Hash(s.EN)})
		u.Notes = &xliffNotes{Notes: notes}
		seg := xliffSegment{ID: s.ID, State: xliffState(s.Status), Source: inline(s.AR)}
		if s.Status != "" {
			seg.SubState = "jisr:" + string(s.Status)
		}
		if s.EN != "" {
			t := inline(s.EN)
			seg.Target = &t
		}
		u.Segments = []xliffSegment{seg}
		f.Units = append(f.Units, u)
	}
	doc := xliffDoc{Version: "2.1", SrcLang: "ar", TrgLang: "en", Files: []xliffFile{f}}
	return marshalXML(doc)
}

func parseXLIFF(data []byte) ([]unit, error) {
	var doc xliffDocIn
	if err := xml.Unmarshal(data, &doc); err != nil {
		if bytes.Contains(data, []byte("urn:oasis:names:tc:xliff:document:1.2")) {
			return nil, fmt.Errorf("XLIFF 1.2 is not supported; export XLIFF 2.x")
		}
		return nil, fmt.Errorf("not an XLIFF 2 file: %w", err)
	}
	if !strings.HasPrefix(doc.Version, "2.") {
		return nil, fmt.Errorf("XLIFF version %q is not supported; want 2.x", doc.Version)
	}
	if doc.SrcLang != "" && !isLang(doc.SrcLang, "ar") {
		return nil, fmt.Errorf("srcLang is %q; jisr translates from Arabic (ar)", doc.SrcLang)
	}
	if doc.TrgLang != "" && !isLang(doc.TrgLang, "en") {
		return nil, fmt.Errorf("trgLang is %q; jisr translates into English (en)", doc.TrgLang)
	}
	var out []unit
	for _, f := range doc.Files {
		art := articleFromOriginal(f.Original)
		if art == "" {
			art = f.ID
		}
		fileTranslator := noteText(f.Notes, NoteTranslator)
		units := xliffGroupIn{Units: f.Units, Groups: f.Groups}.all()
		for _, u := range units {
			translator := noteText(u.Notes, NoteTranslator)
			if translator == "" {
				translator = fileTranslator
			}
			// jisr writes one segment per unit; a unit that a tool split
			// is read back joined, with its ignorable whitespace.
			var src, tgt strings.Builder
			confirmed, hasTarget, segs := true, false, 0
			for _, p := range u.Parts {
				switch p.XMLName.Local {
				case "segment":
					segs++
					if p.State != "reviewed" && p.State != "final" {
						confirmed = false
					}
				case "ignorable":
				default:
					continue
				}
				src.WriteString(string(p.Source))
				switch {
				case p.Target != nil:
					hasTarget = hasTarget || p.XMLName.Local == "segment"
					tgt.WriteString(string(*p.Target))
				case p.XMLName.Local == "ignorable":
					tgt.WriteString(string(p.Source))
				}
			}
			confirmed = confirmed && segs > 0
			un := unit{article: art, segment: u.ID, source: src.String(), confirmed: confirmed,
				reviewer: translator, base: noteText(u.Notes, NoteBase)}
			if hasTarget {
				un.target = tgt.String()
			}
			out = append(out, un)
		}
	}
	return out, nil
}

func noteText(n *xliffNotes, category string) string {
	if n == nil {
		return ""
	}
	for _, x := range n.Notes {
		if x.Category == category {
			return strings.TrimSpace(x.Text)
		}
	}
	return ""
}

// articleFromOriginal reads the article ID from "articles/<id>/<store.FileName>".
func articleFromOriginal(o string) string {
	o = strings.TrimPrefix(o, "content/")
	if rest, ok := strings.CutPrefix(o, "articles/"); ok {
		if id, ok := strings.CutSuffix(rest, "/"+store.FileName); ok && !strings.Contains(id, "/") {
			return id
		}
	}
	return ""
}

// isLang reports whether tag is the language lang or one of its variants
// (en, en-US, EN_gb).
func isLang(tag, lang string) bool {
	tag = strings.ToLower(tag)
	return tag == lang || strings.HasPrefix(tag, lang+"-") || strings.HasPrefix(tag, lang+"_")
}

// marshalXML writes doc as an indented XML document with its declaration,
// the form of every file that export writes.
func marshalXML(doc any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	buf.WriteString("\n")
	return buf.Bytes(), nil
}
