package browsertest

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/jisr-news/jisr/generator/arabic"
	"github.com/jisr-news/jisr/generator/search"
)

// siteReader opens the search index the site published, as the Go twin
// of the script reads it.
func siteReader(t *testing.T, site *Site) *search.Reader {
	t.Helper()
	first, err := os.ReadFile(filepath.Join(site.Public, "js", "search-index.js"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := search.OpenReader(first, func(name string) ([]byte, error) {
		return os.ReadFile(filepath.Join(site.Public, "js", "search-index", name+".js"))
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// goFirstSearch answers q as a reader's first search on a page in lang:
// the paths of the hits shown, and the parts loaded (sorted).
func goFirstSearch(t *testing.T, site *Site, q, lang string) (paths, parts []string) {
	t.Helper()
	r := siteReader(t, site)
	ids, err := r.Search(q, lang)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ids[:min(len(ids), search.Shown)] {
		p, _, _, err := r.Doc(d)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	parts = append(parts, r.Loaded...)
	sort.Strings(parts)
	return paths, parts
}

// twoPartQuery returns two words of the first article, as written, that
// the index keeps in two different term parts, and that together find
// the article.
func twoPartQuery(t *testing.T, site *Site) string {
	t.Helper()
	var words []string
	for _, s := range site.Pages[0].Segments {
		for _, tok := range arabic.Tokenize(s.AR) {
			if arabic.HasArabic(tok.Text) && len([]rune(tok.Text)) >= 4 {
				words = append(words, tok.Text)
			}
		}
	}
	termParts := func(q string) map[string]bool {
		_, parts := goFirstSearch(t, site, q, "ar")
		m := map[string]bool{}
		for _, p := range parts {
			if strings.HasPrefix(p, "t") {
				m[p] = true
			}
		}
		return m
	}
	for i := 0; i < len(words) && i < 40; i++ {
		a := termParts(words[i])
	next:
		for j := i + 1; j < len(words) && j < 40; j++ {
			for p := range termParts(words[j]) {
				if a[p] {
					continue next
				}
			}
			q := words[i] + " " + words[j]
			if paths, _ := goFirstSearch(t, site, q, "ar"); len(paths) > 0 && paths[0] == site.ArticlePath("ar", site.Pages[0].Article.ID) {
				return q
			}
		}
	}
	t.Fatal("no two words of the first article fall in two term parts and find it")
	return ""
}

// checkSearchParts searches on a fresh page for each query and checks
// that the browser lists the hits the Go reader finds, in the same order,
// having loaded by <script> elements exactly the parts the Go reader
// reads (so never the whole index).
func checkSearchParts(t *testing.T, ctx context.Context, site *Site, at func(rel string) string, tag string) {
	enPath := site.ArticlePath("en", site.Pages[0].Article.ID)
	queries := []struct{ q, lang, page string }{
		{"داعش", "ar", ""},
		{twoPartQuery(t, site), "ar", ""},
		{"الاستخبارات", "en", enPath},
		{"Putin", "en", enPath},
		{"Islamic State", "en", enPath},
	}
	for i, c := range queries {
		want, wantParts := goFirstSearch(t, site, c.q, c.lang)
		if len(want) == 0 {
			t.Errorf("%q finds nothing in the index; pick a query the seeds answer", c.q)
			continue
		}
		step(t, ctx, "search "+c.q, chromedp.Navigate(at(c.page)), waitLang(c.lang),
			chromedp.WaitVisible(chromedp.CSS("form.search input")),
			chromedp.SendKeys(chromedp.CSS("form.search input"), c.q),
			chromedp.Submit(chromedp.CSS("form.search input")),
			chromedp.WaitVisible(chromedp.CSS("#search-results .search-list li a")))
		got := eval[[]string](t, ctx, `[...document.querySelectorAll("#search-results .search-list li a")].map(a => a.getAttribute("href"))`)
		root := eval[string](t, ctx, `document.querySelector('script[src$="js/search.js"]').src.replace(/js\/search\.js$/, "")`)
		for j := range got {
			got[j] = strings.TrimPrefix(got[j], root)
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s %q: the browser lists %q, the Go reader %q", tag, c.q, got, want)
		}
		parts := eval[[]string](t, ctx, `[...document.querySelectorAll('script[src*="js/search-index/"]')].map(s => s.getAttribute("src").replace(/^.*js\/search-index\//, "").replace(/\.js$/, "")).sort()`)
		if strings.Join(parts, " ") != strings.Join(wantParts, " ") {
			t.Errorf("%s %q: the browser loaded the parts %q, the Go reader %q", tag, c.q, parts, wantParts)
		}
		t.Logf("%s %q: %d hits shown, parts %v", tag, c.q, len(got), parts)
		if i == 1 {
			shot(t, ctx, tag+"-search-parts-ar-phone", 390)
		}
		if i == 3 {
			shot(t, ctx, tag+"-search-parts-en-phone", 390)
		}
	}
	// A part that cannot load gives the error line, not a half list.
	if site.Offline {
		tmp := filepath.Join(site.Public, "js", "search-index", "m0.js")
		if err := os.Rename(tmp, tmp+".gone"); err != nil {
			t.Fatal(err)
		}
		defer os.Rename(tmp+".gone", tmp)
		step(t, ctx, "search with a part missing", chromedp.Navigate(at("")), waitLang("ar"),
			chromedp.WaitVisible(chromedp.CSS("form.search input")),
			chromedp.SendKeys(chromedp.CSS("form.search input"), "داعش"),
			chromedp.Submit(chromedp.CSS("form.search input")),
			chromedp.WaitVisible(chromedp.CSS("#search-results h2")))
		if n := eval[int](t, ctx, `document.querySelectorAll("#search-results li").length`); n != 0 {
			t.Errorf("with a metadata part missing the page lists %d results", n)
		}
	}
}

// TestSearchPartsOffline searches the offline build from file://.
func TestSearchPartsOffline(t *testing.T) {
	ctx := browser(t)
	site, at := offlineSite(t)
	checkSearchParts(t, ctx, site, at, "file")
}

// TestSearchPartsSubPath searches the site built for
// https://example.org/repo/, served under /repo/.
func TestSearchPartsSubPath(t *testing.T) {
	ctx := browser(t)
	site, at := subPathSite(t)
	checkSearchParts(t, ctx, site, at, "http")
}
