package gist

import (
	"fmt"
	"strings"
	"testing"
)

// longLine repeats a news clause with no punctuation until it is about
// size bytes: bare nouns chained into an idafa, adjectives, verbs and a
// definite noun, the shapes the reordering rules merge and move.
func longLine(size int) string {
	const clause = "قال رئيس مجلس إدارة شركة النفط الوطنية الكبيرة إن الحكومة السعودية تدرس خطة جديدة لدعم الاقتصاد "
	var b strings.Builder
	for b.Len() < size {
		b.WriteString(clause)
	}
	return b.String()
}

// idafaLine is the worst case for the idafa rule: one chain of bare nouns
// closed by a definite noun, which merges into one ever longer chunk.
func idafaLine(size int) string {
	var b strings.Builder
	for b.Len() < size {
		b.WriteString("مجلس ")
	}
	b.WriteString("الشركة")
	return b.String()
}

// TestLongLineIdafaChain checks that a long idafa chain still reads
// "the X of the Y of … the Z" after the linear rewrite of the rule.
func TestLongLineIdafaChain(t *testing.T) {
	g, err := defaultGlosser()
	if err != nil {
		t.Fatal(err)
	}
	got := g.gloss(idafaLine(5 * len("مجلس ")))
	if strings.Count(got, " of ") != 5 || !strings.HasPrefix(got, "The ") {
		t.Errorf("gloss of an idafa chain = %q", got)
	}
}

// BenchmarkGlossLongLine glosses one line without punctuation of growing
// size; the MB/s column stays flat when the gist is linear in its input
// (issue: a 10 MB line must finish in seconds):
//
//	go test ./generator/translate/gist -run '^$' -bench GlossLongLine -benchtime 1x
func BenchmarkGlossLongLine(b *testing.B) {
	g, err := defaultGlosser()
	if err != nil {
		b.Fatal(err)
	}
	for _, kind := range []struct {
		name string
		make func(int) string
	}{{"news", longLine}, {"idafa", idafaLine}} {
		for _, size := range []int{100_000, 1_000_000, 10_000_000} {
			line := kind.make(size)
			b.Run(fmt.Sprintf("%s-%dKB", kind.name, size/1000), func(b *testing.B) {
				b.SetBytes(int64(len(line)))
				for n := 0; n < b.N; n++ {
					g.gloss(line)
				}
			})
		}
	}
}
