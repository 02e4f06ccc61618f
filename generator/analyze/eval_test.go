package analyze

import (
	"fmt"
	"github.com/jisr-news/jisr/internal/testenv"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"

	"github.com/jisr-news/jisr/generator/article"
)

type span struct {
	start, end int // word indexes, end exclusive
	typ        string
}

// readANERcorp reads ../shared/data/anercorp-train.txt and splits it into
// the training part and the held-out part; it skips the test when the
// file is missing.
func readANERcorp(t testing.TB) (all, train, held []LabeledSentence) {
	path := filepath.Join(testenv.RepoRoot(t), "..", "shared", "data", "anercorp-train.txt")
	f, err := os.Open(path)
	if err != nil {
		t.Skip("ANERcorp missing:", err)
	}
	defer f.Close()
	all, err = ReadANERcorp(f)
	if err != nil {
		t.Fatal(err)
	}
	train, held = ANERcorpSplit(all)
	return all, train, held
}

// goldSpans returns the PERS, LOC and ORG spans of a sentence.
func goldSpans(s LabeledSentence) map[span]bool {
	out := map[span]bool{}
	for i := 0; i < len(s.Tags); i++ {
		if !strings.HasPrefix(s.Tags[i], "B-") {
			continue
		}
		typ := s.Tags[i][2:]
		j := i + 1
		for j < len(s.Tags) && s.Tags[j] == "I-"+typ {
			j++
		}
		if typ != "MISC" {
			out[span{i, j, typ}] = true
		}
	}
	return out
}

var anerType = map[Type]string{Person: "PERS", Place: "LOC", Organization: "ORG"}

// predict runs the analyzer on one sentence and returns its spans in
// words.
func predict(an *Analyzer, s LabeledSentence) map[span]bool {
	return predictDoc(an, []LabeledSentence{s})[0]
}

// predictDoc runs the analyzer on consecutive sentences as one article
// (one segment per sentence), so that names found in one sentence help in
// the others, and returns the spans of each sentence.
func predictDoc(an *Analyzer, sents []LabeledSentence) []map[span]bool {
	segs := make([]article.Segment, len(sents))
	starts := make([][]int, len(sents))
	for i, s := range sents {
		var text string
		text, starts[i] = s.Text()
		segs[i] = article.Segment{ID: fmt.Sprint(i), Kind: article.KindParagraph, Text: text}
	}
	out := make([]map[span]bool, len(sents))
	for i := range out {
		out[i] = map[span]bool{}
	}
	for _, e := range an.Entities(segs) {
		for _, m := range e.Mentions {
			var i int
			fmt.Sscan(m.Segment, &i)
			wordAt := func(off int) int { return sort.SearchInts(starts[i], off+1) - 1 }
			out[i][span{wordAt(m.Start), wordAt(m.End-1) + 1, anerType[e.Type]}] = true
		}
	}
	return out
}

// score logs precision, recall and F1 per type of an on sents and returns
// the overall F1.
// docSize is how many consecutive sentences score analyzes as one
// article: 1 scores sentences alone; more lets one sentence's names help
// the next, as in real articles (ANERcorp marks no document boundaries).
var docSize = 1

func score(t *testing.T, name string, an *Analyzer, sents []LabeledSentence) float64 {
	tp, fp, fn := map[string]int{}, map[string]int{}, map[string]int{}
	var preds []map[span]bool
	for i := 0; i < len(sents); i += docSize {
		preds = append(preds, predictDoc(an, sents[i:min(i+docSize, len(sents))])...)
	}
	for i, s := range sents {
		gold := goldSpans(s)
		pred := preds[i]
		for p := range pred {
			if gold[p] {
				tp[p.typ]++
			} else {
				fp[p.typ]++
			}
		}
		for g := range gold {
			if !pred[g] {
				fn[g.typ]++
			}
		}
	}
	var all [3]int
	t.Logf("%s, %d sentences:", name, len(sents))
	for _, typ := range []string{"PERS", "LOC", "ORG"} {
		p, r, f := prf(tp[typ], fp[typ], fn[typ])
		t.Logf("  %-4s P %5.1f  R %5.1f  F1 %5.1f  (tp %d fp %d fn %d)", typ, p, r, f, tp[typ], fp[typ], fn[typ])
		all[0] += tp[typ]
		all[1] += fp[typ]
		all[2] += fn[typ]
	}
	p, r, f := prf(all[0], all[1], all[2])
	t.Logf("  all  P %5.1f  R %5.1f  F1 %5.1f", p, r, f)
	return f
}

// TestANERcorp reports precision, recall and F1 per type with exact span
// match on ANERcorp-train: the gazetteer and rules alone on all of it (they
// never saw it), and with the statistical tagger on the held-out part that
// its training left out. Run:
//
//	go test ./generator/analyze -run ANERcorp -v
func TestANERcorp(t *testing.T) {
	all, _, held := readANERcorp(t)
	rules := New(Default().Gazetteer()).WithModel(nil)
	if f := score(t, "gazetteer and rules, all of ANERcorp-train", rules, all); f < 40 {
		t.Errorf("F1 %.1f: the rules have regressed", f)
	}
	score(t, "gazetteer and rules, held-out part", rules, held)
	if f := score(t, "with the statistical tagger, held-out part", Default(), held); f < 50 {
		t.Errorf("F1 %.1f: the model has regressed", f)
	}
	docSize = 10
	defer func() { docSize = 1 }()
	score(t, "with the statistical tagger, held-out part, 10 sentences per article", Default(), held)
}

func prf(tp, fp, fn int) (p, r, f float64) {
	if tp+fp > 0 {
		p = 100 * float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = 100 * float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// BenchmarkAnalyzeANERcorp measures analysis speed (entities and tags) in
// bytes of Arabic text per second:
//
//	go test ./generator/analyze -run '^$' -bench AnalyzeANERcorp -benchtime 3x -cpu 1
func BenchmarkAnalyzeANERcorp(b *testing.B) {
	all, _, _ := readANERcorp(b)
	sents := make([]string, len(all))
	for i, s := range all {
		sents[i], _ = s.Text()
	}
	// Articles of about 40 sentences, like news.
	var arts []*article.Article
	size := 0
	for i := 0; i < len(sents); i += 40 {
		a := &article.Article{ID: fmt.Sprint(i)}
		for j := i; j < i+40 && j < len(sents); j++ {
			a.Blocks = append(a.Blocks, article.Block{Kind: article.KindParagraph, Text: sents[j],
				Segments: []article.Segment{{ID: fmt.Sprintf("p%d-1", j-i+1), Kind: article.KindParagraph, Text: sents[j]}}})
			size += len(sents[j])
		}
		arts = append(arts, a)
	}
	an := Default()
	an.Analyze(arts[0]) // load the embedded tables before timing
	b.SetBytes(int64(size))
	b.ResetTimer()
	cpu0 := cpuSeconds()
	for n := 0; n < b.N; n++ {
		for _, a := range arts {
			an.Analyze(a)
		}
	}
	// The machine may be shared: MB per CPU-second of this process is the
	// figure that does not depend on the load (the target: ≥ 1).
	if cpu := cpuSeconds() - cpu0; cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu, "MB/cpu-s")
	}
}

// cpuSeconds returns the user and system CPU time of this process.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}
