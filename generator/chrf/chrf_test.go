package chrf

import (
	"math"
	"testing"
)

func TestSentenceHandComputed(t *testing.T) {
	tests := []struct {
		hyp, ref string
		want     float64
	}{
		{"ab", "ab", 100},
		{"a b", "ab", 100}, // whitespace is removed before n-grams
		// 1-grams 2/3 both ways, 2-grams 1/2, 3-grams 0; orders 4-6 have
		// no n-grams: P = R = (2/3 + 1/2 + 0)/3 = 7/18, F = 7/18.
		{"abc", "abd", 100 * 7.0 / 18},
		// Only order 1 is effective: P = 1, R = 1/2 (order 2 adds 0):
		// F = 5·1·0.5/(4·1+0.5) = 5/9.
		{"a", "ab", 100 * 5.0 / 9},
		// Reversed: P = 1/2, R = 1 (order 2: ref has none) → F =
		// 5·0.5·1/(4·0.5+1) = 2.5/3.
		{"ab", "a", 100 * 2.5 / 3},
		{"xyz", "abc", 0},
		{"", "abc", 0},
	}
	for _, tt := range tests {
		if got := Sentence(tt.hyp, tt.ref); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("Sentence(%q, %q) = %.6f, want %.6f", tt.hyp, tt.ref, got, tt.want)
		}
	}
}

func TestCorpusSumsStatistics(t *testing.T) {
	// Corpus chrF is not the mean of sentence scores: the statistics are
	// summed first. "abc"/"abd" and "ab"/"ab": order 1: match 4 of 5/5;
	// order 2: 2 of 3/3; order 3: 0 of 1/1. P = R = (4/5+2/3+0)/3.
	got, err := Corpus([]string{"abc", "ab"}, []string{"abd", "ab"})
	if err != nil {
		t.Fatal(err)
	}
	want := 100 * (4.0/5 + 2.0/3) / 3
	if math.Abs(got-want) > 1e-9 {
		t.Errorf("Corpus = %.6f, want %.6f", got, want)
	}
	if _, err := Corpus([]string{"a"}, nil); err == nil {
		t.Error("Corpus with mismatched lengths succeeded")
	}
}

func TestRepeatedNgramsClipped(t *testing.T) {
	// "aaaa" against "a": order 1 hyp 4, match 1 → P = 1/4, R = 1.
	got := Sentence("aaaa", "a")
	want := 100 * 5 * 0.25 * 1 / (4*0.25 + 1)
	if math.Abs(got-want) > 1e-9 {
		t.Errorf("Sentence(aaaa, a) = %.6f, want %.6f", got, want)
	}
}

func TestLines(t *testing.T) {
	if got := Lines("a\r\nb\n"); len(got) != 2 || got[0] != "a" || got[1] != "b" {
		t.Errorf("Lines = %q", got)
	}
	if got := Lines(""); got != nil {
		t.Errorf("Lines(\"\") = %q", got)
	}
}
