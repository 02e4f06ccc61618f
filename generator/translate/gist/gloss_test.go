package gist

import (
	"context"
	"strings"
	"testing"
)

func TestGlossRules(t *testing.T) {
	e, err := NewWithoutFreeDict()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, ar string
		want     []string // substrings of the gist, in this order
		not      []string
	}{
		{"date with both month names", "الأحد 27 سبتمبر/ أيلول 2015", []string{"Sunday 27 September 2015"}, []string{"/"}},
		{"arabic-indic digits", "منذ يونيو/ حزيران ٢٠١٤", []string{"June 2014"}, nil},
		{"decimal separator", "ارتفع ٢٫٥ في المئة", []string{"2.5 percent"}, nil},
		{"noun adjective", "الجيش السوري", []string{"the Syrian army"}, nil},
		{"indefinite noun adjective", "هجمات عسكرية", []string{"military attacks"}, []string{"the"}},
		{"idafa", "قيادة الجيش", []string{"the command of the army"}, nil},
		{"idafa chain", "مكتب رئيس الوزراء", []string{"the office of the prime minister"}, nil},
		{"verb subject", "قال بوتين إن", []string{"Putin said that"}, nil},
		{"verb definite subject", "أعلنت الحكومة", []string{"the government announced"}, nil},
		{"subject already first", "الأسد يستحق الدعم", []string{"Assad deserves the support"}, nil},
		{"coordinated subject", "اتفق العراق وكل من روسيا وإيران على تبادل المعلومات", []string{"Iraq and Russia and Iran agreed on the exchange of"}, nil},
		{"initial waw dropped", "وقال الرئيس", []string{"The president said"}, []string{"And"}},
		{"protected name with clitic", "وبوتين وإيران", []string{"Putin and Iran"}, []string{"Butin", "Ayran"}},
		{"phrase with clitic", "للأمم المتحدة", []string{"to the United Nations"}, nil},
		{"future", "ستشارك", []string{"will take part"}, nil},
		{"possessive suffix", "حكومتها", []string{"its government"}, nil},
		{"plural ending", "الحكومات", []string{"the governments"}, nil},
		{"plural after a number", "يضم 60 دولة", []string{"60 states"}, nil},
		{"punctuation", "قال: «نعم»، ثم", []string{`said: "yes", then`}, nil},
		{"unknown word spelled as a name", "زقزوق", []string{"Zakzouk"}, nil},
		{"implied subject", "وقال إن الحكومة", []string{"he said that the government"}, nil},
		{"implied feminine subject", "وقالت إن", []string{"she said that"}, nil},
		{"no implied subject before a subject", "قالت الوزارة إن", []string{"the ministry said that"}, []string{"she said"}},
		{"no implied subject after a subject", "الرئيس قال إن", []string{"the president said that"}, []string{"he said"}},
		{"impersonal verb", "يمكن أن", nil, []string{"he can", "she can"}},
		{"indefinite article", "قال إن خطة جديدة", []string{"a new plan"}, nil},
		{"an before a vowel", "شهدت المدينة هجوما", []string{"an attack"}, nil},
		{"partitive min", "جزء من الخطة", []string{"part of the plan"}, []string{"from"}},
		{"min after a number", "قتل 3 من الجنود", []string{"3 of the soldiers"}, []string{"from"}},
		{"min is from elsewhere", "عاد من لندن", []string{"from London"}, nil},
		{"near min", "بالقرب من المدينة", []string{"near the city"}, []string{"from"}},
		{"demonstrative", "في هذه الأيام", []string{"in these days"}, []string{"the days"}},
		{"demonstrative singular", "هذا القرار", []string{"this decision"}, []string{"the decision"}},
		{"title", "قال السيد آدامز", []string{"Mr."}, []string{"the Mr."}},
		{"qad and a past", "قد أعلن الرئيس", []string{"the president has announced"}, nil},
		{"qad and a plural past", "لقد غادروا", []string{"have left"}, nil},
		{"qad and a present", "قد يكون", []string{"may be"}, nil},
		{"qad and was", "قد تم", []string{"has been"}, nil},
		{"construct plural", "ومسؤولو الحكومة", []string{"the officials of the government"}, nil},
		{"no second pronoun on a word that has one", "قال فليك", []string{"Flick"}, []string{"me", "you"}},
		{"ha is a pronoun, not the feminine ending", "في عامه الأول", []string{"his first year"}, []string{"public"}},
		{"the feminine ending", "المصلحة العامة", []string{"general interest"}, []string{"his"}},
		{"accusative with tanween", "عثروا عليه ميتًا", []string{"dead"}, []string{"Mit"}},
		{"accusative without tanween", "طرحت عددا من الأفكار", []string{"number of"}, nil},
		{"no accusative on a name", "زار كندا", []string{"Canada"}, nil},
		{"a name ending in kaf", "وقال مايك", []string{"Mike"}, []string{"your"}},
		{"a preposition before a name", "قدمت لهاميلتون", []string{"to Hamilton"}, nil},
		{"verb with an object pronoun before its subject", "التقطتها الكاميرات", []string{"the cameras picked"}, nil},
		{"an before a silent h", "بعد ساعة", []string{"an hour"}, nil},
		{"dual verbs", "كانتا تعملان ولم يغادرا", []string{"they were", "did not they leave"}, []string{"Kanta", "Yghadra"}},
		{"copula", "قال إن الحل هو الحوار", []string{"the solution is"}, []string{"solution he"}},
		{"copula after a comma", "في شارع الملك، وهو شارع رئيسي", []string{", which is a main street"}, nil},
		{"pronoun before a verb", "وهو يقول", []string{"he says"}, nil},
		{"who after a person", "الرجل الذي قال", []string{"the man who"}, []string{"which"}},
		{"which after a thing", "القرار الذي صدر", []string{"the decision which"}, nil},
		{"indefinite construct minister", "وزير خارجية روسيا", []string{"foreign minister"}, nil},
		{"fa before a particle is no name", "فإن العدد كبير", []string{"the number"}, []string{"Van"}},
		{"wa before a particle is no name", "وأكد وأن", nil, []string{"Wan"}},
		{"emphatic inna opens a sentence", "إنهم صغار.", []string{"they"}, []string{"That", "that"}},
		{"inna after said is that", "وقال إن الحكومة", []string{"said that"}, nil},
		{"dual of a thing", "لمدة يومين", []string{"two days"}, nil},
		{"dual with the article", "بين البلدين", []string{"the two countries"}, nil},
		{"plural of a person", "التقى المسؤولين", []string{"the officials"}, []string{"two"}},
		{"year before a number", "في عام 1939", []string{"in 1939"}, []string{"year"}},
		{"on before a day of a month", "في 12 يونيو", []string{"on 12 June"}, nil},
		{"run-together before the article", "قال وزيرالخارجية", []string{"the foreign minister"}, nil},
		{"run-together after a letter that does not join", "اتخذ تدابيرمماثلة", []string{"similar measures"}, nil},
		{"run-together with و before the article", "الوطنيةوالمتطوعون", []string{"and the volunteers"}, nil},
		{"a name is not cut", "قال جارسيا", []string{"Garcia"}, []string{"neighbor"}},
		{"no nominal ending on a verb", "فاز على برايتون", []string{"Brighton"}, []string{"saw"}},
		{"an adjective with a noun sense and a pronoun", "في حديثه أمام الجمعية", []string{"his talk"}, []string{"modern"}},
		{"no article on a plural", "هجمات عسكرية", nil, []string{"a "}},
	}
	for _, tt := range tests {
		got := e.Gloss(tt.ar)
		// The first letter is capitalized: compare case-insensitively.
		rest := strings.ToLower(got)
		for _, w := range tt.want {
			w = strings.ToLower(w)
			i := strings.Index(rest, w)
			if i < 0 {
				t.Errorf("%s: Gloss(%q) = %q, want it to contain %q", tt.name, tt.ar, got, w)
				break
			}
			rest = rest[i+len(w):]
		}
		for _, w := range tt.not {
			if strings.Contains(got, w) {
				t.Errorf("%s: Gloss(%q) = %q, must not contain %q", tt.name, tt.ar, got, w)
			}
		}
	}
}

func TestEnglishMorphology(t *testing.T) {
	for _, tt := range []struct {
		f        func(string) string
		in, want string
	}{
		{pluralize, "government", "governments"},
		{pluralize, "city", "cities"},
		{pluralize, "crisis", "crisis"},
		{pluralize, "box", "boxes"},
		{pluralize, "spokesman", "spokesmen"},
		{pluralize, "prime minister", "prime ministers"},
		{baseVerb, "says", "say"},
		{baseVerb, "carries out", "carry out"},
		{baseVerb, "is considered", "be considered"},
		{thirdPerson, "say", "says"},
		{thirdPerson, "carry out", "carries out"},
		{thirdPerson, "discuss", "discusses"},
		{thirdPerson, "be able to", "is able to"},
	} {
		if got := tt.f(tt.in); got != tt.want {
			t.Errorf("%q → %q, want %q", tt.in, got, tt.want)
		}
	}
}

func BenchmarkGloss(b *testing.B) {
	e, err := NewWithoutFreeDict()
	if err != nil {
		b.Fatal(err)
	}
	segs := seedLines(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.Gloss(segs[i%len(segs)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "segments/s")
}

// BenchmarkGlossNTREXCold glosses the 1,007 NTREX sentences with a fresh
// engine for every pass, so the word cache starts empty each time.
func BenchmarkGlossNTREXCold(b *testing.B) {
	ar, _ := ntrex(b)
	lx, errs := loadLexicon(false)
	if len(errs) > 0 {
		b.Fatal(errs[0])
	}
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		g := newGlosser(lx)
		for _, s := range ar {
			g.gloss(s)
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "segments/s")
}

func TestBaseFromPast(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"expressed", "express"}, {"stopped", "stop"}, {"said", "say"}, {"created", "create"},
		{"used", "use"}, {"agreed", "agree"}, {"carried out", "carry out"}, {"announced", "announce"},
		{"killed", "kill"}, {"arrived", "arrive"}, {"discussed", "discuss"}, {"opened", "open"},
	} {
		if got := baseFromPast(tt.in); got != tt.want {
			t.Errorf("baseFromPast(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestGerund(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"killed", "killing"}, {"continues", "continuing"}, {"said", "saying"},
		{"carried out", "carrying out"}, {"used", "using"}, {"agreed", "agreeing"},
	} {
		if got := gerund(tt.in); got != tt.want {
			t.Errorf("gerund(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestConcurrentTranslate runs the engine from several goroutines; run
// with -race to check the shared word cache.
func TestConcurrentTranslate(t *testing.T) {
	e, err := NewWithoutFreeDict()
	if err != nil {
		t.Fatal(err)
	}
	in := []string{"قال الرئيس الروسي فلاديمير بوتين إن", "اتفق العراق وكل من روسيا وإيران", "وزير الخارجية الأمريكي"}
	want, _ := e.Translate(context.Background(), in)
	done := make(chan []string)
	for range 4 {
		go func() {
			out, _ := e.Translate(context.Background(), in)
			done <- out
		}()
	}
	for range 4 {
		out := <-done
		for i := range out {
			if out[i] != want[i] {
				t.Errorf("concurrent gloss %q = %q, want %q", in[i], out[i], want[i])
			}
		}
	}
}
