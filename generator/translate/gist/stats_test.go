package gist

import (
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/jisr-news/jisr/generator/chrf"
)

// TestNTREXStats prints the corpus n-gram statistics behind the chrF
// score (GIST_PRINT=1). It asserts nothing.
func TestNTREXStats(t *testing.T) {
	if os.Getenv("GIST_PRINT") == "" {
		t.Skip()
	}
	ar, en := tuning(t)
	g, _ := defaultGlosser()
	var tot chrf.Stats
	for i := range ar {
		tot.Add(chrf.SentenceStats(g.gloss(ar[i]), en[i]))
	}
	for n, s := range tot {
		t.Logf("n=%d hyp %d ref %d match %d P %.3f R %.3f", n+1, s.Hyp, s.Ref, s.Match, float64(s.Match)/float64(s.Hyp), float64(s.Match)/float64(s.Ref))
	}
}

// TestNTREXWordBalance prints the English words the gist over- and
// under-produces against the references (GIST_PRINT=1): a diagnostic for
// global choices such as articles and prepositions, never for glossing
// single sentences. It asserts nothing.
func TestNTREXWordBalance(t *testing.T) {
	if os.Getenv("GIST_PRINT") == "" {
		t.Skip()
	}
	ar, en := tuning(t)
	g, _ := defaultGlosser()
	hc, rc := map[string]int{}, map[string]int{}
	for i := range ar {
		for _, w := range strings.Fields(strings.ToLower(g.gloss(ar[i]))) {
			hc[strings.Trim(w, `.,;:!?"()'`)]++
		}
		for _, w := range strings.Fields(strings.ToLower(en[i])) {
			rc[strings.Trim(w, `.,;:!?"()'`)]++
		}
	}
	type kv struct {
		k    string
		h, r int
	}
	var l []kv
	for k, h := range hc {
		l = append(l, kv{k, h, rc[k]})
	}
	sort.Slice(l, func(i, j int) bool { return l[i].h-l[i].r > l[j].h-l[j].r })
	for _, x := range l[:40] {
		t.Logf("%-12s hyp %5d ref %5d", x.k, x.h, x.r)
	}
	sort.Slice(l, func(i, j int) bool { return l[i].h-l[i].r < l[j].h-l[j].r })
	for _, x := range l[:10] {
		t.Logf("UNDER %-12s hyp %5d ref %5d", x.k, x.h, x.r)
	}
	var under []kv
	for k, r := range rc {
		if hc[k] < r/3 && r > 40 {
			under = append(under, kv{k, hc[k], r})
		}
	}
	sort.Slice(under, func(i, j int) bool { return under[i].r > under[j].r })
	for _, x := range under {
		t.Logf("MISSING %-12s hyp %5d ref %5d", x.k, x.h, x.r)
	}
}
