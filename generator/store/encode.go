package store

import (
	"encoding/base64"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// The segment store's encoder, written by hand for the store's fixed schema.
//
// Why not yaml.v3: encoding every segments.yaml through yaml.v3's generic
// emitter (reflection into a node tree, which Node.Encode builds by
// emitting and parsing the text once, then emitting the tree again) was
// 12.5% of a cold build's CPU on 1,000 real articles (10.2 s of 82 s),
// most of it allocation. This encoder writes the same bytes in one pass
// over the segments: it is a port of the parts of yaml.v3's emitter that
// the store's schema reaches (key order, indentation, the choice between a
// plain, quoted or literal scalar, and the three scalar writers), so the
// format does not change and a file written by an older jisr is rewritten
// only when its content changes. TestEncodeMatchesYAMLv3 and
// FuzzEncode compare it with yaml.v3 (the oracle, kept in the tests only).
//
// In: a File. Out: its bytes, and for each segment ID the line (1-based)
// of its English text, the line a translator edits (see SegmentLines).

// header opens every segment file, for people who open it.
const header = "# jisr segment store: one entry per segment, Arabic source and English.\n" +
	"# Correct an \"en\" text here and jisr keeps it as reviewed: the text is the indented\n" +
	"# block under \"en: |-\", where any character is plain text. See ARCHITECTURE.md.\n"

// Encode renders a segment file as Marshal does and returns, with its
// bytes, the line of each segment's English text (as SegmentLines would
// read them back from the bytes), so that callers that need both encode
// once.
func Encode(f *File) (data []byte, lines map[string]int) {
	size := len(header) + 32 + len(f.Article)
	for i := range f.Segments {
		s := &f.Segments[i]
		size += 160 + len(s.ID) + len(s.AR) + len(s.EN) + len(s.OldAR) + len(s.Engine) + len(s.Model) + len(s.Reviewer)
	}
	e := &emitter{buf: make([]byte, 0, size), line: 1, indention: true, whitespace: true}
	e.raw(header)
	e.line += 3
	lines = make(map[string]int, len(f.Segments))
	e.key(0, "article", false)
	e.value(f.Article, false, 2)
	e.key(0, "segments", false)
	if len(f.Segments) == 0 {
		e.indicator("[]", true, false, false)
	}
	for i := range f.Segments {
		s := &f.Segments[i]
		e.key(4, "id", true)
		e.value(s.ID, false, 6)
		e.key(4, "kind", false)
		e.value(string(s.Kind), false, 6)
		if s.Block != 0 {
			e.key(4, "block", false)
			e.plain(strconv.Itoa(s.Block))
		}
		e.key(4, "ar", false)
		e.value(s.AR, true, 6)
		e.key(4, "en", false)
		line := e.line
		if e.value(s.EN, true, 6) == styleLiteral {
			line++ // the text starts on the line after "en: |-"
		}
		if s.ID != "" {
			lines[s.ID] = line
		}
		e.key(4, "status", false)
		e.value(string(s.Status), false, 6)
		for _, kv := range [...]struct{ k, v string }{{"engine", s.Engine}, {"model", s.Model}, {"reviewer", s.Reviewer}} {
			if kv.v != "" {
				e.key(4, kv.k, false)
				e.value(kv.v, false, 6)
			}
		}
		e.key(4, "src", false)
		e.value(s.Src, false, 6)
		if s.Sum != "" {
			e.key(4, "sum", false)
			e.value(s.Sum, false, 6)
		}
		if s.OldAR != "" {
			e.key(4, "old_ar", false)
			e.value(s.OldAR, true, 6)
		}
	}
	e.indent = 0 // the document's end
	e.writeIndent()
	return e.buf, lines
}

// emitter holds the state of yaml.v3's emitter that its writers read:
// the column, whether the last thing written was white space or an
// indentation, and the indentation of the scalar being written.
type emitter struct {
	buf        []byte
	column     int
	line       int // the line being written, 1-based
	indent     int
	whitespace bool
	indention  bool
}

type scalarStyle int

const (
	stylePlain scalarStyle = iota
	styleSingle
	styleDouble
	styleLiteral
)

func (e *emitter) raw(s string) { e.buf = append(e.buf, s...) }

func (e *emitter) put(c byte) {
	e.buf = append(e.buf, c)
	e.column++
}

func (e *emitter) putBreak() {
	e.buf = append(e.buf, '\n')
	e.column = 0
	e.line++
	e.indention = true
}

// write copies the character at s[*i] and advances *i past it.
func (e *emitter) write(s string, i *int) {
	w := charWidth(s[*i])
	e.buf = append(e.buf, s[*i:*i+w]...)
	e.column++
	*i += w
}

func (e *emitter) writeBreak(s string, i *int) {
	if s[*i] == '\n' {
		e.putBreak()
		*i++
		return
	}
	e.write(s, i)
	e.column = 0
	e.line++
	e.indention = true
}

func (e *emitter) writeIndent() {
	indent := max(e.indent, 0)
	if !e.indention || e.column > indent || (e.column == indent && !e.whitespace) {
		e.putBreak()
	}
	for e.column < indent {
		e.put(' ')
	}
	e.whitespace = true
}

func (e *emitter) indicator(ind string, needWhitespace, isWhitespace, isIndention bool) {
	if needWhitespace && !e.whitespace {
		e.put(' ')
	}
	e.buf = append(e.buf, ind...) // indicators are ASCII
	e.column += len(ind)
	e.whitespace = isWhitespace
	e.indention = e.indention && isIndention
}

// key starts a mapping entry at indent: "key:" on a line of its own, or,
// for the first key of a sequence item, "- key:".
func (e *emitter) key(indent int, k string, item bool) {
	if item {
		e.indent = indent - 2
		e.writeIndent()
		e.indicator("-", true, false, true)
	}
	e.indent = indent
	e.writeIndent()
	e.plain(k)
	e.indicator(":", false, false, false)
}

// value writes a string value whose block scalars are indented by indent,
// as Marshal does: a text (ar, en, old_ar) as a literal block when a block
// holds it exactly, any other string in the style yaml.v3 gives it. It
// returns the style written.
func (e *emitter) value(s string, text bool, indent int) scalarStyle {
	e.indent = indent
	// The usual values take a short way to the same bytes (valueSlow is
	// the whole of yaml.v3's choice; FuzzValueFastPath compares them).
	switch {
	case text && simpleText(s):
		e.simpleLiteral(s)
		return styleLiteral
	case !text && simplePlain(s):
		e.plain(s)
		return stylePlain
	}
	return e.valueSlow(s, text)
}

// simpleText reports whether s is a one-line text that yaml.v3 writes as
// a literal block with nothing to note: not empty, valid UTF-8, no line
// break, tab or other character that is_printable refuses (controls, C1,
// U+2028, U+2029, a BOM, U+FFFE, U+FFFF, anything beyond U+FFFF), neither
// starting nor ending with a space. For such a text analyze finds a block
// scalar and value writes "|-" and the text on the next line (literal
// with no break in the text).
func simpleText(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for _, r := range s {
		switch {
		case r >= 0x20 && r < 0x7F:
		case r < 0xA0, r == 0x2028, r == 0x2029, r == 0xFEFF, r >= 0xFFFD: // U+FFFD also stands for invalid UTF-8
			return false
		}
	}
	return true
}

// simpleLiteral is literal(s) for a simpleText s.
func (e *emitter) simpleLiteral(s string) {
	e.indicator("|", true, false, false)
	e.indicator("-", false, false, false)
	e.whitespace = true
	e.writeIndent()
	e.buf = append(e.buf, s...)
	e.column += utf8.RuneCountInString(s)
	e.indention = false
}

// simplePlain reports whether s is a word that yaml.v3 writes plain for
// sure: ASCII letters, digits, '-' and '_', starting with a letter and not
// a YAML 1.1 boolean or null; or, starting with a digit, hexadecimal
// digits with one of a, c, d, f (which no integer, float or timestamp
// holds: the hashes of src and sum). Such a word has no indicator, space
// or break for analyze to find, and resolves to a string.
func simplePlain(s string) bool {
	if s == "" {
		return false
	}
	if c := s[0]; c >= '0' && c <= '9' {
		letter := false
		for i := 0; i < len(s); i++ {
			switch c := s[i]; {
			case c >= '0' && c <= '9', c == 'b', c == 'e':
			case c == 'a', c == 'c', c == 'd', c == 'f':
				letter = true
			default:
				return false
			}
		}
		return letter
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '-' || c == '_'):
		default:
			return false
		}
	}
	return !resolved[s] && !isOldBool(s)
}

// valueSlow is value for any string: yaml.v3's choice of style.
func (e *emitter) valueSlow(s string, text bool) scalarStyle {
	binary := !utf8.ValidString(s)
	if binary {
		s = encodeBase64(s)
		e.indicator("!!binary", true, false, false)
	}
	a := analyze(s)
	var style scalarStyle
	switch {
	case text && s != "" || strings.Contains(s, "\n"):
		style = styleLiteral
	case binary || plainString(s):
		style = stylePlain
	default:
		style = styleDouble
	}
	if style == stylePlain && !a.blockPlain {
		style = styleSingle
	}
	if style == styleSingle && !a.singleQuoted {
		style = styleDouble
	}
	if style == styleLiteral && (!a.block || (isBreak(s, 0) || strings.IndexByte(s, '\t') >= 0) && !literalReadsBack(s)) {
		style = styleDouble // yaml.v3 writes a block that does not read back; quoted, the text is kept
	}
	switch style {
	case stylePlain:
		e.plain(s)
	case styleSingle:
		e.singleQuoted(s)
	case styleDouble:
		e.doubleQuoted(s)
	case styleLiteral:
		e.literal(s)
	}
	return style
}

// literalReadsBack reports whether s, written as a literal block in a
// segment's mapping, reads back as s. yaml.v3 writes some texts that start
// with a line break ("\n\n", say) as a block that reads back with fewer
// line breaks, and some with a tab (a line of only a tab) as one that does
// not read at all; Encode writes those double-quoted.
func literalReadsBack(s string) bool {
	e := &emitter{line: 1, indention: true, whitespace: true}
	e.raw("segments:\n  - id: x\n")
	e.key(4, "en", false)
	e.indent = 6
	e.literal(s)
	var f File
	return yaml.Unmarshal(e.buf, &f) == nil && len(f.Segments) == 1 && f.Segments[0].EN == s
}

// plainString reports whether yaml.v3 writes s unquoted: it reads back as
// a string, and not as a YAML 1.1 boolean or base 60 number.
func plainString(s string) bool {
	return resolvesToString(s) && !isBase60Float(s) && !isOldBool(s)
}

func (e *emitter) plain(s string) {
	if len(s) > 0 && !e.whitespace {
		e.put(' ')
	}
	breaks := false
	for i := 0; i < len(s); {
		switch {
		case isBreak(s, i):
			if !breaks && s[i] == '\n' {
				e.putBreak()
			}
			e.writeBreak(s, &i)
			breaks = true
		default:
			if breaks {
				e.writeIndent()
			}
			e.write(s, &i)
			e.indention = false
			breaks = false
		}
	}
	if len(s) > 0 {
		e.whitespace = false
	}
	e.indention = false
}

func (e *emitter) singleQuoted(s string) {
	e.indicator("'", true, false, false)
	breaks := false
	for i := 0; i < len(s); {
		switch {
		case s[i] == ' ':
			e.write(s, &i)
		case isBreak(s, i):
			if !breaks && s[i] == '\n' {
				e.putBreak()
			}
			e.writeBreak(s, &i)
			breaks = true
		default:
			if breaks {
				e.writeIndent()
			}
			if s[i] == '\'' {
				e.put('\'')
			}
			e.write(s, &i)
			e.indention = false
			breaks = false
		}
	}
	e.indicator("'", false, false, false)
	e.whitespace = false
	e.indention = false
}

const hexDigits = "0123456789ABCDEF"

func (e *emitter) doubleQuoted(s string) {
	e.indicator(`"`, true, false, false)
	bom := strings.HasPrefix(s, "\ufeff") // yaml.v3 tests for a BOM at the start of the text, for every character
	for i := 0; i < len(s); {
		if !isPrintable(s, i) || bom || isBreak(s, i) || s[i] == '"' || s[i] == '\\' {
			r, w := utf8.DecodeRuneInString(s[i:])
			i += w
			e.put('\\')
			switch r {
			case 0x00:
				e.put('0')
			case 0x07:
				e.put('a')
			case 0x08:
				e.put('b')
			case 0x09:
				e.put('t')
			case 0x0A:
				e.put('n')
			case 0x0b:
				e.put('v')
			case 0x0c:
				e.put('f')
			case 0x0d:
				e.put('r')
			case 0x1b:
				e.put('e')
			case 0x22:
				e.put('"')
			case 0x5c:
				e.put('\\')
			case 0x85:
				e.put('N')
			case 0xA0:
				e.put('_')
			case 0x2028:
				e.put('L')
			case 0x2029:
				e.put('P')
			default:
				n := 8
				switch {
				case r <= 0xFF:
					e.put('x')
					n = 2
				case r <= 0xFFFF:
					e.put('u')
					n = 4
				default:
					e.put('U')
				}
				for k := (n - 1) * 4; k >= 0; k -= 4 {
					e.put(hexDigits[(r>>uint(k))&0x0F])
				}
			}
			continue
		}
		e.write(s, &i)
	}
	e.indicator(`"`, false, false, false)
	e.whitespace = false
	e.indention = false
}

func (e *emitter) literal(s string) {
	e.indicator("|", true, false, false)
	if len(s) > 0 && (s[0] == ' ' || isBreak(s, 0)) {
		e.indicator("2", false, false, false) // the indentation indicator: yaml.v3's indent of 2
	}
	chomp := ""
	if len(s) == 0 {
		chomp = "-"
	} else {
		i := len(s) - 1
		for s[i]&0xC0 == 0x80 {
			i--
		}
		if !isBreak(s, i) {
			chomp = "-"
		} else if i == 0 {
			chomp = "+"
		} else {
			i--
			for s[i]&0xC0 == 0x80 {
				i--
			}
			if isBreak(s, i) {
				chomp = "+"
			}
		}
	}
	if chomp != "" {
		e.indicator(chomp, false, false, false)
	}
	e.whitespace = true
	breaks := true
	for i := 0; i < len(s); {
		if isBreak(s, i) {
			e.writeBreak(s, &i)
			breaks = true
			continue
		}
		if breaks {
			e.writeIndent()
		}
		j := i + 1 // the run of characters up to the next break, copied at once
		for j < len(s) && !isBreak(s, j) {
			j++
		}
		e.buf = append(e.buf, s[i:j]...)
		e.column += utf8.RuneCountInString(s[i:j])
		i = j
		e.indention = false
		breaks = false
	}
}

// scalarAnalysis is what yaml.v3's emitter learns about a scalar before it
// picks a style (yaml_emitter_analyze_scalar), for the block context.
type scalarAnalysis struct {
	blockPlain, singleQuoted, block bool
}

func analyze(s string) scalarAnalysis {
	if len(s) == 0 {
		return scalarAnalysis{blockPlain: true, singleQuoted: true, block: false}
	}
	var blockIndicators, lineBreaks, special, tabs bool
	var leadingSpace, leadingBreak, trailingSpace, trailingBreak, breakSpace, spaceBreak bool
	var previousSpace, previousBreak bool
	if strings.HasPrefix(s, "---") || strings.HasPrefix(s, "...") {
		blockIndicators = true
	}
	precededByWhitespace := true
	for i, w := 0, 0; i < len(s); i += w {
		w = charWidth(s[i])
		followedByWhitespace := i+w >= len(s) || s[i+w] == ' ' || s[i+w] == '\t'
		if i == 0 {
			switch s[i] {
			case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
				blockIndicators = true
			case '?', ':', '-':
				if followedByWhitespace {
					blockIndicators = true
				}
			}
		} else {
			switch s[i] {
			case ':':
				if followedByWhitespace {
					blockIndicators = true
				}
			case '#':
				if precededByWhitespace {
					blockIndicators = true
				}
			}
		}
		if s[i] == '\t' {
			tabs = true
		} else if !isPrintable(s, i) {
			special = true
		}
		switch {
		case s[i] == ' ':
			if i == 0 {
				leadingSpace = true
			}
			if i+w == len(s) {
				trailingSpace = true
			}
			if previousBreak {
				breakSpace = true
			}
			previousSpace, previousBreak = true, false
		case isBreak(s, i):
			lineBreaks = true
			if i == 0 {
				leadingBreak = true
			}
			if i+w == len(s) {
				trailingBreak = true
			}
			if previousSpace {
				spaceBreak = true
			}
			previousSpace, previousBreak = false, true
		default:
			previousSpace, previousBreak = false, false
		}
		precededByWhitespace = isBlankOrBreak(s, i)
	}
	a := scalarAnalysis{blockPlain: true, singleQuoted: true, block: true}
	if leadingSpace || leadingBreak || trailingSpace || trailingBreak {
		a.blockPlain = false
	}
	if trailingSpace {
		a.block = false
	}
	if breakSpace || spaceBreak || tabs || special {
		a.blockPlain, a.singleQuoted = false, false
	}
	if spaceBreak || special {
		a.block = false
	}
	if lineBreaks || blockIndicators {
		a.blockPlain = false
	}
	return a
}

func charWidth(b byte) int {
	switch {
	case b&0x80 == 0:
		return 1
	case b&0xE0 == 0xC0:
		return 2
	case b&0xF0 == 0xE0:
		return 3
	case b&0xF8 == 0xF0:
		return 4
	}
	return 0
}

// at returns s[i], or 0 past its end.
func at(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}

// isPrintable is yaml.v3's is_printable: which characters may appear
// unescaped (a 4-byte character, such as an emoji, may not).
func isPrintable(s string, i int) bool {
	b := s[i]
	return b == 0x0A ||
		b >= 0x20 && b <= 0x7E ||
		b == 0xC2 && at(s, i+1) >= 0xA0 ||
		b > 0xC2 && b < 0xED ||
		b == 0xED && at(s, i+1) < 0xA0 ||
		b == 0xEE ||
		b == 0xEF && !(at(s, i+1) == 0xBB && at(s, i+2) == 0xBF) && !(at(s, i+1) == 0xBF && (at(s, i+2) == 0xBE || at(s, i+2) == 0xBF))
}

// isBreak is yaml.v3's is_break: CR, LF, NEL, LS and PS.
func isBreak(s string, i int) bool {
	b := s[i]
	return b == '\r' || b == '\n' ||
		b == 0xC2 && at(s, i+1) == 0x85 ||
		b == 0xE2 && at(s, i+1) == 0x80 && (at(s, i+2) == 0xA8 || at(s, i+2) == 0xA9)
}

func isBlankOrBreak(s string, i int) bool {
	return s[i] == ' ' || s[i] == '\t' || s[i] == 0 || isBreak(s, i)
}

// The rest is yaml.v3's resolver for strings (resolve.go): whether a
// plain scalar would read back as a string.

var yamlStyleFloat = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)

var base60float = regexp.MustCompile(`^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`)

func isBase60Float(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	if !(c == '+' || c == '-' || c >= '0' && c <= '9') || strings.IndexByte(s, ':') < 0 {
		return false
	}
	return base60float.MatchString(s)
}

func isOldBool(s string) bool {
	switch s {
	case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON",
		"n", "N", "no", "No", "NO", "off", "Off", "OFF":
		return true
	}
	return false
}

// resolved are the plain scalars that yaml.v3 reads as something other
// than a string by name.
var resolved = map[string]bool{
	"true": true, "True": true, "TRUE": true, "false": true, "False": true, "FALSE": true,
	"": true, "~": true, "null": true, "Null": true, "NULL": true,
	".nan": true, ".NaN": true, ".NAN": true, ".inf": true, ".Inf": true, ".INF": true,
	"+.inf": true, "+.Inf": true, "+.INF": true, "-.inf": true, "-.Inf": true, "-.INF": true,
}

func resolvesToString(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	switch {
	case c == '+' || c == '-' || c >= '0' && c <= '9':
		if resolved[s] {
			return false
		}
		if isTimestamp(s) {
			return false
		}
		plain := strings.ReplaceAll(s, "_", "")
		if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
			return false
		}
		if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
			return false
		}
		if yamlStyleFloat.MatchString(plain) {
			if _, err := strconv.ParseFloat(plain, 64); err == nil {
				return false
			}
		}
		for _, p := range [...]struct {
			prefix string
			base   int
		}{{"0b", 2}, {"-0b", 2}, {"0o", 8}, {"-0o", 8}} {
			if rest, ok := strings.CutPrefix(plain, p.prefix); ok {
				if p.prefix[0] == '-' {
					rest = "-" + rest
				}
				if _, err := strconv.ParseInt(rest, p.base, 64); err == nil {
					return false
				}
				if p.prefix[0] != '-' {
					if _, err := strconv.ParseUint(rest, p.base, 64); err == nil {
						return false
					}
				}
				break
			}
		}
		return true
	case c == '.':
		if resolved[s] {
			return false
		}
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return false
		}
		return true
	case strings.IndexByte("yYnNtTfFoO~", c) >= 0:
		return !resolved[s]
	}
	return true
}

var timestampFormats = []string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2",
}

func isTimestamp(s string) bool {
	i := 0
	for ; i < len(s); i++ {
		if c := s[i]; c < '0' || c > '9' {
			break
		}
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	for _, f := range timestampFormats {
		if _, err := time.Parse(f, s); err == nil {
			return true
		}
	}
	return false
}

// encodeBase64 is yaml.v3's encoding of a text that is not UTF-8: base64
// in lines of 70, each ended by a line break when there is more than one.
func encodeBase64(s string) string {
	const lineLen = 70
	enc := base64.StdEncoding.EncodeToString([]byte(s))
	if len(enc)/lineLen+1 == 1 {
		return enc
	}
	var b strings.Builder
	for i := 0; i < len(enc); i += lineLen {
		b.WriteString(enc[i:min(i+lineLen, len(enc))])
		b.WriteByte('\n')
	}
	return b.String()
}
