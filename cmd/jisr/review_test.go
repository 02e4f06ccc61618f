package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReviewCommands drives the translator's commands: export, import with
// a conflict, check --qa and check --require-reviewed, and their exit codes.
func TestReviewCommands(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "seeds"), 0o755)
	os.WriteFile(filepath.Join(dir, "seeds", "a.txt"), []byte("اتفق العراق وروسيا على تبادل المعلومات. وقال المتحدث إن 4 دول ستعمل في بغداد.\n"), 0o644)
	if out, code := run(t, "build", "--root", dir); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, out)
	}
	if out, code := run(t, "check", "--require-reviewed", "--root", dir); code != 1 || !strings.Contains(out, "not reviewed: a: 3 of 3 segments") {
		t.Errorf("require-reviewed on a gist site: exit %d\n%s", code, out)
	}
	if out, code := run(t, "review", "export", "--format", "docx", "--root", dir); code != 2 {
		t.Errorf("unknown format: exit %d\n%s", code, out)
	}
	rv := filepath.Join(dir, "rv")
	out, code := run(t, "review", "export", "--format", "xliff", "--out", rv, "--root", dir)
	xlf := filepath.Join(rv, "a.xlf")
	if code != 0 || !strings.Contains(out, xlf) {
		t.Fatalf("export: exit %d\n%s", code, out)
	}

	// Translate every unit; make one unit's source stale and invent one.
	data, _ := os.ReadFile(xlf)
	doc := regexp.MustCompile(`(?s)<target>.*?</target>`).ReplaceAllStringFunc(string(data), func(string) string {
		return "<target>Iraq and Russia agreed in 2016 to share intelligence.</target>"
	})
	doc = strings.Replace(doc, `<unit id="p1-2"`, `<unit id="p1-9"`, 1)
	// An invented ID with Arabic no segment has (a moved ID with known
	// Arabic would be re-anchored).
	doc = regexp.MustCompile(`(?s)(<unit id="p1-9".*?<source>).*?(</source>)`).ReplaceAllString(doc, "${1}نص لا يوجد${2}")
	os.WriteFile(xlf, []byte(doc), 0o644)
	out, code = run(t, "review", "import", "--reviewer", "Sara", "--root", dir, xlf)
	if code != 3 || !strings.Contains(out, "a#p1-1: edited by Sara") || !strings.Contains(out, "conflict: "+xlf+": a#p1-9: unknown segment ID") {
		t.Errorf("import with a conflict: exit %d\n%s", code, out)
	}
	seg, _ := os.ReadFile(filepath.Join(dir, "content", "articles", "a", "segments.yaml"))
	if !strings.Contains(string(seg), "reviewer: Sara") {
		t.Errorf("store lacks the reviewer:\n%s", seg)
	}

	// QA lists the dropped number with the line to edit and the link.
	out, code = run(t, "check", "--qa", "--root", dir)
	if code != 0 || !regexp.MustCompile(`content/articles/a/segments\.yaml:\d+ \[p1-1\] numbers: the number 2016 in the English is not in the Arabic`).MatchString(out) {
		t.Errorf("check --qa: exit %d\n%s", code, out)
	}
	if !strings.Contains(out, "/en/review/a/#seg-p1-1") {
		t.Errorf("check --qa gives no review link:\n%s", out)
	}
	if out, code := run(t, "check", "--qa", "--root", t.TempDir()); code != 1 || !strings.Contains(out, "run jisr build first") {
		t.Errorf("check --qa without content: exit %d\n%s", code, out)
	}
}
