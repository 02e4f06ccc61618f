package run

import (
	"fmt"
	"sort"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/store"
)

// Keeper stores translations as they arrive: its Sink applies each
// finished batch to the articles' segments and saves every article the
// batch touched with store.Save (atomic: temporary file, then rename), so
// an interrupted run (kill -9, Ctrl-C, a failing engine) loses at most the
// batches in flight, and the next run finds the rest in the store.
//
// In: the project's filesystem, the content folder and, by article ID (the
// key given to Batch.Add), the merged segments that will be saved (as
// store.MergeWith returns them; Keeper writes results into these slices,
// which the caller hands to it for that purpose). Out: the segment files,
// and Saved, how many articles it wrote.
type Keeper struct {
	Fs       afero.Fs
	Content  string
	Articles map[string][]store.Segment
	// WritesAfter is set by a caller that writes every article's store
	// after the run anyway (build.Prepare, with content.WriteArticle): a
	// batch whose results are all gist output (store.StatusGist, which
	// costs nothing to make again and comes out the same) is then applied
	// but not saved, so that such a store is encoded and written once,
	// not saved here and read back and compared there. A batch with any
	// other result is saved as always.
	WritesAfter bool
	saved       map[string]bool
}

// NewKeeper returns a Keeper for the articles under contentDir.
func NewKeeper(fs afero.Fs, contentDir string) *Keeper {
	return &Keeper{Fs: fs, Content: contentDir, Articles: map[string][]store.Segment{}, saved: map[string]bool{}}
}

// Sink is a run.Sink: it applies rs and saves the articles they belong to.
func (k *Keeper) Sink(rs []Result) error {
	touched := map[string]bool{}
	remade := k.WritesAfter // every result is gist output
	for _, r := range rs {
		segs, ok := k.Articles[r.Key]
		if !ok || r.Index < 0 || r.Index >= len(segs) {
			return fmt.Errorf("keep: result for unknown segment %s #%d", r.Key, r.Index)
		}
		segs[r.Index] = r.Segment
		touched[r.Key] = true
		remade = remade && r.Segment.Status == store.StatusGist
	}
	if remade {
		return nil
	}
	ids := make([]string, 0, len(touched))
	for id := range touched {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if err := store.Save(k.Fs, store.Path(k.Content, id), &store.File{Article: id, Segments: k.Articles[id]}); err != nil {
			return fmt.Errorf("keep %s: %w", id, err)
		}
		k.saved[id] = true
	}
	return nil
}

// Saved returns how many articles' segment files the Keeper wrote.
func (k *Keeper) Saved() int { return len(k.saved) }
