package build

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/analyze"
	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/generator/qa"
	"github.com/jisr-news/jisr/generator/review"
	"github.com/jisr-news/jisr/generator/store"
)

// countingAnalyzer counts the articles it is asked to analyze.
type countingAnalyzer struct {
	an    *analyze.Analyzer
	calls int
}

func (c *countingAnalyzer) Analyze(a *article.Article) analyze.Result {
	c.calls++
	return c.an.Analyze(a)
}

// On a built project, `jisr check --qa` and `jisr review export` read the
// analysis the build stored in each bundle and run no analyzer, so they
// agree with the published pages; only a bundle without its analysis.yaml
// (a tree built by an older jisr) is analyzed again.
func TestQAAndExportReadStoredAnalysis(t *testing.T) {
	fs := loadTxtar(t, "testdata/site.txtar")
	// test-upper writes no names, so the entity check has findings.
	p, err := Open(Options{Fs: fs, Root: "/p", Engines: withUpper(), Engine: "test-upper"})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := p.Prepare(context.Background()); err != nil {
		t.Fatal(err)
	}
	stored, err := store.ReadAnalysis(fs, p.Content, "iraq")
	if err != nil || stored == nil || len(stored.Entities) == 0 || stored.Entities[0].Mentions[0].End == 0 || stored.Date != "2015-09-27" {
		t.Fatalf("stored analysis = %+v, %v", stored, err)
	}
	c := &countingAnalyzer{an: analyze.Default()}
	r, err := qa.CheckProjectWith(fs, p.Content, c)
	if err != nil {
		t.Fatal(err)
	}
	if c.calls != 0 {
		t.Errorf("check --qa ran the analyzer %d times on a built project", c.calls)
	}
	entity := 0
	for _, a := range r.Articles {
		for _, f := range a.Findings {
			if f.Check == "entity" {
				entity++
			}
		}
	}
	if entity == 0 {
		t.Error("no entity findings from the stored analysis")
	}
	if _, err := review.Export(review.Options{Fs: fs, Content: p.Content, Analyzer: c}, review.XLIFF, "/p/review"); err != nil {
		t.Fatal(err)
	}
	if c.calls != 0 {
		t.Errorf("review export ran the analyzer %d times on a built project", c.calls)
	}
	xlf := read(t, fs, "/p/review/iraq.xlf")
	if !strings.Contains(xlf, "entity") {
		t.Error("the XLIFF export has no entity QA note")
	}

	// Without its stored analysis, a bundle is analyzed again: the count
	// can fail.
	if err := fs.Remove(store.AnalysisPath(p.Content, "iraq")); err != nil {
		t.Fatal(err)
	}
	r2, err := qa.CheckProjectWith(fs, p.Content, c)
	if err != nil {
		t.Fatal(err)
	}
	if c.calls != 1 {
		t.Errorf("analyzer calls without analysis.yaml = %d, want 1", c.calls)
	}
	if got, want := r2.Findings(), r.Findings(); got != want {
		t.Errorf("findings from a fresh analysis = %d, from the stored one %d", got, want)
	}
}

// A person breaks an article's segments.yaml by typing a text on the en:
// line: the build names the file, line and column and what to fix, leaves
// the file as it is, and the site still renders the article with every
// translation that still reads.
func TestBrokenStoreKeepsTheSite(t *testing.T) {
	fs := loadTxtar(t, "testdata/site.txtar")
	o := Options{Engines: withUpper(), Engine: "test-upper"}
	buildSite(t, fs, o)
	file := "/p/content/articles/iraq/segments.yaml"
	data := read(t, fs, file)
	// The title's English, typed on the en: line with a colon.
	broken := strings.Replace(data, "    en: |-\n      EN(14 words)\n", "    en: Iraq: the coalition's #1 priority\n", 1)
	if broken == data {
		t.Fatal("no title block to edit")
	}
	afero.WriteFile(fs, file, []byte(broken), 0o644)
	lineNo := strings.Count(broken[:strings.Index(broken, "Iraq: the coalition")], "\n") + 1

	sum := buildSite(t, fs, o)
	if len(sum.Skipped) != 2 { // broken.txt, and the store
		t.Fatalf("skipped = %v", sum.Skipped)
	}
	msg := sum.Skipped[1].Error()
	if !strings.Contains(msg, fmt.Sprintf("content/articles/iraq/segments.yaml:%d:", lineNo)) || !strings.Contains(msg, "en: |") || strings.Contains(msg, "delete") {
		t.Errorf("message = %s", msg)
	}
	if got := read(t, fs, file); got != broken {
		t.Error("the broken store was rewritten")
	}
	en := read(t, fs, "/p/public/en/articles/iraq/index.html")
	if !strings.Contains(en, "EN(22 words)") {
		t.Errorf("the article lost its translations:\n%s", en)
	}
}
