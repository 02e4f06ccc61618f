//go:build unix

package build

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// Under umask 022 every file of public/ is 0644 and every folder 0755, so
// a web server running as another user can read the site.
func TestPublicModes(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	root := writeProject(t)
	if _, err := Run(context.Background(), Options{Root: root}); err != nil {
		t.Fatal(err)
	}
	filepath.Walk(filepath.Join(root, "public"), func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		want := os.FileMode(0o644)
		if info.IsDir() {
			want = 0o755
		}
		if info.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", p, info.Mode().Perm(), want)
		}
		return nil
	})
}
