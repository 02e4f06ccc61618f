package build

import (
	iofs "io/fs"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// TestNoSourceInPublic builds a project whose static/ folder is jisr's own
// (it holds static/embed.go, the package that embeds the defaults): the
// CSS is published, the Go file is not, so public/ never holds a Go
// package (which `go test ./...` would list and Pages would publish).
func TestNoSourceInPublic(t *testing.T) {
	fs := loadTxtar(t, "testdata/site.txtar")
	afero.WriteFile(fs, "/p/static/embed.go", []byte("package static\n"), 0o644)
	afero.WriteFile(fs, "/p/static/css/extra.css", []byte("body{}\n"), 0o644)
	buildSite(t, fs, Options{})
	if ok, _ := afero.Exists(fs, "/p/public/css/extra.css"); !ok {
		t.Error("the project's own CSS was not published")
	}
	afero.Walk(fs, "/p/public", func(p string, info iofs.FileInfo, err error) error {
		if err == nil && !info.IsDir() && strings.HasSuffix(p, ".go") {
			t.Errorf("Go source published: %s", p)
		}
		return nil
	})
}
