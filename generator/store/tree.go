package store

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"

	"github.com/spf13/afero"
)

// Articles is the one walker over the article bundles of a content tree:
// it returns the IDs (folder names) under contentDir/articles, sorted. A
// missing folder gives none and no error. Each caller reads what it needs
// of each bundle with the Read functions.
func Articles(fsys afero.Fs, contentDir string) ([]string, error) {
	return subdirs(fsys, path.Join(contentDir, ArticlesSection))
}

// ErrNoArticles is returned by MustArticles for a content folder without
// an articles section: not a content tree, or one never built.
var ErrNoArticles = errors.New("no articles folder: not a content tree, or never built (run jisr build)")

// MustArticles is Articles for commands that need a built tree: a missing
// articles folder is an error wrapping ErrNoArticles and fs.ErrNotExist.
func MustArticles(fsys afero.Fs, contentDir string) ([]string, error) {
	dir := path.Join(contentDir, ArticlesSection)
	if ok, err := afero.DirExists(fsys, dir); err != nil || !ok {
		return nil, fmt.Errorf("store: %s: %w (%w)", dir, ErrNoArticles, fs.ErrNotExist)
	}
	return Articles(fsys, contentDir)
}

// Terms returns the term IDs (folder names) of a section, EntitiesSection
// or TagsSection, sorted; none when the section does not exist.
func Terms(fsys afero.Fs, contentDir, section string) ([]string, error) {
	return subdirs(fsys, path.Join(contentDir, section))
}

func subdirs(fsys afero.Fs, dir string) ([]string, error) {
	infos, err := afero.ReadDir(fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	var out []string
	for _, fi := range infos {
		if fi.IsDir() {
			out = append(out, fi.Name())
		}
	}
	sort.Strings(out)
	return out, nil
}

// readPage reads the front matter of file into v. A missing file is an
// error that wraps fs.ErrNotExist.
func readPage(fsys afero.Fs, file string, v any) error {
	data, err := afero.ReadFile(fsys, file)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	if err := unmarshalFrontMatter(file, data, v); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	return nil
}

// ReadArticlePage reads an article's index page in lang. A missing page
// is an error that wraps fs.ErrNotExist.
func ReadArticlePage(fsys afero.Fs, contentDir, id, lang string) (*ArticlePage, error) {
	var p ArticlePage
	if err := readPage(fsys, PagePath(contentDir, id, lang), &p); err != nil {
		return nil, err
	}
	return &p, nil
}

// ParseArticlePage reads an article's index page from data, the bytes of
// file (named in errors), for a caller that has read the file already.
func ParseArticlePage(file string, data []byte) (*ArticlePage, error) {
	var p ArticlePage
	if err := unmarshalFrontMatter(file, data, &p); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return &p, nil
}

// ReadEntityPage reads an entity term page in lang (wrapping
// fs.ErrNotExist when it is missing).
func ReadEntityPage(fsys afero.Fs, contentDir, id, lang string) (*EntityPage, error) {
	var p EntityPage
	if err := readPage(fsys, TermPath(contentDir, EntitiesSection, id, lang), &p); err != nil {
		return nil, err
	}
	return &p, nil
}

// ReadTermPage reads the naming fields of the entity term page in folder
// dir/id: its Arabic page, else its English one, else _index.md (a page a
// person wrote for one language). It returns the file read, or "" and no
// error when the folder has no page.
func ReadTermPage(fsys afero.Fs, dir, id string) (TermPage, string, error) {
	var fm TermPage
	for _, f := range []string{"_index.ar.md", "_index.en.md", "_index.md"} {
		file := path.Join(dir, id, f)
		err := readPage(fsys, file, &fm)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		return fm, file, err
	}
	return fm, "", nil
}

// ReadTagPage reads a tag term page in lang (wrapping fs.ErrNotExist when
// it is missing).
func ReadTagPage(fsys afero.Fs, contentDir, id, lang string) (*TagPage, error) {
	var p TagPage
	if err := readPage(fsys, TermPath(contentDir, TagsSection, id, lang), &p); err != nil {
		return nil, err
	}
	return &p, nil
}

// generated reports whether a term page's bytes say jisr wrote it.
func generated(page []byte) bool {
	var fm struct {
		Generated bool `yaml:"jisr_generated"`
	}
	return unmarshalFrontMatter("", page, &fm) == nil && fm.Generated
}

// ReadReviewPage reads the front matter of an article's review page
// (review/<id>/index.en.md), wrapping fs.ErrNotExist when it is missing.
func ReadReviewPage(fsys afero.Fs, contentDir, id string) (*ReviewPage, error) {
	var p ReviewPage
	if err := readPage(fsys, path.Join(contentDir, ReviewSection, id, "index.en.md"), &p); err != nil {
		return nil, err
	}
	return &p, nil
}
