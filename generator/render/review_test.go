package render

import (
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/charts"
	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/static"
	"github.com/jisr-news/jisr/templates"
)

// reviewProject is a content tree of one article with a review page whose
// segments have every part a row can show: an engine and model, a
// reviewer, a stale segment's earlier Arabic, no English yet, QA findings,
// line numbers, and text that html/template escapes ('+', quotes, <).
func reviewProject(t *testing.T) afero.Fs {
	t.Helper()
	fs := afero.NewMemMapFs()
	f := &store.File{Article: "a1", Segments: []store.Segment{
		{ID: "title", Kind: "title", AR: "عنوان الخبر", EN: "The headline", Status: store.StatusReviewed, Reviewer: "Rana <R&D> O'Neil"},
		{ID: "p1-1", Kind: "paragraph", Block: 1, AR: "قال الرئيس إن GDP نما 3% في 2015.", EN: "The president said GDP grew 3% in 2015 + more.", Status: store.StatusMachine, Engine: "libre", Model: "m+1"},
		{ID: "p1-2", Kind: "paragraph", Block: 1, AR: "جملة ثانية", EN: "A \"second\" sentence with مرحبا", Status: store.StatusStale, OldAR: "جملة قديمة ABC", Engine: "gist"},
		{ID: "p2-1", Kind: "heading", Block: 2, AR: "عنوان فرعي", Status: ""},
	}}
	segs, err := store.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"content/articles/a1/segments.yaml": string(segs),
		"content/articles/a1/index.ar.md":   "---\ntitle: عنوان الخبر\ndate: \"2015-07-21T02:48:00Z\"\ntranslationKey: a1\n---\n",
		"content/articles/a1/index.en.md":   "---\ntitle: The headline\ndate: \"2015-07-21T02:48:00Z\"\ntranslationKey: a1\n---\n",
		"content/review/_index.en.md":       "---\ntitle: Translation review\n---\n",
		"content/review/a1/index.en.md": "---\ntitle: The headline\narticle: a1\nfile: content/articles/a1/segments.yaml\n" +
			"counts:\n  machine: 1\n  reviewed: 1\n  stale: 1\n  untranslated: 1\ntotal: 4\nreviewed_pct: 25\n" +
			"qa:\n  - segment: p1-1\n    check: numbers\n    message: 'number 3% <missing> in English: «٣»'\n  - segment: p1-1\n    check: romanized\n    message: second finding\n" +
			"lines:\n  title: 11\n  p1-1: 23\n  p2-1: 47\n---\n",
	}
	for name, data := range files {
		if err := afero.WriteFile(fs, "/p/"+name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return fs
}

func renderReview(t *testing.T, fs afero.Fs) string {
	t.Helper()
	dst := afero.NewMemMapFs()
	in := Input{Fs: fs, ContentDir: "/p/content", TemplatesDir: "/p/templates", Templates: templates.FS, Static: static.FS}
	if _, err := Render(in, Site{BaseURL: "https://example.org/", TitleAR: "جسر", TitleEN: "jisr"}, dst, nil); err != nil {
		t.Fatal(err)
	}
	b, err := afero.ReadFile(dst, "/en/review/a1/index.html")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestReviewRowsMatchTemplate renders the review page with its rows made
// in Go and with the template's rows (the fallback a project's content
// without the resource gets) and wants the same bytes.
func TestReviewRowsMatchTemplate(t *testing.T) {
	fs := reviewProject(t)
	goRows := renderReview(t, fs)
	reviewRowsEnabled = false
	defer func() { reviewRowsEnabled = true }()
	tmplRows := renderReview(t, fs)
	for _, want := range []string{`class="reviewer"`, `class="old-ar"`, `class="missing"`, `has-qa`, `segments.yaml:23`, "m&#43;1", "&lt;R&amp;D&gt;"} {
		if !strings.Contains(tmplRows, want) {
			t.Errorf("the fixture does not exercise %q", want)
		}
	}
	sameBytes(t, "rows", goRows, tmplRows)
}

// TestReviewRowsLeftToTemplate: a segment ID that Hugo's lowercased
// parameters would not find is left to the template.
func TestReviewRowsLeftToTemplate(t *testing.T) {
	page := &store.ReviewPage{Lines: map[string]int{"P1-1": 3}}
	loc := map[string]string{"review_by": "by", "review_noEnglish": "none", "review_oldArabic": "old", "status_gist": "gist"}
	if _, ok := reviewRows([]storedSegment{{ID: "p1-1", Status: "gist"}}, page, chartsLocale(loc)); ok {
		t.Error("rows made for a page whose line keys Hugo lowercases")
	}
	if _, ok := reviewRows([]storedSegment{{ID: "p1-1", Status: "gist"}}, &store.ReviewPage{}, chartsLocale(loc)); !ok {
		t.Error("rows not made for a plain page")
	}
	delete(loc, "review_by")
	if _, ok := reviewRows([]storedSegment{{ID: "p1-1", Status: "gist"}}, &store.ReviewPage{}, chartsLocale(loc)); ok {
		t.Error("rows made without the review_by string")
	}
}

func chartsLocale(strs map[string]string) *charts.Locale { return charts.NewLocale("en", strs) }

// TestLeanSource: Hugo's source (written out through SourceEnv) has the
// generated fragments and not the article files jisr's layouts no longer
// read; with layouts of its own, a project's templates get them all.
func TestLeanSource(t *testing.T) {
	fs := reviewProject(t)
	afero.WriteFile(fs, "/p/content/articles/a1/analysis.yaml", []byte("entities: []\n"), 0o644)
	dir := t.TempDir()
	t.Setenv(SourceEnv, dir)
	renderReview(t, fs)
	osfs := afero.NewOsFs()
	has := func(name string) bool { ok, _ := afero.Exists(osfs, dir+"/"+name); return ok }
	for _, name := range []string{"hugo.toml", "layouts/page.html", "static/css/jisr.css", "content/articles/a1/body.en.txt", "content/articles/a1/title.ar.txt", "content/review/a1/" + ReviewRowsFile} {
		if !has(name) {
			t.Errorf("Hugo's source lacks %s", name)
		}
	}
	for _, name := range []string{"content/articles/a1/segments.yaml", "content/articles/a1/analysis.yaml", "content/articles/a1/" + ReviewFile} {
		if has(name) {
			t.Errorf("Hugo's source has %s, which jisr's layouts do not read", name)
		}
	}
	afero.WriteFile(fs, "/p/templates/layouts/_partials/kicker.html", []byte(""), 0o644)
	renderReview(t, fs)
	for _, name := range []string{"content/articles/a1/segments.yaml", "content/articles/a1/analysis.yaml"} {
		if !has(name) {
			t.Errorf("with layouts of its own, Hugo's source lacks %s", name)
		}
	}
}
