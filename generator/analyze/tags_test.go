package analyze

import (
	"testing"

	"github.com/jisr-news/jisr/generator/arabic"
)

func tagIDs(ts []Tag) map[string]float64 {
	m := map[string]float64{}
	for _, t := range ts {
		m[t.ID] = t.Score
	}
	return m
}

func TestTags(t *testing.T) {
	for _, c := range []struct {
		name, text string
		input      []string
		want, not  []string
	}{
		{"football, specific over sport",
			"فاز المنتخب الوطني في مباراة كرة القدم.\nوقال مدرب المنتخب الوطني إن اللاعب أصيب في المباراة.\nوتأهل الفريق إلى كأس العالم.",
			nil, []string{"football"}, []string{"sport", "health"}},
		{"oil, with clitics and article",
			"ارتفعت أسعار النفط اليوم.\nوقالت أوبك إن إنتاج النفط سيزيد، وتراجع سعر برميل النفط.",
			nil, []string{"oil-and-gas"}, []string{"football"}},
		{"one weak hit is not enough",
			"قال المسؤول إن الحرب انتهت.",
			nil, nil, []string{"war", "conflict-war-and-peace"}},
		{"hajj",
			"بدأ الحجاج التوافد إلى مكة المكرمة لأداء الحج.\nووصل آلاف الحجاج إلى المشاعر المقدسة.",
			nil, []string{"religious-ritual"}, nil},
		{"eid is a religious festival",
			"أدى المصلون صلاة العيد في الساحات صباح أول أيام عيد الفطر.\nوتبادل الأهالي التهاني في احتفالات العيد.",
			nil, []string{"religious-festival-and-holiday"}, nil},
		{"a birthday or a national day is not a religious festival",
			"احتفلت الأسرة بعيد ميلاد ابنها الأول.\nوأقيم حفل عيد ميلاد في المنزل، وشارك الأطفال في عيد الاستقلال.",
			nil, nil, []string{"religious-festival-and-holiday"}},
		{"a canal is not a television channel",
			"عبرت السفن قناة السويس الجديدة.\nوقالت هيئة القناة إن حركة الملاحة في القناة زادت.\nوافتتحت القناة الجديدة رسميا.",
			nil, nil, []string{"television"}},
		{"a television channel",
			"بثت القناة الفضائية برنامجا تلفزيونيا جديدا.\nوقالت القناة التلفزيونية إن المسلسل يعرض في رمضان.",
			nil, []string{"television"}, nil},
		{"input tags: IPTC by label, free tag kept",
			"خبر قصير.",
			[]string{"economy", "Jisr Weekly", "سياسة"}, []string{"economy", "jisr-weekly", "politics-and-government"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := articleFromLines("t", c.text)
			a.Tags = c.input
			got := Analyze(a).Tags
			if len(got) > MaxTags {
				t.Errorf("%d tags", len(got))
			}
			ids := tagIDs(got)
			for _, w := range c.want {
				if _, ok := ids[w]; !ok {
					t.Errorf("tags %v lack %q", ids, w)
				}
			}
			for _, n := range c.not {
				if _, ok := ids[n]; ok {
					t.Errorf("tags %v have %q", ids, n)
				}
			}
			for _, g := range got {
				if g.LabelEN == "" || g.LabelAR == "" || g.ID == "" {
					t.Errorf("incomplete tag %+v", g)
				}
			}
		})
	}
}

func TestTopicsHaveLabels(t *testing.T) {
	for q, tp := range Topics() {
		if tp.EN == "" || tp.QCode != q {
			t.Errorf("topic %s: %+v", q, tp)
		}
	}
	if len(defaultTagger().byFirst) < 200 {
		t.Errorf("only %d trigger words", len(defaultTagger().byFirst))
	}
}

// TestIPTCLabels checks the displayed Arabic labels: every topic has one,
// no two topics share one, and each corrected one differs from IPTC's.
func TestIPTCLabels(t *testing.T) {
	tg := defaultTagger()
	seen := map[string]string{}
	for q, tp := range tg.topics {
		if tp.AR == "" {
			t.Errorf("%s (%s) has no Arabic label", q, tp.EN)
		}
		k := arabic.Normalize(tp.AR)
		if other, ok := seen[k]; ok {
			t.Errorf("%s and %s both show «%s»", q, other, tp.AR)
		}
		seen[k] = q
	}
	if got := tg.topics["medtop:20001065"].AR; got != "كرة القدم" {
		t.Errorf("football shows «%s»", got)
	}
}
