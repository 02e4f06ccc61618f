package build

import (
	"runtime"
	"sync"

	"github.com/jisr-news/jisr/generator/analyze"
	"github.com/jisr-news/jisr/generator/article"
)

// analyzeAll analyzes the articles on a bounded pool of workers (one per
// CPU) and returns the results in the order of arts, so the output does not
// depend on scheduling. Articles for which skip returns true are left
// with a zero Result. The Analyzer is safe for concurrent use (see
// analyze's TestConcurrentAnalyze).
func analyzeAll(an *analyze.Analyzer, arts []*article.Article, skip func(*article.Article) bool) []analyze.Result {
	out := make([]analyze.Result, len(arts))
	workers := min(runtime.GOMAXPROCS(0), len(arts))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = an.Analyze(arts[i])
			}
		}()
	}
	for i, a := range arts {
		if !skip(a) {
			next <- i
		}
	}
	close(next)
	wg.Wait()
	return out
}
