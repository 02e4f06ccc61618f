package analyze

import (
	"strings"

	"github.com/jisr-news/jisr/generator/gazetteer"
)

// Club names that are also common words (gazetteer.Entry.Sport) count
// only where the text is about sport. The evidence, cheapest first:
//
//   - a team word right before the form (فريق الوحدة، نادي النصر);
//   - a definite nationality adjective right after it (الاتفاق السعودي,
//     النصر العماني), whose country is a gazetteer place;
//   - a match word in the same segment (مباراة، الدوري، الشوط، مدرب …;
//     gazetteer.IsSportWord).
//     (Counting them over the whole article was tried: in a sports
//     article التعاون and الشباب still mean "cooperation" and "youth".)
//
// and never right after تم ("was done": تم الاتفاق is "it was agreed").

// markSport sets each segment's sport flag: it has a match word (with a
// و ف ب or ل before it, too).
func markSport(st []*segTokens) {
	for _, s := range st {
		s.sport = false
		for _, k := range s.keys {
			if gazetteer.IsSportWord(k) {
				s.sport = true
				break
			}
		}
	}
}

// isClub reports whether e is a sports club: it has sport forms, or its
// Arabic name starts with نادي or النادي.
func isClub(e gazetteer.Entry) bool {
	return len(e.Sport) > 0 || strings.HasPrefix(e.AR, "نادي ") || strings.HasPrefix(e.AR, "النادي ")
}

// trailingNationality reports whether token t of s is a definite
// nationality adjective (السعودي، العماني), which follows a club's name
// but is not part of it.
func (an *Analyzer) trailingNationality(s *segTokens, t int) bool {
	k := s.keys[t]
	if strings.HasPrefix(k, "وال") {
		k = k[len("و"):]
	}
	return strings.HasPrefix(k, "ال") && strings.HasSuffix(k, "ي") && an.nationality(k)
}

// sportAt reports whether the form at tokens [i, end) of s is in a
// sport context (see above).
func (an *Analyzer) sportAt(s *segTokens, i, end int) bool {
	if i > 0 {
		switch p := s.keys[i-1]; {
		case p == "تم" || p == "وتم" || p == "يتم":
			return false
		case teamWords[p] || p == "ناديي" || p == "النادي":
			return true
		}
	}
	if end < len(s.keys) {
		if an.trailingNationality(s, end) {
			return true
		}
	}
	return s.sport
}
