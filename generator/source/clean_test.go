package source

import (
	"errors"
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

// A record with an id or a url keeps its article ID when the export is
// renamed, and its Source names the record by that key; a record with
// neither is known by the hash of its title and text (#text=…, the end of
// its article ID).
func TestRecordKeys(t *testing.T) {
	recs := `{"id":12345,"title":"أ","body":"نص أول."}
{"url":"https://news.example/a/1","title":"ب","body":"نص ثان."}
{"title":"ج","body":"نص ثالث."}
`
	ids := func(name string) []string {
		fs := afero.NewMemMapFs()
		afero.WriteFile(fs, "/s/"+name, []byte(recs), 0o644)
		arts, err := ReadFile(fs, "/s/"+name)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, a := range arts {
			out = append(out, a.ID+" "+strings.TrimPrefix(a.Source, "/s/"+name))
		}
		return out
	}
	a, b := ids("export-2024-01-01.jsonl"), ids("renamed.jsonl")
	if a[0] != "r-12345 #id=12345" || !strings.HasPrefix(a[1], "u-") || !strings.HasSuffix(a[1], " #url=https://news.example/a/1") || !strings.HasSuffix(a[2], " #text="+strings.TrimPrefix(a[2][:strings.Index(a[2], " ")], "export-2024-01-01-")) {
		t.Errorf("ids %q", a)
	}
	if a[0] != b[0] || a[1] != b[1] {
		t.Errorf("keyed IDs changed with the file name: %q vs %q", a, b)
	}
	if a[2] == b[2] {
		t.Errorf("an unkeyed record's ID should carry its file's name: %q", a[2])
	}
}

// A record without a stable key keeps its article ID and its Source when
// the export lists the records in another order, so that a reordered
// export rewrites none of their pages; an error still names the record
// by its line.
func TestUnkeyedRecordsStableAcrossOrder(t *testing.T) {
	recs := []string{`{"title":"أ","body":"نص أول."}`, `{"title":"ب","body":"نص ثان."}`, `{"title":"ج","body":""}`, `{"title":"د","body":"نص رابع."}`}
	read := func(order ...int) map[string]string {
		var b strings.Builder
		for _, i := range order {
			b.WriteString(recs[i] + "\n")
		}
		fs := afero.NewMemMapFs()
		afero.WriteFile(fs, "/s/x.jsonl", []byte(b.String()), 0o644)
		arts, err := ReadFile(fs, "/s/x.jsonl")
		var se *Error
		if !errors.As(err, &se) || !strings.HasPrefix(se.Path, "/s/x.jsonl#") || !strings.Contains(err.Error(), "no article text") {
			t.Fatalf("the empty record's error: %v", err)
		}
		out := map[string]string{}
		for _, a := range arts {
			out[a.ID] = a.Source
		}
		return out
	}
	first, reordered := read(0, 1, 2, 3), read(3, 2, 1, 0)
	if len(first) != 3 {
		t.Fatalf("articles %v", first)
	}
	for id, src := range first {
		if reordered[id] != src {
			t.Errorf("article %s: source %q, after reordering %q", id, src, reordered[id])
		}
	}
	if e := read(1, 2, 0, 3); len(e) != 3 {
		t.Errorf("articles %v", e)
	}
}
