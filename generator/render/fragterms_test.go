package render

import (
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/store"
)

// termTeaserProject is a content tree of articles under entities and
// tags, in both languages, that exercises what term.html writes per
// item: mention counts (one zero, one missing), snippets with a Latin run
// and text html/template escapes, leads longer than 220 letters (cut
// inside a <bdi>), JSON and YAML front matter, a tag that is also a
// mention key, and an entity whose value Hugo would change.
func termTeaserProject(t *testing.T) afero.Fs {
	t.Helper()
	fs := afero.NewMemMapFs()
	long := strings.Repeat("كلمة طويلة ", 18) + "GDP 3% + <أكثر> " + strings.Repeat("نص ", 20)
	longEN := strings.Repeat("a longish word ", 14) + "in الرياض الكبيرة جدا & <more> " + strings.Repeat("text ", 20)
	files := map[string]string{
		"content/articles/a1/index.ar.md": `{"title": "قال \"الرئيس\" إن GDP نما", "date": "2015-07-21T02:48:00Z", "lead": "` + long + `",
"tags": ["economy"], "entities": ["riyadh", "opec"],
"mentions": {"riyadh": {"count": 3, "snippet": "في الرياض قال \"UN\" إن 3% + <نمو>"}, "opec": {"count": 0, "snippet": "أوبك"}}}
`,
		"content/articles/a1/index.en.md": `{"title": "The \"president\" said GDP grew", "date": "2015-07-21T02:48:00Z", "lead": "` + longEN + `",
"tags": ["economy"], "entities": ["riyadh", "opec"],
"mentions": {"riyadh": {"count": 3, "snippet": "In الرياض, the \"UN\" said 3% + <growth>"}, "opec": {"count": 0, "snippet": "OPEC"}}}
`,
		"content/articles/a2/index.ar.md": "---\ntitle: خبر ثان\ndate: 2015-07-31\nlead: قصير\ntags: [economy, politics]\nentities: [riyadh]\n---\n",
		"content/articles/a2/index.en.md": "---\ntitle: A second story\ndate: 2015-07-31\nlead: short\ntags: [economy, politics]\nentities: [riyadh]\n---\n",
		// politics is also a mention key: its tag page shows the mention.
		"content/articles/a3/index.ar.md": "---\ntitle: خبر ثالث\ndate: 2015-08-01\ntags: [politics]\nentities: [politics, riyadh]\nmentions:\n  politics: {count: 2, snippet: سياسة}\n  riyadh: {count: 1}\n---\n",
		"content/articles/a3/index.en.md": "---\ntitle: A third story\ndate: 2015-08-01\ntags: [politics]\nentities: [politics, riyadh]\nmentions:\n  politics: {count: 2, snippet: politics}\n  riyadh: {count: 1}\n---\n",
		// An entity value Hugo urlizes: the article's items are the template's.
		"content/articles/a4/index.ar.md": "---\ntitle: خبر رابع\ndate: 2015-08-02\ntags: [economy]\nentities: [Riyadh City]\nmentions:\n  riyadh city: {count: 4, snippet: الرياض}\n---\n",
		"content/articles/a4/index.en.md": "---\ntitle: A fourth story\ndate: 2015-08-02\ntags: [economy]\nentities: [Riyadh City]\nmentions:\n  riyadh city: {count: 4, snippet: Riyadh}\n---\n",
	}
	titleStores(t, files, "a1", "a2", "a3", "a4")
	for name, data := range files {
		if err := afero.WriteFile(fs, "/p/"+name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return fs
}

// termPages renders fs and returns every term page of both languages,
// each after its path.
func termPages(t *testing.T, fs afero.Fs) string {
	t.Helper()
	var paths []string
	for _, lang := range []string{"", "/en"} {
		for _, term := range []string{"entities/riyadh", "entities/opec", "entities/politics", "entities/riyadh-city", "tags/economy", "tags/politics"} {
			paths = append(paths, lang+"/"+term+"/index.html")
		}
	}
	return renderPaths(t, fs, "https://example.org/", paths...)
}

// TestTermTeasersMatchTemplate renders the term pages with the tag items
// made in Go and with term.html's own, and wants the same bytes.
func TestTermTeasersMatchTemplate(t *testing.T) {
	fs := termTeaserProject(t)
	goItems := termPages(t, fs)
	termTeasersEnabled = false
	tmplItems := termPages(t, fs)
	termTeasersEnabled = true
	for _, want := range []string{`<span class="mentions">mentions: 3</span>`, `<blockquote class="snippet">In <bdi lang="ar" dir="rtl">الرياض</bdi>, the &#34;UN&#34; said 3% + &lt;growth&gt;</blockquote>`,
		"<bdi>GDP 3%</bdi>", " …</bdi></p>", "&lt;أكثر&gt; …</p>", `<blockquote class="snippet">politics</blockquote>`, "Riyadh</blockquote>"} {
		if !strings.Contains(tmplItems, want) {
			t.Errorf("the fixture does not exercise %q", want)
		}
	}
	sameBytes(t, "term items", goItems, tmplItems)
}

// sameBytes fails t when what made in Go (got) differs from the
// template's (want), showing where.
func sameBytes(t *testing.T, what, got, want string) {
	t.Helper()
	if got == want {
		return
	}
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	t.Errorf("%s made in Go differ from the template's at byte %d:\ngo:   %q\ntmpl: %q", what, i, got[max(0, i-80):min(len(got), i+120)], want[max(0, i-80):min(len(want), i+120)])
}

// titleStores adds to files (by path under the project) a segment store
// with a title alone for each article id: the list fragments are made
// with the body.
func titleStores(t *testing.T, files map[string]string, ids ...string) {
	t.Helper()
	for _, id := range ids {
		segs, err := store.Marshal(&store.File{Article: id, Segments: []store.Segment{{ID: "title", Kind: "title", AR: "عنوان", EN: "Title", Status: store.StatusMachine}}})
		if err != nil {
			t.Fatal(err)
		}
		files["content/articles/"+id+"/segments.yaml"] = string(segs)
	}
}

// TestTermTeasersMade: the tag teaser is made where Go knows the bytes,
// and left to term.html where it does not.
func TestTermTeasersMade(t *testing.T) {
	p := &store.ArticlePage{Title: "t", Lead: "l", Tags: []string{"economy"}, Entities: []string{"riyadh"},
		Mentions: map[string]store.Mention{"riyadh": {Count: 2, Snippet: "s"}}}
	if got := termTeasers(p, "<h3>t</h3>", "en"); got[TagTeaserFile("en")] != `<h3>t</h3></p><p class="lead">l</p>` {
		t.Errorf("tag teaser: %q", got)
	}
	for _, tc := range []struct {
		name string
		p    store.ArticlePage
	}{
		{"no tags", store.ArticlePage{Entities: []string{"riyadh"}}},
		{"mention key Hugo lowercases", store.ArticlePage{Tags: []string{"economy"}, Mentions: map[string]store.Mention{"Riyadh": {Count: 1}}}},
		{"tag Hugo urlizes", store.ArticlePage{Tags: []string{"Economy Policy"}}},
		{"tag that is a mention key", store.ArticlePage{Tags: []string{"riyadh"}, Mentions: map[string]store.Mention{"riyadh": {Count: 1}}}},
	} {
		if got := termTeasers(&tc.p, "<h3>t</h3>", "en"); len(got) != 0 {
			t.Errorf("%s: made %v", tc.name, got)
		}
	}
}
