package arabic

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strconv"
	"strings"
)

// data/wikidata-names.tsv.gz holds the words of person names in Wikidata
// labels, English and Arabic, aligned word by word, with how many names
// use each pair (built by scripts/names-wikidata.py from the COLING 2018
// release of Merhav and Ash; Wikidata, CC0 1.0). NameWordCount says from it
// how likely a word is a name word (the tagger's feature); the Speller
// learns from its pairs how English writes name words.
//
//go:embed data/wikidata-names.tsv.gz
var nameWordsGz []byte

// nameWords maps a normalized word to the names using it, all spellings.
var nameWords = NewLoaded(loadNameWords)

// NameWordPair is one Arabic/English pair of the name-word table.
type NameWordPair struct {
	AR, EN string
	Count  int
}

// NameWordPairs returns every pair of the embedded name-word table, in the
// table's order (Arabic word, then count descending). Evaluation code
// splits them to measure spelling on pairs held out of any mapping.
func NameWordPairs() []NameWordPair {
	zr, err := gzip.NewReader(bytes.NewReader(nameWordsGz))
	if err != nil {
		panic("arabic: embedded name words: " + err.Error())
	}
	var out []NameWordPair
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 3 {
			continue
		}
		n, _ := strconv.Atoi(f[2])
		out = append(out, NameWordPair{f[0], f[1], n})
	}
	return out
}

func loadNameWords() map[string]int {
	counts := map[string]int{}
	for _, p := range NameWordPairs() {
		counts[Normalize(p.AR)] += p.Count
	}
	return counts
}

// NameWordCount returns how many Wikidata person names use the word key (a
// normalized Arabic word, see Normalize), 0 for a word no name uses.
func NameWordCount(key string) int {
	return nameWords.Get()[key]
}
