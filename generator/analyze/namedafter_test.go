package analyze

import (
	"slices"
	"testing"
)

// TestNamedAfter checks that a hospital, university or street named
// after a person is that institution or place, not the person: مستشفى
// الملك فهد is King Fahd Hospital, and King Fahd gets no mention there.
func TestNamedAfter(t *testing.T) {
	for _, an := range []*Analyzer{New(Default().Gazetteer()).WithModel(nil), Default()} {
		for _, c := range []struct{ text, want string }{
			{"نقل المصاب إلى مستشفى الملك فهد في جدة.", "ORGANIZATION:King Fahd Hospital"},
			{"وتخرج في جامعة السلطان قابوس العام الماضي.", "ORGANIZATION:Sultan Qaboos University"},
			{"أغلق شارع الملك عبدالعزيز أمس.", "PLACE:King Abdulaziz Street"},
			{"وأقيم الحفل في برج ترامب بنيويورك.", "PLACE:Trump Tower"},
		} {
			var got []string
			for _, e := range entitiesOf(an, c.text) {
				got = append(got, string(e.Type)+":"+e.NameEN)
			}
			if !slices.Contains(got, c.want) {
				t.Errorf("%s: found %q, want %q among them", c.text, got, c.want)
			}
			for _, g := range got {
				if len(g) > 7 && g[:7] == "PERSON:" {
					t.Errorf("%s: found a person %q", c.text, g)
				}
			}
		}
	}
}
