package gazetteer

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
)

func TestTermPages(t *testing.T) {
	fsys := afero.NewMemMapFs()
	write := func(p, s string) {
		if err := afero.WriteFile(fsys, p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Generated and unreviewed: skipped.
	write("/site/content/entities/hidr-al-abadi/_index.ar.md", "---\ntitle: x\ntype: PERSON\nname_ar: حيدر العبادي\nname_en: Hidr al-Abadi\nreviewed_name: false\njisr_generated: true\n---\n")
	// Reviewed: a new entity.
	write("/site/content/entities/karim-zahran/_index.ar.md", "---\ntitle: كريم زهران\ntype: PERSON\nname_ar: كريم زهران\nname_en: Karim Zahran\naliases_ar: [زهران الابن]\nreviewed_name: true\njisr_generated: true\n---\nنص\n")
	// Written by a person: corrects a known entity.
	write("/site/content/entities/vladimir-putin/_index.en.md", "---\ntype: PERSON\nname_ar: فلاديمير بوتين\nname_en: Vladimir V. Putin\naliases_ar: [فلاديمير فلاديميروفيتش بوتين]\n---\n")
	g, err := LoadProject(fsys, "/site/content")
	if err != nil {
		t.Fatal(err)
	}
	if e, ok := g.ByID("karim-zahran"); !ok || e.EN != "Karim Zahran" || len(g.Lookup("زهران الابن")) != 1 {
		t.Errorf("reviewed page not added: %+v", e)
	}
	if e, ok := g.ByID("vladimir-putin"); !ok || e.EN != "Vladimir V. Putin" || e.Wikidata != "Q7747" || len(g.Lookup("فلاديمير فلاديميروفيتش بوتين")) != 1 {
		t.Errorf("person's page did not correct Putin: %+v", e)
	}
	if _, ok := g.ByID("hidr-al-abadi"); ok {
		t.Error("an unreviewed generated page became an entry")
	}
	if e, _ := g.ByID("haider-al-abadi"); e.EN != "Haider al-Abadi" {
		t.Errorf("Abadi changed: %+v", e)
	}
	write("/bad/content/entities/x/_index.ar.md", "---\ntype: THING\nname_ar: س\nname_en: X\n---\n")
	if _, err := LoadProject(fsys, "/bad/content"); err == nil || !strings.Contains(err.Error(), "_index.ar.md") {
		t.Errorf("bad page: err = %v", err)
	}
	write("/bad2/content/entities/y/_index.ar.md", "no front matter")
	if _, err := LoadProject(fsys, "/bad2/content"); err == nil {
		t.Error("page without front matter accepted")
	}
}
