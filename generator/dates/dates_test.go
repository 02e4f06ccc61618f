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
