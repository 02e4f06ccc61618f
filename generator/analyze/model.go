package analyze

// The statistical tagger: an averaged perceptron (Collins 2002) over BIO
// tags, decoded greedily left to right, with word, stem, clitic, affix,
// context-word, title/head-word and gazetteer features. It is trained on
// ANERcorp (Benajiba et al. 2007; see data/README.md) by
// scripts/analyze-train.go and finds names the gazetteer lacks; gazetteer
// matches always win over it.
//
// Hand-written because no maintained Go library offers a sequence tagger;
// the averaged perceptron is about a hundred lines.

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/jisr-news/jisr/generator/arabic"
	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/generator/gazetteer"
)

// bioTags are the tagger's classes.
var bioTags = []string{"O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG"}

const nTags = 7

var tagType = map[string]Type{"PERS": Person, "LOC": Place, "ORG": Organization}
var typeTag = map[Type]string{Person: "PERS", Place: "LOC", Organization: "ORG"}

//go:embed data/ner.model.gz
var modelGz []byte

// embeddedModel is the tagger of EmbeddedModel.
var embeddedModel = arabic.NewLoaded(func() *Model {
	m, err := ReadModel(bytes.NewReader(modelGz))
	if err != nil {
		panic("analyze: embedded model: " + err.Error())
	}
	return m
})

// EmbeddedModel returns the tagger shipped with jisr (trained on 80% of
// ANERcorp-train by scripts/analyze-train.go), read once.
func EmbeddedModel() *Model {
	return embeddedModel.Get()
}

// Model is a trained averaged-perceptron tagger.
type Model struct {
	w map[uint64]*[nTags]float32
	// tab is w frozen into an open-addressing table for fast look-ups
	// (see freeze); nil while training.
	keys []uint64
	vals [][nTags]float32
	mask uint64
}

// freeze builds the look-up table from w: linear probing over a
// power-of-two table at most half full. Key 0 marks an empty slot (a
// feature hashing to 0 is dropped; FNV-1a makes that vanishingly rare).
func (m *Model) freeze() *Model {
	size := uint64(1)
	for size < uint64(2*len(m.w)+1) {
		size <<= 1
	}
	m.keys = make([]uint64, size)
	m.vals = make([][nTags]float32, size)
	m.mask = size - 1
	for f, w := range m.w {
		if f == 0 {
			continue
		}
		i := f & m.mask
		for m.keys[i] != 0 {
			i = (i + 1) & m.mask
		}
		m.keys[i] = f
		m.vals[i] = *w
	}
	return m
}

func (m *Model) lookup(f uint64) *[nTags]float32 {
	if m.keys == nil {
		return m.w[f]
	}
	for i := f & m.mask; ; i = (i + 1) & m.mask {
		switch m.keys[i] {
		case f:
			return &m.vals[i]
		case 0:
			return nil
		}
	}
}

// LabeledSentence is one training or evaluation sentence: its words as
// written and their BIO tags (B-PERS, I-LOC, O …; other types count as O).
type LabeledSentence struct {
	Words []string
	Tags  []string
}

// ReadANERcorp reads ANERcorp's format: one "word TAG" per line; a blank
// line or a "." word ends a sentence.
func ReadANERcorp(r io.Reader) ([]LabeledSentence, error) {
	var out []LabeledSentence
	var cur LabeledSentence
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = LabeledSentence{}
	}
	sc := bufio.NewScanner(r)
	line, bad := 0, 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			flush()
			continue
		}
		if len(f) == 1 {
			continue // a blank word ("  O"): nothing to tag
		}
		if len(f) != 2 {
			// The corpus has a few glued lines (". Oالإصابة O"); they
			// are skipped, not guessed.
			bad++
			if bad > 10 {
				return nil, fmt.Errorf("ANERcorp line %d: want \"word TAG\", got %q", line, sc.Text())
			}
			continue
		}
		cur.Words = append(cur.Words, f[0])
		cur.Tags = append(cur.Tags, f[1])
		if f[0] == "." {
			flush()
		}
	}
	flush()
	return out, sc.Err()
}

// Text returns the sentence's words joined by spaces and the byte offset
// of each word.
func (s LabeledSentence) Text() (string, []int) {
	var b strings.Builder
	starts := make([]int, len(s.Words))
	for i, w := range s.Words {
		if i > 0 {
			b.WriteByte(' ')
		}
		starts[i] = b.Len()
		b.WriteString(w)
	}
	return b.String(), starts
}

// sentenceTokens tokenizes a labeled sentence as Analyze would and gives
// each token the tag of the word it lies in (B- only on a word's first
// token).
func sentenceTokens(s LabeledSentence) (*segTokens, []int) {
	text, starts := s.Text()
	st := prepare([]article.Segment{{ID: "s", Kind: article.KindParagraph, Text: text}})
	if len(st) == 0 {
		return nil, nil
	}
	gold := make([]int, len(st[0].toks))
	w := 0
	prevWord := -1
	for i, t := range st[0].toks {
		for w+1 < len(starts) && starts[w+1] <= t.Start {
			w++
		}
		tag := s.Tags[w]
		if strings.HasPrefix(tag, "B-") && prevWord == w {
			tag = "I-" + tag[2:]
		}
		gold[i] = tagIndex(tag)
		prevWord = w
	}
	return st[0], gold
}

func tagIndex(tag string) int {
	for i, t := range bioTags {
		if t == tag {
			return i
		}
	}
	return 0 // MISC and unknown types are O
}

// gazLabels gives each token the BIO label of the gazetteer match that
// covers it, "O" elsewhere.
func gazLabels(s *segTokens, ms []match, si int) []string {
	out := make([]string, len(s.toks))
	for i := range out {
		out[i] = "O"
	}
	for _, m := range ms {
		if m.seg != si {
			continue
		}
		for i := m.start; i < m.end; i++ {
			p := "I-"
			if i == m.start {
				p = "B-"
			}
			if m.short {
				p += "s"
			}
			out[i] = p + typeTag[m.typ]
		}
	}
	return out
}

// features returns the static feature hashes of every token. Feature
// strings are never built: each is hashed from its parts (see fh).
func (an *Analyzer) features(s *segTokens, gaz []string) [][]uint64 {
	n := len(s.toks)
	stems := make([]string, n)
	clits := make([]uint64, n) // the hash of the clitics feature, "c0="
	for i := range s.toks {
		stems[i] = s.keys[i]
		if ps := an.analyses(s.toks[i].Text); len(ps) > 0 {
			p := ps[0]
			stems[i] = p.Stem
			det := ""
			if p.Det {
				det = "ال"
			}
			clits[i] = fhJoin("c0=", p.Conj, p.Prep, det, p.Infl, p.Suffix)
		} else {
			clits[i] = fh("c0=", "", "")
		}
	}
	key := func(i int) string {
		switch {
		case i < 0:
			return "<s>"
		case i >= n:
			return "</s>"
		}
		return s.keys[i]
	}
	stem := func(i int) string {
		if i < 0 || i >= n {
			return key(i)
		}
		return stems[i]
	}
	g := func(i int) string {
		if i < 0 || i >= n {
			return "-"
		}
		return gaz[i]
	}
	// Name-word buckets, one look-up per token.
	buckets := make([]string, n)
	for i := range buckets {
		buckets[i] = nameBucket(s.keys[i])
	}
	nb := func(i int) string {
		if i < 0 || i >= n {
			return nameBucket(key(i))
		}
		return buckets[i]
	}
	out := make([][]uint64, n)
	flat := make([]uint64, 0, n*40)
	for i := 0; i < n; i++ {
		k := s.keys[i]
		start := len(flat)
		shape := "ar"
		if !arabic.HasArabic(k) {
			shape = "lat"
			if strings.IndexFunc(k, func(r rune) bool { return r >= '0' && r <= '9' }) >= 0 {
				shape = "num"
			}
		}
		nr := utf8.RuneCountInString(k)
		flat = append(flat,
			fh("b", "", ""),
			fh("w0=", k, ""), fh("w-1=", key(i-1), ""), fh("w+1=", key(i+1), ""),
			fh("w-2=", key(i-2), ""), fh("w+2=", key(i+2), ""),
			fh("w-1w0=", key(i-1), k), fh("w0w+1=", k, key(i+1)),
			fh("s0=", stem(i), ""), fh("s-1=", stem(i-1), ""), fh("s+1=", stem(i+1), ""),
			clits[i],
			fh("suf2=", lastRunes(k, 2), ""), fh("suf3=", lastRunes(k, 3), ""),
			fh("pre2=", firstRunes(k, 2), ""), fh("pre3=", firstRunes(k, 3), ""),
			fh("shape=", shape, ""), fh("len=", string(rune('0'+min(nr, 8))), ""),
			fh("g0=", g(i), ""), fh("g-1=", g(i-1), ""), fh("g+1=", g(i+1), ""),
			fh("g0w0=", g(i), k), fh3("g-1g0g+1=", g(i-1), g(i), g(i+1)),
		)
		if i > 0 {
			kp := s.keys[i-1]
			if personTitles[kp] {
				flat = append(flat, fh("title-1", "", ""))
			}
			if orgHeads[kp] || orgHeads[stems[i-1]+"ه"] || orgHeads[stems[i-1]] {
				flat = append(flat, fh("orghead-1", "", ""))
			}
			if placeHeads[kp] {
				flat = append(flat, fh("placehead-1", "", ""))
			}
			if teamWords[kp] || teamWords[stems[i-1]] {
				flat = append(flat, fh("team-1", "", ""))
			}
		}
		if i > 1 && personTitles[s.keys[i-2]] {
			flat = append(flat, fh("title-2", "", ""))
		}
		if stopWords[k] {
			flat = append(flat, fh("stop0", "", ""))
		}
		if arabic.IsGivenName(k) {
			flat = append(flat, fh("given0", "", ""))
		}
		// Words of gazetteer names, by the types they name.
		flat = append(flat, fh("gw0=", an.words[k], ""), fh("gs0=", an.words[stems[i]], ""),
			fh("gw-1=", an.words[key(i-1)], ""), fh("gw+1=", an.words[key(i+1)], ""))
		if arabic.IsGivenName(key(i - 1)) {
			flat = append(flat, fh("given-1", "", ""))
		}
		// How often Wikidata's person names use the word (and its stem,
		// without clitics), and the words beside it.
		flat = append(flat, fh("nw0=", nb(i), ""), fh("ns0=", nameBucket(stems[i]), ""),
			fh("nw-1=", nb(i-1), ""), fh("nw+1=", nb(i+1), ""),
			fh("nw0nw+1=", nb(i), nb(i+1)), fh("nw-1nw0=", nb(i-1), nb(i)))
		if nisba(k) {
			flat = append(flat, fh("nisba0", "", ""))
		}
		if i+1 < n && nisba(s.keys[i+1]) {
			flat = append(flat, fh("nisba+1", "", ""))
		}
		out[i] = flat[start:len(flat):len(flat)]
	}
	return out
}

// teamWords come before a club's name: فريق الوداد، أمام نادي الهلال.
var teamWords = keySet("فريق", "فريقي", "لفريق", "نادي", "لنادي", "منتخب", "فريقا", "الفريق")

// nameBucket sorts a word by how many Wikidata person names use it
// (arabic.NameWordCount): 0, 1, 2–9, 10–99, 100 or more.
func nameBucket(k string) string {
	switch n := arabic.NameWordCount(k); {
	case n == 0:
		return "0"
	case n == 1:
		return "1"
	case n < 10:
		return "2"
	case n < 100:
		return "3"
	default:
		return "4"
	}
}

func lastRunes(k string, n int) string {
	i := len(k)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(k[:i])
		i -= size
	}
	return k[i:]
}

func firstRunes(k string, n int) string {
	i := 0
	for ; n > 0 && i < len(k); n-- {
		_, size := utf8.DecodeRuneInString(k[i:])
		i += size
	}
	return k[:i]
}

// fh hashes a feature given as a name and up to two values (FNV-1a over
// name, a separator and the values), without building the string.
func fh(name, a, b string) uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	for i := 0; i < len(name); i++ {
		h = (h ^ uint64(name[i])) * prime
	}
	h = (h ^ 0x1f) * prime
	for i := 0; i < len(a); i++ {
		h = (h ^ uint64(a[i])) * prime
	}
	h = (h ^ 0x1e) * prime
	for i := 0; i < len(b); i++ {
		h = (h ^ uint64(b[i])) * prime
	}
	return h
}

// fhJoin is fh(name, the parts joined by "|", ""), without joining them.
func fhJoin(name string, parts ...string) uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	for i := 0; i < len(name); i++ {
		h = (h ^ uint64(name[i])) * prime
	}
	h = (h ^ 0x1f) * prime
	for k, p := range parts {
		if k > 0 {
			h = (h ^ '|') * prime
		}
		for i := 0; i < len(p); i++ {
			h = (h ^ uint64(p[i])) * prime
		}
	}
	return (h ^ 0x1e) * prime
}

// fh3 is fh with three values.
func fh3(name, a, b, c string) uint64 {
	const prime = 1099511628211
	h := fh(name, a, b)
	h = (h ^ 0x1d) * prime
	for i := 0; i < len(c); i++ {
		h = (h ^ uint64(c[i])) * prime
	}
	return h
}

// dynamic adds the features of the previous tags.
func dynamic(fs []uint64, prev1, prev2 int, w0 uint64) []uint64 {
	return append(fs,
		fh("t-1=", bioTags[prev1], ""),
		fh("t-2t-1=", bioTags[prev2], bioTags[prev1]),
		w0^fh("t-1w0=", bioTags[prev1], ""),
	)
}

// allowed reports whether tag t may follow tag prev in BIO.
func allowed(prev, t int) bool {
	tag := bioTags[t]
	if !strings.HasPrefix(tag, "I-") {
		return true
	}
	p := bioTags[prev]
	return p == "B-"+tag[2:] || p == tag
}

func (m *Model) scores(fs []uint64, sc *[nTags]float32) {
	*sc = [nTags]float32{}
	for _, f := range fs {
		if w := m.lookup(f); w != nil {
			for t := range sc {
				sc[t] += w[t]
			}
		}
	}
}

// decode tags one sentence greedily. It also returns, per token, the
// margin of the chosen tag over O (0 for O).
//
// Viterbi decoding over pairs of tags, with the model trained as a
// structured perceptron on Viterbi output and max-marginal margins, was
// tried and measured by 4-fold cross-validation inside ANERcorp's
// training part (TestExpCV): mean micro F1 69.70 against 69.95 greedy,
// precision 81.2 against 81.9. It does not pay with these features, so
// decoding stays greedy (and cheaper).
func (m *Model) decode(feats [][]uint64) ([]int, []float32) {
	out := make([]int, len(feats))
	margin := make([]float32, len(feats))
	prev1, prev2 := 0, 0
	var sc [nTags]float32
	buf := make([]uint64, 0, 64)
	for i, fs := range feats {
		buf = dynamic(append(buf[:0], fs...), prev1, prev2, fs[1])
		m.scores(buf, &sc)
		best := 0
		for t := 1; t < nTags; t++ {
			if allowed(prev1, t) && (sc[t] > sc[best] || !allowed(prev1, best)) {
				best = t
			}
		}
		out[i] = best
		margin[i] = sc[best] - sc[0]
		prev2, prev1 = prev1, best
	}
	return out, margin
}

// minMargin is the smallest margin over O, at any word of a span, for
// which a name the tagger finds is kept: a wrong entity page is worse than
// none, so doubtful names are left out. Chosen by 4-fold
// cross-validation inside ANERcorp's training part (TestExpCV,
// MINMARGIN=…), never on the held-out part, as the smallest threshold
// whose mean precision reaches the project's 85: 0 gave F1 72.93 P
// 84.74, 1 gives 72.77 P 85.04, 2 72.70 P 85.29, 3 72.50 P 85.40.
var minMargin float32 = 1

// loneMargin is the margin a one-word person name needs.
var loneMargin float32 = 10

// modelPass tags the tokens the gazetteer left free and returns the spans
// found there as context-rule style matches (Known false).
func (an *Analyzer) modelPass(st []*segTokens, gazMs []match) []match {
	var out []match
	for si, s := range st {
		if len(s.toks) == 0 {
			continue
		}
		tags, margin := an.model.decode(an.features(s, gazLabels(s, gazMs, si)))
		for i := 0; i < len(tags); {
			tag := bioTags[tags[i]]
			if tag == "O" {
				i++
				continue
			}
			typ := tag[2:]
			j := i + 1
			for j < len(tags) && bioTags[tags[j]] == "I-"+typ {
				j++
			}
			// A name never runs across punctuation (جورج كلوني : بوش,
			// أوهارا ( مالك): the words after it are another span.
			for t := i + 1; t < j; t++ {
				if !nameGap(s, t) {
					j = t
					break
				}
			}
			next := j
			// Trailing words that cannot end a name are left out: a stop
			// word (بجانب), a verb with the future marker (سيسافر), an
			// indefinite nationality (سعودي).
			for j-i > 1 && (an.badLastWord(s, j-1) || typ == "PERS" && accusativeWord(s.keys[j-1])) {
				j--
			}
			free := true
			for t := i; t < j; t++ {
				free = free && !s.used[t] && arabic.HasArabic(s.keys[t]) && !stopWords[s.keys[t]] && margin[t] >= minMargin
			}
			// The words after punctuation inside a tagged run (tagged I-,
			// never started as a name) make a name only when two or more
			// (محمد جحفلي ، محمد البريك); one word there is mostly the
			// sentence's (، ستنطلق). A lone word that cannot end a name
			// is none either.
			if an.badFirstWord(s, i) {
				free = false
			}
			if j-i < 2 && (strings.HasPrefix(tag, "I-") || an.badLastWord(s, i) || typ == "PERS" && accusativeWord(s.keys[i])) {
				free = false
			}
			// A lone word is a weak name for a person (محمد، صالح): it
			// needs a clear margin, and a given name alone never counts.
			if typ == "PERS" && j-i < 2 {
				if arabic.IsGivenName(s.keys[i]) || margin[i] < loneMargin {
					free = false
				}
			}
			// A given name alone in two words (عبد الله) is no one in
			// particular either.
			if typ == "PERS" && j-i == 2 {
				if arabic.IsGivenName(s.keys[i] + " " + s.keys[i+1]) {
					free = false
				}
			}
			if free {
				m := an.nameOf(s, si, i, j, tagType[typ])
				// A short form of a known entity (صدام, عباس) found by the
				// tagger is that entity when only one of its type has it;
				// when several do, it is left out rather than guessed.
				if f := an.formOf(m.nameAR); f != nil {
					var same []int
					for _, e := range append(append([]int(nil), f.full...), f.short...) {
						if Type(an.g.Entries()[e].Type) == m.typ && !containsInt(same, e) {
							same = append(same, e)
						}
					}
					switch len(same) {
					case 0:
						// The gazetteer knows the name as another type
						// (a club, a paper, a country): the tagger's type
						// is wrong, and a page of that type would be.
						if len(f.full)+len(f.short)+len(f.sport) > 0 {
							i = next
							continue
						}
					case 1:
						m.entry, m.short = same[0], true
					default:
						i = next
						continue
					}
				}
				out = append(out, m)
				s.claim(i, j)
			}
			i = next
		}
	}
	return out
}

// TrainModel trains a tagger on sents for the given number of epochs with
// analyzer an's gazetteer features. The sentence order is shuffled with a
// fixed seed, so training is deterministic.
func TrainModel(an *Analyzer, sents []LabeledSentence, epochs int) *Model {
	type ex struct {
		feats [][]uint64
		gold  []int
	}
	var data []ex
	for _, s := range sents {
		st, gold := sentenceTokens(s)
		if st == nil {
			continue
		}
		sts := []*segTokens{st}
		ms := an.gazetteerPass(sts)
		data = append(data, ex{an.features(st, gazLabels(st, ms, 0)), gold})
	}
	w := map[uint64]*[nTags]float32{}
	total := map[uint64]*[nTags]float64{}
	stamp := map[uint64]*[nTags]int{}
	c := 1
	update := func(f uint64, t int, d float32) {
		if w[f] == nil {
			w[f], total[f], stamp[f] = &[nTags]float32{}, &[nTags]float64{}, &[nTags]int{}
		}
		total[f][t] += float64(c-stamp[f][t]) * float64(w[f][t])
		stamp[f][t] = c
		w[f][t] += d
	}
	m := &Model{w: w}
	rng := rand.New(rand.NewSource(1))
	var sc [nTags]float32
	for e := 0; e < epochs; e++ {
		rng.Shuffle(len(data), func(i, j int) { data[i], data[j] = data[j], data[i] })
		for _, x := range data {
			prev1, prev2 := 0, 0
			for i, fs := range x.feats {
				full := dynamic(append([]uint64(nil), fs...), prev1, prev2, fs[1])
				m.scores(full, &sc)
				best := 0
				for t := 1; t < nTags; t++ {
					if sc[t] > sc[best] {
						best = t
					}
				}
				if g := x.gold[i]; best != g {
					for _, f := range full {
						update(f, g, 1)
						update(f, best, -1)
					}
				}
				c++
				// Condition on the gold history while training (training
				// on the predicted history was measured: 0.5 F1 worse).
				prev2, prev1 = prev1, x.gold[i]
			}
		}
	}
	// Average, and drop the features whose weights all round to zero.
	avg := &Model{w: map[uint64]*[nTags]float32{}}
	for f, ws := range w {
		var a [nTags]float32
		keep := false
		for t := range ws {
			tot := total[f][t] + float64(c-stamp[f][t])*float64(ws[t])
			a[t] = float32(tot / float64(c))
			keep = keep || math.Abs(float64(a[t])) >= 0.005
		}
		if keep {
			avg.w[f] = &a
		}
	}
	return avg.freeze()
}

// Features reports how many features the model weighs.
func (m *Model) Features() int { return len(m.w) }

const modelMagic = "jisr-ner-1"

// WriteTo writes the model gzip-compressed: a magic string, the feature
// count, then per feature its hash and weights as float16-rounded
// float32 bits (little endian).
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	bw.WriteString(modelMagic)
	binary.Write(bw, binary.LittleEndian, uint32(len(m.w)))
	keys := make([]uint64, 0, len(m.w))
	for f := range m.w {
		keys = append(keys, f)
	}
	sortUint64(keys)
	for _, f := range keys {
		binary.Write(bw, binary.LittleEndian, f)
		for _, x := range m.w[f] {
			// Keep 10 bits of mantissa: plenty for a perceptron and it
			// compresses well.
			binary.Write(bw, binary.LittleEndian, math.Float32bits(x)&0xFFFFE000)
		}
	}
	if err := bw.Flush(); err != nil {
		return 0, err
	}
	return 0, zw.Close()
}

// ReadModel reads a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("NER model: %w", err)
	}
	br := bufio.NewReader(zr)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("NER model: not a jisr model")
	}
	var n uint32
	if err := binary.Read(br, binary.LittleEndian, &n); err != nil {
		return nil, fmt.Errorf("NER model: %w", err)
	}
	m := &Model{w: make(map[uint64]*[nTags]float32, n)}
	for i := uint32(0); i < n; i++ {
		var f uint64
		var bits [nTags]uint32
		if err := binary.Read(br, binary.LittleEndian, &f); err != nil {
			return nil, fmt.Errorf("NER model: feature %d: %w", i, err)
		}
		if err := binary.Read(br, binary.LittleEndian, &bits); err != nil {
			return nil, fmt.Errorf("NER model: feature %d: %w", i, err)
		}
		var w [nTags]float32
		for t, b := range bits {
			w[t] = math.Float32frombits(b)
		}
		m.w[f] = &w
	}
	return m.freeze(), nil
}

func sortUint64(xs []uint64) { slices.Sort(xs) }

// HeldOutPercent is the share of ANERcorp sentences, taken from the end,
// that training leaves out for evaluation.
const HeldOutPercent = 20

// ANERcorpSplit splits sentences into the training part (the first 80%)
// and the held-out part (the last 20%), keeping documents contiguous.
func ANERcorpSplit(sents []LabeledSentence) (train, heldOut []LabeledSentence) {
	cut := len(sents) * (100 - HeldOutPercent) / 100
	return sents[:cut], sents[cut:]
}

// formOf returns the gazetteer form written name, or nil.
func (an *Analyzer) formOf(name string) *form {
	k := gazetteer.Key(name)
	if k == "" {
		return nil
	}
	toks := strings.Split(k, " ")
	for _, f := range an.index[toks[0]] {
		if strings.Join(f.toks, " ") == k {
			return f
		}
	}
	return nil
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// badLastWord reports whether token t cannot end a name found by the
// tagger.
func (an *Analyzer) badLastWord(s *segTokens, t int) bool {
	k := s.keys[t]
	if stopWords[k] {
		return true
	}
	// A role in construct with the next word (محمد حجازي مساعد وزير
	// الخارجية, بيتر كينيون كبير المديرين): an apposition after the name.
	if roleHeads[k] && t+1 < len(s.toks) && spaced(s, t+1) && arabic.HasArabic(s.keys[t+1]) {
		return true
	}
	if ps := an.analyses(s.toks[t].Text); len(ps) > 0 && ps[0].Fut {
		return true
	}
	// An indefinite nationality adjective: سعودي، مصري، أمريكي.
	if !strings.HasPrefix(k, "ال") && strings.HasSuffix(k, "ي") && an.nationality("ال"+k) {
		return true
	}
	return false
}

// roleHeads are indefinite role words that stand in construct after a
// name (مساعد وزير, كبير المديرين, رئيس مجلس).
var roleHeads = keySet("مساعد", "نائب", "كبير", "عضو", "ممثل", "مستشار", "سفير", "رئيس", "وزير", "مدير",
	"قائد", "زعيم", "محافظ", "عمدة", "حاكم", "مدرب", "لاعب", "مراسل", "وكيل", "مندوب")

// ordinals never start a name (الدور الثاني "the second round"), though
// they end some (عبدالله الثاني).
var ordinals = keySet("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر",
	"الأولى", "الثانية", "الثالثة")

// badFirstWord reports whether token t cannot start a name found by the
// tagger: an ordinal.
func (an *Analyzer) badFirstWord(s *segTokens, t int) bool {
	return ordinals[s.keys[t]]
}

// accusativeWord reports whether k is a common word in the indefinite
// accusative (برنامجا "a programme", نموذجا), which ends no person's
// name: a word of the lexicon ending in ا that few names use.
func accusativeWord(k string) bool {
	return strings.HasSuffix(k, "ا") && commonWord(k) && arabic.NameWordCount(k) < 5 && !arabic.IsGivenName(k)
}

// nationality reports whether the definite nisba adjective k (السعودي)
// is made from a country or place of the gazetteer: its stem, with or
// without ال, or with ا, ه or يه restored (السوري ← سوريا, السعودي ←
// السعودية), is a place name.
func (an *Analyzer) nationality(k string) bool {
	stem := strings.TrimPrefix(strings.TrimSuffix(k, "ي"), "ال")
	for _, c := range []string{stem, "ال" + stem, stem + "ا", stem + "يا", stem + "ه", "ال" + stem + "ه", "ال" + stem + "يه"} {
		if f := an.index[c]; f != nil {
			for _, fm := range f {
				if len(fm.toks) == 1 && len(fm.full) > 0 && an.g.Entries()[fm.full[0]].Type == gazetteer.Place {
					return true
				}
			}
		}
	}
	return false
}
