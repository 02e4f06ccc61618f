package run_test

import (
	"context"
	"fmt"
	"io"
	"net/http/httptest"
	"strconv"

	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/generator/translate"
	"github.com/jisr-news/jisr/generator/translate/engines/enginetest"
	"github.com/jisr-news/jisr/generator/translate/engines/libre"
	"github.com/jisr-news/jisr/generator/translate/run"
)

type gist struct{}

func (gist) Name() string             { return "gist" }
func (gist) Model() string            { return "" }
func (gist) Status() translate.Status { return translate.StatusGist }
func (gist) Translate(_ context.Context, ar []string) ([]string, error) {
	return ar, nil
}

// A build translates the segments of all its articles in one Batch, after
// store.Merge and before store.Save.
func ExampleBatch() {
	srv := httptest.NewServer(enginetest.FakeLibre())
	defer srv.Close()
	eng, _ := libre.New(translate.Options{URL: srv.URL})

	articles := [][]article.Segment{
		{{ID: "title", Kind: article.KindTitle, Text: "انفجار في العراق"}},
		{{ID: "title", Kind: article.KindTitle, Text: "قتل ١٥ شخصا"}},
	}
	pages := make([][]store.Segment, len(articles))
	opts := run.Standard(nil, io.Discard)
	// Each batch's results arrive as it finishes: store them there (with
	// store.Save) and an interruption loses at most the batches in flight.
	opts.Sink = func(rs []run.Result) error {
		for _, r := range rs {
			i, _ := strconv.Atoi(r.Key)
			pages[i][r.Index] = r.Segment
		}
		return nil
	}
	b := run.NewBatch(eng, gist{}, opts)
	for i, fresh := range articles {
		var need []int
		pages[i], need = store.Merge(&store.File{}, fresh, eng.Status()) // stored: from store.Load
		b.Add(strconv.Itoa(i), pages[i], need)
	}
	st, err := b.Run(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, segs := range pages {
		fmt.Println(segs[0].EN, segs[0].Status, segs[0].Engine) // then store.Save
	}
	fmt.Println(st.Summary())
	// Output:
	// EN<انفجار في Iraq> machine libretranslate
	// EN<قتل 15 شخصا> machine libretranslate
	// 2 segments (2 distinct): machine 2; 1 calls, 1 requests
}
