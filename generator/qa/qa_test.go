package qa

import (
	"bufio"
	"github.com/jisr-news/jisr/internal/testenv"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/analyze"
	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/generator/translate"
	"github.com/jisr-news/jisr/generator/translate/gist"
)

func seg(ar, en string) store.Segment {
	return store.Segment{ID: "p1-1", Kind: article.KindParagraph, Block: 1, AR: ar, EN: en, Status: translate.StatusMachine}
}

func checks(fs []Finding, name string) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Check == name {
			out = append(out, f)
		}
	}
	return out
}

var putin = analyze.Entity{ID: "vladimir-putin", Type: analyze.Person, NameEN: "Vladimir Putin", NameAR: "فلاديمير بوتين", Known: true,
	Mentions: []analyze.Mention{{Segment: "p1-1", Surface: "بوتين"}}}
var russia = analyze.Entity{ID: "russia", Type: analyze.Place, NameEN: "Russia", NameAR: "روسيا", Known: true,
	Mentions: []analyze.Mention{{Segment: "p1-1", Surface: "الروسي"}}}
var cbs = analyze.Entity{ID: "cbs", NameEN: "CBS", NameAR: "سي بي إس", Known: true}
var abadi = analyze.Entity{ID: "haider-al-abadi", NameEN: "Haider al-Abadi", NameAR: "حيدر العبادي", Known: true}
var putinTwice = analyze.Entity{ID: "vladimir-putin", NameEN: "Vladimir Putin", NameAR: "فلاديمير بوتين", Known: true,
	Mentions: []analyze.Mention{{Segment: "p0-1", Surface: "فلاديمير بوتين"}, {Segment: "p1-1", Surface: "بوتين"}}}
var guessed = analyze.Entity{ID: "x", NameEN: "Xyz", NameAR: "س", Known: false}

// TestChecks has, for every check, cases that must fire and cases that
// must not.
func TestChecks(t *testing.T) {
	tests := []struct {
		check  string
		name   string
		ar, en string
		ents   []analyze.Entity
		fire   bool
		substr string // part of the message, when firing
	}{
		{CheckEmpty, "empty English", "قال الرئيس", "", nil, true, "empty"},
		{CheckEmpty, "blank English", "قال الرئيس", "  \n", nil, true, "empty"},
		{CheckEmpty, "translated", "قال الرئيس", "The president said", nil, false, ""},

		{CheckUntranslated, "source copied", "قال الرئيس", "قال الرئيس", nil, true, "untranslated"},
		{CheckUntranslated, "Latin-only source kept", "CBS", "CBS", nil, false, ""},
		{CheckUntranslated, "translated", "قال الرئيس", "The president said", nil, false, ""},

		{CheckArabicScript, "Arabic word left", "قال الرئيس السوري", "The Syrian الرئيس said", nil, true, "الرئيس"},
		{CheckArabicScript, "all Latin", "قال الرئيس السوري", "The Syrian president said", nil, false, ""},
		{CheckArabicScript, "Arabic comma is not script", "قال، الرئيس", "He said، the president", nil, false, ""},

		{CheckNumbers, "number dropped", "قتل 12 شخصا", "People were killed", nil, true, "12 in the Arabic"},
		{CheckNumbers, "number added", "قتل أشخاص", "15 people were killed", nil, true, "15 in the English"},
		{CheckNumbers, "number changed", "عام 2015", "in 2014", nil, true, "2015"},
		{CheckNumbers, "Arabic-Indic digits", "في عام ٢٠١٥", "in 2015", nil, false, ""},
		{CheckNumbers, "Eastern digits", "في عام ۲۰۱۵", "in 2015", nil, false, ""},
		{CheckNumbers, "Arabic-Indic digits wrong", "في عام ٢٠١٥", "in 2016", nil, true, "2015"},
		{CheckNumbers, "percentage sign", "ارتفع بنسبة ٥٠٪", "rose by 50%", nil, false, ""},
		{CheckNumbers, "percentage words", "ارتفع 50 في المئة", "rose 50 percent", nil, false, ""},
		{CheckNumbers, "percentage lost", "ارتفع 50 في المئة", "rose 50 points", nil, true, "percentage"},
		{CheckNumbers, "Arabic decimal separator", "نما ٢٫٥ مليون", "grew 2.5 million", nil, false, ""},
		{CheckNumbers, "thousands separators", "١٬٥٠٠ جندي", "1,500 soldiers", nil, false, ""},
		{CheckNumbers, "English number word", "ممثلي الدول الـ4", "representatives of the four countries", nil, false, ""},
		{CheckNumbers, "Arabic number word", "ثلاثة أيام", "3 days", nil, false, ""},
		{CheckNumbers, "Arabic number word with clitic", "وثلاثة أيام", "and 3 days", nil, false, ""},
		{CheckNumbers, "English ordinal", "في القرن التاسع عشر", "in the 19th century", nil, false, ""},
		{CheckNumbers, "English decade", "في ثلاثينيات القرن", "in the 1930s", nil, false, ""},
		{CheckNumbers, "English plural of a number is not a decade", "قتل أشخاص", "in the 1935s", nil, true, "1935"},
		{CheckNumbers, "day and year of a date", "الأحد 27 سبتمبر 2015", "Sunday, September 27, 2015", nil, false, ""},

		{CheckDates, "month dropped", "في 27 سبتمبر 2015", "on 27, 2015", nil, true, "September"},
		{CheckDates, "Levantine month", "في 27 أيلول 2015", "on 27 September 2015", nil, false, ""},
		{CheckDates, "two-word Levantine month", "منذ كانون الثاني 2014", "since January 2014", nil, false, ""},
		{CheckDates, "paired month names", "منذ يونيو/ حزيران 2014", "since June 2014", nil, false, ""},
		{CheckDates, "wrong month", "منذ يونيو/ حزيران 2014", "since July 2014", nil, true, "June"},
		{CheckDates, "abbreviated English month", "في 3 سبتمبر", "on Sept. 3", nil, false, ""},
		{CheckDates, "verb that looks like a month", "مارس الرئيس ضغوطا", "The president exerted pressure", nil, false, ""},
		{CheckDates, "weekday dropped", "قالت الأحد إن", "said that", nil, true, "Sunday"},
		{CheckDates, "weekday kept", "قالت الأحد إن", "said on Sunday that", nil, false, ""},
		{CheckDates, "weekday with a conjunction", "يومي الاثنين والثلاثاء", "on Monday and Tuesday", nil, false, ""},
		{CheckDates, "weekday with a conjunction dropped", "يومي الاثنين والثلاثاء", "on Monday", nil, true, "Tuesday"},
		{CheckDates, "weekday invented", "قالت إن", "said on Monday that", nil, true, "Monday"},
		{CheckDates, "month invented", "قالت إن", "said in October that", nil, true, "October"},
		{CheckDates, "May is a verb", "قد يحدث", "It May happen", nil, false, ""},

		{CheckLength, "far too short", "قال الرئيس الروسي فلاديمير بوتين إن الرئيس السوري يستحق الدعم", "Putin spoke.", nil, true, "times"},
		{CheckLength, "far too long", "قال الرئيس الروسي بوتين", "The Russian president, Vladimir Putin, said this at great length, repeating himself many times over and over.", nil, true, "times"},
		{CheckLength, "normal", "قال الرئيس الروسي فلاديمير بوتين إن الرئيس السوري يستحق الدعم", "Russian President Vladimir Putin said the Syrian president deserves support", nil, false, ""},
		{CheckLength, "short heading not measured", "مخاوف روسيا", "Russia's fears about the future of the region", nil, false, ""},

		{CheckEntity, "gazetteer name used", "قال بوتين", "Putin said", []analyze.Entity{putin}, false, ""},
		{CheckEntity, "full name used", "قال بوتين", "Vladimir Putin said", []analyze.Entity{putin}, false, ""},
		{CheckEntity, "other spelling", "قال بوتين", "Poutine said", []analyze.Entity{putin}, true, "Vladimir Putin"},
		{CheckEntity, "adjective from the name", "القلق الروسي", "Russian concern", []analyze.Entity{russia}, false, ""},
		{CheckEntity, "name in brackets", "مقابلة مع (سي.بي.إس)", "An interview with (CBS)", []analyze.Entity{cbs}, false, ""},
		{CheckEntity, "hyphenated name", "قال العبادي", "al-Abadi said", []analyze.Entity{abadi}, false, ""},
		{CheckEntity, "surface of this segment", "قال بوتين", "Poutine said", []analyze.Entity{putinTwice}, true, "«بوتين»"},
		{CheckEntity, "place dropped", "القلق الروسي", "the concern", []analyze.Entity{russia}, true, "Russia"},
		{CheckEntity, "unknown entity not checked", "س", "nothing", []analyze.Entity{guessed}, false, ""},

		{CheckQuestion, "question mark kept", "هل يستحق الدعم؟", "Does he deserve support?", nil, false, ""},
		{CheckQuestion, "Arabic question mark copied", "هل يستحق الدعم؟", "Does he deserve support؟", nil, true, "«?»"},
		{CheckQuestion, "question lost", "هل يستحق الدعم؟", "He deserves support.", nil, true, "1 in the Arabic, 0 in the English"},
		{CheckQuestion, "question invented", "يستحق الدعم.", "Does he deserve support?", nil, true, "0 in the Arabic, 1 in the English"},

		{CheckPunctuation, "Arabic comma", "قال، الرئيس", "He said، the president", nil, true, "،"},
		{CheckPunctuation, "Arabic semicolon", "قال؛ الرئيس", "He said؛ the president", nil, true, "؛"},
		{CheckPunctuation, "Arabic-Indic digits", "في عام ٢٠١٥", "in ٢٠١٥", nil, true, "Western digits"},
		{CheckPunctuation, "Western digits", "في عام ٢٠١٥", "in 2015", nil, false, ""},
		{CheckPunctuation, "Latin punctuation", "قال، الرئيس", "He said, the president", nil, false, ""},

		{CheckQuotes, "guillemets to curly quotes", "قال «نعم» أمس", "He said “yes” yesterday", nil, false, ""},
		{CheckQuotes, "straight quotes", `قال "نعم" أمس`, `He said "yes" yesterday`, nil, false, ""},
		{CheckQuotes, "closing quote lost", "قال «نعم» أمس", "He said “yes yesterday", nil, true, "unbalanced"},
		{CheckQuotes, "quotes dropped", "قال «نعم» أمس", "He said yes yesterday", nil, true, "does not"},
		{CheckQuotes, "British single quotes", "قال «نعم» أمس", "He said 'yes' yesterday", nil, false, ""},
		{CheckQuotes, "Arabic unbalanced too (split quotation)", `وأشارت إلى أن التنسيق جاء "مع تزايد القلق`, `She said the coordination came "with growing concern`, nil, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.check+"/"+tt.name, func(t *testing.T) {
			got := checks(Check(seg(tt.ar, tt.en), tt.ents), tt.check)
			if tt.fire && len(got) == 0 {
				t.Fatalf("%s did not fire on %q → %q; all findings: %v", tt.check, tt.ar, tt.en, Check(seg(tt.ar, tt.en), tt.ents))
			}
			if !tt.fire && len(got) > 0 {
				t.Fatalf("%s fired on %q → %q: %v", tt.check, tt.ar, tt.en, got)
			}
			if tt.fire && !strings.Contains(got[0].Message, tt.substr) {
				t.Errorf("message %q lacks %q", got[0].Message, tt.substr)
			}
			if tt.fire && got[0].Segment != "p1-1" {
				t.Errorf("finding names segment %q", got[0].Segment)
			}
		})
	}
}

func TestStale(t *testing.T) {
	s := seg("قال الرئيس", "The president said")
	if len(checks(Check(s, nil), CheckStale)) != 0 {
		t.Error("stale fired on a machine segment")
	}
	s.Status = translate.StatusStale
	if len(checks(Check(s, nil), CheckStale)) != 1 {
		t.Error("stale did not fire on a stale segment")
	}
}

func TestCanonicalNumber(t *testing.T) {
	for in, want := range map[string]string{
		"2015": "2015", "007": "7", "2.50": "2.5", "2,5": "2.5", "1,500": "1500", "1,500,000": "1500000",
		"1.500.000": "1500000", "1,500.25": "1500.25", "1.500,25": "1500.25", "2٫5": "2.5", "1٬500": "1500", "0": "0",
	} {
		if got := canonicalNumber(in); got != want {
			t.Errorf("canonicalNumber(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCheckArticleMapsMentions(t *testing.T) {
	f := &store.File{Article: "a", Segments: []store.Segment{
		{ID: "title", Kind: article.KindTitle, AR: "بوتين", EN: "Putin", Status: translate.StatusMachine},
		{ID: "p1-1", Kind: article.KindParagraph, Block: 1, AR: "قال بوتين", EN: "Poutine said", Status: translate.StatusMachine},
	}}
	got := checks(CheckArticle(f, analyze.Result{Entities: []analyze.Entity{putin}}), CheckEntity)
	if len(got) != 1 || got[0].Segment != "p1-1" || got[0].Article != "a" {
		t.Fatalf("entity findings = %v, want one on a#p1-1", got)
	}
}

func TestSegmentLinesAndProject(t *testing.T) {
	fs := afero.NewMemMapFs()
	f := &store.File{Article: "a", Segments: []store.Segment{
		{ID: "title", Kind: article.KindTitle, AR: "عنوان", EN: "Title", Status: translate.StatusReviewed},
		{ID: "p1-1", Kind: article.KindParagraph, Block: 1, AR: "قتل 12 شخصا", EN: "People were killed", Status: translate.StatusMachine},
		{ID: "p1-2", Kind: article.KindParagraph, Block: 1, AR: "وقال", EN: "", Status: translate.StatusGist},
	}}
	if err := store.Save(fs, store.Path("/c", "a"), f); err != nil {
		t.Fatal(err)
	}
	data, _ := afero.ReadFile(fs, store.Path("/c", "a"))
	lines := store.SegmentLines(data)
	text := strings.Split(string(data), "\n")
	// The line of the English text: under "en: |-", or the en: line of an
	// empty one.
	for i, id := range []string{"title", "p1-1", "p1-2"} {
		l := lines[id]
		if l < 2 {
			t.Fatalf("line of %s = %d", id, l)
		}
		got, prev := strings.TrimSpace(text[l-1]), strings.TrimSpace(text[l-2])
		if en := f.Segments[i].EN; !(en == "" && got == `en: ""` || prev == "en: |-" && got == en) {
			t.Errorf("line of %s = %d (%q after %q), want its English", id, l, got, prev)
		}
	}
	r, err := CheckProject(fs, "/c")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Articles) != 1 || r.Articles[0].Total != 3 || r.Articles[0].Reviewed() != 33 {
		t.Fatalf("report = %+v", r.Articles)
	}
	if r.Unreviewed() != 2 {
		t.Errorf("unreviewed = %d, want 2", r.Unreviewed())
	}
	var out strings.Builder
	r.Write(&out, func(a, s string) string { return "https://x/en/review/" + a + "/#seg-" + s })
	for _, want := range []string{
		"a: 3 segments, 33% reviewed (gist 1, machine 1, stale 0, reviewed 1)",
		"/c/articles/a/segments.yaml:" + strconv.Itoa(lines["p1-1"]) + " [p1-1] numbers:",
		"https://x/en/review/a/#seg-p1-1",
		"[p1-2] empty",
		"total: 1 articles, 3 segments",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}

func readLines(t testing.TB, p string) []string {
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	return out
}

// TestFalseAlarmsOnProfessionalTranslations runs the checks over 1,007
// professional NTREX translations and bounds the share of sentences that
// each check flags: QA that cries wolf is not read. Skipped without
// ../shared/data.
func TestFalseAlarmsOnProfessionalTranslations(t *testing.T) {
	ar := readLines(t, testenv.SharedData(t, "ntrex-dev/ar.txt"))
	en := readLines(t, testenv.SharedData(t, "ntrex-dev/en.txt"))
	if len(ar) != len(en) {
		t.Fatalf("ntrex: %d Arabic lines, %d English", len(ar), len(en))
	}
	fired := map[string]int{}
	an := analyze.Default()
	for i := range ar {
		seen := map[string]bool{}
		// The entities analysis finds, as CheckArticle passes them.
		ents := an.Entities([]article.Segment{{ID: "p1-1", Kind: article.KindParagraph, Text: ar[i]}})
		for _, f := range Check(seg(ar[i], en[i]), ents) {
			if !seen[f.Check] {
				seen[f.Check] = true
				fired[f.Check]++
			}
		}
	}
	// Bounds: the rates measured when the checks were written, with room.
	limits := map[string]float64{CheckLength: 0.01, CheckNumbers: 0.08, CheckDates: 0.03, CheckQuestion: 0.02,
		CheckArabicScript: 0.005, CheckPunctuation: 0.005, CheckQuotes: 0.04, CheckRomanized: 0.05, CheckEmpty: 0, CheckUntranslated: 0}
	for c, lim := range limits {
		rate := float64(fired[c]) / float64(len(ar))
		t.Logf("%-14s flags %4d of %d sentences (%.1f%%)", c, fired[c], len(ar), 100*rate)
		if rate > lim {
			t.Errorf("%s flags %.1f%% of professional translations, limit %.1f%%", c, 100*rate, 100*lim)
		}
	}
}

// BenchmarkCheck measures the checks on professional NTREX sentence pairs:
// go test ./generator/qa -bench Check -run XXX
func BenchmarkCheck(b *testing.B) {
	ar := readLines(b, testenv.SharedData(b, "ntrex-dev/ar.txt"))
	en := readLines(b, testenv.SharedData(b, "ntrex-dev/en.txt"))
	segs := make([]store.Segment, len(ar))
	for i := range ar {
		segs[i] = seg(ar[i], en[i])
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range segs {
			Check(s, []analyze.Entity{putin, russia})
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(segs)), "ns/segment")
}

// TestRomanized has cases that must fire and cases that must not.
func TestRomanized(t *testing.T) {
	tests := []struct {
		ar, en string
		ents   []analyze.Entity
		fire   bool
	}{
		{"وقال مؤيدو الرئيس", "And said Moydo the president", nil, true},
		{"نجت الطائرة", "Njt the plane", nil, true},
		{"قال بوتين", "Putin said", []analyze.Entity{putin}, false},
		{"قال بوتين", "Putin said", nil, false}, // a name, not vocabulary
		{"قال الرئيس إن الحكومة", "The president said that the government", nil, false},
		{"مؤيدو الرئيس", "The president's supporters", nil, false},
		{"صلاة العيد في رمضان", "Eid prayers in Ramadan", nil, false},
	}
	for _, tt := range tests {
		got := checks(Check(seg(tt.ar, tt.en), tt.ents), CheckRomanized)
		if (len(got) > 0) != tt.fire {
			t.Errorf("%q / %q: findings %v, want fire=%v", tt.ar, tt.en, got, tt.fire)
		}
	}
}

// TestRomanizedOnGist measures the romanized check where it should fire:
// on the offline gist of the same 1,007 NTREX sentences, whose unknown
// words are romanized. It logs the share of sentences flagged beside the
// share of professional translations (TestFalseAlarmsOnProfessionalTranslations):
//
//	go test ./generator/qa -run 'RomanizedOnGist|FalseAlarms' -v
func TestRomanizedOnGist(t *testing.T) {
	ar := readLines(t, testenv.SharedData(t, "ntrex-dev/ar.txt"))
	g, err := gist.NewWithoutFreeDict()
	if err != nil {
		t.Fatal(err)
	}
	an := analyze.Default()
	fired := 0
	for _, s := range ar {
		ents := an.Entities([]article.Segment{{ID: "p1-1", Kind: article.KindParagraph, Text: s}})
		if len(checks(Check(seg(s, g.Gloss(s)), ents), CheckRomanized)) > 0 {
			fired++
		}
	}
	rate := float64(fired) / float64(len(ar))
	t.Logf("romanized flags %d of %d gist sentences (%.1f%%)", fired, len(ar), 100*rate)
	// Measured 9.5% when written, 2.4% once gist spelled unknown words
	// with the learned name speller (fewer consonant skeletons left),
	// 1.8% and then 1.0% as gist learned construct plurals, accusatives
	// and context senses (fewer common words left romanized, so fewer to
	// flag); professional translations: 2.7%. The floor guards the check
	// against going blind, not the gist's progress.
	if rate < 0.005 {
		t.Errorf("the romanized check flags only %.1f%% of gist output", 100*rate)
	}
}
