package segment

import (
	"reflect"
	"strings"
	"testing"

	"github.com/jisr-news/jisr/generator/article"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"two sentences", "قال الرئيس. ثم غادر.", []string{"قال الرئيس.", "ثم غادر."}},
		{"question mark", "هل اتفقوا؟ نعم اتفقوا", []string{"هل اتفقوا؟", "نعم اتفقوا"}},
		{"semicolon and bang", "أولا؛ ثانيا! ثالثا", []string{"أولا؛", "ثانيا!", "ثالثا"}},
		{"dotted abbreviation", "مقابلة مع شبكتي (سي.بي.إس) و(بي.بي.إس) الأمريكيتين بثها الكرملين.", []string{"مقابلة مع شبكتي (سي.بي.إس) و(بي.بي.إس) الأمريكيتين بثها الكرملين."}},
		{"latin dotted abbreviation", "He met U.S. officials. Then left.", []string{"He met U.S. officials.", "Then left."}},
		{"decimal", "ارتفع المؤشر 3.5 في المئة. وتراجع النفط.", []string{"ارتفع المؤشر 3.5 في المئة.", "وتراجع النفط."}},
		{"arabic-indic decimal", "نما ٣.٥ في المئة. ثم توقف", []string{"نما ٣.٥ في المئة.", "ثم توقف"}},
		{"title abbreviation", "قال د. محمد علي إن الوضع خطير.", []string{"قال د. محمد علي إن الوضع خطير."}},
		{"initial", "وصل J. Smith أمس. وغادر.", []string{"وصل J. Smith أمس.", "وغادر."}},
		{"closing quote stays", `قال بوتين "في رأيي هذا خطأ." ثم صمت.`, []string{`قال بوتين "في رأيي هذا خطأ."`, "ثم صمت."}},
		{"closing guillemet", "قال «انتهى الأمر.» وغادر", []string{"قال «انتهى الأمر.»", "وغادر"}},
		{"newline", "السطر الأول\nالسطر الثاني", []string{"السطر الأول", "السطر الثاني"}},
		{"ellipsis run", "انتظروا... ثم جاء", []string{"انتظروا...", "ثم جاء"}},
		{"no terminator", "بلا نهاية", []string{"بلا نهاية"}},
		{"empty", "  ", nil},
		{"seed quote end", `مؤكدة وجود تعاون مع التحالف الدولي والذي يضم 60 دولة تقف مع العراق في محاربة داعش".`, []string{`مؤكدة وجود تعاون مع التحالف الدولي والذي يضم 60 دولة تقف مع العراق في محاربة داعش".`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sentences(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestIsHeadingLike(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"لجنة استخباراتية فى بغداد", true},
		{"بوتين: الأسد يستحق دعم أمريكا", true},
		{"مخاوف روسيا", true},
		{"الدعم الروسي للأسد", true},
		{"قال الرئيس إن الاجتماع سيعقد غدا.", false},
		{"هل ينتهي الصراع؟", false},
		{"وقال:", false},
		{"وأشارت إلى أن التنسيق جاء مع تزايد القلق الروسي من تواجد آلاف الجهاديين من روسيا مع داعش", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := IsHeadingLike(tt.in); got != tt.want {
			t.Errorf("IsHeadingLike(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func kinds(bs []article.Block) string {
	var s []string
	for _, b := range bs {
		s = append(s, string(b.Kind[0]))
	}
	return strings.Join(s, "")
}

func TestStructure(t *testing.T) {
	tests := []struct {
		name, in, want string
		md             bool
	}{
		{"lines", "فقرة أولى طويلة بما يكفي لتكون فقرة.\nعنوان فرعي\nفقرة ثانية.", "php", false},
		{"blank lines ignored", "فقرة أولى.\n\n\nعنوان\n\nفقرة.", "php", false},
		{"last short line is a paragraph", "فقرة.\nخاتمة قصيرة", "pp", false},
		{"markdown", "# عنوان\n\nسطر أول\nسطر ثان.\n\nعنوان قصير\n\nفقرة أخيرة.", "hphp", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var bs []article.Block
			if tt.md {
				bs = Markdown(tt.in)
			} else {
				bs = Lines(tt.in)
			}
			if got := kinds(bs); got != tt.want {
				t.Errorf("kinds = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestStripInline(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"نص **عريض** و*مائل*", "نص عريض ومائل"},
		{"انظر [الموقع](https://example.com/a_b) هنا", "انظر الموقع هنا"},
		{"![صورة](x.png) تعليق", "صورة تعليق"},
		{"snake_case_name", "snake_case_name"},
		{"[غير مغلق", "[غير مغلق"},
	} {
		if got := StripInline(tt.in); got != tt.want {
			t.Errorf("StripInline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIDsStableWhenAnotherParagraphChanges(t *testing.T) {
	a := &article.Article{Blocks: Lines("الفقرة الأولى. جملة ثانية.\nعنوان\nالفقرة الثالثة. وجملة. وأخرى.")}
	Article(a)
	b := &article.Article{Blocks: Lines("الفقرة الأولى تغيرت كليا. وأضيفت جملة. وثالثة.\nعنوان\nالفقرة الثالثة. وجملة. وأخرى.")}
	Article(b)
	ids := func(a *article.Article, block int) []string {
		var s []string
		for _, seg := range a.Blocks[block].Segments {
			s = append(s, seg.ID+"="+seg.Text)
		}
		return s
	}
	if !reflect.DeepEqual(ids(a, 2), ids(b, 2)) || !reflect.DeepEqual(ids(a, 1), ids(b, 1)) {
		t.Errorf("IDs of untouched blocks moved: %v vs %v", ids(a, 2), ids(b, 2))
	}
	if got := ids(a, 2); got[0] != "p3-1=الفقرة الثالثة." || got[2] != "p3-3=وأخرى." {
		t.Errorf("unexpected IDs %v", got)
	}
	if a.Blocks[1].Segments[0].ID != "h2" {
		t.Errorf("heading ID = %s", a.Blocks[1].Segments[0].ID)
	}
}
