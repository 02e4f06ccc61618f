package gazetteer

import (
	"strings"

	"github.com/jisr-news/jisr/generator/arabic"
)

// sportWords are words that, in news, occur almost only in sport; a
// sentence with one is about sport, and a club's Sport forms count there
// (analysis and the gist both ask IsSportWord). Words that are as often
// something else were left out: هدف "aim", المهاجم "the assailant",
// الفريق "Lieutenant General", الجولة "the (diplomatic) tour".
var sportWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"مباراة", "المباراة", "مباراته", "مباراتها", "مباريات", "المباريات",
		"الدوري", "دوري", "بطولة", "كأس", "الكأس",
		"الشوط", "شوط", "المرمى", "مرمى", "ركلة", "ركلات", "الملعب", "ملعب", "ملعبه",
		"لاعب", "اللاعب", "لاعبي", "لاعبا", "لاعبو", "اللاعبين", "لاعبين",
		"مدرب", "المدرب", "مدربا", "هدفين", "هداف", "الهداف",
		"تعادل", "التعادل", "بالتعادل", "المنتخب", "النادي", "نادي",
		"التأهل", "تأهل", "الكرة", "كرة",
	} {
		m[arabic.Normalize(w)] = true
	}
	return m
}()

// IsSportWord reports whether the normalized word key (arabic.Normalize)
// is a match word, alone or after one of و ف ب ل.
func IsSportWord(key string) bool {
	if sportWords[key] {
		return true
	}
	for _, p := range []string{"و", "ف", "ب", "ل"} {
		if rest, ok := strings.CutPrefix(key, p); ok && sportWords[rest] {
			return true
		}
	}
	return false
}
