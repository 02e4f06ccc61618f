package build

import (
	"fmt"
	"io"
	"path"
	"path/filepath"
	"strings"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/search"
)

// SearchIndexPath is where the offline search index is published, relative
// to the site root; static/js/search.js loads it from there.
const SearchIndexPath = "js/search-index.js"

// WriteSearchIndex writes the offline search index of the site into the
// built site (p.Out). Render already does this for the folder it swaps in;
// call it to re-index an existing site. It indexes what Hugo rendered
// from the content tree (every article, entity and tag page, both
// languages; see search.FromContent), and leaves out, with a line in the
// log, any page whose published file is missing, so the search never
// links to a page that does not exist. It returns the index size in bytes.
func (p *Project) WriteSearchIndex() (int, error) { return p.writeSearchIndexTo(p.Out) }

// writeSearchIndexTo indexes the content tree against the site built in dir.
func (p *Project) writeSearchIndexTo(dir string) (int, error) {
	docs, err := search.FromContent(p.Fs, p.Content, p.Config.Offline)
	if err != nil {
		return 0, err
	}
	return writeSearchIndex(p.Fs, dir, docs, p.Log)
}

func writeSearchIndex(fs afero.Fs, out string, all []search.Doc, log io.Writer) (int, error) {
	var docs []search.Doc
	for _, d := range all {
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
	return search.WriteIndex(fs, filepath.Join(out, filepath.FromSlash(SearchIndexPath)), docs) // the first file; parts in js/search-index/
}
