package dates

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/jisr-news/jisr/generator/arabic"
)

// Hijri dates («24 شوال 1436هـ») are converted with the arithmetical
// (tabular) Islamic calendar: months alternate 30 and 29 days, the last
// month has 30 days in the 11 leap years of each 30-year cycle (2, 5, 7,
// 10, 13, 16, 18, 21, 24, 26, 29: the "type II" rule used by most
// software), and 1 Muharram 1 AH is Friday 16 July 622 (Julian), Julian
// Day Number 1948440. Saudi Arabia's official Umm al-Qura calendar is set
// by astronomical rules and may differ from the tabular one by a day or
// two; a converted date is therefore never more precise than ±2 days,
// which is why an input's own date (when it has one) wins over it.
//
// Written by hand: the rule is four lines of arithmetic and no maintained
// Go library offers it.

var hijriMonths = map[string]int{}

var hijriRE *regexp.Regexp

func init() {
	add := func(m int, names ...string) {
		for _, n := range names {
			hijriMonths[arabic.Normalize(n)] = m
		}
	}
	add(1, "محرم")
	add(2, "صفر")
	add(3, "ربيع الأول", "ربيع الاول")
	add(4, "ربيع الثاني", "ربيع الآخر")
	add(5, "جمادى الأولى", "جمادى الاولى", "جمادى الأول")
	add(6, "جمادى الآخرة", "جمادى الثانية", "جمادى الآخر")
	add(7, "رجب")
	add(8, "شعبان")
	add(9, "رمضان")
	add(10, "شوال")
	add(11, "ذو القعدة", "ذي القعدة")
	add(12, "ذو الحجة", "ذي الحجة")
	var names []string
	for n := range hijriMonths {
		names = append(names, regexp.QuoteMeta(n))
		firstWords[strings.Fields(n)[0]] = true
	}
	sortByLenDesc(names)
	// The year must carry the Hijri mark (هـ, ه, or the word هجري/هجرية)
	// unless it is below 1500, so that «رمضان 2015» is never read as AH.
	hijriRE = regexp.MustCompile(`^([0-9]{1,2})\s*(` + strings.Join(names, "|") + `)\s*(?:سنه|عام)?\s*([0-9]{4})\s*(ه|هجري|هجريه)?(?:[^0-9]|$)`)
}

// HijriToGregorian converts a day of the tabular Islamic calendar (see the
// package comment on Hijri dates) to its Gregorian date at midnight UTC.
// It returns false for a month outside 1–12 or a day outside 1–30.
func HijriToGregorian(year, month, day int) (time.Time, bool) {
	if month < 1 || month > 12 || day < 1 || day > 30 || year < 1 {
		return time.Time{}, false
	}
	if day == 30 && month%2 == 0 && (month != 12 || !hijriLeap(year)) {
		return time.Time{}, false // a 29-day month
	}
	jdn := day + (59*(month-1)+1)/2 + (year-1)*354 + (3+11*year)/30 + 1948440 - 1
	const unixJDN = 2440588 // 1 January 1970
	return time.Unix(int64(jdn-unixJDN)*86400, 0).UTC(), true
}

func hijriLeap(year int) bool { return (14+11*year)%30 < 11 }

// hijri reads a valid Hijri date at the start of normalized text (see
// Find).
func hijri(norm string, cut bool) (time.Time, bool) {
	m := match(hijriRE, norm, cut)
	if m == nil {
		return time.Time{}, false
	}
	day, _ := strconv.Atoi(norm[m[2]:m[3]])
	mon := hijriMonths[norm[m[4]:m[5]]]
	year, _ := strconv.Atoi(norm[m[6]:m[7]])
	if year < 1300 || year > 1600 {
		return time.Time{}, false
	}
	return HijriToGregorian(year, mon, day)
}
