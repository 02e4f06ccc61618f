package store

import (
	"reflect"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// TestJSONFrontMatterRoundTrip checks that an article page written with
// JSON front matter reads back as written (with a byte order mark too),
// that its keys are the YAML keys Hugo's layouts read, and that a page a
// person wrote in YAML still reads.
func TestJSONFrontMatterRoundTrip(t *testing.T) {
	fs := afero.NewMemMapFs()
	w := &Writer{Fs: fs, Dir: "/c"}
	p := &ArticlePage{Title: `Title "<b>" & #1: x`, Date: "2015-07-21T02:54:14Z", TranslationKey: "a", Lead: "نص\nسطر",
		Tags: []string{"t"}, Entities: []string{"e"}, Mentions: map[string]Mention{"e": {Count: 2, Snippet: "s"}},
		Figures: []Figure{{Src: "x.jpg", Alt: "alt"}}, Jisr: Provenance{ID: "a", Status: "gist", Counts: map[string]int{"gist": 3}},
		Build: map[string]any{"publishResources": false}}
	if err := w.WriteArticlePage("a", "en", p); err != nil {
		t.Fatal(err)
	}
	data, _ := afero.ReadFile(fs, "/c/articles/a/index.en.md")
	for _, key := range []string{`"title"`, `"translationKey"`, `"source_url"`, `"publishResources": false`, `"mentions"`} {
		if key == `"source_url"` {
			if strings.Contains(string(data), key) {
				t.Errorf("empty source_url written:\n%s", data)
			}
			continue
		}
		if !strings.Contains(string(data), key) {
			t.Errorf("page lacks %s:\n%s", key, data)
		}
	}
	got, err := ReadArticlePage(fs, "/c", "a", "en")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, p) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, p)
	}
	afero.WriteFile(fs, "/c/articles/a/index.ar.md", append([]byte("\ufeff"), data...), 0o644)
	if got, err := ReadArticlePage(fs, "/c", "a", "ar"); err != nil || got.Title != p.Title {
		t.Errorf("with a byte order mark: %v %+v", err, got)
	}
	afero.WriteFile(fs, "/c/articles/b/index.ar.md", []byte("---\ntitle: يدوي\n---\n"), 0o644)
	if got, err := ReadArticlePage(fs, "/c", "b", "ar"); err != nil || got.Title != "يدوي" {
		t.Errorf("YAML page: %v %+v", err, got)
	}
	afero.WriteFile(fs, "/c/articles/c/index.ar.md", []byte("{\"title\": 1,\n"), 0o644)
	if _, err := ReadArticlePage(fs, "/c", "c", "ar"); err == nil || !strings.Contains(err.Error(), "index.ar.md") {
		t.Errorf("broken JSON page: %v", err)
	}
}
