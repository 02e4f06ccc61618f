// Package manifest is the build manifest: the digests of what the last
// build read and wrote, kept in the content tree
// (content/_data/manifest.json, project.ManifestFile) and committed with
// it, so that the next build — on this machine or in CI — skips what did
// not change.
//
// In: digests computed by the build (Digest, Tree). Out: the file, read
// with Read and written with Write (sorted keys, indented, one line per
// field: it diffs cleanly). The manifest only ever decides to skip work:
// a missing, unreadable or older manifest means "build everything", never
// an error.
package manifest

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/store"
)

// Format is the version of the file's layout; a manifest of another
// version is ignored (everything is rebuilt, and the file rewritten).
const Format = 1

// File is the manifest.
type File struct {
	Format int `json:"format"`
	// Inputs digests what every article's analysis and translation depend
	// on besides its own seed and store: jisr's build, the engine and its
	// model, the gazetteer, the configuration. When it differs, no article
	// is skipped.
	Inputs string `json:"inputs"`
	// Articles are the articles the build wrote, by ID.
	Articles map[string]Article `json:"articles"`
	// Site is the last successful render; nil after `jisr translate` or a
	// failed render.
	Site *Site `json:"site,omitempty"`
}

// Article is what one article's last build read and left.
type Article struct {
	// Seed digests the article as read from its seed (its record, with
	// metadata, blocks and segments).
	Seed string `json:"seed"`
	// Store digests the files of its bundle (content/articles/<id>/) as
	// the build left them: a hand edit of any of them (segments.yaml
	// above all) makes the article be built again.
	Store string `json:"store"`
	// Weak are the entities the analysis found that the build left out
	// for being named by too few articles (build.dropWeakEntities), with
	// their place in the analysis; analysis.yaml holds only the others.
	// A skipped article gets them back, so counting across articles
	// gives what a cold build gives.
	Weak []Weak `json:"weak,omitempty"`
	// Review digests the article's review page (content/review/<id>/) as
	// the build left it, with the content folder's name the page quotes;
	// "" when review pages are off. An article skipped at level 2 whose
	// page still has this digest keeps it: not checked (package qa) nor
	// written again.
	Review string `json:"review,omitempty"`
}

// Weak is an entity left out of an article's stored analysis, and its
// index in the analysis before it was left out.
type Weak struct {
	At     int          `json:"at"`
	Entity store.Entity `json:"entity"`
}

// Site is what the last successful render read and wrote.
type Site struct {
	// Before digests every input of a build (seeds, the content tree but
	// this file, templates, static, configuration, options, jisr's build)
	// as the build left them: when the next build finds the same digest
	// and Public still matches, it has nothing to do.
	Before string `json:"before"`
	// Hugo digests what Hugo read (the content tree as rendered, the
	// pictures, templates, static, site settings); Public digests the
	// output folder the render produced.
	Hugo   string `json:"hugo"`
	Public string `json:"public"`
	// Shards are the article shards Hugo rendered (generator/render,
	// shards.go): the digest of a shard's Hugo input → the digest of the
	// files it wrote. The next render copies a shard whose input digest
	// is here, and whose files in public/ still have this digest, from
	// public/ instead of running Hugo on it. Empty for a site rendered in
	// one run.
	Shards map[string]string `json:"shards,omitempty"`
	// Terms are the term pages the lists run rendered (terms.go of
	// generator/render): the digest of what a term's pages read → the
	// digest of their files, pagination included. The next render marks a
	// term whose digest is here, and whose files in public/ still have
	// this digest, render: link and copies its files from public/.
	Terms map[string]string `json:"terms,omitempty"`
	// What the build reported, repeated when it is skipped.
	Articles int            `json:"articles"`
	Pages    int            `json:"pages"`
	Statuses map[string]int `json:"statuses,omitempty"`
	Drafts   []string       `json:"drafts,omitempty"`
	Orphans  []string       `json:"orphans,omitempty"`
	Skipped  []Skip         `json:"skipped,omitempty"`
	// Warnings are the warnings the build printed before the render
	// (shortened names, refused or missing pictures, drafts still
	// published), without "warning: ", in the order it printed them,
	// with the project's folder written as "{project}".
	Warnings []string `json:"warnings,omitempty"`
}

// Skip is an input the last build skipped: its message, and whether it
// had no article text (tolerated unless the build is strict).
type Skip struct {
	Message string `json:"message"`
	NoText  bool   `json:"no_text,omitempty"`
}

// Read reads the manifest at file. A missing file, one that does not
// parse or one of another Format gives an empty manifest (everything is
// built again) and no error; only a failure to read an existing file is
// an error.
func Read(fsys afero.Fs, file string) (*File, error) {
	empty := &File{Format: Format, Articles: map[string]Article{}}
	data, err := afero.ReadFile(fsys, file)
	if errors.Is(err, fs.ErrNotExist) {
		return empty, nil
	}
	if err != nil {
		return empty, fmt.Errorf("manifest: %w", err)
	}
	var f File
	if json.Unmarshal(data, &f) != nil || f.Format != Format {
		return empty, nil
	}
	if f.Articles == nil {
		f.Articles = map[string]Article{}
	}
	return &f, nil
}

// Marshal returns the bytes of f: JSON with sorted keys, indented, ending
// in a newline; the same manifest always gives the same bytes.
func Marshal(f *File) ([]byte, error) {
	b, err := json.MarshalIndent(f, "", " ")
	if err != nil {
		return nil, fmt.Errorf("manifest: %w", err)
	}
	return append(b, '\n'), nil
}

// Write writes f to file atomically (a temporary file renamed into
// place, mode 0644), unless the file already holds these bytes.
func Write(fsys afero.Fs, file string, f *File) error {
	b, err := Marshal(f)
	if err != nil {
		return err
	}
	if old, err := afero.ReadFile(fsys, file); err == nil && string(old) == string(b) {
		return nil
	}
	if err := store.WriteFileAtomic(fsys, file, b); err != nil {
		return fmt.Errorf("manifest: %w", err)
	}
	return nil
}

// Digest accumulates named parts into one SHA-256 digest. Each part is
// length-prefixed, so ("ab","c") and ("a","bc") differ.
type Digest struct{ h hash.Hash }

// New returns an empty Digest.
func New() *Digest { return &Digest{h: sha256.New()} }

// Add adds one part.
func (d *Digest) Add(part string) *Digest { return d.AddBytes([]byte(part)) }

// AddBytes adds one part.
func (d *Digest) AddBytes(b []byte) *Digest {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(b)))
	d.h.Write(n[:])
	d.h.Write(b)
	return d
}

// AddJSON adds the JSON encoding of v (encoding/json sorts map keys, so
// equal values give equal parts).
func (d *Digest) AddJSON(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("manifest: %w", err)
	}
	d.AddBytes(b)
	return nil
}

// AddTree adds every regular file under dir of fsys, in sorted order, as
// its slash path relative to dir and its bytes; keep (nil: all) chooses
// the files by relative path. A missing dir adds a marker of its absence
// only, so a folder that appears changes the digest.
func (d *Digest) AddTree(fsys afero.Fs, dir string, keep func(rel string) bool) error {
	if dir == "" {
		d.Add("none")
		return nil
	}
	if _, err := fsys.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		d.Add("missing:" + filepath.Base(dir))
		return nil
	}
	var files []string
	err := afero.Walk(fsys, dir, func(p string, info fs.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if info.Mode()&os.ModeSymlink != 0 { // read through: safepath checked it
			if fi, err := fsys.Stat(p); err == nil && fi.Mode().IsRegular() {
				files = append(files, p)
			}
			return nil
		}
		if info.Mode().IsRegular() {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("manifest: %s: %w", dir, err)
	}
	sort.Strings(files)
	for _, p := range files {
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return fmt.Errorf("manifest: %w", err)
		}
		rel = filepath.ToSlash(rel)
		if keep != nil && !keep(rel) {
			continue
		}
		if err := d.AddFile(fsys, p, rel); err != nil {
			return err
		}
	}
	return nil
}

// AddFile adds the file's name (as given) and bytes, or a marker of its
// absence.
func (d *Digest) AddFile(fsys afero.Fs, file, name string) error {
	f, err := fsys.Open(file)
	if errors.Is(err, fs.ErrNotExist) {
		d.Add("missing:" + name)
		return nil
	}
	if err != nil {
		return fmt.Errorf("manifest: %w", err)
	}
	defer f.Close()
	d.Add(name)
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return fmt.Errorf("manifest: %s: %w", file, err)
	}
	d.AddBytes(h.Sum(nil))
	return nil
}

// Sum returns the digest, in hex.
func (d *Digest) Sum() string { return hex.EncodeToString(d.h.Sum(nil)) }

// Under reports whether the slash path rel is dir or lies under it.
func Under(rel, dir string) bool { return rel == dir || strings.HasPrefix(rel, dir+"/") }
