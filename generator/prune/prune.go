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
// later build. Term pages and lists are updated by the next build, which
// no longer finds the article.
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

// Remove removes the articles of items from the content tree (see the
// package doc) and returns how many it removed. It stops at the first
// error, naming the article; the ones before are done.
func Remove(fs afero.Fs, o Options, items []Item) (int, error) {
	for n, it := range items {
		dir := store.ArticleDir(o.Content, it.ID)
		file := store.Path(o.Content, it.ID)
		data, err := afero.ReadFile(fs, file)
		hasStore := err == nil
		if err != nil && !os.IsNotExist(err) {
			return n, fmt.Errorf("prune %s: %w", it.ID, err)
		}
		if hasStore && !o.KeepReviews {
			if err := store.WriteFileAtomic(fs, path.Join(o.Archive, it.ID, store.FileName), data); err != nil {
				return n, fmt.Errorf("prune %s: keep its store: %w", it.ID, err)
			}
		}
		if err := fs.RemoveAll(path.Join(o.Content, store.ReviewSection, it.ID)); err != nil {
			return n, fmt.Errorf("prune %s: %w", it.ID, err)
		}
		if o.KeepReviews && hasStore {
			// Unpublish: everything but the store goes.
			entries, err := afero.ReadDir(fs, dir)
			if err != nil {
				return n, fmt.Errorf("prune %s: %w", it.ID, err)
			}
			for _, e := range entries {
				if e.Name() != store.FileName {
					if err := fs.RemoveAll(path.Join(dir, e.Name())); err != nil {
						return n, fmt.Errorf("prune %s: %w", it.ID, err)
					}
				}
			}
			continue
		}
		if err := fs.RemoveAll(dir); err != nil {
			return n, fmt.Errorf("prune %s: %w", it.ID, err)
		}
	}
	return len(items), nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
