package charts

import (
	"bytes"
	"strconv"
	"strings"
)

// Statuses in the order the status bar draws them, weakest first.
var Statuses = []string{"untranslated", "gist", "machine", "stale", "reviewed"}

// statusStyle gives each status its fallback fill; gist and stale are also
// hatched, and every part is labelled, so colour is not the only cue.
var statusStyle = map[string]string{
	"untranslated": `fill="#9aa0a6"`,
	"gist":         `fill="url(#st-hatch)"`,
	"machine":      `fill="#6b9bd1"`,
	"stale":        `fill="url(#st-cross)"`,
	"reviewed":     `fill="#2f855a"`,
}

// Status bar geometry.
const (
	stW         = 420
	stBarH      = 26
	stLegendGap = 132 // legend column width
)

// StatusChart draws the segments of the site by status as one stacked bar
// with a labelled legend, for the review dashboard. counts maps a status
// (see Statuses) to its segments; other keys are ignored. An empty figure
// when there are no segments.
func StatusChart(counts map[string]int, loc *Locale) Figure {
	total := 0
	for _, s := range Statuses {
		total += counts[s]
	}
	if total == 0 {
		return Figure{}
	}
	pct := func(n int) int { return (n*100 + total/2) / total }
	var parts []string
	for _, s := range Statuses {
		if n := counts[s]; n > 0 {
			parts = append(parts, loc.T("chart_statusPart", map[string]any{"status": loc.T("status_"+s, nil), "n": n, "pct": pct(n)}))
		}
	}
	sep := ", "
	if loc.RTL() {
		sep = "، "
	}
	rows := (len(parts) + 2) / 3 // legend rows, three statuses a row
	var b strings.Builder
	svgOpen(&b, "chart-status", "st", stW, stBarH+20*rows+10, fontSize(12, loc), loc.T("chart_statusTitle", nil),
		loc.T("chart_statusDesc", map[string]any{"n": total, "list": strings.Join(parts, sep)}), loc.RTL())
	b.WriteString(`<defs><pattern id="st-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="chart-pat-gist" width="6" height="6" fill="#c9a227"/><line x1="0" y1="0" x2="0" y2="6" stroke="#000" stroke-opacity=".35" stroke-width="2"/></pattern>` +
		`<pattern id="st-cross" width="6" height="6" patternUnits="userSpaceOnUse"><rect class="chart-pat-stale" width="6" height="6" fill="#d9822b"/><path d="M0 0L6 6M6 0L0 6" stroke="#000" stroke-opacity=".35"/></pattern></defs>` + "\n")
	// The bar runs from the start edge: left to right, or right to left.
	x := 0.0
	for _, s := range Statuses {
		n := counts[s]
		if n == 0 {
			continue
		}
		w := float64(stW) * float64(n) / float64(total)
		rx := x
		if loc.RTL() {
			rx = stW - x - w
		}
		name := loc.T("status_"+s, nil)
		b.WriteString(`<rect class="chart-st chart-st-` + s + `" x="` + num(rx) + `" y="0" width="` + num(w) + `" height="` + strconv.Itoa(stBarH) + `" ` + statusStyle[s] + `><title>` +
			esc(loc.T("chart_statusPart", map[string]any{"status": name, "n": n, "pct": pct(n)})) + "</title></rect>\n")
		if w >= 34 {
			p := strconv.Itoa(pct(n)) + "%"
			b.WriteString(`<text class="chart-st-label" x="` + num(rx+w/2) + `" y="17" text-anchor="middle" direction="ltr" fill="#fff" stroke="#000" stroke-opacity=".5" stroke-width="2.5" paint-order="stroke">` + p + "</text>\n")
		}
		x += w
	}
	// The legend: a swatch and "name n (p%)" per status, in bar order.
	col := 0
	for _, s := range Statuses {
		n := counts[s]
		if n == 0 {
			continue
		}
		lx := float64(col%3) * stLegendGap
		ly := float64(stBarH + 20 + (col/3)*20)
		sx, tx, side := lx, lx+16, 1
		if loc.RTL() {
			sx, tx, side = stW-lx-11, stW-lx-16, -1
		}
		lbl := loc.T("chart_statusPart", map[string]any{"status": loc.T("status_"+s, nil), "n": n, "pct": pct(n)})
		b.WriteString(`<rect class="chart-st chart-st-` + s + `" x="` + num(sx) + `" y="` + num(ly-10) + `" width="11" height="11" ` + statusStyle[s] + `/>`)
		b.WriteString(`<text x="` + num(tx) + `" y="` + num(ly) + `" text-anchor="` + anchor(side, isArabic(lbl)) + `"` + dirAttrs(lbl) + `>` + esc(lbl) + "</text>\n")
		col++
	}
	b.WriteString("</svg>")

	var t bytes.Buffer
	tableOpen(&t, "chart-data-status", loc.T("chart_statusTitle", nil), loc.T("chart_status", nil), loc.T("chart_segments", nil), loc.T("chart_share", nil))
	for _, s := range Statuses {
		if n := counts[s]; n > 0 {
			t.WriteString(`<tr><th scope="row">` + esc(loc.T("status_"+s, nil)) + `</th><td class="num">` + strconv.Itoa(n) + `</td><td class="num">` + strconv.Itoa(pct(n)) + "%</td></tr>\n")
		}
	}
	t.WriteString("</tbody></table>")
	return Figure{SVG: b.String(), Table: t.String()}
}
