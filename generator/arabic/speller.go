package arabic

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Speller spells Arabic name words in English, learned from name pairs
// (NameWordPairs): each pair is aligned letter by letter (every Arabic
// letter takes a chunk of the English word: its consonant and the vowels
// Arabic leaves unwritten after it, "" for a silent letter), and for each
// Arabic letter in its context (the letters before and after it) the
// commonest chunks are kept with their counts. Spelling a word searches,
// with a small beam, the sequence of chunks (each from the longest context
// seen in training) that is likeliest under the chunk counts times a
// character 4-gram model of the English name words of training, so that
// the chunks agree with each other the way English spellings do
// ("Wenger", not "Finghr").
//
// Written by hand: it is a small, deterministic letter-context model that
// needs no library; the alignment is a dynamic program over a short
// table of which English letters may spell which Arabic letter.
type Speller struct {
	// chunk maps a context key to the counts of the English chunks seen
	// (training only).
	chunk map[string]map[string]int
	// cands maps a context key to its commonest chunks, commonest first.
	cands map[string][]chunkCount
	known map[string]string // whole words seen in training: their spelling
	// lm counts the character n-grams (orders 1 to lmOrder) of the English
	// name words, each word once, written "^word$"; keyed by gramKey.
	lm map[uint32]int32

	// spelled remembers the search's result per word (its letters, as
	// nameLetters keeps them): news repeats the names it spells, and the
	// beam search is the costly part of Spell.
	spelled *Memo[string]
}

// maxSpelled bounds the spellings a Speller remembers.
const maxSpelled = 100_000

// chunkCount is one English chunk of a context and how often training saw
// it there.
type chunkCount struct {
	en string
	n  int
}

// maxCands is how many chunks a context keeps; lmOrder the order of the
// English character model; beamWidth how many partial spellings the
// search keeps.
const (
	maxCands  = 4
	lmOrder   = 4
	beamWidth = 8
)

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
	s := &Speller{chunk: map[string]map[string]int{}, cands: map[string][]chunkCount{}, spelled: NewMemo[string](maxSpelled)}
	for _, p := range pairs {
		ar := nameLetters(p.AR)
		en := strings.ToLower(p.EN)
		if len(ar) == 0 || !isPlainLatin(en) {
			continue
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
		// A context seen once is no evidence: back off from it.
		total := 0
		for _, n := range cs {
			total += n
		}
		if !(total >= 2 || strings.Count(k, "|") == 2 && len(k) <= 6) {
			continue
		}
		l := make([]chunkCount, 0, len(cs))
		for c, n := range cs {
			l = append(l, chunkCount{c, n})
		}
		sort.Slice(l, func(i, j int) bool { return l[i].n > l[j].n || l[i].n == l[j].n && l[i].en < l[j].en })
		if len(l) > maxCands {
			l = l[:maxCands]
		}
		// A chunk under a twentieth of the commonest is noise.
		for len(l) > 1 && l[len(l)-1].n*20 < l[0].n {
			l = l[:len(l)-1]
		}
		s.cands[k] = l
	}
	s.learnPairs(pairs)
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

// learnPairs learns what the pairs give directly: each Arabic word's
// commonest spelling (known) and the English character n-grams of the
// pairs' English words, each distinct word once (lm).
func (s *Speller) learnPairs(pairs []NameWordPair) {
	// Sized for the embedded table (about 190,000 n-grams, 46,000 words).
	s.lm, s.known = make(map[uint32]int32, 4*len(pairs)), make(map[string]string, len(pairs))
	knownN := map[string]int{}
	seen := map[string]bool{}
	for _, p := range pairs {
		ar := string(nameLetters(p.AR))
		en := strings.ToLower(p.EN)
		if ar == "" || !isPlainLatin(en) {
			continue
		}
		if p.Count > knownN[ar] {
			s.known[ar], knownN[ar] = en, p.Count
		}
		if !seen[en] {
			seen[en] = true
			s.addLM(en)
		}
	}
}

// gramKey packs an n-gram of at most lmOrder ASCII characters, none of
// them 0, into one number: the map of the character model then hashes no
// strings, which makes learning it at start-up about four times faster.
func gramKey(g string) uint32 {
	var k uint32
	for i := 0; i < len(g); i++ {
		k = k<<8 | uint32(g[i])
	}
	return k
}

// addLM counts the character n-grams of one English word.
func (s *Speller) addLM(en string) {
	w := "^" + en + "$"
	for i := 1; i <= len(w); i++ {
		for n := 1; n <= lmOrder && n <= i; n++ {
			if n == 1 && i == 1 {
				continue // "^" alone is the history of every word
			}
			s.lm[gramKey(w[i-n:i])]++
		}
	}
	s.lm[0] += int32(len(w) - 1)
	s.lm[gramKey("^")]++
}

// lmScore returns the log score of character c after the history h (at
// most lmOrder-1 characters): the relative frequency of the longest
// history seen, with a factor of 0.4 for each order backed off
// ("stupid backoff", Brants et al. 2007); a character never seen scores
// as one seen once.
func (s *Speller) lmScore(h string, c byte) float64 {
	pen := 0.0
	for {
		hk := gramKey(h)
		if num := s.lm[hk<<8|uint32(c)]; num > 0 {
			if den := s.lm[hk]; den > 0 {
				return pen + math.Log(float64(num)/float64(den))
			}
		}
		if h == "" {
			return pen + math.Log(1/float64(s.lm[0]+1))
		}
		h = h[1:]
		pen += math.Log(0.4)
	}
}

// hyp is a partial spelling of the beam search.
type hyp struct {
	en    string
	score float64
}

// Spell writes one Arabic name word in English, capitalized: the spelling
// of training when the word was seen, else the likeliest sequence of
// chunks (see Speller).
func (s *Speller) Spell(w string) string {
	ar := nameLetters(w)
	if len(ar) == 0 {
		return w
	}
	key := string(ar)
	en, ok := s.known[key]
	if !ok {
		en = s.spelled.Get(key, func(string) string { return s.search(ar) })
	}
	if en == "" {
		return w
	}
	r, size := utf8.DecodeRuneInString(en)
	return string(unicode.ToUpper(r)) + en[size:]
}

// search runs the beam search over the chunks of each letter; the work is
// linear in the word's length.
func (s *Speller) search(ar []rune) string {
	beam := []hyp{{en: "^"}}
	var next []hyp
	var key []byte
	for i := range ar {
		cands := s.mixed(ar, i, &key)
		if len(cands) == 0 {
			continue
		}
		next = next[:0]
		for _, h := range beam {
			for _, c := range cands {
				sc := h.score + math.Log(c.p)
				en := h.en
				for k := 0; k < len(c.en); k++ {
					sc += s.lmScore(tail(en), c.en[k])
					en += c.en[k : k+1]
				}
				next = append(next, hyp{en, sc})
			}
		}
		beam = prune(beam[:0], next)
	}
	best, bs := "", math.Inf(-1)
	for _, h := range beam {
		if sc := h.score + s.lmScore(tail(h.en), '$'); sc > bs {
			best, bs = h.en, sc
		}
	}
	return strings.TrimPrefix(best, "^")
}

// mixWeight is the share of the longest context seen in a letter's chunk
// probabilities; the next shorter context seen has the rest, so that a
// chunk the long context never saw can still win. 0.6 was chosen on a
// fifth of the training words held out again, never on the test words.
var mixWeight = 0.6

// chunkP is a chunk with its probability.
type chunkP struct {
	en string
	p  float64
}

// mixed returns the chunks of letter i of ar: those of the two longest
// contexts seen in training, their probabilities mixed.
func (s *Speller) mixed(ar []rune, i int, key *[]byte) []chunkP {
	var out []chunkP
	found := 0
	w := mixWeight
	for _, sh := range ctxShapes {
		*key = appendCtx((*key)[:0], ar, i, sh)
		cs, ok := s.cands[string(*key)]
		if !ok {
			continue
		}
		total := 0
		for _, c := range cs {
			total += c.n
		}
		if found == 1 {
			w = 1 - mixWeight
		}
		for _, c := range cs {
			p := w * float64(c.n) / float64(total)
			merged := false
			for k := range out {
				if out[k].en == c.en {
					out[k].p += p
					merged = true
				}
			}
			if !merged {
				out = append(out, chunkP{c.en, p})
			}
		}
		found++
		if found == 2 {
			break
		}
	}
	if found == 1 {
		for k := range out {
			out[k].p /= mixWeight
		}
	}
	return out
}

// tail returns the history of the next character: the last lmOrder-1
// characters written.
func tail(en string) string {
	if len(en) < lmOrder {
		return en
	}
	return en[len(en)-(lmOrder-1):]
}

// prune keeps the beamWidth best of hs (one per spelling), in a
// deterministic order.
func prune(dst, hs []hyp) []hyp {
	sort.SliceStable(hs, func(i, j int) bool {
		return hs[i].score > hs[j].score || hs[i].score == hs[j].score && hs[i].en < hs[j].en
	})
	for _, h := range hs {
		if len(dst) == beamWidth {
			break
		}
		dup := false
		for _, d := range dst {
			if d.en == h.en {
				dup = true
				break
			}
		}
		if !dup {
			dst = append(dst, h)
		}
	}
	return append([]hyp(nil), dst...)
}

//go:embed data/speller.tsv.gz
var spellerGz []byte

// speller is the Speller of DefaultSpeller.
var speller = NewLoaded(func() *Speller {
	s, err := ReadSpeller(bytes.NewReader(spellerGz), NameWordPairs())
	if err != nil {
		panic("arabic: embedded speller: " + err.Error())
	}
	return s
})

// DefaultSpeller returns the Speller trained on every embedded name pair
// (its table, data/speller.tsv.gz, is written by scripts/arabic-speller.go
// from data/wikidata-names.tsv.gz), read once (again after
// ReleaseEmbedded). Whole words of the name table keep their commonest
// Wikidata spelling.
func DefaultSpeller() *Speller {
	return speller.Get()
}

// WriteTable writes the speller's table (gzip, sorted lines): each
// context with its chunks ("context TAB chunk=percent,chunk=percent") and
// nothing else: the whole words and the English character model are
// learned again from the name pairs, which jisr embeds anyway, when the
// table is read (ReadSpeller).
func (s *Speller) WriteTable(w io.Writer) error {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	var lines []string
	for k, cs := range s.cands {
		// Counts are written as percents of the context's kept chunks
		// (at least 1): the search only reads their ratios, and small
		// numbers compress well.
		total := 0
		for _, c := range cs {
			total += c.n
		}
		parts := make([]string, len(cs))
		for i, c := range cs {
			parts[i] = c.en + "=" + strconv.Itoa(max(1, (100*c.n+total/2)/total))
		}
		lines = append(lines, k+"\t"+strings.Join(parts, ","))
	}
	sort.Strings(lines)
	for _, l := range lines {
		if _, err := io.WriteString(zw, l+"\n"); err != nil {
			return err
		}
	}
	return zw.Close()
}

// ReadSpeller reads a table written by WriteTable; pairs are the name
// pairs it was trained on, whose English words make the character model.
func ReadSpeller(r io.Reader, pairs []NameWordPair) (*Speller, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("speller table: %w", err)
	}
	s := &Speller{cands: map[string][]chunkCount{}, spelled: NewMemo[string](maxSpelled)}
	sc := bufio.NewScanner(zr)
	line := 0
	for sc.Scan() {
		line++
		k, c, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			return nil, fmt.Errorf("speller table line %d: no tab", line)
		}
		{
			for _, part := range strings.Split(c, ",") {
				i := strings.LastIndexByte(part, '=')
				n, err := strconv.Atoi(part[i+1:])
				if i < 0 || err != nil {
					return nil, fmt.Errorf("speller table line %d: bad chunk %q", line, part)
				}
				s.cands[k] = append(s.cands[k], chunkCount{part[:i], n})
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("speller table: %w", err)
	}
	s.learnPairs(pairs)
	return s, nil
}
