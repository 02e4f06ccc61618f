// Package qa checks English translations of Arabic segments and reports
// what a translator should look at.
//
// In: stored segments (package store), and for the entity check the
// entities that analysis found in them (package analyze). Out: Findings,
// each naming its segment, the check that fired and a message in English.
// CheckProject runs every check over a whole content tree; `jisr check --qa`
// prints its report and the review pages show the same findings.
//
// The checks (see the Check* constants):
//
//   - empty: the English is empty.
//   - untranslated: the English is the Arabic source, unchanged.
//   - arabic-script: the English still holds Arabic letters.
//   - numbers: every number written in digits on one side is on the other.
//     Arabic-Indic (٠–٩) and Eastern (۰–۹) digits are converted with package
//     arabic; the Arabic decimal and thousands separators (٫ ٬) and Western
//     ones are read; an English number word (four, fourth) answers an Arabic
//     digit and an Arabic number word (أربعة) answers an English digit. A
//     percentage on one side must be a percentage on the other.
//   - dates: a month or weekday named in the Arabic is named in the English,
//     and the English names no month or weekday that the Arabic lacks.
//     Month names are those of package dates (Egyptian and Levantine forms);
//     an Arabic month counts only beside a number, another month name or
//     «شهر», because «مارس» is also a verb.
//   - length: the English is under MinRatio or over MaxRatio times the
//     length of the Arabic, in characters, for Arabic of at least MinRunes
//     characters (calibrated on professional translations: see
//     TestLengthRatioCalibration).
//   - entity: an entity that the gazetteer knows is mentioned in the Arabic,
//     but the English does not use the gazetteer's English name (a word of
//     it, or a word starting with it, such as "Russian" for "Russia", is
//     enough for a partial mention).
//   - question-mark: «؟» must become «?», as many times.
//   - punctuation: Arabic punctuation (، ؛ ٪) or Arabic-Indic digits left
//     in the English.
//   - quotes: the English has unbalanced quotation marks where the Arabic
//     has balanced ones, or the Arabic quotes and the English does not.
//   - stale: the Arabic changed after the English was reviewed.
//   - romanized: a Latin word of the English has the consonants of a word
//     of the Arabic: it was romanized, not translated ("Moydo" for
//     «مؤيدو»). Known entities' English names are excused (romanized.go).
//
// Checks never change a segment; the store stays free of QA data.
package qa

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/jisr-news/jisr/generator/analyze"
	"github.com/jisr-news/jisr/generator/arabic"
	"github.com/jisr-news/jisr/generator/dates"
	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/generator/translate"
)

// The names of the checks, as they appear in findings.
const (
	CheckEmpty        = "empty"
	CheckUntranslated = "untranslated"
	CheckArabicScript = "arabic-script"
	CheckNumbers      = "numbers"
	CheckDates        = "dates"
	CheckLength       = "length"
	CheckEntity       = "entity"
	CheckQuestion     = "question-mark"
	CheckPunctuation  = "punctuation"
	CheckQuotes       = "quotes"
	CheckStale        = "stale"
	CheckRomanized    = "romanized"
)

// Length-ratio limits. On 1,007 professional NTREX sentence pairs the
// English/Arabic character ratio has median 1.09, 0.5th percentile 0.59 and
// maximum 1.91; these limits flag under 1% of good translations.
const (
	MinRatio = 0.5
	MaxRatio = 2.0
	MinRunes = 20
)

// Finding is one QA warning about one segment.
type Finding struct {
	Article string `yaml:"article,omitempty" json:"article,omitempty"`
	Segment string `yaml:"segment" json:"segment"`
	Check   string `yaml:"check" json:"check"`
	Message string `yaml:"message" json:"message"`
}

func (f Finding) String() string {
	if f.Article != "" {
		return fmt.Sprintf("%s#%s: %s: %s", f.Article, f.Segment, f.Check, f.Message)
	}
	return fmt.Sprintf("%s: %s: %s", f.Segment, f.Check, f.Message)
}

// Check runs every check on one segment. ents are the entities mentioned in
// this segment (nil skips the entity check). The findings come in the order
// of the package doc.
func Check(seg store.Segment, ents []analyze.Entity) []Finding {
	var out []Finding
	add := func(check, format string, args ...any) {
		out = append(out, Finding{Segment: seg.ID, Check: check, Message: fmt.Sprintf(format, args...)})
	}
	if seg.Status == translate.StatusStale {
		add(CheckStale, "the Arabic changed after review; the English translates the old Arabic")
	}
	ar := strings.TrimSpace(norm.NFC.String(seg.AR))
	en := strings.TrimSpace(norm.NFC.String(seg.EN))
	switch {
	case en == "" && ar != "":
		add(CheckEmpty, "the English is empty")
		return out
	case en == ar && arabic.HasArabic(ar):
		add(CheckUntranslated, "the English is the Arabic source, untranslated")
		return out
	}
	if run := arabicRun(en); run != "" {
		add(CheckArabicScript, "the English still holds Arabic script: «%s»", run)
	}
	// The Arabic's words, normalized once for the number and date checks.
	toks := arabic.Tokenize(ar)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = arabic.Normalize(t.Text)
	}
	checkNumbers(ar, en, words, add)
	checkDates(words, en, add)
	if n := utf8.RuneCountInString(ar); n >= MinRunes {
		r := float64(utf8.RuneCountInString(en)) / float64(n)
		if r < MinRatio || r > MaxRatio {
			add(CheckLength, "the English is %.2f times as long as the Arabic (expected %.1f to %.1f)", r, MinRatio, MaxRatio)
		}
	}
	checkEntities(seg.ID, en, ents, add)
	checkQuestion(ar, en, add)
	if p := strings.IndexAny(en, "،؛٪"); p >= 0 {
		r, _ := utf8.DecodeRuneInString(en[p:])
		add(CheckPunctuation, "Arabic punctuation «%c» in the English", r)
	}
	if strings.IndexFunc(en, func(r rune) bool { return arabic.WesternDigit(r) != r }) >= 0 {
		add(CheckPunctuation, "Arabic-Indic digits in the English; write Western digits")
	}
	checkQuotes(ar, en, add)
	checkRomanized(words, en, ents, add)
	return out
}

// CheckArticle runs Check on every segment of a stored article, giving each
// segment the entities that res mentions in it. The findings carry the
// article ID.
func CheckArticle(f *store.File, res analyze.Result) []Finding {
	bySeg := map[string][]analyze.Entity{}
	for _, e := range res.Entities {
		seen := map[string]bool{}
		for _, m := range e.Mentions {
			if !seen[m.Segment] {
				seen[m.Segment] = true
				bySeg[m.Segment] = append(bySeg[m.Segment], e)
			}
		}
	}
	var out []Finding
	for _, s := range f.Segments {
		for _, fd := range Check(s, bySeg[s.ID]) {
			fd.Article = f.Article
			out = append(out, fd)
		}
	}
	return out
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

type addFunc func(check, format string, args ...any)

var arabicRunRE = regexp.MustCompile(`\p{Arabic}+(?:[\s\p{Arabic}]*\p{Arabic})?`)

// arabicRun returns the first run of Arabic letters in s, or "".
func arabicRun(s string) string {
	if !arabic.HasArabic(s) {
		return ""
	}
	for _, m := range arabicRunRE.FindAllString(s, -1) {
		if arabic.HasArabic(m) {
			return m
		}
	}
	return ""
}

// numberRE finds digit runs with their separators: Western . and , and the
// Arabic decimal (٫) and thousands (٬) separators.
var numberRE = regexp.MustCompile(`[0-9]+(?:[.,٫٬][0-9]+)*`)

// numbers returns the canonical forms of the numbers written in digits in
// s, after converting Arabic-Indic and Eastern digits.
func numbers(s string) []string {
	s = arabic.WesternDigits(s)
	if !hasDigit(s) {
		return nil // most segments: no need to run the expression
	}
	var out []string
	for _, m := range numberRE.FindAllString(s, -1) {
		out = append(out, canonicalNumber(m))
	}
	return out
}

// hasDigit reports whether s holds a Western digit, which every match of
// numberRE starts with.
func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// canonicalNumber reads separators: ٫ is a decimal point and ٬ a thousands
// separator; with both , and . the last one is the decimal point; a lone
// kind of separator is a thousands separator when every group after it has
// three digits (1,500 and 1.500.000), else a decimal point (2.5, 2,5).
func canonicalNumber(m string) string {
	m = strings.ReplaceAll(m, "٬", "")
	m = strings.ReplaceAll(m, "٫", ".")
	lastDot, lastComma := strings.LastIndex(m, "."), strings.LastIndex(m, ",")
	var intPart, frac string
	switch {
	case lastDot >= 0 && lastComma >= 0:
		dec := max(lastDot, lastComma)
		intPart, frac = m[:dec], m[dec+1:]
		intPart = strings.NewReplacer(".", "", ",", "").Replace(intPart)
	case lastDot >= 0 || lastComma >= 0:
		sep := "."
		if lastComma >= 0 {
			sep = ","
		}
		groups := strings.Split(m, sep)
		thousands := true
		for _, g := range groups[1:] {
			if len(g) != 3 {
				thousands = false
			}
		}
		if thousands && (len(groups) > 2 || sep == ",") {
			intPart = strings.Join(groups, "")
		} else if len(groups) == 2 {
			intPart, frac = groups[0], groups[1]
		} else {
			intPart = strings.Join(groups, "")
		}
	default:
		intPart = m
	}
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	frac = strings.TrimRight(frac, "0")
	if frac != "" {
		return intPart + "." + frac
	}
	return intPart
}

// englishNumberWords answer an Arabic digit: "four" or "fourth" for ٤.
var englishNumberWords = map[string]string{}

// arabicNumberWords answer an English digit; keys are arabic.Normalize'd.
// Hand-written: a short closed list that only excuses a number, never
// flags one.
var arabicNumberWords = map[string]string{}

func init() {
	for i, w := range strings.Fields("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty") {
		englishNumberWords[w] = fmt.Sprint(i)
	}
	for i, w := range strings.Fields("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth") {
		englishNumberWords[w] = fmt.Sprint(i + 1)
	}
	for i, w := range strings.Fields("thirty forty fifty sixty seventy eighty ninety") {
		englishNumberWords[w] = fmt.Sprint(30 + 10*i)
	}
	englishNumberWords["hundred"], englishNumberWords["thousand"] = "100", "1000"
	englishNumberWords["dozen"], englishNumberWords["dozens"] = "12", "12"
	for v, ws := range map[string]string{
		"1": "واحد واحدة", "2": "اثنان اثنين اثنتان اثنتين", "3": "ثلاث ثلاثة", "4": "أربع أربعة",
		"5": "خمس خمسة", "6": "ست ستة", "7": "سبع سبعة", "8": "ثماني ثمانية ثمان", "9": "تسع تسعة",
		"10": "عشر عشرة", "20": "عشرون عشرين", "30": "ثلاثون ثلاثين", "40": "أربعون أربعين",
		"50": "خمسون خمسين", "60": "ستون ستين", "70": "سبعون سبعين", "80": "ثمانون ثمانين",
		"90": "تسعون تسعين", "100": "مئة مائة", "1000": "ألف آلاف", "12": "اثني اثنا",
	} {
		for _, w := range strings.Fields(ws) {
			arabicNumberWords[arabic.Normalize(w)] = v
		}
	}
}

// arabicWordValue returns the value of a normalized Arabic number word,
// allowing one proclitic letter (و ب ل ف) and the article.
func arabicWordValue(k string) (string, bool) {
	for _, cand := range []string{k, strings.TrimPrefix(k, "ال")} {
		if v, ok := arabicNumberWords[cand]; ok {
			return v, true
		}
	}
	if r, size := utf8.DecodeRuneInString(k); strings.ContainsRune("وبلف", r) && utf8.RuneCountInString(k) > 3 {
		rest := k[size:]
		for _, cand := range []string{rest, strings.TrimPrefix(rest, "ال")} {
			if v, ok := arabicNumberWords[cand]; ok {
				return v, true
			}
		}
	}
	return "", false
}

var (
	arPercentRE = regexp.MustCompile(`[٪%]|(?:في\s+ال|بال)م(?:ئ|ائ)ة`)
	enPercentRE = regexp.MustCompile(`%|(?i)\bper\s?cent\b|\bpercentage\b`)
	// Cheap tests before the expressions: most segments have no percentage.
	arPercentHint = []string{"٪", "%", "مئة", "مائة"}
	enPercentHint = []string{"%", "cent", "Cent", "CENT"}
)

func checkNumbers(ar, en string, arWordList []string, add addFunc) {
	arNums, enNums := numbers(ar), numbers(en)
	enOrdinalOrDecade := map[int]bool{}
	var enLocs [][]int
	if len(enNums) > 0 {
		enLocs = numberRE.FindAllStringIndex(en, -1)
	}
	for i, loc := range enLocs {
		rest := strings.ToLower(en[loc[1]:])
		for _, suf := range []string{"st", "nd", "rd", "th", "s"} {
			if strings.HasPrefix(rest, suf) && (len(rest) == len(suf) || !unicode.IsLetter(rune(rest[len(suf)]))) {
				if suf != "s" || strings.HasSuffix(en[loc[0]:loc[1]], "0") {
					enOrdinalOrDecade[i] = true
				}
			}
		}
	}
	arSet, enSet := map[string]bool{}, map[string]bool{}
	for _, n := range arNums {
		arSet[n] = true
	}
	for _, n := range enNums {
		enSet[n] = true
	}
	// Number words answer digits of the other side, but are never required.
	arWords, enWords := map[string]bool{}, map[string]bool{}
	for _, w := range arWordList {
		if v, ok := arabicWordValue(w); ok {
			arWords[v] = true
		}
	}
	for _, t := range arabic.Tokenize(strings.ToLower(en)) {
		if v, ok := englishNumberWords[t.Text]; ok {
			enWords[v] = true
		}
	}
	done := map[string]bool{}
	for _, n := range arNums {
		if !enSet[n] && !enWords[n] && !done[n] {
			done[n] = true
			add(CheckNumbers, "the number %s in the Arabic is missing from the English", n)
		}
	}
	done = map[string]bool{}
	for i, n := range enNums {
		if enOrdinalOrDecade[i] {
			// 19th, 1930s: Arabic writes these in words (التاسع عشر,
			// ثلاثينيات), which this check does not read.
			continue
		}
		if !arSet[n] && !arWords[n] && !done[n] {
			done[n] = true
			add(CheckNumbers, "the number %s in the English is not in the Arabic", n)
		}
	}
	arPct := containsAny(ar, arPercentHint) && arPercentRE.MatchString(ar)
	enPct := containsAny(en, enPercentHint) && enPercentRE.MatchString(en)
	switch {
	case arPct && !enPct:
		add(CheckNumbers, "the Arabic gives a percentage; the English does not")
	case enPct && !arPct:
		add(CheckNumbers, "the English gives a percentage; the Arabic does not")
	}
}

var englishMonths = []string{"", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// englishDateWords maps English month names (with their abbreviations) to
// 1..12 and weekday names to 101..107 (Sunday first).
var englishDateWords = map[string]int{"Sept": 9}

func init() {
	for i, m := range englishMonths[1:] {
		englishDateWords[m] = i + 1
		if m != "May" {
			englishDateWords[m[:3]] = i + 1
		}
	}
	for i, d := range weekdayNames {
		englishDateWords[d] = 101 + i
	}
}

var weekdayNames = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

// isDigits reports whether s is a non-empty run of ASCII digits.
func isDigits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// arabicDateWords returns the months and weekdays that the Arabic names.
// strict months stand beside a number, another month or «شهر» (see the
// package doc); loose months are every month-like word.
// words are the Arabic's tokens, normalized (arabic.Normalize).
func arabicDateWords(words []string) (strict, loose, weekdays map[int]bool) {
	strict, loose, weekdays = map[int]bool{}, map[int]bool{}, map[int]bool{}
	isMonth := make([]int, len(words)) // month number, 0 when none
	span := make([]int, len(words))    // tokens the month name takes
	for i, w := range words {
		// Every two-word month name starts with كانون or تشرين.
		if i+1 < len(words) && (w == "كانون" || w == "تشرين") {
			if m, ok := dates.Month(w + " " + words[i+1]); ok {
				isMonth[i], span[i] = int(m), 2
				continue
			}
		}
		if m, ok := dates.Month(w); ok {
			isMonth[i], span[i] = int(m), 1
		}
	}
	near := func(i int) bool {
		for _, j := range []int{i - 1, i + span[i], i + span[i] + 1, i - 2} {
			if j >= 0 && j < len(words) && (isDigits(words[j]) || isMonth[j] != 0) {
				return true
			}
		}
		return i > 0 && words[i-1] == "شهر"
	}
	for i, m := range isMonth {
		if m != 0 {
			loose[m] = true
			if near(i) {
				strict[m] = true
			}
		}
	}
	for i, n := range words {
		if strings.HasPrefix(n, "وال") {
			n = strings.TrimPrefix(n, "و") // والثلاثاء: "and Tuesday"
		}
		if !strings.HasPrefix(n, "ال") && (i == 0 || words[i-1] != "يوم" && words[i-1] != "يومي") {
			continue
		}
		if d, ok := dates.Weekday(n); ok {
			weekdays[int(d)] = true
		}
	}
	return strict, loose, weekdays
}

func checkDates(words []string, en string, add addFunc) {
	arMonths, looseMonths, arDays := arabicDateWords(words)
	enMonths, enDays := map[int]bool{}, map[int]bool{}
	for _, w := range strings.FieldsFunc(en, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if v, ok := englishDateWords[w]; ok {
			if v > 100 {
				enDays[v-101] = true
			} else {
				enMonths[v] = true
			}
		}
	}
	for m := 1; m <= 12; m++ {
		if arMonths[m] && !enMonths[m] {
			add(CheckDates, "the Arabic names the month %s; the English does not", englishMonths[m])
		}
		// "May" is also a verb: it never counts as an English month alone.
		if enMonths[m] && !looseMonths[m] && m != 5 {
			add(CheckDates, "the English names the month %s; the Arabic does not", englishMonths[m])
		}
	}
	for d := 0; d < 7; d++ {
		if arDays[d] && !enDays[d] {
			add(CheckDates, "the Arabic names the day %s; the English does not", weekdayNames[d])
		}
		if enDays[d] && !arDays[d] {
			add(CheckDates, "the English names the day %s; the Arabic does not", weekdayNames[d])
		}
	}
}

// fold lowercases a Latin name and makes every character but letters and
// digits a space (hyphens, apostrophes, ayn marks, brackets), so that
// "al-Abadi" and "Al Abadi" compare equal, and "(CBS)" holds "CBS".
func fold(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return ' '
	}, norm.NFC.String(s))
	return " " + strings.Join(strings.Fields(s), " ") + " "
}

var nameStopWords = map[string]bool{"the": true, "al": true, "el": true, "of": true, "and": true, "bin": true, "ibn": true, "abu": true}

// nameUsed reports whether the English (folded, see fold) uses the name: all of it, or for a
// partial mention one of its words (or a word that starts with one, so
// that "Russian" answers "Russia").
func nameUsed(fe, name string) bool {
	fn := fold(name)
	if strings.Contains(fe, fn) {
		return true
	}
	for _, w := range strings.Fields(fn) {
		if len(w) < 3 || nameStopWords[w] {
			continue
		}
		if strings.Contains(fe, " "+w) {
			return true
		}
	}
	return false
}

func checkEntities(segID, en string, ents []analyze.Entity, add addFunc) {
	seen := map[string]bool{}
	fe := ""
	for _, e := range ents {
		if !e.Known || e.NameEN == "" || seen[e.ID] {
			continue
		}
		seen[e.ID] = true
		if fe == "" {
			fe = fold(en)
		}
		if !nameUsed(fe, e.NameEN) {
			surface := e.NameAR
			for _, m := range e.Mentions {
				if m.Surface != "" && m.Segment == segID {
					surface = m.Surface
					break
				}
			}
			add(CheckEntity, "«%s» is %q in the gazetteer; the English does not use that name", surface, e.NameEN)
		}
	}
}

func checkQuestion(ar, en string, add addFunc) {
	arQ := strings.Count(ar, "؟") + strings.Count(ar, "?")
	enQ, enArQ := strings.Count(en, "?"), strings.Count(en, "؟")
	switch {
	case enArQ > 0:
		add(CheckQuestion, "the English has the Arabic question mark «؟»; write «?»")
	case arQ != enQ:
		add(CheckQuestion, "question marks: %d in the Arabic, %d in the English", arQ, enQ)
	}
}

// quoteCounts returns the number of quotation marks and whether they pair
// up: « with », “ with ”, and straight double quotes in twos.
func quoteCounts(s string) (n int, balanced bool) {
	lg, rg := strings.Count(s, "«"), strings.Count(s, "»")
	lc, rc := strings.Count(s, "“"), strings.Count(s, "”")
	st := strings.Count(s, `"`)
	return lg + rg + lc + rc + st, lg == rg && lc == rc && st%2 == 0
}

func checkQuotes(ar, en string, add addFunc) {
	arN, arOK := quoteCounts(ar)
	enN, enOK := quoteCounts(en)
	if !arOK {
		// A quotation that spans sentences: the segmenter split it, and
		// the English cannot balance it either.
		return
	}
	switch {
	case !enOK:
		add(CheckQuotes, "unbalanced quotation marks in the English")
	case arN > 0 && enN == 0 && !strings.ContainsAny(en, "'‘’"):
		// Single quotes quote in British style; they are apostrophes too,
		// so they only excuse, never count.
		add(CheckQuotes, "the Arabic quotes (%d quotation marks), the English does not", arN)
	}
}
