package analyze

import (
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/gazetteer"
)

func TestForProject(t *testing.T) {
	fsys := afero.NewMemMapFs()
	an, err := ForProject(fsys, "/site")
	if err != nil || an != Default() {
		t.Fatalf("no project file: %v %v", an, err)
	}
	afero.WriteFile(fsys, "/site/"+gazetteer.ProjectFile, []byte(`- {type: PERSON, en: Karim Zahran, ar: "كريم زهران", short: ["زهران"], wikidata: Q1}`), 0o644)
	an, err = ForProject(fsys, "/site")
	if err != nil {
		t.Fatal(err)
	}
	got := an.Analyze(articleFromLines("t", "وصل كريم زهران إلى بغداد.\nوقال زهران إن الزيارة ناجحة."))
	if len(got.Entities) != 2 || got.Entities[0].ID != "karim-zahran" || !got.Entities[0].Known || len(got.Entities[0].Mentions) != 2 {
		t.Errorf("entities %+v", got.Entities)
	}
	afero.WriteFile(fsys, "/bad/"+gazetteer.ProjectFile, []byte(`- {type: NOPE}`), 0o644)
	if _, err := ForProject(fsys, "/bad"); err == nil {
		t.Error("bad project gazetteer accepted")
	}
}
