package content

import (
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/analyze"
	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/generator/translate"
)

func TestProvenanceOf(t *testing.T) {
	s := func(st translate.Status, eng string) store.Segment { return store.Segment{Status: st, Engine: eng} }
	tests := []struct {
		name   string
		segs   []store.Segment
		status string
		engine string
	}{
		{"all gist", []store.Segment{s("gist", "gist"), s("gist", "gist")}, "gist", "gist"},
		{"all machine", []store.Segment{s("machine", "deepl")}, "machine", "deepl"},
		{"mixed", []store.Segment{s("machine", "deepl"), s("gist", "gist")}, "mixed", "deepl, gist"},
		{"reviewed", []store.Segment{s("reviewed", "human")}, "reviewed", ""},
		{"machine and reviewed", []store.Segment{s("reviewed", "human"), s("machine", "google")}, "machine", "google"},
		{"stale", []store.Segment{s("reviewed", "human"), s("stale", "deepl")}, "stale", "deepl"},
		{"empty", nil, "", ""},
	}
	for _, tt := range tests {
		p := ProvenanceOf(tt.segs)
		if p.Status != tt.status || p.Engine != tt.engine {
			t.Errorf("%s: got %q %q, want %q %q", tt.name, p.Status, p.Engine, tt.status, tt.engine)
		}
	}
}

func TestWriteTermsAndArticle(t *testing.T) {
	fs := afero.NewMemMapFs()
	w := &Writer{Fs: fs, Dir: "/c"}
	ent := func(id string, typ analyze.Type) analyze.Entity {
		return analyze.Entity{ID: id, Type: typ, NameEN: strings.ToUpper(id), NameAR: "ع" + id, Known: true,
			Mentions: []analyze.Mention{{Segment: "p1-1"}, {Segment: "p1-1"}}}
	}
	a := &article.Article{ID: "a1", Title: "عنوان", Blocks: []article.Block{{Kind: article.KindParagraph, Text: "نص.", Segments: []article.Segment{{ID: "p1-1", Text: "نص."}}}}}
	segs := []store.Segment{{ID: "title", AR: "عنوان", EN: "Title", Status: "machine", Engine: "x"}, {ID: "p1-1", AR: "نص.", EN: "Text \"quoted\".", Status: "machine", Engine: "x"}}
	pages := []Page{
		{Article: a, Segments: segs, Analysis: analyze.Result{Entities: []analyze.Entity{ent("putin", analyze.Person), ent("russia", analyze.Place), ent("un", analyze.Organization)}}},
		{Article: &article.Article{ID: "a2"}, Analysis: analyze.Result{Entities: []analyze.Entity{ent("putin", analyze.Person), ent("russia", analyze.Place)}}},
	}
	if err := w.WriteArticle(pages[0]); err != nil {
		t.Fatal(err)
	}
	if err := w.WriteTerms(pages); err != nil {
		t.Fatal(err)
	}
	en, err := store.ReadArticlePage(fs, "/c", "a1", "en") // the format's one reader
	if err != nil {
		t.Fatal(err)
	}
	if en.Title != "Title" || en.Lead != "Text \"quoted\"." || en.Mentions["putin"].Count != 2 ||
		en.Mentions["putin"].Snippet != "Text \"quoted\"." || en.Build["publishResources"] != false {
		t.Errorf("index.en.md = %+v", en)
	}
	putin, _ := afero.ReadFile(fs, "/c/entities/putin/_index.en.md")
	// russia co-occurs twice, un once: russia first.
	if i, j := strings.Index(string(putin), "id: russia"), strings.Index(string(putin), "id: un"); i < 0 || j < 0 || i > j {
		t.Errorf("co-occurrence order wrong:\n%s", putin)
	}
	if !strings.Contains(string(putin), "title: PUTIN") || !strings.Contains(string(putin), "type: PERSON") ||
		!strings.Contains(string(putin), "gazetteer: true") || !strings.Contains(string(putin), "reviewed_name: false") {
		t.Errorf("entity page:\n%s", putin)
	}
	ar, _ := afero.ReadFile(fs, "/c/entities/putin/_index.ar.md")
	if !strings.Contains(string(ar), "title: عputin") {
		t.Errorf("arabic entity page:\n%s", ar)
	}
	// Writing the same thing again changes nothing.
	n := w.Written
	w.WriteArticle(pages[0])
	w.WriteTerms(pages)
	if w.Written != n {
		t.Errorf("unchanged rewrite counted %d writes", w.Written-n)
	}
}

func TestPruneTerms(t *testing.T) {
	fs := afero.NewMemMapFs()
	w := &Writer{Fs: fs, Dir: "/c"}
	e := func(id string) analyze.Entity {
		return analyze.Entity{ID: id, Type: analyze.Person, NameEN: id, NameAR: id}
	}
	w.WriteTerms([]Page{{Analysis: analyze.Result{Entities: []analyze.Entity{e("old"), e("kept")}}}})
	afero.WriteFile(fs, "/c/entities/mine/_index.ar.md", []byte("---\ntitle: mine\n---\n"), 0o644)
	w.WriteTerms([]Page{{Analysis: analyze.Result{Entities: []analyze.Entity{e("kept"), e("mine")}}}})
	if b, _ := afero.ReadFile(fs, "/c/entities/mine/_index.ar.md"); string(b) != "---\ntitle: mine\n---\n" {
		t.Errorf("a person's term page was overwritten:\n%s", b)
	}
	w.WriteTerms([]Page{{Analysis: analyze.Result{Entities: []analyze.Entity{e("kept")}}}})
	for p, want := range map[string]bool{"/c/entities/old": false, "/c/entities/kept": true, "/c/entities/mine": true} {
		if ok, _ := afero.DirExists(fs, p); ok != want {
			t.Errorf("%s exists = %v, want %v", p, ok, want)
		}
	}
}
