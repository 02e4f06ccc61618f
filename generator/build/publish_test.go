package build

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/publish"
)

// siteFiles returns every file of the built site under /p/public, by path
// relative to it.
func siteFiles(t *testing.T, fs afero.Fs) map[string]string {
	t.Helper()
	files := map[string]string{}
	afero.Walk(fs, "/p/public", func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			files[strings.TrimPrefix(p, "/p/public/")] = read(t, fs, p)
		}
		return nil
	})
	if len(files) == 0 {
		t.Fatal("no site built")
	}
	return files
}

var refAttr = regexp.MustCompile(`\s(?:href|src|action)="([^"]*)"`)

// TestSubPathBaseURL builds for GitHub Pages under /repo/: every link and
// asset of every page, the feeds and the sitemap stay under /repo/.
func TestSubPathBaseURL(t *testing.T) {
	const base = "https://user.github.io/repo/"
	fs := loadTxtar(t, "testdata/site.txtar")
	afero.WriteFile(fs, "/p/jisr.toml", []byte("cname = \"news.example.org\"\n[title]\nar = \"جسر\"\nen = \"Jisr\"\n"), 0o644)
	buildSite(t, fs, Options{BaseURL: base})
	files := siteFiles(t, fs)
	pages := 0
	for name, body := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		for _, m := range refAttr.FindAllStringSubmatch(body, -1) {
			u := m[1]
			switch {
			case strings.HasPrefix(u, "#"), strings.HasPrefix(u, "/repo/"), strings.HasPrefix(u, base):
			case strings.HasPrefix(u, "https://www.wikidata.org/"): // outbound link on entity pages
			case !strings.Contains(u, ":") && resolvesUnder(base+name, u, base): // relative links (the charts')
			default:
				t.Errorf("%s: %q is not under /repo/", name, u)
			}
		}
	}
	if pages < 10 {
		t.Errorf("only %d pages", pages)
	}
	// 404.html is served for missing URLs at any depth: absolute paths only.
	nf := files["404.html"]
	for _, want := range []string{`href="/repo/css/jisr.css"`, `href="/repo/"`, `href="/repo/en/"`, "الصفحة غير موجودة", "Page not found", `name="robots" content="noindex"`} {
		if !strings.Contains(nf, want) {
			t.Errorf("404.html lacks %s", want)
		}
	}
	if _, ok := files["en/404.html"]; ok {
		t.Error("a second 404 page was written under en/")
	}
	if _, ok := files[".nojekyll"]; !ok {
		t.Error(".nojekyll missing")
	}
	if files["CNAME"] != "news.example.org\n" {
		t.Errorf("CNAME = %q", files["CNAME"])
	}
	// Crawlers read robots.txt only at a host's root, never under /repo/.
	if _, ok := files["robots.txt"]; ok {
		t.Errorf("robots.txt written under a sub-path:\n%s", files["robots.txt"])
	}
	// One sitemap index and one sitemap per language; none of Hugo's own.
	for _, f := range []string{"ar/sitemap.xml", "en/sitemap.xml"} {
		if _, ok := files[f]; ok {
			t.Errorf("%s written", f)
		}
	}
	for _, f := range []string{"sitemap-pages.xml", "en/sitemap-pages.xml"} {
		if _, ok := files[f]; !ok {
			t.Errorf("%s missing", f)
		}
	}
	// Term pages have ASCII file names under the base path.
	if _, ok := files["entities/vladimir-putin/index.html"]; !ok {
		t.Errorf("entity page for Putin missing; entities: %v", keysUnder(files, "entities/"))
	}
}

func keysUnder(m map[string]string, prefix string) []string {
	var out []string
	for k := range m {
		if strings.HasPrefix(k, prefix) {
			out = append(out, k)
		}
	}
	return out
}

type sitemap struct {
	URLs []struct {
		Loc   string `xml:"loc"`
		Links []struct {
			Rel      string `xml:"rel,attr"`
			Hreflang string `xml:"hreflang,attr"`
			Href     string `xml:"href,attr"`
		} `xml:"http://www.w3.org/1999/xhtml link"`
	} `xml:"url"`
}

func TestSitemap(t *testing.T) {
	const base = "https://user.github.io/repo/"
	fs := loadTxtar(t, "testdata/site.txtar")
	buildSite(t, fs, Options{BaseURL: base})
	files := siteFiles(t, fs)
	// sitemap.xml is an index naming one sitemap per language.
	var index struct {
		Sitemaps []struct {
			Loc string `xml:"loc"`
		} `xml:"sitemap"`
	}
	if err := xml.Unmarshal([]byte(files["sitemap.xml"]), &index); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	var got []string
	var sm sitemap
	for _, s := range index.Sitemaps {
		got = append(got, s.Loc)
		var one sitemap
		if err := xml.Unmarshal([]byte(files[strings.TrimPrefix(s.Loc, base)]), &one); err != nil {
			t.Fatalf("%s: %v", s.Loc, err)
		}
		if len(one.URLs) == 0 {
			t.Errorf("%s lists no page", s.Loc)
		}
		sm.URLs = append(sm.URLs, one.URLs...)
	}
	if want := []string{base + "sitemap-pages.xml", base + "en/sitemap-pages.xml"}; !slices.Equal(got, want) {
		t.Errorf("sitemap index names %v, want %v", got, want)
	}
	locs := map[string]bool{}
	for _, u := range sm.URLs {
		if !strings.HasPrefix(u.Loc, base) {
			t.Errorf("loc %q is not absolute under %s", u.Loc, base)
		}
		locs[u.Loc] = true
		// The file behind each URL exists.
		file := strings.TrimPrefix(u.Loc, base)
		if file == "" || strings.HasSuffix(file, "/") {
			file += "index.html"
		}
		if _, ok := files[file]; !ok {
			t.Errorf("sitemap lists %s, but %s was not built", u.Loc, file)
		}
		if strings.Contains(u.Loc, "/review/") {
			t.Errorf("review page %s in the sitemap", u.Loc)
		}
		langs := map[string]string{}
		for _, l := range u.Links {
			if l.Rel != "alternate" || !strings.HasPrefix(l.Href, base) {
				t.Errorf("%s: bad alternate %+v", u.Loc, l)
			}
			langs[l.Hreflang] = l.Href
		}
		if len(u.Links) > 0 && (langs["ar"] == "" || langs["en"] == "" || langs["x-default"] != langs["ar"]) {
			t.Errorf("%s: alternates %v, want ar, en and x-default = ar", u.Loc, langs)
		}
	}
	for _, want := range []string{base, base + "en/", base + "articles/iraq/", base + "articles/oil-prices/"} {
		if !locs[want] {
			t.Errorf("sitemap lacks %s", want)
		}
	}
	// Every HTML page but the review pages, 404 and noindex pages
	// (unreviewed English, see seo_test.go) is in the sitemap.
	for name := range files {
		if !strings.HasSuffix(name, "index.html") || strings.Contains(name, "review/") || strings.Contains(files[name], `<meta name="robots" content="noindex">`) {
			continue
		}
		if loc := base + strings.TrimSuffix(name, "index.html"); !locs[loc] {
			t.Errorf("%s not in the sitemap", loc)
		}
	}
}

type rss struct {
	Channel struct {
		Title string `xml:"title"`
		// <link> and <atom:link rel="self">: Go matches both by local name.
		Links    []string `xml:"link"`
		Language string   `xml:"language"`
		Items    []struct {
			Title       string `xml:"title"`
			Link        string `xml:"link"`
			GUID        string `xml:"guid"`
			PubDate     string `xml:"pubDate"`
			Description string `xml:"description"`
		} `xml:"item"`
	} `xml:"channel"`
}

type atomFeed struct {
	Lang  string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID    string `xml:"id"`
	Links []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Updated string `xml:"updated"`
	Entries []struct {
		Title   string `xml:"title"`
		ID      string `xml:"id"`
		Updated string `xml:"updated"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

func TestFeeds(t *testing.T) {
	const base = "https://user.github.io/repo/"
	fs := loadTxtar(t, "testdata/site.txtar")
	buildSite(t, fs, Options{BaseURL: base})
	files := siteFiles(t, fs)
	for _, tc := range []struct {
		lang, rss, atom, home, article string
	}{
		{"ar", "index.xml", "atom.xml", base, base + "articles/iraq/"},
		{"en", "en/index.xml", "en/atom.xml", base + "en/", base + "en/articles/iraq/"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			var r rss
			if err := xml.Unmarshal([]byte(files[tc.rss]), &r); err != nil {
				t.Fatalf("%s: %v\n%s", tc.rss, err, files[tc.rss])
			}
			if r.Channel.Language != tc.lang || len(r.Channel.Links) == 0 || r.Channel.Links[0] != tc.home {
				t.Errorf("%s: language %q links %q", tc.rss, r.Channel.Language, r.Channel.Links)
			}
			if len(r.Channel.Items) != 2 {
				t.Fatalf("%s: %d items, want 2", tc.rss, len(r.Channel.Items))
			}
			// Newest first: the 2016 oil article, then Iraq (2015).
			if r.Channel.Items[1].Link != tc.article || r.Channel.Items[1].GUID != tc.article {
				t.Errorf("%s: second item %+v, want %s", tc.rss, r.Channel.Items[1], tc.article)
			}
			if r.Channel.Items[1].PubDate != "Sun, 27 Sep 2015 00:00:00 +0000" {
				t.Errorf("%s: pubDate %q", tc.rss, r.Channel.Items[1].PubDate)
			}
			var a atomFeed
			if err := xml.Unmarshal([]byte(files[tc.atom]), &a); err != nil {
				t.Fatalf("%s: %v", tc.atom, err)
			}
			if a.Lang != tc.lang || a.ID != tc.home || a.Updated != "2016-03-01T00:00:00Z" {
				t.Errorf("%s: lang %q id %q updated %q", tc.atom, a.Lang, a.ID, a.Updated)
			}
			self := ""
			for _, l := range a.Links {
				if l.Rel == "self" {
					self = l.Href
				}
			}
			if self != base+tc.atom {
				t.Errorf("%s: self link %q", tc.atom, self)
			}
			if len(a.Entries) != 2 || a.Entries[1].ID != tc.article || a.Entries[1].Link.Href != tc.article || a.Entries[1].Updated != "2015-09-27T00:00:00Z" {
				t.Errorf("%s: entries %+v", tc.atom, a.Entries)
			}
			if tc.lang == "en" && regexp.MustCompile(`\p{Arabic}`).MatchString(a.Entries[1].Title) {
				t.Errorf("English feed has an Arabic title: %q", a.Entries[1].Title)
			}
		})
	}
	// Feeds only for the home pages: no feed per section, tag or entity.
	for name := range files {
		if strings.HasSuffix(name, ".xml") && !map[string]bool{"index.xml": true, "atom.xml": true, "en/index.xml": true, "en/atom.xml": true, "sitemap.xml": true,
			"sitemap-pages.xml": true, "en/sitemap-pages.xml": true}[name] {
			t.Errorf("unexpected feed %s", name)
		}
	}
}

// TestNoAbsoluteBaseURL: without a host to point at, feeds and the sitemap
// cannot have valid URLs, so they are not written.
func TestNoAbsoluteBaseURL(t *testing.T) {
	fs := loadTxtar(t, "testdata/site.txtar")
	afero.WriteFile(fs, "/p/jisr.toml", nil, 0o644)
	buildSite(t, fs, Options{})
	files := siteFiles(t, fs)
	for _, f := range []string{"sitemap.xml", "index.xml", "atom.xml", "en/index.xml"} {
		if _, ok := files[f]; ok {
			t.Errorf("%s written without an absolute base URL", f)
		}
	}
	if strings.Contains(files["robots.txt"], "Sitemap:") {
		t.Errorf("robots.txt names a sitemap:\n%s", files["robots.txt"])
	}
	if _, ok := files["CNAME"]; ok {
		t.Error("CNAME written without a cname setting")
	}
}

// TestOffline: the site browses from file://: every reference is relative,
// page links end in .html, nothing comes from another host, and the zip
// holds the same files under portable names.
func TestOffline(t *testing.T) {
	fs := loadTxtar(t, "testdata/site.txtar")
	offline := true
	buildSite(t, fs, Options{Offline: &offline})
	files := siteFiles(t, fs)
	for name, body := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, m := range refAttr.FindAllStringSubmatch(body, -1) {
			u := m[1]
			switch {
			case strings.HasPrefix(u, "#"), strings.HasPrefix(u, "https://www.wikidata.org/"):
			case strings.HasPrefix(u, "/") || strings.Contains(u, "://"):
				t.Errorf("%s: %q is not relative", name, u)
			case strings.HasSuffix(strings.SplitN(u, "#", 2)[0], "/"):
				t.Errorf("%s: %q is a folder link", name, u)
			}
		}
	}
	if _, ok := files["articles/iraq.html"]; !ok {
		t.Error("articles/iraq.html missing: offline pages are not .html files")
	}
	p, err := Open(Options{Fs: fs, Root: "/p", Offline: &offline, Zip: "dist/jisr-site.zip"})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := p.CheckLinks("")
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() || rep.Checked < 100 {
		var b strings.Builder
		rep.Write(&b)
		t.Errorf("link check of the offline site:\n%s", b.String())
	}
	res, err := p.WriteZip()
	if err != nil {
		t.Fatal(err)
	}
	data := []byte(read(t, fs, "/p/dist/jisr-site.zip"))
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range zr.File {
		if reason := publish.PortablePath(f.Name); reason != "" {
			t.Errorf("zip entry %s: %s", f.Name, reason)
		}
		if !strings.HasSuffix(f.Name, "/") {
			n++
			if _, ok := files[strings.TrimPrefix(f.Name, "jisr-site/")]; !ok {
				t.Errorf("zip entry %s is not in the site", f.Name)
			}
		}
	}
	if n != len(files) || res.Files != n {
		t.Errorf("zip has %d files (reported %d), site %d", n, res.Files, len(files))
	}
}

// TestBrokenLinkFailsBuild: a layout with a link to a missing page fails
// the build, names the page and the link, and keeps the old site; with the
// link check's cache of the first build, which reads only changed files
// again.
func TestBrokenLinkFailsBuild(t *testing.T) {
	fs := loadTxtar(t, "testdata/site.txtar")
	buildSite(t, fs, Options{})
	if ok, _ := afero.Exists(fs, "/p/.public.cache/links"); !ok {
		t.Fatal("the build left no link check cache beside public/")
	}
	before := read(t, fs, "/p/public/index.html")
	if ok, _ := afero.Exists(fs, "/p/templates/layouts/home.html"); ok {
		t.Fatal("fixture already overrides home.html")
	}
	afero.WriteFile(fs, "/p/templates/layouts/home.html", []byte(`{{ define "main" }}<a href="{{ "no-such-page/" | relURL }}">x</a>{{ end }}`), 0o644)
	var log strings.Builder
	_, err := Run(context.Background(), Options{Fs: fs, Root: "/p", Log: &log})
	if err == nil {
		t.Fatal("build with a broken link succeeded")
	}
	if !strings.Contains(err.Error(), `index.html:`) || !strings.Contains(err.Error(), `"/news/no-such-page/"`) {
		t.Errorf("error does not name the page and link: %v", err)
	}
	if IsSetup(err) {
		t.Errorf("a broken link is a setup error: %v", err)
	}
	if m := regexp.MustCompile(`link check: (\d+) files \((\d+) as the last check read them\)`).FindStringSubmatch(log.String()); m == nil || m[2] == "0" || m[1] == m[2] {
		t.Errorf("the check did not reuse the unchanged files, or reused the changed one: %v", m)
	}
	if after := read(t, fs, "/p/public/index.html"); after != before {
		t.Error("public/ replaced by a build with broken links")
	}
	if entries, _ := afero.ReadDir(fs, "/p"); len(entries) > 0 {
		for _, e := range entries {
			if strings.Contains(e.Name(), ".tmp-") {
				t.Errorf("temporary folder left: %s", path.Join("/p", e.Name()))
			}
		}
	}
}

// pagesServer serves the built site as GitHub Pages does under /repo/:
// a folder serves its index.html, anything missing gets /404.html with
// status 404.
func pagesServer(t *testing.T, fs afero.Fs, dir string) *httptest.Server {
	t.Helper()
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := strings.CutPrefix(r.URL.Path, "/repo/")
		if !ok {
			http.NotFound(w, r)
			return
		}
		name := path.Join(dir, p)
		if info, err := fs.Stat(name); err == nil && info.IsDir() {
			name = path.Join(name, "index.html")
		}
		data, err := afero.ReadFile(fs, name)
		if err != nil {
			data, _ = afero.ReadFile(fs, path.Join(dir, "404.html"))
			w.WriteHeader(http.StatusNotFound)
		}
		w.Write(data)
	}))
}

// TestSubPathCrawl crawls the site over HTTP under /repo/, as a browser on
// GitHub Pages would, from the home page and from the 404 page served for a
// deep missing URL: every link, stylesheet and script answers 200.
func TestSubPathCrawl(t *testing.T) {
	fs := loadTxtar(t, "testdata/site.txtar")
	buildSite(t, fs, Options{BaseURL: "https://user.github.io/repo/"})
	ts := pagesServer(t, fs, "/p/public")
	defer ts.Close()

	resp, err := http.Get(ts.URL + "/repo/no/such/deep/page/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 404 || !strings.Contains(string(body), "Page not found") {
		t.Fatalf("missing page: %d %q", resp.StatusCode, body)
	}
	// Links of the 404 page resolve against the deep URL, as in a browser.
	queue := []string{ts.URL + "/repo/", ts.URL + "/repo/no/such/deep/page/"}
	seen := map[string]bool{}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		if seen[u] {
			continue
		}
		seen[u] = true
		resp, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 && !strings.Contains(u, "/no/such/") {
			t.Errorf("%s: %d", u, resp.StatusCode)
			continue
		}
		if !strings.HasSuffix(u, "/") && !strings.HasSuffix(u, ".html") {
			continue // CSS, JS, fonts: not crawled further
		}
		base, _ := url.Parse(u)
		for _, m := range refAttr.FindAllStringSubmatch(string(data), -1) {
			ref, err := base.Parse(html.UnescapeString(m[1]))
			if err != nil {
				t.Errorf("%s: bad link %q", u, m[1])
				continue
			}
			ref.Fragment = ""
			if ref.Host == "user.github.io" { // hreflang alternates: the same site
				ref.Scheme, ref.Host = "http", strings.TrimPrefix(ts.URL, "http://")
			}
			if "http://"+ref.Host != ts.URL {
				continue // outbound (Wikidata)
			}
			queue = append(queue, ref.String())
		}
	}
	if len(seen) < 20 {
		t.Errorf("crawled only %d URLs", len(seen))
	}
}

// resolvesUnder reports whether the relative reference ref, on the page at
// pageURL, resolves to a URL under base.
func resolvesUnder(pageURL, ref, base string) bool {
	p, err := url.Parse(pageURL)
	if err != nil {
		return false
	}
	r, err := p.Parse(ref)
	return err == nil && strings.HasPrefix(r.String(), base)
}
