package analyze

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/jisr-news/jisr/generator/article"
)

// anerSentence is one ANERcorp sentence: its text (tokens joined by
// spaces), the byte offset of each token and the gold spans.
type anerSentence struct {
	text   string
	starts []int
	gold   map[span]bool
}

type span struct {
	start, end int // token indexes, end exclusive
	typ        string
}

// readANERcorp reads ../shared/data/anercorp-train.txt ("token TAG" per
// line, BIO tags) into sentences split after "." tokens; it skips the test
// when the file is missing.
func readANERcorp(t testing.TB) []anerSentence {
	path := filepath.Join(repoRoot(t), "..", "shared", "data", "anercorp-train.txt")
	f, err := os.Open(path)
	if err != nil {
		t.Skip("ANERcorp missing:", err)
	}
	defer f.Close()
	var out []anerSentence
	var toks, tags []string
	flush := func() {
		if len(toks) == 0 {
			return
		}
		s := anerSentence{gold: map[span]bool{}}
		var b strings.Builder
		for i, tk := range toks {
			if i > 0 {
				b.WriteByte(' ')
			}
			s.starts = append(s.starts, b.Len())
			b.WriteString(tk)
		}
		s.text = b.String()
		for i := 0; i < len(tags); i++ {
			if !strings.HasPrefix(tags[i], "B-") {
				continue
			}
			typ := tags[i][2:]
			j := i + 1
			for j < len(tags) && tags[j] == "I-"+typ {
				j++
			}
			if typ != "MISC" {
				s.gold[span{i, j, typ}] = true
			}
		}
		out = append(out, s)
		toks, tags = nil, nil
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) != 2 {
			flush()
			continue
		}
		toks = append(toks, fields[0])
		tags = append(tags, fields[1])
		if fields[0] == "." {
			flush()
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

var anerType = map[Type]string{Person: "PERS", Place: "LOC", Organization: "ORG"}

// predict runs the analyzer on one sentence and returns its spans.
func predict(an *Analyzer, s anerSentence) map[span]bool {
	pred := map[span]bool{}
	ents := an.Entities([]article.Segment{{ID: "s", Kind: article.KindParagraph, Text: s.text}})
	tokAt := func(off int) int { return sort.SearchInts(s.starts, off+1) - 1 }
	for _, e := range ents {
		for _, m := range e.Mentions {
			pred[span{tokAt(m.Start), tokAt(m.End-1) + 1, anerType[e.Type]}] = true
		}
	}
	return pred
}

// TestANERcorp reports precision, recall and F1 per type with exact span
// match on ANERcorp-train. The analyzer was not trained on it (gazetteer
// and rules only), so all of it is held-out data. Run:
//
//	go test ./generator/analyze -run ANERcorp -v
func TestANERcorp(t *testing.T) {
	sents := readANERcorp(t)
	an := Default()
	tp, fp, fn := map[string]int{}, map[string]int{}, map[string]int{}
	for _, s := range sents {
		pred := predict(an, s)
		for p := range pred {
			if s.gold[p] {
				tp[p.typ]++
			} else {
				fp[p.typ]++
			}
		}
		for g := range s.gold {
			if !pred[g] {
				fn[g.typ]++
			}
		}
	}
	var all [3]int
	for _, typ := range []string{"PERS", "LOC", "ORG"} {
		p, r, f := prf(tp[typ], fp[typ], fn[typ])
		t.Logf("%-4s P %5.1f  R %5.1f  F1 %5.1f  (tp %d fp %d fn %d)", typ, p, r, f, tp[typ], fp[typ], fn[typ])
		all[0] += tp[typ]
		all[1] += fp[typ]
		all[2] += fn[typ]
	}
	p, r, f := prf(all[0], all[1], all[2])
	t.Logf("all  P %5.1f  R %5.1f  F1 %5.1f  over %d sentences", p, r, f, len(sents))
	if all[0] == 0 {
		t.Error("no entity of ANERcorp found")
	}
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
//	go test ./generator/analyze -run '^$' -bench . -benchtime 3x
func BenchmarkAnalyzeANERcorp(b *testing.B) {
	sents := readANERcorp(b)
	// Articles of about 40 sentences, like news.
	var arts []*article.Article
	size := 0
	for i := 0; i < len(sents); i += 40 {
		a := &article.Article{ID: fmt.Sprint(i)}
		for j := i; j < i+40 && j < len(sents); j++ {
			a.Blocks = append(a.Blocks, article.Block{Kind: article.KindParagraph, Text: sents[j].text,
				Segments: []article.Segment{{ID: fmt.Sprintf("p%d-1", j-i+1), Kind: article.KindParagraph, Text: sents[j].text}}})
			size += len(sents[j].text)
		}
		arts = append(arts, a)
	}
	an := Default()
	b.SetBytes(int64(size))
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		for _, a := range arts {
			an.Analyze(a)
		}
	}
}
