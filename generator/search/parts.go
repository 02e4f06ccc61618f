package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/store"
)

// Sizes of the parts.
const (
	// PartBytes is the size a term part is filled to before the next one
	// starts (a part holds at least one term, so one with a very long
	// posting list may be larger).
	PartBytes = 12 << 10
	// MetaDocs is the number of docs per metadata part. A result list of
	// 50 hits spread over the archive loads at most 50 of them.
	MetaDocs = 8
)

// flagAlphabet codes the kind and language of docs in the first file.
const flagAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"

// Version is the version of the index format, "v" in the first file.
const Version = 2

// Files is an index written in parts: the first file and the parts, by
// name ("t12" for term part 12, "m3" for metadata part 3). Each part is
// published as <dir>/<name>.js, where <dir> is the first file's path
// without ".js".
type Files struct {
	First []byte
	Parts map[string][]byte
}

// Size returns the bytes of all the files.
func (f *Files) Size() int {
	n := len(f.First)
	for _, p := range f.Parts {
		n += len(p)
	}
	return n
}

// header is the first file: what a query needs before it knows which
// parts to load.
type header struct {
	V         int               `json:"v"`
	MinPrefix int               `json:"minPrefix"`
	Fold      map[string]string `json:"fold"`
	Pre       []string          `json:"pre"`
	Suf       []string          `json:"suf"`
	Stop      []string          `json:"stop"`
	Kinds     []string          `json:"kinds"`
	Langs     []string          `json:"langs"`
	N         int               `json:"n"`     // docs
	Pack      int               `json:"pack"`  // docs per character of flags
	Flags     string            `json:"flags"` // kind and language of every doc
	Bounds    string            `json:"bounds"`
	Meta      int               `json:"meta"` // docs per metadata part
}

// termPart is one term part: a range of the sorted keys.
type termPart struct {
	Terms string      `json:"terms"` // front-coded, as the bounds
	Post  []string    `json:"post"`  // per term: (doc delta << 1 | in title), base 36
	Names [][2]string `json:"names"` // folded name → doc numbers, delta-coded, base 36
}

// names returns every folded name of the docs with the docs that carry
// it, ascending.
func (x *Index) names() map[string][]int {
	m := map[string][]int{}
	for i, d := range x.Docs {
		for _, n := range d.Names {
			n = FoldName(n)
			if n == "" {
				continue
			}
			if ds := m[n]; len(ds) == 0 || ds[len(ds)-1] != i {
				m[n] = append(ds, i)
			}
		}
	}
	return m
}

// Files writes the index in parts. The keys (the terms and the folded
// names of entity and tag pages) are sorted as JavaScript compares
// strings and cut into ranges: a new part starts where a key's first
// letter differs from the part's first key's, or where the part has
// PartBytes. The first file holds each part's first key (the bounds), so
// a query word finds its part by binary search, and a prefix its parts as
// a run of neighbours. Docs are numbered as given; their titles, paths
// and meta lines are in metadata parts of MetaDocs docs each, loaded only
// for the hits shown.
func (x *Index) Files() (*Files, error) { return x.files(PartBytes) }

// files is Files with parts filled to partBytes (tests make small parts
// of small indexes).
func (x *Index) files(partBytes int) (*Files, error) {
	type key struct {
		s    string
		term int // index in x.Terms, or -1 for a name
		size int
	}
	post := make([]string, len(x.Terms))
	keys := make([]key, 0, len(x.Terms))
	for i, t := range x.Terms {
		post[i] = encodePostings(x.Post[i], x.Title[i])
		keys = append(keys, key{t, i, len(t) + len(post[i]) + 4})
	}
	names := x.names()
	nameDocs := map[string]string{}
	for n, ds := range names {
		nameDocs[n] = encodePostings(ds, nil)
		keys = append(keys, key{n, -1, len(n) + len(nameDocs[n]) + 8})
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].s != keys[j].s {
			return lessUTF16(keys[i].s, keys[j].s)
		}
		return keys[i].term > keys[j].term // a term before a name of the same text
	})
	files := &Files{Parts: map[string][]byte{}}
	var bounds []string
	var cur termPart
	var curTerms []string
	first, size := "", 0
	flush := func() error {
		cur.Terms = frontCode(curTerms)
		b, err := partScript("t"+strconv.Itoa(len(bounds)), cur)
		if err != nil {
			return err
		}
		files.Parts["t"+strconv.Itoa(len(bounds))] = b
		cur, curTerms, size = termPart{Post: []string{}, Names: [][2]string{}}, nil, 0
		return nil
	}
	cur = termPart{Post: []string{}, Names: [][2]string{}}
	for i, k := range keys {
		lead, _ := utf8.DecodeRuneInString(k.s)
		if i > 0 && k.s != keys[i-1].s {
			firstLead, _ := utf8.DecodeRuneInString(first)
			if lead != firstLead || size+k.size > partBytes {
				if err := flush(); err != nil {
					return nil, err
				}
				bounds = append(bounds, k.s)
				first = k.s
			}
		}
		if i == 0 {
			first = k.s
		}
		if k.term >= 0 {
			curTerms = append(curTerms, k.s)
			cur.Post = append(cur.Post, post[k.term])
		} else {
			cur.Names = append(cur.Names, [2]string{k.s, nameDocs[k.s]})
		}
		size += k.size
	}
	if err := flush(); err != nil {
		return nil, err
	}
	// Bounds name the first key of parts 1…n-1: part i holds the keys
	// from bounds[i-1] up to bounds[i].
	h := header{V: Version, MinPrefix: MinPrefix, Fold: FoldTable(), Pre: nonNil(x.Pre), Suf: nonNil(x.Suf), Stop: nonNil(x.Stop),
		N: len(x.Docs), Bounds: frontCode(bounds), Meta: MetaDocs}
	var err error
	if h.Kinds, h.Langs, h.Pack, h.Flags, err = x.flags(); err != nil {
		return nil, err
	}
	for m := 0; m*MetaDocs < len(x.Docs); m++ {
		var rows [][]string
		for _, d := range x.Docs[m*MetaDocs : min(len(x.Docs), (m+1)*MetaDocs)] {
			rows = append(rows, []string{d.Path, d.Title, d.Meta})
		}
		b, err := partScript("m"+strconv.Itoa(m), rows)
		if err != nil {
			return nil, err
		}
		files.Parts["m"+strconv.Itoa(m)] = b
	}
	var buf bytes.Buffer
	buf.WriteString("/* jisr offline search index: generated, do not edit. */\nwindow.JISR_SEARCH = ")
	if err := encodeJSON(&buf, h); err != nil {
		return nil, err
	}
	buf.WriteString(";\n")
	files.First = buf.Bytes()
	return files, nil
}

// flags codes each doc's kind and language as one number (kind × number
// of languages + language), packed several docs to a character of
// flagAlphabet.
func (x *Index) flags() (kinds, langs []string, pack int, flags string, err error) {
	ki, li := map[string]int{}, map[string]int{}
	for _, d := range x.Docs {
		ki[d.Kind], li[d.Lang] = 0, 0
	}
	for k := range ki {
		kinds = append(kinds, k)
	}
	for l := range li {
		langs = append(langs, l)
	}
	sort.Strings(kinds)
	sort.Strings(langs)
	for i, k := range kinds {
		ki[k] = i
	}
	for i, l := range langs {
		li[l] = i
	}
	codes := max(1, len(kinds)*len(langs))
	if codes > len(flagAlphabet) {
		return nil, nil, 0, "", fmt.Errorf("search: %d kinds × %d languages of pages: at most %d combinations", len(kinds), len(langs), len(flagAlphabet))
	}
	pack = 1 // the most docs whose codes fit one character, at most 6
	for p := codes * codes; p <= len(flagAlphabet) && pack < 6; p *= codes {
		pack++
	}
	var b strings.Builder
	for i := 0; i < len(x.Docs); i += pack {
		v, mul := 0, 1
		for j := i; j < i+pack && j < len(x.Docs); j++ {
			v += (ki[x.Docs[j].Kind]*len(langs) + li[x.Docs[j].Lang]) * mul
			mul *= codes
		}
		b.WriteByte(flagAlphabet[v])
	}
	return nonNil(kinds), nonNil(langs), pack, b.String(), nil
}

// encodePostings writes ascending doc numbers as base-36 gaps, separated
// by commas; with title marks, each gap is doubled and plus one where the
// term is in that doc's title.
func encodePostings(ds []int, title []bool) string {
	var b strings.Builder
	last := 0
	for j, d := range ds {
		if j > 0 {
			b.WriteByte(',')
		}
		v := int64(d - last)
		if title != nil {
			v <<= 1
			if title[j] {
				v |= 1
			}
		}
		b.WriteString(strconv.FormatInt(v, 36))
		last = d
	}
	return b.String()
}

func decodePostings(s string, withTitle bool) ([]int, []bool, error) {
	if s == "" {
		return nil, nil, nil
	}
	var ds []int
	var ts []bool
	last := 0
	for _, f := range strings.Split(s, ",") {
		v, err := strconv.ParseInt(f, 36, 64)
		if err != nil {
			return nil, nil, fmt.Errorf("postings %q: %w", f, err)
		}
		if withTitle {
			ts = append(ts, v&1 == 1)
			v >>= 1
		}
		last += int(v)
		ds = append(ds, last)
	}
	return ds, ts, nil
}

// partScript writes one part as a script that adds it to
// window.JISR_SEARCH_PARTS under its name.
func partScript(name string, v any) ([]byte, error) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "(window.JISR_SEARCH_PARTS = window.JISR_SEARCH_PARTS || {})[%q] = ", name)
	if err := encodeJSON(&buf, v); err != nil {
		return nil, fmt.Errorf("search part %s: %w", name, err)
	}
	buf.WriteString(";\n")
	return buf.Bytes(), nil
}

func encodeJSON(buf *bytes.Buffer, v any) error {
	enc := json.NewEncoder(buf)
	// Escaping < > & keeps the text inert inside any HTML context; the
	// script only ever inserts it as text.
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("search: encode index: %w", err)
	}
	buf.Truncate(buf.Len() - 1) // the encoder's newline
	return nil
}

// PartsDir returns the folder of the parts of the index whose first file
// is first: the same path without ".js".
func PartsDir(first string) string { return strings.TrimSuffix(first, ".js") }

// partName matches the names this package gives parts.
var partName = regexp.MustCompile(`^[tm][0-9]+\.js$`)

// WriteIndex indexes docs and writes the index into fsys: the first file
// at first (e.g. public/js/search-index.js) and the parts beside it in
// PartsDir(first), each file atomically; parts of an earlier index that
// the new one does not have are removed. The first file is written last,
// so it never names parts that are not there. It returns the bytes
// written, all files together.
func WriteIndex(fsys afero.Fs, first string, docs []Doc) (int, error) {
	return WriteIndexCached(fsys, first, docs, nil)
}

// WriteIndexCached is WriteIndex, indexing the docs with NewCached and c
// (nil: none); it writes the same files.
func WriteIndexCached(fsys afero.Fs, first string, docs []Doc, c *Cache) (int, error) {
	files, err := NewCached(docs, c).Files()
	if err != nil {
		return 0, err
	}
	dir := PartsDir(first)
	names := make([]string, 0, len(files.Parts))
	for n := range files.Parts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := store.WriteFileAtomic(fsys, filepath.Join(dir, n+".js"), files.Parts[n]); err != nil {
			return 0, fmt.Errorf("search index: %w", err)
		}
	}
	if old, err := afero.ReadDir(fsys, dir); err == nil {
		for _, fi := range old {
			n := fi.Name()
			if _, ok := files.Parts[strings.TrimSuffix(n, ".js")]; !ok && partName.MatchString(n) {
				if err := fsys.Remove(filepath.Join(dir, n)); err != nil {
					return 0, fmt.Errorf("search index: remove an old part: %w", err)
				}
			}
		}
	}
	if err := store.WriteFileAtomic(fsys, first, files.First); err != nil {
		return 0, fmt.Errorf("search index: %w", err)
	}
	return files.Size(), nil
}
