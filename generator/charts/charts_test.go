package charts

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jisr-news/jisr/templates"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func locale(t testing.TB, lang string) *Locale {
	t.Helper()
	data, err := templates.FS.ReadFile("i18n/" + lang + ".toml")
	if err != nil {
		t.Fatal(err)
	}
	l, err := LocaleFromTOML(lang, data)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// prettyLinks are the links of a term page at entities/<id>/.
var prettyLinks = Links{
	Entity:  func(id string) string { return "../" + id + "/" },
	Article: func(id string) string { return "../../articles/" + id + "/" },
}

func july(d int) time.Time { return time.Date(2015, 7, d, 0, 0, 0, 0, time.UTC) }

// fixture is a small week of news: six articles, five entities, two tags.
func fixture() ([]Article, []Entity) {
	ents := []Entity{
		{ID: "islamic-state", Type: Organization, NameAR: "تنظيم الدولة الإسلامية", NameEN: "Islamic State"},
		{ID: "iraq", Type: Place, NameAR: "العراق", NameEN: "Iraq"},
		{ID: "vladimir-putin", Type: Person, NameAR: "فلاديمير بوتين", NameEN: "Vladimir Putin"},
		{ID: "saudi-press-agency", Type: Organization, NameAR: "وكالة الأنباء السعودية الرسمية «واس»", NameEN: "Saudi Press Agency of the Kingdom"},
		{ID: "x-thing", Type: "MISC", NameAR: "مؤتمر <جنيف>", NameEN: "Geneva <talks> & more"},
	}
	arts := []Article{
		{ID: "a1", Date: july(21), TitleAR: "داعش في العراق", TitleEN: "IS in Iraq", Entities: []Mention{{"islamic-state", 3}, {"iraq", 2}}, Tags: []string{"politics"}},
		{ID: "a2", Date: july(21), TitleAR: "بوتين والعراق", TitleEN: "Putin and Iraq", Entities: []Mention{{"vladimir-putin", 1}, {"iraq", 1}, {"islamic-state", 1}}, Tags: []string{"politics"}},
		{ID: "a3", Date: july(23), TitleAR: "واس: خبر", TitleEN: "SPA: news", Entities: []Mention{{"saudi-press-agency", 1}, {"islamic-state", 2}}, Tags: []string{"politics", "crime"}},
		{ID: "a4", Date: july(26), TitleAR: "جنيف", TitleEN: "Geneva", Entities: []Mention{{"x-thing", 1}, {"islamic-state", 1}, {"vladimir-putin", 2}}},
		{ID: "a5", Date: july(26), TitleAR: "العراق مجددا", TitleEN: "Iraq again", Entities: []Mention{{"iraq", 4}, {"islamic-state", 1}}, Tags: []string{"crime"}},
		{ID: "a6", TitleAR: "بلا تاريخ", TitleEN: "Undated", Entities: []Mention{{"islamic-state", 1}}},
	}
	return arts, ents
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file (go test ./generator/charts -update, then read the diff)\ngot:\n%s", name, got)
	}
}

func TestGolden(t *testing.T) {
	arts, ents := fixture()
	ix := NewIndex(arts, ents)
	for _, lang := range []string{"ar", "en"} {
		loc := locale(t, lang)
		tl := ix.EntityTimeline("islamic-state", loc, prettyLinks)
		golden(t, "timeline."+lang+".svg", tl.SVG)
		golden(t, "timeline."+lang+".html", tl.Table)
		g := ix.Graph("islamic-state", loc, prettyLinks)
		golden(t, "graph."+lang+".svg", g.SVG)
		golden(t, "graph."+lang+".html", g.Table)
		golden(t, "tag."+lang+".svg", ix.TagTimeline("politics", map[string]string{"ar": "سياسة", "en": "politics"}[lang], loc, prettyLinks).SVG)
	}
	st := StatusChart(map[string]int{"gist": 120, "machine": 40, "stale": 3, "reviewed": 37, "untranslated": 0}, locale(t, "en"))
	golden(t, "status.en.svg", st.SVG)
	golden(t, "status.en.html", st.Table)
	golden(t, "status.ar.svg", StatusChart(map[string]int{"gist": 5, "reviewed": 5}, locale(t, "ar")).SVG)
}

// The same articles in any order give the same bytes.
func TestDeterministic(t *testing.T) {
	arts, ents := fixture()
	want := NewIndex(arts, ents).Graph("islamic-state", locale(t, "ar"), prettyLinks).SVG
	wantTL := NewIndex(arts, ents).EntityTimeline("iraq", locale(t, "ar"), prettyLinks).SVG
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20; i++ {
		a := append([]Article(nil), arts...)
		r.Shuffle(len(a), func(i, j int) { a[i], a[j] = a[j], a[i] })
		ix := NewIndex(a, ents)
		if got := ix.Graph("islamic-state", locale(t, "ar"), prettyLinks).SVG; got != want {
			t.Fatalf("shuffle %d: graph bytes differ", i)
		}
		if got := ix.EntityTimeline("iraq", locale(t, "ar"), prettyLinks).SVG; got != wantTL {
			t.Fatalf("shuffle %d: timeline bytes differ", i)
		}
	}
}

var textRE = regexp.MustCompile(`<text[^>]*>([^<]*)</text>`)

// Every Arabic label is drawn right to left, every Latin one left to
// right, and no string is stored reversed.
func TestLabelDirection(t *testing.T) {
	arts, ents := fixture()
	ix := NewIndex(arts, ents)
	for _, lang := range []string{"ar", "en"} {
		for _, svg := range []string{ix.Graph("islamic-state", locale(t, lang), prettyLinks).SVG, ix.EntityTimeline("islamic-state", locale(t, lang), prettyLinks).SVG} {
			n := 0
			for _, m := range textRE.FindAllStringSubmatch(svg, -1) {
				if isArabic(m[1]) {
					n++
					if !strings.Contains(m[0], `direction="rtl" unicode-bidi="embed"`) {
						t.Errorf("%s: Arabic label without rtl: %s", lang, m[0])
					}
				} else if strings.ContainsAny(m[1], "abcdefghijklmnopqrstuvwxyz") && !strings.Contains(m[0], `direction="ltr"`) {
					t.Errorf("%s: Latin label without ltr: %s", lang, m[0])
				}
			}
			if lang == "ar" && n == 0 {
				t.Errorf("no Arabic label on the Arabic chart")
			}
		}
	}
	g := ix.Graph("islamic-state", locale(t, "ar"), prettyLinks).SVG
	if !strings.Contains(g, ">العراق</text>") {
		t.Error("the Arabic name is not stored in logical order")
	}
}

// Names are escaped in labels, titles and tables; long names are cut with
// an ellipsis, the full name kept in <title>.
func TestEscapeAndEllipsis(t *testing.T) {
	arts, ents := fixture()
	ix := NewIndex(arts, ents)
	g := ix.Graph("islamic-state", locale(t, "en"), prettyLinks)
	for _, s := range []string{g.SVG, g.Table} {
		if strings.Contains(s, "<talks>") || strings.Contains(s, "& more") {
			t.Errorf("unescaped name in %s", s)
		}
	}
	if !strings.Contains(g.SVG, ">Saudi Press Agency of…</text>") {
		t.Errorf("long name not shortened: %s", g.SVG)
	}
	if !strings.Contains(g.SVG, "<title>Saudi Press Agency of the Kingdom (Organization)") {
		t.Error("the full name is not in the node's title")
	}
	for _, c := range []struct {
		in   string
		max  int
		want string
	}{
		{"Vladimir Putin", 20, "Vladimir Putin"},
		{"Vladimir Putin", 10, "Vladimir…"},
		{"مُحَمَّد بن سلمان", 4, "مُحَمَّ…"}, // marks stay with their letter
	} {
		if got, _ := shorten(c.in, c.max); got != c.want {
			t.Errorf("shorten(%q, %d) = %q, want %q", c.in, c.max, got, c.want)
		}
	}
}

// Every link is relative: no scheme, no leading slash.
func TestLinksRelative(t *testing.T) {
	arts, ents := fixture()
	ix := NewIndex(arts, ents)
	hrefRE := regexp.MustCompile(`href="([^"]*)"`)
	for _, f := range []Figure{ix.Graph("islamic-state", locale(t, "en"), prettyLinks), ix.EntityTimeline("iraq", locale(t, "ar"), prettyLinks)} {
		hrefs := hrefRE.FindAllStringSubmatch(f.SVG+f.Table, -1)
		if len(hrefs) == 0 {
			t.Fatal("no links")
		}
		for _, h := range hrefs {
			if strings.HasPrefix(h[1], "/") || strings.Contains(h[1], ":") {
				t.Errorf("link not relative: %s", h[1])
			}
		}
	}
}

// Bars link to rows of the table, which list that period's articles.
func TestTimelineBarsLinkToRows(t *testing.T) {
	arts, ents := fixture()
	f := NewIndex(arts, ents).EntityTimeline("islamic-state", locale(t, "en"), prettyLinks)
	bars := regexp.MustCompile(`<a href="#(tl-[^"]+)">`).FindAllStringSubmatch(f.SVG, -1)
	if len(bars) != 3 { // 21, 23 and 26 July; a6 is undated
		t.Fatalf("%d linked bars, want 3", len(bars))
	}
	for _, b := range bars {
		if !strings.Contains(f.Table, `<tr id="`+b[1]+`">`) {
			t.Errorf("bar links to #%s, which the table lacks", b[1])
		}
	}
	if !strings.Contains(f.Table, `<a href="../../articles/a1/">IS in Iraq</a>`) {
		t.Error("the table does not link the period's articles")
	}
}

func TestGranularity(t *testing.T) {
	for _, c := range []struct {
		days int
		want unit
		bars int
	}{{0, day, 1}, {30, day, 31}, {62, day, 63}, {63, week, 10}, {400, week, 58}, {731, month, 25}, {3650, month, 120}, {3651, year, 10}, {23000, year, 63}} {
		first := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC) // a Thursday
		a := []*Article{{ID: "a", Date: first}, {ID: "b", Date: first.AddDate(0, 0, c.days)}}
		ps, u := periods(a)
		if u != c.want || len(ps) != c.bars {
			t.Errorf("span %d days: %s × %d, want %s × %d", c.days, u, len(ps), c.want, c.bars)
		}
	}
	loc := locale(t, "ar")
	if got := label(time.Date(2015, 7, 20, 0, 0, 0, 0, time.UTC), month, loc); got != "يوليو 2015" {
		t.Errorf("Arabic month label %q", got)
	}
}

// A full graph (the most neighbours, every pair linked) stays under 20 KB.
func TestGraphSize(t *testing.T) {
	var ents []Entity
	var ms []Mention
	for i := 0; i < 20; i++ {
		id := fmt.Sprintf("entity-%02d", i)
		ents = append(ents, Entity{ID: id, Type: types[i%4], NameAR: "اسم طويل جدا لشخص ما رقم " + id, NameEN: "A rather long name of someone number " + id})
		ms = append(ms, Mention{id, i + 1})
	}
	var arts []Article
	for d := 0; d < 60; d++ {
		arts = append(arts, Article{ID: fmt.Sprintf("a%02d", d), Date: july(1).AddDate(0, 0, d), Entities: ms[:5+d%15]})
	}
	ix := NewIndex(arts, ents)
	for _, lang := range []string{"ar", "en"} {
		g := ix.Graph("entity-00", locale(t, lang), prettyLinks)
		if n := strings.Count(g.SVG, "<a href"); n != MaxNeighbours+1 {
			t.Errorf("%d nodes, want %d", n, MaxNeighbours+1)
		}
		if len(g.SVG) >= 20_000 {
			t.Errorf("%s graph of %d nodes is %d bytes, want < 20 KB", lang, MaxNeighbours+1, len(g.SVG))
		}
		t.Logf("%s: %d nodes, %d bytes", lang, MaxNeighbours+1, len(g.SVG))
	}
}

func TestEmpty(t *testing.T) {
	ix := NewIndex([]Article{{ID: "a", TitleAR: "x", Entities: []Mention{{"lonely", 1}}}}, nil)
	if !ix.Graph("lonely", locale(t, "en"), prettyLinks).Empty() {
		t.Error("a graph for an entity that shares no article")
	}
	if !ix.EntityTimeline("lonely", locale(t, "en"), prettyLinks).Empty() {
		t.Error("a timeline with no dated article")
	}
	if !StatusChart(nil, locale(t, "en")).Empty() {
		t.Error("a status chart with no segments")
	}
}

// A row of the timeline's table links MaxRowArticles articles at most and
// says how many more the period has, so that the table of a name in most
// of the news stays small however big the archive grows.
func TestTimelineRowsBounded(t *testing.T) {
	day := time.Date(2015, 7, 21, 9, 0, 0, 0, time.UTC)
	var arts []Article
	for i := range MaxRowArticles + 15 {
		arts = append(arts, Article{ID: fmt.Sprintf("a%02d", i), Date: day.Add(time.Duration(i) * time.Minute),
			TitleAR: fmt.Sprintf("خبر %d", i), TitleEN: fmt.Sprintf("News %d", i), Entities: []Mention{{ID: "iraq", Count: 1}}})
	}
	ents := []Entity{{ID: "iraq", Type: Place, NameAR: "العراق", NameEN: "Iraq"}}
	for _, lang := range []string{"ar", "en"} {
		f := NewIndex(arts, ents).EntityTimeline("iraq", locale(t, lang), prettyLinks)
		if n := strings.Count(f.Table, `<li><a href=`); n != MaxRowArticles {
			t.Errorf("%s: the row links %d articles, want %d", lang, n, MaxRowArticles)
		}
		if !strings.Contains(f.Table, `<td class="num">25</td>`) {
			t.Errorf("%s: the row does not count all 25 articles:\n%s", lang, f.Table)
		}
		more := map[string]string{"en": "and 15 more", "ar": "و15 غيرها"}[lang]
		if !strings.Contains(f.Table, `<li class="chart-more">`+more) {
			t.Errorf("%s: the row does not say %q:\n%s", lang, more, f.Table)
		}
		if strings.Contains(f.Table, "a10/") || !strings.Contains(f.Table, "a09/") {
			t.Errorf("%s: the row links the wrong articles:\n%s", lang, f.Table)
		}
	}
}
