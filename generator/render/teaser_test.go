package render

import (
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/static"
	"github.com/jisr-news/jisr/templates"
)

// teaserProject is a content tree of three articles under one tag, in
// both languages: a title with text html/template escapes and a Latin
// run, a date with an offset (Hugo keeps its day), a day alone, and an undated
// article (left to date.html).
func teaserProject(t *testing.T) afero.Fs {
	t.Helper()
	fs := afero.NewMemMapFs()
	page := func(title, date string) string {
		fm := "---\ntitle: '" + title + "'\n"
		if date != "" {
			fm += "date: \"" + date + "\"\n"
		}
		return fm + "publisher: aawsat\ntags: [economy]\n---\n"
	}
	files := map[string]string{
		"content/articles/a1/index.ar.md": page(`قال "الرئيس" إن GDP نما 3% + <أكثر>`, "2015-07-21T02:48:00Z"),
		"content/articles/a1/index.en.md": page(`The "president" said GDP grew 3% + <more> in الرياض`, "2015-07-21T02:48:00Z"),
		"content/articles/a2/index.ar.md": page("خبر ثان", "2015-07-31T23:30:00-05:00"),
		"content/articles/a2/index.en.md": page("A second story", "2015-07-31T23:30:00-05:00"),
		"content/articles/a4/index.ar.md": page("خبر بيوم فقط", "2015-07-01"),
		"content/articles/a4/index.en.md": page("A story with a day only", "2015-07-01"),
		"content/articles/a3/index.ar.md": page("خبر بلا تاريخ", ""),
		"content/articles/a3/index.en.md": page("An undated story", ""),
	}
	titleStores(t, files, "a1", "a2", "a3", "a4")
	for name, data := range files {
		if err := afero.WriteFile(fs, "/p/"+name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return fs
}

// renderLists renders fs at baseURL and returns the tag and section
// pages of both languages, concatenated.
func renderLists(t *testing.T, fs afero.Fs, baseURL string) string {
	t.Helper()
	return renderPaths(t, fs, baseURL, "/tags/economy/index.html", "/en/tags/economy/index.html", "/articles/index.html", "/en/articles/index.html")
}

// renderPaths renders the project in fs (content under /p/content) at
// baseURL and returns the files at paths in public/, each after its path.
func renderPaths(t *testing.T, fs afero.Fs, baseURL string, paths ...string) string {
	t.Helper()
	dst := afero.NewMemMapFs()
	in := Input{Fs: fs, ContentDir: "/p/content", TemplatesDir: "/p/templates", Templates: templates.FS, Static: static.FS}
	if _, err := Render(in, Site{BaseURL: baseURL, TitleAR: "جسر", TitleEN: "jisr"}, dst, nil); err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, p := range paths {
		b, err := afero.ReadFile(dst, p)
		if err != nil {
			t.Fatal(err)
		}
		all.WriteString(p + "\n" + string(b))
	}
	return all.String()
}

// TestTeaserMatchesTemplate renders the term and section pages with the
// teasers made in Go and with the layouts' fallback (title resource and
// date.html), at the host's root and under a sub-path, and wants the same
// bytes.
func TestTeaserMatchesTemplate(t *testing.T) {
	fs := teaserProject(t)
	for _, base := range []string{"https://example.org/", "https://user.github.io/repo/"} {
		goTeasers := renderLists(t, fs, base)
		if n := strings.Count(goTeasers, "<h3>"); n != 16 {
			t.Fatalf("%s: %d teasers, want 16", base, n)
		}
		teaserEnabled = false
		tmplTeasers := renderLists(t, fs, base)
		teaserEnabled = true
		for _, want := range []string{"&#34;president&#34;", "&lt;more&gt;", `<bdi lang="ar" dir="rtl">`, "31 July 2015", `datetime="2015-07-01"`, "class=\"undated\"", `href="` + strings.TrimPrefix(base, "https://example.org") + `en/articles/a2/"`} {
			want = strings.Replace(want, "https://user.github.io", "", 1)
			if !strings.Contains(tmplTeasers, want) {
				t.Errorf("%s: the fixture does not exercise %q", base, want)
			}
		}
		sameBytes(t, base+": teasers", goTeasers, tmplTeasers)
	}
}

// TestTeaserLeftToTemplate: what Go cannot write as Hugo would is left
// to the layouts.
func TestTeaserLeftToTemplate(t *testing.T) {
	loc := chartsLocale(map[string]string{"month7": "July"})
	for _, tc := range []struct{ name, base, id, date string }{
		{"offline", "", "a1", "2015-07-21T02:48:00Z"},
		{"upper-case ID", "/", "A1", "2015-07-21T02:48:00Z"},
		{"base path to encode", "/مجلة/", "a1", "2015-07-21T02:48:00Z"},
		{"no date", "/", "a1", ""},
		{"date Hugo reads, not RFC 3339", "/", "a1", "2015-07-21 02:48"},
		{"no month name", "/", "a1", "2015-08-21T02:48:00Z"},
	} {
		p := &store.ArticlePage{Title: "t", Date: tc.date}
		if got, ok := teaser(tc.base, tc.id, "en", p, loc); ok {
			t.Errorf("%s: teaser made: %q", tc.name, got)
		}
	}
	if _, ok := teaser("/", "a1", "en", &store.ArticlePage{Title: "t", Date: "2015-07-21T02:48:00Z"}, loc); !ok {
		t.Error("no teaser for a plain article")
	}
}
