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
// NUL bytes or control characters mean binary data.
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
	text = norm.NFC.String(strings.ReplaceAll(strings.ReplaceAll(raw, "\r\n", "\n"), "\r", "\n"))
	if strings.TrimSpace(text) == "" {
		return "", enc, ErrEmpty
	}
	return text, enc, nil
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
