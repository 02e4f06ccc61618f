package build

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// Articles of one day keep their time of day, and the lists order them by
// it, newest first, the same way in both languages (not by title).
func TestSameDayOrderedByTime(t *testing.T) {
	fs := loadTxtar(t, "testdata/site.txtar")
	for _, s := range []struct{ name, title, date string }{
		{"morning", "ي خبر الصباح", "2015-08-03 08:10:00"},
		{"evening", "أ خبر المساء", "2015-08-03 20:54:51"},
	} {
		page := "---\ntitle: " + s.title + "\ndate: " + s.date + "\nslug: " + s.name + "\n---\nقال المتحدث إن الاجتماع عقد اليوم في الرياض.\n"
		if err := afero.WriteFile(fs, "/p/seeds/"+s.name+".md", []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	buildSite(t, fs, Options{})
	if fm := read(t, fs, "/p/content/articles/evening/index.ar.md"); !strings.Contains(fm, `"date": "2015-08-03T20:54:51Z"`) {
		t.Errorf("front matter lost the time:\n%s", fm)
	}
	ix := readSearchIndex(t, fs, "/p/public")
	if strings.Contains(ix, "2015-08-03T") || !strings.Contains(ix, "2015-08-03") {
		t.Error("the search index should show the day of a timed article, as the pages do")
	}
	for _, home := range []string{"/p/public/index.html", "/p/public/en/index.html"} {
		h := read(t, fs, home)
		ev, mo := strings.Index(h, "articles/evening/"), strings.Index(h, "articles/morning/")
		if ev < 0 || mo < 0 || ev > mo {
			t.Errorf("%s: evening at %d, morning at %d; want the evening article first", home, ev, mo)
		}
	}
}
