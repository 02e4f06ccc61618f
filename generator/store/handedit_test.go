package store

import (
	"errors"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/article"
)

// hard texts: each is cut, or fails to parse, when written as a plain YAML
// scalar after "en:".
var hard = []string{
	"The coalition of 60 countries #1 priority is security",
	"Note: the minister said",
	"- a leading dash",
	`"Quoted" at the start, and 'single' ones`,
	"two lines\nof text",
	"# all comment",
	"ends with a colon:",
	"  two leading spaces",
	"trailing spaces  ",
	"a tab\tand a control \x1a character",
	"yes",
	"",
}

func hardFile() *File {
	f := &File{Article: "a"}
	for i, en := range hard {
		ar := "نص " + strings.Repeat("و", i+1) + " #" + ": -"
		f.Segments = append(f.Segments, Segment{ID: "p1-" + string(rune('a'+i)), Kind: article.KindParagraph, Block: 1,
			AR: ar, EN: en, Status: StatusMachine, Engine: "e", Src: Hash(ar), Sum: Hash(en)})
	}
	return f
}

// Every text round-trips exactly through the file.
func TestStoreRoundTrip(t *testing.T) {
	fs := afero.NewMemMapFs()
	f := hardFile()
	if err := Save(fs, "/c/segments.yaml", f); err != nil {
		t.Fatal(err)
	}
	back, err := Load(fs, "/c/segments.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range back.Segments {
		if s.EN != f.Segments[i].EN || s.AR != f.Segments[i].AR {
			t.Errorf("segment %d: got %q / %q, want %q / %q", i, s.EN, s.AR, f.Segments[i].EN, f.Segments[i].AR)
		}
	}
	data, _ := afero.ReadFile(fs, "/c/segments.yaml")
	if !strings.Contains(string(data), "    en: |-\n      The coalition of 60 countries #1 priority is security\n") {
		t.Errorf("the text is not a block:\n%s", data)
	}
}

// A person edits the file as text, typing #, :, a leading -, quotes and a
// new line into the blocks: every word is read back, and the edits become
// reviewed.
func TestStoreHandEdits(t *testing.T) {
	fs := afero.NewMemMapFs()
	if err := Save(fs, "/c/segments.yaml", hardFile()); err != nil {
		t.Fatal(err)
	}
	data, _ := afero.ReadFile(fs, "/c/segments.yaml")
	edits := map[string]string{
		"The coalition of 60 countries #1 priority is security": "The coalition of 60 nations' #1 priority: security",
		"Note: the minister said":                               "- Note: the minister said \"no\" # twice",
		"two lines":                                             "three",
	}
	text := string(data)
	for old, nu := range edits {
		if !strings.Contains(text, "      "+old+"\n") {
			t.Fatalf("no line %q in\n%s", old, text)
		}
		text = strings.Replace(text, "      "+old+"\n", "      "+nu+"\n", 1)
	}
	// A new line typed into a block, at the block's indentation.
	text = strings.Replace(text, "      of text\n", "      of text\n      # and a third: line\n", 1)
	afero.WriteFile(fs, "/c/segments.yaml", []byte(text), 0o644)
	f, err := Load(fs, "/c/segments.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]string{
		0: "The coalition of 60 nations' #1 priority: security",
		1: "- Note: the minister said \"no\" # twice",
		4: "three\nof text\n# and a third: line",
	}
	for i, w := range want {
		s := f.Segments[i]
		if s.EN != w {
			t.Errorf("segment %d = %q, want %q", i, s.EN, w)
		}
		if !s.Edited() {
			t.Errorf("segment %d: edit not seen", i)
		}
	}
	segs, _ := Merge(f, []article.Segment{{ID: f.Segments[0].ID, Kind: article.KindParagraph, Block: 1, Text: f.Segments[0].AR}}, StatusMachine)
	if segs[0].Status != StatusReviewed || segs[0].Engine != EngineHuman || segs[0].EN != want[0] {
		t.Errorf("merged edit = %+v, want reviewed by a human", segs[0])
	}
}

// A text typed on the "en:" line, where YAML would cut it at " #" or fail
// at ": ", is an error with the file, line and column and what to fix,
// never a silent loss nor "delete the file".
func TestStoreEditErrors(t *testing.T) {
	fs := afero.NewMemMapFs()
	f := &File{Article: "a", Segments: []Segment{{ID: "p1-1", AR: "أ", EN: "", Status: StatusGist, Src: Hash("أ")}, {ID: "p1-2", AR: "ب", EN: "B", Status: StatusGist, Src: Hash("ب")}}}
	if err := Save(fs, "/c/segments.yaml", f); err != nil {
		t.Fatal(err)
	}
	data, _ := afero.ReadFile(fs, "/c/segments.yaml")
	for _, tc := range []struct{ name, line string }{
		{"comment cuts the text", "    en: The coalition of 60 countries #1 priority"},
		{"colon", "    en: Note: the minister said"},
		{"leading quote", `    en: "Quoted" at the start`},
		{"leading dash", "    en: - a dash"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := strings.Replace(string(data), `    en: ""`, tc.line, 1)
			if text == string(data) {
				t.Fatal("no empty en line to edit")
			}
			lineNo := strings.Count(text[:strings.Index(text, tc.line)], "\n") + 1
			afero.WriteFile(fs, "/c/bad.yaml", []byte(text), 0o644)
			_, err := Load(fs, "/c/bad.yaml")
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a ParseError", err)
			}
			if pe.File != "/c/bad.yaml" || pe.Line != lineNo || pe.Column < 5 {
				t.Errorf("error at %s:%d:%d, want line %d: %v", pe.File, pe.Line, pe.Column, lineNo, err)
			}
			msg := err.Error()
			if !strings.Contains(msg, "en: |") || strings.Contains(msg, "delete") {
				t.Errorf("message does not say what to fix: %s", msg)
			}
		})
	}
}
