package source

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/spf13/afero"
)

// FuzzDecode checks that any bytes either decode to valid NFC text with "\n"
// line endings, or fail with one of the classified errors; never a panic.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{arText, "\xEF\xBB\xBFنص", "\xFF\xFEa\x00", "\xFE\xFF\x00a", "caf\xe9", "\x00\x01", "", "a\r\nb\rc"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		text, _, err := Decode(data)
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) && !errors.Is(err, ErrUndecodable) {
				t.Fatalf("unclassified error: %v", err)
			}
			return
		}
		if !utf8.ValidString(text) || strings.Contains(text, "\r") {
			t.Fatalf("bad text %q", text)
		}
	})
}

// FuzzReadFile feeds arbitrary bytes through every format: the reader must
// return articles or errors naming the file, never panic.
func FuzzReadFile(f *testing.F) {
	f.Add([]byte(arText), ".txt")
	f.Add([]byte("---\ntitle: ع\ndate: 2015-01-02\n---\nنص."), ".md")
	f.Add([]byte(`[{"title":"أ","content":"نص."}]`), ".json")
	f.Add([]byte("{\"content\":\"نص.\"}\n{bad"), ".jsonl")
	f.Fuzz(func(t *testing.T, data []byte, ext string) {
		switch ext {
		case ".txt", ".md", ".json", ".jsonl":
		default:
			return
		}
		fs := afero.NewMemMapFs()
		afero.WriteFile(fs, "/s/f"+ext, data, 0o644)
		arts, err := ReadFile(fs, "/s/f"+ext)
		if err != nil && !strings.Contains(err.Error(), "/s/f"+ext) {
			t.Fatalf("error does not name the file: %v", err)
		}
		for _, a := range arts {
			if a.ID == "" || len(a.Blocks) == 0 {
				t.Fatalf("article without ID or text: %+v", a)
			}
		}
	})
}

// FuzzMetaLine checks the one-line rule on any text: one line of valid
// UTF-8, never a panic; text without '<' or '&' loses no character but
// invisible ones and spacing.
func FuzzMetaLine(f *testing.F) {
	for _, s := range []string{"<i>اقتصاد</i>", "AT&amp;T", "a < b", "<script>x", "&#x0;", "<a href='>'>x</a>", "&amp;lt;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		got := metaLine(s)
		if !utf8.ValidString(got) || strings.ContainsAny(got, "\n\r") {
			t.Fatalf("metaLine(%q) = %q: not one line of UTF-8", s, got)
		}
		if !strings.ContainsAny(s, "<&") && got != oneLine(s) {
			t.Fatalf("metaLine(%q) = %q changed text that has no markup", s, got)
		}
	})
}
