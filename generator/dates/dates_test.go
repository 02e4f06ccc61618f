package dates

import (
	"testing"
	"time"
)

func TestFind(t *testing.T) {
	d := func(y int, m time.Month, day int) string {
		return time.Date(y, m, day, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
	}
	tests := []struct {
		name, text, want string
	}{
		{"seed paired form", "اتفق العراق وكل من روسيا وإيران وسوريا الأحد 27 سبتمبر/ أيلول 2015، على تبادل", d(2015, 9, 27)},
		{"egyptian only", "في 3 يونيو 2014 أعلن", d(2014, 6, 3)},
		{"levantine only", "الخميس 1 حزيران 2014", d(2014, 6, 1)},
		{"two-word levantine", "في 5 كانون الثاني 2016", d(2016, 1, 5)},
		{"arabic-indic digits", "الأحد ٢٧ سبتمبر ٢٠١٥", d(2015, 9, 27)},
		{"eastern digits", "۲۷ سبتمبر ۲۰۱۵", d(2015, 9, 27)},
		{"hamza-less month", "في 2 اغسطس 2015", d(2015, 8, 2)},
		{"no space before year comma", "27 سبتمبر, 2015", d(2015, 9, 27)},
		{"month-year only is not a date", "منذ يونيو/ حزيران 2014 على مناطق", ""},
		{"invalid day skipped", "31 فبراير 2015 ثم 2 مارس 2015", d(2015, 3, 2)},
		{"disagreeing pair skipped", "27 سبتمبر/ حزيران 2015", ""},
		{"undated", "قال الرئيس إن الاجتماع سيعقد غدا", ""},
		{"first of two", "في 1 يناير 2015 و 2 فبراير 2016", d(2015, 1, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Find(tt.text)
			s := ""
			if ok {
				s = got.Format("2006-01-02")
			}
			if s != tt.want {
				t.Errorf("Find(%q) = %q, want %q", tt.text, s, tt.want)
			}
		})
	}
}

func TestMonthWeekday(t *testing.T) {
	for _, tt := range []struct {
		w    string
		want time.Month
	}{{"سبتمبر", time.September}, {"أيلول", time.September}, {"ايلول", time.September}, {"تشرين الأول", time.October}, {"آب", time.August}} {
		if m, ok := Month(tt.w); !ok || m != tt.want {
			t.Errorf("Month(%q) = %v, %v; want %v", tt.w, m, ok, tt.want)
		}
	}
	if _, ok := Month("الأحد"); ok {
		t.Error("Month(الأحد) matched")
	}
	for _, tt := range []struct {
		w    string
		want time.Weekday
	}{{"الأحد", time.Sunday}, {"الاثنين", time.Monday}, {"الإثنين", time.Monday}, {"السبت", time.Saturday}, {"جمعة", time.Friday}} {
		if d, ok := Weekday(tt.w); !ok || d != tt.want {
			t.Errorf("Weekday(%q) = %v, %v; want %v", tt.w, d, ok, tt.want)
		}
	}
}

func TestParse(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"2015-09-27", "2015-09-27"},
		{"2015-07-21 10:30:00", "2015-07-21"},
		{"2015-09-27T08:00:00+03:00", "2015-09-27"},
		{"٢٠١٥-٠٩-٢٧", "2015-09-27"},
		{"27 سبتمبر 2015", "2015-09-27"},
	} {
		got, ok := Parse(tt.in)
		if !ok || got.Format("2006-01-02") != tt.want {
			t.Errorf("Parse(%q) = %v, %v; want %s", tt.in, got, ok, tt.want)
		}
	}
	if _, ok := Parse("yesterday"); ok {
		t.Error("Parse(yesterday) succeeded")
	}
}

func TestHijri(t *testing.T) {
	tests := []struct{ text, want string }{
		// 1 Shawwal 1436 is 18 July 2015 by the tabular rule (Umm
		// al-Qura: 17 July, the documented ±2 days).
		{"صدر في 1 شوال 1436هـ", "2015-07-18"},
		{"الموافق 24 شوال 1436 هـ", "2015-08-10"},
		{"في 1 محرم 1437هـ", "2015-10-15"},
		{"7 ذو الحجة 1436ه", "2015-09-21"},
		{"30 صفر 1436هـ", ""}, // Safar has 29 days
		{"في رمضان 2015", ""},
	}
	for _, tt := range tests {
		got, ok := Find(tt.text)
		s := ""
		if ok {
			s = got.Format("2006-01-02")
		}
		if s != tt.want {
			t.Errorf("Find(%q) = %q, want %q", tt.text, s, tt.want)
		}
	}
	// In a Hijri/Gregorian pair the exact Gregorian date wins.
	got, _ := Find("الأحد 24 شوال 1436هـ الموافق 9 أغسطس 2015")
	if got.Format("2006-01-02") != "2015-08-09" {
		t.Errorf("paired Hijri/Gregorian = %v", got)
	}
}

func TestChoose(t *testing.T) {
	text := "في 3 أغسطس 1988 وقعت الحادثة"
	d, fromText, ok := Choose(text, "2015-08-03 20:54:51")
	if !ok || fromText || d.Format(time.RFC3339) != "2015-08-03T20:54:51Z" {
		t.Errorf("Choose with an input date = %v %v %v, want the input's date and time", d, fromText, ok)
	}
	d, fromText, ok = Choose(text, "")
	if !ok || !fromText || d.Year() != 1988 {
		t.Errorf("Choose without an input date = %v %v %v", d, fromText, ok)
	}
	if _, _, ok := Choose("لا تاريخ", "not a date"); ok {
		t.Error("Choose found a date in neither")
	}
	if Near(time.Date(1988, 8, 3, 0, 0, 0, 0, time.UTC), time.Date(2015, 8, 3, 0, 0, 0, 0, time.UTC)) {
		t.Error("a date 27 years away is Near")
	}
	if FrontMatter(d) != "1988-08-03" || FrontMatter(time.Date(2015, 8, 3, 20, 54, 51, 0, time.UTC)) != "2015-08-03T20:54:51Z" {
		t.Errorf("FrontMatter = %q", FrontMatter(d))
	}
}
