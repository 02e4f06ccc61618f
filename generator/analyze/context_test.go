package analyze

import (
	"strings"
	"testing"

	"github.com/jisr-news/jisr/generator/article"
)

// entitiesOf analyzes a text of one paragraph per line, without the
// statistical tagger, so that the rules are tested alone.
func entitiesOf(an *Analyzer, text string) []Entity {
	a := articleFromLines("t", text)
	return an.Entities(a.Segments())
}

func TestContextRules(t *testing.T) {
	an := New(Default().Gazetteer()).WithModel(nil)
	type want struct {
		typ    Type
		nameAR string
		known  bool
	}
	for _, c := range []struct {
		name, text string
		want       []want
	}{
		{"title and nisba", "وقال الرئيس الغاني جون ماهاما في كلمته.",
			[]want{{Person, "جون ماهاما", false}}},
		{"title then known name", "وصل الرئيس الروسي فلاديمير بوتين.",
			[]want{{Person, "فلاديمير بوتين", true}}},
		{"title without a name", "وقال الرئيس الروسي الأحد إن المحادثات بناءة.",
			nil},
		{"title, one word", "وألقى الرئيس الروسي كلمته أمام الجمعية.",
			nil},
		{"organization head with proclitic", "وقالت وزارة الخارجية الإيطالية في بيان، وأكدت لوزارة الزراعة الأمريكية.",
			[]want{{Organization, "وزارة الخارجية الإيطالية", false}, {Organization, "وزارة الزراعة الأمريكية", false}}},
		{"organization head with an adjective", "ظهرت جماعة متشددة في المنطقة.",
			nil},
		{"organization head with a name", "نشرت وكالة كيودو الخبر.",
			[]want{{Organization, "وكالة كيودو", false}}},
		{"place head", "وقعت اشتباكات في مدينة القصير السورية.",
			[]want{{Place, "القصير", false}}}, // السورية is an adjective, not Syria
		{"surname of a new person", "التقى الوزير كريم زهران بالسفير.\nوقال زهران إن اللقاء مثمر، وأكد لزهران الوفد دعمه.",
			[]want{{Person, "كريم زهران", false}}},
		{"known short form needs the full name", "خرج الأسد من القفص.",
			nil},
		{"exception phrase", "زار مسقط رأسه في الشمال ثم سافر إلى مسقط.",
			[]want{{Place, "مسقط", true}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := entitiesOf(an, c.text)
			var gs []string
			for _, e := range got {
				gs = append(gs, string(e.Type)+":"+e.NameAR)
			}
			if len(got) != len(c.want) {
				t.Fatalf("found %v, want %v", gs, c.want)
			}
			for i, w := range c.want {
				e := got[i]
				if e.Type != w.typ || e.NameAR != w.nameAR || e.Known != w.known {
					t.Errorf("entity %d = %s %q known=%v, want %s %q known=%v", i, e.Type, e.NameAR, e.Known, w.typ, w.nameAR, w.known)
				}
				if !e.Known && (e.NameEN == "" || e.ID == "" || strings.ContainsAny(e.ID, " _")) {
					t.Errorf("unknown entity without English name or slug: %+v", e)
				}
			}
		})
	}
}

func TestSurnameMentions(t *testing.T) {
	an := New(Default().Gazetteer()).WithModel(nil)
	got := entitiesOf(an, "التقى الوزير كريم زهران بالسفير.\nوقال زهران إن اللقاء مثمر، وأكد لزهران الوفد دعمه.")
	if len(got) != 1 {
		t.Fatalf("entities %+v", got)
	}
	var surfaces []string
	for _, m := range got[0].Mentions {
		surfaces = append(surfaces, m.Surface)
	}
	if strings.Join(surfaces, ",") != "كريم زهران,زهران,لزهران" {
		t.Errorf("mentions %v", surfaces)
	}
}

func TestGivenEntities(t *testing.T) {
	a := articleFromLines("t", "خبر قصير عن الطقس.")
	a.Entities = []string{"الأمم المتحدة", "اسم لا يعرفه المعجم"}
	res := New(Default().Gazetteer()).WithModel(nil).Analyze(a)
	if len(res.Entities) != 1 || res.Entities[0].ID != "united-nations" || len(res.Entities[0].Mentions) != 0 {
		t.Errorf("entities %+v", res.Entities)
	}
	_ = article.KindTitle
}

func TestQuotedForms(t *testing.T) {
	an := New(Default().Gazetteer()).WithModel(nil)
	for _, c := range []struct{ text, want string }{
		{"لندن: «الشرق الأوسط»", "Asharq Al-Awsat"},
		{"قالت مصادر لـ\"الحياة\" إن الاتفاق قريب.", "Al-Hayat"},
		{"الأزمة في الشرق الأوسط تتفاقم.", "Middle East"},
		{"«الشرق الأوسط الجديد» مشروع قديم.", "Middle East"},
	} {
		found := map[string]bool{}
		for _, e := range entitiesOf(an, c.text) {
			found[e.NameEN] = true
		}
		if !found[c.want] {
			t.Errorf("%q: found %v, want %s", c.text, found, c.want)
		}
	}
}
