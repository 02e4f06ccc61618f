package arabic

import (
	"reflect"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"أحمد", "احمد"},
		{"إيران", "ايران"},
		{"آب", "اب"},
		{"مصطفى", "مصطفي"},
		{"الدولة", "الدوله"},
		{"مسؤول", "مسوول"},
		{"رئيس", "رييس"},
		{"بـــوتين", "بوتين"},    // tatweel
		{"مُحَمَّدٌ", "محمد"},    // diacritics
		{"٢٠١٥ و۲۷", "2015 و27"}, // Arabic-Indic and Eastern digits
		{"CBS 2015", "CBS 2015"}, // Latin untouched
		{"", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenize(t *testing.T) {
	s := "قال بوتين: «نعم»، في 2015."
	var got []string
	for _, tok := range Tokenize(s) {
		if s[tok.Start:tok.End] != tok.Text {
			t.Errorf("offsets of %q wrong", tok.Text)
		}
		got = append(got, tok.Text)
	}
	if want := []string{"قال", "بوتين", "نعم", "في", "2015"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Tokenize = %q, want %q", got, want)
	}
	if !HasArabic("abc ب") || HasArabic("abc 123") {
		t.Error("HasArabic wrong")
	}
}
