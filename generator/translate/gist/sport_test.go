package gist

import (
	"strings"
	"testing"
)

// TestClubNames checks that a club whose name is a common word (الهلال
// "the crescent", النصر "victory") is named as the club in a sentence
// about sport, and glossed as the word elsewhere.
func TestClubNames(t *testing.T) {
	e, err := NewWithoutFreeDict()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		ar       string
		want     []string
		wantNone string
	}{
		{"فاز الهلال على النصر في مباراة الدوري.", []string{"Al-Hilal", "Al-Nassr"}, ""},
		{"وسجل لاعب الفتح هدفين للاتفاق.", []string{"Al-Fateh", "Al-Ettifaq", "goals"}, ""},
		{"وكان هدف الزيارة بحث التعاون.", []string{"aim"}, ""},
		{"حقق الجيش النصر على المتمردين.", nil, "Al-Nassr"},
	} {
		got := e.g().gloss(c.ar)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s → %q: no %q", c.ar, got, w)
			}
		}
		if c.wantNone != "" && strings.Contains(got, c.wantNone) {
			t.Errorf("%s → %q: %q in a sentence not about sport", c.ar, got, c.wantNone)
		}
	}
}

// TestContextSenses checks the senses of data/senses.tsv: each word gets
// its context sense where the condition holds and the lexicon's sense
// elsewhere.
func TestContextSenses(t *testing.T) {
	e, err := NewWithoutFreeDict()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ ar, want, not string }{
		{"سجل اللاعب هدفين في المباراة", "scored", "recorded"},
		{"ويسجل المهاجم في الدوري", "scores", "records"},
		{"سجلت الأسعار ارتفاعا", "recorded", "scored"},
		{"يعيش في مقاطعة كيبيك", "province", "boycott"},
		{"دعوا إلى مقاطعة الانتخابات", "boycott", "province"},
		{"انتقد حديث الرئيس", "talk", "modern"},
		{"بنوا مبنى حديث", "modern", "talk"},
		{"قال المدير العام", "general", "year"},
		{"في العام الماضي", "year", "general"},
		{"قال كبير المفاوضين", "chief", "big"},
		{"عدد كبير", "big", "chief"},
		{"تأهل الفريق إلى الدور نصف النهائي", "round", "role"},
		{"لعب دورا في الأزمة", "role", "round"},
		{"أطلق الحكم صافرة نهاية المباراة", "referee", "rule"},
	} {
		got := strings.ToLower(e.g().gloss(c.ar))
		if !strings.Contains(got, c.want) || strings.Contains(got, c.not) {
			t.Errorf("%s → %q: want %q, not %q", c.ar, got, c.want, c.not)
		}
	}
}
