// Package dates finds publication dates written in Arabic news text.
//
// In: Arabic text. Out: the first date it states, as a time.Time at
// midnight UTC, or false.
//
// Recognized: an optional weekday (الأحد), a day, a month name and a year,
// for example «الأحد 27 سبتمبر/ أيلول 2015». Month names may be the
// Egyptian/Western forms (سبتمبر), the Levantine/Syriac forms (أيلول) or
// both paired with a slash; digits may be Western, Arabic-Indic (٢٧) or
// Eastern. Numeric dates (27/9/2015) are not taken: day/month order is
// ambiguous in the region's press.
package dates

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jisr-news/jisr/generator/arabic"
)

// Month names, keyed by their normalized form (arabic.Normalize).
var months = map[string]time.Month{}

// Weekday names, keyed by their normalized form.
var weekdays = map[string]time.Weekday{}

func init() {
	add := func(m time.Month, names ...string) {
		for _, n := range names {
			months[arabic.Normalize(n)] = m
		}
	}
	add(time.January, "يناير", "كانون الثاني", "جانفي")
	add(time.February, "فبراير", "شباط", "فيفري")
	add(time.March, "مارس", "آذار")
	add(time.April, "أبريل", "ابريل", "إبريل", "نيسان", "أفريل")
	add(time.May, "مايو", "أيار", "ماي")
	add(time.June, "يونيو", "يونيه", "حزيران", "جوان")
	add(time.July, "يوليو", "يوليه", "تموز", "جويلية")
	add(time.August, "أغسطس", "اغسطس", "آب", "أوت")
	add(time.September, "سبتمبر", "أيلول")
	add(time.October, "أكتوبر", "اكتوبر", "تشرين الأول")
	add(time.November, "نوفمبر", "تشرين الثاني")
	add(time.December, "ديسمبر", "كانون الأول")
	for d, n := range []string{"الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"} {
		weekdays[arabic.Normalize(n)] = time.Weekday(d)
		weekdays[arabic.Normalize(strings.TrimPrefix(n, "ال"))] = time.Weekday(d)
	}
	weekdays[arabic.Normalize("الإثنين")] = time.Monday
	weekdays[arabic.Normalize("اثنين")] = time.Monday

	var names []string
	for n := range months {
		names = append(names, regexp.QuoteMeta(n))
		firstWords[strings.Fields(n)[0]] = true
	}
	// Longest first, so "كانون الثاني" wins over a shorter prefix.
	sortByLenDesc(names)
	alt := strings.Join(names, "|")
	dateRE = regexp.MustCompile(`^([0-9]{1,2})\s*(` + alt + `)(?:\s*[/،,-]\s*(` + alt + `))?\s*,?\s*([0-9]{4})(?:[^0-9]|$)`)
}

func sortByLenDesc(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && (len(s[j]) > len(s[j-1]) || len(s[j]) == len(s[j-1]) && s[j] < s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// dateRE matches a Gregorian date at the start of normalized text.
var dateRE *regexp.Regexp

// Month returns the month that an Arabic month name denotes, in any of its
// regional forms, with or without hamza and diacritics.
func Month(word string) (time.Month, bool) {
	m, ok := months[arabic.Normalize(strings.TrimSpace(word))]
	return m, ok
}

// Weekday returns the weekday that an Arabic weekday name denotes, with or
// without the article ال.
func Weekday(word string) (time.Weekday, bool) {
	d, ok := weekdays[arabic.Normalize(strings.TrimSpace(word))]
	return d, ok
}

// Find returns the first valid date stated in text, Gregorian or Hijri
// (see HijriToGregorian). A day/month/year that does not exist (31
// فبراير) is skipped, as is a pair whose two month names disagree. When a
// Hijri date comes first, a Gregorian date that agrees with it (Near)
// anywhere later wins: «24 شوال 1436هـ الموافق 9 أغسطس 2015».
//
// It is linear in the text's length and looks only at the text after each
// run of one or two day digits: a date is read from at most MaxDateBytes
// from its day, normalized (arabic.Normalize) window by window, so an
// article of 50 MB is never normalized or searched as a whole, and the
// search stops at the first Gregorian date.
func Find(text string) (time.Time, bool) {
	var g, h time.Time
	hAt := -1
	for at := range dayDigits(text) {
		if !mayStartDate(text[at:]) {
			continue
		}
		win, cut := text[at:], false
		if len(win) > MaxDateBytes {
			n := MaxDateBytes
			for n > 0 && !utf8.RuneStart(win[n]) {
				n--
			}
			win, cut = win[:n], true
		}
		norm := arabic.Normalize(win)
		if t, ok := gregorian(norm, cut); ok {
			g = t
			if hAt >= 0 && !Near(g, h) {
				return h, true // the Hijri date came first
			}
			return g, true
		}
		if hAt < 0 {
			if t, ok := hijri(norm, cut); ok {
				h, hAt = t, at
			}
		}
	}
	return h, hAt >= 0
}

// MaxDateBytes bounds the text a date may span from its day's first digit:
// the longest written form, «27 كانون الثاني/ يناير 2015» with diacritics,
// is under a third of it.
const MaxDateBytes = 256

// dayDigits yields the byte offset of every run of digits (Western,
// Arabic-Indic or Eastern) in text that is not preceded by a digit:
// where a day may start. Diacritics and tatweel, which arabic.Normalize
// drops, do not interrupt a run.
func dayDigits(text string) func(yield func(int) bool) {
	return func(yield func(int) bool) {
		prev := false
		for i, r := range text {
			switch {
			case isDigitRune(r):
				if !prev && !yield(i) {
					return
				}
				prev = true
			case arabic.IsDiacritic(r) || r == arabic.Tatweel:
			default:
				prev = false
			}
		}
	}
}

// firstWords holds the first word of every month name, Gregorian and
// Hijri, normalized: the word that must follow a day.
var firstWords = map[string]bool{}

// mayStartDate reports whether text, which starts with a run of digits,
// can start a date: one or two digits, optional spaces, then a word that
// begins with the first word of a month name. It is exact (it refuses only what the regular
// expressions would refuse) and cheap, so that the numbers of a long
// article cost a map lookup each.
func mayStartDate(text string) bool {
	digits, i := 0, 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if isDigitRune(r) {
			digits++
		} else if !arabic.IsDiacritic(r) && r != arabic.Tatweel {
			break
		}
		i += n
	}
	if digits > 2 {
		return false
	}
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !strings.ContainsRune(" \t\n\f\r", r) && !arabic.IsDiacritic(r) && r != arabic.Tatweel {
			break
		}
		i += n
	}
	start := i
	for i < len(text) && i-start < 64 {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !arabic.IsDiacritic(r) && r != arabic.Tatweel {
			break
		}
		i += n
	}
	// A month name may be glued to what follows it («شوالعام»): look
	// for one at the start of the word.
	word := arabic.Normalize(text[start:i])
	for j := range word {
		if j > 0 && firstWords[word[:j]] {
			return true
		}
	}
	return firstWords[word]
}

func isDigitRune(r rune) bool {
	return r >= '0' && r <= '9' || r >= '٠' && r <= '٩' || r >= '۰' && r <= '۹'
}

// match applies re at the start of norm and returns its submatch
// offsets. When norm was cut from a longer text, a match that needs the
// end of the text ($) is refused: the next character is unknown.
func match(re *regexp.Regexp, norm string, cut bool) []int {
	m := re.FindStringSubmatchIndex(norm)
	if m == nil || cut && m[1] == len(norm) {
		return nil
	}
	return m
}

// gregorian reads a valid Gregorian date at the start of normalized text.
func gregorian(norm string, cut bool) (time.Time, bool) {
	m := match(dateRE, norm, cut)
	if m == nil {
		return time.Time{}, false
	}
	sub := func(k int) string {
		if m[2*k] < 0 {
			return ""
		}
		return norm[m[2*k]:m[2*k+1]]
	}
	day, _ := strconv.Atoi(sub(1))
	mon := months[sub(2)]
	if sub(3) != "" && months[sub(3)] != mon {
		return time.Time{}, false
	}
	year, _ := strconv.Atoi(sub(4))
	if year < 1900 || year > 2200 {
		return time.Time{}, false
	}
	t := time.Date(year, mon, day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day || t.Month() != mon {
		return time.Time{}, false
	}
	return t, true
}

// MaxTextDrift is how far a date stated in the text may lie from the
// input's own date and still be believed (see Choose).
const MaxTextDrift = 2 * 24 * time.Hour

// Choose picks an article's date. In: the text to search (title and
// body) and the date the input itself carries (a CMS record's date field;
// "" when it has none). Out: the date, whether it came from the text, and
// whether there is one at all.
//
// The rule: the input's own date wins, with its time of day when it has
// one (2015-08-03 20:54:51 stays 20:54:51). A date found in the text is
// used only when the input has none. When both exist, the text can never
// move the date: a date in the story years away (a 1988 anniversary) is
// refused, and one within MaxTextDrift is taken as confirming the input.
func Choose(text, input string) (t time.Time, fromText, ok bool) {
	if strings.TrimSpace(input) != "" {
		if t, ok := Parse(input); ok {
			return t, false, true
		}
	}
	if t, ok := Find(text); ok {
		return t, true, true
	}
	return time.Time{}, false, false
}

// Near reports whether a date found in the text, t, agrees with the
// input's own date ref (within MaxTextDrift).
func Near(t, ref time.Time) bool {
	d := t.Sub(ref)
	return d <= MaxTextDrift && d >= -MaxTextDrift
}

// HasTime reports whether t carries a time of day (not midnight UTC).
func HasTime(t time.Time) bool {
	t = t.UTC()
	return t.Hour() != 0 || t.Minute() != 0 || t.Second() != 0
}

// FrontMatter formats an article's date for front matter and list
// ordering: "2006-01-02" for a date alone, RFC 3339 in UTC
// ("2015-08-03T20:54:51Z") when the input gave a time of day. Both sort
// correctly as strings among themselves and Hugo reads both; lists should
// order by this date, then by article ID, in both languages.
func FrontMatter(t time.Time) string {
	if HasTime(t) {
		return t.UTC().Format(time.RFC3339)
	}
	return t.UTC().Format("2006-01-02")
}

// Parse reads a date as written in metadata: RFC 3339, "2006-01-02",
// "2006-01-02 15:04:05", or an Arabic date that Find understands.
func Parse(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02", "2006/01/02", "02/01/2006"} {
		if t, err := time.Parse(layout, arabic.WesternDigits(s)); err == nil {
			return t.UTC(), true
		}
	}
	return Find(s)
}
