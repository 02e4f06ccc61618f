package browsertest

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// label is what the browser reports of one SVG text element.
type label struct {
	Text   string  `json:"text"`
	Dir    string  `json:"dir"`
	First  float64 `json:"first"` // x of the first character, in logical order
	Last   float64 `json:"last"`  // x of the last one
	Inside bool    `json:"inside"`
}

// chartLabels returns every text element of the SVGs that sel matches,
// with its computed direction and where its first and last characters
// were drawn.
const chartLabels = `((sel) => [...document.querySelectorAll(sel)].flatMap(svg => {
	const box = svg.getBoundingClientRect();
	return [...svg.querySelectorAll("text")].filter(t => t.getNumberOfChars() > 1).map(t => {
		const n = t.getNumberOfChars(), r = t.getBoundingClientRect();
		return {text: t.textContent, dir: getComputedStyle(t).direction,
			first: t.getStartPositionOfChar(0).x, last: t.getStartPositionOfChar(n - 1).x,
			inside: r.left >= box.left - 2 && r.right <= box.right + 2 && r.top >= box.top - 2 && r.bottom <= box.bottom + 2};
	});
}))`

var arabicRE = regexp.MustCompile(`\p{Arabic}`)

// busiestEntity returns the entity that the most other entities appear
// with, so that its graph is the fullest one to look at.
func busiestEntity(site *Site) string {
	co := map[string]map[string]bool{}
	for _, p := range site.Pages {
		for _, e := range p.Analysis.Entities {
			for _, o := range p.Analysis.Entities {
				if o.ID != e.ID {
					if co[e.ID] == nil {
						co[e.ID] = map[string]bool{}
					}
					co[e.ID][o.ID] = true
				}
			}
		}
	}
	best := ""
	for id, m := range co {
		if best == "" || len(m) > len(co[best]) || len(m) == len(co[best]) && id < best {
			best = id
		}
	}
	return best
}

func colorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		p := emulation.SetEmulatedMediaParams{}
		if scheme != "" {
			p.Features = []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}
		}
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, p)
		return chromedp.Void{}, err
	}
}

// shotOf saves a PNG of the screen scrolled to the element sel matches, at
// the viewport width
// (a 390 px phone at 2x, or a 1280 px desktop).
func shotOf(t *testing.T, ctx context.Context, name, sel string, width int64) {
	t.Helper()
	vp := chromedp.EmulateViewport(width, 900)
	if width < 600 {
		vp = chromedp.EmulateViewport(width, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile)
	}
	if err := chromedp.Do(ctx, vp); err != nil {
		t.Fatal(err)
	}
	noOverflow(t, ctx, name)
	// The screen with the element at its top (an element capture shifts
	// right-to-left pages sideways, as a full-page one does).
	eval[bool](t, ctx, `(() => { const e = document.querySelector("`+sel+`"); window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 8); return true })()`)
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	p := filepath.Join(shotDir(t), name+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s", p)
}

// TestCharts opens the pictures of an offline build from file://: an
// entity page in both languages (timeline and graph), a tag page and the
// review dashboard. Arabic labels must be laid out right to left and Latin
// ones left to right, inside the picture; a graph node must lead to its
// entity's page, a bar to its period's articles. Screenshots: light and
// dark, 1280 and 390 px wide.
func TestCharts(t *testing.T) {
	ctx := browser(t)
	site, err := BuildSite(context.Background(), seedsDir(t), t.TempDir(), true, "", testLog{t})
	if err != nil {
		t.Fatal(err)
	}
	at := func(rel string) string {
		return (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(site.Public, rel))}).String()
	}
	id := busiestEntity(site)
	if id == "" {
		t.Fatal("no entity shares an article with another: nothing to draw")
	}
	for _, lang := range []string{"ar", "en"} {
		page := "entities/" + id + ".html"
		if lang == "en" {
			page = "en/" + page
		}
		t.Run("entity "+lang, func(t *testing.T) {
			step(t, ctx, "open "+page, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(at(page)), waitLang(lang))
			eval[bool](t, ctx, `document.fonts.ready.then(() => true)`)
			for _, c := range []string{"svg.chart-timeline", "svg.chart-graph"} {
				ok := eval[bool](t, ctx, `(() => { const s = document.querySelector("`+c+`"); if (!s || s.getAttribute("role") !== "img") return false;
					const ids = s.getAttribute("aria-labelledby").split(" ");
					return ids.length === 2 && ids.every(i => document.getElementById(i) && document.getElementById(i).textContent.trim() !== "") })()`)
				if !ok {
					t.Errorf("%s: no %s with role=img labelled by its title and desc", page, c)
				}
			}
			if n := eval[int](t, ctx, `document.querySelectorAll("details.chart-details table.chart-data tbody tr").length`); n < 2 {
				t.Errorf("%s: the pictures' tables have %d rows", page, n)
			}
			labels := eval[[]label](t, ctx, chartLabels+`("svg.chart")`)
			rtl, ltr := 0, 0
			for _, l := range labels {
				switch {
				case arabicRE.MatchString(l.Text):
					rtl++
					if l.Dir != "rtl" || !(l.First > l.Last) {
						t.Errorf("%s: Arabic label %q drawn %s, first letter at x=%.1f, last at %.1f: want right to left", page, l.Text, l.Dir, l.First, l.Last)
					}
				case regexp.MustCompile(`[A-Za-z]{2}`).MatchString(l.Text):
					ltr++
					if l.Dir != "ltr" || !(l.First < l.Last) {
						t.Errorf("%s: Latin label %q drawn %s, first letter at x=%.1f, last at %.1f: want left to right", page, l.Text, l.Dir, l.First, l.Last)
					}
				}
				if !l.Inside {
					t.Errorf("%s: label %q runs outside its picture", page, l.Text)
				}
			}
			if lang == "ar" && rtl == 0 || lang == "en" && ltr == 0 {
				t.Errorf("%s: %d Arabic and %d Latin labels", page, rtl, ltr)
			}
			assertLocalResources(t, ctx)
			for _, scheme := range []string{"light", "dark"} {
				step(t, ctx, scheme, colorScheme(scheme), chromedp.Navigate(at(page)), waitLang(lang))
				eval[bool](t, ctx, `document.fonts.ready.then(() => true)`)
				if scheme == "dark" {
					if fill := eval[string](t, ctx, `getComputedStyle(document.querySelector("svg.chart-graph .chart-node")).fill`); fill == "rgb(43, 108, 176)" || fill == "rgb(47, 133, 90)" {
						t.Errorf("dark mode: node fill %s is the light one", fill)
					}
				}
				for _, w := range []int64{1280, 390} {
					for _, fig := range []string{"timeline", "graph"} {
						shotOf(t, ctx, "charts-"+fig+"-"+lang+"-"+scheme+"-"+strconv.FormatInt(w, 10), "section.chart-figure-"+fig, w)
					}
				}
			}
			step(t, ctx, "light", colorScheme(""), chromedp.EmulateViewport(1280, 900))

			// A node leads to its entity's page, named as its title says.
			step(t, ctx, "reload", chromedp.Navigate(at(page)), waitLang(lang))
			sel := `svg.chart-graph a:not([aria-current]) .chart-node`
			href := eval[string](t, ctx, `document.querySelector("`+sel+`").parentNode.getAttribute("href")`)
			tip := eval[string](t, ctx, `document.querySelector("`+sel+`").parentNode.querySelector("title").textContent`)
			step(t, ctx, "click a graph node", chromedp.Click(chromedp.CSS(sel)), chromedp.WaitReady(chromedp.CSS(".term-header h1")))
			if got := location(t, ctx); !strings.HasSuffix(got, "/"+strings.TrimPrefix(href, "../")) {
				t.Errorf("the node linking to %s led to %s", href, got)
			}
			if h1 := eval[string](t, ctx, `document.querySelector(".term-header h1").textContent.trim()`); !strings.HasPrefix(tip, h1+" (") {
				t.Errorf("the node titled %q led to the page of %q", tip, h1)
			}
			// A bar leads to its period's row, which lists and links its
			// articles.
			step(t, ctx, "back", chromedp.Navigate(at(page)), waitLang(lang))
			bar := eval[string](t, ctx, `document.querySelector("svg.chart-timeline a").getAttribute("href")`)
			step(t, ctx, "click a bar", chromedp.Click(chromedp.CSS(`svg.chart-timeline a .chart-bar`)))
			if got := eval[string](t, ctx, `location.hash`); got != bar {
				t.Errorf("the bar linking to %s led to %q", bar, got)
			}
			if !eval[bool](t, ctx, `(() => { const r = document.querySelector(":target"); return !!r && r.tagName === "TR" && r.closest("details").open })()`) {
				t.Errorf("the bar's row %s is not the open target", bar)
			}
			step(t, ctx, "follow the row's first article", chromedp.Click(chromedp.CSS(`tr:target a`)), chromedp.WaitReady(chromedp.CSS("article.article h1")))
		})
	}

	t.Run("tag page", func(t *testing.T) {
		var tag string
		for _, p := range site.Pages {
			if len(p.Analysis.Tags) > 0 {
				tag = p.Analysis.Tags[0].ID
				break
			}
		}
		if tag == "" {
			t.Skip("no tag")
		}
		for _, page := range []string{"tags/" + tag + ".html", "en/tags/" + tag + ".html"} {
			step(t, ctx, "open "+page, chromedp.Navigate(at(page)), chromedp.WaitReady(chromedp.CSS("body footer")))
			if n := eval[int](t, ctx, `document.querySelectorAll("svg.chart-timeline[role=img] a").length`); n == 0 {
				t.Errorf("%s has no timeline with linked bars", page)
			}
			if n := eval[int](t, ctx, `document.querySelectorAll("svg.chart-graph").length`); n != 0 {
				t.Errorf("%s has a co-occurrence graph", page)
			}
		}
		shotOf(t, ctx, "charts-tag-en-light-390", "section.chart-figure-timeline", 390)
	})

	t.Run("review dashboard", func(t *testing.T) {
		step(t, ctx, "open the dashboard", chromedp.EmulateViewport(1280, 900), chromedp.Navigate(at("en/review/index.html")), waitLang("en"))
		if n := eval[int](t, ctx, `document.querySelectorAll("svg.chart-status[role=img] rect.chart-st").length`); n == 0 {
			t.Error("the dashboard has no status chart")
		}
		for _, l := range eval[[]label](t, ctx, chartLabels+`("svg.chart-status")`) {
			if !l.Inside {
				t.Errorf("status label %q runs outside its picture", l.Text)
			}
		}
		shotOf(t, ctx, "charts-status-en-light-1280", "section.chart-figure-status", 1280)
		step(t, ctx, "dark", colorScheme("dark"), chromedp.Navigate(at("en/review/index.html")), waitLang("en"))
		shotOf(t, ctx, "charts-status-en-dark-390", "section.chart-figure-status", 390)
		chromedp.Do(ctx, colorScheme(""))
	})
}
