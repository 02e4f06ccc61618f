package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// translate --shard K/N writes only segments.yaml files, and the two
// shards of a project together hold every article once; a bad K/N is a
// usage error.
func TestTranslateShard(t *testing.T) {
	dir := t.TempDir()
	seeds := map[string]string{
		"a.txt": "قال الرئيس إن الحكومة ستجتمع غدا.\n",
		"b.txt": "ارتفعت أسعار النفط في الأسواق العالمية.\n",
		"c.txt": "أعلنت الوزارة عن خطة جديدة للتعليم.\n",
		"d.txt": "فاز الفريق بالمباراة النهائية أمس.\n",
	}
	os.MkdirAll(filepath.Join(dir, "seeds"), 0o755)
	for name, text := range seeds {
		os.WriteFile(filepath.Join(dir, "seeds", name), []byte(text), 0o644)
	}
	all := map[string]int{}
	for _, k := range []string{"1/2", "2/2"} {
		out, code := run(t, "translate", "--root", dir, "--shard", k)
		if code != 0 {
			t.Fatalf("shard %s: exit %d: %s", k, code, out)
		}
	}
	filepath.Walk(filepath.Join(dir, "content"), func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			if filepath.Base(p) != "segments.yaml" {
				t.Errorf("a shard wrote %s", p)
			}
			all[filepath.Base(filepath.Dir(p))]++
		}
		return nil
	})
	if len(all) != len(seeds) {
		t.Errorf("stored articles %v, want one for each of %d seeds", all, len(seeds))
	}
	out, code := run(t, "translate", "--root", dir, "--shard", "3/2")
	if code != 2 || !strings.Contains(out, "--shard") {
		t.Errorf("--shard 3/2: exit %d: %s", code, out)
	}
}
