package segment

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkSentences splits one long paragraph with no spaces and a period
// before every comma (each period once made a walk back to the start of
// the line): the time per MB stays flat when splitting is linear.
//
//	go test -run '^$' -bench Sentences -benchtime 1x ./generator/segment/
func BenchmarkSentences(b *testing.B) {
	for _, mb := range []int{1, 10} {
		p := strings.Repeat("كلمة.،", (mb<<20)/len("كلمة.،"))
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			b.SetBytes(int64(len(p)))
			for range b.N {
				if len(Sentences(p)) != 1 {
					b.Fatal("split")
				}
			}
		})
	}
}
