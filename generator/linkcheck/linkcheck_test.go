package linkcheck

import (
	"sort"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// site writes files into a MemMapFs under /site.
func site(t *testing.T, files map[string]string) afero.Fs {
	t.Helper()
	fs := afero.NewMemMapFs()
	for name, data := range files {
		if err := afero.WriteFile(fs, "/site/"+name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return fs
}

func urls(refs []Ref) []string {
	var out []string
	for _, r := range refs {
		out = append(out, r.File+" "+r.URL)
	}
	sort.Strings(out)
	return out
}

// fixture is a small site, how it is opened, and what its check finds.
type fixture struct {
	name         string
	opts         Options
	files        map[string]string
	broken, ext  []string
	reasonSubstr string
}

// page is an HTML page holding the given tags, with an element "main".
func page(links ...string) string {
	var b strings.Builder
	b.WriteString("<!doctype html>\n<html><head>\n")
	for _, l := range links {
		b.WriteString(l + "\n")
	}
	b.WriteString("</head><body><main id=\"main\"></main></body></html>\n")
	return b.String()
}

// fixtures are the same small sites, checked in the ways they can be
// opened.
func fixtures() []fixture {
	return []fixture{
		{
			name: "offline relative links to files resolve",
			opts: Options{Offline: true},
			files: map[string]string{
				"index.html":            page(`<a href="./articles/a%20b.html#x">a</a>`, `<link rel="stylesheet" href="./css/s.css">`, `<a href="./en/index.html">en</a>`),
				"articles/a b.html":     page(`<a href="../index.html">home</a>`, `<p id="x">`, `<img src="../img/p.png" srcset="../img/p.png 1x, ../img/p2.png 2x">`),
				"en/index.html":         page(`<a href="../index.html">ar</a>`, `<a href="mailto:x@example.org">m</a>`, `<a href="#main">skip</a>`),
				"css/s.css":             "body{background:url('../img/p.png')}\n@font-face{src:url(../fonts/f.woff2) format('woff2')}",
				"img/p.png":             "",
				"img/p2.png":            "",
				"fonts/f.woff2":         "",
				"articles/unlinked.xml": "<x/>",
			},
		},
		{
			name: "offline: a folder link does not open index.html",
			opts: Options{Offline: true},
			files: map[string]string{
				"index.html":          page(`<a href="./">home</a>`, `<a href="tags/">tags</a>`, `<a href="tags">tags</a>`),
				"tags/index.html":     page(`<a href="../index.html">home</a>`),
				"articles/index.html": page(),
			},
			broken:       []string{"index.html ./", "index.html tags", "index.html tags/"},
			reasonSubstr: "file:// does not open its index.html",
		},
		{
			name: "offline: absolute paths point at the disk's root",
			opts: Options{Offline: true},
			files: map[string]string{
				"index.html": page(`<link rel="stylesheet" href="/css/s.css">`),
				"css/s.css":  "",
			},
			broken:       []string{"index.html /css/s.css"},
			reasonSubstr: "root of the disk",
		},
		{
			name: "offline: missing file and escaping the folder",
			opts: Options{Offline: true},
			files: map[string]string{
				"index.html":    page(`<a href="./nope.html">x</a>`, `<script src="../../outside.js"></script>`),
				"en/index.html": page(`<a href="../index.html">ok</a>`, `<a href="../../index.html">out</a>`),
				"old.html":      page(`<meta http-equiv="refresh" content="0; url=./moved.html">`),
				"older.html":    page(`<meta http-equiv="Refresh" content="0;URL='./index.html'">`, `<meta http-equiv="refresh" content="30">`),
			},
			broken: []string{"en/index.html ../../index.html", "index.html ../../outside.js", "index.html ./nope.html", "old.html ./moved.html"},
		},
		{
			name: "served under a sub-path: folders open index.html",
			opts: Options{BaseURL: "https://user.github.io/repo/"},
			files: map[string]string{
				"index.html":           page(`<a href="/repo/">home</a>`, `<a href="/repo">home</a>`, `<a href="/repo/tags/">t</a>`, `<a href="/repo/tags">t</a>`, `<link rel="stylesheet" href="/repo/css/s.css?v=1">`, `<link rel="alternate" hreflang="en" href="https://user.github.io/repo/en/">`),
				"tags/index.html":      page(`<a href="../">up</a>`, `<a href="%D8%B9%D8%B1%D8%A7%D9%82/">iraq</a>`),
				"tags/عراق/index.html": page(),
				"en/index.html":        page(),
				"css/s.css":            "",
			},
		},
		{
			name: "served under a sub-path: paths outside it are broken",
			opts: Options{BaseURL: "https://user.github.io/repo/"},
			files: map[string]string{
				"index.html":    page(`<link rel="stylesheet" href="/css/s.css">`, `<a href="https://user.github.io/other/">x</a>`, `<a href="/repo/missing/">m</a>`, `<a href="https://user.github.io/repo/en/nope.html">n</a>`),
				"css/s.css":     "",
				"en/index.html": page(),
			},
			broken: []string{"index.html /css/s.css", "index.html /repo/missing/", "index.html https://user.github.io/other/", "index.html https://user.github.io/repo/en/nope.html"},
		},
		{
			name: "fragments name an element of their page",
			opts: Options{BaseURL: "https://user.github.io/repo/"},
			files: map[string]string{
				"index.html": page(`<a href="#top">top</a>`, `<a href="#">x</a>`, `<a href="#nope">x</a>`,
					`<a href="/repo/en/#seg-p1-1">ok</a>`, `<a href="/repo/en/index.html#seg-p9">gone</a>`,
					`<a href="en/#old">named anchor</a>`, `<a href="css/s.css#x">not HTML</a>`, `<a href="#%D8%B9">encoded</a>`),
				"en/index.html": page(`<span id="seg-p1-1">s</span>`, `<a name="old"></a>`),
				"css/s.css":     "",
				"x.html":        page(`<p id="ع">`),
			},
			broken:       []string{"index.html #%D8%B9", "index.html #nope", "index.html /repo/en/index.html#seg-p9"},
			reasonSubstr: "no element with id",
		},
		{
			name: "served: 404.html is served at any depth, so relative links are broken",
			opts: Options{BaseURL: "https://user.github.io/repo/"},
			files: map[string]string{
				"404.html":      page(`<a href="/repo/">home</a>`, `<a href="#main">skip</a>`, `<a href="en/index.html">en</a>`),
				"en/404.html":   page(`<a href="index.html">ok: not the root 404 page</a>`),
				"en/index.html": page(),
				"index.html":    page(),
			},
			broken:       []string{"404.html en/index.html"},
			reasonSubstr: "any depth",
		},
		{
			name: "resources from other hosts are listed; outbound links are not",
			opts: Options{BaseURL: "https://user.github.io/repo/"},
			files: map[string]string{
				"index.html": page(
					`<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Noto">`,
					`<script src="//cdn.example.com/x.js"></script>`,
					`<a href="https://www.wikidata.org/wiki/Q796">wd</a>`,
					`<link rel="alternate" href="https://elsewhere.example/feed">`,
					`<style>@import "https://cdn.example.com/a.css"; p{background:url(data:image/png;base64,AAAA)}</style>`,
					`<div style="background:url(https://img.example.com/b.png)"></div>`,
				),
			},
			ext: []string{"index.html //cdn.example.com/x.js", "index.html https://cdn.example.com/a.css", "index.html https://fonts.googleapis.com/css2?family=Noto", "index.html https://img.example.com/b.png"},
		},
		{
			name: "feeds and sitemap: URLs on the site's host must exist",
			opts: Options{BaseURL: "https://user.github.io/repo/"},
			files: map[string]string{
				"index.html":            page(),
				"articles/a/index.html": page(),
				"sitemap.xml":           `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://user.github.io/repo/articles/a/</loc></url><url><loc>https://user.github.io/repo/articles/b/</loc></url></urlset>`,
				"index.xml":             `<rss><channel><link>https://user.github.io/repo/</link><item><link>https://elsewhere.example/x</link></item></channel></rss>`,
			},
			broken: []string{"sitemap.xml https://user.github.io/repo/articles/b/"},
		},
	}
}

func TestCheck(t *testing.T) {
	tests := fixtures()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := Check(site(t, tc.files), "/site", tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := urls(rep.Broken); strings.Join(got, "|") != strings.Join(tc.broken, "|") {
				t.Errorf("broken =\n  %v\nwant\n  %v\n(%v)", got, tc.broken, rep.Broken)
			}
			if got := urls(rep.External); strings.Join(got, "|") != strings.Join(tc.ext, "|") {
				t.Errorf("external =\n  %v\nwant\n  %v", got, tc.ext)
			}
			if tc.reasonSubstr != "" {
				for _, b := range rep.Broken {
					if !strings.Contains(b.Reason, tc.reasonSubstr) {
						t.Errorf("%s: reason %q lacks %q", b.URL, b.Reason, tc.reasonSubstr)
					}
				}
			}
			if rep.Checked == 0 && len(tc.files) > 1 {
				t.Error("no references were checked")
			}
			if rep.OK() != (len(tc.broken) == 0 && len(tc.ext) == 0) {
				t.Errorf("OK() = %v", rep.OK())
			}
		})
	}
}

func TestLineNumbers(t *testing.T) {
	fs := site(t, map[string]string{
		"index.html": "<!doctype html>\n<html>\n<head>\n<title>x</title>\n</head>\n<body>\n<p>text\nmore</p>\n<a\n  href=\"./gone.html\">x</a>\n</body></html>",
		"s.css":      "a{}\n\nb{background:url(missing.png)}",
	})
	rep, err := Check(fs, "/site", Options{Offline: true})
	if err != nil {
		t.Fatal(err)
	}
	lines := map[string]int{}
	for _, b := range rep.Broken {
		lines[b.File] = b.Line
	}
	if lines["index.html"] != 9 || lines["s.css"] != 3 {
		t.Errorf("lines = %v, want index.html:9 and s.css:3 (%v)", lines, rep.Broken)
	}
	var out strings.Builder
	rep.Write(&out)
	if !strings.Contains(out.String(), `index.html:9: a href "./gone.html": no such file`) || !strings.Contains(out.String(), "2 broken") {
		t.Errorf("report:\n%s", out.String())
	}
}

func TestMissingFolder(t *testing.T) {
	if _, err := Check(afero.NewMemMapFs(), "/nope", Options{}); err == nil {
		t.Error("no error for a missing folder")
	}
}
