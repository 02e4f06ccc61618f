package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"slices"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/cachefile"
)

// Cache keeps, between builds, what indexing each doc gave (its keys and
// the affixes removed from its words: docTerms), by the SHA-256 of the
// doc's title and texts, so that an index of a site where one article
// changed tokenizes and segments only that article's docs.
//
// Why it is safe: docTerms follow from the title and texts alone (through
// package arabic, which is part of jisr's build: the cache's tag); what
// the index makes of them (the postings, in the docs' order, the stop
// terms, the affix tables, the parts) is worked out again from every doc
// each time. So the index is the same with or without it
// (TestCachedIndexIsTheSame), and a lost, damaged or foreign cache costs
// time only. It holds the docs of the last index only.
type Cache struct {
	tag    string
	old    map[[32]byte]*docTerms
	next   map[[32]byte]*docTerms
	Reused int // docs whose terms came from the cache
}

const cacheFormat = "jisr search cache 2"

// The cache is in package cachefile's format: the strings once in its
// table, and as payload a cacheDoc for each doc.
type cacheDoc struct {
	Digest   []byte
	Keys     []uint32
	TitleN   int
	Pre, Suf []uint32 // string, count, string, count, …
}

// ReadCache reads the cache kept in file on fsys under tag (jisr's
// build); a missing, unreadable or foreign file gives an empty cache.
func ReadCache(fsys afero.Fs, file, tag string) *Cache {
	c := &Cache{tag: tag, old: map[[32]byte]*docTerms{}, next: map[[32]byte]*docTerms{}}
	var docs []cacheDoc
	table, ok := cachefile.Read(fsys, file, cacheFormat, tag, &docs)
	if !ok {
		return c
	}
	str := func(i uint32) string {
		s, found := table.At(i)
		ok = ok && found
		return s
	}
	affixes := func(v []uint32) []affixCount {
		if len(v)%2 != 0 {
			ok = false
			return nil
		}
		out := make([]affixCount, 0, len(v)/2)
		for i := 0; i < len(v); i += 2 {
			out = append(out, affixCount{str(v[i]), int(v[i+1])})
		}
		return out
	}
	for _, d := range docs {
		var h [32]byte
		if len(d.Digest) != len(h) || d.TitleN < 0 || d.TitleN > len(d.Keys) {
			ok = false
			break
		}
		copy(h[:], d.Digest)
		f := &docTerms{keys: make([]string, len(d.Keys)), titleN: d.TitleN, pre: affixes(d.Pre), suf: affixes(d.Suf)}
		for i, k := range d.Keys {
			f.keys[i] = str(k)
		}
		c.old[h] = f
	}
	if !ok {
		c.old = map[[32]byte]*docTerms{}
	}
	return c
}

// Write keeps in file what the last NewCached found (atomically, as every
// file jisr writes).
func (c *Cache) Write(fsys afero.Fs, file string) error {
	var strs cachefile.Strings
	str := strs.ID
	affixes := func(as []affixCount) []uint32 {
		out := make([]uint32, 0, 2*len(as))
		for _, a := range as {
			out = append(out, str(a.affix), uint32(a.n))
		}
		return out
	}
	digests := make([][32]byte, 0, len(c.next))
	for h := range c.next {
		digests = append(digests, h)
	}
	sortDigests(digests) // the same docs give the same bytes
	docs := make([]cacheDoc, 0, len(digests))
	for _, h := range digests {
		f := c.next[h]
		d := cacheDoc{Digest: append([]byte(nil), h[:]...), Keys: make([]uint32, len(f.keys)), TitleN: f.titleN, Pre: affixes(f.pre), Suf: affixes(f.suf)}
		for i, k := range f.keys {
			d.Keys[i] = str(k)
		}
		docs = append(docs, d)
	}
	return cachefile.Write(fsys, file, cacheFormat, c.tag, &strs, docs)
}

func sortDigests(ds [][32]byte) {
	slices.SortFunc(ds, func(a, b [32]byte) int { return bytes.Compare(a[:], b[:]) })
}

// docDigest is the digest of what docTerms reads: the title and the texts,
// each length-prefixed.
func docDigest(d *Doc) [32]byte {
	h := sha256.New()
	var n [8]byte
	for _, t := range append([]string{d.Title}, d.Text...) {
		binary.LittleEndian.PutUint64(n[:], uint64(len(t)))
		h.Write(n[:])
		h.Write([]byte(t))
	}
	var out [32]byte
	h.Sum(out[:0])
	return out
}
