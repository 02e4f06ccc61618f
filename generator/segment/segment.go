// Package segment detects the structure of an article body and splits it
// into translation segments with stable IDs.
//
// In: the decoded text of an article body. Out: article.Blocks (headings and
// paragraphs), each with its Segments; IDs follow the scheme in package
// article.
//
// Structure rules (plain text and CMS bodies, one block per line):
//   - a line is a heading when it is short (at most MaxHeadingWords words
//     and MaxHeadingRunes characters), does not end in sentence or clause
//     punctuation (. ! ؟ ? ؛ : ، , … or a closing quote after one), and is
//     not the last block;
//   - every other line is a paragraph.
//
// Markdown bodies separate paragraphs with blank lines, and lines starting
// with '#' are headings; the same heading rule applies to the rest.
package segment

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jisr-news/jisr/generator/article"
)

// Heading limits: a line longer than this is never a heading.
const (
	MaxHeadingWords = 10
	MaxHeadingRunes = 80
)

// IsHeadingLike reports whether a line looks like a heading: short, and not
// ending in punctuation.
func IsHeadingLike(line string) bool {
	line = strings.TrimSpace(line)
	if line == "" || utf8.RuneCountInString(line) > MaxHeadingRunes || len(strings.Fields(line)) > MaxHeadingWords {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	switch last {
	case '.', '!', '؟', '?', '؛', ';', ':', '،', ',', '…', '"', '»', '\'', '”', ')', ']':
		return false
	}
	return true
}

// Lines splits a plain-text body into blocks, one per non-empty line.
func Lines(text string) []article.Block {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return classify(lines, nil)
}

// Markdown splits a Markdown body into blocks: paragraphs separated by blank
// lines, '#' lines as headings. Inline Markdown is reduced to its text
// (links keep their label), since segments are plain text.
func Markdown(text string) []article.Block {
	var paras []string
	var forced []bool
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, "\n"))
			forced = append(forced, false)
			cur = nil
		}
	}
	for _, l := range strings.Split(text, "\n") {
		t := strings.TrimSpace(l)
		switch {
		case t == "":
			flush()
		case strings.HasPrefix(t, "#"):
			flush()
			paras = append(paras, StripInline(strings.TrimSpace(strings.TrimLeft(t, "#"))))
			forced = append(forced, true)
		default:
			cur = append(cur, StripInline(t))
		}
	}
	flush()
	return classify(paras, forced)
}

func classify(paras []string, forced []bool) []article.Block {
	var blocks []article.Block
	for i, p := range paras {
		if p == "" {
			continue
		}
		kind := article.KindParagraph
		if (forced != nil && forced[i]) || (!strings.Contains(p, "\n") && i < len(paras)-1 && IsHeadingLike(p)) {
			kind = article.KindHeading
		}
		blocks = append(blocks, article.Block{Kind: kind, Text: p})
	}
	return blocks
}

// StripInline removes inline Markdown: emphasis markers, code ticks and
// link targets ([label](url) becomes label).
func StripInline(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '*', '`':
			continue
		case '_':
			// Keep underscores inside words (snake_case, URLs).
			if i > 0 && i+1 < len(s) && isWordByte(s[i-1]) && isWordByte(s[i+1]) {
				b.WriteByte(c)
			}
			continue
		case '!', '[':
			j := i
			if c == '!' {
				if i+1 >= len(s) || s[i+1] != '[' {
					b.WriteByte(c)
					continue
				}
				j = i + 1
			}
			end := strings.Index(s[j:], "](")
			if end < 0 {
				b.WriteByte(c)
				continue
			}
			close := strings.IndexByte(s[j+end:], ')')
			if close < 0 {
				b.WriteByte(c)
				continue
			}
			b.WriteString(s[j+1 : j+end])
			i = j + end + close
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isWordByte(c byte) bool {
	return c >= 0x80 || c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// Article numbers the blocks of a and fills their Segments, following the ID
// scheme of package article.
func Article(a *article.Article) {
	for i := range a.Blocks {
		b := &a.Blocks[i]
		n := i + 1
		b.Segments = b.Segments[:0]
		if b.Kind == article.KindHeading {
			b.Segments = append(b.Segments, article.Segment{ID: fmt.Sprintf("h%d", n), Kind: article.KindHeading, Block: n, Text: b.Text})
			continue
		}
		for j, s := range Sentences(b.Text) {
			b.Segments = append(b.Segments, article.Segment{ID: fmt.Sprintf("p%d-%d", n, j+1), Kind: article.KindParagraph, Block: n, Text: s})
		}
	}
}

// abbreviations are Arabic title abbreviations after which a period does not
// end a sentence: د. (doctor), م. (engineer), أ. (professor), ص. (page) …
var abbreviations = map[string]bool{"د": true, "م": true, "أ": true, "ا": true, "ص": true, "ج": true, "ق": true, "Dr": true, "Mr": true, "Mrs": true, "Ms": true, "St": true, "No": true}

// Sentences splits a paragraph into sentences at ؟ ! ? . ؛ and newlines.
// A period does not end a sentence inside an abbreviation written with dots
// («سي.بي.إس», U.S.), inside a decimal (3.5), or after an initial or a title
// abbreviation (د. محمد, J. Smith). Closing quotes and brackets that follow
// the punctuation stay with the sentence. Sentences are trimmed; empty ones
// are dropped.
func Sentences(p string) []string {
	var out []string
	rs := []rune(p)
	start := 0
	emit := func(end int) {
		if s := strings.TrimSpace(string(rs[start:end])); s != "" {
			out = append(out, s)
		}
		start = end
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch r {
		case '\n':
			emit(i)
			continue
		case '.', '!', '?', '؟', '؛', '…':
		default:
			continue
		}
		if r == '.' && !periodEnds(rs, i) {
			continue
		}
		// Take a run of terminators and closing marks with the sentence.
		j := i + 1
		for j < len(rs) && strings.ContainsRune(".!?؟؛…\"'»”’)]", rs[j]) {
			j++
		}
		if j < len(rs) && !unicode.IsSpace(rs[j]) {
			// Punctuation glued to the next word («قال:بوتين») is not a
			// boundary unless the next word starts a quotation.
			if !strings.ContainsRune("\"«“(", rs[j]) {
				i = j - 1
				continue
			}
		}
		emit(j)
		i = j - 1
	}
	emit(len(rs))
	return out
}

// maxWordRunes bounds how far periodEnds looks back for the word before a
// period.
const maxWordRunes = 64

// periodEnds reports whether the period at rs[i] ends a sentence.
func periodEnds(rs []rune, i int) bool {
	next := rune(0)
	if i+1 < len(rs) {
		next = rs[i+1]
	}
	// Glued to a following letter or digit: سي.بي.إس, 3.5, U.S.A
	if next != 0 && (unicode.IsLetter(next) || unicode.IsDigit(next)) {
		return false
	}
	// The word before the period, at most maxWordRunes of it: no
	// abbreviation or initial is longer, and the bound keeps a long line
	// without spaces linear.
	j := i
	for j > 0 && i-j < maxWordRunes && !unicode.IsSpace(rs[j-1]) && !strings.ContainsRune("(«\"", rs[j-1]) {
		j--
	}
	word := string(rs[j:i])
	if word == "" {
		return true
	}
	// An abbreviation written with dots (سي.بي.إس. or U.S.) ends with its
	// last dot only at the end of the text.
	if strings.Contains(word, ".") && next != 0 {
		return false
	}
	if utf8.RuneCountInString(word) == 1 && unicode.IsLetter([]rune(word)[0]) && next != 0 {
		return false // an initial: J. Smith, م. خالد
	}
	return !abbreviations[word] || next == 0
}
