package analyze

import (
	"bytes"
	"strings"
	"testing"
)

func TestReadANERcorpFormat(t *testing.T) {
	in := "فرانكفورت B-LOC\n(د O\n. O\nقال O\n  O\nبرند B-PERS\nجوتشولك I-PERS\n\nثم O\n"
	s, err := ReadANERcorp(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(s) != 3 || len(s[0].Words) != 3 || len(s[1].Words) != 3 || s[1].Tags[2] != "I-PERS" {
		t.Fatalf("sentences %+v", s)
	}
	if _, err := ReadANERcorp(strings.NewReader(strings.Repeat("a b c\n", 11))); err == nil {
		t.Error("a file of malformed lines was accepted")
	}
}

// TestTrainModelLearns trains on a tiny corpus where a name follows the
// word "السيد" and checks that the model finds a new such name, and that
// the model survives writing and reading.
func TestTrainModelLearns(t *testing.T) {
	var sents []LabeledSentence
	names := [][2]string{{"كريم", "زهران"}, {"نبيل", "فخري"}, {"هاني", "شاكر"}, {"رامي", "عياش"}, {"وائل", "كفوري"}}
	for i := 0; i < 40; i++ {
		n := names[i%len(names)]
		sents = append(sents, LabeledSentence{
			Words: []string{"وصل", "السيد", n[0], n[1], "إلى", "المدينة", "."},
			Tags:  []string{"O", "O", "B-PERS", "I-PERS", "O", "O", "O"},
		})
	}
	an := New(Default().Gazetteer()).WithModel(nil)
	m := TrainModel(an, sents, 5)
	if m.Features() == 0 {
		t.Fatal("no features")
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := ReadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if m2.Features() != m.Features() {
		t.Errorf("features %d after reading, %d before", m2.Features(), m.Features())
	}
	test := LabeledSentence{Words: []string{"وصل", "السيد", "كريم", "شاكر", "إلى", "المدينة", "."}}
	st, _ := sentenceTokens(LabeledSentence{Words: test.Words, Tags: make([]string, len(test.Words))})
	tags, _ := m2.decode(an.features(st, gazLabels(st, nil, 0)))
	got := make([]string, len(tags))
	for i, x := range tags {
		got[i] = bioTags[x]
	}
	if got[2] != "B-PERS" || got[3] != "I-PERS" || got[0] != "O" || got[5] != "O" {
		t.Errorf("tags %v", got)
	}
	if _, err := ReadModel(strings.NewReader("not a model")); err == nil {
		t.Error("garbage read as a model")
	}
}

func TestWithoutProclitics(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"وللحلف", "الحلف"}, {"بالموصل", "الموصل"}, {"والعراق", "العراق"},
		{"للأسد", "الأسد"}, {"وليد", "وليد"}, {"بغداد", "بغداد"}, {"لله", "لله"},
		{"كاليفورنيا", "كاليفورنيا"}, {"فالنسيا", "فالنسيا"}, {"فللأسد", "الأسد"}, {"وبالموصل", "الموصل"},
	} {
		if got := withoutProclitics(c.in); got != c.want {
			t.Errorf("withoutProclitics(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNationality(t *testing.T) {
	an := Default()
	for _, c := range []struct {
		k    string
		want bool
	}{
		{"السعودي", true}, {"السوري", true}, {"المصري", true}, {"العراقي", true},
		{"الياباني", true}, {"الرسمي", false}, {"العسكري", false}, {"الثاني", false},
	} {
		if got := an.nationality(c.k); got != c.want {
			t.Errorf("nationality(%q) = %v, want %v", c.k, got, c.want)
		}
	}
}
