package search

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/jisr-news/jisr/generator/analyze"
	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/generator/segment"
	"github.com/jisr-news/jisr/generator/translate/gist"
	"github.com/jisr-news/jisr/internal/testenv"
)

// corpusArticle is one article of a corpus as the site indexes it: its
// two article pages and what analysis found in it.
type corpusArticle struct {
	ar, en Doc
	res    analyze.Result
}

// loadCorpus reads the first n records of a corpus folder that
// `go run scripts/bench-site.go corpus -n N -out DIR` wrote, and turns
// each into the pages a site has: the Arabic article, its gist English
// (the default engine) and the entities and tags analysis finds.
func loadCorpus(t testing.TB, dir string, n int) []corpusArticle {
	t.Helper()
	eng, err := gist.NewWithoutFreeDict()
	if err != nil {
		t.Fatal(err)
	}
	an := analyze.Default()
	var out []corpusArticle
	for i := range n {
		b, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("r%05d.json", i)))
		if err != nil {
			t.Fatalf("corpus %s has fewer than %d articles: %v", dir, n, err)
		}
		var r struct {
			Title string `json:"title"`
			Body  string `json:"content"`
			Date  string `json:"date_extracted"`
		}
		if err := json.Unmarshal(b, &r); err != nil {
			t.Fatalf("%s: record %d: %v", dir, i, err)
		}
		a := &article.Article{ID: fmt.Sprintf("r%05d", i), Title: r.Title, Blocks: segment.Lines(r.Body)}
		segment.Article(a)
		var ar []string
		for _, s := range a.Segments() {
			if s.Kind != article.KindTitle {
				ar = append(ar, s.Text)
			}
		}
		en, err := eng.Translate(context.Background(), append([]string{r.Title}, ar...))
		if err != nil {
			t.Fatal(err)
		}
		day := r.Date
		if len(day) > 10 {
			day = day[:10]
		}
		out = append(out, corpusArticle{
			ar:  Doc{Kind: KindArticle, Lang: "ar", Path: PagePath("ar", "articles", a.ID, false), Title: r.Title, Meta: day, Text: ar},
			en:  Doc{Kind: KindArticle, Lang: "en", Path: PagePath("en", "articles", a.ID, false), Title: en[0], Meta: day, Text: en[1:]},
			res: an.Analyze(a),
		})
	}
	return out
}

// siteDocs returns the docs of a site of these articles, in the order
// FromContent gives them: articles, then entities, then tags, each in
// both languages.
func siteDocs(arts []corpusArticle) []Doc {
	var docs []Doc
	ents := map[string]analyze.Entity{}
	tags := map[string]analyze.Tag{}
	// The build's rule (build.dropWeakEntities): an entity the gazetteer
	// does not know gets a page when two articles name it and
	// analyze.PageWorthy passes it.
	named := map[string]int{}
	for _, a := range arts {
		for _, e := range a.res.Entities {
			named[e.ID]++
		}
	}
	for _, a := range arts {
		docs = append(docs, a.ar, a.en)
		for _, e := range a.res.Entities {
			if worthy, _ := analyze.PageWorthy(e); !e.Known && (named[e.ID] < 2 || !worthy) {
				continue
			}
			if _, ok := ents[e.ID]; !ok {
				ents[e.ID] = e
			}
		}
		for _, g := range a.res.Tags {
			tags[g.ID] = g
		}
	}
	ids := func(m map[string]bool) []string {
		var s []string
		for k := range m {
			s = append(s, k)
		}
		sort.Strings(s)
		return s
	}
	eids, tids := map[string]bool{}, map[string]bool{}
	for k := range ents {
		eids[k] = true
	}
	for k := range tags {
		tids[k] = true
	}
	for _, id := range ids(eids) {
		e := ents[id]
		names := append(append([]string{e.NameAR, e.NameEN}, e.Aliases...), e.NameAR, e.NameEN)
		for _, lang := range []string{"ar", "en"} {
			title := e.NameAR
			if lang == "en" {
				title = e.NameEN
			}
			docs = append(docs, Doc{Kind: KindEntity, Lang: lang, Path: PagePath(lang, "entities", id, false), Title: title, Meta: string(e.Type), Text: names, Names: names})
		}
	}
	for _, id := range ids(tids) {
		g := tags[id]
		names := []string{g.LabelAR, g.LabelEN, g.LabelAR, g.LabelEN}
		for _, lang := range []string{"ar", "en"} {
			title := g.LabelAR
			if lang == "en" {
				title = g.LabelEN
			}
			docs = append(docs, Doc{Kind: KindTag, Lang: lang, Path: PagePath(lang, "tags", id, false), Title: title, Text: names, Names: names})
		}
	}
	return docs
}

// firstQueries are the searches measured: the reader's journey («داعش»,
// "Putin"), common words of Saudi news, two-word queries and prefixes.
var firstQueries = []query{
	{"داعش", "ar"}, {"Putin", "en"}, {"بوتين", "ar"}, {"الاستخبارات", "ar"},
	{"السعودية", "ar"}, {"الرياض", "ar"}, {"النفط", "ar"}, {"الملك سلمان", "ar"},
	{"وزارة الصحة", "ar"}, {"كورونا", "ar"}, {"اليمن الحوثي", "ar"}, {"Saudi", "en"},
	{"oil prices", "en"}, {"Islamic State", "en"}, {"minister of interior", "en"}, {"استخب", "ar"},
}

// TestFirstSearchBytes measures what a reader's first search downloads
// (search.js, the first file, the term parts and the metadata parts of the
// hits shown) on sites of 1,000, 5,000 and 10,000 articles of the corpus
// in $JISR_SEARCH_CORPUS (made by `go run scripts/bench-site.go corpus -n
// 10000 -out DIR`; $JISR_SEARCH_SIZES changes the sizes). It fails when a
// search of firstQueries at 10,000 articles loads more than 600 KB, and
// logs the largest first search of words drawn from the articles too.
func TestFirstSearchBytes(t *testing.T) {
	dir := os.Getenv("JISR_SEARCH_CORPUS")
	if dir == "" {
		t.Skip("JISR_SEARCH_CORPUS not set: make a corpus with `go run scripts/bench-site.go corpus -n 10000 -out DIR` and set it to DIR")
	}
	if _, err := os.Stat(filepath.Join(dir, "r00000.json")); err != nil {
		t.Skipf("no corpus in %s: %v", dir, err)
	}
	sizes := []int{1000, 5000, 10000}
	if s := os.Getenv("JISR_SEARCH_SIZES"); s != "" {
		sizes = nil
		for _, f := range strings.Split(s, ",") {
			n, err := strconv.Atoi(f)
			if err != nil {
				t.Fatalf("JISR_SEARCH_SIZES: %v", err)
			}
			sizes = append(sizes, n)
		}
	}
	script, err := os.ReadFile(filepath.Join(testenv.RepoRoot(t), "static", "js", "search.js"))
	if err != nil {
		t.Fatal(err)
	}
	arts := loadCorpus(t, dir, sizes[len(sizes)-1])
	for _, n := range sizes {
		docs := siteDocs(arts[:n])
		x := New(docs)
		f, err := x.Files()
		if err != nil {
			t.Fatal(err)
		}
		terms := 0
		for p := range f.Parts {
			if p[0] == 't' {
				terms++
			}
		}
		t.Logf("%d articles, %d docs: index %d KB in %d files (%d term parts, %d metadata parts), first file %d KB, search.js %d KB",
			n, len(docs), f.Size()/1024, len(f.Parts)+1, terms, len(f.Parts)-terms, len(f.First)/1024, len(script)/1024)
		worst := 0
		for _, q := range firstQueries {
			r, err := OpenReader(f.First, func(name string) ([]byte, error) { return f.Parts[name], nil })
			if err != nil {
				t.Fatal(err)
			}
			a, _ := goAnswer(t, r, q)
			total := len(script) + r.Bytes
			t.Logf("  %-22q %6d hits, %3d parts, %4d KB", q.Q, len(a.IDs), len(a.Parts), total/1024)
			worst = max(worst, total)
			if n >= 10000 && total > 600*1024 {
				t.Errorf("%d articles: the first search %q loads %d KB, over 600 KB", n, q.Q, total/1024)
			}
		}
		// Words of the articles, as written: the largest first search.
		probes := probeQueries(docs[:min(len(docs), 600)], "")
		big, bigQ := 0, ""
		var all []int
		for _, q := range probes {
			r, _ := OpenReader(f.First, func(name string) ([]byte, error) { return f.Parts[name], nil })
			goAnswer(t, r, q)
			total := len(script) + r.Bytes
			all = append(all, total)
			if total > big {
				big, bigQ = total, q.Q
			}
		}
		sort.Ints(all)
		t.Logf("  %d queries of the articles' words: median %d KB, 95th percentile %d KB, largest %d KB (%q); of the list above: largest %d KB",
			len(all), all[len(all)/2]/1024, all[len(all)*95/100]/1024, big/1024, bigQ, worst/1024)
	}
}
