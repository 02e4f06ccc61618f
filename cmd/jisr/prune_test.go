package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// jisr prune lists the orphans, refuses without --yes off a terminal, and
// with --yes unpublishes them, keeping their stores in pruned/.
func TestPrune(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "seeds"), 0o755)
	os.WriteFile(filepath.Join(dir, "seeds", "a.txt"), []byte("قال الرئيس إن الحكومة ستجتمع غدا.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "seeds", "b.txt"), []byte("ارتفعت أسعار النفط في الأسواق العالمية.\n"), 0o644)
	if out, code := run(t, "translate", "--root", dir); code != 0 {
		t.Fatalf("translate: %d %s", code, out)
	}
	os.Remove(filepath.Join(dir, "seeds", "b.txt"))
	out, code := run(t, "prune", "--root", dir)
	if code != ExitUsage || !strings.Contains(out, "b (seeds/b.txt)") || !strings.Contains(out, "--yes") {
		t.Fatalf("prune without --yes: exit %d: %s", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "articles", "b")); err != nil {
		t.Fatalf("removed without asking: %v", err)
	}
	out, code = run(t, "prune", "--root", dir, "--yes")
	if code != 0 || !strings.Contains(out, "unpublished 1 articles") {
		t.Fatalf("prune --yes: exit %d: %s", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "articles", "b")); !os.IsNotExist(err) {
		t.Errorf("article b still in content/: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "pruned", "b", "segments.yaml")); err != nil {
		t.Errorf("store of b not kept: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "articles", "a", "segments.yaml")); err != nil {
		t.Errorf("article a touched: %v", err)
	}
}
