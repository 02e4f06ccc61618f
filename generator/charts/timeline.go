package charts

import (
	"bytes"
	"strconv"
	"strings"
	"time"
)

// Granularity of a timeline's bars.
type unit string

const (
	day   unit = "day"
	week  unit = "week"
	month unit = "month"
	year  unit = "year"
)

// Spans up to which a timeline counts by day, then by week, then by month;
// longer spans (an archive, or one article dated decades back) count by
// year. They keep the bars between 1 and about 120.
const (
	maxDaySpan   = 62       // days
	maxWeekSpan  = 730      // days
	maxMonthSpan = 10 * 365 // days
)

// MaxRowArticles is how many articles a row of a timeline's table links
// at most; the row says how many more there are (chart_more), which the
// term page's own list shows. Without a bound the table of a name in most
// of the news (at 10,000 articles, 1,900 links in the table of
// السعودية: 283 KB of a 351 KB page) grew with the archive.
const MaxRowArticles = 10

// period is one bar: its first day and the articles in it.
type period struct {
	start time.Time
	arts  []*Article
}

// periods buckets dated articles (sorted by date) into contiguous periods,
// empty ones included, by the unit the span calls for.
func periods(arts []*Article) ([]period, unit) {
	var dated []*Article
	for _, a := range arts {
		if !a.Date.IsZero() {
			dated = append(dated, a)
		}
	}
	if len(dated) == 0 {
		return nil, day
	}
	first, last := dated[0].Date, dated[len(dated)-1].Date
	span := int(last.Sub(first).Hours() / 24)
	u := year
	switch {
	case span <= maxDaySpan:
		u = day
	case span <= maxWeekSpan:
		u = week
	case span <= maxMonthSpan:
		u = month
	}
	var ps []period
	for _, a := range dated {
		s := startOf(a.Date, u)
		for len(ps) == 0 || ps[len(ps)-1].start.Before(s) {
			next := s
			if len(ps) > 0 {
				next = step(ps[len(ps)-1].start, u)
			}
			ps = append(ps, period{start: next})
		}
		ps[len(ps)-1].arts = append(ps[len(ps)-1].arts, a)
	}
	return ps, u
}

// startOf returns the first day of t's period: the day, the Monday of its
// week, or the first of its month (UTC).
func startOf(t time.Time, u unit) time.Time {
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	switch u {
	case week:
		return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
	case month:
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	case year:
		return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return d
}

func step(t time.Time, u unit) time.Time {
	switch u {
	case week:
		return t.AddDate(0, 0, 7)
	case month:
		return t.AddDate(0, 1, 0)
	case year:
		return t.AddDate(1, 0, 0)
	}
	return t.AddDate(0, 0, 1)
}

// key names a period in fragment IDs: tl-2015-07-21, tl-w2015-07-20,
// tl-m2015-07, tl-y2015.
func key(t time.Time, u unit) string {
	switch u {
	case week:
		return "w" + t.Format("2006-01-02")
	case month:
		return "m" + t.Format("2006-01")
	case year:
		return "y" + t.Format("2006")
	}
	return t.Format("2006-01-02")
}

// label is a period's full name: "21 July 2015", "week of 20 July 2015",
// "July 2015", "2015".
func label(t time.Time, u unit, loc *Locale) string {
	switch u {
	case week:
		return loc.T("chart_weekOf", map[string]any{"date": loc.Date(t)})
	case month:
		return loc.Month(t.Month()) + " " + strconv.Itoa(t.Year())
	case year:
		return strconv.Itoa(t.Year())
	}
	return loc.Date(t)
}

// tick is a period's short axis label: the day and month for days and
// weeks (the axis title gives the years), the month and year for months.
func tick(t time.Time, u unit, loc *Locale) string {
	if u == month || u == year {
		return label(t, u, loc)
	}
	return strconv.Itoa(t.Day()) + " " + loc.Month(t.Month())
}

// Timeline geometry (viewBox units; the SVG scales to its box).
const (
	tlW, tlH   = 420, 200
	tlLeft     = 44  // y tick labels and axis title (tlTitleY)
	tlTitleY   = 16  // the axis title's baseline, rotated: room for a tall Arabic font's ascent left of it
	tlRight    = 8   //
	tlTop      = 12  //
	tlBottom   = 158 // the baseline
	tlMaxTicks = 5
	tlMaxBar   = 40 // the widest bar, for short spans
)

// timeline draws the bars of arts (sorted by date) with its table. title is
// the locale key of the title, name the term's name. An empty figure when
// no article is dated.
func timeline(arts []*Article, title, name string, loc *Locale, links Links) Figure {
	ps, u := periods(arts)
	if len(ps) == 0 {
		return Figure{}
	}
	peak, total := 0, 0
	for i, p := range ps {
		total += len(p.arts)
		if len(p.arts) > len(ps[peak].arts) {
			peak = i
		}
	}
	maxN := len(ps[peak].arts)
	unitWord := loc.T("chart_unit_"+string(u), nil)
	ttl := loc.T(title, map[string]any{"name": name, "unit": unitWord})
	desc := loc.T("chart_timelineDesc", map[string]any{"n": total, "from": label(ps[0].start, u, loc),
		"to": label(ps[len(ps)-1].start, u, loc), "max": maxN, "peak": label(ps[peak].start, u, loc)})

	var b strings.Builder
	svgOpen(&b, "chart-timeline", "tl", tlW, tlH, fontSize(12, loc), ttl, desc, loc.RTL())
	// The y axis: 0, the middle (when it is a whole number) and the peak.
	yOf := func(n int) float64 { return tlBottom - float64(n)/float64(maxN)*(tlBottom-tlTop) }
	ticks := []int{0, maxN}
	if maxN >= 2 && maxN%2 == 0 {
		ticks = []int{0, maxN / 2, maxN}
	}
	for _, n := range ticks {
		y := num(yOf(n))
		b.WriteString(`<line class="chart-grid" x1="` + strconv.Itoa(tlLeft) + `" x2="` + strconv.Itoa(tlW-tlRight) + `" y1="` + y + `" y2="` + y + `" stroke="currentColor" stroke-opacity=".2"/>`)
		b.WriteString(`<text x="` + strconv.Itoa(tlLeft-5) + `" y="` + num(yOf(n)+4) + `" text-anchor="end" direction="ltr">` + strconv.Itoa(n) + "</text>\n")
	}
	yTitle := loc.T("chart_axisArticles", nil)
	b.WriteString(`<text class="chart-axis-title" transform="rotate(-90)" x="` + num(-(tlTop+tlBottom)/2.0) + `" y="` + strconv.Itoa(tlTitleY) + `" text-anchor="middle"` + dirAttrs(yTitle) + ">" + esc(yTitle) + "</text>\n")
	// The bars, each a link to its period's row in the table.
	pw := float64(tlW - tlRight - tlLeft)
	bw := pw / float64(len(ps))
	gap := bw * 0.2
	if len(ps) > 60 {
		gap = bw * 0.1
	}
	for i, p := range ps {
		if len(p.arts) == 0 {
			continue
		}
		x := float64(tlLeft) + float64(i)*bw
		y := yOf(len(p.arts))
		if tlBottom-y < 2 {
			y = tlBottom - 2
		}
		tip := loc.T("chart_barTitle", map[string]any{"period": label(p.start, u, loc), "n": len(p.arts)})
		b.WriteString(`<a href="#tl-` + key(p.start, u) + `"><title>` + esc(tip) + `</title>`)
		b.WriteString(`<rect class="chart-hit" x="` + num(x) + `" y="` + strconv.Itoa(tlTop) + `" width="` + num(bw) + `" height="` + strconv.Itoa(tlBottom-tlTop) + `" fill="#000" fill-opacity="0"/>`)
		w := min(max(bw-gap, 1), tlMaxBar)
		b.WriteString(`<rect class="chart-bar" x="` + num(x+(bw-w)/2) + `" y="` + num(y) + `" width="` + num(w) + `" height="` + num(tlBottom-y) + `" fill="#0b4f8a"/></a>` + "\n")
	}
	b.WriteString(`<line class="chart-axis" x1="` + strconv.Itoa(tlLeft) + `" x2="` + strconv.Itoa(tlW-tlRight) + `" y1="` + strconv.Itoa(tlBottom) + `" y2="` + strconv.Itoa(tlBottom) + `" stroke="currentColor"/>` + "\n")
	// The x axis: at most tlMaxTicks labels, the first and the last among
	// them when they fit.
	every := (len(ps) + tlMaxTicks - 1) / tlMaxTicks
	for i := 0; i < len(ps); i += every {
		x := float64(tlLeft) + (float64(i)+0.5)*bw
		t := tick(ps[i].start, u, loc)
		b.WriteString(`<line x1="` + num(x) + `" x2="` + num(x) + `" y1="` + strconv.Itoa(tlBottom) + `" y2="` + strconv.Itoa(tlBottom+4) + `" stroke="currentColor"/>`)
		b.WriteString(`<text x="` + num(x) + `" y="` + strconv.Itoa(tlBottom+16) + `" text-anchor="middle"` + dirAttrs(t) + ">" + esc(t) + "</text>\n")
	}
	xTitle := loc.T("chart_axis_"+string(u), nil)
	if u == day || u == week {
		y0, y1 := ps[0].start.Year(), ps[len(ps)-1].start.Year()
		years := strconv.Itoa(y0)
		if y1 != y0 {
			years += "–" + strconv.Itoa(y1)
		}
		xTitle = loc.T("chart_axisYears", map[string]any{"axis": xTitle, "years": years})
	}
	b.WriteString(`<text class="chart-axis-title" x="` + num(float64(tlLeft)+pw/2) + `" y="` + strconv.Itoa(tlH-6) + `" text-anchor="middle"` + dirAttrs(xTitle) + ">" + esc(xTitle) + "</text>\n")
	b.WriteString("</svg>")

	// The table: one row per period with articles, each article linked.
	var t bytes.Buffer
	tableOpen(&t, "chart-data-timeline", loc.T("chart_tableTimeline", nil),
		loc.T("chart_period", nil), loc.T("chart_axisArticles", nil), loc.T("chart_list", nil))
	for _, p := range ps {
		if len(p.arts) == 0 {
			continue
		}
		t.WriteString(`<tr id="tl-` + key(p.start, u) + `"><th scope="row"><time datetime="` + p.start.Format("2006-01-02") + `">` + esc(label(p.start, u, loc)) + `</time></th><td class="num">` + strconv.Itoa(len(p.arts)) + "</td><td><ul>")
		for i, a := range p.arts {
			if i == MaxRowArticles {
				more := loc.T("chart_more", map[string]any{"count": len(p.arts) - i})
				t.WriteString(`<li class="chart-more">` + esc(more) + "</li>")
				break
			}
			t.WriteString(`<li><a href="` + esc(links.Article(a.ID)) + `">` + esc(a.Title(loc.Lang)) + "</a></li>")
		}
		t.WriteString("</ul></td></tr>\n")
	}
	t.WriteString("</tbody></table>")
	return Figure{SVG: b.String(), Table: t.String()}
}
