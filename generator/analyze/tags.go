package analyze

import (
	_ "embed"
	"encoding/json"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/jisr-news/jisr/generator/arabic"
	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/generator/gazetteer"
	"gopkg.in/yaml.v3"
)

// Tagging.
//
// Topics come from IPTC Media Topics (data/iptc-subset.json, CC BY 4.0,
// © IPTC; see data/NOTICE). data/topics.yaml gives Arabic trigger terms
// per topic. A trigger word matches a token when the token or one of the
// hosts the shared clitic segmenter finds in it (article, proclitics,
// plural and feminine endings removed) equals the trigger's normalized
// form; in a phrase the later words must follow as written.
//
// Score. Each trigger occurrence is one hit, two in the title or a
// heading (a title derived from the lead does not count). A topic's
// evidence is its own hits plus its narrower topics' hits; its score is
// 1 - exp(-evidence/TagScale), so two hits give about 0.63 and three
// about 0.78. Topics below
// TagThreshold are dropped. A broader topic is dropped when one of its
// narrower topics passes and carries at least SpecificShare of its
// evidence: the specific topic is preferred when the evidence holds. At
// most MaxTags tags remain, highest score first.
//
// Input tags (article.Tags) are merged first with score 1: a tag that
// names an IPTC topic (its qcode, or its English or Arabic label) becomes
// that topic; any other becomes a free tag with the given text as both
// labels and no qcode.

// Tagging parameters; see the comment above.
const (
	MaxTags       = 5
	TagThreshold  = 0.7
	TagScale      = 2.0
	SpecificShare = 0.5
)

//go:embed data/iptc-subset.json
var iptcJSON []byte

//go:embed data/topics.yaml
var topicsYAML []byte

//go:embed data/iptc-labels-ar.tsv
var iptcLabelsTSV string

// iptcLabelsAR returns the reviewed Arabic display labels that replace
// IPTC's own (data/iptc-labels-ar.tsv: qcode, IPTC label, jisr label,
// reason), by qcode.
func iptcLabelsAR() map[string]string {
	out := map[string]string{}
	for _, line := range strings.Split(iptcLabelsTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 || f[2] == "" {
			panic("analyze: iptc-labels-ar.tsv: bad line " + line)
		}
		out[f[0]] = f[2]
	}
	return out
}

// Topic is one IPTC Media Topic.
type Topic struct {
	QCode    string   `json:"qcode"`
	Broader  []string `json:"broader"`
	Level    int      `json:"level"`
	EN       string   `json:"en"`
	AR       string   `json:"ar"`
	Wikidata string   `json:"wikidata"`
}

type trigger struct {
	toks  []string
	topic string
}

type tagger struct {
	topics map[string]*Topic
	// byFirst maps the first normalized word of a trigger to its triggers.
	byFirst map[string][]trigger
	// prefixes holds the first three letters of every trigger word, to
	// decide cheaply when the clitic segmenter is worth asking.
	prefixes map[string]bool
	seg      *arabic.Segmenter
	cache    *arabic.Memo[[]arabic.Parts] // word → its clitic analyses
}

// embeddedTagger is the topic tagger of the embedded IPTC data, shared by
// every Analyzer.
var embeddedTagger = arabic.NewLoaded(loadTagger)

func defaultTagger() *tagger { return embeddedTagger.Get() }

func loadTagger() *tagger {
	var ts []Topic
	if err := json.Unmarshal(iptcJSON, &ts); err != nil {
		panic("analyze: embedded IPTC data: " + err.Error())
	}
	var trig map[string][]string
	if err := yaml.Unmarshal(topicsYAML, &trig); err != nil {
		panic("analyze: embedded topics.yaml: " + err.Error())
	}
	t := &tagger{topics: map[string]*Topic{}, byFirst: map[string][]trigger{}, prefixes: map[string]bool{}, cache: arabic.NewMemo[[]arabic.Parts](maxCached)}
	for i := range ts {
		t.topics[ts[i].QCode] = &ts[i]
	}
	for q, ar := range iptcLabelsAR() {
		if t.topics[q] == nil {
			panic("analyze: iptc-labels-ar.tsv names unknown topic " + q)
		}
		t.topics[q].AR = ar
	}
	qs := make([]string, 0, len(trig))
	for q := range trig {
		qs = append(qs, q)
	}
	sort.Strings(qs)
	for _, q := range qs {
		if t.topics[q] == nil {
			panic("analyze: topics.yaml names unknown topic " + q)
		}
		for _, w := range trig[q] {
			k := gazetteer.Key(w)
			if k == "" {
				continue
			}
			toks := strings.Split(k, " ")
			// Triggers are stored by their host: الحرب → حرب.
			toks[0] = hostKey(toks[0])
			t.byFirst[toks[0]] = append(t.byFirst[toks[0]], trigger{toks: toks, topic: q})
			t.prefixes[prefix3(toks[0])] = true
		}
	}
	t.seg = arabic.NewSegmenter(nil, func(stem string) bool { return t.byFirst[stem] != nil })
	return t
}

// hostKey removes the article from a normalized trigger word.
func hostKey(k string) string {
	if strings.HasPrefix(k, "ال") && utf8.RuneCountInString(k) > 4 {
		return k[len("ال"):]
	}
	return k
}

func prefix3(k string) string {
	n := 0
	for i := range k {
		if n == 3 {
			return k[:i]
		}
		n++
	}
	return k
}

func init() { defaultTagger() }

// Topics returns the IPTC topics the tagger can assign and their broader
// topics, by qcode.
func Topics() map[string]Topic {
	out := map[string]Topic{}
	for q, t := range defaultTagger().topics {
		out[q] = *t
	}
	return out
}

// hosts returns the keys under which token key/word may match a trigger.
func (t *tagger) hosts(key, word string) []string {
	var out []string
	if t.byFirst[key] != nil {
		out = append(out, key)
	}
	possible := false
	rest := key
	for n := 0; n < 4 && !possible && rest != ""; n++ {
		possible = t.prefixes[prefix3(rest)]
		_, size := utf8.DecodeRuneInString(rest)
		rest = rest[size:]
	}
	if !possible {
		return out
	}
	for _, p := range t.cache.Get(word, t.seg.Analyze) {
		if p.Suffix != "" || p.Fut {
			continue
		}
		if t.byFirst[p.Stem] != nil && !containsStr(out, p.Stem) {
			out = append(out, p.Stem)
		}
	}
	return out
}

// Tags assigns topic tags to an article from its segments, merged with
// the article's own tags.
func (an *Analyzer) Tags(a *article.Article, segs []article.Segment) []Tag {
	t := an.tags
	hits := map[string]float64{}
	for _, s := range segs {
		w := 1.0
		if s.Kind == article.KindTitle || s.Kind == article.KindHeading {
			w = 2
		}
		if s.Kind == article.KindTitle && a.TitleDerived {
			continue // a title derived from the lead repeats it
		}
		toks := arabic.Tokenize(s.Text)
		keys := make([]string, len(toks))
		for i, tk := range toks {
			keys[i] = arabic.Normalize(tk.Text)
		}
		for i := range toks {
			for _, h := range t.hosts(keys[i], toks[i].Text) {
				seen := map[string]bool{}
				for _, tr := range t.byFirst[h] {
					if seen[tr.topic] || i+len(tr.toks) > len(toks) {
						continue
					}
					ok := true
					for j := 1; j < len(tr.toks); j++ {
						if keys[i+j] != tr.toks[j] && hostKey(keys[i+j]) != tr.toks[j] {
							ok = false
							break
						}
					}
					if ok {
						seen[tr.topic] = true
						hits[tr.topic] += w
					}
				}
			}
		}
	}

	// Evidence: own hits plus those of narrower topics (each ancestor once).
	ev := map[string]float64{}
	for q, h := range hits {
		for _, anc := range t.ancestors(q) {
			ev[anc] += h
		}
	}
	score := func(q string) float64 { return 1 - math.Exp(-ev[q]/TagScale) }

	var out []Tag
	have := map[string]bool{}
	for _, g := range a.Tags {
		tag, ok := t.inputTag(g)
		if !ok || have[tag.ID] {
			continue
		}
		have[tag.ID] = true
		out = append(out, tag)
	}

	var cands []string
	for q := range ev {
		if score(q) >= TagThreshold && t.topics[q].AR != "" {
			cands = append(cands, q)
		}
	}
	var keep []string
	for _, q := range cands {
		specific := false
		for _, d := range cands {
			if d != q && t.isAncestor(q, d) && ev[d] >= SpecificShare*ev[q] {
				specific = true
				break
			}
		}
		if !specific {
			keep = append(keep, q)
		}
	}
	sort.Slice(keep, func(i, j int) bool {
		si, sj := score(keep[i]), score(keep[j])
		if si != sj {
			return si > sj
		}
		if t.topics[keep[i]].Level != t.topics[keep[j]].Level {
			return t.topics[keep[i]].Level > t.topics[keep[j]].Level
		}
		return keep[i] < keep[j]
	})
	for _, q := range keep {
		if len(out) >= MaxTags {
			break
		}
		tag := t.tagOf(q, math.Round(score(q)*1000)/1000)
		if have[tag.ID] {
			continue
		}
		have[tag.ID] = true
		out = append(out, tag)
	}
	if len(out) > MaxTags {
		out = out[:MaxTags]
	}
	return out
}

func (t *tagger) tagOf(q string, score float64) Tag {
	tp := t.topics[q]
	return Tag{ID: gazetteer.Slug(tp.EN), QCode: q, LabelEN: tp.EN, LabelAR: tp.AR, Score: score}
}

// inputTag turns a tag given by the input into a Tag.
func (t *tagger) inputTag(g string) (Tag, bool) {
	g = strings.TrimSpace(g)
	if g == "" {
		return Tag{}, false
	}
	for q, tp := range t.topics {
		if tp.AR == "" {
			continue
		}
		if strings.EqualFold(g, q) || strings.EqualFold(g, tp.EN) || arabic.Normalize(g) == arabic.Normalize(tp.AR) {
			return t.tagOf(q, 1), true
		}
	}
	id := gazetteer.Slug(g)
	if id == "" {
		id = gazetteer.Slug(arabic.Romanize(g)) // a tag is no name: the rules, not the name speller
	}
	if id == "" {
		return Tag{}, false
	}
	id, _ = article.FitName(id) // a name too long for a file: shortened, the label stays whole
	return Tag{ID: id, LabelEN: g, LabelAR: g, Score: 1}, true
}

// ancestors returns q and every broader topic of q, each once.
func (t *tagger) ancestors(q string) []string {
	var out []string
	seen := map[string]bool{}
	stack := []string{q}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[c] || t.topics[c] == nil {
			continue
		}
		seen[c] = true
		out = append(out, c)
		stack = append(stack, t.topics[c].Broader...)
	}
	return out
}

// isAncestor reports whether a is a broader topic of d.
func (t *tagger) isAncestor(a, d string) bool {
	for _, x := range t.ancestors(d) {
		if x == a && x != d {
			return true
		}
	}
	return false
}
