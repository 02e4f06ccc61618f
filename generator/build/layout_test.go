package build

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// TestContentElsewhere: a build with --content elsewhere/ uses the project
// gazetteer and the reviewed term pages stored there (they used to be read
// from <root>/content/ whatever --content said).
func TestContentElsewhere(t *testing.T) {
	fs := afero.NewMemMapFs()
	afero.WriteFile(fs, "/p/seeds/visit.txt", []byte("وصل كريم زهران إلى بغداد أمس.\n\nوقال سامي نوري إن زهران سيبقى يومين.\n"), 0o644)
	// The project gazetteer knows Karim Zahran; a reviewed term page a
	// person wrote adds Sami Nouri.
	afero.WriteFile(fs, "/p/elsewhere/_data/gazetteer.yaml", []byte(`- {type: PERSON, en: Karim Zahran, ar: "كريم زهران", short: ["زهران"]}`+"\n"), 0o644)
	afero.WriteFile(fs, "/p/elsewhere/entities/sami-nouri/_index.ar.md", []byte("---\ntype: PERSON\nname_ar: سامي نوري\nname_en: Sami Nouri\n---\n"), 0o644)
	// A decoy in the default place must be ignored.
	afero.WriteFile(fs, "/p/content/_data/gazetteer.yaml", []byte(`- {type: PERSON, en: Wrong Name, ar: "كريم زهران"}`+"\n"), 0o644)

	buildSite(t, fs, Options{Content: "elsewhere"})
	fm := read(t, fs, "/p/elsewhere/articles/visit/index.en.md")
	for _, want := range []string{"karim-zahran", "sami-nouri"} {
		if !strings.Contains(fm, want) {
			t.Errorf("front matter lacks the project entity %s:\n%s", want, fm)
		}
	}
	if strings.Contains(fm, "wrong-name") {
		t.Errorf("the gazetteer under <root>/content was used:\n%s", fm)
	}
	en := read(t, fs, "/p/public/en/entities/karim-zahran/index.html")
	if !strings.Contains(en, "Karim Zahran") {
		t.Error("the entity page does not carry the project gazetteer's English name")
	}
}

// TestParams: [params] in jisr.toml reach the templates as .Site.Params.
func TestParams(t *testing.T) {
	fs := afero.NewMemMapFs()
	afero.WriteFile(fs, "/p/seeds/a.txt", []byte("وصل الوزير إلى بغداد أمس.\n"), 0o644)
	afero.WriteFile(fs, "/p/jisr.toml", []byte("[params]\nmotto = \"News & <views>\"\n"), 0o644)
	afero.WriteFile(fs, "/p/templates/layouts/home.html", []byte(`{{ define "main" }}<p id="motto">{{ .Site.Params.motto }}</p>{{ end }}`), 0o644)
	buildSite(t, fs, Options{})
	if home := read(t, fs, "/p/public/index.html"); !strings.Contains(home, `<p id="motto">News &amp; &lt;views&gt;</p>`) {
		t.Errorf("[params] motto not rendered (escaped) on the home page")
	}
}
