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
