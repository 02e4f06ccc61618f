package analyze

import (
	"testing"

	"github.com/jisr-news/jisr/generator/article"
)

// TestClubNamedAfterPlace: a club named after its city (دينامو كييف,
// سسكا موسكو, المغرب الفاسي) is one organization, never the city nested
// inside it; the city alone stays a place.
func TestClubNamedAfterPlace(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"وقلص دينامو كييف الفارق مطلع الشوط الثاني من المباراة", "دينامو كييف"},
		{"حقق سسكا موسكو الروسي فوزا صعبا في دوري الأبطال", "سسكا موسكو"},
		{"وقلب فريق المغرب الفاسي خسارته إلى فوز في المباراة", "المغرب الفاسي"},
	} {
		segs := []article.Segment{{ID: "p1", Kind: article.KindParagraph, Text: tc.text}}
		var got []string
		found := false
		for _, e := range Default().Entities(segs) {
			for _, m := range e.Mentions {
				got = append(got, string(e.Type)+":"+m.Surface)
				if e.Type == Place {
					t.Errorf("%s: a place inside the club: %s", tc.text, m.Surface)
				}
				found = found || (e.Type == Organization && m.Surface == tc.want)
			}
		}
		if !found {
			t.Errorf("%s: want organization %q, got %v", tc.text, tc.want, got)
		}
	}
	// Not in a sentence about sport, a place and an adjective stay apart.
	segs := []article.Segment{{ID: "p1", Kind: article.KindParagraph, Text: "وصل الوفد إلى موسكو الباردة أمس"}}
	ok := false
	for _, e := range Default().Entities(segs) {
		ok = ok || (e.NameEN == "Moscow")
	}
	if !ok {
		t.Error("موسكو outside sport: want the place Moscow")
	}
}
