package search

import (
	"fmt"
	"path"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/store"
)

func TestFromContent(t *testing.T) {
	fs := afero.NewMemMapFs()
	write := func(name, data string) {
		if err := afero.WriteFile(fs, path.Join("/c", name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range []struct{ id, date, ar, en string }{
		{"old", "2015-01-02", "خبر قديم", "Old news"},
		{"new", "2016-03-01", "خبر جديد", "New news"},
	} {
		write("articles/"+a.id+"/index.ar.md", fmt.Sprintf("---\ntitle: %s\ndate: %q\n---\n", a.ar, a.date))
		write("articles/"+a.id+"/index.en.md", fmt.Sprintf("---\ntitle: %s\ndate: %s\n---\n", a.en, a.date))
		if err := store.Save(fs, store.Path("/c", a.id), &store.File{Article: a.id, Segments: []store.Segment{
			{ID: "title", AR: a.ar, EN: a.en}, {ID: "p1-1", AR: "نص عن داعش في " + a.id, EN: "text about ISIS"},
		}}); err != nil {
			t.Fatal(err)
		}
	}
	write("articles/_index.ar.md", "---\ntitle: الأخبار\n---\n")
	write("entities/islamic-state/_index.ar.md", "---\ntitle: تنظيم الدولة الإسلامية\ntype: ORGANIZATION\nname_ar: تنظيم الدولة الإسلامية\nname_en: Islamic State\naliases_ar:\n  - داعش\n---\n")
	write("entities/islamic-state/_index.en.md", "---\ntitle: Islamic State\ntype: ORGANIZATION\nname_ar: تنظيم الدولة الإسلامية\nname_en: Islamic State\naliases_ar:\n  - داعش\n---\n")
	write("tags/economy/_index.ar.md", "---\ntitle: اقتصاد\nlabel_ar: اقتصاد\nlabel_en: economy\n---\n")
	write("tags/economy/_index.en.md", "---\ntitle: economy\nlabel_ar: اقتصاد\nlabel_en: economy\n---\n")
	write("entities/broken/_index.ar.md", "---\ntitle: only Arabic, no English page\n---\n")

	for _, offline := range []bool{false, true} {
		docs, err := FromContent(fs, "/c", offline)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range docs {
			got = append(got, d.Kind+":"+d.Lang+":"+d.Path+":"+d.Title)
		}
		ext := "/"
		if offline {
			ext = ".html"
		}
		want := []string{
			"article:ar:articles/new" + ext + ":خبر جديد", "article:en:en/articles/new" + ext + ":New news",
			"article:ar:articles/old" + ext + ":خبر قديم", "article:en:en/articles/old" + ext + ":Old news",
			"entity:ar:entities/islamic-state" + ext + ":تنظيم الدولة الإسلامية", "entity:en:en/entities/islamic-state" + ext + ":Islamic State",
			"tag:ar:tags/economy" + ext + ":اقتصاد", "tag:en:en/tags/economy" + ext + ":economy",
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("offline=%v: docs\n%s\nwant\n%s", offline, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if len(docs) == len(want) {
			if docs[0].Meta != "2016-03-01" || !strings.Contains(strings.Join(docs[0].Text, " "), "داعش") || strings.Contains(strings.Join(docs[0].Text, " "), "خبر جديد") {
				t.Errorf("article doc: meta %q, text %q (want the date, the body, not the title)", docs[0].Meta, docs[0].Text)
			}
			if docs[4].Meta != "ORGANIZATION" || !contains(docs[4].Names, "داعش") {
				t.Errorf("entity doc: %+v", docs[4])
			}
		}
	}
	write("tags/bad/_index.ar.md", "title: no front matter\n")
	write("tags/bad/_index.en.md", "---\ntitle: x\n---\n")
	if _, err := FromContent(fs, "/c", false); err == nil || !strings.Contains(err.Error(), "tags/bad/_index.ar.md") {
		t.Errorf("a page without front matter: err = %v, want it named", err)
	}
	if docs, err := FromContent(afero.NewMemMapFs(), "/none", false); err != nil || len(docs) != 0 {
		t.Errorf("missing content folder: %v, %v", docs, err)
	}
}
