//go:build unix

package review

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/store"
)

// Exported files are 0644 under umask 022, their folder 0755.
func TestExportModes(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	dir := t.TempDir()
	mem := fixture(t)
	data, _ := afero.ReadFile(mem, store.Path("/c", "iraq"))
	fs := afero.NewOsFs()
	content := filepath.Join(dir, "c")
	os.MkdirAll(filepath.Dir(store.Path(content, "iraq")), 0o755)
	afero.WriteFile(fs, store.Path(content, "iraq"), data, 0o644)
	for _, f := range Formats {
		files, err := Export(Options{Fs: fs, Content: content}, f, filepath.Join(dir, "out", "review"))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range append(files, filepath.Dir(files[0])) {
			info, _ := os.Stat(p)
			want := os.FileMode(0o644)
			if info.IsDir() {
				want = 0o755
			}
			if info.Mode().Perm() != want {
				t.Errorf("%s: mode %v, want %v", p, info.Mode().Perm(), want)
			}
		}
	}
}
