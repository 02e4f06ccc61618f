package translate

// Names and numbers.
//
// How jisr keeps them right: pre-editing plus a post-edit check, not opaque
// placeholders. Engines mangle placeholders such as "__E1__" (they
// translate, reorder or drop them, and an LLM may "explain" them), but
// every engine we support copies Latin-script names and Western digits
// through unchanged. So before a segment goes out:
//   - every gazetteer name (any Arabic spelling, matched with
//     arabic.NameKey, with its proclitics و ف ب ك ل split off by package
//     arabic) is replaced by its English name, so the same entity gets the
//     same English in every segment;
//   - Arabic-Indic and Eastern digits, and the Arabic decimal, thousands
//     and percent signs, become Western ones.
// The Expect that Protect returns lists the English names and the numbers
// the translation must contain; Missing checks a translation against it.
// The runner (package run) retries a segment that fails the check alone
// and reports it when it still fails.

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jisr-news/jisr/generator/arabic"
)

// Name is a known entity: its English name and its Arabic spellings.
// Except lists Arabic phrases that start like one of the spellings but do
// not name the entity (مسقط رأس is "birthplace", not Muscat).
type Name struct {
	EN     string
	AR     []string
	Except []string
}

// Protector pre-edits Arabic segments so that known names and numbers
// survive translation. The zero value and nil protect numbers only. A
// Protector is safe for concurrent use.
type Protector struct {
	names  map[string]string   // normalized Arabic token sequence → English
	except map[string][]string // first normalized token → exception phrases
	firsts map[string]bool     // normalized first tokens of names
	maxLen int                 // most tokens in a name
	seg    *arabic.Segmenter
}

// NewProtector builds a Protector for the given names. Spellings that
// normalize alike share one entry; the first English name given wins.
func NewProtector(names []Name) *Protector {
	p := &Protector{names: map[string]string{}, except: map[string][]string{}, firsts: map[string]bool{}}
	var protect []string
	for _, n := range names {
		en := strings.TrimSpace(n.EN)
		if en == "" {
			continue
		}
		for _, ar := range n.AR {
			toks := arabic.Tokenize(ar)
			if len(toks) == 0 {
				continue
			}
			key := tokenKey(toks)
			if _, dup := p.names[key]; !dup {
				p.names[key] = en
			}
			p.maxLen = max(p.maxLen, len(toks))
			p.firsts[arabic.NameKey(toks[0].Text)] = true
			// The first word of a name must never be split by the
			// clitic segmenter (بغداد is not ب + غداد).
			protect = append(protect, toks[0].Text)
		}
		for _, ex := range n.Except {
			if toks := arabic.Tokenize(ex); len(toks) > 0 {
				first := arabic.NameKey(toks[0].Text)
				p.except[first] = append(p.except[first], tokenKey(toks))
			}
		}
	}
	p.seg = arabic.NewSegmenter(protect, nil)
	return p
}

func tokenKey(toks []arabic.Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = arabic.NameKey(t.Text)
	}
	return strings.Join(parts, " ")
}

// Expect is what a translation of a protected segment must contain.
type Expect struct {
	Names   []string // English names, as the gazetteer writes them
	Numbers []string // numbers, Western digits, without thousands separators
}

var (
	digitFold        = strings.NewReplacer("٫", ".", "٬", ",", "٪", "%")
	arabicCommaGroup = regexp.MustCompile(`([0-9])،([0-9]{3})\b`)
)

// Protect returns the text to send to an engine, with known names in
// English and digits Western, and what the translation must contain.
func (p *Protector) Protect(ar string) (string, Expect) {
	text := digitFold.Replace(arabic.WesternDigits(ar))
	// The Arabic comma between digit groups is a thousands separator
	// (30،000); engines read a Western one better.
	text = arabicCommaGroup.ReplaceAllString(text, "$1,$2")
	var exp Expect
	if p != nil && len(p.names) > 0 {
		text, exp.Names = p.replaceNames(text)
	}
	exp.Numbers = numbers(text)
	return text, exp
}

// replaceNames replaces the longest known names, left to right.
func (p *Protector) replaceNames(text string) (string, []string) {
	toks := arabic.Tokenize(text)
	norms := make([]string, len(toks))
	for i, t := range toks {
		norms[i] = arabic.NameKey(t.Text)
	}
	var b strings.Builder
	var found []string
	seen := map[string]bool{}
	last := 0
	for i := 0; i < len(toks); {
		pre, en, n := p.match(text, toks[i:], norms[i:])
		if n == 0 || p.excepted(norms[i:]) {
			i++
			continue
		}
		b.WriteString(text[last:toks[i].Start])
		if pre != "" {
			b.WriteString(pre + " ")
		}
		b.WriteString(en)
		last = toks[i+n-1].End
		if !seen[en] {
			seen[en] = true
			found = append(found, en)
		}
		i += n
	}
	if found == nil {
		return text, nil
	}
	b.WriteString(text[last:])
	return b.String(), found
}

// excepted reports whether toks start with an exception phrase.
func (p *Protector) excepted(norms []string) bool {
	for _, ex := range p.except[norms[0]] {
		n := strings.Count(ex, " ") + 1
		// A prefix of the text: مسقط رأس also excepts مسقط رأسه.
		if n <= len(norms) && strings.HasPrefix(strings.Join(norms[:n], " "), ex) {
			return true
		}
	}
	return false
}

// match finds the longest name starting at toks[0] and returns the
// proclitics split off its first word, its English name and its length in
// tokens (0 for no match).
func (p *Protector) match(text string, toks []arabic.Token, norms []string) (pre, en string, n int) {
	// The words of a name are separated by spaces only.
	span := 1
	for span < len(toks) && span < p.maxLen && strings.TrimSpace(text[toks[span-1].End:toks[span].Start]) == "" {
		span++
	}
	type head struct{ pre, key string }
	var heads []head
	if p.firsts[norms[0]] {
		heads = append(heads, head{"", norms[0]})
	}
	var analyses []arabic.Parts
	if r, _ := utf8.DecodeRuneInString(toks[0].Text); strings.ContainsRune("وفبكل", r) {
		// Only a word that starts with a proclitic letter can carry one.
		analyses = p.seg.Analyze(toks[0].Text)
	}
	for _, a := range analyses {
		if a.Fut || a.Infl != "" || a.Suffix != "" || (a.Conj == "" && a.Prep == "") {
			continue
		}
		// The word without its proclitics, keyed like the names (Stem is
		// normalized more loosely).
		pre := a.Conj + a.Prep
		if !strings.HasPrefix(norms[0], pre) {
			continue
		}
		key := norms[0][len(pre):]
		if a.Prep == "ل" && (a.Det || strings.HasPrefix(a.Stem, "ال")) && !strings.HasPrefix(key, "ال") {
			key = "ا" + key // لل = ل + ال
		}
		if p.firsts[key] {
			heads = append(heads, head{a.Conj + a.Prep, key})
		}
	}
	if len(heads) == 0 {
		return "", "", 0
	}
	for l := span; l >= 1; l-- {
		rest := ""
		if l > 1 {
			rest = " " + strings.Join(norms[1:l], " ")
		}
		for _, h := range heads {
			if e, ok := p.names[h.key+rest]; ok {
				return h.pre, e, l
			}
		}
	}
	return "", "", 0
}

var numberRE = regexp.MustCompile(`[0-9]+(?:[.,][0-9]+)*`)

// numbers returns the numbers of a Western-digit text, thousands commas
// removed, in order of first appearance.
func numbers(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range numberRE.FindAllString(s, -1) {
		n := strings.ReplaceAll(m, ",", "")
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// Missing returns the names and numbers of e that the English text en
// lacks. Names are matched without regard to case. A number counts as
// present when the English has it with or without thousands separators
// (also "76.000" read as 76,000 and "116 123"), with leading zeros
// ("02:30"), as a part of a time or decimal ("5:30" → "5.30"), scaled by
// a power of a thousand as engines write ألف and مليون ("50 ألف" →
// "50,000"), or, from zero to twelve, spelled out ("8 أشخاص" → "eight
// people"). The rules were tuned on professional translations of news
// (NTREX), so that a good translation is rarely flagged.
func (e Expect) Missing(en string) []string {
	var miss []string
	lower := strings.ToLower(en)
	for _, n := range e.Names {
		if !strings.Contains(lower, strings.ToLower(n)) {
			miss = append(miss, n)
		}
	}
	if len(e.Numbers) == 0 {
		return miss
	}
	text := digitFold.Replace(arabic.WesternDigits(en))
	text = spaceGroup.ReplaceAllString(text, "$1$2")
	have := map[string]bool{}
	for _, h := range numbers(text) {
		have[trimZeros(h)] = true
		for _, part := range strings.Split(h, ".") {
			have[trimZeros(part)] = true
		}
	}
	words := map[string]bool{}
	for _, w := range wordRE.FindAllString(lower, -1) {
		words[w] = true
	}
	for _, n := range e.Numbers {
		if !hasNumber(have, words, n) {
			miss = append(miss, n)
		}
	}
	return miss
}

var (
	spaceGroup = regexp.MustCompile(`([0-9]) ([0-9]{3})\b`)
	wordRE     = regexp.MustCompile(`[a-z]+`)
	smallWords = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}
)

// trimZeros drops leading zeros of an integer part: "02" → "2".
func trimZeros(s string) string {
	t := strings.TrimLeft(s, "0")
	if t == "" || t[0] == '.' {
		return "0" + t
	}
	return t
}

func hasNumber(have, words map[string]bool, n string) bool {
	n = trimZeros(n)
	if have[n] {
		return true
	}
	whole, frac, dotted := strings.Cut(n, ".")
	if dotted && len(frac) == 3 && have[whole+frac] {
		return true // 76.000 written with a dot for thousands
	}
	if !dotted {
		if i, err := strconv.Atoi(n); err == nil && i < len(smallWords) && words[smallWords[i]] {
			return true
		}
	}
	// Scaled: 50 → 50000, 1.5 → 1500000.
	digits := whole + frac
	for h := range have {
		if len(h) > len(digits) && strings.HasPrefix(h, digits) && strings.Trim(h[len(digits):], "0") == "" &&
			(len(h)-len(whole))%3 == 0 {
			return true
		}
	}
	return false
}
