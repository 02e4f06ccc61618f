// Package prune removes from the content tree the articles whose source is
// gone (a deleted seed, a record deleted from an export: build.Orphans), so
// that they are no longer published. It is what "jisr prune" runs.
//
// In: the project's filesystem, its content folder, the folder that keeps
// pruned stores, and the IDs to remove. Out: for each article, its bundle
// (content/articles/<id>/) and its review page (content/review/<id>/)
// removed, and its segment store either moved to <Archive>/<id>/ (store.FileName)
// (the default: a record of every translation and review, restorable by
// moving the file back to content/articles/<id>/ before the seed returns)
// or, with KeepReviews, left in place as the article's segment store (store.FileName)
// alone: the article is unpublished (it has no index page), and its
// translations and reviews still serve the translation memory of every
// later build. Then the term pages (entities/, tags/) are written again
// from the stored analyses (analysis.yaml) of the articles that remain
// (package content's writer, as a build writes them, with the build's rule
// for unknown names, content.DropWeakEntities): a term only pruned articles
// named loses its page, so does an unknown name that fewer than
// content.MinUnknownArticles remaining articles name, and co-occurrence
// counts drop. The remaining articles' own pages still list such a name
// until the next build writes them again. Lists,
// feeds and the review dashboard are made by Hugo from the pages, so the
// next build shows the site without the articles. No engine and no
// analyzer is made.
//
// Nothing is removed before the archive copy is written (temporary file,
// then rename), so an interruption loses no review.
package prune

import (
	"fmt"
	"os"
	"path"
	"sort"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/content"
	"github.com/jisr-news/jisr/generator/qa"
	"github.com/jisr-news/jisr/generator/store"
)

// Options say where and how to prune.
type Options struct {
	Content string // the content folder
	// Archive is where removed stores are kept, as <Archive>/<id>/ (store.FileName).
	Archive string
	// KeepReviews leaves each store in the content tree instead.
	KeepReviews bool
}

// Item is one article to remove, with what it holds.
type Item struct {
	ID       string
	Source   string
	Segments int // segments in its store
	Reviewed int // of them reviewed or stale (a person's work)
}

// Plan describes the articles ids, for the list shown before removing.
func Plan(fs afero.Fs, o Options, ids map[string]string) ([]Item, error) {
	var items []Item
	for _, id := range sortedKeys(ids) {
		it := Item{ID: id, Source: ids[id]}
		f, err := store.Load(fs, store.Path(o.Content, id))
		if err != nil {
			return nil, fmt.Errorf("prune %s: %w", id, err)
		}
		it.Segments = len(f.Segments)
		for _, s := range f.Segments {
			if s.Status.Human() {
				it.Reviewed++
			}
		}
		items = append(items, it)
	}
	return items, nil
}

// Result says what Remove did.
type Result struct {
	Removed int // articles unpublished
	Terms   int // term page files written or removed
	// TermsLeft, when not "", says why the term pages were left for the
	// next build to update (an article with no stored analysis).
	TermsLeft string
}

// Remove removes the articles of items from the content tree and updates
// the term pages (see the package doc). It stops at the first error,
// naming the article; the ones before are done, and the term pages are
// then left as they were, for the next build.
func Remove(fs afero.Fs, o Options, items []Item) (*Result, error) {
	res := &Result{}
	for _, it := range items {
		if err := remove(fs, o, it); err != nil {
			return res, err
		}
		res.Removed++
	}
	if res.Removed == 0 {
		return res, nil
	}
	n, left, err := writeTerms(fs, o.Content)
	res.Terms, res.TermsLeft = n, left
	if err != nil {
		return res, fmt.Errorf("prune: term pages: %w", err)
	}
	return res, nil
}

func remove(fs afero.Fs, o Options, it Item) error {
	dir := store.ArticleDir(o.Content, it.ID)
	file := store.Path(o.Content, it.ID)
	data, err := afero.ReadFile(fs, file)
	hasStore := err == nil
	if err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("prune %s: %w", it.ID, err)
	}
	if hasStore && !o.KeepReviews {
		if err := store.WriteFileAtomic(fs, path.Join(o.Archive, it.ID, store.FileName), data); err != nil {
			return fmt.Errorf("prune %s: keep its store: %w", it.ID, err)
		}
	}
	if err := fs.RemoveAll(path.Join(o.Content, store.ReviewSection, it.ID)); err != nil {
		return fmt.Errorf("prune %s: %w", it.ID, err)
	}
	if !o.KeepReviews || !hasStore {
		if err := fs.RemoveAll(dir); err != nil {
			return fmt.Errorf("prune %s: %w", it.ID, err)
		}
		return nil
	}
	// Unpublish: everything but the store goes.
	entries, err := afero.ReadDir(fs, dir)
	if err != nil {
		return fmt.Errorf("prune %s: %w", it.ID, err)
	}
	for _, e := range entries {
		if e.Name() != store.FileName {
			if err := fs.RemoveAll(path.Join(dir, e.Name())); err != nil {
				return fmt.Errorf("prune %s: %w", it.ID, err)
			}
		}
	}
	return nil
}

// writeTerms writes the term pages again from the stored analyses of the
// articles the build publishes from a source (an index page with a
// jisr.source; hand-written articles and unpublished stores are not in a
// build's terms either), in the order of their sources, and returns how
// many files changed. Entities go through the build's rule
// (content.DropWeakEntities), so the next build leaves the term pages as
// prune wrote them. When one of them has no stored analysis it writes
// nothing and returns the reason.
func writeTerms(fs afero.Fs, dir string) (int, string, error) {
	ids, err := store.Articles(fs, dir)
	if err != nil {
		return 0, "", err
	}
	type src struct {
		source string
		page   content.Page
	}
	var arts []src
	for _, id := range ids {
		page, err := store.ReadArticlePage(fs, dir, id, "ar")
		if err != nil || page.Jisr.Source == "" {
			continue
		}
		an, err := store.ReadAnalysis(fs, dir, id)
		if err != nil {
			return 0, "", err
		}
		if an == nil {
			return 0, fmt.Sprintf("%s has no stored analysis (%s)", id, store.AnalysisFile), nil
		}
		arts = append(arts, src{page.Jisr.Source, content.Page{Analysis: qa.ResultOf(an)}})
	}
	sort.SliceStable(arts, func(i, j int) bool { return arts[i].source < arts[j].source })
	pages := make([]content.Page, len(arts))
	for i, a := range arts {
		pages[i] = a.page
	}
	// The build's rule: an unknown entity that fewer than
	// content.MinUnknownArticles remaining articles name loses its page.
	content.DropWeakEntities(pages)
	w := &content.Writer{Fs: fs, Dir: dir}
	if err := w.WriteTerms(pages); err != nil {
		return w.Written, "", err
	}
	return w.Written, "", nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
