package review

import (
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/generator/translate"
)

// TMX property types that jisr writes and reads.
const (
	PropArticle = "x-jisr-article"
	PropSegment = "x-jisr-segment"
	PropBase    = "x-jisr-en-hash"
)

type tmxDoc struct {
	XMLName xml.Name  `xml:"tmx"`
	Version string    `xml:"version,attr"`
	Header  tmxHeader `xml:"header"`
	TUs     []tmxTU   `xml:"body>tu"`
}

type tmxHeader struct {
	CreationTool        string `xml:"creationtool,attr"`
	CreationToolVersion string `xml:"creationtoolversion,attr"`
	SegType             string `xml:"segtype,attr"`
	OTMF                string `xml:"o-tmf,attr"`
	AdminLang           string `xml:"adminlang,attr"`
	SrcLang             string `xml:"srclang,attr"`
	DataType            string `xml:"datatype,attr"`
	CreationID          string `xml:"creationid,attr,omitempty"`
}

type tmxTU struct {
	TUID       string    `xml:"tuid,attr,omitempty"`
	CreationID string    `xml:"creationid,attr,omitempty"`
	ChangeID   string    `xml:"changeid,attr,omitempty"`
	Props      []tmxProp `xml:"prop"`
	TUVs       []tmxTUV  `xml:"tuv"`
}

type tmxProp struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type tmxTUV struct {
	XMLLang    string `xml:"http://www.w3.org/XML/1998/namespace lang,attr,omitempty"`
	Lang       string `xml:"lang,attr,omitempty"` // TMX 1.1 and older
	CreationID string `xml:"creationid,attr,omitempty"`
	ChangeID   string `xml:"changeid,attr,omitempty"`
	Seg        inline `xml:"seg"`
}

func (t *tmxTUV) lang() string {
	if t.XMLLang != "" {
		return t.XMLLang
	}
	return t.Lang
}

// exportTMX writes the reviewed pairs of every article as one translation
// memory. Each unit's tuid is "<article>/<segment>" and props repeat both,
// so that jisr can put an edited unit back where it came from.
func exportTMX(arts []*storedArticle) ([]byte, error) {
	doc := tmxDoc{Version: "1.4", Header: tmxHeader{CreationTool: "jisr", CreationToolVersion: "1",
		SegType: "sentence", OTMF: "jisr " + store.FileName, AdminLang: "en", SrcLang: "ar", DataType: "plaintext"}}
	for _, a := range arts {
		for i := range a.store.Segments {
			s := &a.store.Segments[i]
			if s.Status != translate.StatusReviewed || s.EN == "" {
				continue
			}
			doc.TUs = append(doc.TUs, tmxTU{
				TUID: a.store.Article + "/" + s.ID, CreationID: s.Reviewer,
				Props: []tmxProp{{PropArticle, a.store.Article}, {PropSegment, s.ID}, {PropBase, store.Hash(s.EN)}},
				TUVs:  []tmxTUV{{XMLLang: "ar", Seg: inline(s.AR)}, {XMLLang: "en", Seg: inline(s.EN)}},
			})
		}
	}
	return marshalXML(doc)
}

// parseTMX reads the Arabic→English pairs of a TMX file. A unit with jisr
// IDs (props, or a tuid "<article>/<segment>") goes back to its segment; a
// unit without them is matched by its Arabic (see Import).
func parseTMX(data []byte) ([]unit, error) {
	var doc tmxDoc
	if err := xml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("not a TMX file: %w", err)
	}
	var out []unit
	for _, tu := range doc.TUs {
		var ar, en *tmxTUV
		for i := range tu.TUVs {
			switch l := tu.TUVs[i].lang(); {
			case isLang(l, "ar") && ar == nil:
				ar = &tu.TUVs[i]
			case isLang(l, "en") && en == nil:
				en = &tu.TUVs[i]
			}
		}
		if ar == nil || en == nil {
			continue // not an Arabic/English pair
		}
		u := unit{source: string(ar.Seg), target: string(en.Seg), confirmed: true}
		for _, p := range tu.Props {
			switch p.Type {
			case PropArticle:
				u.article = strings.TrimSpace(p.Text)
			case PropSegment:
				u.segment = strings.TrimSpace(p.Text)
			case PropBase:
				u.base = strings.TrimSpace(p.Text)
			}
		}
		if u.article == "" || u.segment == "" {
			if a, s, ok := strings.Cut(tu.TUID, "/"); ok && a != "" && s != "" {
				u.article, u.segment = a, s
			} else {
				u.article, u.segment = "", ""
			}
		}
		for _, id := range []string{en.ChangeID, tu.ChangeID, en.CreationID, tu.CreationID, doc.Header.CreationID} {
			if id = strings.TrimSpace(id); id != "" {
				u.reviewer = id
				break
			}
		}
		out = append(out, u)
	}
	return out, nil
}
