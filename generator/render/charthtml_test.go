package render

import (
	"strings"
	"testing"

	"github.com/jisr-news/jisr/generator/charts"
)

func TestChartsFragment(t *testing.T) {
	strs := map[string]string{"chart_showData": "Data & more", "chart_timelineHeading": "Over time", "chart_graphHeading": "With whom"}
	locs := map[string]*charts.Locale{"en": charts.NewLocale("en", strs)}
	data := []byte(`{"graph_svg":"<svg>g</svg>","graph_table":"<table>G</table>","timeline_svg":"<svg>t</svg>","timeline_table":"<table>T</table>"}`)
	name, html, ok := chartsFragment("entities/x/charts.en.json", data, locs)
	if !ok || name != "entities/x/charts.en.txt" {
		t.Fatalf("got %q, %v", name, ok)
	}
	got := string(html)
	// Timeline before graph, as the partial; strings escaped as the
	// template escapes them.
	if i, j := strings.Index(got, "<svg>t</svg>"), strings.Index(got, "<svg>g</svg>"); i < 0 || j < i {
		t.Errorf("pictures missing or out of order:\n%s", got)
	}
	if !strings.Contains(got, "<summary>Data &amp; more</summary><table>T</table>") {
		t.Errorf("summary or table wrong:\n%s", got)
	}
	for _, c := range []struct {
		rel  string
		data string
	}{
		{"entities/x/charts.ar.json", string(data)},              // no Arabic strings
		{"entities/x/charts.en.json", `{"status_svg":"<svg/>"}`}, // no status heading
		{"entities/x/charts.en.json", `not json`},
		{"entities/x/other.en.json", string(data)},
	} {
		if _, _, ok := chartsFragment(c.rel, []byte(c.data), locs); ok {
			t.Errorf("%s %s: fragment made, want the template's", c.rel, c.data)
		}
	}
}
