package render

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/static"
	"github.com/jisr-news/jisr/templates"
)

// renderTerms is renderInto with the terms of an earlier render, and
// returns also the terms whose pages the lists run wrote (term keys,
// sorted) and how many term pages it wrote.
func renderTerms(t *testing.T, fs afero.Fs, site Site, last *Result, published afero.Fs) (afero.Fs, *Result, []string, int) {
	t.Helper()
	var lists []string
	runHook = func(run string, files []string) {
		if run == "lists" {
			lists = files
		}
	}
	defer func() { runHook = nil }()
	dst := afero.NewMemMapFs()
	in := Input{Fs: fs, ContentDir: "/p/content", TemplatesDir: "/p/templates", Templates: templates.FS, Static: static.FS, Salt: "test"}
	if last != nil {
		in.Shards, in.Terms, in.Published = last.Shards, last.Terms, published
	}
	res, err := Render(in, site, dst, nil)
	if err != nil {
		t.Fatal(err)
	}
	written := termFiles(lists)
	keys := sortedKeys(written)
	n := 0
	for _, k := range keys {
		n += len(written[k])
	}
	return dst, res, keys, n
}

// editArticle rewrites both index pages of article id through fn.
func editArticle(t *testing.T, fs afero.Fs, id string, fn func(p *store.ArticlePage)) {
	t.Helper()
	w := &store.Writer{Fs: fs, Dir: "/p/content"}
	for _, lang := range []string{"ar", "en"} {
		p, err := store.ReadArticlePage(fs, "/p/content", id, lang)
		if err != nil {
			t.Fatal(err)
		}
		fn(p)
		if err := w.WriteArticlePage(id, lang, p); err != nil {
			t.Fatal(err)
		}
	}
}

func writeTerm(t *testing.T, fs afero.Fs, key, lang, frontMatter string) {
	t.Helper()
	if err := afero.WriteFile(fs, "/p/content/"+key+"/_index."+lang+".md", []byte("---\n"+frontMatter+"---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// After an edit, the lists run renders the term pages of the terms the
// edit touched only (the article's terms before and after, a term whose
// co-occurring entity changed, a term whose files changed in the last
// site, and the term without a page of its own, which it always renders),
// and takes the others from the last site; the site is the one a render
// from nothing gives, pagination included, online and offline.
func TestTermsReused(t *testing.T) {
	always := "entities/p3" // no _index file: Hugo makes its page
	for _, site := range []Site{{BaseURL: "https://example.org/repo/", ShardSize: 4, PageSize: 3}, {Offline: true, ShardSize: 4, PageSize: 3}} {
		fs := shardProject(t, 23, true)
		for _, lang := range []string{"ar", "en"} {
			writeTerm(t, fs, "entities/iraq", lang, "title: "+lang+" iraq\ntype: PLACE\ncooccur:\n  - id: p1\n    count: 6\n  - id: build\n    count: 5\n")
		}
		site.TitleAR, site.TitleEN = "جسر", "Jisr"
		last, res, rendered, _ := renderTerms(t, fs, site, nil, nil)
		terms := res.Stats.Terms
		if terms < 8 || len(res.Terms) != terms || res.Stats.TermsReused != 0 || len(rendered) != terms+1 {
			t.Fatalf("offline %v: first render: %+v, %d term digests, %d terms rendered: want every term rendered and its files known",
				site.Offline, res.Stats, len(res.Terms), len(rendered))
		}
		steps := []struct {
			name string
			do   func()
			want []string // the terms rendered again
		}{
			{"unchanged", func() {}, nil},
			{"terms of an article changed", func() {
				// a07: tags economy, t1; entities iraq, p3. p0 has 6
				// articles: 7 make a third page of 3.
				editArticle(t, fs, "a07", func(p *store.ArticlePage) {
					p.Tags = []string{"economy", "t2"}
					p.Entities = []string{"iraq", "p0", "newcomer"}
					p.Mentions["newcomer"] = store.Mention{Count: 1, Snippet: "جديد"}
				})
				writeTerm(t, fs, "entities/newcomer", "ar", "title: وافد\ntype: PERSON\n")
				writeTerm(t, fs, "entities/newcomer", "en", "title: Newcomer\ntype: PERSON\n")
			}, []string{"entities/iraq", "entities/newcomer", "entities/p0", "tags/economy", "tags/t1", "tags/t2"}},
			{"a mention's snippet changed", func() {
				editArticle(t, fs, "a08", func(p *store.ArticlePage) {
					p.Mentions["iraq"] = store.Mention{Count: 9, Snippet: "في الموصل"}
				})
			}, []string{"entities/iraq", "entities/p0", "tags/economy", "tags/t2"}},
			{"a co-occurring entity renamed", func() {
				writeTerm(t, fs, "entities/p1", "en", "title: Renamed p1\ntype: PERSON\n")
			}, []string{"entities/iraq", "entities/p1"}},
			{"a term page changed in the last site", func() {
				name := "/tags/t0/page/2/index.html"
				if site.Offline {
					name = "/tags/t0/page/2.html"
				}
				if err := afero.WriteFile(last, name, []byte("changed"), 0o644); err != nil {
					t.Fatal(err)
				}
			}, []string{"tags/t0"}},
			{"a term's own page with build options", func() {
				writeTerm(t, fs, "tags/t0", "ar", "title: ar tags/t0\nbuild:\n  list: always\n")
			}, []string{"tags/t0"}},
		}
		for _, st := range steps {
			st.do()
			cold, coldRes, _, coldPages := renderTerms(t, fs, site, nil, nil)
			got, r, rendered, _ := renderTerms(t, fs, site, res, last)
			want := append(slices.Clone(st.want), always)
			sort.Strings(want)
			if !slices.Equal(rendered, want) {
				t.Errorf("offline %v, %s: term pages rendered for %v, want %v", site.Offline, st.name, rendered, want)
			}
			if r.Pages != coldRes.Pages {
				t.Errorf("%s: %d pages, cold %d", st.name, r.Pages, coldRes.Pages)
			}
			if r.Stats.TermsReused == 0 || r.Stats.TermsReused > r.Stats.Terms {
				t.Errorf("%s: %+v: want terms reused", st.name, r.Stats)
			}
			compareTrees(t, files(t, got), files(t, cold))
			if st.name == "terms of an article changed" {
				p0 := 0
				for f := range files(t, got) {
					if strings.Contains(f, "/entities/p0/page/3") {
						p0++
					}
				}
				if p0 != 2 {
					t.Errorf("entities/p0: %d third pages, want one in each language", p0)
				}
			}
			if coldPages == 0 {
				t.Errorf("%s: the cold render wrote no term page", st.name)
			}
			if t.Failed() {
				t.Fatalf("offline %v, step %s", site.Offline, st.name)
			}
			last, res = got, r
		}
	}
}
