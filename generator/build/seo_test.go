package build

import (
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

const hostRoot = "https://news.example.org/"

// seoSite builds the test site at a host root, with extra jisr.toml lines
// and a lead that carries markup and entities.
func seoSite(t *testing.T, toml string) map[string]string {
	t.Helper()
	fs := loadTxtar(t, "testdata/site.txtar")
	afero.WriteFile(fs, "/p/jisr.toml", []byte(toml), 0o644)
	afero.WriteFile(fs, "/p/seeds/markets.md", []byte("---\ntitle: أسعار النفط ترتفع\ndate: 2016-03-01\nslug: oil-prices\n---\n"+
		`ارتفعت أسعار <b>النفط</b> &amp; الغاز "اليوم" &lt;script&gt;alert(1)&lt;/script&gt; في فيينا.`+"\n"), 0o644)
	buildSite(t, fs, Options{BaseURL: hostRoot})
	return siteFiles(t, fs)
}

var robotsMeta = regexp.MustCompile(`<meta name="robots" content="noindex">`)

// TestUnreviewedEnglishNotIndexed: English articles that no person
// reviewed (here gist) carry noindex and stay out of the sitemap; Arabic
// articles are indexed; [seo] index_unreviewed turns it off.
func TestUnreviewedEnglishNotIndexed(t *testing.T) {
	files := seoSite(t, "")
	en, ar := files["en/articles/iraq/index.html"], files["articles/iraq/index.html"]
	if en == "" || ar == "" {
		t.Fatalf("article pages missing")
	}
	if !robotsMeta.MatchString(en) {
		t.Error("unreviewed English article has no noindex")
	}
	if robotsMeta.MatchString(ar) {
		t.Error("Arabic article has noindex")
	}
	sm := files["sitemap-pages.xml"] + files["en/sitemap-pages.xml"]
	if strings.Contains(sm, "<loc>"+hostRoot+"en/articles/iraq/</loc>") {
		t.Error("unreviewed English article listed in the sitemap")
	}
	if !strings.Contains(sm, "<loc>"+hostRoot+"articles/iraq/</loc>") {
		t.Errorf("Arabic article missing from the sitemap:\n%s", sm)
	}

	files = seoSite(t, "[seo]\nindex_unreviewed = true\n")
	if robotsMeta.MatchString(files["en/articles/iraq/index.html"]) {
		t.Error("index_unreviewed = true, yet noindex")
	}
	if !strings.Contains(files["en/sitemap-pages.xml"], "<loc>"+hostRoot+"en/articles/iraq/</loc>") {
		t.Error("index_unreviewed = true, yet the English article is not in the sitemap")
	}
}

// TestSharingMetadata: canonical link, Open Graph and Twitter cards with
// absolute URLs; a plain, escaped description; robots.txt at the host root
// with the sitemap.
func TestSharingMetadata(t *testing.T) {
	files := seoSite(t, "")
	ar := files["articles/oil-prices/index.html"]
	for _, want := range []string{
		`<link rel="canonical" href="` + hostRoot + `articles/oil-prices/">`,
		`<meta property="og:url" content="` + hostRoot + `articles/oil-prices/">`,
		`<meta property="og:title" content="أسعار النفط ترتفع">`,
		`<meta property="og:type" content="article">`,
		`<meta name="twitter:card" content="summary">`,
		`<meta property="og:description" content="ارتفعت أسعار &lt;b&gt;النفط&lt;/b&gt; &amp;amp; الغاز`,
	} {
		if !strings.Contains(ar, want) {
			t.Errorf("Arabic article lacks %s", want)
		}
	}
	m := regexp.MustCompile(`<meta name="description" content="([^"]*)">`).FindStringSubmatch(ar)
	if m == nil {
		t.Fatal("no description")
	}
	// The lead is plain text, shown as the body shows it: escaped once,
	// never decoded into markup or stripped.
	if want := `ارتفعت أسعار &lt;b&gt;النفط&lt;/b&gt; &amp;amp; الغاز &#34;اليوم&#34; &amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; في فيينا.`; m[1] != want {
		t.Errorf("description = %q, want the lead as written, escaped once: %q", m[1], want)
	}
	// JSON-LD: the same text, JSON-escaped; "&lt;script&gt;" stays the
	// characters the article has, never decoded into a tag.
	if ld := regexp.MustCompile(`"description":"([^"]*)`).FindStringSubmatch(ar); ld == nil ||
		!strings.Contains(ld[1], `\u003cb\u003eالنفط`) || !strings.Contains(ar, `\u0026lt;script\u0026gt;`) {
		t.Errorf("JSON-LD description is not the lead as written: %v", ld)
	}
	if !strings.Contains(files["robots.txt"], "Sitemap: "+hostRoot+"sitemap.xml") {
		t.Errorf("robots.txt at the host root:\n%s", files["robots.txt"])
	}
}

// TestNoSharingMetadataWithoutHost: without an absolute base URL there is
// no canonical or og:url (they must be absolute).
func TestNoSharingMetadataWithoutHost(t *testing.T) {
	fs := loadTxtar(t, "testdata/site.txtar")
	afero.WriteFile(fs, "/p/jisr.toml", nil, 0o644)
	buildSite(t, fs, Options{})
	for name, body := range siteFiles(t, fs) {
		if strings.Contains(body, `rel="canonical"`) || strings.Contains(body, `og:url`) {
			t.Errorf("%s has sharing metadata without a host", name)
		}
	}
}
