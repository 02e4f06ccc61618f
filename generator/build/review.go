package build

import (
	"fmt"
	"path/filepath"

	"github.com/jisr-news/jisr/generator/content"
	"github.com/jisr-news/jisr/generator/manifest"
)

// Review pages at level 2 (incremental.go). An article's review page
// (content.WriteReview) follows from its segments, its analysis after
// dropWeakEntities, its date, the content folder's name and jisr's build
// (the QA checks); nothing of other articles. An article that level 2
// left unwritten has the segments and analysis the last build wrote, under
// the same article-wide inputs, so the last build wrote the page a cold
// build would write now: when the folder of that page still has the digest
// the manifest recorded, the QA checks (about 2.5 ms an article) and the
// encoding of its store for the line numbers are skipped, and the page is
// left as it is. Any other page is made again.

// reviewDigest digests the review folder of article id in the content
// tree (content/review/<id>/), with the content folder's name; "" when it
// cannot be read.
func (p *Project) reviewDigest(id string) string {
	d := manifest.New().Add("review").Add(filepath.Base(p.Content))
	if d.AddTree(p.Fs, filepath.Join(p.Content, content.ReviewSection, id), nil) != nil {
		return ""
	}
	return d.Sum()
}

// writeReview writes the review section for built: the dashboard, and the
// page of every article but those in kept (articles level 2 left
// unwritten) whose page still has the digest in last. It returns the
// digest of each built article's review page, by ID, for the manifest.
func (p *Project) writeReview(w *content.Writer, built []content.Page, kept map[string]bool, last map[string]manifest.Article) (map[string]string, error) {
	digests := make(map[string]string, len(built))
	var todo []content.Page
	for _, pg := range built {
		id := pg.Article.ID
		if e, ok := last[id]; ok && kept[id] && e.Review != "" {
			if d := p.cachedReviewDigest(id, false); d == e.Review {
				digests[id] = d
				continue
			}
		}
		todo = append(todo, pg)
	}
	if err := w.WriteReview(todo); err != nil { // review pages and QA
		return nil, err
	}
	for _, pg := range todo {
		digests[pg.Article.ID] = p.cachedReviewDigest(pg.Article.ID, true)
	}
	fmt.Fprintf(p.Log, "review pages: %d checked, %d unchanged\n", len(todo), len(built)-len(todo))
	return digests, nil
}
