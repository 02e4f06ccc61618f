package build

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
)

func TestOrphans(t *testing.T) {
	fs := loadTxtar(t, "testdata/site.txtar")
	buildSite(t, fs, Options{})
	p, err := Open(Options{Fs: fs, Root: "/p"})
	if err != nil {
		t.Fatal(err)
	}
	if o := p.Orphans(); len(o) != 0 {
		t.Fatalf("orphans right after a build: %v", o)
	}
	fs.Remove("/p/seeds/iraq.txt")
	// A hand-written article has no seed and is not an orphan.
	afero.WriteFile(fs, "/p/content/articles/mine/index.ar.md", []byte("---\ntitle: يدوي\n---\n"), 0o644)
	o := p.Orphans()
	if len(o) != 1 || !strings.HasPrefix(o[0], "content/articles/iraq (seeds/iraq.txt)") {
		t.Errorf("orphans = %v", o)
	}
	sum := buildSite(t, fs, Options{})
	var b strings.Builder
	sum.Report(&b)
	if !strings.Contains(b.String(), "content/articles/iraq (seeds/iraq.txt)") {
		t.Errorf("summary does not name the orphan:\n%s", b.String())
	}
}
