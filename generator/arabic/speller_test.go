package arabic

import (
	"bytes"
	"hash/fnv"
	"strings"
	"testing"
)

// heldOutPair reports whether a pair belongs to the 20% of Arabic words
// held out of training: chosen by a hash of the Arabic word, so the split
// is deterministic and no word is on both sides.
func heldOutPair(p NameWordPair) bool {
	h := fnv.New32a()
	h.Write([]byte(p.AR))
	return h.Sum32()%5 == 0
}

// TestSpellingHeldOut trains the Speller on 80% of the Wikidata name
// words and measures, on the other 20% (words it never saw), exact match
// and character error rate of its spelling against Wikidata's commonest
// English spelling, beside the rule-based Transliterate:
//
//	go test ./generator/arabic -run SpellingHeldOut -v
func TestSpellingHeldOut(t *testing.T) {
	var train, held []NameWordPair
	best := map[string]NameWordPair{}
	for _, p := range NameWordPairs() {
		if heldOutPair(p) {
			if b, ok := best[p.AR]; !ok || p.Count > b.Count {
				best[p.AR] = p
			}
		} else {
			train = append(train, p)
		}
	}
	for _, p := range best {
		if isPlainLatin(strings.ToLower(p.EN)) {
			held = append(held, p)
		}
	}
	sp := TrainSpeller(train)
	var exS, exR int
	var errS, errR, chars int
	for _, p := range held {
		want := strings.ToLower(p.EN)
		gotS := strings.ToLower(sp.Spell(p.AR))
		gotR := strings.ToLower(strings.TrimPrefix(translitWord(p.AR), "al-"))
		if gotS == want {
			exS++
		}
		if gotR == want {
			exR++
		}
		errS += editDistance(gotS, want)
		errR += editDistance(gotR, want)
		chars += len(want)
	}
	n := float64(len(held))
	t.Logf("%d held-out name words: learned speller exact %.1f%% CER %.1f%%; rules (translitWord) exact %.1f%% CER %.1f%%",
		len(held), 100*float64(exS)/n, 100*float64(errS)/float64(chars), 100*float64(exR)/n, 100*float64(errR)/float64(chars))
	if errS >= errR {
		t.Errorf("the learned speller (CER %d) is no better than the rules (%d)", errS, errR)
	}
	// Floors just under the figures of the beam search with the English
	// character model over two contexts' chunks (exact 19.9%, CER 26.2%);
	// with the longest context's chunks alone it scored 19.6%, and the
	// letter-by-letter choice before it 16.0% and 28.3%.
	if ex, cer := 100*float64(exS)/n, 100*float64(errS)/float64(chars); ex < 19.7 || cer > 26.5 {
		t.Errorf("held-out exact %.1f%%, CER %.1f%%: want at least 19.7%% and at most 26.5%%", ex, cer)
	}
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func TestSpellerKnownWords(t *testing.T) {
	sp := DefaultSpeller()
	for ar, want := range map[string]string{"فينغر": "", "رونالدو": "Ronaldo", "ليام": "Liam"} {
		got := sp.Spell(ar)
		if want != "" && got != want {
			t.Errorf("Spell(%s) = %q, want %q", ar, got, want)
		}
		t.Logf("%s → %s", ar, got)
	}
}

// BenchmarkDefaultSpeller measures reading the embedded table and learning
// the whole words and the character model from the name pairs, then
// spelling a few unseen words:
//
//	go test ./generator/arabic -run '^$' -bench DefaultSpeller -benchtime 3x
func BenchmarkDefaultSpeller(b *testing.B) {
	for n := 0; n < b.N; n++ {
		s, err := ReadSpeller(bytes.NewReader(spellerGz), NameWordPairs())
		if err != nil {
			b.Fatal(err)
		}
		for _, w := range []string{"فينغر", "كورتوا", "بلومبرغ", "زقزوق"} {
			s.Spell(w)
		}
	}
}
