package project

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/jisr-news/jisr/generator/gazetteer"
	"github.com/jisr-news/jisr/generator/store"
)

// NewArticle is what "jisr new article" writes.
type NewArticle struct {
	Name  string    // the file stem and slug: ASCII letters, digits and dashes
	Title string    // the Arabic headline; may be empty
	Date  time.Time // the publication date
}

// sidecar is the metadata of a .txt seed, in the fields package source
// reads from a sidecar (<name>.yaml).
type sidecar struct {
	Title string   `yaml:"title"`
	Date  string   `yaml:"date"`
	Slug  string   `yaml:"slug"`
	Tags  []string `yaml:"tags"`
	Draft bool     `yaml:"draft"`
}

// ErrBadName is returned by WriteNewArticle for a name that is not a slug.
var ErrBadName = errors.New("the name must be a slug of lowercase ASCII letters, digits and dashes")

// ErrExists is returned by WriteNewArticle when the seed or its sidecar
// is already there; nothing is overwritten.
var ErrExists = errors.New("already exists")

// placeholder is the text of a new seed: "Write the article's text here,
// one paragraph a line."
const placeholder = "اكتب نص المقال هنا، فقرة في كل سطر.\n"

// WriteNewArticle writes a new seed into l.Seeds: <name>.txt with a
// placeholder paragraph and its sidecar <name>.yaml (title, date, slug,
// tags, draft: true, so that it is left out of builds until the draft
// line is removed or --buildDrafts is given). It returns the two paths.
// A name that is not a slug, or a file that exists, is an error and
// nothing is written.
func WriteNewArticle(l *Layout, a NewArticle) ([]string, error) {
	if a.Name == "" || gazetteer.Slug(a.Name) != a.Name {
		return nil, fmt.Errorf("new article %q: %w (e.g. %q)", a.Name, ErrBadName, gazetteer.Slug(a.Name))
	}
	txt := filepath.Join(l.Seeds, a.Name+".txt")
	meta := filepath.Join(l.Seeds, a.Name+".yaml")
	for _, f := range []string{txt, meta, filepath.Join(l.Seeds, a.Name+".md")} {
		if _, err := l.Fs.Stat(f); err == nil {
			return nil, fmt.Errorf("new article: %s: %w", f, ErrExists)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("new article: %w", err)
		}
	}
	data, err := yaml.Marshal(sidecar{Title: a.Title, Date: a.Date.UTC().Format("2006-01-02"), Slug: a.Name, Tags: []string{}, Draft: true})
	if err != nil {
		return nil, fmt.Errorf("new article: %w", err)
	}
	for _, w := range []struct {
		name string
		data []byte
	}{{meta, data}, {txt, []byte(placeholder)}} {
		if err := store.WriteFileAtomic(l.Fs, w.name, w.data); err != nil {
			return nil, fmt.Errorf("new article: %w", err)
		}
	}
	return []string{txt, meta}, nil
}
