package content

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
	"gopkg.in/yaml.v3"

	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/generator/translate"
)

func TestWriteReview(t *testing.T) {
	fs := afero.NewMemMapFs()
	w := &Writer{Fs: fs, Dir: "/p/content"}
	a := &article.Article{ID: "a", Title: "عنوان"}
	segs := []store.Segment{
		{ID: "title", Kind: article.KindTitle, AR: "عنوان", EN: "Title", Status: translate.StatusReviewed},
		{ID: "p1-1", Kind: article.KindParagraph, Block: 1, AR: "قتل 12 شخصا", EN: "People were killed", Status: translate.StatusMachine},
		{ID: "p1-2", Kind: article.KindParagraph, Block: 1, AR: "وقال", Status: translate.StatusNone},
	}
	if err := w.WriteReview([]Page{{Article: a, Segments: segs}}); err != nil {
		t.Fatal(err)
	}
	data, err := afero.ReadFile(fs, "/p/content/review/a/index.en.md")
	if err != nil {
		t.Fatal(err)
	}
	var fm struct {
		Title   string
		Article string
		File    string
		Counts  map[string]int
		Total   int
		Pct     int `yaml:"reviewed_pct"`
		QA      []struct{ Segment, Check, Message string }
		Lines   map[string]int
		Build   map[string]any
		Sitemap map[string]any
	}
	if err := yaml.Unmarshal([]byte(strings.Trim(string(data), "-\n")), &fm); err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if fm.Title != "Title" || fm.Article != "a" || fm.File != "content/articles/a/segments.yaml" || fm.Total != 3 || fm.Pct != 33 {
		t.Errorf("front matter = %+v", fm)
	}
	if fm.Counts["reviewed"] != 1 || fm.Counts["machine"] != 1 || fm.Counts["untranslated"] != 1 || fm.Counts["gist"] != 0 {
		t.Errorf("counts = %v", fm.Counts)
	}
	checks := map[string]string{}
	for _, q := range fm.QA {
		checks[q.Segment] += q.Check + " "
	}
	if !strings.Contains(checks["p1-1"], "numbers") || !strings.Contains(checks["p1-2"], "empty") || checks["title"] != "" {
		t.Errorf("QA findings = %v", checks)
	}
	// The lines point at each segment's en: in the segments.yaml that
	// WriteArticle writes for the same segments.
	yml, _ := store.Marshal(&store.File{Article: "a", Segments: segs})
	lines := strings.Split(string(yml), "\n")
	for _, id := range []string{"title", "p1-1", "p1-2"} {
		l := fm.Lines[id]
		if l < 1 || l > len(lines) {
			t.Fatalf("line of %s = %d", id, l)
		}
		// The English is a block under "en: |-": the line is its text.
		if got := strings.TrimSpace(lines[l-2]); id != "p1-2" && !strings.HasPrefix(got, "en: |") {
			t.Errorf("line %d of %s follows %q, want its en: |-", l, id, got)
		}
	}
	if fm.Build["list"] != "local" || fm.Sitemap["disable"] != true {
		t.Errorf("review page is listed: build %v sitemap %v", fm.Build, fm.Sitemap)
	}
	if _, err := afero.ReadFile(fs, "/p/content/review/_index.en.md"); err != nil {
		t.Error("no dashboard page")
	}
}

// TestReviewLinesFromWrittenStore checks that the lines on the review page,
// which WriteReview takes from WriteArticle's one encoding of the store,
// are the lines of the store on disk.
func TestReviewLinesFromWrittenStore(t *testing.T) {
	fs := afero.NewMemMapFs()
	w := &Writer{Fs: fs, Dir: "/p/content"}
	a := &article.Article{ID: "a", Title: "عنوان", Blocks: []article.Block{{Kind: article.KindParagraph, Text: "سطر"}}}
	segs := []store.Segment{
		{ID: "title", Kind: article.KindTitle, AR: "عنوان", EN: "Title\non two lines", Status: translate.StatusReviewed},
		{ID: "p1-1", Kind: article.KindParagraph, Block: 1, AR: "سطر ", EN: "trailing space ", Status: translate.StatusMachine},
		{ID: "p1-2", Kind: article.KindParagraph, Block: 1, AR: "وقال", Status: translate.StatusNone},
	}
	pages := []Page{{Article: a, Segments: segs}}
	if err := w.WriteArticle(pages[0]); err != nil {
		t.Fatal(err)
	}
	if err := w.WriteReview(pages); err != nil {
		t.Fatal(err)
	}
	yml, err := afero.ReadFile(fs, "/p/content/articles/a/segments.yaml")
	if err != nil {
		t.Fatal(err)
	}
	data, err := afero.ReadFile(fs, "/p/content/review/a/index.en.md")
	if err != nil {
		t.Fatal(err)
	}
	var fm struct{ Lines map[string]int }
	if err := yaml.Unmarshal([]byte(strings.Trim(string(data), "-\n")), &fm); err != nil {
		t.Fatal(err)
	}
	want := store.SegmentLines(yml)
	if len(want) != 3 || len(fm.Lines) != 3 {
		t.Fatalf("lines %v, want %v", fm.Lines, want)
	}
	for id, l := range want {
		if fm.Lines[id] != l {
			t.Errorf("line of %s = %d, the store has it at %d", id, fm.Lines[id], l)
		}
	}
}
