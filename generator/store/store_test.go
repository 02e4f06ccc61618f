package store

import (
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/article"
)

func seg(id, ar string) article.Segment {
	return article.Segment{ID: id, Kind: article.KindParagraph, Block: 1, Text: ar}
}

func stored(id, ar, en string, st Status) Segment {
	s := Segment{ID: id, Kind: article.KindParagraph, Block: 1, AR: ar, EN: en, Status: st, Engine: "e", Src: Hash(ar)}
	if st != StatusReviewed {
		s.Sum = Hash(en)
	}
	return s
}

func TestMerge(t *testing.T) {
	tests := []struct {
		name      string
		stored    []Segment
		fresh     []article.Segment
		give      Status
		wantNeed  int
		wantEN    string
		wantState Status
	}{
		{"missing needs engine", nil, []article.Segment{seg("p1-1", "أ")}, StatusGist, 1, "", ""},
		{"same source reused", []Segment{stored("p1-1", "أ", "A", StatusGist)}, []article.Segment{seg("p1-1", "أ")}, StatusGist, 0, "A", StatusGist},
		{"gist upgraded by machine engine", []Segment{stored("p1-1", "أ", "A", StatusGist)}, []article.Segment{seg("p1-1", "أ")}, StatusMachine, 1, "A", StatusGist},
		{"machine kept under gist engine", []Segment{stored("p1-1", "أ", "A", StatusMachine)}, []article.Segment{seg("p1-1", "أ")}, StatusGist, 0, "A", StatusMachine},
		{"reviewed never touched", []Segment{stored("p1-1", "أ", "Human A", StatusReviewed)}, []article.Segment{seg("p1-1", "أ")}, StatusMachine, 0, "Human A", StatusReviewed},
		{"changed source under reviewed becomes stale", []Segment{stored("p1-1", "أ", "Human A", StatusReviewed)}, []article.Segment{seg("p1-1", "ب")}, StatusMachine, 0, "Human A", StatusStale},
		{"changed source under machine retranslated", []Segment{stored("p1-1", "أ", "A", StatusMachine)}, []article.Segment{seg("p1-1", "ب")}, StatusMachine, 1, "", ""},
		{"moved block found by hash", []Segment{stored("p1-1", "أ", "A", StatusReviewed)}, []article.Segment{seg("p2-1", "أ")}, StatusMachine, 0, "A", StatusReviewed},
		{"hand edit becomes reviewed", []Segment{func() Segment { s := stored("p1-1", "أ", "A", StatusMachine); s.EN = "Better A"; return s }()}, []article.Segment{seg("p1-1", "أ")}, StatusMachine, 0, "Better A", StatusReviewed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			segs, need := Merge(&File{Segments: tt.stored}, tt.fresh, tt.give)
			if len(need) != tt.wantNeed {
				t.Errorf("need = %v, want %d", need, tt.wantNeed)
			}
			if segs[0].EN != tt.wantEN || segs[0].Status != tt.wantState {
				t.Errorf("got %q %q, want %q %q", segs[0].EN, segs[0].Status, tt.wantEN, tt.wantState)
			}
			if segs[0].ID != tt.fresh[0].ID || segs[0].AR != tt.fresh[0].Text || segs[0].Src != Hash(tt.fresh[0].Text) {
				t.Errorf("segment identity not from fresh: %+v", segs[0])
			}
		})
	}
}

func TestStaleKeepsOldArabicAndEditClearsIt(t *testing.T) {
	f := &File{Segments: []Segment{stored("p1-1", "أ", "Human A", StatusReviewed)}}
	segs, _ := Merge(f, []article.Segment{seg("p1-1", "ب")}, StatusMachine)
	if segs[0].Status != StatusStale || segs[0].OldAR != "أ" {
		t.Fatalf("stale segment: %+v", segs[0])
	}
	// Stays stale on the next build.
	segs, _ = Merge(&File{Segments: segs}, []article.Segment{seg("p1-1", "ب")}, StatusMachine)
	if segs[0].Status != StatusStale {
		t.Fatalf("second build: %+v", segs[0])
	}
	// The translator fixes the English in the file: reviewed again.
	segs[0].EN = "Human B"
	segs, _ = Merge(&File{Segments: segs}, []article.Segment{seg("p1-1", "ب")}, StatusMachine)
	if segs[0].Status != StatusReviewed || segs[0].EN != "Human B" || segs[0].Engine != "human" {
		t.Fatalf("after edit: %+v", segs[0])
	}
}

func TestSaveLoadAtomic(t *testing.T) {
	fs := afero.NewMemMapFs()
	file := Path("/c", "a1")
	in := &File{Article: "a1", Segments: []Segment{stored("p1-1", "قال «نعم»: \"لا\"", "He said", StatusMachine)}}
	if err := Save(fs, file, in); err != nil {
		t.Fatal(err)
	}
	out, err := Load(fs, file)
	if err != nil {
		t.Fatal(err)
	}
	if out.Segments[0].AR != in.Segments[0].AR || out.Article != "a1" {
		t.Errorf("round trip: %+v", out)
	}
	entries, _ := afero.ReadDir(fs, "/c/articles/a1")
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	// A missing store is empty; a corrupt one is an error naming the file.
	if f, err := Load(fs, "/c/articles/none/segments.yaml"); err != nil || len(f.Segments) != 0 {
		t.Errorf("missing: %v %v", f, err)
	}
	afero.WriteFile(fs, "/c/bad.yaml", []byte("segments: [unclosed"), 0o644)
	if _, err := Load(fs, "/c/bad.yaml"); err == nil || !strings.Contains(err.Error(), "/c/bad.yaml") {
		t.Errorf("corrupt: %v", err)
	}
}

func TestFailedWriteKeepsOldFile(t *testing.T) {
	base := afero.NewMemMapFs()
	afero.WriteFile(base, "/c/x", []byte("old"), 0o644)
	ro := afero.NewReadOnlyFs(base)
	if err := WriteFileAtomic(ro, "/c/x", []byte("new")); err == nil {
		t.Fatal("write to a read-only fs succeeded")
	}
	if b, _ := afero.ReadFile(base, "/c/x"); string(b) != "old" {
		t.Errorf("old file changed: %q", b)
	}
}

func TestMemory(t *testing.T) {
	fs := afero.NewMemMapFs()
	Save(fs, Path("/c", "old-name"), &File{Article: "old-name", Segments: []Segment{
		stored("p1-1", "أ", "Reviewed A", StatusReviewed),
		stored("p1-2", "ب", "B", StatusGist),
		stored("p1-3", "ج", "Stale C", StatusStale),
	}})
	afero.WriteFile(fs, "/c/articles/broken/segments.yaml", []byte("segments: [x"), 0o644)
	files, errs := LoadAll(fs, "/c")
	if len(files) != 1 || errs["broken"] == nil {
		t.Fatalf("LoadAll: %v %v", files, errs)
	}
	mem := Memory{}
	mem.Add(files["old-name"])
	segs, need := MergeWith(&File{}, []article.Segment{seg("p1-1", "أ"), seg("p1-2", "ب"), seg("p1-3", "ج")}, StatusMachine, mem)
	if segs[0].EN != "Reviewed A" || segs[0].Status != StatusReviewed {
		t.Errorf("review not carried to the renamed article: %+v", segs[0])
	}
	if segs[1].EN != "B" || len(need) != 2 || need[0] != 1 || need[1] != 2 {
		t.Errorf("gist reused but must still be upgraded, stale not reused: need=%v segs=%+v", need, segs)
	}
}
