package analyze

import (
	"slices"
	"testing"
)

// TestSportForms checks the club names that are also common words
// (النصر "victory", الاتفاق "the agreement", الجزيرة "the peninsula"): they
// name the club in a sentence about sport, after a team word, or before a
// nationality adjective, and nothing anywhere else.
func TestSportForms(t *testing.T) {
	an := New(Default().Gazetteer()).WithModel(nil)
	for _, c := range []struct {
		name, text string
		want       []string // English names, in order of first mention
	}{
		{"match sentence", "فاز الهلال على النصر في مباراة الدوري أمس.", []string{"Al-Hilal", "Al-Nassr"}},
		{"proclitic", "وجاءت أخطر فرصة للوحدة في الشوط الثاني.", []string{"Al-Wehda"}},
		{"youth team", "انضم إلى منتخب الشباب في الدوري.", nil},
		{"nationality after it", "وصل وفد الاتفاق السعودي إلى الدوحة.", []string{"Al-Ettifaq", "Doha"}},
		{"team word before it", "تعاقد فريق الوحدة مع المهاجم.", []string{"Al-Wehda"}},
		{"common word", "حقق الجيش النصر على المتمردين في الجنوب.", nil},
		{"agreement", "تم الاتفاق على وقف إطلاق النار في الدوري.", nil},
		{"no sport, no club", "رحب الطرفان بالاتفاق وقالا إن الشباب هم المستقبل.", nil},
		{"a club that is a city too", "سجل ليفربول هدفين في مرمى تشيلسي.", []string{"Liverpool FC", "Chelsea FC"}},
		{"the city", "سافر الوفد إلى ليفربول.", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, e := range entitiesOf(an, c.text) {
				got = append(got, e.NameEN)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("%s\nfound %q\nwant  %q", c.text, got, c.want)
			}
		})
	}
}

// TestClubMentionSpan checks that a club's nationality adjective is left
// out of its mention, as a head word is.
func TestClubMentionSpan(t *testing.T) {
	an := New(Default().Gazetteer()).WithModel(nil)
	es := entitiesOf(an, "تعادل الهلال مع النصر العماني في المباراة.")
	var got []string
	for _, e := range es {
		for _, m := range e.Mentions {
			got = append(got, e.NameEN+"="+m.Surface)
		}
	}
	want := []string{"Al-Hilal=الهلال", "Al-Nasr (Oman)=النصر"}
	if !slices.Equal(got, want) {
		t.Errorf("mentions %q, want %q", got, want)
	}
}
