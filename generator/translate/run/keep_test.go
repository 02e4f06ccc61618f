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
