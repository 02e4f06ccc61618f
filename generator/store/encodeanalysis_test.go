package store

import (
	"bytes"
	"fmt"
	"math"
	"reflect"
	"testing"

	"gopkg.in/yaml.v3"
)

// analysisYAMLv3 is the writer EncodeAnalysis replaced: the oracle.
func analysisYAMLv3(a *Analysis) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(analysisHeader)
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(a); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// sameAnalysisAsOracle checks that EncodeAnalysis writes a as yaml.v3
// did, wherever yaml.v3's bytes read back as a, and that its own bytes
// always read back as a.
func sameAnalysisAsOracle(t *testing.T, name string, a *Analysis) {
	t.Helper()
	got := EncodeAnalysis(a)
	var back Analysis
	if err := yaml.Unmarshal(got, &back); err != nil || !reflect.DeepEqual(normalAnalysis(&back), normalAnalysis(a)) {
		t.Fatalf("%s: what EncodeAnalysis wrote does not read back (%v):\n%s", name, err, got)
	}
	want, err := analysisYAMLv3(a)
	if err != nil {
		return // yaml.v3 cannot write it at all
	}
	var o Analysis
	if err := yaml.Unmarshal(want, &o); err != nil || !reflect.DeepEqual(normalAnalysis(&o), normalAnalysis(a)) {
		return // yaml.v3 loses this text (a line break first): EncodeAnalysis quotes it instead
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s: EncodeAnalysis differs from yaml.v3 at byte %d:\n--- EncodeAnalysis\n%s\n--- yaml.v3\n%s", name, firstDiff(got, want), got, want)
	}
}

// normalAnalysis is a with empty lists as nil (YAML does not tell them
// apart) and NaN scores as one value, for comparisons.
func normalAnalysis(a *Analysis) Analysis {
	n := *a
	if len(n.Entities) == 0 {
		n.Entities = nil
	}
	if len(n.Tags) == 0 {
		n.Tags = nil
	}
	n.Entities = append([]Entity(nil), n.Entities...)
	for i := range n.Entities {
		e := &n.Entities[i]
		if len(e.Aliases) == 0 {
			e.Aliases = nil
		}
		if len(e.Mentions) == 0 {
			e.Mentions = nil
		}
	}
	n.Tags = append([]Tag(nil), n.Tags...)
	for i := range n.Tags {
		if math.IsNaN(n.Tags[i].Score) {
			n.Tags[i].Score = -1
		}
	}
	return n
}

func TestEncodeAnalysisMatchesYAMLv3(t *testing.T) {
	texts := []string{
		"", "plain", "القاهرة", "عبد الفتاح السيسي", "Text #1: \"x\" - y", "- leading dash", "# hash", ": colon", "'quoted'",
		"two\nlines", "ends with break\n", "\nleading break", " leading space", "trailing space ", "tab\there", "emoji 😀",
		"\ufeffbom", "line\u2028sep", "123", "1e5", "0x1F", "true", "yes", "No", "~", "null", ".inf", "2016-01-02",
		"2015-07-21T02:54:14Z", "12:30", "---", "a: b", "a #b", "[x]", "{x}", "&a", "*a", "!tag", "|", ">", "%", "@",
		"?", "-", "x:", "it's", "\\back", "\x00nul", "\xff\xfe not utf-8", "Q85", "medtop:20000763", "p1-1",
	}
	scores := []float64{0, 0.35, 1, 3, 12.5, 1e21, 2.5e-7, -0.0, math.Inf(1), math.Inf(-1), math.NaN(), 1.0 / 3}
	for i, s := range texts {
		at := func(k int) string { return texts[(i+k)%len(texts)] }
		a := &Analysis{Article: s, Date: at(1),
			Entities: []Entity{
				{ID: s, Type: at(2), NameEN: at(3), NameAR: at(4), Aliases: []string{at(5), at(6)}, Wikidata: at(7), Known: i%2 == 0,
					Mentions: []EntityMention{{Segment: at(8), Start: i, End: i + 7, Surface: at(9)}, {Segment: "title", Surface: s}}},
				{ID: at(10), Type: "PERSON", NameEN: at(11), NameAR: s},
			},
			Tags: []Tag{{ID: at(12), QCode: at(13), LabelEN: at(14), LabelAR: s, Score: scores[i%len(scores)]}, {ID: s, Score: 0.5}},
		}
		sameAnalysisAsOracle(t, fmt.Sprintf("text %d %q", i, s), a)
	}
	sameAnalysisAsOracle(t, "article only", &Analysis{Article: "u-1"})
	sameAnalysisAsOracle(t, "empty", &Analysis{})
	sameAnalysisAsOracle(t, "empty lists", &Analysis{Article: "x", Entities: []Entity{}, Tags: []Tag{}})
}

func FuzzEncodeAnalysis(f *testing.F) {
	f.Add("u-1", "2016-01-02", "cairo", "PLACE", "Cairo", "القاهرة", "Q85", "title", "القاهرة", "medtop:1", 0.35, 3, 9)
	f.Add("1", "true", " a\n", "b \n", "", "\ufeffx", "😀", "0b1", "\n\n", "'", 1e21, -1, 0)
	f.Add("a: b", "- x", "x\x00y", "\xff", "12:30", "\u2028", "a\r\nb", "\t", "0", "~", math.Inf(1), 0, 1)
	f.Fuzz(func(t *testing.T, art, date, id, typ, en, ar, wd, seg, surface, qcode string, score float64, start, end int) {
		if len(art+date+id+typ+en+ar+wd+seg+surface+qcode) > 4096 {
			return // long inputs find nothing short ones do not, and slow the oracle
		}
		sameAnalysisAsOracle(t, "fuzz", &Analysis{Article: art, Date: date,
			Entities: []Entity{{ID: id, Type: typ, NameEN: en, NameAR: ar, Aliases: []string{surface, en}, Wikidata: wd, Known: start > end,
				Mentions: []EntityMention{{Segment: seg, Start: start, End: end, Surface: surface}}}},
			Tags: []Tag{{ID: id, QCode: qcode, LabelEN: en, LabelAR: ar, Score: score}}})
	})
}
