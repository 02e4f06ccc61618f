package content

import (
	"fmt"
	"path"

	"github.com/jisr-news/jisr/generator/qa"
	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/generator/translate"
)

// The review section. One section, in English only, rather than a
// side-by-side page in each language's section: the page already holds
// both languages, each cell with its own lang and dir; a second copy would
// split the links that translators put in tickets and pull requests; and in
// a left-to-right page the English column falls on the left and the Arabic
// on the right, as translators expect. It is written as:
//
//	review/_index.en.md        the dashboard (its layout sums the pages)
//	review/<id>/index.en.md    one side-by-side page per article
//
// The page carries only what Hugo cannot compute: the QA findings (package
// qa), the line of each segment's "en:" in segments.yaml, and the counts by
// status. The text itself still comes from the article's segments.yaml.
// Review pages stay out of feeds, the sitemap and site-wide lists
// (build.list = local) and ask robots not to index them.

// ReviewSection is the content folder and URL path of the review pages.
const ReviewSection = "review"

type reviewFM struct {
	Title          string         `yaml:"title"`
	Date           string         `yaml:"date,omitempty"`
	TranslationKey string         `yaml:"translationKey"`
	Article        string         `yaml:"article"`
	File           string         `yaml:"file"`
	Counts         map[string]int `yaml:"counts"`
	Total          int            `yaml:"total"`
	ReviewedPct    int            `yaml:"reviewed_pct"`
	QA             []qa.Finding   `yaml:"qa,omitempty"`
	Lines          map[string]int `yaml:"lines,omitempty"`
	Build          map[string]any `yaml:"build"`
	Sitemap        map[string]any `yaml:"sitemap"`
	Outputs        []string       `yaml:"outputs"`
}

type reviewIndexFM struct {
	Title   string         `yaml:"title"`
	Build   map[string]any `yaml:"build"`
	Sitemap map[string]any `yaml:"sitemap"`
	Outputs []string       `yaml:"outputs"`
}

// WriteReview writes the review section for the pages: the dashboard and a
// side-by-side page per article with its QA findings. Call it after
// WriteArticle, with the same pages.
func (w *Writer) WriteReview(pages []Page) error {
	hidden := map[string]any{"disable": true}
	idx := reviewIndexFM{Title: "Translation review", Build: map[string]any{"list": "local", "publishResources": false}, Sitemap: hidden, Outputs: []string{"html"}}
	data, err := frontMatter(idx)
	if err != nil {
		return err
	}
	if err := w.write(path.Join(ReviewSection, "_index.en.md"), data); err != nil {
		return err
	}
	for _, p := range pages {
		a := p.Article
		f := &store.File{Article: a.ID, Segments: p.Segments}
		yml, err := store.Marshal(f)
		if err != nil {
			return fmt.Errorf("content: review %s: %w", a.ID, err)
		}
		sum := qa.Summarize(f, p.Analysis)
		fm := reviewFM{
			Title: sum.Title, TranslationKey: "review-" + a.ID, Article: a.ID,
			File:   path.Join(path.Base(w.Dir), "articles", a.ID, store.FileName),
			Counts: map[string]int{}, Total: sum.Total, ReviewedPct: sum.Reviewed(),
			QA: sum.Findings, Lines: qa.SegmentLines(yml),
			Build:   map[string]any{"list": "local", "publishResources": false},
			Sitemap: hidden, Outputs: []string{"html"},
		}
		for i := range fm.QA {
			fm.QA[i].Article = ""
		}
		if !a.Date.IsZero() {
			fm.Date = a.Date.Format("2006-01-02")
		}
		for _, s := range qa.Statuses {
			fm.Counts[string(s)] = sum.Counts[s]
		}
		if n := sum.Counts[translate.StatusNone]; n > 0 {
			fm.Counts["untranslated"] = n
		}
		data, err := frontMatter(fm)
		if err != nil {
			return fmt.Errorf("content: review %s: %w", a.ID, err)
		}
		if err := w.write(path.Join(ReviewSection, a.ID, "index.en.md"), data); err != nil {
			return err
		}
	}
	return nil
}
