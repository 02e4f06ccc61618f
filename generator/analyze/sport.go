package analyze

import (
	"strings"

	"github.com/jisr-news/jisr/generator/arabic"
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

// clubPrefixes are the words that start a club's name before its city
// (دينامو كييف, سسكا موسكو), with the English spelling clubs use.
var clubPrefixes = map[string]string{
	arabic.Normalize("دينامو"): "Dynamo", arabic.Normalize("سسكا"): "CSKA",
	arabic.Normalize("سبارتاك"): "Spartak", arabic.Normalize("لوكوموتيف"): "Lokomotiv",
	arabic.Normalize("أتلتيكو"): "Atletico", arabic.Normalize("اتلتيكو"): "Atletico",
	arabic.Normalize("أولمبيك"): "Olympique", arabic.Normalize("اولمبيك"): "Olympique",
	arabic.Normalize("ايك"): "AEK", arabic.Normalize("إنتر"): "Inter", arabic.Normalize("انتر"): "Inter",
	arabic.Normalize("هابوعيل"): "Hapoel", arabic.Normalize("مكابي"): "Maccabi",
	arabic.Normalize("بوروسيا"): "Borussia", arabic.Normalize("سبورتنغ"): "Sporting",
	arabic.Normalize("سبورتينغ"): "Sporting", arabic.Normalize("حسنية"): "Hassania",
}

// clubPlaces turns a gazetteer place that is part of a club's name into
// that club, an organization (Known false): a place after a club prefix
// (دينامو كييف), or, in a sentence about sport, a place followed by a
// definite relational adjective that is no country's nationality
// (المغرب الفاسي, "Maghreb of Fez"; but بنفيكا البرتغالي is a club and
// its nationality; see cityNisba). The longest reading wins, as for the gazetteer's own
// clubs; the city alone stays a place.
func (an *Analyzer) clubPlaces(st []*segTokens, ms []match) []match {
	out := ms[:0:0]
	for _, m := range ms {
		s := st[m.seg]
		if m.entry < 0 || m.short || m.typ != Place {
			out = append(out, m)
			continue
		}
		start, end, en := m.start, m.end, ""
		if p := m.start - 1; p >= 0 && !s.used[p] && nameGap(s, m.start) {
			if e, ok := clubPrefixes[s.keys[p]]; ok {
				start, en = p, e+" "+an.g.Entries()[m.entry].EN
			}
		}
		if start == m.start && end < len(s.toks) && !s.used[end] && nameGap(s, end) && s.sport &&
			an.cityNisba(s.keys[end]) {
			end++
		}
		if start == m.start && end == m.end {
			out = append(out, m)
			continue
		}
		c := an.nameOf(s, m.seg, start, end, Organization)
		c.nameEN = en
		s.claim(start, end)
		out = append(out, c)
	}
	return out
}

// cityNisba reports whether the definite word k can be the adjective of
// a city that a club's name carries (الفاسي, التطواني, المكناسي):
// masculine, no country's nationality, not ordinary vocabulary (الدولي,
// الإسلامي: مصر الدولي is a hospital, دبي الإسلامي a bank).
func (an *Analyzer) cityNisba(k string) bool {
	return definite(k) && strings.HasSuffix(k, "ي") && !strings.HasSuffix(k, "يي") &&
		!an.nationality(k) && !stopWords[k] && !titleModifiers[k] && !commonWord(k)
}
