package analyze

import "testing"

// TestCliticsOnNames checks names written with proclitics, tatweel and
// spelling variants.
func TestCliticsOnNames(t *testing.T) {
	an := New(Default().Gazetteer()).WithModel(nil)
	for _, c := range []struct{ text, want, surface string }{
		{"انضموا لـداعش في الرقة.", "Islamic State", "لـداعش"},
		{"وقال متحدث باسم المنظمة وللأمم المتحدة دور.", "United Nations", "وللأمم المتحدة"},
		{"يقيم بالولايات المتحدة منذ سنوات.", "United States", "بالولايات المتحدة"},
		{"وأعلن البيت الأبيض والبيت الأبيض يرد.", "White House", "والبيت الأبيض"},
		{"فبوتين لم يرد.", "Vladimir Putin", "فبوتين"},
		{"زار الرئيس اوباما الرياض.", "Barack Obama", "اوباما"},
		{"وصل الى إيران ثم ايران.", "Iran", "ايران"},
		{"اجتماع في الأمم المتّحدة.", "United Nations", "الأمم المتّحدة"},
		{"أعلنت واشنطن ولندن موقفهما.", "London", "ولندن"},
	} {
		found := false
		for _, e := range entitiesOf(an, c.text) {
			if e.NameEN != c.want {
				continue
			}
			for _, m := range e.Mentions {
				found = found || m.Surface == c.surface
			}
		}
		if !found {
			t.Errorf("%q: no %s written %q", c.text, c.want, c.surface)
		}
	}
	// Not names: a clitic split must not invent one.
	for _, text := range []string{"بالأمس كان الجو حارا.", "وللمرة الأولى.", "لبنانيون في الخارج."} {
		for _, e := range entitiesOf(an, text) {
			if e.Known {
				t.Errorf("%q: found %s", text, e.NameEN)
			}
		}
	}
}
