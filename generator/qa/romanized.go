package qa

import (
	"strings"
	"sync"
	"unicode"

	"github.com/jisr-news/jisr/generator/analyze"
	"github.com/jisr-news/jisr/generator/arabic"
	"github.com/jisr-news/jisr/generator/translate/gist"
)

var (
	vocabOnce sync.Once
	vocab     *gist.Engine
)

// common reports whether an Arabic word is ordinary vocabulary (see
// gist.Engine.Common): romanizing it is a failure to translate, where
// romanizing a name is its spelling.
func common(w string) bool {
	vocabOnce.Do(func() { vocab, _ = gist.NewWithoutFreeDict() })
	return vocab != nil && vocab.Common(w)
}

// englishWord reports whether a lower-case Latin word is English (a word
// of the lexicon's glosses: taxi, drama, half).
func englishWord(w string) bool {
	vocabOnce.Do(func() { vocab, _ = gist.NewWithoutFreeDict() })
	return vocab != nil && vocab.EnglishWord(w)
}

// vowelless reports whether a Latin word has no vowel at all ("Njt"), the
// mark of a consonant skeleton, never of English or of a name.
func vowelless(w string) bool {
	return !strings.ContainsAny(w, "aeiouy")
}

// The romanized check: a Latin word of the English whose consonants are
// those of a word of the Arabic source is that word left untranslated in
// Latin letters («مؤيدو» → "Moydo", «نجت» → "Njt") when the Arabic word
// is ordinary vocabulary or the Latin word has no vowel. The words of the
// segment's entity mentions and the English names of its entities are
// excused (Putin for «بوتين» is right),
// as are words a real translation also spells like the Arabic (see
// romanExcused), so that the check flags few professional translations
// (see TestCalibration) but most words a rule-based gist could not
// translate (TestRomanizedOnGist).
//
// The comparison is on consonant classes: vowels, و ي ا ع ء and
// diacritics are dropped, letters English spells alike share a class (ت ط
// → t; س ص ث → s; ح ه خ → h; ق ك → k; ذ ز ظ → z; د ض → d; ج غ → g), and
// one Arabic proclitic (و ف ب ل ك, the article) may be dropped.

// arabicClass maps an Arabic consonant to its class letter.
var arabicClass = map[rune]byte{
	'ب': 'b', 'پ': 'b', 'ت': 't', 'ط': 't', 'ث': 's', 'س': 's', 'ص': 's', 'ش': 'S',
	'ج': 'g', 'غ': 'g', 'گ': 'g', 'ح': 'h', 'ه': 'h', 'خ': 'h', 'د': 'd', 'ض': 'd',
	'ذ': 'z', 'ز': 'z', 'ظ': 'z', 'ر': 'r', 'ف': 'f', 'ڤ': 'f', 'ق': 'k', 'ك': 'k',
	'ل': 'l', 'م': 'm', 'ن': 'n', 'ة': 0, 'چ': 'S',
}

// arabicSkeleton returns the consonant classes of an Arabic word.
func arabicSkeleton(w string) string {
	var b strings.Builder
	for _, r := range w {
		if c := arabicClass[r]; c != 0 {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// latinSkeleton returns the consonant classes of a Latin word (lower
// case), reading the digraphs of romanization first.
func latinSkeleton(w string) string {
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		c := w[i]
		if i+1 < len(w) && w[i+1] == 'h' {
			switch c {
			case 's', 'c':
				b.WriteByte('S')
				i++
				continue
			case 't':
				b.WriteByte('s')
				i++
				continue
			case 'k':
				b.WriteByte('h')
				i++
				continue
			case 'g':
				b.WriteByte('g')
				i++
				continue
			case 'd':
				b.WriteByte('z')
				i++
				continue
			}
		}
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'w', '\'', '-':
		case 'p':
			b.WriteByte('b')
		case 'q', 'c':
			b.WriteByte('k')
		case 'j':
			b.WriteByte('g')
		case 'v':
			b.WriteByte('f')
		case 'x':
			b.WriteString("ks")
		default:
			if c >= 'a' && c <= 'z' {
				b.WriteByte(c)
			}
		}
	}
	return b.String()
}

// romanExcused are Latin words English uses for Arabic ones, spelled
// alike: they are translations, not romanizations.
var romanExcused = map[string]bool{
	"al": true, "bin": true, "ibn": true, "abu": true, "sheikh": true, "emir": true, "imam": true,
	"islam": true, "islamic": true, "muslim": true, "muslims": true, "sharia": true, "jihad": true,
	"hajj": true, "ramadan": true, "eid": true, "sultan": true, "mufti": true, "hijab": true,
}

// checkRomanized flags Latin words of en that romanize a word of the
// Arabic (words holds the Arabic's normalized words).
func checkRomanized(words []string, en string, ents []analyze.Entity, add addFunc) {
	if len(words) == 0 {
		return
	}
	// The words of the segment's entity mentions are names, which a
	// translation spells in Latin letters by right.
	named := map[string]bool{}
	for _, e := range ents {
		for _, m := range e.Mentions {
			for _, t := range arabic.Tokenize(m.Surface) {
				named[arabic.Normalize(t.Text)] = true
			}
		}
		for _, t := range arabic.Tokenize(e.NameAR) {
			named[arabic.Normalize(t.Text)] = true
		}
	}
	skel := map[string]string{}
	for _, w := range words {
		if !arabic.HasArabic(w) || named[w] {
			continue
		}
		for _, v := range arabicVariants(w) {
			if s := arabicSkeleton(v); len(s) >= 2 {
				if _, ok := skel[s]; !ok {
					skel[s] = w
				}
			}
		}
	}
	if len(skel) == 0 {
		return
	}
	excused := map[string]bool{}
	for _, e := range ents {
		for _, w := range strings.Fields(fold(e.NameEN)) {
			excused[w] = true
		}
	}
	var flagged []string
	seen := map[string]bool{}
	for _, raw := range strings.FieldsFunc(en, func(r rune) bool { return !(unicode.IsLetter(r) || r == '\'' || r == '-') }) {
		for _, part := range strings.Split(strings.TrimPrefix(strings.TrimPrefix(raw, "al-"), "Al-"), "-") {
			lw := strings.ToLower(part)
			if len(lw) < 3 || excused[lw] || romanExcused[lw] || englishWord(lw) || seen[lw] || strings.IndexFunc(lw, func(r rune) bool { return r > 'z' || r < 'a' && r != '\'' }) >= 0 {
				continue
			}
			s := latinSkeleton(lw)
			// A capitalized word needs two consonants, a lower-case one
			// three: short English words meet short Arabic skeletons by
			// chance (men, من).
			need := 3
			if unicode.IsUpper([]rune(part)[0]) {
				need = 2
			}
			if len(s) < need {
				continue
			}
			if ar, ok := skel[s]; ok && (common(ar) || vowelless(lw)) {
				seen[lw] = true
				flagged = append(flagged, part+" («"+ar+"»)")
			}
		}
	}
	if len(flagged) > 0 {
		add(CheckRomanized, "words left in Latin letters, not translated: %s", strings.Join(flagged, ", "))
	}
}

// arabicVariants returns w and w without one proclitic; a word with the
// article is only taken without it (its ل is never romanized alone).
func arabicVariants(w string) []string {
	var out []string
	if !strings.HasPrefix(w, "ال") && !strings.HasPrefix(w, "لل") && !strings.Contains(w[:min(len(w), 8)], "ال") {
		out = append(out, w)
	}
	for _, p := range []string{"وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل"} {
		if r, ok := strings.CutPrefix(w, p); ok && len([]rune(r)) >= 2 {
			out = append(out, r)
		}
	}
	return out
}
