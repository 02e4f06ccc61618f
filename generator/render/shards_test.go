package render

import (
	"fmt"
	iofs "io/fs"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/internal/testenv"
	"github.com/jisr-news/jisr/static"
	"github.com/jisr-news/jisr/templates"
)

// shardProject is a content tree of n articles in both languages, with
// review pages (when review is true), tags and entities shared across
// articles and some of their own, an entity whose name is "build" (the
// front matter rewrite must not touch its mention), a picture beside the
// seeds and the term pages' charts: jisr's content tree as
// generator/content writes it, small.
func shardProject(t *testing.T, n int, review bool) afero.Fs {
	t.Helper()
	fs := afero.NewMemMapFs()
	w := &store.Writer{Fs: fs, Dir: "/p/content"}
	check := func(err error) {
		if err != nil {
			t.Helper()
			t.Fatal(err)
		}
	}
	for _, sec := range []string{store.ArticlesSection, store.TagsSection, store.EntitiesSection} {
		check(w.WriteSection(sec, "ar", &store.SectionPage{Title: "قسم " + sec}))
		check(w.WriteSection(sec, "en", &store.SectionPage{Title: "Section " + sec}))
	}
	hidden := map[string]any{"disable": true}
	if review {
		check(w.WriteReviewIndex(&store.ReviewIndex{Title: "Translation review", Build: map[string]any{"list": "local", "publishResources": false}, Sitemap: hidden, Outputs: []string{"html"}}))
	}
	terms := map[string]bool{}
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("a%02d", i)
		tags := []string{"economy", fmt.Sprintf("t%d", i%3)}
		ents := []string{"iraq", fmt.Sprintf("p%d", i%4)}
		if i%5 == 0 {
			ents = append(ents, "build")
		}
		for _, x := range tags {
			terms["tags/"+x] = true
		}
		for _, x := range ents {
			terms["entities/"+x] = true
		}
		date := fmt.Sprintf("2015-07-%02dT0%d:00:00Z", 1+i%28, i%7)
		if i == 3 {
			date = ""
		}
		for _, lang := range []string{"ar", "en"} {
			title := fmt.Sprintf("خبر رقم %d عن GDP", i)
			if lang == "en" {
				title = fmt.Sprintf("Story %d & <more> in الرياض", i)
			}
			pg := store.ArticlePage{Title: title, Date: date, TranslationKey: id, Lead: title + " lead", Tags: tags, Entities: ents,
				Mentions: map[string]store.Mention{"iraq": {Count: i%3 + 1, Snippet: "في بغداد"}, "build": {Count: 2, Snippet: "x"}},
				Jisr:     store.Provenance{ID: id, Status: "machine", Engine: "test"}, Build: map[string]any{"publishResources": false}}
			if i == 1 {
				pg.Images = []string{"/images/a01/x.jpg"}
				pg.Figures = []store.Figure{{Src: "/images/a01/x.jpg", Alt: "صورة", Caption: "تعليق"}}
			}
			check(w.WriteArticlePage(id, lang, &pg))
		}
		check(w.WriteStore(&store.File{Article: id, Segments: []store.Segment{
			{ID: "title", Kind: "title", AR: "عنوان", EN: "Title", Status: store.StatusMachine},
			{ID: "p1-1", Kind: "sentence", Block: 1, AR: "جملة أولى في بغداد.", EN: "A first sentence in Baghdad.", Status: store.StatusMachine},
		}}))
		if review {
			check(w.WriteReviewPage(id, &store.ReviewPage{Title: fmt.Sprintf("Story %d", i), Date: date, TranslationKey: "review-" + id, Article: id,
				File: "content/articles/" + id + "/segments.yaml", Counts: map[string]int{"machine": 2}, Total: 2 + i%3,
				Lines: map[string]int{"p1-1": 9}, Build: map[string]any{"list": "local", "publishResources": false}, Sitemap: hidden, Outputs: []string{"html"}}))
		}
	}
	names := make([]string, 0, len(terms))
	for k := range terms {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if k == "entities/p3" {
			continue // a term without a page of its own: Hugo makes it
		}
		for _, lang := range []string{"ar", "en"} {
			check(afero.WriteFile(fs, "/p/content/"+k+"/_index."+lang+".md", []byte("---\ntitle: "+lang+" "+k+"\ntype: PERSON\njisr_generated: true\n---\n"), 0o644))
		}
	}
	return fs
}

// renderAll renders fs with site and returns every file written, the
// render's result and the files each Hugo run wrote.
func renderAll(t *testing.T, fs afero.Fs, site Site) (map[string]string, *Result, map[string][]string) {
	t.Helper()
	runs := map[string][]string{}
	runHook = func(run string, files []string) { runs[run] = files }
	defer func() { runHook = nil }()
	dst := afero.NewMemMapFs()
	extra := map[string][]byte{
		"images/a01/x.jpg":            []byte("\xff\xd8\xff picture"),
		"tags/economy/charts.ar.json": []byte(`{"timeline_svg":"<svg></svg>","timeline_table":"<table></table>"}`),
	}
	in := Input{Fs: fs, ContentDir: "/p/content", TemplatesDir: "/p/templates", Templates: templates.FS, Static: static.FS, Extra: extra}
	res, err := Render(in, site, dst, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	afero.Walk(dst, "/", func(p string, info iofs.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			b, _ := afero.ReadFile(dst, p)
			out[p] = string(b)
		}
		return nil
	})
	return out, res, runs
}

// A site rendered in shards gives exactly the files and bytes of the same
// site rendered in one run, online at the host's root and under a
// sub-path, offline, and with no review pages; every file is written by
// one Hugo run only, and the page count is the same.
func TestShardsGiveTheSameSite(t *testing.T) {
	for _, c := range []struct {
		name   string
		site   Site
		review bool
	}{
		{"root", Site{BaseURL: "https://example.org/"}, true},
		{"sub-path", Site{BaseURL: "https://user.github.io/repo/", PageSize: 3}, true},
		{"offline", Site{BaseURL: "https://example.org/x/", Offline: true, PageSize: 4}, true},
		{"no review pages", Site{BaseURL: "https://example.org/"}, false},
		{"no base URL", Site{}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs := shardProject(t, 23, c.review)
			c.site.TitleAR, c.site.TitleEN = "جسر", "Jisr"
			one := c.site
			one.ShardSize = 1000
			want, wantRes, runs := renderAll(t, fs, one)
			if len(runs) != 1 || wantRes.Stats.Runs != 1 {
				t.Fatalf("shard size 1000: %d runs, want 1", wantRes.Stats.Runs)
			}
			sharded := c.site
			sharded.ShardSize = 4
			got, res, runs := renderAll(t, fs, sharded)
			if res.Stats.Shards < 3 || res.Stats.Runs != res.Stats.Shards+1 {
				t.Errorf("stats %+v: want at least 3 shards and a lists run", res.Stats)
			}
			if res.Pages != wantRes.Pages {
				t.Errorf("pages: %d in shards, %d in one run", res.Pages, wantRes.Pages)
			}
			compareTrees(t, got, want)
			by := map[string]string{}
			for run, files := range runs {
				for _, f := range files {
					if other, ok := by[f]; ok {
						t.Errorf("%s written by %s and by %s", f, other, run)
					}
					by[f] = run
				}
			}
			for f := range want {
				if !strings.HasSuffix(f, ".css") && !strings.HasSuffix(f, ".js") && !strings.Contains(f, "/fonts/") && by[f] == "" {
					t.Errorf("%s: no Hugo run wrote it", f)
				}
			}
		})
	}
}

func compareTrees(t *testing.T, got, want map[string]string) {
	t.Helper()
	testenv.DiffTrees(t, "", "sharded render", "one run", got, want)
}

// The cut follows the articles: removing or adding one moves at most the
// boundaries next to it, and every other shard keeps its articles.
func TestCutShardsStable(t *testing.T) {
	var ids []string
	for i := 0; i < 2000; i++ {
		ids = append(ids, fmt.Sprintf("r-%d", i))
	}
	before := cutShards(ids, 50)
	for _, s := range before {
		if len(s) > 200 {
			t.Fatalf("a shard of %d articles, more than four times the size", len(s))
		}
	}
	if len(before) < 20 || len(before) > 80 {
		t.Errorf("%d shards of about 50 from 2,000 articles", len(before))
	}
	key := func(s []string) string { return strings.Join(s, ",") }
	for _, change := range []struct {
		name string
		ids  []string
	}{
		{"delete", append(append([]string{}, ids[:700]...), ids[701:]...)},
		{"add", append(append(append([]string{}, ids[:700]...), "r-new"), ids[700:]...)},
	} {
		after := cutShards(change.ids, 50)
		old := map[string]bool{}
		for _, s := range before {
			old[key(s)] = true
		}
		moved := 0
		for _, s := range after {
			if !old[key(s)] {
				moved++
			}
		}
		if moved > 2 {
			t.Errorf("%s one article: %d shards changed, want at most 2", change.name, moved)
		}
	}
}

// renderInto renders fs into a new filesystem with the shards and site of
// an earlier render, and returns it with the result.
func renderInto(t *testing.T, fs afero.Fs, site Site, shards map[string]string, published afero.Fs) (afero.Fs, *Result) {
	t.Helper()
	dst := afero.NewMemMapFs()
	in := Input{Fs: fs, ContentDir: "/p/content", TemplatesDir: "/p/templates", Templates: templates.FS, Static: static.FS,
		Salt: "test", Shards: shards, Published: published}
	res, err := Render(in, site, dst, nil)
	if err != nil {
		t.Fatal(err)
	}
	return dst, res
}

func files(t *testing.T, fs afero.Fs) map[string]string {
	t.Helper()
	out := map[string]string{}
	afero.Walk(fs, "/", func(p string, info iofs.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			b, _ := afero.ReadFile(fs, p)
			out[p] = string(b)
		}
		return nil
	})
	return out
}

// After an edit, only the edited article's shard and the lists are
// rendered again; the other shards' pages are taken from the last site,
// and the site is the one a render from nothing gives. Deleting and
// adding articles moves their pages; a page changed in the last site
// makes its shard render again.
func TestShardsReused(t *testing.T) {
	for _, site := range []Site{{BaseURL: "https://example.org/repo/", ShardSize: 4}, {Offline: true, ShardSize: 4}} {
		fs := shardProject(t, 23, true)
		site.TitleAR, site.TitleEN = "جسر", "Jisr"
		last, res := renderInto(t, fs, site, nil, nil)
		n := res.Stats.Shards
		if n < 3 || len(res.Shards) != n || res.Stats.Reused != 0 {
			t.Fatalf("offline %v: first render %+v, %d shard digests: want every shard rendered and its files known", site.Offline, res.Stats, len(res.Shards))
		}
		again, res := renderInto(t, fs, site, res.Shards, last)
		if res.Stats.Reused != n || res.Stats.Runs != 1 {
			t.Errorf("offline %v: unchanged: %+v, want every shard reused and the lists run only", site.Offline, res.Stats)
		}
		compareTrees(t, files(t, again), files(t, last))

		steps := []struct {
			name  string
			do    func()
			rerun int // shards at most rendered again
		}{
			{"edit", func() {
				f := "/p/content/articles/a07/segments.yaml"
				data, _ := afero.ReadFile(fs, f)
				afero.WriteFile(fs, f, []byte(strings.Replace(string(data), "A first sentence", "An edited sentence", 1)), 0o644)
			}, 1},
			{"delete", func() { fs.RemoveAll("/p/content/articles/a11"); fs.RemoveAll("/p/content/review/a11") }, 2},
			{"add", func() {
				for _, f := range []string{"index.ar.md", "index.en.md", "segments.yaml"} {
					data, _ := afero.ReadFile(fs, "/p/content/articles/a05/"+f)
					afero.WriteFile(fs, "/p/content/articles/new/"+f, []byte(strings.ReplaceAll(string(data), "a05", "new")), 0o644)
				}
			}, 2},
			{"page changed in the last site", func() {
				for p := range files(t, last) {
					if strings.Contains(p, "/articles/a02") {
						afero.WriteFile(last, p, []byte("changed"), 0o644)
					}
				}
			}, 1},
		}
		for _, st := range steps {
			st.do()
			cold, coldRes := renderInto(t, fs, site, nil, nil)
			var got afero.Fs
			got, res = renderInto(t, fs, site, res.Shards, last)
			rendered := res.Stats.Shards - res.Stats.Reused
			if rendered < 1 && st.name != "delete" || rendered > st.rerun || res.Stats.Runs != rendered+1 {
				t.Errorf("offline %v, %s: %+v: want at most %d shards rendered again", site.Offline, st.name, res.Stats, st.rerun)
			}
			if res.Pages != coldRes.Pages {
				t.Errorf("%s: %d pages, cold %d", st.name, res.Pages, coldRes.Pages)
			}
			compareTrees(t, files(t, got), files(t, cold))
			if t.Failed() {
				t.Fatalf("offline %v, step %s", site.Offline, st.name)
			}
			last = got
		}
	}
}

// An article page whose front matter is not jisr's JSON cannot be marked
// render: link: the site is rendered in one run, as without shards.
func TestShardsFallBackToOneRun(t *testing.T) {
	fs := shardProject(t, 9, true)
	afero.WriteFile(fs, "/p/content/articles/a01/index.ar.md", []byte("---\ntitle: خبر\ntranslationKey: a01\ntags: [economy]\n---\n"), 0o644)
	site := Site{BaseURL: "https://example.org/", TitleAR: "جسر", TitleEN: "Jisr", ShardSize: 2}
	got, res := renderInto(t, fs, site, nil, nil)
	if res.Stats.Runs != 1 || res.Stats.Shards != 0 {
		t.Errorf("stats %+v, want one run", res.Stats)
	}
	site.ShardSize = 1000
	want, _ := renderInto(t, fs, site, nil, nil)
	compareTrees(t, files(t, got), files(t, want))
}
