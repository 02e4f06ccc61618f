package analyze

import (
	"reflect"
	"sync"
	"testing"
)

// TestConcurrentAnalyze runs one analyzer from several goroutines (the
// build analyzes articles in parallel); run with -race.
func TestConcurrentAnalyze(t *testing.T) {
	a := seedArticle(t)
	an := New(Default().Gazetteer())
	want := an.Analyze(a)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				if got := an.Analyze(a); !reflect.DeepEqual(got, want) {
					t.Error("concurrent analysis differs")
					return
				}
			}
		}()
	}
	wg.Wait()
}
