package build

import (
	"context"
	"path"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// readSearchIndex returns the search index of the site in public: its
// first file, then its parts (js/search-index/*.js), concatenated.
func readSearchIndex(t *testing.T, fs afero.Fs, public string) string {
	t.Helper()
	js := read(t, fs, path.Join(public, SearchIndexPath))
	parts, err := afero.ReadDir(fs, path.Join(public, strings.TrimSuffix(SearchIndexPath, ".js")))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range parts {
		js += read(t, fs, path.Join(public, strings.TrimSuffix(SearchIndexPath, ".js"), p.Name()))
	}
	return js
}

// WriteSearchIndex publishes js/search-index.js with every built article in
// both languages, with the paths of the mode (offline or not), and leaves
// out pages the site does not have.
func TestWriteSearchIndex(t *testing.T) {
	for _, offline := range []bool{false, true} {
		fs := loadTxtar(t, "testdata/site.txtar")
		var log strings.Builder
		p, err := Open(Options{Fs: fs, Root: "/p", Offline: &offline, Log: &log})
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := p.Prepare(context.Background()); err != nil {
			t.Fatal(err)
		}
		if _, err := p.Render(); err != nil {
			t.Fatal(err)
		}
		// A page Hugo did not write must not be indexed.
		if err := fs.RemoveAll("/p/public/en/articles/oil-prices"); err != nil {
			t.Fatal(err)
		}
		fs.Remove("/p/public/en/articles/oil-prices.html")
		n, err := p.WriteSearchIndex()
		if err != nil {
			t.Fatal(err)
		}
		js := readSearchIndex(t, fs, "/p/public")
		if n != len(js) || !strings.HasPrefix(js, "/* jisr offline search index") {
			t.Fatalf("offline=%v: index of %d bytes: %.80s", offline, n, js)
		}
		want := []string{`"articles/iraq/"`, `"en/articles/iraq/"`, `"articles/oil-prices/"`, `"entities/vladimir-putin/"`, `"en/tags/`}
		if offline {
			want = []string{`"articles/iraq.html"`, `"en/articles/iraq.html"`, `"articles/oil-prices.html"`, `"entities/vladimir-putin.html"`, `"en/tags/`}
		}
		for _, w := range want {
			if !strings.Contains(js, w) {
				t.Errorf("offline=%v: index lacks %s", offline, w)
			}
		}
		if strings.Contains(js, `en/articles/oil-prices`) {
			t.Errorf("offline=%v: index links a page that is not in the site", offline)
		}
		if !strings.Contains(log.String(), "en/articles/oil-prices") {
			t.Errorf("offline=%v: the left-out page is not reported: %s", offline, log.String())
		}
	}
}
