package build

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/afero"
	"gopkg.in/yaml.v3"

	"github.com/jisr-news/jisr/generator/analyze"
	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/generator/store"
)

// Orphans lists the articles in the content tree whose seed file no longer
// exists, as "content/articles/<id> (seeds/x.txt)". jisr never deletes them
// itself, since they may hold reviewed translations; the build summary names
// them so that a publisher who removed a seed knows which folder to delete.
// Articles written by hand (no jisr.source) are not orphans.
func (p *Project) Orphans() []string {
	dir := filepath.Join(p.Content, "articles")
	entries, err := afero.ReadDir(p.Fs, dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		data, err := afero.ReadFile(p.Fs, filepath.Join(dir, e.Name(), "index.ar.md"))
		if err != nil {
			continue
		}
		src := seedOf(data)
		if src == "" {
			continue
		}
		file := src
		if i := strings.LastIndexByte(file, '#'); i >= 0 {
			file = file[:i] // a record of a collection
		}
		if !filepath.IsAbs(file) {
			file = filepath.Join(p.Root, filepath.FromSlash(file))
		}
		if _, err := p.Fs.Stat(file); os.IsNotExist(err) {
			out = append(out, path.Join(filepath.ToSlash(filepath.Base(p.Content)), "articles", e.Name())+" ("+src+")")
		}
	}
	sort.Strings(out)
	return out
}

// indexFM is what the orphan and render checks read from an article's
// index file.
type indexFM struct {
	Tags     []string `yaml:"tags"`
	Entities []string `yaml:"entities"`
	Jisr     struct {
		Source string `yaml:"source"`
	} `yaml:"jisr"`
}

// frontMatterOf reads an index file's front matter; zero when it has none.
func frontMatterOf(page []byte) indexFM {
	var v indexFM
	rest, ok := bytes.CutPrefix(page, []byte("---\n"))
	if !ok {
		return v
	}
	fm, _, ok := bytes.Cut(rest, []byte("\n---"))
	if !ok {
		return v
	}
	if yaml.Unmarshal(fm, &v) != nil {
		return indexFM{}
	}
	return v
}

// seedOf reads jisr.source from an index file's front matter.
func seedOf(page []byte) string { return frontMatterOf(page).Jisr.Source }

// checkArticle reports whether an article and the names its analysis
// generates can be rendered (article.Check).
func checkArticle(a *article.Article, segs int, an analyze.Result) error {
	var names []string
	for _, t := range an.Tags {
		names = append(names, t.ID)
	}
	for _, e := range an.Entities {
		names = append(names, e.ID)
	}
	return article.Check(a.ID, segs, names...)
}

// Unrenderable lists the articles of the content tree that cannot be
// rendered (too many segments, a name too long: article.Check), such as the
// folder an earlier build wrote for an article that is now skipped, with the
// reason. The build leaves them, and their review pages, out of the site
// (never deleting them: they may hold reviews), so one article never fails
// every later build.
func (p *Project) Unrenderable() map[string]error {
	dir := filepath.Join(p.Content, "articles")
	entries, err := afero.ReadDir(p.Fs, dir)
	if err != nil {
		return nil
	}
	out := map[string]error{}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		f, err := store.Load(p.Fs, filepath.Join(dir, e.Name(), store.FileName))
		if err != nil {
			continue // reported by the build as a corrupt store
		}
		data, _ := afero.ReadFile(p.Fs, filepath.Join(dir, e.Name(), "index.ar.md"))
		fm := frontMatterOf(data)
		names := append(append([]string{}, fm.Tags...), fm.Entities...)
		if err := article.Check(e.Name(), len(f.Segments), names...); err != nil {
			out[e.Name()] = err
		}
	}
	return out
}
