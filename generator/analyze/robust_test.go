package analyze

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jisr-news/jisr/generator/article"
)

// TestOddInput checks that odd text never panics and that every mention
// points at valid UTF-8 text of its segment.
func TestOddInput(t *testing.T) {
	for _, text := range []string{
		"",
		"   ",
		"English only: Putin met Obama in Moscow.",
		"١٢٣ ٤٥٦ 2015",
		"ـــــ",
		"و",
		"للـ",
		"بوتين" + strings.Repeat("،", 50),
		"سي.بي.إس.",
		strings.Repeat("الرئيس ", 200),
		strings.Repeat("وزارة ", 100) + "الخارجية",
		"\u200fبوتين\u200f و\u200dأوباما",
		"بشار الأسد\xff\xfe بوتين", // invalid UTF-8
		"فَلادِيمِير بُوتِين يَلتَقِي بارَاك أوباما",
	} {
		a := articleFromLines("odd", text)
		a.Title = text
		res := Analyze(a)
		segs := map[string]string{}
		for _, s := range a.Segments() {
			segs[s.ID] = s.Text
		}
		for _, e := range res.Entities {
			if e.ID == "" || e.NameEN == "" || e.NameAR == "" {
				t.Errorf("%q: incomplete entity %+v", text, e)
			}
			for _, m := range e.Mentions {
				st := segs[m.Segment]
				if m.Start < 0 || m.End > len(st) || m.Start >= m.End || st[m.Start:m.End] != m.Surface || !utf8.ValidString(m.Surface) {
					t.Errorf("%q: bad mention %+v", text, m)
				}
			}
		}
	}
}

func TestDiacritizedNames(t *testing.T) {
	res := Analyze(articleFromLines("d", "فَلادِيمِير بُوتِين يَلتَقِي بارَاك أوباما في مُوسكُو."))
	found := map[string]bool{}
	for _, e := range res.Entities {
		found[e.NameEN] = true
	}
	for _, w := range []string{"Vladimir Putin", "Barack Obama", "Moscow"} {
		if !found[w] {
			t.Errorf("%s not found in diacritized text: %v", w, found)
		}
	}
	_ = article.KindTitle
}
