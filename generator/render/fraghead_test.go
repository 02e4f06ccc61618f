package render

import (
	iofs "io/fs"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/static"
	"github.com/jisr-news/jisr/templates"
)

// withoutFiles returns a copy of fsys without the files named in drop.
func withoutFiles(t *testing.T, fsys iofs.FS, drop ...string) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	err := iofs.WalkDir(fsys, ".", func(p string, d iofs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		for _, x := range drop {
			if p == x {
				return nil
			}
		}
		data, err := iofs.ReadFile(fsys, p)
		out[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range drop {
		if _, err := iofs.Stat(fsys, x); err != nil {
			t.Fatalf("%s: %v", x, err)
		}
	}
	return out
}

// renderWith renders the project in fs with the layouts tmpl and returns
// every HTML file written, by path.
func renderWith(t *testing.T, fs afero.Fs, tmpl iofs.FS, site Site) map[string]string {
	t.Helper()
	dst := afero.NewMemMapFs()
	extra := map[string][]byte{"images/a01/x.jpg": []byte("\xff\xd8\xff picture")}
	in := Input{Fs: fs, ContentDir: "/p/content", TemplatesDir: "/p/templates", Templates: tmpl, Static: static.FS, Extra: extra}
	if _, err := Render(in, site, dst, nil); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	afero.Walk(dst, "/", func(p string, info iofs.FileInfo, err error) error {
		if err == nil && !info.IsDir() && strings.HasSuffix(p, ".html") {
			b, _ := afero.ReadFile(dst, p)
			out[p] = string(b)
		}
		return nil
	})
	return out
}

// TestHeadMatchesHugo renders a site with jisr's opengraph.html and
// twitter_cards.html (which share the page's images and read .Summary
// only where it may not be empty) and with Hugo's embedded ones instead
// (and .Summary in head-meta.html), at the host's root and under a sub-path, and
// wants the same pages: every kind of page, an article with images of
// its own (a page resource and an address), titles and leads with
// markup, quotes and ampersands, a page with content and one with a
// summary in its front matter.
func TestHeadMatchesHugo(t *testing.T) {
	fs := shardProject(t, 6, true)
	editArticle(t, fs, "a02", func(p *store.ArticlePage) {
		p.Title = `<script>alert("x")</script> 'quoted' & "double" &amp; <b>bold</b>`
		p.Lead = `A lead with <script>alert(1)</script>, "quotes", 'single' & &lt;entities&gt;`
	})
	editArticle(t, fs, "a04", func(p *store.ArticlePage) {
		p.Images = []string{"https://cdn.example/a&b.jpg?x=1&y=\"2\"", "/images/a01/x.jpg", "/missing/y.png"}
	})
	// Pages with content of their own and with a summary in the front
	// matter (jisr writes neither) have a summary: Hugo's.
	for name, edit := range map[string]func(string) string{
		"/p/content/articles/a03/index.en.md": func(s string) string { return s + "\nA body with *markup* & <script>x</script>, \"quoted\".\n" },
		"/p/content/articles/a05/index.en.md": func(s string) string {
			return strings.Replace(s, "{\n", "{\n  \"summary\": \"A <b>summary</b> & more\",\n", 1)
		},
	} {
		b, err := afero.ReadFile(fs, name)
		if err != nil || b[0] != '{' {
			t.Fatalf("%s: %v %.10q", name, err, b)
		}
		if err := afero.WriteFile(fs, name, []byte(edit(string(b))), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	hugo := withoutFiles(t, templates.FS, "layouts/_partials/opengraph.html", "layouts/_partials/twitter_cards.html")
	meta := hugo["layouts/_partials/head-meta.html"]
	meta.Data = []byte(strings.Replace(string(meta.Data), `(partial "summary.html" .)`, ".Summary", 1))
	for _, base := range []string{"https://example.org/", "https://user.github.io/repo/"} {
		site := Site{BaseURL: base, TitleAR: "جسر <&>", TitleEN: `jisr "&" <news>`}
		got, want := renderWith(t, fs, templates.FS, site), renderWith(t, fs, hugo, site)
		if len(got) != len(want) {
			t.Fatalf("%s: %d pages, want %d", base, len(got), len(want))
		}
		paths := make([]string, 0, len(want))
		for p := range want {
			paths = append(paths, p)
		}
		sort.Strings(paths)
		all := ""
		for _, p := range paths {
			sameBytes(t, base+p, got[p], want[p])
			all += want[p]
		}
		for _, s := range []string{`og:image" content="https://cdn.example/a&amp;b.jpg`, `twitter:card" content="summary_large_image"`,
			`twitter:card" content="summary"`, "&lt;script&gt;alert(&#34;x&#34;)", `og:type" content="website"`, `article:tag`,
			`og:description" content="A body with markup &amp; x, “quoted”."`, `og:description" content="A summary &amp; more"`} {
			if !strings.Contains(all, s) {
				t.Errorf("%s: the fixture does not exercise %q", base, s)
			}
		}
	}
}

// jsonldPerArticle is jsonld.html as it was before the entities' objects
// were made once per term: each article made the object of each of its
// entities.
const jsonldPerArticle = `{{- /* Context: an article page. JSON-LD NewsArticle (schema.org): language, headline, date,
the entities it is about (the two most mentioned, if at least twice) and the others it
mentions, each pointing to its entity page with sameAs Wikidata; on a translation,
translationOfWork pointing to the Arabic original, and on the original, workTranslation.
A scratch map keeps the keys' case (merge would not); jsonify escapes <, > and &, so no
text can close the script element. */ -}}
{{- if eq .Section "articles" }}
{{- $mentions := .Params.mentions | default dict }}
{{- $types := dict "PERSON" "Person" "PLACE" "Place" "ORGANIZATION" "Organization" }}
{{- $ents := slice }}
{{- range .GetTerms "entities" }}
{{- $e := newScratch }}
{{- $e.Set "@type" (index $types (.Params.type | default "") | default "Thing") }}
{{- $e.Set "name" .LinkTitle }}
{{- $e.Set "url" .Permalink }}
{{- with .Params.wikidata }}{{ $e.Set "sameAs" (printf "https://www.wikidata.org/wiki/%s" .) }}{{ end }}
{{- $n := 0 }}{{ with index $mentions .Data.Term }}{{ $n = .count | default 0 }}{{ end }}
{{- $ents = $ents | append (dict "n" $n "e" $e.Values) }}
{{- end }}
{{- $about := slice }}{{ $other := slice }}
{{- range $i, $x := sort $ents "n" "desc" }}
{{- if and (lt $i 2) (ge $x.n 2) }}{{ $about = $about | append $x.e }}{{ else }}{{ $other = $other | append $x.e }}{{ end }}
{{- end }}
{{- $ld := newScratch }}
{{- $ld.Set "@context" "https://schema.org" }}
{{- $ld.Set "@type" "NewsArticle" }}
{{- $ld.Set "inLanguage" .Language.Lang }}
{{- $ld.Set "headline" .Title }}
{{- $ld.Set "url" .Permalink }}
{{- $ld.Set "mainEntityOfPage" .Permalink }}
{{- if not .Date.IsZero }}{{ $ld.Set "datePublished" (.Date.Format "2006-01-02") }}{{ end }}
{{- with .Params.lead }}{{ $ld.Set "description" (. | strings.TrimSpace | truncate 300 | htmlUnescape) }}{{ end }}
{{- with .Params.figures }}{{ $imgs := slice }}{{ range . }}{{ $imgs = $imgs | append (cond (or (strings.HasPrefix .src "https://") (strings.HasPrefix .src "http://")) .src (strings.TrimPrefix "/" .src | absURL)) }}{{ end }}{{ $ld.Set "image" $imgs }}{{ end }}
{{- with .Params.author }}{{ $ld.Set "author" (dict "@type" "Person" "name" .) }}{{ end }}
{{- $ld.Set "publisher" (dict "@type" "Organization" "name" site.Title "url" site.Home.Permalink) }}
{{- with $about }}{{ $ld.Set "about" . }}{{ end }}
{{- with $other }}{{ $ld.Set "mentions" . }}{{ end }}
{{- $kw := slice }}{{ range .GetTerms "tags" }}{{ $kw = $kw | append .LinkTitle }}{{ end }}
{{- with $kw }}{{ $ld.Set "keywords" (delimit . ", ") }}{{ end }}
{{- range .Translations }}
{{- $w := dict "@type" "NewsArticle" "@id" .Permalink "url" .Permalink "inLanguage" .Language.Lang "headline" .Title }}
{{- if eq .Language.Lang "ar" }}{{ $ld.Set "translationOfWork" $w }}{{ else }}{{ $ld.Set "workTranslation" $w }}{{ end }}
{{- end }}
<script type="application/ld+json">{{ $ld.Values | jsonify | safeJS }}</script>
{{- end }}
`

// TestJSONLDMatchesPerArticle renders a site with jsonld.html and with
// jsonldPerArticle and wants the same pages: entities with and without a
// type, a Wikidata ID and a page of their own, about and mentions, names
// and titles with markup, quotes and ampersands.
func TestJSONLDMatchesPerArticle(t *testing.T) {
	fs := shardProject(t, 6, false)
	editArticle(t, fs, "a02", func(p *store.ArticlePage) {
		p.Title = `<script>alert("x")</script> 'quoted' & "double" &amp;`
		p.Lead = `A lead with </script>, "quotes" & &lt;entities&gt;`
		p.Author = `<b>"Author" & co</b>`
	})
	for _, lang := range []string{"ar", "en"} {
		writeTerm(t, fs, "entities/iraq", lang, "title: '"+lang+` <script>"Iraq"</script> & co'`+"\ntype: PLACE\nwikidata: Q796\njisr_generated: true\n")
		writeTerm(t, fs, "entities/p1", lang, "title: "+lang+" p1\njisr_generated: true\n")
	}
	perArticle := withoutFiles(t, templates.FS)
	perArticle["layouts/_partials/jsonld.html"] = &fstest.MapFile{Data: []byte(jsonldPerArticle)}
	site := Site{BaseURL: "https://user.github.io/repo/", TitleAR: "جسر <&>", TitleEN: `jisr "&" <news>`}
	got, want := renderWith(t, fs, templates.FS, site), renderWith(t, fs, perArticle, site)
	if len(got) != len(want) {
		t.Fatalf("%d pages, want %d", len(got), len(want))
	}
	all := ""
	for p := range want {
		sameBytes(t, p, got[p], want[p])
		all += want[p]
	}
	for _, s := range []string{`"sameAs":"https://www.wikidata.org/wiki/Q796"`, `"@type":"Thing"`, `"@type":"Person"`, `"about":[`, `"mentions":[`,
		`\u003cscript\u003e\"Iraq\"\u003c/script\u003e \u0026 co`, `"headline":"\u003cscript\u003e`} {
		if !strings.Contains(all, s) {
			t.Errorf("the fixture does not exercise %s", s)
		}
	}
}
