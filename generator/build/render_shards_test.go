package build

import (
	"regexp"
	"strconv"
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

// shardedSite is the incremental test site with every article in a shard
// of its own (and jisr's layouts only, which shards need).
func shardedSite(t *testing.T) afero.Fs {
	t.Helper()
	fs := incrementalSite(t)
	fs.RemoveAll("/p/templates") // not only the file: copyFs copies no empty folder
	cfg := read(t, fs, "/p/jisr.toml")
	afero.WriteFile(fs, "/p/jisr.toml", []byte(cfg+"[build]\nshard_size = 1\n"), 0o644)
	return fs
}

// An edited, added or deleted article re-renders its own shard and the
// lists only; the other shards come from public/, and public/ and
// content/ (the manifest with its shard digests included) are those of a
// cold build of the same inputs.
func TestRenderShardsIncremental(t *testing.T) {
	fs := shardedSite(t)
	o := Options{Engines: withUpper(), Engine: "test-upper"}
	if _, log := buildLog(t, fs, o); !strings.Contains(log, "articles in 4 shards and the lists: 5 Hugo runs, 0 shards unchanged") {
		t.Fatalf("first build:\n%s", log)
	}
	steps := []struct{ name, want string }{
		{"edit", "articles in 4 shards and the lists: 2 Hugo runs, 3 shards unchanged"},
		{"add", "articles in 5 shards and the lists: 2 Hugo runs, 4 shards unchanged"},
		{"delete", "articles in 4 shards and the lists: 1 Hugo runs, 4 shards unchanged"},
		{"public page removed", "articles in 4 shards and the lists: 2 Hugo runs, 3 shards unchanged"},
	}
	do := map[string]func(){
		"edit": func() {
			afero.WriteFile(fs, "/p/seeds/club.txt", []byte("أبدى رئيس نادي الوحدة الأستاذ هشام مرسي تفاؤله بالموسم الجديد. وقال هشام مرسي إن الفريق جاهز.\n"), 0o644)
		},
		"add": func() { // names no one the others name: their pages stay as they are
			afero.WriteFile(fs, "/p/seeds/weather.txt", []byte("توقعت الأرصاد الجوية أمطارا غزيرة على الساحل غدا.\n"), 0o644)
		},
		"delete": func() { // the seed and its bundle: prune's effect
			fs.Remove("/p/seeds/weather.txt")
			fs.RemoveAll("/p/content/articles/weather")
			fs.RemoveAll("/p/content/review/weather")
		},
		"public page removed": func() { fs.Remove("/p/public/en/articles/iraq/index.html") },
	}
	termsLine := regexp.MustCompile(`, (\d+) of (\d+) terms unchanged`)
	for _, st := range steps {
		do[st.name]()
		log := equalsCold(t, fs, o, st.name)
		if !strings.Contains(log, st.want) {
			t.Errorf("%s: the log does not say %q:\n%s", st.name, st.want, log)
		}
		// The edit changes the club article's terms' pages only; removing
		// an article page from public/ changes no term's.
		m := termsLine.FindStringSubmatch(log)
		if m == nil {
			t.Fatalf("%s: no count of terms in the log:\n%s", st.name, log)
		}
		reused, all := atoi(t, m[1]), atoi(t, m[2])
		switch {
		case all == 0:
			t.Errorf("%s: no term could be taken from public/", st.name)
		case st.name == "edit" && (reused == 0 || reused == all):
			t.Errorf("edit: %d of %d terms unchanged, want some rendered again and the others taken from public/", reused, all)
		case st.name == "public page removed" && reused != all:
			t.Errorf("public page removed: %d of %d terms unchanged, want all", reused, all)
		}
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
