package render

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/jisr-news/jisr/generator/charts"
	"github.com/jisr-news/jisr/generator/store"
)

// ReviewRowsFile is the page resource of a review page (review/<id>/review-rows.en.txt,
// beside index.en.md; English, as the page) that holds the rows of its side-by-side table as
// HTML: one <tr> per segment, as review/page.html writes them from the
// article's segments.yaml and the page's QA findings and line numbers.
// Made here once per article, it spares the template decoding the
// segment store and walking the rows (the largest cost of review pages,
// ARCHITECTURE.md "Where the time goes"); review/page.html keeps the
// template rows as the fallback when the resource is missing.
const ReviewRowsFile = "review-rows.en.txt"

// reviewRowsEnabled lets the tests render the template fallback for a
// comparison of bytes.
var reviewRowsEnabled = true

// reviewKeys are the i18n strings the rows use; without any of them the
// rows are left to the template, which has Hugo's fallbacks.
var reviewKeys = []string{"review_by", "review_noEnglish", "review_oldArabic"}

// reviewRows returns the contents of ReviewRowsFile for an article's
// segments and its review page, with the interface strings of loc
// (English: the review pages are English); ok is false when the rows must
// be left to the template: a segment ID or status that Hugo's parameters
// would change (they lowercase map keys), or a missing string.
func reviewRows(segs []storedSegment, page *store.ReviewPage, loc *charts.Locale) (rows string, ok bool) {
	if !reviewRowsEnabled || loc == nil {
		return "", false
	}
	for _, k := range reviewKeys {
		if _, ok := loc.Strings[k]; !ok {
			return "", false
		}
	}
	findings := map[string][]store.Finding{}
	for _, f := range page.QA {
		findings[f.Segment] = append(findings[f.Segment], f)
	}
	for k := range page.Lines {
		if !plainID(k) {
			return "", false
		}
	}
	var b strings.Builder
	block := -1
	for _, s := range segs {
		if !plainID(s.ID) {
			return "", false
		}
		st := s.Status
		if st == "" {
			st = "untranslated"
		}
		badge, ok := loc.Strings["status_"+st]
		if !ok {
			return "", false
		}
		if badge == "" {
			badge = st
		}
		fs := findings[s.ID]
		b.WriteString("\n<tr id=\"seg-")
		b.WriteString(s.ID)
		b.WriteString(`" class="kind-`)
		b.WriteString(tmplEscape(s.Kind))
		b.WriteString(" status-")
		b.WriteString(tmplEscape(st))
		if s.Block != block {
			b.WriteString(" block-start")
		}
		if len(fs) > 0 {
			b.WriteString(" has-qa")
		}
		fmt.Fprintf(&b, "\">\n<td class=\"col-meta\">\n<a class=\"seg-id\" href=\"#seg-%s\">%s</a>\n", s.ID, s.ID)
		fmt.Fprintf(&b, `<span class="badge badge-%s">%s</span>`, tmplEscape(st), tmplEscape(badge))
		if s.Engine != "" {
			b.WriteString(` <span class="engine">`)
			b.WriteString(tmplEscape(s.Engine))
			if s.Model != "" {
				b.WriteString(" " + tmplEscape(s.Model))
			}
			b.WriteString("</span>")
		}
		if s.Reviewer != "" {
			fmt.Fprintf(&b, ` <span class="reviewer">%s</span>`, tmplEscape(loc.T("review_by", map[string]any{"name": s.Reviewer})))
		}
		if n, ok := page.Lines[s.ID]; ok && n != 0 {
			fmt.Fprintf(&b, ` <span class="line" title="%s"><code>segments.yaml:%s</code></span>`, tmplEscape(page.File), strconv.Itoa(n))
		}
		b.WriteString("\n</td>\n<td class=\"col-en\" lang=\"en\" dir=\"ltr\">")
		if s.EN != "" {
			b.WriteString(Bidi(s.EN, "en"))
		} else {
			fmt.Fprintf(&b, `<span class="missing">%s</span>`, tmplEscape(loc.Strings["review_noEnglish"]))
		}
		if len(fs) > 0 {
			b.WriteString("\n<ul class=\"qa\">")
			for _, f := range fs {
				fmt.Fprintf(&b, `<li class="qa-%s"><span class="qa-check">%s</span> %s</li>`, tmplEscape(f.Check), tmplEscape(f.Check), Bidi(f.Message, "en"))
			}
			b.WriteString("\n</ul>")
		}
		b.WriteString("\n</td>\n<td class=\"col-ar\" lang=\"ar\" dir=\"rtl\">")
		b.WriteString(Bidi(s.AR, "ar"))
		if s.OldAR != "" {
			fmt.Fprintf(&b, "\n<p class=\"old-ar\"><span lang=\"en\" dir=\"ltr\">%s</span> %s</p>", tmplEscape(loc.Strings["review_oldArabic"]), Bidi(s.OldAR, "ar"))
		}
		b.WriteString("</td>\n</tr>")
		block = s.Block
	}
	return b.String(), true
}

// plainID reports whether a segment ID reads the same after Hugo
// lowercases parameter keys and in a URL fragment: lowercase ASCII
// letters, digits, '-', '_' and '.'.
func plainID(id string) bool {
	if id == "" {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}

// tmplEscaper escapes text as html/template does in text and quoted
// attribute values (its htmlReplacementTable), so that Go fragments give
// the bytes the layouts give; html.EscapeString leaves '+' and NUL alone.
var tmplEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

func tmplEscape(s string) string { return tmplEscaper.Replace(s) }
