package analyze

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/jisr-news/jisr/generator/arabic"
	"github.com/jisr-news/jisr/generator/translate/gist"
)

// PageWorthy decides whether an entity that analysis found but the
// gazetteer does not know (Known false) deserves a page of its own; the
// build also asks that two or more articles name it. In: the entity. Out:
// whether it passes and, when not, the reason.
//
// The rules, each a kind of junk page seen on real news:
//
//   - "prefix": the name's first word still carries a proclitic that
//     makes its rest a word of the gazetteer or a common word (وحسن,
//     بجامعة);
//
//   - "cut": the name ends in a word that cannot end a name (بن, ابن, أبو,
//     عبد, آل, أم, and the particles فون, فان, دي …) — "Faisal bin";
//
//   - "common": a one-word name that is a common word of the news
//     (stopWords, title and head words, or a word the tagger's gazetteer
//     features know as a non-name), or a two-word phrase both of whose
//     words are common («حسن السيرة»);
//
//   - "given": a person named by a given name alone (محمد).
//
//   - "cut" also: the last word is a common word with the article, or any
//     later word starts with لل, or the last word is a common word that
//     few names use, so the name runs into the words after it (محمد بن
//     سعود الإسلامية, عبدالعزيز للعلوم, سعود أراد);
//
//   - "prefix" also: the first word is و + a name word that Wikidata's
//     names use three times as often as the whole word (وحسام);
//
//   - "common" also: X الله where X does not make a name with it (رحمه
//     الله "may God have mercy", but عبد الله, نصر الله);
//
//   - "letters": every word is the Arabic name of a Latin letter (واي فاي,
//     يو إس بي), a spelled acronym, not a person or place;
//
//   - "short": a one-word name of one or two letters (لي);
//
//   - "cut" also: more than six words (a list run together), or a last
//     word that is a country's nationality adjective (سالزبورغ النمساوية);
//
//   - "given" also: a one-word person in عبد (عبداللطيف);
//
//   - "cut" also: a name followed by a formula in الله (الفيصل رحمه الله),
//     or a later word that is ل or ب on a common word no name uses
//     (عبدالله لأورام);
//
//   - "cut" also: three words or more starting with بن or بنت (بن عطية
//     القرشي: the given name was left behind);
//
//   - "cut" also: a person whose last word is a definite feminine nisba
//     (محمد بن سعود الإسلامية, the university's adjective);
//
//   - "type": a person whose last word is an English head word of a
//     place, a paper or a company as Arabic writes it (هايد بارك, ديلي
//     ميل, وول ستريت), or whose first word is سان, سانت or سانتا (سانتا
//     كلارا, a place named after a saint): the tagger has the type wrong;
//
//   - "cut" also: an organization or place head word with the article
//     followed by a word without it (الجامعة سوزان: no construct, the
//     name is the next words'), and a last word سان or سانت (the start
//     of San …);
//
//   - "common" also: such a definite head word with only a nisba after
//     it (المنظمة الدولية "the international organization", المدينة
//     الجنوبية): a description, not a name.
//
//   - "common" also: a nationality adjective alone (الألمانية, from
//     صحيفة «بيلد» الألمانية);
//
//   - "cut" also: a person whose first word is a common word that few
//     names use (رحيل كاسياس "Casillas's departure", جيجا بت): the name,
//     if any, starts later (but X بن Y is a name's shape: ساير بن لافي).
//
// A gazetteer entity always passes.
func PageWorthy(e Entity) (bool, string) {
	if e.Known {
		return true, ""
	}
	words := strings.Fields(e.NameAR)
	if len(words) == 0 {
		return false, "empty"
	}
	keys := make([]string, len(words))
	for i, w := range words {
		keys[i] = arabic.Normalize(w)
	}
	switch keys[len(keys)-1] {
	case "بن", "ابن", "ابو", "عبد", "ال", "ام", "بنت":
		return false, "cut"
	case "فون", "فان", "ديل", "دي", "دا", "دو", "لا", "لو", "سان", "سانت", "سانتا":
		return false, "cut" // a particle that starts a foreign surname or place (فون, دي, سان)
	}
	if head, ok := strings.CutPrefix(keys[0], "ال"); ok && len(keys) > 1 && (orgHeads[head] || placeHeads[head]) {
		// A head word with the article is a noun of the sentence, not
		// the head of a name: with an indefinite word after it, it is
		// not in construct with that word (الجامعة سوزان, المؤسسة ناصر);
		// with only a nisba after it, it describes (المنظمة الدولية,
		// المدينة الجنوبية). Names of that shape that are names
		// (المدينة المنورة) are the gazetteer's.
		switch {
		case !strings.HasPrefix(keys[1], "ال"):
			return false, "cut"
		case len(keys) == 2 && nisba(keys[1]):
			return false, "common"
		}
	}
	if len(keys) > 2 && (keys[0] == "بن" || keys[0] == "بنت") {
		return false, "cut" // بن عطية القرشي: the given name was left behind
	}
	if hasLooseProclitic(keys[0]) {
		return false, "prefix"
	}
	if len(keys) == 1 && strings.HasPrefix(keys[0], "ال") && Default().nationality(strings.TrimSuffix(strings.TrimSuffix(keys[0], "ه"), "ي")+"ي") {
		return false, "common" // الألمانية, السعودي: a nationality adjective alone («بيلد» الألمانية)
	}
	if e.Type == Person && len(keys) > 1 && commonWord(keys[0]) && arabic.NameWordCount(keys[0]) < 5 && !arabic.IsGivenName(keys[0]) && keys[1] != "بن" && keys[1] != "بنت" {
		return false, "cut" // رحيل كاسياس "Casillas's departure", جيجا بت: a word of the sentence before the name
	}
	common := func(k string) bool {
		return stopWords[k] || personTitles[k] || orgHeads[k] || placeHeads[k] || titleModifiers[k] || commonWord(k)
	}
	if len(keys) > 1 && strings.HasPrefix(keys[len(keys)-1], "ال") && common(keys[len(keys)-1]) {
		return false, "cut" // محمد بن سعود الإسلامية, عبدالعزيز الدولي
	}
	for _, k := range keys[1:] {
		if strings.HasPrefix(k, "لل") {
			return false, "cut" // عبدالعزيز للعلوم, ابن أحمد للدكتور ماجد
		}
		// ل or ب on a common word that no name uses: عبدالله لأورام
		// (King Abdullah [Centre] for Tumours).
		if rest, ok := cutAny(k, "ل", "ب"); ok && utf8.RuneCountInString(rest) >= 3 && commonWord(rest) && arabic.NameWordCount(k) == 0 {
			return false, "cut"
		}
	}
	if last := keys[len(keys)-1]; len(keys) > 1 && commonWord(last) && arabic.NameWordCount(last) < 5 {
		return false, "cut" // سعود أراد, خالد سابق, يوجين بولاية: a word of the sentence
	}
	if len(keys) == 2 && keys[1] == "الله" && !allahNames[keys[0]] {
		return false, "common" // رحمه الله, توفيق الله: phrases, not names
	}
	if n := len(keys); n > 2 && keys[n-1] == "الله" && !allahNames[keys[n-2]] {
		return false, "cut" // الفيصل رحمه الله: a formula after the name
	}
	if last := keys[len(keys)-1]; e.Type == Person && len(keys) > 1 && strings.HasPrefix(last, "ال") && strings.HasSuffix(last, "يه") {
		return false, "cut" // محمد بن سعود الإسلامية: a feminine adjective of the institution
	}
	if e.Type == Person && len(keys) > 1 && (keys[0] == "سان" || keys[0] == "سانت" || keys[0] == "سانتا") {
		return false, "type" // سانتا كلارا, سان خوسيه: a place named after a saint
	}
	if e.Type == Person && len(keys) > 1 && nonPersonTails[keys[len(keys)-1]] {
		return false, "type" // هايد بارك, ديلي ميل: a place or a paper
	}
	if len(keys) > 6 {
		return false, "cut" // a list of names run together
	}
	if last := keys[len(keys)-1]; len(keys) > 1 && strings.HasPrefix(last, "ال") && Default().nationality(strings.TrimSuffix(strings.TrimSuffix(last, "ه"), "ي")+"ي") {
		return false, "cut" // سالزبورغ النمساوية: the nationality follows the name
	}
	if e.Type == Person && len(keys) == 1 && strings.HasPrefix(keys[0], "عبد") {
		return false, "given" // عبداللطيف alone
	}
	letters := 0
	for _, k := range keys {
		if latinLetterNames[k] {
			letters++
		}
	}
	if letters == len(keys) {
		return false, "letters" // واي فاي, يو إس بي: spelled acronyms
	}
	switch {
	case len(keys) == 1 && utf8.RuneCountInString(keys[0]) <= 2:
		return false, "short"
	case len(keys) == 1 && common(keys[0]):
		return false, "common"
	case len(keys) == 2 && common(keys[0]) && common(keys[1]):
		return false, "common"
	case e.Type == Person && arabic.IsGivenName(strings.Join(keys, " ")):
		return false, "given"
	}
	return true, ""
}

// hasLooseProclitic reports whether k starts with و, ب, ل, ف or ك and the
// rest is a common word or a gazetteer place/organization head, which
// means the proclitic was left on (وحسن, بجامعة, لمشهد).
func hasLooseProclitic(k string) bool {
	for _, p := range []string{"و", "ب", "ل", "ف", "ك"} {
		rest, ok := strings.CutPrefix(k, p)
		if !ok || utf8.RuneCountInString(rest) < 3 {
			continue
		}
		// وحسام: the rest is a name word far commoner than the whole.
		if p == "و" && arabic.NameWordCount(rest) >= 3 && arabic.NameWordCount(rest) > 3*arabic.NameWordCount(k) {
			return true
		}
		if stopWords[rest] || orgHeads[rest] || placeHeads[rest] || personTitles[rest] || commonWord(rest) || arabic.IsGivenName(rest) {
			return true
		}
	}
	return false
}

var (
	vocabOnce sync.Once
	vocab     *gist.Engine
)

// commonWord reports whether k is ordinary vocabulary of the offline
// gist's lexicon (gist.Engine.Common), not a name.
func commonWord(k string) bool {
	vocabOnce.Do(func() { vocab, _ = gist.NewWithoutFreeDict() })
	return vocab != nil && vocab.Common(k)
}

// allahNames are the first words that make a name with الله.
var allahNames = keySet("عبد", "نصر", "فضل", "عطا", "خير", "جار", "ضيف", "سيف", "عوض", "جاب", "حزب", "فتح", "رزق", "حمد", "مال", "عطاء", "هبة", "امة")

// nonPersonTails are last words that English names of places, papers,
// companies and clubs end in, as Arabic spells them; no person's name
// ends in them.
var nonPersonTails = keySet("بارك", "ستريت", "سيتي", "تايمز", "بوست", "نيوز", "ميل", "جورنال", "تلغراف", "تليغراف",
	"سكوير", "غروب", "جروب", "كلوب", "يونايتد", "سنتر", "مول", "تاور", "تاورز", "إيرلاينز", "ايرلاينز", "موتورز",
	"بنك", "هيرالد", "ميرور", "إندبندنت", "اندبندنت", "توداي", "ريفيو", "ماغازين", "ستوديوز", "بيكتشرز", "رينجرز", "سبورتنغ",
	"ارينا", "أرينا", "ستاديوم", "ستاد")

// cutAny returns k without the first of prefixes it starts with.
func cutAny(k string, prefixes ...string) (string, bool) {
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(k, p); ok {
			return rest, true
		}
	}
	return k, false
}

// latinLetterNames are the Arabic names of Latin letters, as acronyms
// are spelled (بي بي سي).
var latinLetterNames = keySet("إيه", "بي", "سي", "دي", "إي", "إف", "جي", "إتش", "آي", "جيه", "كيه", "كي", "إل", "إم", "إن", "أو", "كيو", "آر", "إس", "تي", "يو", "في", "دبليو", "إكس", "واي", "زد", "فاي", "اي", "ان", "اس", "ام", "ال")
