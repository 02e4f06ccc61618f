package build

import (
	"fmt"
	"io"
	"path"
	"path/filepath"
	"strings"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/content"
	"github.com/jisr-news/jisr/generator/search"
	"github.com/jisr-news/jisr/generator/store"
)

// SearchIndexPath is where the offline search index is published, relative
// to the site root; static/js/search.js loads it from there.
const SearchIndexPath = "js/search-index.js"

// WriteSearchIndex writes the offline search index of pages into the built
// site (p.Out), after Render. Pages whose published file is missing (a term
// page Hugo named differently) are left out of the index and reported in
// the log, so the search never links to a page that does not exist.
// It returns the index size in bytes.
func (p *Project) WriteSearchIndex(pages []content.Page) (int, error) {
	return writeSearchIndex(p.Fs, p.Out, pages, p.Config.Offline, p.Log)
}

func writeSearchIndex(fs afero.Fs, out string, pages []content.Page, offline bool, log io.Writer) (int, error) {
	var docs []search.Doc
	for _, d := range search.FromPages(pages, offline) {
		file := d.Path
		if strings.HasSuffix(file, "/") {
			file = path.Join(file, "index.html")
		}
		if ok, _ := afero.Exists(fs, filepath.Join(out, filepath.FromSlash(file))); !ok {
			fmt.Fprintf(log, "search: %s not in the built site; left out of the index\n", d.Path)
			continue
		}
		docs = append(docs, d)
	}
	js, err := search.Build(docs)
	if err != nil {
		return 0, err
	}
	if err := store.WriteFileAtomic(fs, filepath.Join(out, filepath.FromSlash(SearchIndexPath)), js); err != nil {
		return 0, fmt.Errorf("search index: %w", err)
	}
	return len(js), nil
}
