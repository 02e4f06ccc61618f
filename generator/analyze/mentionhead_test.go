package analyze

import (
	"testing"

	"github.com/jisr-news/jisr/generator/article"
)

// TestMentionLeavesOutHead: a mention is the name, not the generic head
// word or title that a gazetteer form carries in front of it (قطاع غزة →
// غزة, الملك عبدالله الثاني → عبدالله الثاني), as ANERcorp marks names;
// the entity stays the one the full form names.
func TestMentionLeavesOutHead(t *testing.T) {
	for _, tc := range []struct{ text, entity, want string }{
		{"وصل الوفد إلى قطاع غزة أمس", "Gaza Strip", "غزة"},
		{"عقد الاجتماع في دولة الكويت الشقيقة", "Kuwait", "الكويت"},
		{"سير السفن في منطقة الخليج اليوم", "Gulf", "الخليج"},
		{"وصل جلالة الملك عبدالله الثاني إلى عمان", "King Abdullah II", "عبدالله الثاني"},
		{"وقال الملك عبد الله الثاني إن", "King Abdullah II", "عبد الله الثاني"},
		{"التقى الوفد الفنان حسين فهمي أمس", "", "حسين فهمي"},
		// A nationality after an organization's name is left out when the
		// rest is a name of it too (حزب الله اللبناني → حزب الله) ...
		{"وصفته بدعم إيران لحزب الله اللبناني وطموح طهران", "Hezbollah", "لحزب الله"},
		{"يتجه الكونغرس الأميركي الى حظر", "US Congress", "الكونغرس"},
		{"والثاني على مضيفه بنفيكا البرتغالي في المباراة", "SL Benfica", "بنفيكا"},
		// ... and stays when the rest is not (الجيش الإسرائيلي).
		{"وأعلن الجيش الإسرائيلي أنه انسحب", "Israel Defense Forces", "الجيش الإسرائيلي"},
		// A head is left out only before a name: a one-word form stays.
		{"وأكد أن الخليج آمن", "Gulf", "الخليج"},
	} {
		segs := []article.Segment{{ID: "p1", Kind: article.KindParagraph, Text: tc.text}}
		var got []string
		found := false
		for _, e := range Default().Entities(segs) {
			for _, m := range e.Mentions {
				got = append(got, e.NameEN+"="+m.Surface)
				found = found || ((e.NameEN == tc.entity || tc.entity == "") && m.Surface == tc.want)
			}
		}
		if !found {
			t.Errorf("%s: want %s=%q, got %v", tc.text, tc.entity, tc.want, got)
		}
	}
}
