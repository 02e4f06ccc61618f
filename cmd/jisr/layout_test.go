package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommandsAgreeOnContent: with --content relative to --root, build,
// review export and check --qa all use <root>/<content>, whatever the
// working folder (review used to read --content from the working folder).
func TestCommandsAgreeOnContent(t *testing.T) {
	dir := seedProject(t)
	if out, code := run(t, "build", "--root", dir, "--content", "c2"); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "c2", "articles", "seed", "segments.yaml")); err != nil {
		t.Fatalf("build did not write <root>/c2: %v", err)
	}
	rv := filepath.Join(dir, "rv")
	out, code := run(t, "review", "export", "--root", dir, "--content", "c2", "--out", rv)
	if code != 0 || !strings.Contains(out, filepath.Join(rv, "seed.xlf")) {
		t.Errorf("review export --content c2: exit %d\n%s", code, out)
	}
	// A relative --out is relative to --root too, like --zip.
	if out, code := run(t, "review", "export", "--root", dir, "--content", "c2", "--out", "rv2"); code != 0 || !strings.Contains(out, filepath.Join(dir, "rv2", "seed.xlf")) {
		t.Errorf("review export --out rv2: exit %d\n%s", code, out)
	}
	if out, code := run(t, "check", "--qa", "--root", dir, "--content", "c2"); code != 0 {
		t.Errorf("check --qa --content c2: exit %d\n%s", code, out)
	}
}
