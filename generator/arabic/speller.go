package arabic

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Speller spells Arabic name words in English, learned from name pairs
// (NameWordPairs): each pair is aligned letter by letter (every Arabic
// letter takes a chunk of the English word: its consonant and the vowels
// Arabic leaves unwritten after it, "" for a silent letter), and for each
// Arabic letter in its context (the letters before and after it) the
// commonest chunk is kept. Spelling a word takes, letter by letter, the
// chunk of the longest context seen in training.
//
// Written by hand: it is a small, deterministic letter-context model that
// needs no library; the alignment is a dynamic program over a short
// table of which English letters may spell which Arabic letter.
type Speller struct {
	// chunk maps a context key to the counts of the English chunks seen.
	chunk map[string]map[string]int
	best  map[string]string
	known map[string]string // whole words seen in training: their spelling
}

// latinOf lists the English letters that may open the chunk of an Arabic
// letter; "" means the letter may be silent.
var latinOf = map[rune][]string{
	'ب': {"b", "p"}, 'ت': {"t"}, 'ث': {"th", "t", "s"}, 'ج': {"j", "g", "dj", "dzh", "zh"},
	'ح': {"h", ""}, 'خ': {"kh", "ch", "h", "j", "x"}, 'د': {"d"}, 'ذ': {"dh", "z", "th", "d"},
	'ر': {"r"}, 'ز': {"z", "s", "ts", "x"}, 'س': {"s", "c", "z", "ss", "x"}, 'ش': {"sh", "ch", "sch", "s", "x", "j", "g"},
	'ص': {"s", "ss", "c"}, 'ض': {"d", "dh"}, 'ط': {"t", "th"}, 'ظ': {"z", "dh", "th"},
	'ع': {"", "a", "e", "i", "o", "u", "'"}, 'غ': {"g", "gh", "r"}, 'ف': {"f", "v", "ph", "w"}, 'ق': {"q", "k", "g", "c"},
	'ك': {"k", "c", "ck", "q", "ch", "g", "x"}, 'ل': {"l", "ll"}, 'م': {"m", "mm"}, 'ن': {"n", "nn"},
	'ه': {"h", "", "e", "a"}, 'ة': {"a", "ah", "e", "at", ""}, 'ء': {"", "'", "a", "e"},
	'ا': {"a", "e", "o", "i", "", "aa", "u"}, 'أ': {"a", "e", "o", "i", "u", ""}, 'إ': {"i", "e", "a", ""}, 'آ': {"a", "aa"},
	'ى': {"a", "y", "i", "e"}, 'و': {"o", "u", "w", "v", "ou", "oo", "au", "eau", ""}, 'ي': {"i", "y", "e", "ee", "ie", "j", "ai", "ei", ""},
	'ئ': {"", "'", "i", "e", "y"}, 'ؤ': {"", "'", "u", "o"}, 'پ': {"p"}, 'ڤ': {"v"}, 'گ': {"g"}, 'چ': {"ch"},
}

func isLatinVowel(b byte) bool { return strings.IndexByte("aeiouy", b) >= 0 }

// align splits en into one chunk per Arabic letter of ar, or returns nil
// when the table allows no split. Each chunk is an allowed opening
// (latinOf) followed by unwritten vowels (and doubled consonants).
func align(ar []rune, en string) []string {
	n, m := len(ar), len(en)
	// ok[i][j]: the first i letters can spell en[:j]; from[i][j] the j of
	// the previous letter.
	const none = -1
	from := make([][]int, n+1)
	for i := range from {
		from[i] = make([]int, m+1)
		for j := range from[i] {
			from[i][j] = none
		}
	}
	from[0][0] = 0
	for i := 0; i < n; i++ {
		opens := latinOf[ar[i]]
		for j := 0; j <= m; j++ {
			if from[i][j] == none {
				continue
			}
			for _, o := range opens {
				if !strings.HasPrefix(en[j:], o) {
					continue
				}
				k := j + len(o)
				for {
					if from[i+1][k] == none {
						from[i+1][k] = j
					}
					// Unwritten vowels or a doubled letter may follow.
					if k < m && (isLatinVowel(en[k]) || (k > 0 && en[k] == en[k-1]) || en[k] == '-' || en[k] == '\'') {
						k++
						continue
					}
					break
				}
			}
		}
	}
	if from[n][m] == none {
		return nil
	}
	out := make([]string, n)
	j := m
	for i := n; i > 0; i-- {
		p := from[i][j]
		out[i-1] = en[p:j]
		j = p
	}
	return out
}

// ctxShapes are the contexts of a letter, most specific first: how many
// letters before and after it each one takes. Training and Spell both
// read them, so a key is spelled one way.
var ctxShapes = [...][2]int{{2, 2}, {1, 2}, {2, 1}, {1, 1}, {1, 0}, {0, 1}, {0, 0}}

// appendCtx appends to b the key of letter i of ar in context shape:
// the letters before, "|", the letter, "|", the letters after, with "^"
// and "$" past the word's ends.
func appendCtx(b []byte, ar []rune, i int, shape [2]int) []byte {
	at := func(b []byte, k int) []byte {
		switch {
		case k < 0:
			return append(b, '^')
		case k >= len(ar):
			return append(b, '$')
		}
		return utf8.AppendRune(b, ar[k])
	}
	for k := i - shape[0]; k < i; k++ {
		b = at(b, k)
	}
	b = append(b, '|')
	b = utf8.AppendRune(b, ar[i])
	b = append(b, '|')
	for k := i + 1; k <= i+shape[1]; k++ {
		b = at(b, k)
	}
	return b
}

// ctxKeys returns the keys of letter i of ar, in ctxShapes' order.
func ctxKeys(ar []rune, i int) []string {
	keys := make([]string, len(ctxShapes))
	for n, sh := range ctxShapes {
		keys[n] = string(appendCtx(nil, ar, i, sh))
	}
	return keys
}

// nameLetters returns the letters of an Arabic word as the speller sees
// them: diacritics and tatweel dropped, nothing else changed.
func nameLetters(w string) []rune {
	var rs []rune
	for _, r := range w {
		if IsDiacritic(r) || r == Tatweel {
			continue
		}
		rs = append(rs, r)
	}
	return rs
}

// TrainSpeller learns a Speller from name pairs. Pairs the alignment
// table cannot split are skipped.
func TrainSpeller(pairs []NameWordPair) *Speller {
	s := &Speller{chunk: map[string]map[string]int{}, best: map[string]string{}, known: map[string]string{}}
	knownN := map[string]int{}
	for _, p := range pairs {
		ar := nameLetters(p.AR)
		en := strings.ToLower(p.EN)
		if len(ar) == 0 || !isPlainLatin(en) {
			continue
		}
		if p.Count > knownN[string(ar)] {
			s.known[string(ar)], knownN[string(ar)] = en, p.Count
		}
		ch := align(ar, en)
		if ch == nil {
			continue
		}
		for i := range ar {
			for _, k := range ctxKeys(ar, i) {
				if s.chunk[k] == nil {
					s.chunk[k] = map[string]int{}
				}
				s.chunk[k][ch[i]] += p.Count
			}
		}
	}
	for k, cs := range s.chunk {
		best, bn := "", -1
		for c, n := range cs {
			if n > bn || (n == bn && c < best) {
				best, bn = c, n
			}
		}
		// A context seen once is no evidence: back off from it.
		total := 0
		for _, n := range cs {
			total += n
		}
		if total >= 2 || strings.Count(k, "|") == 2 && len(k) <= 6 {
			s.best[k] = best
		}
	}
	s.chunk = nil
	return s
}

func isPlainLatin(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return s != ""
}

// Spell writes one Arabic name word in English, capitalized: the spelling
// of training when the word was seen, else chunk by chunk.
func (s *Speller) Spell(w string) string {
	ar := nameLetters(w)
	if len(ar) == 0 {
		return w
	}
	en, ok := s.known[string(ar)]
	if !ok {
		// One key buffer for the whole word: the look-ups by
		// string(key) do not allocate.
		var b strings.Builder
		var key []byte
		for i := range ar {
			for _, sh := range ctxShapes {
				key = appendCtx(key[:0], ar, i, sh)
				if c, ok := s.best[string(key)]; ok {
					b.WriteString(c)
					break
				}
			}
		}
		en = b.String()
	}
	if en == "" {
		return w
	}
	r, size := utf8.DecodeRuneInString(en)
	return string(unicode.ToUpper(r)) + en[size:]
}

//go:embed data/speller.tsv.gz
var spellerGz []byte

var (
	spellerOnce sync.Once
	speller     *Speller
)

// DefaultSpeller returns the Speller trained on every embedded name pair
// (its table, data/speller.tsv.gz, is written by scripts/arabic-speller.go
// from data/wikidata-names.tsv.gz), read once. Whole words of the name
// table keep their commonest Wikidata spelling.
func DefaultSpeller() *Speller {
	spellerOnce.Do(func() {
		s, err := ReadSpeller(bytes.NewReader(spellerGz))
		if err != nil {
			panic("arabic: embedded speller: " + err.Error())
		}
		speller = s
	})
	return speller
}

// WriteTable writes the speller's context table (gzip, one "context TAB
// chunk" per line, sorted) and its whole words ("=word TAB spelling").
func (s *Speller) WriteTable(w io.Writer) error {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	var lines []string
	for k, c := range s.best {
		lines = append(lines, k+"\t"+c)
	}
	for k, c := range s.known {
		lines = append(lines, "="+k+"\t"+c)
	}
	sort.Strings(lines)
	for _, l := range lines {
		if _, err := io.WriteString(zw, l+"\n"); err != nil {
			return err
		}
	}
	return zw.Close()
}

// ReadSpeller reads a table written by WriteTable.
func ReadSpeller(r io.Reader) (*Speller, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("speller table: %w", err)
	}
	s := &Speller{best: map[string]string{}, known: map[string]string{}}
	sc := bufio.NewScanner(zr)
	line := 0
	for sc.Scan() {
		line++
		k, c, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			return nil, fmt.Errorf("speller table line %d: no tab", line)
		}
		if w, ok := strings.CutPrefix(k, "="); ok {
			s.known[w] = c
		} else {
			s.best[k] = c
		}
	}
	return s, sc.Err()
}
