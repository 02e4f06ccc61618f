package publish

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/spf13/afero"
)

// Install on the OS exchanges the folders: the new site is in place, the
// old one is gone, the marker is written, and nothing is left beside it.
func TestInstallExchanges(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	fs := afero.NewOsFs()
	for i, page := range []string{"old", "new"} {
		tmp, err := TempDir(fs, out)
		if err != nil {
			t.Fatal(err)
		}
		if info, _ := os.Stat(tmp); info.Mode().Perm() != 0o755 {
			t.Errorf("render folder mode %v, want 0755", info.Mode().Perm())
		}
		os.WriteFile(filepath.Join(tmp, "index.html"), []byte(page), 0o644)
		if err := Install(fs, tmp, out); err != nil {
			t.Fatalf("install %d: %v", i, err)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "new" {
		t.Errorf("index.html = %q, want the new site", b)
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err != nil {
		t.Errorf("no marker: %v", err)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("%d entries beside the site, want only public", len(entries))
	}
}

func TestInstallRefusesForeignFolder(t *testing.T) {
	fs := afero.NewMemMapFs()
	afero.WriteFile(fs, "/x/out/mine.txt", []byte("mine"), 0o644)
	fs.MkdirAll("/x/.out.tmp-1", 0o755)
	if err := Install(fs, "/x/.out.tmp-1", "/x/out"); err == nil {
		t.Fatal("Install replaced a folder jisr did not make")
	}
	if ok, _ := afero.Exists(fs, "/x/out/mine.txt"); !ok {
		t.Error("the folder's file was lost")
	}
}

func TestIsLeftover(t *testing.T) {
	for name, want := range map[string]bool{
		".public.tmp-123": true, ".public.tmp-123.old": true, ".public.tmp-": false,
		".public.tmp-x": false, "public": false, ".other.tmp-1": false, ".public.tmp-1.old.old": false,
	} {
		if got := IsLeftover("/p/public", name); got != want {
			t.Errorf("IsLeftover(%q) = %v", name, got)
		}
	}
}
