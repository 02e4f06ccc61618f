package arabic

import (
	"strings"
	"testing"
)

func TestSegmentLight(t *testing.T) {
	// With no lexicon the segmenter behaves like a light stemmer.
	tests := []struct {
		word, want string
	}{
		{"الحكومة", "ال+حكومه"},
		{"بالمدينة", "ب+ال+مدينه"},
		{"وبالمدينة", "و+ب+ال+مدينه"},
		{"للحكومة", "ل+ال+حكومه"},
		{"والجيش", "و+ال+جيش"},
		{"الجيش", "ال+جيش"},
		{"كتب", "كتب"},
		{"من", "من"},
		{"مُحَمَّد", "محمد"},
	}
	for _, tt := range tests {
		if got := Segment(tt.word).String(); got != tt.want {
			t.Errorf("Segment(%q) = %s, want %s", tt.word, got, tt.want)
		}
	}
}

func TestSegmentWithLexicon(t *testing.T) {
	lex := map[string]bool{}
	for _, w := range []string{"حكومه", "جيش", "قال", "تشكل", "عراقي", "دوله", "مدينه", "ولايه", "كتاب", "قوات", "قوه", "معلومه", "وزير", "مؤيد", "موظف"} {
		lex[Normalize(w)] = true
	}
	s := NewSegmenter([]string{"بوتين", "إيران", "الأسد", "فرنسا", "لبنان", "بريطانيا"}, func(w string) bool { return lex[w] })
	tests := []struct {
		word, want string
	}{
		{"حكومتها", "حكومه+ها"},
		{"وحكومتهم", "و+حكومه+هم"},
		{"الحكومات", "ال+حكومه+ات"},
		{"وقال", "و+قال"},
		{"ستشكل", "س+تشكل"},
		{"العراقية", "ال+عراقي+ه"},
		{"العراقيين", "ال+عراقي+يين"},
		{"ولاية", "ولايه"},
		{"وزير", "وزير"},
		{"كتابه", "كتاب+ه"},
		{"للدولة", "ل+ال+دوله"},
		{"المعلومات", "ال+معلومه+ات"},
		// A masculine plural before the noun it is of loses its ن
		// (مؤيدو الرئيس "the president's supporters").
		{"مؤيدو", "مويد+ون"},
		{"وموظفو", "و+موظف+ون"},
		// Protected names are never split.
		{"بوتين", "بوتين"},
		{"وبوتين", "و+بوتين"},
		{"لبوتين", "ل+بوتين"},
		{"إيران", "ايران"},
		{"وإيران", "و+ايران"},
		{"الأسد", "الاسد"},
		{"للأسد", "ل+الاسد"},
		{"فرنسا", "فرنسا"},
		{"لبنان", "لبنان"},
		{"ولبنان", "و+لبنان"},
		{"بريطانيا", "بريطانيا"},
	}
	for _, tt := range tests {
		if got := s.Segment(tt.word).String(); got != tt.want {
			t.Errorf("Segment(%q) = %s, want %s (all: %v)", tt.word, got, tt.want, s.Analyze(tt.word))
		}
	}
}

func TestProtectedNeverSplit(t *testing.T) {
	s := NewSegmenter([]string{"بوتين", "ايران"}, nil)
	for _, w := range []string{"بوتين", "إيران", "ايران"} {
		for _, a := range s.Analyze(w) {
			if a.Clitics() != 0 {
				t.Errorf("protected %q analysed as %s", w, a)
			}
		}
	}
	// Without protection the same word is split by the light stemmer's
	// rules, which is what protection prevents.
	if got := Segment("بوتين"); got.Clitics() == 0 && len(Segment("بوتين").String()) == len("بوتين") {
		found := false
		for _, a := range defaultSegmenter.Analyze("بوتين") {
			if a.Clitics() > 0 {
				found = true
			}
		}
		if !found {
			t.Errorf("expected unprotected بوتين to have split analyses")
		}
	}
}

func TestStemsOrderAndNonArabic(t *testing.T) {
	st := Stems("والمدن")
	if len(st) == 0 || st[0] != "مدن" {
		t.Errorf("Stems(والمدن) = %v, want مدن first", st)
	}
	if a := Segment("CBS"); a.Stem != "CBS" || a.Clitics() != 0 {
		t.Errorf("Segment(CBS) = %+v", a)
	}
	if got := (&Segmenter{}).Analyze("2015"); got != nil {
		t.Errorf("Analyze(2015) = %v, want nil", got)
	}
}

func TestPartsString(t *testing.T) {
	p := Parts{Conj: "و", Prep: "ب", Det: true, Stem: "حكومه", Infl: "ات"}
	if got := p.String(); got != "و+ب+ال+حكومه+ات" {
		t.Errorf("String = %s", got)
	}
	if p.Clitics() != 4 {
		t.Errorf("Clitics = %d", p.Clitics())
	}
	if strings.Contains((Parts{Stem: "x", Fut: true}).String(), "ال") {
		t.Error("Fut printed as article")
	}
}
