package analyze

import "testing"

func TestPageWorthy(t *testing.T) {
	for _, c := range []struct {
		name string
		typ  Type
		ok   bool
	}{
		{"جون كيربي", Person, true},
		{"كريستين لاغارد", Person, true},
		{"وحسن", Person, false},         // prefix left on
		{"بجامعة", Organization, false}, // prefix left on
		{"فيصل بن", Person, false},      // cut
		{"رحمه الله", Person, false},    // phrase
		{"نصر الله", Person, true},
		{"عبد الله", Person, false},  // a given name alone
		{"محمد", Person, false},      // a given name alone
		{"لي", Person, false},        // too short
		{"واي فاي", Person, false},   // letters
		{"سعود أراد", Person, false}, // runs into the sentence
		{"عبدالعزيز للعلوم", Person, false},
	} {
		ok, why := PageWorthy(Entity{NameAR: c.name, Type: c.typ})
		if ok != c.ok {
			t.Errorf("PageWorthy(%s) = %v (%s), want %v", c.name, ok, why, c.ok)
		}
	}
	if ok, _ := PageWorthy(Entity{NameAR: "محمد", Type: Person, Known: true}); !ok {
		t.Error("a gazetteer entity failed PageWorthy")
	}
}
