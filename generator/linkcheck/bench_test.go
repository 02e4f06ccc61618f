package linkcheck

import (
	"fmt"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// BenchmarkCheck checks a synthetic offline site shaped like jisr's: 2,000
// articles in two languages (4,000 pages), each with the shared header
// links, 10 term links and its language switch, plus the index pages.
//
//	go test ./generator/linkcheck -bench Check -benchmem
func BenchmarkCheck(b *testing.B) {
	fs := afero.NewMemMapFs()
	const n = 2000
	header := `<link rel="stylesheet" href="../css/jisr.css"><script src="../js/search.js" defer></script>
<a href="../index.html">home</a><a href="../articles/index.html">a</a><a href="../tags/index.html">t</a><a href="../entities/index.html">e</a>`
	afero.WriteFile(fs, "/site/css/jisr.css", []byte(`@font-face{src:url(../fonts/n.woff2)}`), 0o644)
	afero.WriteFile(fs, "/site/fonts/n.woff2", nil, 0o644)
	afero.WriteFile(fs, "/site/js/search.js", nil, 0o644)
	for _, lang := range []string{"", "en/"} {
		up := ""
		if lang != "" {
			up = "../"
		}
		for _, sec := range []string{"", "articles/", "tags/", "entities/"} {
			afero.WriteFile(fs, "/site/"+lang+sec+"index.html", []byte("<p>index</p>"), 0o644)
		}
		for i := 0; i < 10; i++ {
			afero.WriteFile(fs, fmt.Sprintf("/site/%stags/t%d.html", lang, i), []byte("<p>tag</p>"), 0o644)
		}
		for i := 0; i < n; i++ {
			var p strings.Builder
			p.WriteString("<!doctype html><html><head>" + strings.ReplaceAll(header, "../", "../"+up) + "</head><body><main>")
			p.WriteString(strings.Repeat("<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>\n", 20))
			for j := 0; j < 10; j++ {
				fmt.Fprintf(&p, `<a href="../tags/t%d.html">tag</a>`, j)
			}
			other := "../" + up + "en/articles/"
			if lang != "" {
				other = "../../articles/"
			}
			fmt.Fprintf(&p, `<a href="%sa%d.html">switch</a></main></body></html>`, other, i)
			afero.WriteFile(fs, fmt.Sprintf("/site/%sarticles/a%d.html", lang, i), []byte(p.String()), 0o644)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		rep, err := Check(fs, "/site", Options{Offline: true})
		if err != nil || !rep.OK() {
			b.Fatalf("%v %d broken: %v", err, len(rep.Broken), rep.Broken[:min(3, len(rep.Broken))])
		}
		b.ReportMetric(float64(rep.Checked), "refs")
	}
}
