package content

import (
	"fmt"
	"path"

	"github.com/jisr-news/jisr/generator/dates"
	"github.com/jisr-news/jisr/generator/qa"
	"github.com/jisr-news/jisr/generator/store"
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
// qa), the line of each segment's "en:" in the segment store, and the counts by
// status. The text itself still comes from the article's segment store.
// Review pages stay out of feeds, the sitemap and site-wide lists
// (build.list = local) and ask robots not to index them.

// ReviewSection is the content folder and URL path of the review pages.
const ReviewSection = store.ReviewSection

// WriteReview writes the review section for the pages: the dashboard and a
// side-by-side page per article with its QA findings. Call it after
// WriteArticle, with the same pages.
func (w *Writer) WriteReview(pages []Page) error {
	out := w.tree()
	defer func() { w.Written = out.Written }()
	hidden := map[string]any{"disable": true}
	idx := store.ReviewIndex{Title: "Translation review", Build: map[string]any{"list": "local", "publishResources": false}, Sitemap: hidden, Outputs: []string{"html"}}
	if err := out.WriteReviewIndex(&idx); err != nil {
		return fmt.Errorf("content: %w", err)
	}
	for _, p := range pages {
		a := p.Article
		f := &store.File{Article: a.ID, Segments: p.Segments}
		lines, ok := w.lines[a.ID]
		if !ok { // a page WriteArticle did not write: encode it for its lines only
			_, lines = store.Encode(f)
		}
		sum := qa.Summarize(f, p.Analysis)
		fm := store.ReviewPage{
			Title: sum.Title, TranslationKey: "review-" + a.ID, Article: a.ID,
			File:   store.Path(path.Base(w.Dir), a.ID),
			Counts: map[string]int{}, Total: sum.Total, ReviewedPct: sum.Reviewed(),
			QA: qa.Shown(sum.Findings), Lines: lines,
			Build:   map[string]any{"list": "local", "publishResources": false},
			Sitemap: hidden, Outputs: []string{"html"},
		}
		if !a.Date.IsZero() {
			fm.Date = dates.FrontMatter(a.Date)
		}
		for _, s := range store.Ladder {
			fm.Counts[string(s)] = sum.Counts[s]
		}
		if n := sum.Counts[store.StatusNone]; n > 0 {
			fm.Counts[string(store.StatusUntranslated)] = n
		}
		if err := out.WriteReviewPage(a.ID, &fm); err != nil {
			return fmt.Errorf("content: review %s: %w", a.ID, err)
		}
	}
	return nil
}
