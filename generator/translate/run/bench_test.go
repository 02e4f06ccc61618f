package run

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/generator/translate"
)

// BenchmarkFill2000At50ms translates 2,000 distinct segments from 100
// articles against a local LibreTranslate-shaped server that takes 50 ms a
// request, through the whole stack (Batch, protector, engine, resilient
// client, HTTP). With one segment a request and 8 in flight the ideal is
// 2000/8 × 50 ms = 12.5 s; the "x-ideal" metric is the measured time over
// that. The batched variant shows what batching buys on the same server.
//
//	go test -run '^$' -bench Fill2000 -benchtime 1x ./generator/translate/run/
func BenchmarkFill2000At50ms(b *testing.B) {
	for _, batch := range []int{1, 50} {
		b.Run(fmt.Sprintf("batch=%d", batch), func(b *testing.B) {
			const latency, segsN, workers = 50 * time.Millisecond, 2000, 8
			srv := newLibre(b, latency)
			eng := newEngine(b, srv.URL, map[string]any{"batch": batch, "concurrency": workers})
			for range b.N {
				bt := NewBatch(eng, &fakeGist{}, Options{Concurrency: workers, BatchSize: batch})
				for a := range 100 {
					segs, need := store.Merge(&store.File{}, articleSegs(fmt.Sprint(a), 19)[1:], translate.StatusMachine)
					bt.Add(fmt.Sprint(a), segs, need)
				}
				// 100 articles × 19 paragraphs + 100 distinct titles.
				for a := range 100 {
					segs, need := store.Merge(&store.File{}, articleSegs(fmt.Sprint(a), 0), translate.StatusMachine)
					bt.Add(fmt.Sprint(a), segs, need)
				}
				if bt.Len() != segsN {
					b.Fatalf("queued %d", bt.Len())
				}
				start := time.Now()
				st, err := bt.Run(context.Background())
				took := time.Since(start)
				if err != nil || st.ByStatus[translate.StatusMachine] != segsN {
					b.Fatalf("%v %+v", err, st)
				}
				ideal := time.Duration(segsN/batch/workers) * latency
				if batch > 1 {
					ideal = time.Duration((segsN+batch*workers-1)/(batch*workers)) * latency
				}
				b.ReportMetric(took.Seconds(), "s/run")
				b.ReportMetric(float64(took)/float64(ideal), "x-ideal")
			}
		})
	}
}
