package content

import (
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/analyze"
	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/generator/segment"
	"github.com/jisr-news/jisr/generator/store"
)

// A tag whose page name would be too long for a file (a 315-byte Latin
// tag, a 100-word Arabic one) gets a shortened page name while its label
// stays whole; two long tags with the same first words get two pages; the
// build is told which seed and tag, and a usable tag keeps its name.
func TestLongTagsGetShortPageNames(t *testing.T) {
	latin := strings.Repeat("economic reform ", 20) // 320 bytes
	arab := strings.Repeat("اقتصاد ", 100)
	a := &article.Article{ID: "a1", Source: "seeds/day.jsonl#url=https://x.test/9", Title: "وسم طويل",
		Tags:   []string{latin + "one", latin + "two", arab, "Oil and gas"},
		Blocks: []article.Block{{Kind: article.KindParagraph, Text: "قال الوزير إن البرلمان سيصوت غدا."}}}
	segment.Article(a)
	p := Page{Article: a, Analysis: analyze.Default().Analyze(a)}
	ids := map[string]analyze.Tag{}
	for _, tg := range p.Analysis.Tags {
		ids[tg.ID] = tg
	}
	if _, ok := ids["oil-and-gas"]; !ok {
		t.Errorf("the usable tag lost its name: %v", ids)
	}
	long := 0
	for id, tg := range ids {
		if err := article.Check("a1", 1, id); err != nil {
			t.Errorf("tag %.40q…: %v", tg.LabelEN, err)
		}
		if article.Shortened(id) {
			long++
			if len([]rune(tg.LabelAR)) < 100 {
				t.Errorf("the label of %s was cut: %q", id, tg.LabelAR)
			}
		}
	}
	if long != 3 {
		t.Fatalf("%d shortened tag pages, want 3 (two Latin tags sharing a prefix, one Arabic): %v", long, ids)
	}
	warns := Warnings(p)
	if len(warns) != 3 || !strings.Contains(warns[0], a.Source) || !strings.Contains(warns[0], "economic reform economic") {
		t.Errorf("warnings %q: want one per shortened tag, naming the seed and the tag", warns)
	}
	fs := afero.NewMemMapFs()
	w := &Writer{Fs: fs, Dir: "/c"}
	if err := w.WriteArticle(p); err != nil {
		t.Fatal(err)
	}
	if err := w.WriteTerms([]Page{p}); err != nil {
		t.Fatal(err)
	}
	for id, tg := range ids {
		fm, err := store.ReadTagPage(fs, "/c", id, "en")
		if err != nil {
			t.Fatalf("tag page %s: %v", id, err)
		}
		if fm.Title != tg.LabelEN || fm.LabelAR != tg.LabelAR {
			t.Errorf("tag page %s: title %.40q…, want the whole label", id, fm.Title)
		}
	}
}
