package store

import (
	"math"
	"strconv"
)

// The analysis file's encoder, written by hand for its fixed schema as
// Encode is for the segment store, with the same emitter: yaml.v3 (with
// an indentation of 2) was most of the cost of writing an article's
// bundle on a cold build (0.46 s of CPU on 1,000 real articles, and its
// garbage). It writes the bytes yaml.v3 wrote, so a tree written by an
// older jisr is rewritten only when its content changes;
// TestEncodeAnalysisMatchesYAMLv3 and FuzzEncodeAnalysis compare the two.

// analysisHeader opens every analysis file, for people who open it.
const analysisHeader = "# jisr analysis: what the build found in this article (entities, tags, date).\n" +
	"# jisr rewrites it at each build; edit the gazetteer or the term pages instead.\n"

// EncodeAnalysis renders an analysis file: the header comment, then a as
// yaml.v3 writes it with an indentation of 2.
func EncodeAnalysis(a *Analysis) []byte {
	size := len(analysisHeader) + 64 + len(a.Article)
	for i := range a.Entities {
		size += 128 + 96*len(a.Entities[i].Mentions)
	}
	e := &emitter{buf: make([]byte, 0, size+96*len(a.Tags)), line: 1, indention: true, whitespace: true}
	e.raw(analysisHeader)
	e.line += 2
	e.key(0, "article", false)
	e.value(a.Article, false, 2)
	if a.Date != "" {
		e.key(0, "date", false)
		e.value(a.Date, false, 2)
	}
	if len(a.Entities) > 0 {
		e.key(0, "entities", false)
	}
	for i := range a.Entities {
		en := &a.Entities[i]
		e.key(4, "id", true)
		e.value(en.ID, false, 6)
		e.key(4, "type", false)
		e.value(en.Type, false, 6)
		e.key(4, "name_en", false)
		e.value(en.NameEN, false, 6)
		e.key(4, "name_ar", false)
		e.value(en.NameAR, false, 6)
		if len(en.Aliases) > 0 {
			e.key(4, "aliases", false)
			for _, al := range en.Aliases {
				e.item(6)
				e.value(al, false, 8)
			}
		}
		if en.Wikidata != "" {
			e.key(4, "wikidata", false)
			e.value(en.Wikidata, false, 6)
		}
		e.key(4, "known", false)
		e.plain(strconv.FormatBool(en.Known))
		e.key(4, "mentions", false)
		if len(en.Mentions) == 0 {
			e.indicator("[]", true, false, false)
		}
		for _, m := range en.Mentions {
			e.key(8, "segment", true)
			e.value(m.Segment, false, 10)
			e.key(8, "start", false)
			e.plain(strconv.Itoa(m.Start))
			e.key(8, "end", false)
			e.plain(strconv.Itoa(m.End))
			e.key(8, "surface", false)
			e.value(m.Surface, false, 10)
		}
	}
	if len(a.Tags) > 0 {
		e.key(0, "tags", false)
	}
	for _, t := range a.Tags {
		e.key(4, "id", true)
		e.value(t.ID, false, 6)
		if t.QCode != "" {
			e.key(4, "qcode", false)
			e.value(t.QCode, false, 6)
		}
		e.key(4, "label_en", false)
		e.value(t.LabelEN, false, 6)
		e.key(4, "label_ar", false)
		e.value(t.LabelAR, false, 6)
		e.key(4, "score", false)
		e.plain(yamlFloat(t.Score))
	}
	e.indent = 0 // the document's end
	e.writeIndent()
	return e.buf
}

// item starts a sequence item of scalars at indent: "- ".
func (e *emitter) item(indent int) {
	e.indent = indent
	e.writeIndent()
	e.indicator("-", true, false, true)
}

// yamlFloat writes a float64 as yaml.v3 does.
func yamlFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return ".inf"
	case math.IsInf(f, -1):
		return "-.inf"
	case math.IsNaN(f):
		return ".nan"
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}
