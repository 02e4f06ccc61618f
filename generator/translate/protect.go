package translate

// Names and numbers.
//
// How jisr keeps them right: pre-editing plus a post-edit check, not opaque
// placeholders. Engines mangle placeholders such as "__E1__" (they
// translate, reorder or drop them, and an LLM may "explain" them), but
// every engine we support copies Latin-script names and Western digits
// through unchanged. So before a segment goes out:
//   - every gazetteer name (any Arabic spelling, with its proclitics و ف ب
//     ك ل split off by package arabic) is replaced by its English name,
//     so the same entity gets the same English in every segment;
//   - Arabic-Indic and Eastern digits, and the Arabic decimal, thousands
//     and percent signs, become Western ones.
// The Expect that Protect returns lists the English names and the numbers
// the translation must contain; Missing checks a translation against it.
// The runner (package run) retries a segment that fails the check alone
// and reports it when it still fails.

import (
	"regexp"
	"strings"

	"github.com/jisr-news/jisr/generator/arabic"
)

// Name is a known entity: its English name and its Arabic spellings.
type Name struct {
	EN string
	AR []string
}

// Protector pre-edits Arabic segments so that known names and numbers
// survive translation. The zero value and nil protect numbers only. A
// Protector is safe for concurrent use.
type Protector struct {
	names  map[string]string // normalized Arabic token sequence → English
	maxLen int               // most tokens in a name
	seg    *arabic.Segmenter
}

// NewProtector builds a Protector for the given names. Spellings that
// normalize alike share one entry; the first English name given wins.
func NewProtector(names []Name) *Protector {
	p := &Protector{names: map[string]string{}}
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
			// The first word of a name must never be split by the
			// clitic segmenter (بغداد is not ب + غداد).
			protect = append(protect, toks[0].Text)
		}
	}
	p.seg = arabic.NewSegmenter(protect, nil)
	return p
}

func tokenKey(toks []arabic.Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = arabic.Normalize(t.Text)
	}
	return strings.Join(parts, " ")
}

// Expect is what a translation of a protected segment must contain.
type Expect struct {
	Names   []string // English names, as the gazetteer writes them
	Numbers []string // numbers, Western digits, without thousands separators
}

var digitFold = strings.NewReplacer("٫", ".", "٬", ",", "٪", "%")

// Protect returns the text to send to an engine, with known names in
// English and digits Western, and what the translation must contain.
func (p *Protector) Protect(ar string) (string, Expect) {
	text := digitFold.Replace(arabic.WesternDigits(ar))
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
	var b strings.Builder
	var found []string
	seen := map[string]bool{}
	last := 0
	for i := 0; i < len(toks); {
		pre, en, n := p.match(text, toks[i:])
		if n == 0 {
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

// match finds the longest name starting at toks[0] and returns the
// proclitics split off its first word, its English name and its length in
// tokens (0 for no match).
func (p *Protector) match(text string, toks []arabic.Token) (pre, en string, n int) {
	// The words of a name are separated by spaces only.
	span := 1
	for span < len(toks) && span < p.maxLen && strings.TrimSpace(text[toks[span-1].End:toks[span].Start]) == "" {
		span++
	}
	type head struct{ pre, key string }
	heads := []head{{"", arabic.Normalize(toks[0].Text)}}
	for _, a := range p.seg.Analyze(toks[0].Text) {
		if a.Fut || a.Infl != "" || a.Suffix != "" || (a.Conj == "" && a.Prep == "") {
			continue
		}
		key := a.Stem
		if a.Det {
			key = "ال" + key
		}
		heads = append(heads, head{a.Conj + a.Prep, key})
	}
	for l := span; l >= 1; l-- {
		rest := ""
		if l > 1 {
			rest = " " + tokenKey(toks[1:l])
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
// lacks. Names are matched without regard to case. A number also counts
// as present when the English writes it out scaled by a power of a
// thousand, as engines do with ألف and مليون ("50 ألف" → "50,000").
func (e Expect) Missing(en string) []string {
	var miss []string
	lower := strings.ToLower(en)
	for _, n := range e.Names {
		if !strings.Contains(lower, strings.ToLower(n)) {
			miss = append(miss, n)
		}
	}
	have := numbers(digitFold.Replace(arabic.WesternDigits(en)))
	for _, n := range e.Numbers {
		if !hasNumber(have, n) {
			miss = append(miss, n)
		}
	}
	return miss
}

func hasNumber(have []string, n string) bool {
	for _, h := range have {
		if h == n {
			return true
		}
		// Scaled: 50 → 50000, 1.5 → 1500000.
		whole, frac, _ := strings.Cut(n, ".")
		digits := whole + frac
		if len(h) > len(digits) && strings.HasPrefix(h, digits) && strings.Trim(h[len(digits):], "0") == "" &&
			(len(h)-len(whole))%3 == 0 {
			return true
		}
	}
	return false
}
