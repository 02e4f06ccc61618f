package source

import (
	"strings"
	"testing"

	"github.com/jisr-news/jisr/generator/article"
	"github.com/spf13/afero"
)

func TestPlainText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"<i>اقتصاد</i>", "اقتصاد"},
		{"AT&amp;T <b>news</b>", "AT&T news"},
		{"&amp;lt;b&amp;gt;", "&lt;b&gt;"}, // entities decoded once
		{"AT&T", "AT&T"},
		{"a < b and c > d", "a < b and c > d"},
		{"<3 x", "<3 x"},
		{"<span\nclass=x>نص</span><!-- c -->", "نص"},
		{"<script>alert(1)</script>نص<style>b{}</style>", "نص"},
		{"plain", "plain"},
	} {
		if got := PlainText(tt.in); got != tt.want {
			t.Errorf("PlainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Tags, author and source of a record, and its title, lose their markup by
// one rule: <i>اقتصاد</i> is the tag اقتصاد, not a page named "i-i".
func TestMarkupInMetadata(t *testing.T) {
	fs := afero.NewMemMapFs()
	rec := `{"title":"<b>عنوان</b> AT&amp;T","url":"https://x.test/1","body":"قال الرئيس إن الوزراء استقالوا.","tags":["<i>اقتصاد</i>","<b>Oil &amp; Gas</b>"],"author":"<a href=\"x\">سارة</a>","source":"<em>عكاظ</em>","entities":["<b>أرامكو</b>"]}`
	afero.WriteFile(fs, "/s/a.jsonl", []byte(rec+"\n"), 0o644)
	arts, err := ReadFile(fs, "/s/a.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	if a.Title != "عنوان AT&T" || strings.Join(a.Tags, "|") != "اقتصاد|Oil & Gas" || a.Author != "سارة" || a.Publisher != "عكاظ" || a.Entities[0] != "أرامكو" {
		t.Errorf("title %q, tags %q, author %q, source %q, entities %q", a.Title, a.Tags, a.Author, a.Publisher, a.Entities)
	}
}

// A picture's alt text and caption are one line of text too, and lose
// their markup by the same rule as the title: an export's
// "<i>الرياض</i> &amp; جدة" is shown as "الرياض & جدة", not as escaped tags.
func TestMarkupInImageText(t *testing.T) {
	fs := afero.NewMemMapFs()
	rec := `{"id":1,"body":"قال الرئيس إن الوزراء استقالوا.","image":{"src":"https://x.test/a.jpg","alt":"<i>الرياض</i> &amp; جدة","caption":"<b>صورة</b> AT&amp;T<br>2015"},"images":[{"src":"https://x.test/b.jpg","alt":"<span class=x>مكة</span>"}]}`
	afero.WriteFile(fs, "/s/a.jsonl", []byte(rec+"\n"), 0o644)
	afero.WriteFile(fs, "/s/b.md", []byte("---\nimage:\n  src: https://x.test/c.jpg\n  alt: \"<em>نص</em>\"\n  caption: \"a &lt; b\"\n---\nقال الرئيس.\n"), 0o644)
	arts, errs := ReadDir(fs, "/s")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var got []string
	for _, a := range arts {
		for _, img := range a.Images {
			got = append(got, img.Alt+"|"+img.Caption)
		}
	}
	want := []string{"الرياض & جدة|صورة AT&T 2015", "مكة|", "نص|a < b"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("alt|caption:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// An article ID too long for a file name (a long slug, an unkeyed record
// in a long-named export) is shortened by article.FitName instead of
// skipping the article; IDs that fit do not change.
func TestLongArticleIDsShortened(t *testing.T) {
	fs := afero.NewMemMapFs()
	stem := strings.Repeat("okaz-export-", 25) // 300 bytes
	afero.WriteFile(fs, "/s/"+stem+".jsonl", []byte(`{"body":"قال الرئيس إن الوزراء استقالوا."}`+"\n"), 0o644)
	afero.WriteFile(fs, "/s/b.md", []byte("---\nslug: "+strings.Repeat("long words ", 30)+"\n---\nقال الرئيس إن الوزراء استقالوا.\n"), 0o644)
	afero.WriteFile(fs, "/s/c.md", []byte("---\nslug: short one\n---\nقال الرئيس.\n"), 0o644)
	arts, errs := ReadDir(fs, "/s")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	ids := map[string]bool{}
	for _, a := range arts {
		ids[a.ID] = true
		if len(a.ID) > article.MaxNameBytes || article.Check(a.ID, 1) != nil {
			t.Errorf("%s: ID %q (%d bytes) cannot be rendered", a.Source, a.ID, len(a.ID))
		}
	}
	if !ids["short-one"] || len(ids) != 3 {
		t.Errorf("IDs %v: want short-one kept and three distinct IDs", ids)
	}
}
