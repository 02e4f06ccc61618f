package analyze

import (
	"testing"

	"github.com/jisr-news/jisr/generator/article"
)

// TestNasabChain: a known person's name inside a longer chain of بن is
// the father's, not the person named (حمدان بن محمد بن راشد آل مكتوم is
// not Mohammed bin Rashid); a known name that the text continues with
// بن … or آل … is one mention with the continuation (حمد بن جاسم بن جبر
// آل ثاني).
func TestNasabChain(t *testing.T) {
	segs := []article.Segment{{ID: "p1", Kind: article.KindParagraph, Text: "وسمو الشيخ حمدان بن محمد بن راشد آل مكتوم ولي عهد دبي"}}
	for _, e := range Default().Entities(segs) {
		if e.NameEN == "Mohammed bin Rashid" {
			t.Errorf("the father's name inside a chain was taken for the father: %v", e.Mentions)
		}
	}
	segs = []article.Segment{{ID: "p1", Kind: article.KindParagraph, Text: "واستقبل الشيخ محمد بن راشد آل مكتوم الوفد"}}
	found := false
	for _, e := range Default().Entities(segs) {
		found = found || e.NameEN == "Mohammed bin Rashid"
	}
	if !found {
		t.Error("محمد بن راشد آل مكتوم alone: want Mohammed bin Rashid")
	}
}

// TestTaggerNameEndsBeforeCommonWord: a common word that few names use
// does not end a name the tagger finds (مها أحمد برنامجا "a programme").
func TestTaggerNameEndsBeforeCommonWord(t *testing.T) {
	segs := []article.Segment{{ID: "p1", Kind: article.KindParagraph, Text: "قدمت الفنانة مها أحمد برنامجا جديدا على القناة"}}
	for _, e := range Default().Entities(segs) {
		for _, m := range e.Mentions {
			if m.Surface == "أحمد برنامجا" || m.Surface == "مها أحمد برنامجا" {
				t.Errorf("the name ran into a common word: %q", m.Surface)
			}
		}
	}
}

// TestTaggerNameEndsBeforeRole: a role word in construct after a name
// (مساعد وزير الخارجية) is not the name's last word.
func TestTaggerNameEndsBeforeRole(t *testing.T) {
	an := Default()
	s := prepare([]article.Segment{{ID: "p1", Kind: article.KindParagraph, Text: "محمد حجازي مساعد وزير الخارجية"}})[0]
	if !an.badLastWord(s, 2) {
		t.Error("مساعد before وزير can end a name")
	}
	s = prepare([]article.Segment{{ID: "p1", Kind: article.KindParagraph, Text: "وصل مساعد"}})[0]
	if an.badLastWord(s, 1) {
		t.Error("مساعد at the end, in no construct, cannot end a name")
	}
}
