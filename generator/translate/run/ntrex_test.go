package run

import (
	"bufio"
	"github.com/jisr-news/jisr/internal/testenv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readLines(t *testing.T, path string) []string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	return out
}

// TestProtectorAgainstNTREX checks the protector on 1,007 professionally
// translated news sentences: the English names it writes into the Arabic
// should mostly be the names the human translator used, and the number
// check should accept the human translation (few false alarms). Measured
// 2026-11-29: 339 names, 70.8% agreeing; 294 numbers, 98.3% accepted; 13
// sentences flagged.
func TestProtectorAgainstNTREX(t *testing.T) {
	dir := testenv.SharedData(t, "ntrex-dev")
	ar := readLines(t, filepath.Join(dir, "ar.txt"))
	en := readLines(t, filepath.Join(dir, "en.txt"))
	if len(ar) != len(en) || len(ar) == 0 {
		t.Fatalf("%d Arabic and %d English lines", len(ar), len(en))
	}
	p := NewProtector(nil)
	var names, namesFound, nums, numsFound, flagged int
	var wrong []string
	for i := range ar {
		_, exp := p.Protect(ar[i])
		lower := strings.ToLower(en[i])
		for _, n := range exp.Names {
			names++
			// The translator may shorten a name (Trump for Donald
			// Trump): the last word counts.
			words := strings.Fields(strings.ToLower(n))
			if strings.Contains(lower, strings.ToLower(n)) || strings.Contains(lower, words[len(words)-1]) {
				namesFound++
			} else if len(wrong) < 40 {
				wrong = append(wrong, n)
			}
		}
		nums += len(exp.Numbers)
		exp.Names = nil
		miss := exp.Missing(en[i])
		numsFound += len(exp.Numbers)
		for _, m := range miss {
			for _, n := range exp.Numbers {
				if m == n {
					numsFound--
				}
			}
		}
		if len(miss) > 0 {
			flagged++
		}
	}
	namePrec := float64(namesFound) / float64(max(names, 1))
	numRecall := float64(numsFound) / float64(max(nums, 1))
	t.Logf("names written: %d, in the human translation: %d (%.1f%%); not found, e.g. %q", names, namesFound, 100*namePrec, wrong)
	t.Logf("numbers: %d, in the human translation: %d (%.1f%%); sentences the number check would retry: %d of %d", nums, numsFound, 100*numRecall, flagged, len(ar))
	if names < 100 {
		t.Errorf("only %d names found in %d news sentences", names, len(ar))
	}
	// Most disagreements are the translator's surface forms (US, UK, EU
	// for the gazetteer's United States, United Kingdom, European Union),
	// which is the inconsistency the protector exists to remove; a
	// matching bug that wrote names for common words would fall far below.
	if namePrec < 0.65 {
		t.Errorf("name agreement %.2f < 0.65", namePrec)
	}
	if numRecall < 0.95 {
		t.Errorf("number check accepts only %.2f of the human translation's numbers", numRecall)
	}
}
