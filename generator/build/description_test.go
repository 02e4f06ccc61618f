package build

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
	"golang.org/x/net/html"
)

// metaDescription returns the content of the page's <meta name="description">.
func metaDescription(t *testing.T, page string) (string, bool) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var walk func(n *html.Node) (string, bool)
	walk = func(n *html.Node) (string, bool) {
		if n.Type == html.ElementNode && n.Data == "meta" {
			name, content := "", ""
			for _, a := range n.Attr {
				switch a.Key {
				case "name":
					name = a.Val
				case "content":
					content = a.Val
				}
			}
			if name == "description" {
				return content, true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if s, ok := walk(c); ok {
				return s, ok
			}
		}
		return "", false
	}
	return walk(doc)
}

// The lead is plain text: the page's description reads as the article's
// body does. Text that looks like an entity (&lt;b&gt;) is not decoded into
// markup, and text between angle brackets («<اللجنة>») is not stripped.
func TestDescriptionIsTheLeadAsWritten(t *testing.T) {
	fs := loadTxtar(t, "testdata/site.txtar")
	lead := "قالت <اللجنة> إن &lt;b&gt; نص و AT&T شركة."
	if err := afero.WriteFile(fs, "/p/seeds/meta.md", []byte("---\ntitle: وصف الصفحة\ndate: 2017-01-01\nslug: meta\n---\n"+lead+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	buildSite(t, fs, Options{})
	got, ok := metaDescription(t, read(t, fs, "/p/public/articles/meta/index.html"))
	if !ok {
		t.Fatal("no meta description")
	}
	if got != lead {
		t.Errorf("description = %q, want the lead as written, %q", got, lead)
	}
}
