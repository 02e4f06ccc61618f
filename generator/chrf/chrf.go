// Package chrf computes the chrF score of machine translation output, as
// sacrebleu computes it by default: character n-grams of orders 1 to 6, no
// word n-grams, β = 2, whitespace removed before the n-grams are taken,
// statistics summed over the corpus before the score is computed, and
// precision and recall averaged over the orders that occur.
//
// In: hypotheses and references, one string per sentence. Out: a score
// from 0 to 100.
//
// Hand-written because no maintained Go package implements chrF; the
// definition (Popović 2015, sacrebleu's CHRF) is short.
package chrf

import (
	"fmt"
	"strings"
	"unicode"
)

// CharOrder is the highest character n-gram order.
const CharOrder = 6

// Beta weighs recall Beta times as much as precision.
const Beta = 2.0

// Stats are the n-gram statistics of one or more sentence pairs: for each
// order n (index n-1), the hypothesis n-gram count, the reference n-gram
// count and the number of matching n-grams.
type Stats [CharOrder]struct{ Hyp, Ref, Match int }

// Add adds o into s.
func (s *Stats) Add(o Stats) {
	for i := range s {
		s[i].Hyp += o[i].Hyp
		s[i].Ref += o[i].Ref
		s[i].Match += o[i].Match
	}
}

// removeSpace drops every whitespace character.
func removeSpace(s string) []rune {
	var out []rune
	for _, r := range s {
		if !unicode.IsSpace(r) {
			out = append(out, r)
		}
	}
	return out
}

func ngrams(rs []rune, n int) map[string]int {
	m := make(map[string]int, len(rs))
	for i := 0; i+n <= len(rs); i++ {
		m[string(rs[i:i+n])]++
	}
	return m
}

// SentenceStats returns the n-gram statistics of one hypothesis against
// one reference.
func SentenceStats(hyp, ref string) Stats {
	h, r := removeSpace(hyp), removeSpace(ref)
	var s Stats
	for n := 1; n <= CharOrder; n++ {
		hm, rm := ngrams(h, n), ngrams(r, n)
		st := &s[n-1]
		for g, c := range hm {
			st.Hyp += c
			if rc := rm[g]; rc > 0 {
				st.Match += min(c, rc)
			}
		}
		for _, c := range rm {
			st.Ref += c
		}
	}
	return s
}

// Score returns the chrF score of the statistics, from 0 to 100.
func (s Stats) Score() float64 {
	const eps = 1e-16
	var avgP, avgR float64
	eff := 0
	for _, st := range s {
		p, r := eps, eps
		if st.Hyp > 0 {
			p = float64(st.Match) / float64(st.Hyp)
		}
		if st.Ref > 0 {
			r = float64(st.Match) / float64(st.Ref)
		}
		if st.Hyp > 0 && st.Ref > 0 {
			eff++
		}
		avgP += p
		avgR += r
	}
	if eff == 0 {
		return 0
	}
	avgP /= float64(eff)
	avgR /= float64(eff)
	if avgP+avgR == 0 {
		return 0
	}
	f := Beta * Beta
	return 100 * (1 + f) * avgP * avgR / (f*avgP + avgR)
}

// Sentence returns the chrF score of one hypothesis against one reference.
func Sentence(hyp, ref string) float64 {
	return SentenceStats(hyp, ref).Score()
}

// Corpus returns the corpus-level chrF of hypotheses against references
// (statistics summed over all pairs, then scored). The two slices must
// have the same length.
func Corpus(hyps, refs []string) (float64, error) {
	if len(hyps) != len(refs) {
		return 0, fmt.Errorf("chrf: %d hypotheses but %d references", len(hyps), len(refs))
	}
	var total Stats
	for i := range hyps {
		total.Add(SentenceStats(hyps[i], refs[i]))
	}
	return total.Score(), nil
}

// Lines splits a file's text into lines, dropping one trailing newline and
// any carriage returns, for line-aligned test sets.
func Lines(text string) []string {
	text = strings.ReplaceAll(text, "\r", "")
	text = strings.TrimSuffix(text, "\n")
	if text == "" {
		return nil
	}
	return strings.Split(text, "\n")
}
