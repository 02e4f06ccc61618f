package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// jisr prune makes no translation engine: a project whose jisr.toml names
// a paid engine prunes without its key (a build there needs --engine).
// And it updates the term pages itself: a tag only the pruned article had
// loses its page before the next build.
func TestPruneNeedsNoEngine(t *testing.T) {
	t.Setenv("JISR_DEEPL_KEY", "")
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "seeds"), 0o755)
	os.WriteFile(filepath.Join(dir, "jisr.toml"), []byte("[translate]\nengine = \"deepl\"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "seeds", "a.txt"), []byte("قال الرئيس إن الحكومة ستجتمع غدا.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "seeds", "b.md"), []byte("---\ntags: [وسم فريد]\n---\nارتفعت أسعار النفط في الأسواق العالمية.\n"), 0o644)
	if out, code := run(t, "translate", "--root", dir, "--engine", "gist"); code != 0 {
		t.Fatalf("translate: %d %s", code, out)
	}
	if out, code := run(t, "build", "--root", dir); code != ExitUsage {
		t.Fatalf("a build without the engine's key should be refused: exit %d\n%s", code, out)
	}
	tags, _ := filepath.Glob(filepath.Join(dir, "content", "tags", "*", "_index.ar.md"))
	if len(tags) == 0 {
		t.Fatalf("no tag pages to prune")
	}
	os.Remove(filepath.Join(dir, "seeds", "b.md"))
	out, code := run(t, "prune", "--root", dir, "--yes")
	if code != 0 || !strings.Contains(out, "unpublished 1 articles") {
		t.Fatalf("prune --yes with the engine's key missing: exit %d\n%s", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "articles", "b")); !os.IsNotExist(err) {
		t.Errorf("article b still in content/: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "content", "tags", "*", "_index.ar.md")); len(left) != 0 {
		t.Errorf("tag pages of the pruned article left: %v\n%s", left, out)
	}
}
