package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
)

// This file is the Go twin of the matcher in static/js/search.js: the
// same query folding, candidates and ranking, over the whole index in
// memory (Index.Search) or over the published parts (Reader). Tests use it
// to check that the parts answer as the whole index does, that the script
// answers as Go does, and to count the bytes a query loads. The folding
// itself is not defined here: it is the table FoldTable derives from
// package arabic, which the script receives in the first file.

// word and arabicRune are the script's WORD and ARABIC expressions.
var (
	word       = regexp.MustCompile(`[\p{L}\p{Nd}\p{Mn}\x{0640}]+`)
	arabicRune = regexp.MustCompile(`[\x{0600}-\x{06FF}\x{0750}-\x{077F}\x{08A0}-\x{08FF}]`)
)

// Results shown at most; the metadata of these hits is loaded.
const Shown = 50

// u16 is the length of s in UTF-16 units, as JavaScript counts.
func u16(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// foldQuery folds q as the script does: each character through the fold
// table, then lower case.
func foldQuery(fold map[string]string, q string) string {
	var b strings.Builder
	for _, r := range q {
		if v, ok := fold[string(r)]; ok {
			b.WriteString(v)
		} else {
			b.WriteRune(r)
		}
	}
	return strings.ToLower(b.String())
}

// isJSSpace is JavaScript's \s.
func isJSSpace(r rune) bool { return unicode.IsSpace(r) || r == 0xFEFF }

// candidates returns w and w with the indexed affixes removed, longest
// first (the script's candidates).
func candidates(w string, pre, suf []string) []string {
	out := []string{w}
	if !arabicRune.MatchString(w) {
		return out
	}
	seen := map[string]bool{w: true}
	for _, p := range append([]string{""}, pre...) {
		if !strings.HasPrefix(w, p) {
			continue
		}
		for _, s := range append([]string{""}, suf...) {
			if s != "" && !strings.HasSuffix(w, s) {
				continue
			}
			if len(p)+len(s) > len(w) {
				continue
			}
			c := w[len(p) : len(w)-len(s)]
			if u16(c) >= 2 && !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return u16(out[i]) > u16(out[j]) })
	return out
}

// termPosts is one indexed term with its postings.
type termPosts struct {
	term  string
	docs  []int
	title []bool
}

// source is what the ranker reads: the whole index or its parts.
type source interface {
	// lookup returns the term c and, when c has at least MinPrefix
	// UTF-16 units, every term that begins with it.
	lookup(c string) ([]termPosts, error)
	// names returns the docs that have the folded name fq.
	names(fq string) ([]int, error)
	// doc returns the kind and language of doc d.
	doc(d int) (kind, lang string)
}

// rank answers q for a page in lang: the matching doc numbers, best
// first. A doc matches when it has, for every query word that is not a
// stop word, a term that one of the word's candidates is, or begins (from
// MinPrefix letters). Score: per word 3 for the word itself, 2 for a
// candidate, 1 for a prefix; plus 2 when every word was found in the
// title, 4 when the whole query is one of the page's names, 1 for entity
// and tag pages. Ties: pages in lang first, then the index's order.
func rank(src source, fold map[string]string, pre, suf, stops []string, q, lang string) ([]int, error) {
	return rankWith(src, fold, pre, suf, stops, q, lang, nil)
}

// rankWith is rank; a non-nil titled replaces the title bonus's rule
// (tests compare with the earlier rule: the query a substring of the
// title).
func rankWith(src source, fold map[string]string, pre, suf, stops []string, q, lang string, titled func(d int, whole string) bool) ([]int, error) {
	fq := foldQuery(fold, q)
	var ws []string
	for _, w := range word.FindAllString(fq, -1) {
		if u16(w) > 1 {
			ws = append(ws, w)
		}
	}
	if len(ws) == 0 {
		return nil, nil
	}
	stop := map[string]bool{}
	for _, s := range stops {
		stop[s] = true
	}
	whole := strings.Join(strings.FieldsFunc(fq, isJSSpace), " ")
	named, err := src.names(whole)
	if err != nil {
		return nil, err
	}
	var score map[int]int
	var title map[int]bool
	for _, w := range ws {
		got, tit := map[int]int{}, map[int]bool{}
		any, skip := false, false
		for ci, c := range candidates(w, pre, suf) {
			if stop[c] {
				skip = true
				continue
			}
			tps, err := src.lookup(c)
			if err != nil {
				return nil, err
			}
			for _, tp := range tps {
				wt := 1
				if tp.term == c {
					wt = 2
					if ci == 0 {
						wt = 3
					}
				}
				for j, d := range tp.docs {
					if got[d] < wt {
						got[d] = wt
					}
					any = true
					if tp.title[j] {
						tit[d] = true
					}
				}
			}
		}
		if !any && skip {
			continue // a word nearly every page has
		}
		if score == nil {
			score, title = got, tit
			continue
		}
		next, nt := map[int]int{}, map[int]bool{}
		for d, s := range score {
			if g := got[d]; g > 0 {
				next[d] = s + g
				nt[d] = title[d] && tit[d]
			}
		}
		score, title = next, nt
	}
	if score == nil {
		return nil, nil
	}
	for _, d := range named {
		if _, ok := score[d]; ok {
			score[d] += 4
		}
	}
	ids := make([]int, 0, len(score))
	for d := range score {
		ids = append(ids, d)
		if titled != nil {
			title[d] = titled(d, whole)
		}
		if title[d] {
			score[d] += 2
		}
		if k, _ := src.doc(d); k != KindArticle {
			score[d]++
		}
	}
	sort.Slice(ids, func(i, j int) bool {
		a, b := ids[i], ids[j]
		if score[a] != score[b] {
			return score[a] > score[b]
		}
		_, la := src.doc(a)
		_, lb := src.doc(b)
		if (la == lang) != (lb == lang) {
			return la == lang
		}
		return a < b
	})
	return ids, nil
}

// lowerBound returns the first i with terms[i] >= c, in UTF-16 order.
func lowerBound(terms []string, c string) int {
	return sort.Search(len(terms), func(i int) bool { return !lessUTF16(terms[i], c) })
}

// prefixed returns the terms of a sorted list that c is or begins, as
// lookup defines.
func prefixed(terms []string, c string, posts func(i int) ([]int, []bool, error)) ([]termPosts, error) {
	var out []termPosts
	for i := lowerBound(terms, c); i < len(terms) && strings.HasPrefix(terms[i], c); i++ {
		if terms[i] != c && u16(c) < MinPrefix {
			break
		}
		ds, ts, err := posts(i)
		if err != nil {
			return nil, err
		}
		out = append(out, termPosts{terms[i], ds, ts})
	}
	return out, nil
}

// whole is the index in memory as a source.
type whole struct {
	x     *Index
	named map[string][]int
}

func (w *whole) lookup(c string) ([]termPosts, error) {
	return prefixed(w.x.Terms, c, func(i int) ([]int, []bool, error) { return w.x.Post[i], w.x.Title[i], nil })
}

func (w *whole) names(fq string) ([]int, error) {
	if w.named == nil {
		w.named = w.x.names()
	}
	return w.named[fq], nil
}

func (w *whole) doc(d int) (string, string) { return w.x.Docs[d].Kind, w.x.Docs[d].Lang }

// Search answers q over the whole index, for a page in lang: the matching
// doc numbers, best first (see rank).
func (x *Index) Search(q, lang string) []int {
	ids, _ := rank(&whole{x: x}, FoldTable(), x.Pre, x.Suf, x.Stop, q, lang)
	return ids
}

// Reader answers queries over a published index, loading its parts as the
// script does: the first file, then the term parts of the query's words,
// then the metadata parts of the hits shown. Loaded lists what it read,
// in order, and Bytes counts it, the first file included.
type Reader struct {
	h      header
	bounds []string
	load   func(name string) ([]byte, error)
	terms  map[int]*loadedPart
	meta   map[int][][]string
	Loaded []string
	Bytes  int
}

type loadedPart struct {
	terms []string
	post  []string
	names map[string]string
}

// OpenReader reads the first file; load returns a part's script by name
// ("t3", "m0").
func OpenReader(first []byte, load func(name string) ([]byte, error)) (*Reader, error) {
	r := &Reader{load: load, terms: map[int]*loadedPart{}, meta: map[int][][]string{}, Bytes: len(first)}
	if err := decodeScript(first, "window.JISR_SEARCH = ", &r.h); err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	if r.h.V != Version {
		return nil, fmt.Errorf("search index: version %d, want %d", r.h.V, Version)
	}
	if r.h.Bounds != "" {
		r.bounds = frontDecode(r.h.Bounds)
	}
	return r, nil
}

// decodeScript reads the JSON value that a generated script assigns.
func decodeScript(js []byte, head string, v any) error {
	i := bytes.Index(js, []byte(head))
	if i < 0 || !bytes.HasSuffix(js, []byte(";\n")) {
		return fmt.Errorf("not an assignment script: %.80q", js)
	}
	if err := json.Unmarshal(js[i+len(head):len(js)-2], v); err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	return nil
}

// frontDecode reverses frontCode.
func frontDecode(s string) []string {
	var out []string
	var prev []uint16
	for _, e := range strings.Split(s, "\n") {
		u := utf16.Encode([]rune(e))
		prev = append(append([]uint16(nil), prev[:u[0]-'0']...), u[1:]...)
		out = append(out, string(utf16.Decode(prev)))
	}
	return out
}

func (r *Reader) part(name string, v any) error {
	b, err := r.load(name)
	if err != nil {
		return fmt.Errorf("search part %s: %w", name, err)
	}
	r.Loaded = append(r.Loaded, name)
	r.Bytes += len(b)
	if err := decodeScript(b, fmt.Sprintf("[%q] = ", name), v); err != nil {
		return fmt.Errorf("search part %s: %w", name, err)
	}
	return nil
}

// shard returns the term part whose range holds c.
func (r *Reader) shard(c string) int {
	return sort.Search(len(r.bounds), func(i int) bool { return lessUTF16(c, r.bounds[i]) })
}

func (r *Reader) termPart(i int) (*loadedPart, error) {
	if p, ok := r.terms[i]; ok {
		return p, nil
	}
	var tp termPart
	if err := r.part("t"+strconv.Itoa(i), &tp); err != nil {
		return nil, err
	}
	p := &loadedPart{post: tp.Post, names: map[string]string{}}
	if tp.Terms != "" {
		p.terms = frontDecode(tp.Terms)
	}
	if len(p.terms) != len(p.post) {
		return nil, fmt.Errorf("search part t%d: %d terms, %d posting lists", i, len(p.terms), len(p.post))
	}
	for _, n := range tp.Names {
		p.names[n[0]] = n[1]
	}
	r.terms[i] = p
	return p, nil
}

// Parts returns the term parts a lookup of c reads: the part of c and,
// when c is a prefix, the following ones whose first key begins with c.
func (r *Reader) parts(c string) []int {
	i := r.shard(c)
	out := []int{i}
	if u16(c) >= r.h.MinPrefix {
		for ; i < len(r.bounds) && strings.HasPrefix(r.bounds[i], c); i++ {
			out = append(out, i+1)
		}
	}
	return out
}

func (r *Reader) lookup(c string) ([]termPosts, error) {
	var out []termPosts
	for _, i := range r.parts(c) {
		p, err := r.termPart(i)
		if err != nil {
			return nil, err
		}
		tps, err := prefixed(p.terms, c, func(j int) ([]int, []bool, error) { return decodePostings(p.post[j], true) })
		if err != nil {
			return nil, fmt.Errorf("search part t%d: %w", i, err)
		}
		out = append(out, tps...)
	}
	return out, nil
}

func (r *Reader) names(fq string) ([]int, error) {
	if fq == "" {
		return nil, nil
	}
	p, err := r.termPart(r.shard(fq))
	if err != nil {
		return nil, err
	}
	ds, _, err := decodePostings(p.names[fq], false)
	return ds, err
}

func (r *Reader) doc(d int) (string, string) {
	codes := len(r.h.Kinds) * len(r.h.Langs)
	v := strings.IndexByte(flagAlphabet, r.h.Flags[d/r.h.Pack])
	for range d % r.h.Pack {
		v /= codes
	}
	v %= codes
	return r.h.Kinds[v/len(r.h.Langs)], r.h.Langs[v%len(r.h.Langs)]
}

// Search answers q for a page in lang, as the script does: the matching
// doc numbers, best first, loading the term parts it needs.
func (r *Reader) Search(q, lang string) ([]int, error) {
	return rank(r, r.h.Fold, r.h.Pre, r.h.Suf, r.h.Stop, q, lang)
}

// Doc returns the path, title and meta line of doc d, loading its
// metadata part.
func (r *Reader) Doc(d int) (path, title, meta string, err error) {
	if d < 0 || d >= r.h.N {
		return "", "", "", fmt.Errorf("search: no doc %d", d)
	}
	m := d / r.h.Meta
	rows, ok := r.meta[m]
	if !ok {
		if err := r.part("m"+strconv.Itoa(m), &rows); err != nil {
			return "", "", "", err
		}
		r.meta[m] = rows
	}
	row := rows[d%r.h.Meta]
	return row[0], row[1], row[2], nil
}
