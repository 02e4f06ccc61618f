// Package cachefile reads and writes the build's caches of the last site
// (the link check's and the search index's, in .public.cache/ beside the
// output folder): files derived from the site alone, safe to lose, that a
// build uses only when they were written by the same jisr build.
//
// Format: a gob stream of three values, the header (a format name and the
// writer's tag, jisr's build), a table of strings, each once, and the
// cache's own payload, which names strings by their index in the table.
// Each cache keeps its payload type and its reasons for being safe; this
// package keeps only what they share, so the header check, the string
// table and the atomic write are written once.
package cachefile

import (
	"bytes"
	"encoding/gob"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/store"
)

type header struct{ Format, Tag string }

// Strings is the table a writer fills: each string once, named by its
// index. The zero value is ready to use.
type Strings struct {
	index map[string]uint32
	list  []string
}

// ID returns the index of s in the table, adding it when it is new.
func (t *Strings) ID(s string) uint32 {
	if t.index == nil {
		t.index = map[string]uint32{}
	}
	i, ok := t.index[s]
	if !ok {
		i = uint32(len(t.list))
		t.index[s] = i
		t.list = append(t.list, s)
	}
	return i
}

// Table is the string table a reader got: the strings by index.
type Table []string

// At returns the string of index i, and false when the table has none (a
// damaged file: the caller then treats the cache as empty).
func (t Table) At(i uint32) (string, bool) {
	if int(i) >= len(t) {
		return "", false
	}
	return t[i], true
}

// Read decodes file on fs into payload (a pointer) when it is a cache of
// this format written under tag. It returns the file's string table and
// true; false for a missing, unreadable, damaged or foreign file, when
// the caller starts with an empty cache (payload may then be partly set).
func Read(fs afero.Fs, file, format, tag string, payload any) (Table, bool) {
	data, err := afero.ReadFile(fs, file)
	if err != nil {
		return nil, false
	}
	dec := gob.NewDecoder(bytes.NewReader(data))
	var h header
	if dec.Decode(&h) != nil || h.Format != format || h.Tag != tag {
		return nil, false
	}
	var strs []string
	if dec.Decode(&strs) != nil || dec.Decode(payload) != nil {
		return nil, false
	}
	return Table(strs), true
}

// Write replaces file on fs with a cache of format under tag: the strings
// of t and payload, written atomically (temporary file, rename, mode
// 0644: the project's one atomic write, store.WriteFileAtomic). The same
// strings and payload give the same bytes.
func Write(fs afero.Fs, file, format, tag string, t *Strings, payload any) error {
	var buf bytes.Buffer
	enc := gob.NewEncoder(&buf)
	strs := t.list
	if strs == nil {
		strs = []string{} // gob sends no nil slice at top level
	}
	for _, v := range []any{header{format, tag}, strs, payload} {
		if err := enc.Encode(v); err != nil {
			return err
		}
	}
	return store.WriteFileAtomic(fs, file, buf.Bytes())
}
