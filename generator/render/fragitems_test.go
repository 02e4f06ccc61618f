package render

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"
	"golang.org/x/tools/txtar"

	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/static"
	"github.com/jisr-news/jisr/templates"
)

// entityItemsSite is a project (content under content/) whose entity
// riyadh has nine articles in each language: on one day five of them,
// with a day alone and as midnight in RFC 3339 (the same second), two
// with the same title (Hugo orders them by path), titles the collator
// orders otherwise than bytes do (case, hamza), and text to escape
// (<script>, quotes, &) in titles and snippets; a mention without a
// count and one without a snippet. opec has one article; gcc has no
// _index page (Hugo makes its page: left to the template).
const entityItemsSite = `
-- content/entities/riyadh/_index.ar.md --
---
title: الرياض
type: PLACE
cooccur:
  - id: opec
    count: 1
---
-- content/entities/riyadh/_index.en.md --
---
title: Riyadh
type: PLACE
---
-- content/entities/opec/_index.ar.md --
---
title: أوبك
type: ORGANIZATION
---
-- content/entities/opec/_index.en.md --
---
title: OPEC
type: ORGANIZATION
---
-- content/articles/a1/index.ar.md --
{"title": "<script>alert(\"x\")</script> & 'نص'", "date": "2015-07-21", "translationKey": "a1", "tags": ["economy"], "entities": ["riyadh", "opec"],
"mentions": {"riyadh": {"count": 2, "snippet": "<script>alert('s')</script> قال \"UN\" في الرياض 3% + <نمو>"}, "opec": {"count": 1, "snippet": "أوبك & <b>"}},
"build": {"publishResources": false}}
-- content/articles/a1/index.en.md --
{"title": "<script>alert(\"x\")</script> & 'text'", "date": "2015-07-21", "translationKey": "a1", "tags": ["economy"], "entities": ["riyadh", "opec"],
"mentions": {"riyadh": {"count": 2, "snippet": "<script>alert('s')</script> the \"UN\" said in الرياض 3% + <growth>"}, "opec": {"count": 1, "snippet": "OPEC & <b>"}},
"build": {"publishResources": false}}
-- content/articles/a2/index.ar.md --
{"title": "بيتا", "date": "2015-07-21", "translationKey": "a2", "entities": ["riyadh", "gcc"], "mentions": {"riyadh": {"count": 1, "snippet": "الرياض"}, "gcc": {"count": 1}}}
-- content/articles/a2/index.en.md --
{"title": "Beta", "date": "2015-07-21", "translationKey": "a2", "entities": ["riyadh", "gcc"], "mentions": {"riyadh": {"count": 1, "snippet": "Riyadh"}, "gcc": {"count": 1}}}
-- content/articles/a3/index.ar.md --
{"title": "أحمد", "date": "2015-07-21", "translationKey": "a3", "entities": ["riyadh"], "mentions": {"riyadh": {"snippet": "بلا عدد"}}}
-- content/articles/a3/index.en.md --
{"title": "alpha", "date": "2015-07-21", "translationKey": "a3", "entities": ["riyadh"], "mentions": {"riyadh": {"snippet": "no count"}}}
-- content/articles/a4/index.ar.md --
{"title": "بيتا", "date": "2015-07-21", "translationKey": "a4", "entities": ["riyadh"], "mentions": {"riyadh": {"count": 4}}}
-- content/articles/a4/index.en.md --
{"title": "Beta", "date": "2015-07-21", "translationKey": "a4", "entities": ["riyadh"], "mentions": {"riyadh": {"count": 4}}}
-- content/articles/a5/index.ar.md --
{"title": "احمد", "date": "2015-07-21T00:00:00Z", "translationKey": "a5", "entities": ["riyadh"], "mentions": {"riyadh": {"count": 1, "snippet": "منتصف الليل"}}}
-- content/articles/a5/index.en.md --
{"title": "Alpha", "date": "2015-07-21T00:00:00Z", "translationKey": "a5", "entities": ["riyadh"], "mentions": {"riyadh": {"count": 1, "snippet": "midnight"}}}
-- content/articles/a6/index.ar.md --
{"title": "خبر أقدم", "date": "2015-07-20T10:00:00+03:00", "translationKey": "a6", "entities": ["riyadh"], "mentions": {"riyadh": {"count": 0, "snippet": "صفر"}}}
-- content/articles/a6/index.en.md --
{"title": "An older story", "date": "2015-07-20T10:00:00+03:00", "translationKey": "a6", "entities": ["riyadh"], "mentions": {"riyadh": {"count": 0, "snippet": "zero"}}}
-- content/articles/a7/index.ar.md --
{"title": "خبر أحدث", "date": "2015-07-22", "translationKey": "a7", "entities": ["riyadh"], "mentions": {"riyadh": {"count": 3, "snippet": "Riyadh في النص"}}}
-- content/articles/a7/index.en.md --
{"title": "A newer story", "date": "2015-07-22", "translationKey": "a7", "entities": ["riyadh"], "mentions": {"riyadh": {"count": 3, "snippet": "a newer one"}}}
-- content/articles/a8/index.ar.md --
{"title": "خبر ثامن", "date": "2015-07-19", "translationKey": "a8", "entities": ["riyadh"], "mentions": {"riyadh": {"count": 1, "snippet": "ثامن"}}}
-- content/articles/a8/index.en.md --
{"title": "An eighth story", "date": "2015-07-19", "translationKey": "a8", "entities": ["riyadh"], "mentions": {"riyadh": {"count": 1, "snippet": "eighth"}}}
-- content/articles/a9/index.ar.md --
{"title": "خبر تاسع", "date": "2015-07-18", "translationKey": "a9", "entities": ["riyadh"], "mentions": {"riyadh": {"count": 1, "snippet": "تاسع"}}}
-- content/articles/a9/index.en.md --
{"title": "A ninth story", "date": "2015-07-18", "translationKey": "a9", "entities": ["riyadh"], "mentions": {"riyadh": {"count": 1, "snippet": "ninth"}}}
`

// entityItemsProject writes entityItemsSite into a project under /p.
func entityItemsProject(t *testing.T) afero.Fs {
	t.Helper()
	files := map[string]string{}
	ids := []string{}
	for _, f := range txtar.Parse([]byte(entityItemsSite)).Files {
		files[f.Name] = string(f.Data)
		if strings.HasSuffix(f.Name, "/index.ar.md") {
			ids = append(ids, strings.Split(f.Name, "/")[2])
		}
	}
	titleStores(t, files, ids...)
	fs := afero.NewMemMapFs()
	for name, data := range files {
		if err := afero.WriteFile(fs, "/p/"+name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return fs
}

// entityItemPaths are the term pages of entityItemsSite, both languages.
var entityItemPaths = func() []string {
	var out []string
	for _, lang := range []string{"", "/en"} {
		for _, p := range []string{"entities/riyadh/index.html", "entities/riyadh/page/2/index.html", "entities/riyadh/page/3/index.html",
			"entities/opec/index.html", "entities/gcc/index.html", "tags/economy/index.html"} {
			out = append(out, lang+"/"+p)
		}
	}
	return out
}()

// renderItems renders fs at baseURL, four articles a page, in shards of
// shardSize (0: one run), and returns the files at entityItemPaths.
func renderItems(t *testing.T, fs afero.Fs, baseURL string, shardSize int) string {
	t.Helper()
	dst := afero.NewMemMapFs()
	in := Input{Fs: fs, ContentDir: "/p/content", TemplatesDir: "/p/templates", Templates: templates.FS, Static: static.FS}
	site := Site{BaseURL: baseURL, TitleAR: "جسر", TitleEN: "jisr", PageSize: 4, ShardSize: shardSize}
	if shardSize == 0 {
		site.ShardSize = 1000
	}
	res, err := Render(in, site, dst, nil)
	if err != nil {
		t.Fatal(err)
	}
	if shardSize > 0 && res.Stats.Shards < 2 {
		t.Fatalf("%d shards, want several", res.Stats.Shards)
	}
	var all strings.Builder
	for _, p := range entityItemPaths {
		b, err := afero.ReadFile(dst, p)
		if err != nil {
			t.Fatal(err)
		}
		all.WriteString(p + "\n" + string(b))
	}
	return all.String()
}

// TestEntityItemsMatchTemplate renders the entity pages with their items
// made in Go and with term.html's own, at the host's root and under a
// sub-path, in one run and in shards (whose lists run gets the article
// pages without their mentions), and wants the same bytes.
func TestEntityItemsMatchTemplate(t *testing.T) {
	fs := entityItemsProject(t)
	for _, base := range []string{"https://example.org/", "https://user.github.io/repo/"} {
		entityItemsEnabled = false
		tmpl := renderItems(t, fs, base, 0)
		entityItemsEnabled = true
		prefix := strings.TrimPrefix(strings.TrimPrefix(base, "https://example.org"), "https://user.github.io")
		for _, want := range []string{
			"&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;text&#39;",
			`<blockquote class="snippet">&lt;script&gt;alert(&#39;s&#39;)&lt;/script&gt; the &#34;UN&#34; said in <bdi lang="ar" dir="rtl">الرياض</bdi> 3% + &lt;growth&gt;</blockquote>`,
			`<span class="mentions">mentions: 4</span>`, `</time></p><blockquote class="snippet">no count</blockquote>`,
			`</time></p><blockquote class="snippet">zero</blockquote>`, `<bdi>Riyadh</bdi> في النص`,
			`href="` + prefix + `en/entities/riyadh/page/3/"`, `href="` + prefix + `articles/a4/"`,
		} {
			if !strings.Contains(tmpl, want) {
				t.Errorf("%s: the fixture does not exercise %q", base, want)
			}
		}
		// Ties on 21 July: Hugo's order is not the files' (a2 before a4,
		// the same title; a5 at the same second as the days alone).
		for _, order := range [][]string{{"en/articles/a3/", "en/articles/a1/"}, {"en/articles/a4/", "en/articles/a2/"}} {
			if strings.Index(tmpl, order[0]) > strings.Index(tmpl, order[1]) {
				t.Errorf("%s: the fixture does not exercise the order %v", base, order)
			}
		}
		for _, shards := range []int{0, 2} {
			got := renderItems(t, fs, base, shards)
			sameBytes(t, base+": entity items", got, tmpl)
		}
	}
}

// TestEntityItemsMade: the items are in the Hugo source of each entity
// page Go knows, and only there.
func TestEntityItemsMade(t *testing.T) {
	fs := entityItemsProject(t)
	dir := t.TempDir()
	t.Setenv(SourceEnv, dir)
	renderItems(t, fs, "https://example.org/", 0)
	for _, f := range []string{"riyadh/items.9.1.ar.txt", "riyadh/items.9.3.ar.txt", "riyadh/items.9.3.en.txt", "opec/items.1.1.en.txt"} {
		if _, err := os.Stat(filepath.Join(dir, "content/entities", f)); err != nil {
			t.Errorf("no %s: %v", f, err)
		}
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "content/entities/*/items.*")); len(m) != 8 {
		t.Errorf("%d items files, want 8: %v", len(m), m)
	}
	if _, err := os.Stat(filepath.Join(dir, "content/entities/gcc")); err == nil {
		t.Error("items for gcc, whose page Hugo makes")
	}
}

// TestEntityItemsLeftToTemplate: a member Go cannot describe leaves its
// terms, in every language, to term.html; a page Go did not read, or one
// that may name entities, leaves them all.
func TestEntityItemsLeftToTemplate(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	page := func(date string) *store.ArticlePage {
		return &store.ArticlePage{Title: "t", Date: date, Entities: []string{"riyadh"}, Mentions: map[string]store.Mention{"riyadh": {Count: 1}}}
	}
	for _, tc := range []struct {
		name string
		data string
		p    *store.ArticlePage
		head string
	}{
		{"no teaser head", `{}`, page("2015-07-21"), ""},
		{"date Go does not read", `{}`, page("2015-07-21 10:00"), "<h3>"},
		{"recent date", `{}`, page("2025-12-31T12:00:00Z"), "<h3>"},
		{"weight", `{"weight": 2}`, page("2015-07-21"), "<h3>"},
		{"linkTitle in YAML", "---\nlinkTitle: x\n---\n", page("2015-07-21"), "<h3>"},
		{"mention key Hugo lowercases", `{}`, &store.ArticlePage{Title: "t", Date: "2015-07-21", Entities: []string{"riyadh"}, Mentions: map[string]store.Mention{"Riyadh": {Count: 1}}}, "<h3>"},
		{"build list", `{}`, &store.ArticlePage{Title: "t", Date: "2015-07-21", Entities: []string{"riyadh"}, Build: map[string]any{"list": "never"}}, "<h3>"},
	} {
		e := newEntityItems(now)
		e.add("a1", "en", []byte(tc.data), tc.p, tc.head)
		if !e.unsure["en"]["riyadh"] {
			t.Errorf("%s: riyadh left to Go", tc.name)
		}
	}
	e := newEntityItems(now)
	e.add("a1", "en", []byte(`{}`), &store.ArticlePage{Title: "t", Date: "2015-07-21", Entities: []string{"Riyadh City"}}, "<h3>")
	if !e.off {
		t.Error("an entity value Hugo rewrites left the items on")
	}
	for _, data := range []string{`{"entities": ["x"]}`, "---\nentities: [x]\n---\n", "---\ncascade:\n  params: {}\n---\n", "+++\n[cascade]\n+++\n"} {
		if !namesEntities([]byte(data)) {
			t.Errorf("%q: names no entities", data)
		}
	}
	for _, data := range []string{`{"qa": [{"check": "entities", "message": "named \"entities\": 3"}]}`, "---\ntitle: Entities\n---\n"} {
		if namesEntities([]byte(data)) {
			t.Errorf("%q: names entities", data)
		}
	}
}

// TestDropMentions: the front matter without its mentions reads as the
// same JSON less that key, wherever the key is.
func TestDropMentions(t *testing.T) {
	for _, data := range []string{
		`{"title": "t", "mentions": {"a": {"count": 1, "snippet": "x \"}, y"}}, "build": {"publishResources": false}}` + "\n",
		`{"mentions": {"build": {"count": 1}}, "title": "t"}`,
		`{"mentions": {}}`,
		"{\n  \"title\": \"t\",\n  \"mentions\": {\"a\": {\"count\": 1}}\n}\n",
		`{"title": "no mentions"}`,
	} {
		out, ok := dropMentions([]byte(data))
		if !ok {
			t.Errorf("%q: not dropped", data)
			continue
		}
		var before, after map[string]any
		if err := json.Unmarshal([]byte(data), &before); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(out, &after); err != nil {
			t.Errorf("%q: %q is not JSON: %v", data, out, err)
			continue
		}
		delete(before, "mentions")
		if !reflect.DeepEqual(before, after) {
			t.Errorf("%q: got %q", data, out)
		}
	}
	for _, data := range []string{"---\nmentions: {}\n---\n", `{"Mentions": {}}`, `{"title": `} {
		if out, ok := dropMentions([]byte(data)); ok || string(out) != data {
			t.Errorf("%q: dropped to %q", data, out)
		}
	}
}
