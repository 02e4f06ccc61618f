package store

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/internal/testenv"
)

// marshalYAMLv3 is the store's encoder as it was before Encode: yaml.v3's
// generic emitter, with every text set to a literal block. It is the
// oracle that Encode must match byte for byte; nothing else uses it.
func marshalYAMLv3(f *File) ([]byte, error) {
	var doc yaml.Node
	if err := doc.Encode(f); err != nil {
		return nil, err
	}
	if segs := mapValue(docRoot(&doc), "segments"); segs != nil {
		for _, item := range segs.Content {
			for j := 0; j+1 < len(item.Content); j += 2 {
				if v := item.Content[j+1]; textKeys[item.Content[j].Value] && v.Value != "" {
					v.Style = yaml.LiteralStyle
				}
			}
		}
	}
	var buf bytes.Buffer
	buf.WriteString(header)
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// sameAsOracle fails t unless Encode writes f as yaml.v3 does and its
// lines are those SegmentLines reads from the bytes.
func sameAsOracle(t *testing.T, name string, f *File) {
	t.Helper()
	want, oracleErr := marshalYAMLv3(f)
	got, lines := Encode(f)
	if back, err := Parse(name, got); err != nil || !reflect.DeepEqual(normal(back), normal(f)) {
		t.Fatalf("%s: what Encode wrote does not read back (%v):\n%s", name, err, got)
	}
	if oracleErr != nil {
		return // yaml.v3 cannot write this store at all
	}
	if o, err := Parse(name, want); err != nil || !reflect.DeepEqual(normal(o), normal(f)) {
		return // yaml.v3 loses this text (one that starts with a line break): Encode quotes it instead
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s: Encode differs from yaml.v3 at byte %d:\n--- Encode\n%s\n--- yaml.v3\n%s", name, firstDiff(got, want), got, want)
	}
	if want := SegmentLines(got); !reflect.DeepEqual(lines, want) && utf8IDs(f) {
		t.Fatalf("%s: lines %v, SegmentLines reads %v", name, lines, want)
	}
}

// utf8IDs reports whether every segment ID is UTF-8: SegmentLines keys
// an ID that is not by its base64 form, Encode by the ID itself.
func utf8IDs(f *File) bool {
	for _, s := range f.Segments {
		if !utf8.ValidString(s.ID) {
			return false
		}
	}
	return true
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestEncodeMatchesYAMLv3 compares the two encoders on stores that cover
// every style: literal blocks with and without final line breaks, texts
// that need double quotes (trailing spaces, control characters, emoji, a
// byte order mark), values YAML would read as numbers, booleans or dates,
// and text that is not UTF-8.
func TestEncodeMatchesYAMLv3(t *testing.T) {
	texts := []string{
		"", "plain", "نص عربي", "Text #1: \"x\" - y", "- leading dash", "# hash", ": colon", "'quoted'", "\"dq\"",
		"two\nlines", "ends with break\n", "two breaks\n\n", "\n", "\nleading break", " leading space", "trailing space ",
		"tab\there", "bell\a", "emoji 😀", "\ufeffbom", "nbsp\u00a0x", "line\u2028sep", "nel\u0085x", "cr\rx", "a\n b", "a \nb",
		"123", "1e5", "0x1F", "0b101", "0o17", "-0b11", "1_000", "true", "yes", "No", "~", "null", ".inf", "-.inf", ".5",
		"2015-07-21", "2015-07-21T02:54:14Z", "12:30", "190:20:30", "---", "...", "--- x", "a: b", "a #b", "[x]", "{x}", "&a", "*a",
		"!tag", "|", ">", "%", "@", "`", "?", "? x", "-", "- ", "x:", "x: ", "'", "it's", "\\back", "\x00nul", "\x7f",
		"\xff\xfe not utf-8", strings.Repeat("long words ", 40), strings.Repeat("y", 200) + "\n" + strings.Repeat("z", 90),
	}
	f := &File{Article: "u-001ac33f99e4"}
	for i, s := range texts {
		f.Segments = append(f.Segments, Segment{
			ID: fmt.Sprintf("p%d-1", i), Kind: article.KindParagraph, Block: i, AR: s, EN: texts[(i+7)%len(texts)],
			Status: StatusMachine, Engine: texts[(i+3)%len(texts)], Model: texts[(i+5)%len(texts)],
			Reviewer: texts[(i+11)%len(texts)], Src: Hash(s), Sum: texts[(i+13)%len(texts)], OldAR: texts[(i+17)%len(texts)],
		})
	}
	for i, s := range texts {
		one := &File{Article: s, Segments: []Segment{{ID: s, Kind: article.Kind(s), AR: s, EN: s, Status: Status(s), Src: s, OldAR: s}}}
		sameAsOracle(t, fmt.Sprintf("text %d %q", i, s), one)
	}
	sameAsOracle(t, "all", f)
	sameAsOracle(t, "empty", &File{})
	sameAsOracle(t, "no segments", &File{Article: "x", Segments: []Segment{}})
}

// TestEncodeMatchesCommittedStores checks the stores in the project's own
// content tree: Encode writes each back byte for byte, as yaml.v3 wrote it.
func TestEncodeMatchesCommittedStores(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(testenv.RepoRoot(t), "content", ArticlesSection, "*", FileName))
	if len(files) == 0 {
		t.Skip("no content tree in the repository")
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Parse(file, data)
		if err != nil {
			t.Fatal(err)
		}
		sameAsOracle(t, file, f)
		if got, _ := Encode(f); !bytes.Equal(got, data) {
			t.Errorf("%s: Encode does not write the file back as it is", file)
		}
	}
}

// TestEncodeMatchesRealArticles compares the encoders on real articles
// (1,000 articles of one day of SaudiNewsNet, every paragraph as it is in
// the export, spaces, control characters and all).
func TestEncodeMatchesRealArticles(t *testing.T) {
	zr, err := zip.OpenReader(testenv.SharedData(t, "saudinewsnet/2015-07-21.zip"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var recs []struct{ URL, Title, Content string }
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		if err := json.Unmarshal(b, &recs); err != nil {
			t.Fatalf("%s: %v", zf.Name, err)
		}
	}
	n := 1000 // a third of the day: enough for every kind of text it holds, in seconds
	if testing.Short() {
		n = 200
	}
	recs = recs[:min(n, len(recs))]
	for n, r := range recs {
		f := &File{Article: fmt.Sprintf("u-%04d", n)}
		f.Segments = append(f.Segments, Segment{ID: "title", Kind: article.KindTitle, AR: r.Title, EN: r.URL, Status: StatusGist, Engine: "gist", Src: Hash(r.Title)})
		for i, p := range strings.Split(r.Content, "\n") {
			f.Segments = append(f.Segments, Segment{ID: fmt.Sprintf("p%d-1", i+1), Kind: article.KindParagraph, Block: i + 1,
				AR: p, EN: strings.TrimSpace(p), Status: StatusMachine, Engine: "deepl", Src: Hash(p), Sum: Hash(p), OldAR: r.Title})
		}
		sameAsOracle(t, f.Article, f)
	}
}

// FuzzEncode checks Encode on arbitrary texts: what it writes reads back
// to the same segments, and it is what yaml.v3 writes whenever yaml.v3's
// own output reads back (where it does not, yaml.v3 loses the text and
// Encode need not follow it).
func FuzzEncode(f *testing.F) {
	f.Add("u-1", "p1-1", "نص", "Text #1: \"x\"", "machine", "deepl", "", "3f2a", "")
	f.Add("1", "true", " a\n", "b \n", "", "\ufeffx", "😀", "0b1", "\n\n")
	f.Add("0", "0", "0", "\t", "0", "0", "0", "\t", "0") // a line of only a tab: yaml.v3 cannot read its block back
	f.Add("a: b", "- x", "x\x00y", "\xff", "2015-07-21", "12:30", "'", "\u2028", "a\r\nb")
	f.Fuzz(func(t *testing.T, art, id, ar, en, status, engine, reviewer, src, old string) {
		if len(art+id+ar+en+status+engine+reviewer+src+old) > 4096 {
			return // long inputs find nothing short ones do not, and slow the oracle
		}
		file := &File{Article: art, Segments: []Segment{
			{ID: id, Kind: article.KindParagraph, Block: 1, AR: ar, EN: en, Status: Status(status), Engine: engine, Reviewer: reviewer, Src: src, Sum: en, OldAR: old},
			{ID: "title", Kind: article.Kind(engine), AR: old, EN: ar, Status: StatusGist, Src: Hash(ar), Model: status},
		}}
		got, lines := Encode(file)
		back, err := Parse("segments.yaml", got)
		if err != nil {
			t.Fatalf("what Encode wrote does not read back: %v\n%s", err, got)
		}
		want := normal(file)
		if !reflect.DeepEqual(normal(back), want) {
			t.Fatalf("round trip changed the store:\n%#v\n%#v\n%s", want, normal(back), got)
		}
		if fast, _, ok := decodeCanonical(got); ok && !reflect.DeepEqual(normal(fast), want) {
			t.Fatalf("the fast path reads\n%#v\nwant\n%#v", normal(fast), want)
		}
		if wl := SegmentLines(got); !reflect.DeepEqual(lines, wl) && utf8IDs(file) {
			t.Fatalf("lines %v, SegmentLines reads %v\n%s", lines, wl, got)
		}
		oracle, err := marshalYAMLv3(file)
		if err != nil {
			return
		}
		if o, err := Parse("segments.yaml", oracle); err != nil || !reflect.DeepEqual(normal(o), want) {
			return // yaml.v3 does not keep this store
		}
		if !bytes.Equal(got, oracle) {
			t.Fatalf("Encode differs from yaml.v3 at byte %d:\n--- Encode\n%q\n--- yaml.v3\n%q", firstDiff(got, oracle), got, oracle)
		}
	})
}

// BenchmarkEncode compares Encode with yaml.v3 (the encoder it replaced)
// on the project's own stores:
//
//	go test -run '^$' -bench Encode -benchmem ./generator/store
func BenchmarkEncode(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(testenv.RepoRoot(b), "content", ArticlesSection, "*", FileName))
	var stores []*File
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		f, err := Parse(file, data)
		if err != nil {
			b.Fatal(err)
		}
		stores = append(stores, f)
	}
	if len(stores) == 0 {
		b.Skip("no content tree in the repository")
	}
	b.Run("Encode", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			Encode(stores[i%len(stores)])
		}
	})
	b.Run("yaml.v3", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			if _, err := marshalYAMLv3(stores[i%len(stores)]); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// FuzzValueFastPath: the short ways of value (simpleText, simplePlain)
// write the same bytes and leave the emitter in the same state as the
// whole choice of style (valueSlow), for any string, as a text and as a
// plain value.
func FuzzValueFastPath(f *testing.F) {
	for _, s := range []string{"نص عربي، «مقتبس».", "Text #1: \"x\"", "p1-1", "title", "u-001ac33f99e4", "d79dfcbb990c8eb3",
		"1234567890123456", "12e4", "0b1f", "0x1f", "1_000", "yes", "No", "null", "True", "~", "NaN", ".inf", "a b", " x", "x ",
		"\u00a0", "\u0085", "\u2028", "\ufeff", "\ufffd", "😀", "\x7f", "\xff", "a\tb", "- x", "#x", "a: b", "---", "lex-75b7160a"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, text bool) {
		start := func() *emitter {
			e := &emitter{line: 1, indention: true, whitespace: true}
			e.raw("segments:\n  - id: x\n")
			e.key(4, "en", false)
			return e
		}
		fast, slow := start(), start()
		got := fast.value(s, text, 6)
		slow.indent = 6
		want := slow.valueSlow(s, text)
		if got != want || !bytes.Equal(fast.buf, slow.buf) || fast.column != slow.column || fast.line != slow.line ||
			fast.indent != slow.indent || fast.whitespace != slow.whitespace || fast.indention != slow.indention {
			t.Fatalf("value(%q, text %v): style %d, %q, %+v\nwant style %d, %q, %+v", s, text, got, fast.buf, *fast, want, slow.buf, *slow)
		}
	})
}

// BenchmarkParse reads the project's own stores as the build does (the
// fast path, checked by encoding what it read):
//
//	go test -run '^$' -bench Parse -benchmem ./generator/store
func BenchmarkParse(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(testenv.RepoRoot(b), "content", ArticlesSection, "*", FileName))
	var data [][]byte
	for _, file := range files {
		d, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		data = append(data, d)
	}
	if len(data) == 0 {
		b.Skip("no content tree in the repository")
	}
	for i := 0; b.Loop(); i++ {
		if _, _, ok := decodeCanonical(data[i%len(data)]); !ok {
			b.Fatal("a store jisr wrote is not canonical")
		}
	}
}
