package source

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	xunicode "golang.org/x/text/encoding/unicode"
)

// Encoding names reported by Decode.
const (
	EncUTF8        = "utf-8"
	EncUTF8BOM     = "utf-8 (BOM)"
	EncUTF16LE     = "utf-16le"
	EncUTF16BE     = "utf-16be"
	EncWindows1256 = "windows-1256"
)

// ErrEmpty, ErrBinary and ErrUndecodable classify input that cannot be read
// as an article; ErrNoText is a file or record without article text (a
// titled cartoon, a photo caption).
var (
	ErrNoText      = errors.New("no article text")
	ErrEmpty       = errors.New("empty file")
	ErrBinary      = errors.New("binary data, not text")
	ErrUndecodable = errors.New("not UTF-8, UTF-16 with a BOM or Windows-1256 text")
)

// Decode turns raw bytes into NFC text with "\n" line endings, and names the
// encoding it found:
//   - a UTF-8 byte order mark, or valid UTF-8;
//   - UTF-16, little or big endian, with its byte order mark;
//   - otherwise Windows-1256, the legacy Arabic code page, when the result
//     reads as Arabic text.
//
// NUL bytes or control characters mean binary data. The text is then
// cleaned of invisible characters by Clean.
func Decode(data []byte) (text, enc string, err error) {
	var raw string
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		raw, enc = string(data[3:]), EncUTF8BOM
		if !utf8.ValidString(raw) {
			return "", "", fmt.Errorf("%w: invalid UTF-8 after a UTF-8 byte order mark", ErrUndecodable)
		}
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		e := xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM)
		enc = EncUTF16BE
		if data[0] == 0xFF {
			e = xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM)
			enc = EncUTF16LE
		}
		if len(data)%2 != 0 {
			return "", "", fmt.Errorf("%w: %s with an odd number of bytes", ErrUndecodable, enc)
		}
		s, err := decodeWith(e, data)
		if err != nil {
			return "", "", fmt.Errorf("%w: %s: %v", ErrUndecodable, enc, err)
		}
		raw = s
	case utf8.Valid(data):
		raw, enc = string(data), EncUTF8
	default:
		if bytes.IndexByte(data, 0) >= 0 {
			return "", "", ErrBinary
		}
		s, err := decodeWith(charmap.Windows1256, data)
		if err != nil || !looksArabic(s) {
			return "", "", ErrUndecodable
		}
		raw, enc = s, EncWindows1256
	}
	if isBinary(raw) {
		return "", "", ErrBinary
	}
	text = normalize(raw)
	if strings.TrimSpace(text) == "" {
		return "", enc, ErrEmpty
	}
	return text, enc, nil
}

// normalize puts decoded article text in the form jisr stores: line ends
// as "\n", NFC, and Clean's rule for invisible characters. Decode and the
// JSON records' bodies both go through it.
func normalize(s string) string {
	return Clean(norm.NFC.String(strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")))
}

func decodeWith(e encoding.Encoding, data []byte) (string, error) {
	out, _, err := transform.Bytes(e.NewDecoder(), data)
	return string(out), err
}

// isBinary reports NULs or a share of control characters that text never
// has.
func isBinary(s string) bool {
	ctrl, n := 0, 0
	for _, r := range s {
		n++
		if r == 0 {
			return true
		}
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' || r == utf8.RuneError {
			ctrl++
		}
	}
	return n > 0 && ctrl*20 > n // more than 5%
}

// looksArabic reports whether at least a third of the letters decoded from a
// legacy code page are Arabic, which separates Windows-1256 Arabic from other
// 8-bit text and from random bytes.
func looksArabic(s string) bool {
	letters, arabic := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.Is(unicode.Arabic, r) {
				arabic++
			}
		}
	}
	return letters > 0 && arabic*3 >= letters
}

// Clean applies the invisible-character rule to decoded text, in one pass
// (linear in its length). Control and other invisible characters are never
// passed on to the segmenter, the engines or the pages, where they give
// empty translations or reorder the page's text:
//   - kept: "\n" and "\t"; ZWNJ and ZWJ (U+200C, U+200D), which change how
//     letters join; the Arabic number signs U+0600–U+0605, U+06DD and
//     U+08E2, which are drawn;
//   - "\v", "\f" become a space; NEL (U+0085) and the Unicode line and
//     paragraph separators (U+2028, U+2029) become "\n";
//   - removed: every other control character (C0, DEL, C1) and every other
//     format character (Unicode category Cf): byte order marks and
//     U+FEFF inside the text, zero-width spaces, LRM, RLM and ALM, bidi
//     embeddings, overrides and isolates (the pages set the direction
//     themselves), soft hyphens, word joiners, tag characters.
//
// A segment made only of such characters thus becomes empty and is dropped
// by the segmenter.
func Clean(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return invisible(r) != r }) {
		return s
	}
	return strings.Map(invisible, s)
}

// invisible maps one rune by Clean's rule: itself, a replacement, or -1 to
// drop it.
func invisible(r rune) rune {
	switch {
	case r == '\n' || r == '\t':
		return r
	case r == '\v' || r == '\f':
		return ' '
	case r == 0x85 || r == 0x2028 || r == 0x2029:
		return '\n'
	case r < 0x20 || r >= 0x7f && r < 0xa0:
		return -1
	case r < 0xad:
		return r
	case r == 0x200c || r == 0x200d || r >= 0x0600 && r <= 0x0605 || r == 0x06dd || r == 0x08e2:
		return r
	case unicode.Is(unicode.Cf, r):
		return -1
	}
	return r
}
