package build

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// The whole pipeline with every article in a shard of its own gives the
// public/ of a build in one Hugo run, and reports the same pages: online
// under a sub-path, offline, at the host's root with review pages off.
func TestRenderShardsGiveTheSameSite(t *testing.T) {
	for _, c := range []struct{ name, top, tables string }{
		{"sub-path", "baseURL = \"https://example.org/news/\"\n", ""},
		{"offline", "baseURL = \"https://example.org/news/\"\noffline = true\n", ""},
		{"root, no review pages", "baseURL = \"https://example.org/\"\n", "[review]\npages = false\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			o := Options{Engines: withUpper(), Engine: "test-upper"}
			site := func(shardSize string) afero.Fs {
				fs := incrementalSite(t)
				// Layouts of the project's own are rendered in one run.
				fs.Remove("/p/templates/layouts/_partials/extra.html")
				cfg := c.top + "[title]\nar = \"جسر\"\nen = \"Jisr\"\n" + c.tables + "[build]\nshard_size = " + shardSize + "\n"
				afero.WriteFile(fs, "/p/jisr.toml", []byte(cfg), 0o644)
				return fs
			}
			one, sharded := site("1000"), site("1")
			want, _ := buildLog(t, one, o)
			got, log := buildLog(t, sharded, o)
			if !strings.Contains(log, "articles in 4 shards and the lists") {
				t.Errorf("the sharded build did not render its 4 articles in 4 shards:\n%s", log)
			}
			if got.Pages != want.Pages || got.Articles != want.Articles {
				t.Errorf("shards: %d pages, %d articles; one run: %d pages, %d articles", got.Pages, got.Articles, want.Pages, want.Articles)
			}
			diffTrees(t, "public", tree(t, sharded, "/p/public"), tree(t, one, "/p/public"))
		})
	}
}
