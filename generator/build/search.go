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
	cache := search.ReadCache(p.Fs, p.cacheFile("search"), buildID())
	n, err := writeSearchIndex(p.Fs, dir, docs, cache, p.Log)
	if err != nil {
		return 0, err
	}
	fmt.Fprintf(p.Log, "search index: %d of %d pages as the last index read them\n", cache.Reused, len(docs))
	if err := cache.Write(p.Fs, p.cacheFile("search")); err != nil { // the next index reads every page: no harm
		fmt.Fprintf(p.Log, "warning: search index cache: %v\n", err)
	}
	return n, nil
}

// cacheFile is the file name of one of the build's caches: what the link
// check and the search index found in the files and pages of the last
// site, so that the next build reads only those that changed. They lie in
// ".public.cache" beside the output folder, as the render folders do;
// each is derived from the site alone, is not used by another jisr build
// (its tag), and is safe to delete.
func (p *Project) cacheFile(name string) string {
	return filepath.Join(filepath.Dir(p.Out), "."+filepath.Base(p.Out)+".cache", name)
}

func writeSearchIndex(fs afero.Fs, out string, all []search.Doc, cache *search.Cache, log io.Writer) (int, error) {
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
	return search.WriteIndexCached(fs, filepath.Join(out, filepath.FromSlash(SearchIndexPath)), docs, cache) // the first file; parts in js/search-index/
}
