package run

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/store"
)

// A run cancelled part-way (Ctrl-C) against a slow local server keeps every
// batch that finished before: the store on disk holds them, written as they
// arrived, and the next run asks only for the rest.
func TestCancelledRunKeepsFinishedBatches(t *testing.T) {
	srv := newLibre(t, 20*time.Millisecond)
	eng := newEngine(t, srv.URL, map[string]any{"batch": 5, "concurrency": 1})
	fs := afero.NewMemMapFs()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	k := NewKeeper(fs, "/content")
	calls := 0
	sink := func(rs []Result) error {
		err := k.Sink(rs)
		if calls++; calls == 3 {
			cancel() // the user presses Ctrl-C after three batches
		}
		return err
	}
	b := NewBatch(eng, &fakeGist{}, Options{BatchSize: 5, Concurrency: 1, Sink: sink})
	for a := range 10 {
		id := fmt.Sprint("a", a)
		segs, need := store.Merge(&store.File{}, articleSegs(id, 9), eng.Status())
		k.Articles[id] = segs
		b.Add(id, segs, need)
	}
	_, err := b.Run(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v", err)
	}
	files, bad := store.LoadAll(fs, "/content")
	if len(bad) > 0 {
		t.Fatal(bad)
	}
	kept := 0
	for _, f := range files {
		for _, s := range f.Segments {
			if s.EN != "" {
				kept++
			}
		}
	}
	// Three batches of five finished; at most the one in flight is lost.
	if kept < 15 || kept >= 100 {
		t.Errorf("%d segments kept on disk, want at least the 15 of the finished batches", kept)
	}
	t.Logf("kept %d of 100 segments after cancelling", kept)
}

// With WritesAfter, a batch of gist output only is applied to the
// articles' segments but not saved (the caller writes the stores once,
// after the run); a batch holding a machine translation is saved as
// always, so an interrupted build still keeps the engine's work.
func TestKeeperWritesAfterSavesOnlyCostlyBatches(t *testing.T) {
	fs := afero.NewMemMapFs()
	k := NewKeeper(fs, "/content")
	k.WritesAfter = true
	for _, id := range []string{"g", "m"} {
		segs, _ := store.Merge(&store.File{}, articleSegs(id, 2), store.StatusGist)
		k.Articles[id] = segs
	}
	gist := k.Articles["g"][0]
	gist.EN, gist.Status = "gist", store.StatusGist
	if err := k.Sink([]Result{{Key: "g", Index: 0, Segment: gist}}); err != nil {
		t.Fatal(err)
	}
	if k.Articles["g"][0].EN != "gist" {
		t.Error("the gist result was not applied to the article's segments")
	}
	if ok, _ := afero.Exists(fs, store.Path("/content", "g")); ok || k.Saved() != 0 {
		t.Errorf("a gist-only batch was saved (exists %v, saved %d)", ok, k.Saved())
	}
	machine := k.Articles["m"][0]
	machine.EN, machine.Status = "machine", store.StatusMachine
	if err := k.Sink([]Result{{Key: "g", Index: 1, Segment: gist}, {Key: "m", Index: 0, Segment: machine}}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"g", "m"} {
		if ok, _ := afero.Exists(fs, store.Path("/content", id)); !ok {
			t.Errorf("%s: a batch with a machine translation was not saved", id)
		}
	}
	if k.Saved() != 2 {
		t.Errorf("saved %d articles, want 2", k.Saved())
	}
}
