package safepath

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

func TestCheckName(t *testing.T) {
	for _, ok := range []string{"a", "2024-01-x", "p3-2", "ناصر", "a.b"} {
		if err := CheckName("article ID", ok); err != nil {
			t.Errorf("CheckName(%q) = %v, want nil", ok, err)
		}
	}
	for _, bad := range []string{"", ".", "..", "../x", "a/b", `a\b`, "/etc", "a\x00b", "a\nb", strings.Repeat("x", 256)} {
		err := CheckName("article ID", bad)
		var ne *NameError
		if !errors.As(err, &ne) {
			t.Errorf("CheckName(%q) = %v, want a *NameError", bad, err)
		}
	}
}

func TestJoin(t *testing.T) {
	if p, err := Join("out", "articles/a/segments.yaml"); err != nil || p != "out/articles/a/segments.yaml" {
		t.Errorf("Join = %q, %v", p, err)
	}
	for _, bad := range []string{"", "..", "../x", "a/../../x", "/etc/passwd", `..\x`} {
		if p, err := Join("out", bad); err == nil {
			t.Errorf("Join(out, %q) = %q, want an error", bad, p)
		}
	}
}

func TestWithin(t *testing.T) {
	for _, tt := range []struct {
		dir, p string
		want   bool
	}{{"/a", "/a", true}, {"/a", "/a/b", true}, {"/a", "/ab", false}, {"/a", "/", false}, {"/a/b", "/a", false}} {
		if got := Within(tt.dir, tt.p); got != tt.want {
			t.Errorf("Within(%q, %q) = %v", tt.dir, tt.p, got)
		}
	}
}

// A link inside a folder that leads outside it is refused and named; one
// that stays inside is allowed.
func TestCheckLinks(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	static := filepath.Join(root, "static")
	must(t, os.MkdirAll(filepath.Join(static, "css"), 0o755))
	must(t, os.WriteFile(filepath.Join(static, "css", "a.css"), []byte("x"), 0o644))
	must(t, os.Symlink("css/a.css", filepath.Join(static, "inside.css")))
	fs := afero.NewOsFs()
	if err := CheckLinks(fs, static); err != nil {
		t.Fatalf("a link inside: %v", err)
	}
	must(t, os.Symlink("/etc/passwd", filepath.Join(static, "passwd.txt")))
	must(t, os.Symlink(outside, filepath.Join(static, "x")))
	must(t, os.Symlink("../../"+filepath.Base(outside), filepath.Join(static, "css", "up")))
	err := CheckLinks(fs, filepath.Join(root, "missing"), static)
	var le *LinkError
	if !errors.As(err, &le) || len(le.Links) != 3 {
		t.Fatalf("CheckLinks = %v, want 3 links named", err)
	}
	for _, name := range []string{"passwd.txt", "static/x", "css/up"} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("the message does not name %s: %v", name, err)
		}
	}
}

func TestResolve(t *testing.T) {
	root := t.TempDir()
	must(t, os.Symlink("/", filepath.Join(root, "up")))
	got, err := Resolve(afero.NewOsFs(), filepath.Join(root, "up", "not", "there"))
	if err != nil || got != "/not/there" {
		t.Errorf("Resolve = %q, %v", got, err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
