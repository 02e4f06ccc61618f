package build

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"golang.org/x/tools/txtar"

	"github.com/jisr-news/jisr/generator/analyze"
	"github.com/jisr-news/jisr/generator/content"
	"github.com/jisr-news/jisr/generator/translate"
	"github.com/jisr-news/jisr/generator/translate/engines"
)

// withUpper is every engine plus test-upper, passed explicitly.
func withUpper() translate.Providers {
	return append(engines.Providers(), translate.Provider{Name: "test-upper",
		New: func(translate.Options) (translate.Engine, error) { return upperEngine{}, nil }})
}

// upperEngine is a deterministic engine for golden files: it "translates"
// by tagging the text's segment length.
type upperEngine struct{}

func (upperEngine) Name() string             { return "test-upper" }
func (upperEngine) Model() string            { return "v1" }
func (upperEngine) Status() translate.Status { return translate.StatusMachine }
func (upperEngine) Translate(_ context.Context, ar []string) ([]string, error) {
	out := make([]string, len(ar))
	for i, s := range ar {
		out[i] = fmt.Sprintf("EN(%d words)", len(strings.Fields(s)))
	}
	return out, nil
}

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// loadTxtar writes a txtar archive into a fresh MemMapFs under /p, the way
// Hugo's integration tests build their sites in memory.
func loadTxtar(t *testing.T, file string) afero.Fs {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fs := afero.NewMemMapFs()
	for _, f := range ar.Files {
		if err := afero.WriteFile(fs, path.Join("/p", f.Name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return fs
}

func read(t *testing.T, fs afero.Fs, name string) string {
	t.Helper()
	b, err := afero.ReadFile(fs, name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return string(b)
}

func buildSite(t *testing.T, fs afero.Fs, o Options) *Summary {
	t.Helper()
	sum, _ := buildLog(t, fs, o)
	return sum
}

func TestBuildSite(t *testing.T) {
	fs := loadTxtar(t, "testdata/site.txtar")
	sum := buildSite(t, fs, Options{})
	if sum.Articles != 2 {
		t.Errorf("articles = %d, want 2", sum.Articles)
	}
	if len(sum.Skipped) != 1 || !strings.Contains(sum.Skipped[0].Error(), "broken.txt: empty file") {
		t.Errorf("skipped = %v, want broken.txt reported as empty", sum.Skipped)
	}
	if f := sum.Failing(); len(f) != 0 {
		t.Errorf("an empty file fails a build that is not strict: %v", f)
	}

	ar := read(t, fs, "/p/public/articles/iraq/index.html")
	en := read(t, fs, "/p/public/en/articles/iraq/index.html")
	for _, c := range []struct {
		name, html string
		want       []string
	}{
		{"arabic article", ar, []string{
			`<html lang="ar" dir="rtl">`,
			`<h2><span class="seg" id="seg-h2" data-status="gist">لجنة استخباراتية فى بغداد</span></h2>`,
			`hreflang="en" href="https://example.org/news/en/articles/iraq/"`,
			`<a class="lang-switch" href="/news/en/articles/iraq/" hreflang="en"`,
			`<time datetime="2015-09-27">27 سبتمبر 2015</time>`,
		}},
		{"english article", en, []string{
			`<html lang="en" dir="ltr">`,
			`class="provenance provenance-gist"`,
			`automatic gist`,
			`<a class="lang-switch" href="/news/articles/iraq/" hreflang="ar"`,
			`<time datetime="2015-09-27">27 September 2015</time>`,
		}},
	} {
		for _, w := range c.want {
			if !strings.Contains(c.html, w) {
				t.Errorf("%s: missing %s", c.name, w)
			}
		}
	}
	// The English body is English, not the Arabic copied over.
	if body := between(en, `<div class="article-body">`, `</div>`); regexp.MustCompile(`[\p{Arabic}]{3,}`).MatchString(stripTags(body)) && !strings.Contains(body, "Iraq") {
		t.Errorf("english body is not English: %s", body)
	}
	// Home pages in both languages list the articles newest first.
	home := read(t, fs, "/p/public/index.html")
	if i, j := strings.Index(home, "أسعار النفط ترتفع"), strings.Index(home, "/news/articles/iraq/"); i < 0 || j < 0 || i > j {
		t.Errorf("arabic home does not list the 2016 article before the 2015 one")
	}
	read(t, fs, "/p/public/en/index.html")
	// Taxonomy list pages exist in both languages.
	for _, p := range []string{"/p/public/tags/index.html", "/p/public/en/tags/index.html", "/p/public/entities/index.html", "/p/public/en/entities/index.html"} {
		if h := read(t, fs, p); !strings.Contains(h, "<html lang=") {
			t.Errorf("%s is not a page", p)
		}
	}
	read(t, fs, "/p/public/css/jisr.css")
	// The content tree holds the store and both index files.
	seg := read(t, fs, "/p/content/articles/iraq/segments.yaml")
	if !strings.Contains(seg, "id: h2") || !strings.Contains(seg, "status: gist") {
		t.Errorf("segments.yaml lacks segments:\n%s", seg)
	}
	if _, err := fs.Stat("/p/public/index.htmlar"); err == nil {
		t.Error("stray redirect file written")
	}
}

func between(s, a, b string) string {
	i := strings.Index(s, a)
	if i < 0 {
		return ""
	}
	s = s[i+len(a):]
	if j := strings.Index(s, b); j >= 0 {
		return s[:j]
	}
	return s
}

func stripTags(s string) string { return regexp.MustCompile(`<[^>]*>`).ReplaceAllString(s, "") }

func TestNothingToBuild(t *testing.T) {
	fs := afero.NewMemMapFs()
	fs.MkdirAll("/p", 0o755)
	_, err := Run(context.Background(), Options{Fs: fs, Root: "/p"})
	if !IsSetup(err) || !errors.Is(err, ErrNothingToBuild) || !strings.Contains(err.Error(), "expected articles") {
		t.Errorf("err = %v, want a SetupError wrapping ErrNothingToBuild", err)
	}
}

func TestFailedBuildKeepsOldSite(t *testing.T) {
	fs := loadTxtar(t, "testdata/site.txtar")
	buildSite(t, fs, Options{})
	before := read(t, fs, "/p/public/articles/iraq/index.html")
	// A broken template makes Hugo fail: public/ must be left as it was.
	afero.WriteFile(fs, "/p/templates/layouts/page.html", []byte(`{{ define "main" }}{{ .Nope.Nope }}{{ end }}`), 0o644)
	_, err := Run(context.Background(), Options{Fs: fs, Root: "/p"})
	if err == nil {
		t.Fatal("build with a broken template succeeded")
	}
	if after := read(t, fs, "/p/public/articles/iraq/index.html"); after != before {
		t.Error("public/ changed by a failed build")
	}
	entries, _ := afero.ReadDir(fs, "/p")
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary folder left behind: %s", e.Name())
		}
	}
}

func TestReproducible(t *testing.T) {
	snap := func() map[string]string {
		fs := loadTxtar(t, "testdata/site.txtar")
		buildSite(t, fs, Options{})
		m := map[string]string{}
		afero.Walk(fs, "/p", func(p string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() {
				m[p] = read(t, fs, p)
			}
			return nil
		})
		return m
	}
	a, b := snap(), snap()
	if len(a) != len(b) {
		t.Fatalf("file counts differ: %d vs %d", len(a), len(b))
	}
	for p, s := range a {
		if b[p] != s {
			t.Errorf("%s differs between two builds of the same input", p)
		}
	}
}

// TestGolden compares one page of each kind with testdata/golden; run
// "go test ./generator/build -run TestGolden -update" to accept changes.
func TestGolden(t *testing.T) {
	fs := loadTxtar(t, "testdata/site.txtar")
	// A fixed engine keeps the golden pages independent of gist's lexicon.
	buildSite(t, fs, Options{Engine: "test-upper", Engines: withUpper()})
	pages := map[string]string{
		"home.ar.html":        "/p/public/index.html",
		"home.en.html":        "/p/public/en/index.html",
		"article.ar.html":     "/p/public/articles/iraq/index.html",
		"article.en.html":     "/p/public/en/articles/iraq/index.html",
		"tags.en.html":        "/p/public/en/tags/index.html",
		"entities.ar.html":    "/p/public/entities/index.html",
		"segments.iraq.yaml":  "/p/content/articles/iraq/segments.yaml",
		"term.entity.en.html": "/p/public/en/entities/vladimir-putin/index.html",
		"term.tag.ar.html":    "/p/public/tags/espionage-and-intelligence/index.html",
		"section.ar.html":     "/p/public/articles/index.html",
		"review.en.html":      "/p/public/en/review/iraq/index.html",
		"index.iraq.en.md":    "/p/content/articles/iraq/index.en.md",
	}
	for golden, src := range pages {
		got := read(t, fs, src)
		file := path.Join("testdata", "golden", golden)
		if *update {
			os.MkdirAll(path.Dir(file), 0o755)
			if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%v (run with -update to create)", err)
		}
		if string(want) != got {
			t.Errorf("%s differs from %s; run with -update if the change is intended", src, file)
		}
	}
}

func TestReviewPagesOff(t *testing.T) {
	fs := loadTxtar(t, "testdata/site.txtar")
	buildSite(t, fs, Options{})
	if ok, _ := afero.Exists(fs, "/p/public/en/review/iraq/index.html"); !ok {
		t.Fatal("review page missing by default")
	}
	afero.WriteFile(fs, "/p/jisr.toml", []byte("[review]\npages = false\n"), 0o644)
	buildSite(t, fs, Options{})
	for _, p := range []string{"/p/public/en/review/iraq/index.html", "/p/content/review"} {
		if ok, _ := afero.Exists(fs, p); ok {
			t.Errorf("%s exists with review pages off", p)
		}
	}
}

func TestDropWeakEntities(t *testing.T) {
	e := func(id string, known bool) analyze.Entity {
		return analyze.Entity{ID: id, Known: known, NameAR: "جون كيربي", Type: analyze.Person}
	}
	// A name two articles give that is not one (PageWorthy) has no page.
	junk := analyze.Entity{ID: "junk", NameAR: "رحمه الله", Type: analyze.Person}
	pages := []content.Page{
		{Analysis: analyze.Result{Entities: []analyze.Entity{e("putin", true), e("once", false), e("twice", false), junk}}},
		{Analysis: analyze.Result{Entities: []analyze.Entity{e("twice", false), junk}}},
	}
	dropWeakEntities(pages)
	var got []string
	for _, pg := range pages {
		for _, x := range pg.Analysis.Entities {
			got = append(got, x.ID)
		}
	}
	if strings.Join(got, ",") != "putin,twice,twice" {
		t.Errorf("kept %v, want putin,twice,twice", got)
	}
}

func TestStaleGistRemade(t *testing.T) {
	fs := loadTxtar(t, "testdata/site.txtar")
	buildSite(t, fs, Options{})
	seg := read(t, fs, "/p/content/articles/iraq/segments.yaml")
	// Pretend an older lexicon wrote the store: the next build remakes
	// every gist segment, and a second build remakes nothing.
	old := regexp.MustCompile(`model: lex-[0-9a-f+a-z-]+`).ReplaceAllString(seg, "model: lex-old")
	afero.WriteFile(fs, "/p/content/articles/iraq/segments.yaml", []byte(old), 0o644)
	sum := buildSite(t, fs, Options{})
	if sum.Calls == 0 || strings.Contains(read(t, fs, "/p/content/articles/iraq/segments.yaml"), "lex-old") {
		t.Errorf("old gist not remade (calls %d)", sum.Calls)
	}
	if sum := buildSite(t, fs, Options{}); sum.Calls != 0 {
		t.Errorf("warm store made %d engine calls", sum.Calls)
	}
}

// TestRebuildIsStable builds the real seed twice: the second build must not
// change a single content file (what jisr writes must never feed back into
// its own analysis), and must call no engine.
func TestRebuildIsStable(t *testing.T) {
	seed, err := os.ReadFile("../../seeds/000_9d8ced74e5524e3c.txt")
	if err != nil {
		t.Fatal(err)
	}
	fs := afero.NewMemMapFs()
	afero.WriteFile(fs, "/p/seeds/seed.txt", seed, 0o644)
	// A surname that the gazetteer knows as a short form (مرسي for Mohamed
	// Morsi) on another man: generated term pages once fed the short form
	// back as a full alias, and the second build renamed him.
	afero.WriteFile(fs, "/p/seeds/morsi.txt", []byte("قال الرئيس المصري السابق محمد مرسي إن المحكمة ظلمته. وأضاف مرسي أنه سيستأنف الحكم.\n"), 0o644)
	afero.WriteFile(fs, "/p/seeds/club.txt", []byte("أبدى رئيس نادي الوحدة الأستاذ هشام مرسي تفاؤله بالموسم المقبل. وقال هشام مرسي إن الفريق جاهز.\n"), 0o644)
	buildSite(t, fs, Options{})
	sum := buildSite(t, fs, Options{})
	if sum.Written != 0 || sum.Calls != 0 {
		t.Errorf("second build changed %d content files and made %d engine calls", sum.Written, sum.Calls)
	}
}
