package content

import (
	"os"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/analyze"
	"github.com/jisr-news/jisr/generator/article"
)

// IDs made from data (an article's, an entity's from a project gazetteer)
// never make the writer leave the content tree.
func TestWriterStaysInside(t *testing.T) {
	fs := afero.NewMemMapFs()
	w := &Writer{Fs: fs, Dir: "/p/content"}
	if err := w.WriteArticle(Page{Article: &article.Article{ID: "../../../x"}}); err == nil {
		t.Error("an article ID with ../ was written")
	}
	ent := analyze.Entity{ID: "../../../../y", Type: analyze.Person, NameEN: "Y", NameAR: "ي", Known: true}
	if err := w.WriteTerms([]Page{{Article: &article.Article{ID: "a"}, Analysis: analyze.Result{Entities: []analyze.Entity{ent}}}}); err == nil {
		t.Error("an entity ID with ../ was written")
	}
	afero.Walk(fs, "/", func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && !strings.HasPrefix(p, "/p/content/") {
			t.Errorf("written outside the content tree: %s", p)
		}
		return nil
	})
}
