//go:build ignore

// bench-site makes the inputs of scripts/bench-scale.sh: corpora of seed
// articles, a plain Hugo site holding the same articles, and a Hugo site
// made of jisr's own generated content tree and layouts.
//
//	go run scripts/bench-site.go corpus  -n N -out SEEDS [-data DIR] [-fallback DIR]
//	go run scripts/bench-site.go edit    -seeds SEEDS          (changes one sentence of one article)
//	go run scripts/bench-site.go add     -seeds SEEDS -n N     (adds article number N)
//	go run scripts/bench-site.go plain   -content DIR -out SITE
//	go run scripts/bench-site.go jisrsite -content DIR -out SITE -base-url URL
//
// corpus writes one JSON record per file (r00000.json, …): first the real
// SaudiNewsNet articles of the zips in -data (all 8,000-odd of them, in zip
// and record order, without the records that have no text or repeat a URL),
// then, past those, articles made by a deterministic generator that
// recombines real paragraphs: article i takes the title of one real article
// and 3 to 12 paragraphs drawn from others, with a PRNG seeded by i, so the
// same N always gives the same bytes. When -data is missing (a fresh clone
// has no ../shared), the generator draws its paragraphs from the
// paragraphs of -fallback (the project's own seeds/).
//
// plain turns jisr's content tree into a plain Hugo site: each article in
// Arabic and English, its body the stored segments as Markdown paragraphs,
// its tags and entities as two taxonomies, and minimal layouts (a page, a
// list). It is the anchor jisr is measured against: the same pages, the
// same terms, Hugo doing only what Hugo must.
//
// jisrsite copies jisr's content tree, layouts, i18n strings and static
// files with the hugo.toml that jisr's renderer uses, with the article
// bodies made in Go; the other fragments jisr's renderer makes (titles,
// leads, review rows, pictures) are left to the layouts' fallbacks, so
// scripts/bench-scale.sh measures instead the site `jisr build` writes out
// with JISR_HUGO_SOURCE, which is exactly what jisr renders.
package main

import (
	"archive/zip"
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	iofs "io/fs"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/render"
	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/static"
	"github.com/jisr-news/jisr/templates"
)

// record is one seed article, as a newsroom CMS exports it.
type record struct {
	Source string `json:"source"`
	URL    string `json:"url"`
	Date   string `json:"date_extracted"`
	Title  string `json:"title"`
	Author string `json:"author,omitempty"`
	Body   string `json:"content"`
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("bench-site: ")
	if len(os.Args) < 2 {
		log.Fatal("usage: bench-site corpus|edit|add|plain|jisrsite [flags]")
	}
	fl := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	n := fl.Int("n", 1000, "number of articles")
	out := fl.String("out", "", "output folder")
	data := fl.String("data", "../shared/data/saudinewsnet", "folder of SaudiNewsNet zips")
	fallback := fl.String("fallback", "seeds", "seed folder whose paragraphs the generator uses when -data is missing")
	seeds := fl.String("seeds", "", "seed folder written by corpus")
	contentDir := fl.String("content", "", "jisr content tree")
	baseURL := fl.String("base-url", "https://bench.example/", "base URL of the site")
	fl.Parse(os.Args[2:])
	var err error
	switch os.Args[1] {
	case "corpus":
		err = corpus(*n, *out, *data, *fallback)
	case "edit":
		err = edit(*seeds)
	case "add":
		err = add(*seeds, *n, *data, *fallback)
	case "plain":
		err = plain(*contentDir, *out)
	case "jisrsite":
		err = jisrSite(*contentDir, *out, *baseURL)
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		log.Fatal(err)
	}
}

// pool holds the real articles and their paragraphs.
type pool struct {
	real  []record
	paras []string
}

func loadPool(data, fallback string) (*pool, error) {
	p := &pool{}
	zips, _ := filepath.Glob(filepath.Join(data, "*.zip"))
	sort.Strings(zips)
	seen := map[string]bool{}
	for _, z := range zips {
		recs, err := readZip(z)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", z, err)
		}
		for _, r := range recs {
			if strings.TrimSpace(r.Body) == "" || strings.TrimSpace(r.Title) == "" || seen[r.URL] {
				continue
			}
			seen[r.URL] = true
			p.real = append(p.real, r)
		}
	}
	for _, r := range p.real {
		p.paras = append(p.paras, paragraphs(r.Body)...)
	}
	if len(p.paras) == 0 {
		// No corpus: the project's own seeds give the paragraphs.
		err := filepath.WalkDir(fallback, func(path string, d iofs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
				return err
			}
			b, err := os.ReadFile(path)
			p.paras = append(p.paras, paragraphs(string(b))...)
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("fallback %s: %w", fallback, err)
		}
		if len(p.paras) == 0 {
			return nil, fmt.Errorf("no paragraphs: neither %s nor %s has articles", data, fallback)
		}
		log.Printf("%s missing: generating every article from the %d paragraphs of %s", data, len(p.paras), fallback)
	}
	return p, nil
}

func readZip(name string) ([]record, error) {
	zr, err := zip.OpenReader(name)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	var all []record
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".json") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		var recs []record
		err = json.NewDecoder(bufio.NewReader(rc)).Decode(&recs)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		all = append(all, recs...)
	}
	return all, nil
}

// paragraphs splits a body at line breaks, keeping the lines that read as
// paragraphs (at least eight words).
func paragraphs(body string) []string {
	var out []string
	for _, l := range strings.Split(body, "\n") {
		l = strings.TrimSpace(l)
		if len(strings.Fields(l)) >= 8 {
			out = append(out, l)
		}
	}
	return out
}

// article returns article i of the corpus: a real one while there are real
// ones, else a generated one.
func (p *pool) article(i int) record {
	if i < len(p.real) {
		return p.real[i]
	}
	rng := rand.New(rand.NewPCG(uint64(i), 0x6a697372))
	var title string
	if len(p.real) > 0 {
		title = p.real[rng.IntN(len(p.real))].Title
	} else {
		words := strings.Fields(p.paras[rng.IntN(len(p.paras))])
		title = strings.Join(words[:min(len(words), 9)], " ")
	}
	k := 3 + rng.IntN(10)
	paras := make([]string, k)
	for j := range paras {
		paras[j] = p.paras[rng.IntN(len(p.paras))]
	}
	// About 1,600 articles a day, from the day after the corpus ends.
	day := time.Date(2015, 7, 25, 8, 0, 0, 0, time.UTC).AddDate(0, 0, (i-len(p.real))/1600)
	return record{Source: "generated", URL: fmt.Sprintf("https://generated.example/%d", i),
		Date: day.Format("2006-01-02 15:04:05"), Title: title, Body: strings.Join(paras, "\n\n")}
}

func writeRecord(dir string, i int, r record) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%05d.json", i)), append(b, '\n'), 0o644)
}

func corpus(n int, out, data, fallback string) error {
	p, err := loadPool(data, fallback)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		if err := writeRecord(out, i, p.article(i)); err != nil {
			return err
		}
	}
	real := min(n, len(p.real))
	fmt.Printf("%d articles in %s: %d real, %d generated\n", n, out, real, n-real)
	return nil
}

// edit changes one sentence of the first article: its first paragraph gets
// a closing clause.
func edit(seeds string) error {
	name := filepath.Join(seeds, "r00000.json")
	b, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	var r record
	if err := json.Unmarshal(b, &r); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	first, rest, _ := strings.Cut(r.Body, "\n")
	r.Body = strings.TrimRight(first, " .") + "، بحسب ما أفادت مصادر مطلعة." + "\n" + rest
	return writeRecord(seeds, 0, r)
}

func add(seeds string, n int, data, fallback string) error {
	p, err := loadPool(data, fallback)
	if err != nil {
		return err
	}
	// A generated article, whatever the corpus size, so that it is new.
	r := p.article(len(p.real) + n)
	return writeRecord(seeds, n, r)
}

// segment is the part of a stored segment the plain site needs.
type segment struct {
	Kind  string `yaml:"kind"`
	Block int    `yaml:"block"`
	AR    string `yaml:"ar"`
	EN    string `yaml:"en"`
}

// front is the part of an article's front matter the plain site needs.
type front struct {
	Title    string   `yaml:"title"`
	Date     string   `yaml:"date"`
	Tags     []string `yaml:"tags"`
	Entities []string `yaml:"entities"`
}

const plainConfig = `baseURL = "https://bench.example/"
defaultContentLanguage = "ar"
disableHugoGeneratorInject = true
disableKinds = ["sitemap", "rss"]
[taxonomies]
tag = "tags"
entity = "entities"
[languages.ar]
direction = "rtl"
weight = 1
[languages.en]
direction = "ltr"
weight = 2
`

var plainLayouts = map[string]string{
	"baseof.html": `<!doctype html>
<html lang="{{ site.Language.Lang }}" dir="{{ site.Language.Direction | default "ltr" }}">
<head><meta charset="utf-8"><title>{{ .Title }} · {{ site.Title }}</title></head>
<body><nav><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>{{ range .Translations }} <a href="{{ .RelPermalink }}">{{ .Language.Lang }}</a>{{ end }}</nav>
<main>{{ block "main" . }}{{ end }}</main></body></html>
`,
	"page.html": `{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format "2006-01-02" }}</p>
{{ .Content }}
<ul>{{ range .GetTerms "entities" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
<ul>{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
</article>{{ end }}
`,
	"list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
<ol>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ol>{{ end }}
`,
}

func plain(contentDir, out string) error {
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	write := func(rel, text string) error {
		name := filepath.Join(out, rel)
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		return os.WriteFile(name, []byte(text), 0o644)
	}
	if err := write("hugo.toml", plainConfig); err != nil {
		return err
	}
	for name, text := range plainLayouts {
		if err := write(filepath.Join("layouts", name), text); err != nil {
			return err
		}
	}
	// The content tree is read through package store, its one reader.
	fsys := afero.NewOsFs()
	ids, err := store.MustArticles(fsys, contentDir)
	if err != nil {
		return err
	}
	n := 0
	for _, id := range ids {
		sf, err := store.Load(fsys, store.Path(contentDir, id))
		if err != nil {
			return err
		}
		segs := make([]segment, len(sf.Segments))
		for i, sg := range sf.Segments {
			segs[i] = segment{Kind: string(sg.Kind), Block: sg.Block, AR: sg.AR, EN: sg.EN}
		}
		for _, lang := range []string{"ar", "en"} {
			pg, err := store.ReadArticlePage(fsys, contentDir, id, lang)
			if err != nil {
				return err
			}
			f := front{Title: pg.Title, Date: pg.Date, Tags: pg.Tags, Entities: pg.Entities}
			md, err := plainPage(f, segs, lang)
			if err != nil {
				return err
			}
			if err := write(filepath.Join("content", "articles", id, "index."+lang+".md"), md); err != nil {
				return err
			}
		}
		n++
	}
	fmt.Printf("plain Hugo site of %d articles in %s\n", n, out)
	return nil
}

// plainPage writes one language of an article as Markdown with front matter.
func plainPage(f front, segs []segment, lang string) (string, error) {
	fm, err := yaml.Marshal(map[string]any{"title": f.Title, "date": f.Date, "tags": f.Tags, "entities": f.Entities})
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString("---\n")
	b.Write(fm)
	b.WriteString("---\n")
	block := -1
	for _, s := range segs {
		if s.Kind == "title" {
			continue
		}
		text := s.AR
		if lang == "en" && s.EN != "" {
			text = s.EN
		}
		switch {
		case s.Block != block && s.Kind == "heading":
			b.WriteString("\n\n## ")
		case s.Block != block:
			b.WriteString("\n\n")
		default:
			b.WriteString(" ")
		}
		block = s.Block
		b.WriteString(text)
	}
	b.WriteString("\n")
	return b.String(), nil
}

func jisrSite(contentDir, out, baseURL string) error {
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	cfg, err := render.HugoConfig(render.Site{BaseURL: baseURL, TitleAR: "جسر", TitleEN: "jisr"})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "hugo.toml"), cfg, 0o644); err != nil {
		return err
	}
	if err := copyFS(templates.FS, out); err != nil {
		return err
	}
	if err := copyFS(static.FS, filepath.Join(out, "static")); err != nil {
		return err
	}
	if err := copyFS(os.DirFS(contentDir), filepath.Join(out, "content")); err != nil {
		return err
	}
	// The article bodies that jisr's renderer adds in memory.
	stores, _ := filepath.Glob(filepath.Join(out, "content", "articles", "*", store.FileName))
	for _, s := range stores {
		b, err := os.ReadFile(s)
		if err != nil {
			return err
		}
		ar, en, err := render.Bodies(b)
		if err != nil {
			return fmt.Errorf("%s: %w", s, err)
		}
		for lang, body := range map[string]string{"ar": ar, "en": en} {
			if err := os.WriteFile(filepath.Join(filepath.Dir(s), render.BodyFile(lang)), []byte(body), 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

func copyFS(src iofs.FS, out string) error {
	return iofs.WalkDir(src, ".", func(p string, d iofs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".go") {
			return err
		}
		in, err := src.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		name := filepath.Join(out, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		f, err := os.Create(name)
		if err != nil {
			return err
		}
		if _, err := io.Copy(f, in); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	})
}
