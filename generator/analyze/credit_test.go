package analyze

import (
	"testing"

	"github.com/jisr-news/jisr/generator/article"
)

// TestAgencyCreditIsNoMention: an agency's letters in a credit or
// dateline, «( أ ف ب )», «القاهرة - د ب أ :», say where the story came
// from; they are no mention of the agency (ANERcorp marks none of them).
// The agency named in the story is.
func TestAgencyCreditIsNoMention(t *testing.T) {
	for _, text := range []string{
		"نيقوسيا - ( أ ف ب ) ضرب زلزال الجزيرة أمس",
		"عواصم - ا ف ب : جدد الرئيس دعوته",
	} {
		segs := []article.Segment{{ID: "p1", Kind: article.KindParagraph, Text: text}}
		for _, e := range Default().Entities(segs) {
			if e.NameEN == "Agence France-Presse" {
				t.Errorf("%s: the credit made a mention %v", text, e.Mentions)
			}
		}
	}
	segs := []article.Segment{{ID: "p1", Kind: article.KindParagraph, Text: "وقال مراسل وكالة فرانس برس إن الهدوء عاد"}}
	found := false
	for _, e := range Default().Entities(segs) {
		found = found || e.NameEN == "Agence France-Presse"
	}
	if !found {
		t.Error("the agency named in the story: want Agence France-Presse")
	}
}

// TestOrdinalStartsNoName: an ordinal (الدور الثاني "the second round")
// never starts a name the tagger finds.
func TestOrdinalStartsNoName(t *testing.T) {
	an := Default()
	s := prepare([]article.Segment{{ID: "p1", Kind: article.KindParagraph, Text: "الثاني"}})[0]
	if !an.badFirstWord(s, 0) {
		t.Error("الثاني can start a name")
	}
	s = prepare([]article.Segment{{ID: "p1", Kind: article.KindParagraph, Text: "عبدالله الثاني"}})[0]
	if an.badFirstWord(s, 0) {
		t.Error("عبدالله cannot start a name")
	}
}
