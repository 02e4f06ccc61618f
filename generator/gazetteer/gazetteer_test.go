package gazetteer

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
)

func TestSlug(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Vladimir Putin", "vladimir-putin"},
		{"Recep Tayyip Erdoğan", "recep-tayyip-erdogan"},
		{"Côte d'Ivoire", "cote-divoire"},
		{"  UN General Assembly ", "un-general-assembly"},
		{"Kurdistan Workers' Party", "kurdistan-workers-party"},
		{"G20", "g20"},
		{"Tripoli, Lebanon", "tripoli-lebanon"},
		{"---", ""},
	} {
		if got := Slug(c.in); got != c.want {
			t.Errorf("Slug(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDefaultIsValid(t *testing.T) {
	g := Default()
	es := g.Entries()
	if len(es) < 600 {
		t.Errorf("only %d entries", len(es))
	}
	ids := map[string]bool{}
	keys := map[string]string{}
	for _, e := range es {
		if e.ID == "" || Slug(e.ID) != e.ID {
			t.Errorf("%q: bad ID %q", e.EN, e.ID)
		}
		if ids[e.ID] {
			t.Errorf("duplicate ID %q", e.ID)
		}
		ids[e.ID] = true
		if e.Wikidata != "" && !strings.HasPrefix(e.Wikidata, "Q") {
			t.Errorf("%s: bad Wikidata %q", e.ID, e.Wikidata)
		}
		// A full form must name one entity only, or matching is a guess.
		for _, n := range e.Names() {
			k := Key(n)
			if other, ok := keys[k]; ok && other != e.ID {
				t.Errorf("form %q names both %s and %s", n, other, e.ID)
			}
			keys[k] = e.ID
		}
	}
	if len(Default().Entries()) != len(es) {
		t.Error("Default is not parsed once")
	}
}

func TestSeedEntities(t *testing.T) {
	g := Default()
	for _, c := range []struct{ ar, en, typ string }{
		{"حيدر العبادي", "Haider al-Abadi", Person},
		{"سعد الحديثي", "Saad al-Hadithi", Person},
		{"بشار الأسد", "Bashar al-Assad", Person},
		{"فلاديمير بوتين", "Vladimir Putin", Person},
		{"بوتين", "Vladimir Putin", Person},
		{"باراك أوباما", "Barack Obama", Person},
		{"العراق", "Iraq", Place},
		{"روسيا", "Russia", Place},
		{"إيران", "Iran", Place},
		{"سوريا", "Syria", Place},
		{"بغداد", "Baghdad", Place},
		{"الأردن", "Jordan", Place},
		{"تركيا", "Turkey", Place},
		{"مصر", "Egypt", Place},
		{"ألمانيا", "Germany", Place},
		{"فرنسا", "France", Place},
		{"واشنطن", "Washington", Place},
		{"الولايات المتحدة", "United States", Place},
		{"أمريكا", "United States", Place},
		{"موسكو", "Moscow", Place},
		{"أوروبا", "Europe", Place},
		{"الموصل", "Mosul", Place},
		{"الرمادي", "Ramadi", Place},
		{"تنظيم الدولة الإسلامية", "Islamic State", Organization},
		{"داعش", "Islamic State", Organization},
		{"الأمم المتحدة", "United Nations", Organization},
		{"الجمعية العامة للأمم المتحدة", "UN General Assembly", Organization},
		{"البيت الأبيض", "White House", Organization},
		{"الكرملين", "Kremlin", Organization},
		{"قيادة العمليات المشتركة", "Iraqi Joint Operations Command", Organization},
		{"التحالف الدولي", "International coalition", Organization},
		{"سي.بي.إس", "CBS", Organization},
		{"بي.بي.إس", "PBS", Organization},
	} {
		es := g.Lookup(c.ar)
		if len(es) != 1 || es[0].EN != c.en || es[0].Type != c.typ {
			t.Errorf("Lookup(%q) = %+v, want one %s %q", c.ar, es, c.typ, c.en)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ name, yaml, want string }{
		{"type", `- {type: THING, en: X, ar: "س"}`, "type must be"},
		{"english", `- {type: PERSON, ar: "س"}`, "no English name"},
		{"arabic", `- {type: PERSON, en: X, ar: "X"}`, "no Arabic name"},
		{"arabic2", `- {type: PERSON, en: X, ar: "ABC"}`, "no Arabic name"},
		{"id", `- {type: PERSON, en: X, ar: "س", id: "Not A Slug"}`, "not an ASCII slug"},
		{"yaml", `- {type: PERSON`, "user.yaml"},
	} {
		_, err := Parse([]byte(c.yaml), "user.yaml")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want it to contain %q", c.name, err, c.want)
		}
	}
}

func TestCollisionsAreDeterministic(t *testing.T) {
	a := Entry{Type: Place, EN: "Georgia", AR: "جورجيا", Wikidata: "Q230"}
	b := Entry{Type: Place, EN: "Georgia", AR: "ولاية جورجيا", Wikidata: "Q1428"}
	c := Entry{Type: Person, EN: "Georgia", AR: "جورجيا الشخص"}
	for _, order := range [][]Entry{{a, b, c}, {c, b, a}, {b, c, a}} {
		g, err := New(order)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, e := range g.Entries() {
			got[e.AR] = e.ID
		}
		want := map[string]string{"ولاية جورجيا": "georgia-place", "جورجيا": "georgia-2", "جورجيا الشخص": "georgia"}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("order %v: %s got ID %q, want %q", order, k, got[k], v)
			}
		}
	}
}

func TestLoadMerges(t *testing.T) {
	fsys := afero.NewMemMapFs()
	g, err := LoadProject(fsys, "/site")
	if err != nil || g != Default() {
		t.Fatalf("missing project file: %v, %v", g, err)
	}
	data := `
- type: PERSON
  en: Vladimir Putin
  aliases: ["فلاديمير فلاديميروفيتش بوتين"]
- {type: PLACE, en: Zarqa, ar: "مدينة الزرقاء", wikidata: Q207590}
- {type: ORGANIZATION, en: Jisr News, ar: "جسر للأخبار"}
`
	if err := afero.WriteFile(fsys, "/site/"+ProjectFile, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err = LoadProject(fsys, "/site")
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Entries()) != len(Default().Entries())+1 {
		t.Errorf("entries: %d, want %d", len(g.Entries()), len(Default().Entries())+1)
	}
	if es := g.Lookup("فلاديمير فلاديميروفيتش بوتين"); len(es) != 1 || es[0].ID != "vladimir-putin" || es[0].Wikidata != "Q7747" {
		t.Errorf("alias not merged into Putin: %+v", es)
	}
	if es := g.Lookup("الزرقاء"); len(es) != 1 || es[0].Wikidata != "Q207590" || es[0].AR != "مدينة الزرقاء" {
		t.Errorf("Zarqa not updated, old AR kept as alias: %+v", es)
	}
	if e, ok := g.ByID("jisr-news"); !ok || e.Type != Organization {
		t.Errorf("new entry missing: %+v", e)
	}
	if len(Default().Lookup("فلاديمير فلاديميروفيتش بوتين")) != 0 {
		t.Error("Merge changed the default gazetteer")
	}
	if err := afero.WriteFile(fsys, "/bad.yaml", []byte(`- {type: X}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(fsys, "/bad.yaml"); err == nil || !strings.Contains(err.Error(), "/bad.yaml") {
		t.Errorf("bad file: err = %v", err)
	}
}

func TestNewEntryNeedsArabic(t *testing.T) {
	_, err := Default().Merge([]Entry{{Type: Person, EN: "Nobody Known"}})
	if err == nil || !strings.Contains(err.Error(), "Nobody Known") {
		t.Errorf("err = %v", err)
	}
}
