// Package search builds the site's offline search index, in parts.
//
// In: the searchable pages of the site (articles in both languages, entity
// and tag pages), as Docs. Out: plain JavaScript files, each assigning one
// value to a global, so that each loads from a <script> element, also from
// file:// (no fetch, no ES module, no WASM): a small first file and parts
// that a query loads only when it needs them. static/js/search.js reads
// them; query.go is its Go twin (the same matching and ranking), which the
// tests compare with the script, with the whole index in memory, and use
// to count what a search downloads.
//
// Arabic words are indexed by their stem as the shared package
// generator/arabic finds it (normalization: hamza and alef forms, ة/ه, ى/ي,
// tatweel, diacritics, digits; clitics: و ف ب ك ل ال …). The browser must
// treat queries the same way without a second definition of the rules, so
// the first file carries two tables derived from package arabic at build
// time:
//
//   - fold: every rune that arabic.Normalize changes, with its replacement;
//   - pre and suf: the proclitic and suffix strings that the segmenter
//     actually removed from the indexed words (e.g. "و", "ال", "وال", "ات",
//     "يه"), most frequent first.
//
// The script folds each query word with the first table and tries it with
// those affixes removed; a candidate matches a stem exactly, or as a
// prefix when it has at least MinPrefix letters. So «الاستخبارات» (→
// استخبارات) finds «والاستخباراتية» (stem استخباراتيه), and «داعش» finds
// every article that names it. Latin words are lower-cased.
//
// Ranking (rank in query.go): per query word 3 when the word itself is a
// term of the page, 2 for a candidate, 1 for a prefix; plus 2 when every
// word was found in the page's title, 4 when the whole folded query is one
// of the page's names, 1 for entity and tag pages; ties: pages in the
// reader's language, then the index's order (newest articles first).
//
// Format (version 2). Keys are the terms and the folded names of the
// pages, sorted in UTF-16 order (as JavaScript compares strings) and cut
// into ranges, the term parts: a part ends where the first letter of the
// keys changes or when it holds PartBytes. Lists of keys are front-coded:
// each key is one character whose code minus 48 is the number of UTF-16
// units it shares with the key before, then the rest; keys are separated
// by newlines (no key holds one).
//
//	js/search-index.js:  window.JISR_SEARCH = {
//	  "v": 2, "minPrefix": 4,
//	  "fold": {"أ": "ا", "ً": "", …},
//	  "pre": ["ال", "و", …], "suf": ["ات", "ه", …],
//	  "stop": ["في", …],          // terms left out because most pages have them
//	  "kinds": ["article", "entity", "tag"], "langs": ["ar", "en"],
//	  "n": 32078,                 // pages (docs), numbered from 0
//	  "pack": 2, "flags": "0A3…", // kind × len(langs) + lang of every doc, pack docs a character
//	  "bounds": "…",             // the first key of term parts 1, 2, …, front-coded
//	  "meta": 8                   // docs per metadata part
//	};
//	js/search-index/t<i>.js:  (window.JISR_SEARCH_PARTS = …)["t<i>"] = {
//	  "terms": "…",              // the part's terms, front-coded
//	  "post": ["2,5,1", …],       // per term: doc gaps, base 36, each ×2 +1 when the term is in the doc's title
//	  "names": [["دوله القانون", "1e"], …] // folded name → doc gaps, base 36
//	};
//	js/search-index/m<j>.js:  (…)["m<j>"] = [[path, title, meta], …] // docs j×meta … j×meta+meta-1
//
// A query reads the first file, then the term part of each candidate
// (binary search over bounds; a prefix also reads the next parts whose
// first key it begins) and the part of the whole query (names), then the
// metadata parts of the hits shown (Shown). Paths are relative to the site
// root; the script prefixes the root it was loaded from, so one index
// serves file:// and any base URL.
//
// Size (go test ./generator/search -run FirstSearchBytes -v, with a corpus
// from scripts/bench-site.go; see ARCHITECTURE.md): at 10,000 articles the
// index is 16.7 MB in 5,307 files, the first file 28 KB, and a first
// search loads 77–135 KB for the queries measured, at most 315 KB for
// 4,374 queries made of the articles' words. Recall of the matcher on
// words as written in the articles: 100% (TestRecallJS).
package search

import (
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/jisr-news/jisr/generator/arabic"
)

// Kinds of searchable pages.
const (
	KindArticle = "article"
	KindEntity  = "entity"
	KindTag     = "tag"
)

// MinPrefix is the length in letters from which a query word also matches
// the indexed terms that it begins. The script reads it from the index.
const MinPrefix = 4

// StopShare is the share of documents above which a term is left out of
// the index (its postings would be large and it does not discriminate).
// It applies only to indexes of at least StopMinDocs documents.
const (
	StopShare   = 0.5
	StopMinDocs = 40
)

// maxAffixes bounds the affix tables; rarer affixes are left out.
const maxAffixes = 40

// Doc is one searchable page.
type Doc struct {
	Kind  string // KindArticle, KindEntity or KindTag
	Lang  string // "ar" or "en"
	Path  string // relative to the site root, e.g. "en/articles/iraq/" or "articles/iraq.html"
	Title string // shown in the results
	Meta  string // a short line shown under the title: a date, an entity type
	// Text holds the texts to index: the title, the body, names and
	// aliases. The title is indexed whether or not it is repeated here.
	Text []string
	// Names are the names of an entity or tag page (both languages,
	// aliases): a query that is exactly one of them ranks the page first.
	Names []string
}

// Index is a built search index.
type Index struct {
	Docs  []Doc
	Terms []string // sorted
	Post  [][]int  // per term, the doc numbers, ascending
	Title [][]bool // per term and posting: the term is in that doc's title
	Stop  []string // terms left out
	Pre   []string // proclitics seen, most frequent first
	Suf   []string // suffixes seen, most frequent first
}

// Key returns the index key of one token: the stem of an Arabic word
// (normalized, clitics removed), or the lower-cased Latin word or number.
// It returns "" for tokens that are not indexed (single letters).
func Key(tok string) string {
	k, _, _ := key(tok)
	return k
}

// key returns the key of tok and, for Arabic words whose stem is a
// substring of the normalized word, the prefix and suffix that were
// removed.
func key(tok string) (k, pre, suf string) {
	if arabic.HasArabic(tok) {
		n := arabic.Normalize(tok)
		k = arabic.Segment(tok).Stem
		if i := strings.Index(n, k); i >= 0 && k != "" {
			pre, suf = n[:i], n[i+len(k):]
		}
	} else {
		k = arabic.WesternDigits(tok)
	}
	// The script lower-cases the whole folded query, Arabic words too
	// (they may carry Latin letters).
	k = strings.ToLower(k)
	if utf8.RuneCountInString(k) < 2 {
		return "", "", ""
	}
	return k, pre, suf
}

// New indexes docs.
func New(docs []Doc) *Index { return NewCached(docs, nil) }

// docTerms is what indexing one doc's texts gives: its keys, each once,
// in the order they first come (the title's first, titleN of them), and
// how often each proclitic and suffix was removed from its words. It
// follows from the doc's title and texts alone (and from package arabic),
// which is what lets a Cache keep it by their digest.
type docTerms struct {
	keys     []string
	titleN   int
	pre, suf []affixCount
}

type affixCount struct {
	affix string
	n     int
}

// keyer keys tokens, each distinct token once: segmenting a word is
// costly and news repeats its words.
type keyer struct {
	memo map[string]keyed
}

type keyed struct{ k, p, s string }

// terms indexes one doc's title and texts.
func (ky *keyer) terms(d *Doc) *docTerms {
	f := &docTerms{}
	seen := map[string]bool{}
	pre, suf := map[string]int{}, map[string]int{}
	add := func(t string) {
		for _, tok := range arabic.Tokenize(t) {
			kd, ok := ky.memo[tok.Text]
			if !ok {
				kd.k, kd.p, kd.s = key(tok.Text)
				ky.memo[tok.Text] = kd
			}
			if kd.k == "" {
				continue
			}
			if kd.p != "" {
				pre[kd.p]++
			}
			if kd.s != "" {
				suf[kd.s]++
			}
			if !seen[kd.k] {
				seen[kd.k] = true
				f.keys = append(f.keys, kd.k)
			}
		}
	}
	add(d.Title)
	f.titleN = len(f.keys)
	for _, t := range d.Text {
		add(t)
	}
	f.pre, f.suf = counts(pre), counts(suf)
	return f
}

// counts lists m's entries, sorted, so that a doc's terms are the same
// value however the map iterates.
func counts(m map[string]int) []affixCount {
	out := make([]affixCount, 0, len(m))
	for a, n := range m {
		out = append(out, affixCount{a, n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].affix < out[j].affix })
	return out
}

// NewCached indexes docs as New does, taking from c (nil: none) what an
// earlier index found in the docs whose title and texts are unchanged, and
// keeping in c what this one found (see Cache). The index is the same.
func NewCached(docs []Doc, c *Cache) *Index {
	x := &Index{Docs: docs}
	ky := &keyer{memo: map[string]keyed{}}
	var terms []string
	termOf := map[string]int{}
	var post, inTitle [][]int // per term: its docs, and the docs whose title has it
	pre, suf := map[string]int{}, map[string]int{}
	for i := range docs {
		d := &docs[i]
		var f *docTerms
		if c != nil {
			h := docDigest(d)
			if f = c.old[h]; f == nil {
				f = ky.terms(d)
			} else {
				c.Reused++
			}
			c.next[h] = f
		} else {
			f = ky.terms(d)
		}
		for j, k := range f.keys {
			n, ok := termOf[k]
			if !ok {
				n = len(terms)
				termOf[k] = n
				terms = append(terms, k)
				post, inTitle = append(post, nil), append(inTitle, nil)
			}
			post[n] = append(post[n], i)
			if j < f.titleN {
				inTitle[n] = append(inTitle[n], i)
			}
		}
		for _, a := range f.pre {
			pre[a.affix] += a.n
		}
		for _, a := range f.suf {
			suf[a.affix] += a.n
		}
	}
	var kept []int // term numbers, in x.Terms' order once sorted
	beyond := false
	for n, k := range terms {
		if len(docs) >= StopMinDocs && float64(len(post[n])) > StopShare*float64(len(docs)) {
			x.Stop = append(x.Stop, k)
			continue
		}
		kept = append(kept, n)
		beyond = beyond || beyondBMP(k)
	}
	if beyond {
		sort.Slice(kept, func(i, j int) bool { return lessUTF16(terms[kept[i]], terms[kept[j]]) })
	} else { // byte order is UTF-16 order (lessUTF16), and cheaper
		sort.Slice(kept, func(i, j int) bool { return terms[kept[i]] < terms[kept[j]] })
	}
	sort.Strings(x.Stop)
	x.Terms = make([]string, len(kept))
	x.Post = make([][]int, len(kept))
	x.Title = make([][]bool, len(kept))
	for i, n := range kept {
		x.Terms[i], x.Post[i] = terms[n], post[n]
		x.Title[i] = make([]bool, len(post[n]))
		ts := inTitle[n]
		for j, d := range post[n] {
			if len(ts) > 0 && ts[0] == d {
				x.Title[i][j] = true
				ts = ts[1:]
			}
		}
	}
	x.Pre, x.Suf = top(pre), top(suf)
	return x
}

// top returns the keys of m by count, then by string, at most maxAffixes,
// leaving out those seen only once (segmentation noise).
func top(m map[string]int) []string {
	var ks []string
	for k, n := range m {
		if n > 1 || len(m) < maxAffixes {
			ks = append(ks, k)
		}
	}
	sort.Slice(ks, func(i, j int) bool {
		if m[ks[i]] != m[ks[j]] {
			return m[ks[i]] > m[ks[j]]
		}
		return ks[i] < ks[j]
	})
	if len(ks) > maxAffixes {
		ks = ks[:maxAffixes]
	}
	return ks
}

// FoldName folds a name as the script folds a query: arabic.Normalize,
// lower case, spaces collapsed.
func FoldName(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(arabic.Normalize(s))), " ")
}

// FoldTable returns every rune that arabic.Normalize changes, mapped to its
// replacement ("" when it is removed), over the Arabic blocks and the
// digits. It is the browser's copy of the normalization.
func FoldTable() map[string]string {
	m := map[string]string{}
	for _, rg := range [][2]rune{{0x0600, 0x06FF}, {0x0750, 0x077F}, {0x08A0, 0x08FF}} {
		for r := rg[0]; r <= rg[1]; r++ {
			s := string(r)
			if n := arabic.Normalize(s); n != s {
				m[s] = n
			}
		}
	}
	return m
}

// maxShared bounds the shared-prefix count so that its character stays
// printable ASCII ('0' + 63 = 'o').
const maxShared = 63

// frontCode joins sorted terms, each as the count of UTF-16 units it
// shares with the one before (one character, '0' + n) and the rest. Sorted
// stems share long prefixes, so this saves about a third of their bytes.
func frontCode(terms []string) string {
	var b strings.Builder
	prev := []rune{}
	for i, t := range terms {
		if i > 0 {
			b.WriteByte('\n')
		}
		rs := []rune(t)
		n, units := 0, 0
		for n < len(rs) && n < len(prev) && rs[n] == prev[n] && units+utf16.RuneLen(rs[n]) <= maxShared {
			units += utf16.RuneLen(rs[n])
			n++
		}
		b.WriteByte(byte('0' + units))
		b.WriteString(string(rs[n:]))
		prev = rs
	}
	return b.String()
}

// lessUTF16 orders strings by UTF-16 code units, as JavaScript's < does;
// it differs from byte order only for characters beyond U+FFFF.
func lessUTF16(a, b string) bool {
	if !beyondBMP(a) && !beyondBMP(b) {
		return a < b // byte order is code point order is UTF-16 order here
	}
	ua, ub := utf16.Encode([]rune(a)), utf16.Encode([]rune(b))
	for i := 0; i < len(ua) && i < len(ub); i++ {
		if ua[i] != ub[i] {
			return ua[i] < ub[i]
		}
	}
	return len(ua) < len(ub)
}

// beyondBMP reports whether s has a character beyond U+FFFF (a four-byte
// UTF-8 sequence).
func beyondBMP(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xF0 {
			return true
		}
	}
	return false
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
