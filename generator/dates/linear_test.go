package dates

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/jisr-news/jisr/generator/arabic"
)

// A date right after an invalid one is found: the whole-text scan once
// consumed the character before the second day and missed it.
func TestFindAfterInvalidDate(t *testing.T) {
	for text, want := range map[string]string{
		"30 فبراير 2015 1 مارس 2015":          "2015-03-01",
		"في 31 فبراير 2015 2 مارس 2015 أعلن":  "2015-03-02",
		"27 سبتمبر/ حزيران 2015 5 يونيو 2015": "2015-06-05",
	} {
		got, ok := Find(text)
		if !ok || got.Format("2006-01-02") != want {
			t.Errorf("Find(%q) = %v %v, want %s", text, got, ok, want)
		}
	}
}

// Find agrees with the rule it implements, applied to the whole normalized
// text at once (every day-digit run tried against the rest of the text),
// on texts made of date fragments, digits and words.
func TestFindAgreesWithWholeText(t *testing.T) {
	parts := []string{"في", "قال", " ", "  ", "، ", "\n", "1", "27", "٢٧", "۲۷", "123", "2015", "٢٠١٥", "1436", "هـ", "ه",
		"سبتمبر", "أيلول", "/ ", "كانون الثاني", "شوال", "ذو الحجة", "فبراير", "31", "الموافق", "عام", "-", ",", "3.5", "الأحد", "ـ", "َ"}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := r.Intn(14); n >= 0; n-- {
			b.WriteString(parts[r.Intn(len(parts))])
			if r.Intn(2) == 0 {
				b.WriteByte(' ')
			}
		}
		text := b.String()
		got, gok := Find(text)
		want, wok := findWhole(text)
		if gok != wok || !got.Equal(want) {
			t.Fatalf("Find(%q) = %v %v; on the whole text = %v %v", text, got, gok, want, wok)
		}
	}
}

// findWhole applies Find's rule to the whole normalized text: the first
// valid date starting at each run of day digits, with no window.
func findWhole(text string) (time.Time, bool) {
	norm := arabic.Normalize(text)
	gAt, hAt := -1, -1
	var g, h time.Time
	for i := 0; i < len(norm); i++ {
		if !isDigit(norm[i]) || i > 0 && isDigit(norm[i-1]) {
			continue
		}
		if gAt < 0 {
			if t, ok := gregorian(norm[i:], false); ok {
				g, gAt = t, i
			}
		}
		if hAt < 0 {
			if t, ok := hijri(norm[i:], false); ok {
				h, hAt = t, i
			}
		}
	}
	switch {
	case gAt >= 0 && hAt >= 0 && Near(g, h):
		return g, true
	case gAt >= 0 && (hAt < 0 || gAt <= hAt):
		return g, true
	case hAt >= 0:
		return h, true
	}
	return time.Time{}, false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// BenchmarkFind searches long texts with no date in them (the worst case:
// every byte is looked at), with numbers in every paragraph; the time per
// MB stays flat when Find is linear.
//
//	go test -run '^$' -bench Find -benchtime 1x ./generator/dates/
func BenchmarkFind(b *testing.B) {
	const para = "قال الرئيس إن الحكومة ستجتمع يوم الأحد 27 من الشهر المقبل لبحث موازنة 2016 البالغة 3.5 مليار. وأضاف أن 3 وزراء استقالوا.\n"
	for _, mb := range []int{1, 10, 50} {
		text := strings.Repeat(para, (mb<<20)/len(para)+1)
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for range b.N {
				if _, ok := Find(text); ok {
					b.Fatal("found a date")
				}
			}
		})
	}
}
