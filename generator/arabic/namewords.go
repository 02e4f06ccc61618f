package arabic

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// data/wikidata-names.tsv.gz holds the words of person names in Wikidata
// labels, English and Arabic, aligned word by word, with how many names
// use each pair (built by scripts/names-wikidata.py from the COLING 2018
// release of Merhav and Ash; Wikidata, CC0 1.0). It is used for two things:
// how likely a word is a name word (the tagger's feature, NameWordCount),
// and how English writes it (NameSpelling).
//
//go:embed data/wikidata-names.tsv.gz
var nameWordsGz []byte

type nameWord struct {
	en    string // the commonest English spelling
	n     int    // names using the word, all spellings
	enN   int    // names using the commonest spelling
	pairs int    // distinct English spellings
}

var (
	nameWordsOnce sync.Once
	nameWords     map[string]*nameWord
)

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

func loadNameWords() {
	nameWords = map[string]*nameWord{}
	for _, p := range NameWordPairs() {
		k := Normalize(p.AR)
		w := nameWords[k]
		if w == nil {
			w = &nameWord{}
			nameWords[k] = w
		}
		w.n += p.Count
		w.pairs++
		if p.Count > w.enN {
			w.en, w.enN = p.EN, p.Count
		}
	}
}

// NameWordCount returns how many Wikidata person names use the word key (a
// normalized Arabic word, see Normalize), 0 for a word no name uses.
func NameWordCount(key string) int {
	nameWordsOnce.Do(loadNameWords)
	if w := nameWords[key]; w != nil {
		return w.n
	}
	return 0
}

// NameSpelling returns how English writes the Arabic name word w (one
// word, clitics removed) in Wikidata's person names, capitalized: the
// spelling most names use, when at least two names use it and it is at
// least half of all the word's uses. It returns false otherwise.
func NameSpelling(w string) (string, bool) {
	nameWordsOnce.Do(loadNameWords)
	nw := nameWords[Normalize(w)]
	if nw == nil || nw.enN < 2 || 2*nw.enN < nw.n {
		return "", false
	}
	r, size := utf8.DecodeRuneInString(nw.en)
	return string(unicode.ToUpper(r)) + nw.en[size:], true
}
