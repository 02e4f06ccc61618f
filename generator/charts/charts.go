// Package charts draws the site's pictures at build time as inline SVG:
// a mention timeline for every entity and tag, a co-occurrence graph for
// every entity, and the segments-by-status bar of the review dashboard.
//
// In: per-article data (Article: date, title in both languages, entities
// with their mention counts, tags), the entities' names and types, a Locale
// (the page's language and its interface strings, month names included) and
// Links (how the drawing page reaches an article or an entity page). Out: a
// Figure per chart: a standalone SVG and an HTML table with the same
// numbers. The functions are pure: the same input gives the same bytes.
//
// What every picture promises:
//   - no JavaScript, no fonts or other resources: the SVG is inline and
//     inherits the page's font, so the browser shapes Arabic with the site's
//     Naskh; links are relative, so they work over file:// and under a
//     sub-path;
//   - role="img" with <title> and <desc>, and the same numbers in the
//     Figure's table for screen readers and for reading with CSS off;
//   - Arabic labels carry direction="rtl" unicode-bidi="embed" and the
//     browser lays them out right to left (strings are never reversed);
//     Latin labels are left to right; a name that is too long is cut at a
//     letter boundary with an ellipsis, and its full text is in <title>;
//   - colours come from CSS variables (static/css/jisr.css, "Charts"), with
//     presentation attributes as the fallback, and text is currentColor, so
//     dark mode and print follow the page; the viewBox scales to a 390 px
//     phone;
//   - colour never carries meaning alone: entity types have their own shape
//     (person circle, place square, organization diamond, other triangle),
//     named in the legend.
//
// Time runs left to right on both languages' timelines, as in Arabic
// newspapers' charts; only the labels change direction.
//
// Libraries considered. gonum.org/v1/plot draws with its own font metrics
// and embedded fonts and has no bidi text, so Arabic labels would not be
// shaped by the browser, and its SVG is large. github.com/ajstarks/svgo is
// a thin writer of element strings: escaping, direction attributes and the
// accessibility markup would still be ours, so it adds a dependency without
// removing code. gonum.org/v1/gonum/graph/layout (EadesR2, a Barnes-Hut
// force layout, deterministic with a fixed random source) fits general
// graphs; ours is always an ego graph of at most MaxNeighbours+1 nodes, for
// which a radial layout (the entity in the centre, the others on a circle,
// ordered by shared articles) keeps every label clear of the others with no
// iteration, and is exact to the byte across runs. So the drawing is
// written here, on strings.Builder, in about the code the libraries would
// need around them.
package charts

import (
	"bytes"
	"fmt"
	"html"
	"math"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
)

// Entity types, as package analyze names them.
const (
	Person       = "PERSON"
	Place        = "PLACE"
	Organization = "ORGANIZATION"
	Other        = "OTHER"
)

// Entity is an entity as the pictures name it.
type Entity struct {
	ID     string
	Type   string // Person, Place, Organization; anything else draws as Other
	NameAR string
	NameEN string
}

// Name returns the entity's name in lang, falling back to the other one.
func (e Entity) Name(lang string) string {
	if lang == "ar" && e.NameAR != "" || e.NameEN == "" {
		return e.NameAR
	}
	return e.NameEN
}

// Mention is one entity named by an article, Count times.
type Mention struct {
	ID    string
	Count int
}

// Article is what the pictures need of one article.
type Article struct {
	ID       string
	Date     time.Time // zero: undated; undated articles are left off timelines
	TitleAR  string
	TitleEN  string
	Entities []Mention
	Tags     []string
}

// Title returns the article's title in lang, falling back to the Arabic.
func (a *Article) Title(lang string) string {
	if lang == "en" && a.TitleEN != "" {
		return a.TitleEN
	}
	return a.TitleAR
}

// Links says how the page a chart is drawn on reaches other pages. Every
// href must be relative to that page (see the package doc).
type Links struct {
	Entity  func(id string) string // an entity's term page
	Article func(id string) string // an article page
}

// Figure is one picture: a standalone SVG, and an HTML table with the same
// numbers (or "" when the picture has nothing to show).
type Figure struct {
	SVG   string
	Table string
}

// Empty reports whether the figure has nothing to draw.
func (f Figure) Empty() bool { return f.SVG == "" }

// Locale is the page's language and the interface strings the pictures
// use: keys of templates/i18n/<lang>.toml (month1…month12, typeOne_*,
// status_*, chart_*). A value may use Go template fields ({{ .name }}), as
// Hugo's i18n does.
type Locale struct {
	Lang    string
	Strings map[string]string
	tmpl    map[string]*template.Template
}

// NewLocale returns the Locale of lang with the given strings.
func NewLocale(lang string, strs map[string]string) *Locale {
	return &Locale{Lang: lang, Strings: strs, tmpl: map[string]*template.Template{}}
}

// RTL reports whether the language is written right to left.
func (l *Locale) RTL() bool { return l.Lang == "ar" }

// T returns the string of key with data filled in; the key itself when the
// locale lacks it (a missing string shows, rather than vanishing).
func (l *Locale) T(key string, data map[string]any) string {
	s, ok := l.Strings[key]
	if !ok {
		return key
	}
	if !strings.Contains(s, "{{") {
		return s
	}
	t := l.tmpl[key]
	if t == nil {
		var err error
		if t, err = template.New(key).Option("missingkey=zero").Parse(s); err != nil {
			return s
		}
		l.tmpl[key] = t
	}
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return s
	}
	return b.String()
}

// Month returns the month's name in the locale.
func (l *Locale) Month(m time.Month) string { return l.T("month"+strconv.Itoa(int(m)), nil) }

// Date formats a day as the site does ("21 يوليو 2015", "21 July 2015").
func (l *Locale) Date(t time.Time) string {
	return strconv.Itoa(t.Day()) + " " + l.Month(t.Month()) + " " + strconv.Itoa(t.Year())
}

// esc escapes text for an SVG or HTML text node or attribute value.
func esc(s string) string { return html.EscapeString(s) }

// num formats a coordinate with at most one decimal, so that output is
// short and the same on every platform.
func num(f float64) string {
	f = math.Round(f*10) / 10
	if f == math.Trunc(f) {
		return strconv.FormatFloat(f, 'f', 0, 64)
	}
	return strconv.FormatFloat(f, 'f', 1, 64)
}

// isArabic reports whether s has an Arabic letter (then it is drawn right
// to left).
func isArabic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// dirAttrs returns the SVG attributes that set the reading direction of a
// label: Arabic right to left, anything else left to right, each embedded
// so that the label's own direction holds whatever surrounds it.
func dirAttrs(s string) string {
	if isArabic(s) {
		return ` direction="rtl" unicode-bidi="embed"`
	}
	return ` direction="ltr" unicode-bidi="embed"`
}

// shorten cuts s to at most max letters, ending in "…", and reports
// whether it did. It never cuts between a letter and its combining marks
// (Arabic short vowels), and drops a space left before the ellipsis.
func shorten(s string, max int) (string, bool) {
	if utf8.RuneCountInString(s) <= max {
		return s, false
	}
	n, cut := 0, len(s)
	for i, r := range s {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if n == max-1 {
			cut = i
			break
		}
		n++
	}
	return strings.TrimRightFunc(s[:cut], unicode.IsSpace) + "…", true
}

// typeOf maps a type to one of the four the pictures draw.
func typeOf(t string) string {
	switch t {
	case Person, Place, Organization:
		return t
	}
	return Other
}

// Types in legend order.
var types = []string{Person, Place, Organization, Other}

// palette gives each type its fallback colour (the CSS variables
// --chart-person … override it, for dark mode among others).
var palette = map[string]string{Person: "#2b6cb0", Place: "#2f855a", Organization: "#b7791f", Other: "#6b46c1"}

// svgOpen starts an accessible SVG: the viewBox, role="img", and a title
// and description the image is labelled with.
func svgOpen(b *strings.Builder, class, id string, w, h, font int, title, desc string, rtl bool) {
	dir := "ltr"
	if rtl {
		dir = "rtl"
	}
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="chart ` + class + `" viewBox="0 0 ` + strconv.Itoa(w) + " " + strconv.Itoa(h) +
		`" role="img" aria-labelledby="` + id + `-t ` + id + `-d" direction="` + dir + `" font-size="` + strconv.Itoa(font) + `" fill="currentColor">`)
	b.WriteString(`<title id="` + id + `-t">` + esc(title) + `</title><desc id="` + id + `-d">` + esc(desc) + "</desc>\n")
}

// byCount sorts IDs by count descending, then by ID.
func byCount(ids []string, count func(string) int) {
	sort.Slice(ids, func(i, j int) bool {
		ci, cj := count(ids[i]), count(ids[j])
		if ci != cj {
			return ci > cj
		}
		return ids[i] < ids[j]
	})
}

// tableOpen starts a data table with a caption and header cells.
func tableOpen(b *bytes.Buffer, class, caption string, heads ...string) {
	b.WriteString(`<table class="chart-data ` + class + `"><caption>` + esc(caption) + "</caption>\n<thead><tr>")
	for _, h := range heads {
		b.WriteString(`<th scope="col">` + esc(h) + "</th>")
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
}

// LocaleFromTOML reads a Hugo i18n file (templates/i18n/<lang>.toml) into
// the Locale of lang. Both of Hugo's forms are read: key = "text" and a
// table [key] with other = "text".
func LocaleFromTOML(lang string, data []byte) (*Locale, error) {
	var raw map[string]any
	if err := toml.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("charts: i18n %s: %w", lang, err)
	}
	strs := map[string]string{}
	for k, v := range raw {
		switch v := v.(type) {
		case string:
			strs[k] = v
		case map[string]any:
			if s, ok := v["other"].(string); ok {
				strs[k] = s
			}
		}
	}
	return NewLocale(lang, strs), nil
}
