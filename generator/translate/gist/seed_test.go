package gist

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// repoRoot walks up from the package directory to go.mod.
func repoRoot(t testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
}

func seedLines(t testing.TB) []string {
	b, err := os.ReadFile(filepath.Join(repoRoot(t), "seeds", "000_9d8ced74e5524e3c.txt"))
	if err != nil {
		t.Skipf("seed article missing: %v", err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

func TestSeedPrint(t *testing.T) {
	if os.Getenv("GIST_PRINT") == "" {
		t.Skip("set GIST_PRINT=1 to print the seed's gist")
	}
	e, _ := New()
	for _, l := range seedLines(t) {
		t.Logf("\nAR: %s\nEN: %s", l, e.Gloss(l))
	}
}
