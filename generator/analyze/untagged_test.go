package analyze

import (
	"os"
	"testing"

	"github.com/jisr-news/jisr/generator/article"
)

// TestRealDayUntagged logs the share of one real day's articles
// (SaudiNewsNet 2015-07-21) that get no topic tag (JISR_PAGES=1; about
// half a minute):
//
//	JISR_PAGES=1 go test ./generator/analyze -run RealDayUntagged -v
func TestRealDayUntagged(t *testing.T) {
	if os.Getenv("JISR_PAGES") == "" {
		t.Skip("set JISR_PAGES=1")
	}
	arts := realDay(t, "2015-07-21")
	an := Default()
	none := 0
	for i, segs := range arts {
		a := &article.Article{ID: "a"}
		for _, s := range segs {
			a.Blocks = append(a.Blocks, article.Block{Kind: article.KindParagraph, Text: s.Text, Segments: []article.Segment{s}})
		}
		_ = i
		if len(an.Tags(a, segs)) == 0 {
			none++
		}
	}
	t.Logf("%d of %d articles untagged (%.1f%%)", none, len(arts), 100*float64(none)/float64(len(arts)))
}
