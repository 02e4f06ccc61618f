package linkcheck

import (
	"crypto/sha256"
	"sort"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/cachefile"
)

// The cache of what each file refers to (Options.Cache).
//
// Why it is safe: Check works in two steps, scan (a file's bytes and kind
// → its references, in order, and its element ids; nothing else is read)
// and resolve (each reference against the files of the site being
// checked, and the fragments against the ids of their pages). The cache
// keeps only what scan returns, under the digest of the bytes it read, so
// a file found in it is one whose bytes are the ones scanned; resolve runs
// on every file every time, so a target removed, added or changed by any
// other file is seen as in a full check, with the same report in the same
// order (TestCacheAgreesWithFull). What a lost or stale cache costs is
// time only.
//
// Format: package cachefile's, the strings (attributes, URLs, ids) once
// in its table, and as payload a cacheEntry for each file: its references
// as four numbers (line, attribute, URL, flags). It holds the files of the last site checked only, so it does
// not grow with the history of the site.

const cacheFormat = "jisr linkcheck cache 2"

type cacheEntry struct {
	Key  []byte   // the file's kind, then the SHA-256 of its bytes
	Refs []uint32 // line, attribute, URL, flags (1 loads, 2 xml) for each reference
	IDs  []uint32
}

type cache struct {
	tag     string
	entries map[string]*facts
}

func newCache(tag string) *cache { return &cache{tag: tag, entries: map[string]*facts{}} }

func cacheKey(k fileKind, data []byte) string {
	sum := sha256.Sum256(data)
	return string(k) + string(sum[:])
}

// get returns the facts kept for key, or nil (also for a nil cache).
func (c *cache) get(key string) *facts {
	if c == nil {
		return nil
	}
	return c.entries[key]
}

func (c *cache) put(key string, f *facts) { c.entries[key] = f }

// readCache reads the cache file; any failure (missing, truncated, written
// by another format or tag) gives an empty cache.
func readCache(fs afero.Fs, file, tag string) *cache {
	c := newCache(tag)
	var entries []cacheEntry
	table, ok := cachefile.Read(fs, file, cacheFormat, tag, &entries)
	if !ok {
		return c
	}
	str := table.At
	for _, e := range entries {
		if len(e.Refs)%4 != 0 {
			return newCache(tag)
		}
		f := &facts{refs: make([]rawRef, 0, len(e.Refs)/4), ids: make([]string, 0, len(e.IDs))}
		for i := 0; i < len(e.Refs); i += 4 {
			attr, ok1 := str(e.Refs[i+1])
			u, ok2 := str(e.Refs[i+2])
			if !ok1 || !ok2 {
				return newCache(tag)
			}
			fl := e.Refs[i+3]
			f.refs = append(f.refs, rawRef{line: int(e.Refs[i]), attr: attr, url: u, loads: fl&1 != 0, xml: fl&2 != 0})
		}
		for _, i := range e.IDs {
			id, ok := str(i)
			if !ok {
				return newCache(tag)
			}
			f.ids = append(f.ids, id)
		}
		c.entries[string(e.Key)] = f
	}
	return c
}

// write replaces the cache file (temporary file, rename, mode 0644); it
// reports whether it could.
func (c *cache) write(fs afero.Fs, file string) bool {
	var strs cachefile.Strings
	str := strs.ID
	entries := make([]cacheEntry, 0, len(c.entries))
	keys := make([]string, 0, len(c.entries))
	for k := range c.entries {
		keys = append(keys, k)
	}
	sort.Strings(keys) // the same site gives the same bytes
	for _, k := range keys {
		f := c.entries[k]
		e := cacheEntry{Key: []byte(k), Refs: make([]uint32, 0, 4*len(f.refs)), IDs: make([]uint32, 0, len(f.ids))}
		for _, r := range f.refs {
			var fl uint32
			if r.loads {
				fl |= 1
			}
			if r.xml {
				fl |= 2
			}
			e.Refs = append(e.Refs, uint32(r.line), str(r.attr), str(r.url), fl)
		}
		for _, id := range f.ids {
			e.IDs = append(e.IDs, str(id))
		}
		entries = append(entries, e)
	}
	return cachefile.Write(fs, file, cacheFormat, c.tag, &strs, entries) == nil
}
