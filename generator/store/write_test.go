package store

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// Files written into the content tree are FileMode and folders DirMode,
// less the umask, even when an older jisr wrote them 0600; no temporary
// file is left beside them.
func TestWriterModes(t *testing.T) {
	dir := t.TempDir()
	w := &Writer{Fs: afero.NewOsFs(), Dir: filepath.Join(dir, "content")}
	if err := w.WriteStore(&File{Article: "a", Segments: []Segment{{ID: "title", AR: "أ", EN: "A"}}}); err != nil {
		t.Fatal(err)
	}
	if err := w.WriteArticlePage("a", "ar", &ArticlePage{Title: "أ"}); err != nil {
		t.Fatal(err)
	}
	if err := w.WriteAnalysis(&Analysis{Article: "a"}); err != nil {
		t.Fatal(err)
	}
	if err := w.WriteEntityPage("x", "en", &EntityPage{Title: "X", TermPage: TermPage{Generated: true}}); err != nil {
		t.Fatal(err)
	}
	// An unchanged file that an older version left private is fixed.
	old := filepath.Join(w.Dir, "articles", "a", "index.ar.md")
	if err := os.Chmod(old, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := w.WriteArticlePage("a", "ar", &ArticlePage{Title: "أ"}); err != nil {
		t.Fatal(err)
	}
	if w.Written != 4 {
		t.Errorf("written = %d, want 4 (the rewrite is unchanged)", w.Written)
	}
	n := 0
	err := filepath.WalkDir(w.Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, _ := d.Info()
		want := FileMode &^ umask
		if d.IsDir() {
			want = DirMode &^ umask
		}
		if fi.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", p, fi.Mode().Perm(), want)
		}
		if strings.HasPrefix(d.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", p)
		}
		n++
		return nil
	})
	if err != nil || n < 8 {
		t.Fatalf("walked %d entries: %v", n, err)
	}
}
