package source

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// A symlink in seeds/ that points outside (to /etc/passwd, say) is refused
// with an error naming it and never read; one that stays inside is read.
func TestSymlinksOutsideSeedsAreRefused(t *testing.T) {
	root := t.TempDir()
	seeds := filepath.Join(root, "seeds")
	os.MkdirAll(seeds, 0o755)
	secret := filepath.Join(root, "secret.txt")
	os.WriteFile(secret, []byte("كلمة السر السرية للخادم.\n"), 0o644)
	os.WriteFile(filepath.Join(seeds, "ok.txt"), []byte("قال الرئيس إن الوزراء استقالوا.\n"), 0o644)
	os.Symlink(secret, filepath.Join(seeds, "passwd.txt"))
	os.Symlink("../secret.txt", filepath.Join(seeds, "rel.txt"))
	os.Symlink(secret, filepath.Join(seeds, "ok.yaml")) // a sidecar
	os.Symlink("ok.txt", filepath.Join(seeds, "inside.md"))

	arts, errs := ReadDir(afero.NewOsFs(), seeds)
	var names []string
	for _, a := range arts {
		names = append(names, filepath.Base(a.Source))
	}
	if strings.Join(names, ",") != "inside.md" {
		t.Errorf("read %v, want only the link that stays inside", names)
	}
	refused := map[string]bool{}
	for _, e := range errs {
		var se *Error
		if errors.As(e, &se) && errors.Is(e, ErrOutside) {
			refused[filepath.Base(se.Path)] = true
		}
	}
	for _, n := range []string{"passwd.txt", "rel.txt", "ok.yaml"} {
		if !refused[n] {
			t.Errorf("%s not refused by name: %v", n, errs)
		}
	}
	for _, a := range arts {
		if strings.Contains(a.Title, "السر") {
			t.Errorf("the outside file was read: %q", a.Title)
		}
	}
}

// A seed over the documented size limit fails clearly, naming the file and
// the limit; the other seeds are read.
func TestSeedSizeLimit(t *testing.T) {
	defer func(n int64) { maxFileBytes = n }(maxFileBytes)
	maxFileBytes = 1000
	fs := afero.NewMemMapFs()
	afero.WriteFile(fs, "/s/big.txt", []byte(strings.Repeat("قال الرئيس. ", 200)), 0o644)
	afero.WriteFile(fs, "/s/small.txt", []byte("قال الرئيس إن الوزراء استقالوا.\n"), 0o644)
	arts, errs := ReadDir(fs, "/s")
	if len(arts) != 1 || len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) ||
		!strings.Contains(errs[0].Error(), "/s/big.txt") || !strings.Contains(errs[0].Error(), "limit of 1000") {
		t.Errorf("articles %d, errors %v", len(arts), errs)
	}
}
