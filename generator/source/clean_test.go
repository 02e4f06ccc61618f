package source

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
)

func TestClean(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"قال\x1a\x1a الرئيس", "قال الرئيس"},
		{"a\x00b\x7fc\u0085d", "abc\nd"},
		{"\ufeffنص\u200b\u200eعربي\u202e", "نصعربي"},
		{"\u2066x\u2069\u00ady", "xy"},
		{"می\u200cخواهم \u200d", "می\u200cخواهم \u200d"}, // ZWNJ, ZWJ kept
		{"\u0600١٢ \u06dd", "\u0600١٢ \u06dd"},
		{"a\vb\fc\td\u2028e", "a b c\td\ne"},
		{"plain text", "plain text"},
	} {
		if got := Clean(tt.in); got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A record whose text carries control characters (57 of 15,988 real CMS
// records do) is read without them, and a paragraph made only of them is
// dropped rather than sent to an engine as an empty segment.
func TestControlCharactersInRecords(t *testing.T) {
	fs := afero.NewMemMapFs()
	rec := `{"title":"عنوان\u001a الخبر\u200f","url":"https://x.test/1","body":"قال الرئيس\u001a إن الوزراء استقالوا.\n\u001a\u001a\u001a\u001a\nوأضاف أن الحكومة ستجتمع.","tags":["سياسة\u202e"]}`
	afero.WriteFile(fs, "/s/a.jsonl", []byte(rec+"\n"), 0o644)
	arts, err := ReadFile(fs, "/s/a.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	if a.Title != "عنوان الخبر" || a.Tags[0] != "سياسة" {
		t.Errorf("title %q, tags %q", a.Title, a.Tags)
	}
	for _, s := range a.Segments() {
		if strings.TrimSpace(s.Text) == "" || strings.ContainsFunc(s.Text, func(r rune) bool { return Clean(string(r)) == "" }) {
			t.Errorf("segment %s = %q", s.ID, s.Text)
		}
	}
	if n := len(a.Blocks); n != 2 {
		t.Errorf("%d blocks, want 2: %+v", n, a.Blocks)
	}
}
