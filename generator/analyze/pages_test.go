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
		{"الفيصل رحمه الله", Person, false}, // a formula after the name
		{"سعود الفيصل حفظه الله", Person, false},
		{"عبد الله الفيصل", Person, true},
		{"هايد بارك", Person, false}, // a park, not a person
		{"ديلي ميل", Person, false},  // a newspaper
		{"كوينز بارك", Person, false},
		{"جيفري ويب", Person, true},
		{"فون", Person, false},            // a particle of a cut name
		{"دي ميستورا", Person, true},      // a particle starting a name
		{"عبدالله لأورام", Person, false}, // runs into "for tumours"
		{"ريد بول ارينا", Person, false},  // a stadium
		{"عبد الله بن بيه", Person, true}, // بيه is a name word here
		{"خالد بن الوليد", Person, true},
		{"محمد بن سعود الإسلامية", Person, false}, // [university] runs into its adjective
		{"فاطمة الزهراء", Person, true},
		{"بن عطية القرشي", Person, false}, // the given name was cut off
		{"بن كيران", Person, true},
		{"المنظمة الدولية", Organization, false}, // "the international organization": a description
		{"المدينة الجنوبية", Place, false},       // "the southern city"
		{"الجامعة سوزان", Organization, false},   // a definite head is not in construct with a name
		{"المؤسسة ناصر الدوسري", Organization, false},
		{"جامعة برمنغهام", Organization, true}, // an indefinite head in construct is a name
		{"الجامعة الأمريكية ببيروت", Organization, true},
		{"سان", Place, false}, // the particle of a cut name (San …)
		{"ريو دي جانيرو", Place, true},
		{"سانتا كلارا", Person, false}, // a place: no person's name starts San, Santa
		{"سانتي كازورلا", Person, true},
		{"الألمانية", Organization, false}, // a nationality adjective alone (صحيفة «بيلد» الألمانية)
		{"السعودي", Person, false},
		{"رحيل كاسياس", Person, false}, // "Casillas's departure": the name starts later
		{"جيجا بت", Person, false},     // a unit
		{"عبدالله الربيعة", Person, true},
		{"فاطمة الزهراء", Person, true},
		{"رونالد لويس", Person, true},
		{"فوزان بن عبدالرحمن", Person, true},
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
