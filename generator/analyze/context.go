package analyze

import (
	"strings"
	"unicode/utf8"

	"github.com/jisr-news/jisr/generator/arabic"
)

// Context rules for names the gazetteer does not know. All word lists are
// normalized keys (arabic.Normalize); see the package doc for the rules.

// personTitles are titles and roles that precede a person's name.
var personTitles = keySet(
	"الرئيس", "رئيس", "الرئيسة", "الملك", "الملكة", "الأمير", "الأميرة",
	"الشيخ", "الشيخة", "وزير", "الوزير", "وزيرة", "الوزيرة", "السفير",
	"النائب", "الجنرال", "اللواء", "العميد", "العقيد", "الفريق", "المشير",
	"الدكتور", "السيد", "السيدة", "الزعيم", "القائد", "المرشد", "المستشار",
	"المستشارة", "المبعوث", "الأمين", "المتحدث", "الناطق", "نظيره",
	"نظيره", "الإمام", "البابا", "السلطان", "الداعية", "المدرب", "اللاعب",
	"الفنان", "الفنانة", "الكاتب", "الكاتبة", "الصحفي", "الصحفية", "المحامي",
	"القاضي", "محافظ", "المحافظ", "عمدة", "رئيسة", "مدير", "المدير",
	"مديرة", "المديرة", "قائد", "زعيم", "الحاكم", "حاكم",
)

// titleModifiers may stand between a title and the name without being
// part of it.
var titleModifiers = keySet("باسم", "العام", "السابق", "الأسبق", "الحالي", "الجديد", "المخلوع", "الراحل", "المستقيل")

// orgHeads are words that head an organization's name.
var orgHeads = keySet(
	"وزارة", "شركة", "جامعة", "حزب", "تنظيم", "مجلس", "حركة", "جماعة",
	"هيئة", "منظمة", "بنك", "مصرف", "صحيفة", "وكالة", "جمعية", "اتحاد",
	"مؤسسة", "جبهة", "محكمة", "نادي", "قناة", "إذاعة", "كلية", "معهد",
	"مجموعة", "ائتلاف", "تحالف", "برلمان", "لواء", "كتائب", "ميليشيا",
)

// placeHeads are words that head a place's name.
var placeHeads = keySet(
	"مدينة", "محافظة", "بلدة", "قرية", "ولاية", "إقليم", "مخيم", "جزيرة",
	"العاصمة", "منطقة", "حي", "ميناء", "مطار", "نهر", "بحيرة", "جبل", "سهل",
)

// stopWords never start or continue a name: function words, days,
// months, time words and the commonest reporting verbs.
var stopWords = keySet(
	"في", "من", "إلى", "الى", "على", "عن", "مع", "أن", "إن", "أنه", "إنه",
	"التي", "الذي", "الذين", "اللذين", "هذا", "هذه", "ذلك", "تلك", "هو", "هي",
	"هم", "كان", "كانت", "قد", "لقد", "لم", "لن", "لا", "ما", "ماذا", "كما",
	"لكن", "بل", "أو", "أم", "ثم", "حتى", "بعد", "قبل", "خلال", "أمام", "بين",
	"عند", "منذ", "نحو", "حول", "ضد", "دون", "غير", "كل", "بعض", "أي", "عبر",
	"لدى", "لدي", "وفق", "وفقا", "حيث", "إذا", "إذ", "بينما", "فيما", "مما",
	"عدة", "عدد", "أحد", "إحدى", "جميع", "نفس", "ذاته", "أيضا", "فقط", "يوم",
	"اليوم", "أمس", "غدا", "الأحد", "الاثنين", "الإثنين", "الثلاثاء",
	"الأربعاء", "الخميس", "الجمعة", "السبت", "صباح", "مساء", "ليلة",
	"يناير", "فبراير", "مارس", "أبريل", "إبريل", "مايو", "يونيو", "يوليو",
	"أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "آذار",
	"نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين",
	"قال", "قالت", "أكد", "أكدت", "أعلن", "أعلنت", "أضاف", "أضافت", "أشار",
	"أشارت", "أوضح", "أوضحت", "ذكر", "ذكرت", "صرح", "دعا", "دعت", "يقول",
	"تقول", "وقال", "وقالت", "وأضاف", "وأكد", "بأن", "لأن", "وأن", "فإن",
	"إنها", "أنها", "له", "لها", "لهم", "به", "بها", "فيه", "فيها", "منه",
	"منها", "عليه", "عليها", "إليه", "إليها", "عنه", "عنها", "معه", "الذى",
	"بشأن", "إزاء", "تجاه", "لدى", "سوف", "وهو", "وهي", "التى", "عام",
	"العام", "الماضي", "المقبل", "الحالي", "الجاري", "السابق",
	"شبه", "ريف", "جنوب", "شمال", "شرق", "غرب", "وسط", "بجانب", "جانب",
	"أول", "أولى", "ثاني", "ثانية", "أخرى", "آخر", "جديد", "جديدة",
)

// headPrefixes holds the first three letters of the words of each head
// set, keyed by the set's address.
var headPrefixes = map[*map[string]bool]map[string]bool{
	&orgHeads:   prefixSet(orgHeads),
	&placeHeads: prefixSet(placeHeads),
	// analyze.go
	&placeMentionHeads: prefixSet(placeMentionHeads),
}

func prefixSet(set map[string]bool) map[string]bool {
	out := map[string]bool{}
	for k := range set {
		out[prefix3(k)] = true
	}
	return out
}

func keySet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[arabic.Normalize(w)] = true
	}
	return m
}

// head returns the head-word key of token i when it is one of set, as a
// bare indefinite word in construct (no article, ending or suffix): the
// word itself or its host under proclitics (بوزارة, ولشركة).
func (an *Analyzer) head(s *segTokens, i int, setp *map[string]bool) bool {
	set := *setp
	if set[s.keys[i]] {
		return true
	}
	// Cheap filter before the clitic segmenter: some tail of the word
	// (proclitics removed) must start like a head word.
	pre := headPrefixes[setp]
	if pre == nil {
		return false
	}
	possible := false
	rest := s.keys[i]
	for n := 0; n < 3 && !possible; n++ {
		_, size := utf8.DecodeRuneInString(rest)
		if size == 0 {
			break
		}
		rest = rest[size:]
		possible = pre[prefix3(rest)]
	}
	if !possible {
		return false
	}
	for _, p := range an.analyses(s.toks[i].Text) {
		if p.Det || p.Suffix != "" || p.Fut {
			continue
		}
		stem := p.Stem
		if p.Infl == "ه" {
			stem += "ه" // ة belongs to the head word: وزارة
		} else if p.Infl != "" {
			continue
		}
		if set[stem] {
			return true
		}
	}
	return false
}

// nameWord reports whether token t can be part of a name: Arabic, free,
// not a stop word, at least two letters.
func nameWord(s *segTokens, t int) bool {
	if t >= len(s.toks) || s.used[t] || stopWords[s.keys[t]] {
		return false
	}
	k := s.keys[t]
	if utf8.RuneCountInString(k) < 2 || !arabic.HasArabic(k) {
		return false
	}
	for _, r := range k {
		if !arabic.IsArabicLetter(r) {
			return false
		}
	}
	return true
}

func definite(k string) bool {
	return strings.HasPrefix(k, "ال") && utf8.RuneCountInString(k) > 3
}

// spaced reports whether tokens t-1 and t are separated by spaces only.
func spaced(s *segTokens, t int) bool {
	gap := s.seg.Text[s.toks[t-1].End:s.toks[t].Start]
	return gap != "" && strings.TrimSpace(gap) == ""
}

// nameGap reports whether tokens t-1 and t may be words of one name:
// separated by spaces only, or by one dot or hyphen (سي.بي.إس).
func nameGap(s *segTokens, t int) bool {
	gap := s.seg.Text[s.toks[t-1].End:s.toks[t].Start]
	return gap == "." || gap == "-" || spaced(s, t)
}

// contextRules finds persons, organizations and places that the gazetteer
// does not know, in the tokens no gazetteer match covers.
func (an *Analyzer) contextRules(s *segTokens, si int) []match {
	var out []match
	for i := 0; i < len(s.toks); i++ {
		if s.used[i] {
			continue
		}
		var m match
		var ok bool
		switch {
		case personTitles[s.keys[i]]:
			m, ok = an.personAfterTitle(s, si, i)
		case an.head(s, i, &orgHeads):
			m, ok = an.orgAfterHead(s, si, i)
		case an.head(s, i, &placeHeads):
			m, ok = an.placeAfterHead(s, si, i)
		}
		if !ok {
			continue
		}
		s.claim(m.start, m.end)
		out = append(out, m)
		i = m.end - 1
	}
	return out
}

func (an *Analyzer) nameOf(s *segTokens, si, start, end int, typ Type) match {
	parts := make([]string, 0, end-start)
	for t := start; t < end; t++ {
		parts = append(parts, s.toks[t].Text)
	}
	parts[0] = withoutProclitics(parts[0])
	return match{seg: si, start: start, end: end, entry: -1, typ: typ, nameAR: strings.Join(parts, " ")}
}

// personAfterTitle: title, modifiers (definite words, covered entities,
// باسم …), then two or three name words, the first without the article.
func (an *Analyzer) personAfterTitle(s *segTokens, si, i int) (match, bool) {
	t := i + 1
	inGenitive := false // inside a known entity introduced by لل (للأمم المتحدة)
	for n := 0; n < 5 && t < len(s.toks); n++ {
		k := s.keys[t]
		if !spaced(s, t) {
			return match{}, false
		}
		if s.used[t] {
			// A known entity right after the title is the titled one
			// (الرئيس السوري بشار الأسد); one in the genitive is not
			// (الأمين العام للأمم المتحدة …).
			inGenitive = strings.HasPrefix(k, "لل") || (inGenitive && s.used[t-1])
			if !inGenitive {
				return match{}, false
			}
			t++
			continue
		}
		inGenitive = false
		if titleModifiers[k] || (definite(k) && !stopWords[k]) || strings.HasPrefix(k, "لل") {
			t++
			continue
		}
		break
	}
	if t >= len(s.toks) || !spaced(s, t) || !nameWord(s, t) || definite(s.keys[t]) || personTitles[s.keys[t]] {
		return match{}, false
	}
	start := t
	end := t + 1
	for end < len(s.toks) && end-start < 3 && spaced(s, end) && nameWord(s, end) && !personTitles[s.keys[end]] &&
		withoutProclitics(s.toks[end].Text) == s.toks[end].Text { // بالسفير is no name word

		end++
	}
	if end-start < 2 {
		return match{}, false
	}
	return an.nameOf(s, si, start, end, Person), true
}

// orgAfterHead: head word, then its genitive: definite words (and و+ال
// conjuncts), or one bare name.
func (an *Analyzer) orgAfterHead(s *segTokens, si, i int) (match, bool) {
	t := i + 1
	if t >= len(s.toks) || !spaced(s, t) || !nameWord(s, t) {
		return match{}, false
	}
	k := s.keys[t]
	if !definite(k) && (strings.HasSuffix(k, "ه") || strings.HasSuffix(k, "ي")) {
		// جبهة جديدة، جماعة متشددة: an adjective, not a name.
		return match{}, false
	}
	end := t + 1
	if definite(s.keys[t]) {
		for end < len(s.toks) && end-i < 5 && spaced(s, end) && nameWord(s, end) &&
			(definite(s.keys[end]) || strings.HasPrefix(s.keys[end], "وال")) {
			end++
		}
	}
	m := an.nameOf(s, si, i, end, Organization)
	// Without the proclitics of the head word: بوزارة → وزارة.
	w := s.toks[i].Text
	for off := range w {
		if orgHeads[arabic.Normalize(w[off:])] {
			m.nameAR = w[off:] + m.nameAR[len(w):]
			break
		}
	}
	return m, true
}

// placeAfterHead: head word, then one name word, or two when the first
// has no article.
func (an *Analyzer) placeAfterHead(s *segTokens, si, i int) (match, bool) {
	t := i + 1
	if t >= len(s.toks) || !spaced(s, t) || !nameWord(s, t) {
		return match{}, false
	}
	end := t + 1
	if !definite(s.keys[t]) && end < len(s.toks) && spaced(s, end) && nameWord(s, end) && !nisba(s.keys[end]) {
		end++
	}
	return an.nameOf(s, si, t, end, Place), true
}

// nisba reports whether a definite word looks like a relational adjective
// (العراقية، الروسي), which follows a name rather than belonging to it.
func nisba(k string) bool {
	return definite(k) && (strings.HasSuffix(k, "يه") || strings.HasSuffix(k, "ي"))
}

// withoutProclitics removes the conjunction and preposition written
// before a definite word, for the canonical form of a new name: وللحلف →
// الحلف, بالموصل → الموصل. Only proclitics before the article are
// removed, where the split is certain; other words are returned as they
// are.
func withoutProclitics(w string) string {
	// Not ك or a lone ف before ال: كاليفورنيا and فالنسيا are names.
	rs := []rune(w)
	i := 0
	conj := i < len(rs) && (rs[i] == 'و' || rs[i] == 'ف')
	if conj {
		i++
	}
	if i < len(rs) && rs[i] == 'ب' {
		i++
	} else if conj && rs[0] == 'ف' && !(i < len(rs) && rs[i] == 'ل') {
		return w
	}
	switch {
	case i+1 < len(rs) && rs[i] == 'ل' && rs[i+1] == 'ل' && len(rs)-i >= 5:
		return "ال" + string(rs[i+2:])
	case i > 0 && i+1 < len(rs) && rs[i] == 'ا' && rs[i+1] == 'ل' && len(rs)-i >= 5:
		return string(rs[i:])
	}
	return w
}
