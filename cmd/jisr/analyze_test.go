package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAnalyzeCommand(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "a.txt")
	os.WriteFile(f, []byte("قمة في موسكو\n\nالتقى الرئيس الروسي فلاديمير بوتين في موسكو نظيره التركي.\n"), 0o644)
	out, code := run(t, "--root", dir, "analyze", "--json", f)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, out)
	}
	var r struct {
		Entities []struct {
			NameEN   string `json:"name_en"`
			Mentions []struct {
				Start, End int
				Surface    string
			} `json:"mentions"`
		} `json:"entities"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	names := map[string]bool{}
	for _, e := range r.Entities {
		names[e.NameEN] = true
	}
	if !names["Vladimir Putin"] || !names["Moscow"] {
		t.Errorf("entities %v", names)
	}
	if _, code := run(t, "analyze"); code != 2 {
		t.Errorf("analyze without FILE: exit %d, want 2", code)
	}
	if out, code := run(t, "analyze", filepath.Join(dir, "missing.txt")); code == 0 || !strings.Contains(out, "missing.txt") {
		t.Errorf("missing file: exit %d, %q", code, out)
	}
}
