package main

import (
	"archive/zip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jisr-news/jisr/internal/testenv"
)

// A sample of a real day (SaudiNewsNet, 2015-07-23, read from ../shared,
// never copied into the project): every record of that day with no text or
// with control characters, and the first ordinary ones, as one .jsonl
// export. It must deploy through the Pages workflow's build step, even
// with FAIL_ON_SKIPPED=true, and pass jisr check --links.
func TestRealDayExportDeploys(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site of real articles")
	}
	zr, err := zip.OpenReader(testenv.SharedData(t, "saudinewsnet/2015-07-23.zip"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	f, err := zr.File[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	var recs []map[string]any
	if err := json.Unmarshal(data, &recs); err != nil {
		t.Fatal(err)
	}
	var sample []map[string]any
	ordinary, empty, ctrl := 0, 0, 0
	for _, r := range recs {
		text, _ := r["content"].(string)
		title, _ := r["title"].(string)
		switch {
		case strings.TrimSpace(text) == "":
			empty++
		case strings.ContainsFunc(text+title, func(r rune) bool { return r < 0x20 && r != '\n' && r != '\t' && r != '\r' }):
			ctrl++
		case ordinary < 20:
			ordinary++
		default:
			continue
		}
		sample = append(sample, r)
	}
	if empty == 0 || ctrl == 0 {
		t.Fatalf("the day has %d empty records and %d with control characters; expected some of each", empty, ctrl)
	}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "seeds"), 0o755)
	var b strings.Builder
	for _, r := range sample {
		line, _ := json.Marshal(r)
		b.Write(line)
		b.WriteByte('\n')
	}
	os.WriteFile(filepath.Join(dir, "seeds", "2015-07-23.jsonl"), []byte(b.String()), 0o644)
	ok, out := loadWorkflow(t).deploy(t, dir, "true")
	if !ok {
		t.Fatalf("%d real records (%d empty, %d with control characters) do not deploy:\n%s", len(sample), empty, ctrl, out)
	}
	if !strings.Contains(out, "without article text, tolerated") {
		t.Errorf("the empty records are not listed as tolerated:\n%s", out)
	}
	siteIsClean(t, dir)
	t.Logf("%d real records (%d empty, %d with control characters) deployed", len(sample), empty, ctrl)
}
