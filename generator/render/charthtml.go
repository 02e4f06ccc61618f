package render

import (
	"encoding/json"
	"path"
	"regexp"
	"strings"

	"github.com/jisr-news/jisr/generator/charts"
)

// The pictures of a term page and of the review dashboard come from the
// build as the page resource charts.<lang>.json (generator/build,
// ChartsFile): keys <kind>_svg and <kind>_table for the kinds timeline,
// graph and status. Decoding it in _partials/charts.html, once per term
// page, was the costliest call of term pages; chartsHTML writes here, in
// Go, what that partial writes, as charts.<lang>.txt, which the partial
// inlines (and decodes the JSON only when the fragment is missing).

// chartKinds are the pictures in the order the partial shows them.
var chartKinds = []string{"timeline", "graph", "status"}

var chartsJSON = regexp.MustCompile(`^charts\.([a-z]+)\.json$`)

// chartsFragment returns the name and contents of the HTML fragment of a
// generated resource rel when it is a charts file whose language has the
// strings the fragment needs (locs by language); ok is false otherwise,
// and the JSON is then given to Hugo as it is.
func chartsFragment(rel string, data []byte, locs map[string]*charts.Locale) (name string, html []byte, ok bool) {
	m := chartsJSON.FindStringSubmatch(path.Base(rel))
	if m == nil || locs[m[1]] == nil {
		return "", nil, false
	}
	loc := locs[m[1]]
	var c map[string]string
	if err := json.Unmarshal(data, &c); err != nil {
		return "", nil, false
	}
	show, ok := loc.Strings["chart_showData"]
	if !ok {
		return "", nil, false
	}
	var b strings.Builder
	for _, k := range chartKinds {
		svg := c[k+"_svg"]
		if svg == "" {
			continue
		}
		heading, ok := loc.Strings["chart_"+k+"Heading"]
		if !ok {
			return "", nil, false
		}
		b.WriteString("\n<section class=\"chart-figure chart-figure-" + k + "\" aria-labelledby=\"chart-h-" + k + "\">\n")
		b.WriteString("<h2 id=\"chart-h-" + k + "\" class=\"section-label\">" + tmplEscape(heading) + "</h2>\n")
		b.WriteString("<div class=\"chart-box\">" + svg + "</div>\n")
		b.WriteString("<details class=\"chart-details\"><summary>" + tmplEscape(show) + "</summary>" + c[k+"_table"] + "</details>\n</section>")
	}
	return path.Join(path.Dir(rel), "charts."+m[1]+".txt"), []byte(b.String()), true
}
