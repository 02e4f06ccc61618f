package charts

import (
	"bytes"
	"math"
	"sort"
	"strconv"
	"strings"
)

// MaxNeighbours is the most entities a co-occurrence graph draws around
// its entity; MaxMinorEdges bounds the lines drawn between those entities
// (the strongest first), which keeps a full graph well under 20 KB.
const (
	MaxNeighbours = 12
	MaxMinorEdges = 24
)

// Graph geometry (viewBox units).
const (
	gW, gH       = 460, 404
	gCX, gCY     = 230, 174
	gR           = 104 // the circle of neighbours
	gMinR, gMaxR = 5.0, 16.0
	gFont        = 12 // large enough to read on a 390 px phone, where the SVG shrinks to about 0.8
	gLabelMax    = 15 // letters of a neighbour's label before the ellipsis
	gCentreMax   = 22
)

type node struct {
	id       string
	mentions int // over all articles
	articles int // articles that name it
	shared   int // articles it shares with the centre
	x, y, r  float64
	angle    float64
}

type edge struct {
	a, b int // node positions; 0 is the centre
	n    int // articles in common
}

// Graph draws the co-occurrence graph of an entity: the entity in the
// centre and, on a circle around it, the MaxNeighbours entities named most
// often in the same articles (ordered clockwise by articles in common, or
// counter-clockwise on right-to-left pages), each linking to its page. An
// empty figure when the entity shares no article with another.
func (ix *Index) Graph(id string, loc *Locale, links Links) Figure {
	mine := ix.byEntity[id]
	co := map[string]int{}
	for _, p := range mine {
		for o := range ix.counts[p] {
			if o != id {
				co[o]++
			}
		}
	}
	if len(co) == 0 {
		return Figure{}
	}
	ids := make([]string, 0, len(co))
	for o := range co {
		ids = append(ids, o)
	}
	byCount(ids, func(o string) int { return co[o]*1_000_000 + min(ix.mentions[o], 999_999) })
	if len(ids) > MaxNeighbours {
		ids = ids[:MaxNeighbours]
	}
	nodes := []node{{id: id, mentions: ix.mentions[id], articles: len(mine)}}
	for _, o := range ids {
		nodes = append(nodes, node{id: o, mentions: ix.mentions[o], articles: len(ix.byEntity[o]), shared: co[o]})
	}
	var edges, minor []edge
	for i := 1; i < len(nodes); i++ {
		edges = append(edges, edge{0, i, nodes[i].shared})
		for j := i + 1; j < len(nodes); j++ {
			if n := shared(ix.byEntity[nodes[i].id], ix.byEntity[nodes[j].id]); n > 0 {
				minor = append(minor, edge{i, j, n})
			}
		}
	}
	sort.SliceStable(minor, func(i, j int) bool { return minor[i].n > minor[j].n })
	if len(minor) > MaxMinorEdges {
		minor = minor[:MaxMinorEdges]
	}
	layout(nodes, loc.RTL())
	return drawGraph(ix, nodes, edges, minor, loc, links)
}

// layout places the centre in the middle and the others on a circle from
// the top, clockwise (counter-clockwise when rtl), sizing each node by the
// square root of its mentions so that area follows mentions.
func layout(nodes []node, rtl bool) {
	maxM := 1
	for _, n := range nodes {
		maxM = max(maxM, n.mentions)
	}
	for i := range nodes {
		nodes[i].r = gMinR + (gMaxR-gMinR)*math.Sqrt(float64(nodes[i].mentions)/float64(maxM))
	}
	nodes[0].x, nodes[0].y = gCX, gCY
	k := len(nodes) - 1
	R := float64(gR)
	if k <= 4 {
		R = 100
	}
	for i := 1; i <= k; i++ {
		a := -math.Pi/2 + 2*math.Pi*float64(i-1)/float64(k)
		dx := math.Cos(a)
		if rtl {
			dx = -dx
		}
		nodes[i].x, nodes[i].y, nodes[i].angle = gCX+R*dx, gCY+R*math.Sin(a), math.Atan2(math.Sin(a), dx)
	}
}

// shape draws a node's shape for its type, centred on x, y, of about the
// area of a circle of radius r.
func shape(b *strings.Builder, typ string, x, y, r float64, extra string) {
	cls := `class="chart-node chart-` + strings.ToLower(typ) + `" fill="` + palette[typ] + `"` + extra
	switch typ {
	case Place:
		s := r * 0.886 // half the side of a square of the circle's area
		b.WriteString(`<rect ` + cls + ` x="` + num(x-s) + `" y="` + num(y-s) + `" width="` + num(2*s) + `" height="` + num(2*s) + `"/>`)
	case Organization:
		d := r * 1.25
		b.WriteString(`<polygon ` + cls + ` points="` + num(x) + "," + num(y-d) + " " + num(x+d) + "," + num(y) + " " + num(x) + "," + num(y+d) + " " + num(x-d) + "," + num(y) + `"/>`)
	case Other:
		d := r * 1.35
		b.WriteString(`<polygon ` + cls + ` points="` + num(x) + "," + num(y-d) + " " + num(x+d*0.866) + "," + num(y+d/2) + " " + num(x-d*0.866) + "," + num(y+d/2) + `"/>`)
	default:
		b.WriteString(`<circle ` + cls + ` cx="` + num(x) + `" cy="` + num(y) + `" r="` + num(r) + `"/>`)
	}
}

// anchor returns the text-anchor that puts a label's near edge at its
// point: side > 0 for a label that runs off to the right of the point, < 0
// to the left, 0 centred. In right-to-left text "start" is the right edge.
func anchor(side int, rtl bool) string {
	switch {
	case side == 0:
		return "middle"
	case (side > 0) != rtl:
		return "start"
	}
	return "end"
}

func drawGraph(ix *Index, nodes []node, edges, minor []edge, loc *Locale, links Links) Figure {
	lang := loc.Lang
	centre := ix.ents[nodes[0].id]
	cname := centre.Name(lang)
	ttl := loc.T("chart_graphTitle", map[string]any{"name": cname})
	desc := loc.T("chart_graphDesc", map[string]any{"name": cname, "k": len(nodes) - 1})
	var b strings.Builder
	font := fontSize(gFont, loc)
	svgOpen(&b, "chart-graph", "cg", gW, gH, font, ttl, desc, loc.RTL())
	maxS := 1
	for _, e := range edges {
		maxS = max(maxS, e.n)
	}
	for _, e := range minor {
		maxS = max(maxS, e.n)
	}
	line := func(e edge, w float64) {
		a, c := nodes[e.a], nodes[e.b]
		b.WriteString(`<line x1="` + num(a.x) + `" y1="` + num(a.y) + `" x2="` + num(c.x) + `" y2="` + num(c.y) + `" stroke-width="` + num(w) + `"/>` + "\n")
	}
	b.WriteString(`<g class="chart-edges-minor" stroke="currentColor" stroke-opacity=".18">`)
	for _, e := range minor {
		line(e, 0.6+2.4*float64(e.n)/float64(maxS))
	}
	b.WriteString(`</g><g class="chart-edges" stroke="currentColor" stroke-opacity=".45">`)
	for _, e := range edges {
		line(e, 1+5*float64(e.n)/float64(maxS))
	}
	b.WriteString("</g>\n")
	for i, n := range nodes {
		e := ix.ents[n.id]
		typ := typeOf(e.Type)
		full := e.Name(lang)
		data := map[string]any{"name": full, "type": loc.T("typeOne_"+typ, nil), "mentions": n.mentions, "articles": n.articles, "shared": n.shared}
		tip := loc.T("chart_nodeTitle", data)
		if i == 0 {
			tip = loc.T("chart_centreTitle", data)
		}
		cur := ""
		if i == 0 {
			cur = ` aria-current="page"`
		}
		b.WriteString(`<a href="` + esc(links.Entity(n.id)) + `"` + cur + `><title>` + esc(tip) + `</title>`)
		extra := ""
		if i == 0 {
			extra = ` stroke="currentColor" stroke-width="2"`
		}
		shape(&b, typ, n.x, n.y, n.r, extra)
		// The label: under the centre; beyond the node, away from the
		// centre, for the others.
		max, side := gLabelMax, 0
		x, y := n.x, n.y
		cls := "chart-label"
		if i == 0 {
			max, cls = gCentreMax, "chart-label chart-label-centre"
			y += n.r*1.35 + 14
		} else {
			dx, dy := math.Cos(n.angle), math.Sin(n.angle)
			reach := n.r*1.35 + 5
			x, y = n.x+dx*reach, n.y+dy*reach
			switch {
			case dx > 0.3:
				side = 1
			case dx < -0.3:
				side = -1
			}
			// A side label gets the letters that fit between its point
			// and the edge of the picture.
			room := float64(gW) - 4 - x
			if side < 0 {
				room = x - 4
			}
			if side != 0 {
				max = min(max, int(room/letterWidth(full, font)))
			} else {
				max = gCentreMax // above or below: the neighbours' labels run sideways
			}
			switch {
			case side != 0:
				y += 4
			case dy > 0:
				y += 11
			default:
				y -= 2
			}
		}
		text, _ := shorten(full, max)
		b.WriteString(`<text class="` + cls + `" x="` + num(x) + `" y="` + num(y) + `" text-anchor="` + anchor(side, isArabic(text)) + `"` + dirAttrs(text) + `>` + esc(text) + "</text></a>\n")
	}
	legend(&b, nodes, ix, loc, font)
	b.WriteString("</svg>")

	var t bytes.Buffer
	tableOpen(&t, "chart-data-graph", loc.T("chart_tableGraph", map[string]any{"name": cname}),
		loc.T("chart_name", nil), loc.T("chart_type", nil), loc.T("chart_shared", nil), loc.T("chart_mentions", nil))
	for _, n := range nodes[1:] {
		e := ix.ents[n.id]
		t.WriteString(`<tr><th scope="row"><a href="` + esc(links.Entity(n.id)) + `">` + esc(e.Name(lang)) + `</a></th><td>` +
			esc(loc.T("typeOne_"+typeOf(e.Type), nil)) + `</td><td class="num">` + strconv.Itoa(n.shared) + `</td><td class="num">` + strconv.Itoa(n.mentions) + "</td></tr>\n")
	}
	t.WriteString("</tbody></table>")
	return Figure{SVG: b.String(), Table: t.String()}
}

// legend names each type drawn, with its shape and colour, and says what
// size and line width mean. It runs from the start edge of the page's
// direction.
func legend(b *strings.Builder, nodes []node, ix *Index, loc *Locale, font int) {
	present := map[string]bool{}
	for _, n := range nodes {
		present[typeOf(ix.ents[n.id].Type)] = true
	}
	rtl := loc.RTL()
	x, y := 14.0, float64(gH-34)
	sign := 1.0
	if rtl {
		x, sign = gW-14, -1
	}
	b.WriteString(`<g class="chart-legend">`)
	for _, typ := range types {
		if !present[typ] {
			continue
		}
		shape(b, typ, x+sign*6, y-4, 5.5, "")
		lbl := loc.T("typeOne_"+typ, nil)
		tx := x + sign*16
		b.WriteString(`<text x="` + num(tx) + `" y="` + num(y) + `" text-anchor="` + anchor(int(sign), isArabic(lbl)) + `"` + dirAttrs(lbl) + `>` + esc(lbl) + `</text>`)
		x += sign * (16 + float64(len([]rune(lbl)))*letterWidth(lbl, font) + 18)
	}
	note := loc.T("chart_legendSize", nil)
	nx := 14.0
	if rtl {
		nx = gW - 14
	}
	b.WriteString(`<text class="chart-note" x="` + num(nx) + `" y="` + num(y+20) + `" text-anchor="` + anchor(int(sign), isArabic(note)) + `"` + dirAttrs(note) + `>` + esc(note) + "</text></g>\n")
}

// letterWidth estimates the mean width of a letter of s at the font size,
// to fit labels in the picture (the browser measures the real one; this
// errs wide): Naskh letters run narrower than Latin ones.
func letterWidth(s string, font int) float64 {
	if isArabic(s) {
		return float64(font) * 0.5
	}
	return float64(font) * 0.58
}

// fontSize is the font size of a picture's text: Arabic pages take a
// larger one, as the site's Arabic text does.
func fontSize(base int, loc *Locale) int {
	if loc.RTL() {
		return base + 2
	}
	return base
}
