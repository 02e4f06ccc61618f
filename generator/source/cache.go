package source

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/article"
)

// Cache keeps what ReadDirCached read of each seed file, for a process
// that reads the seeds folder again and again (jisr serve): the articles
// and errors a file gave, under its stamp (size, modification time and
// mode, from Stat: nothing is read to take it) and the stamps of the
// sidecars a .txt file may have. A file is read again when any stamp
// differs, or when Forget named it. What a file gives depends on nothing
// else: the pictures it names are resolved again on every read (they are
// only looked at, with Lstat), and IDs shared across files are decided
// again over every file. Safe for concurrent use; the zero value is not:
// use NewCache.
type Cache struct {
	mu    sync.Mutex
	files map[string]cachedFile
	reads int
}

// cachedFile is what reading one seed file gave.
type cachedFile struct {
	stamp string
	arts  []*article.Article // before localImages; never handed out
	err   error
}

// NewCache returns an empty Cache.
func NewCache() *Cache { return &Cache{files: map[string]cachedFile{}} }

// Forget drops what the cache holds of the files at paths (seeds or
// sidecars: a sidecar drops its article file), so that the next read
// reads them.
func (c *Cache) Forget(paths ...string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, p := range paths {
		delete(c.files, p)
		if isSidecar(p) {
			base := strings.TrimSuffix(p, path.Ext(p))
			for f := range c.files {
				if strings.TrimSuffix(f, path.Ext(f)) == base {
					delete(c.files, f)
				}
			}
		}
	}
}

// Reads reports how many seed files the cache let be read (for tests).
func (c *Cache) Reads() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.reads
}

// readFile is readFile through the cache; a nil c reads.
func (c *Cache) readFile(fs afero.Fs, file string, refused map[string]bool) ([]*article.Article, error) {
	if c == nil {
		return readFile(fs, file, refused)
	}
	st := seedStamp(fs, file, refused)
	c.mu.Lock()
	got, ok := c.files[file]
	c.mu.Unlock()
	if !ok || got.stamp != st || st == "" {
		arts, err := readFile(fs, file, refused)
		got = cachedFile{stamp: st, arts: arts, err: err}
		c.mu.Lock()
		c.reads++
		if st != "" {
			c.files[file] = got
		}
		c.mu.Unlock()
	}
	out := make([]*article.Article, len(got.arts))
	for i, a := range got.arts {
		out[i] = fresh(a)
	}
	return out, got.err
}

// fresh copies a cached article for a caller that may change it: the
// slices localImages and the build change are copied, the others shared
// (nothing changes them).
func fresh(a *article.Article) *article.Article {
	c := *a
	c.Images = slices.Clone(a.Images)
	c.Warnings = slices.Clip(slices.Clone(a.Warnings))
	return &c
}

// seedStamp is the stamp of a seed file and of the sidecars a .txt file
// may have (missing ones too, since one appearing changes the article),
// or "" when the file cannot be looked at (it is then read every time).
// Taken before the file is read, so that a change after it makes the
// next stamp differ.
func seedStamp(fs afero.Fs, file string, refused map[string]bool) string {
	fi, err := fs.Stat(file)
	if err != nil {
		return ""
	}
	s := Stamp(fi)
	if strings.EqualFold(path.Ext(file), ".txt") {
		base := strings.TrimSuffix(file, path.Ext(file))
		for _, ext := range []string{".yaml", ".yml", ".toml"} {
			s += "|" + ext
			if refused[base+ext] {
				s += ":refused"
			} else if fi, err := fs.Stat(base + ext); err == nil {
				s += Stamp(fi)
			}
		}
	}
	return s
}

// Stamp is what tells a file's version without reading it: its size,
// modification time and mode (":size:mtime:mode"). Two stamps differ when
// a write changed any of them; it is the session's test for a file read
// before.
func Stamp(fi fs.FileInfo) string {
	return fmt.Sprintf(":%d:%d:%o", fi.Size(), fi.ModTime().UnixNano(), uint32(fi.Mode()))
}
