package build

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// walkFiles returns the files under dir whose path satisfies keep.
func walkFiles(t *testing.T, fsys afero.Fs, dir string, keep func(string) bool) []string {
	t.Helper()
	var out []string
	err := afero.Walk(fsys, dir, func(p string, info fs.FileInfo, err error) error {
		if err == nil && !info.IsDir() && keep(p) {
			out = append(out, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The pictures reach the entity pages, yet no chart file is stored in the
// content tree (they are render-time resources), and a chart file an
// earlier version left there is removed by the next build.
func TestChartsNotStoredInContent(t *testing.T) {
	fsys := loadTxtar(t, "testdata/site.txtar")
	buildSite(t, fsys, Options{})
	if err := afero.WriteFile(fsys, "/p/content/tags/old/charts.ar.yaml", []byte("timeline_svg: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	buildSite(t, fsys, Options{})

	stored := walkFiles(t, fsys, "/p/content", func(p string) bool {
		return strings.HasPrefix(p[strings.LastIndex(p, "/")+1:], "charts.")
	})
	if len(stored) != 0 {
		t.Errorf("chart files stored in content/: %v", stored)
	}
	pictured := walkFiles(t, fsys, "/p/public/entities", func(p string) bool {
		return strings.HasSuffix(p, "index.html") && strings.Contains(read(t, fsys, p), `<svg`)
	})
	if len(pictured) == 0 {
		t.Error("no entity page carries a picture")
	}
}
