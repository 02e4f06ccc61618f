// Package arabic holds the Arabic text handling that analysis, search and
// the gist translator share: normalization for matching, digit conversion,
// tokenization and clitic segmentation (Segment, Stems, Segmenter, with
// names protected from splitting). Keep every such rule here, in one
// place.
//
// In: Arabic text. Out: normalized keys, tokens and analyses of words into
// clitics and stems; display text is never changed by these functions,
// only the keys that are compared.
package arabic

import (
	"strings"
	"unicode"
)

// Tatweel is the Arabic elongation character.
const Tatweel = '\u0640'

// IsDiacritic reports whether r is an Arabic short vowel, shadda, sukun,
// tanween or other combining mark that spelling commonly omits.
func IsDiacritic(r rune) bool {
	return (r >= '\u064B' && r <= '\u065F') || r == '\u0670' ||
		(r >= '\u06D6' && r <= '\u06ED') || (r >= '\u0610' && r <= '\u061A')
}

// Normalize returns the matching key of s: diacritics and tatweel removed;
// alef forms (أ إ آ ٱ) folded to ا; ى folded to ي; ة folded to ه; hamza
// seats ؤ ئ folded to و ي; Arabic-Indic and Eastern digits made Western.
// Two spellings of one word that news text treats as the same get the same
// key.
func Normalize(s string) string { return fold(s, 0) }

// What fold keeps apart from the letters Normalize merges.
const (
	keepTaMarbuta   = 1 << iota // ة stays ة instead of becoming ه
	keepAlefMaqsura             // ى stays ى instead of becoming ي
)

// fold is the one implementation of Arabic normalization: Normalize,
// NameKey and the segmenter's light form differ only in the letters that
// keep tells it to leave alone.
func fold(s string, keep int) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case IsDiacritic(r) || r == Tatweel:
			continue
		case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
			r = 'ا'
		case r == 'ى' && keep&keepAlefMaqsura == 0:
			r = 'ي'
		case r == 'ة' && keep&keepTaMarbuta == 0:
			r = 'ه'
		case r == 'ؤ':
			r = 'و'
		case r == 'ئ':
			r = 'ي'
		}
		b.WriteRune(WesternDigit(r))
	}
	return b.String()
}

// WesternDigit maps an Arabic-Indic (٠-٩) or Eastern Arabic-Indic (۰-۹)
// digit to its ASCII digit and returns any other rune unchanged.
func WesternDigit(r rune) rune {
	switch {
	case r >= '٠' && r <= '٩':
		return '0' + (r - '٠')
	case r >= '۰' && r <= '۹':
		return '0' + (r - '۰')
	}
	return r
}

// WesternDigits converts every Arabic-Indic and Eastern digit in s to ASCII.
func WesternDigits(s string) string {
	return strings.Map(WesternDigit, s)
}

// IsArabicLetter reports whether r is a letter of the Arabic script.
func IsArabicLetter(r rune) bool {
	return unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r)
}

// HasArabic reports whether s contains an Arabic letter.
func HasArabic(s string) bool {
	for _, r := range s {
		if IsArabicLetter(r) {
			return true
		}
	}
	return false
}

// Token is a word or number of a text with its byte offsets.
type Token struct {
	Text       string
	Start, End int // byte offsets in the original text
}

// Tokenize splits s into words and numbers: maximal runs of letters,
// marks and digits (with tatweel), with byte offsets. Punctuation and
// spaces separate tokens and are not returned.
func Tokenize(s string) []Token {
	var toks []Token
	start := -1
	for i, r := range s {
		in := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == Tatweel
		if in && start < 0 {
			start = i
		} else if !in && start >= 0 {
			toks = append(toks, Token{s[start:i], start, i})
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, Token{s[start:], start, len(s)})
	}
	return toks
}
