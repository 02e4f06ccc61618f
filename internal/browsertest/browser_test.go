package browsertest

import (
	"context"
	"github.com/jisr-news/jisr/internal/testenv"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/css"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// seedsDir is the seeds folder the browser tests build: the repository's
// seeds/, or $JISR_BROWSERTEST_SEEDS (e.g. a sample of a real corpus, to
// look at the screenshots of a fuller site).
func seedsDir(t *testing.T) string {
	if d := os.Getenv("JISR_BROWSERTEST_SEEDS"); d != "" {
		return d
	}
	return filepath.Join(testenv.RepoRoot(t), "seeds")
}

// browser starts a headless Chromium for the test and returns a tab.
func browser(t *testing.T) context.Context {
	t.Helper()
	exe := FindChromium()
	if exe == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("Chromium not found, and CI=true: install chromium (the CI script does it with apt)")
		}
		t.Skip("Chromium not found; install chromium or set JISR_CHROMIUM")
	}
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(exe), chromedp.Headless, chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900)}
	for _, f := range ChromiumFlags {
		opts = append(opts, chromedp.Flag(f, true))
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelA() })
	// The first Run starts the browser; it must not carry a timeout.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", exe, err)
	}
	return ctx
}

func shotDir(t *testing.T) string {
	dir := os.Getenv("JISR_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "jisr-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// noOverflow fails when the page is wider than the viewport (a layout that
// makes a phone reader scroll sideways), naming the widest culprits.
func noOverflow(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	bad := eval[[]string](t, ctx, `(() => {
		const w = document.documentElement.clientWidth;
		if (document.documentElement.scrollWidth <= w + 1) return [];
		return [...document.querySelectorAll("body *")].filter(e => { const r = e.getBoundingClientRect(); return r.right > w + 1 || r.left < -1 })
			.slice(0, 5).map(e => e.tagName + "." + e.className + " " + Math.round(e.getBoundingClientRect().left) + ".." + Math.round(e.getBoundingClientRect().right) + " of " + w);
	})()`)
	if len(bad) > 0 {
		t.Errorf("%s: the page is wider than the viewport: %v", name, bad)
	}
}

// shot saves a PNG of the page: the full page at desktop width (1280 px)
// when width is 0, else the first screen at that width, as a phone (2x).
func shot(t *testing.T, ctx context.Context, name string, width int64) {
	t.Helper()
	var png []byte
	var err error
	if width > 0 {
		err = chromedp.Do(ctx, chromedp.EmulateViewport(width, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile))
		if err == nil {
			noOverflow(t, ctx, name)
			png, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
		}
	} else {
		// A viewport as tall as the page, then one capture: FullScreenshot
		// shifts short right-to-left pages sideways.
		err = chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900))
		if err == nil {
			noOverflow(t, ctx, name)
			h := eval[float64](t, ctx, `Math.max(900, document.documentElement.scrollHeight)`)
			err = chromedp.Do(ctx, chromedp.EmulateViewport(1280, int64(h)))
		}
		if err == nil {
			png, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
		}
	}
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	p := filepath.Join(shotDir(t), name+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s", p)
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("eval %s: %v", js, err)
	}
	return v
}

func step(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(tctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// waitLang waits until the page in the tab has the given html lang and is
// loaded.
func waitLang(lang string) chromedp.Action[chromedp.Void] {
	return chromedp.WaitReady(chromedp.CSS(`html[lang="` + lang + `"] body footer`))
}

// waitPath waits until the tab's location path holds part and its
// document has loaded.
func waitPath(t *testing.T, ctx context.Context, part string) {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	js := `location.pathname.includes(` + strconv.Quote(part) + `) && document.readyState === "complete"`
	// Evaluated again and again rather than with chromedp.Poll: a poll
	// started before the navigation dies with the old document's context.
	for {
		ok, err := chromedp.Run(tctx, chromedp.Evaluate[bool](js))
		if err == nil && ok {
			return
		}
		select {
		case <-tctx.Done():
			t.Fatalf("wait for a page under %s: %v (last: %v)", part, tctx.Err(), err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func location(t *testing.T, ctx context.Context) string {
	t.Helper()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(loc)
	if err != nil {
		t.Fatal(err)
	}
	return u.Path
}

// fontsOf returns the platform fonts that rendered the text of the first
// element that sel matches, family name → whether it is a web font.
func fontsOf(t *testing.T, ctx context.Context, sel string) map[string]bool {
	t.Helper()
	nodes, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.CSS(sel)))
	if err != nil || len(nodes) == 0 {
		t.Fatalf("%s: %v", sel, err)
	}
	res, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) (css.GetPlatformFontsForNodeResult, error) {
		if _, err := cdp.Call(ctx, tg, css.Enable, cdp.Empty{}); err != nil {
			return css.GetPlatformFontsForNodeResult{}, err
		}
		return cdp.Call(ctx, tg, css.GetPlatformFontsForNode, css.GetPlatformFontsForNodeParams{NodeID: nodes[0].NodeID})
	})
	if err != nil {
		t.Fatalf("platform fonts of %s: %v", sel, err)
	}
	m := map[string]bool{}
	for _, f := range res.Fonts {
		m[f.FamilyName] = m[f.FamilyName] || f.IsCustomFont
	}
	return m
}

// checkSite runs the reader's journey on a built site; at maps a path
// relative to the site root to the URL the browser opens.
func checkSite(t *testing.T, ctx context.Context, site *Site, at func(rel string) string, tag string) {
	// Record every request the tab makes, to check at the end that none
	// left the site.
	var mu sync.Mutex
	var requests []string
	if err := chromedp.Listen(ctx, func(ev any) {
		var u string
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			u = e.Request.URL
		case network.EventRequestWillBeSent:
			u = e.Request.URL
		default:
			return
		}
		mu.Lock()
		requests = append(requests, u)
		mu.Unlock()
	}); err != nil {
		t.Fatal(err)
	}
	defer t.Run("no request leaves the site", func(t *testing.T) {
		mu.Lock()
		defer mu.Unlock()
		home, _ := url.Parse(at(""))
		fonts := 0
		for _, u := range requests {
			r, err := url.Parse(u)
			if err != nil || (r.Scheme != "data" && (r.Scheme != home.Scheme || r.Host != home.Host)) {
				t.Errorf("request to another origin: %s", u)
			}
			if strings.HasSuffix(r.Path, ".woff2") {
				fonts++
			}
		}
		if len(requests) < 10 || fonts == 0 {
			t.Errorf("saw %d requests, %d of fonts; the listener may be broken: %q", len(requests), fonts, requests)
		}
	})

	id := site.Pages[0].Article.ID
	arPath, enPath := site.ArticlePath("ar", id), site.ArticlePath("en", id)
	for _, rel := range []string{arPath, enPath} {
		file := rel
		if strings.HasSuffix(file, "/") {
			file += "index.html"
		}
		if !site.Exists(file) {
			t.Fatalf("built site lacks %s", file)
		}
	}

	t.Run("arabic article", func(t *testing.T) {
		step(t, ctx, "open the Arabic article", chromedp.Navigate(at(arPath)), waitLang("ar"))
		eval[bool](t, ctx, `document.fonts.ready.then(() => true)`)
		if dir := eval[string](t, ctx, `getComputedStyle(document.querySelector(".article-body")).direction`); dir != "rtl" {
			t.Errorf("computed direction of the Arabic body = %q, want rtl", dir)
		}
		if dir := eval[string](t, ctx, `getComputedStyle(document.querySelector(".article-body p")).textAlign`); dir != "start" && dir != "right" {
			t.Errorf("text-align of an Arabic paragraph = %q, want start", dir)
		}
		loaded := eval[bool](t, ctx, `[...document.fonts].some(f => f.family.replace(/"/g, "") === "Noto Naskh Arabic" && f.status === "loaded")`)
		if !loaded {
			t.Error("the Noto Naskh Arabic web font was not loaded")
		}
		for _, sel := range []string{".article-body p", "article h1"} {
			fonts := fontsOf(t, ctx, sel)
			if !fonts["Noto Naskh Arabic"] {
				t.Errorf("%s is rendered with %v, want the web font Noto Naskh Arabic", sel, fonts)
			}
		}
		if size := eval[float64](t, ctx, `parseFloat(getComputedStyle(document.querySelector(".article-body p:last-child")).fontSize)`); size < 18 || size > 20.5 {
			t.Errorf("Arabic body font size %.1fpx, want 1.15-1.3rem", size)
		}
		lh := eval[float64](t, ctx, `(() => { const s = getComputedStyle(document.querySelector(".article-body p")); return parseFloat(s.lineHeight) / parseFloat(s.fontSize) })()`)
		if lh < 1.7 || lh > 1.9 {
			t.Errorf("Arabic body line height %.2f, want about 1.8", lh)
		}
		// The skip link is the first stop and shows when focused.
		// A headless window has no system focus, so :focus needs focus emulation.
		step(t, ctx, "focus the skip link", func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			_, err := cdp.Call(ctx, tg, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
			return chromedp.Void{}, err
		}, chromedp.Focus(chromedp.CSS("a.skip")))
		if top := eval[float64](t, ctx, `document.activeElement.classList.contains("skip") ? document.activeElement.getBoundingClientRect().top : -1`); top < 0 {
			t.Errorf("the focused skip link is off screen (top %.0f)", top)
		}
		if first := eval[bool](t, ctx, `document.querySelector("body a[href], body button, body input") === document.querySelector("a.skip")`); !first {
			t.Error("the skip link is not the first focusable element")
		}
		// JSON-LD parses and says what the issue asks.
		ld := eval[map[string]any](t, ctx, `JSON.parse(document.querySelector('script[type="application/ld+json"]').textContent)`)
		if ld["@type"] != "NewsArticle" || ld["inLanguage"] != "ar" || ld["headline"] == "" {
			t.Errorf("JSON-LD = %v", ld)
		}
		// Nothing comes from another host.
		assertLocalResources(t, ctx)
		shot(t, ctx, tag+"-article-ar", 0)
		shot(t, ctx, tag+"-article-ar-phone", 390)
	})

	t.Run("language switch", func(t *testing.T) {
		step(t, ctx, "open the Arabic article", chromedp.Navigate(at(arPath)), waitLang("ar"))
		step(t, ctx, "switch to English", chromedp.Click(chromedp.CSS("a.lang-switch")), waitLang("en"))
		if got := location(t, ctx); !strings.HasSuffix(got, enPath) {
			t.Errorf("after the switch: %s, want …%s", got, enPath)
		}
		if dir := eval[string](t, ctx, `getComputedStyle(document.body).direction`); dir != "ltr" {
			t.Errorf("English direction = %q", dir)
		}
		ld := eval[map[string]any](t, ctx, `JSON.parse(document.querySelector('script[type="application/ld+json"]').textContent)`)
		if tw, _ := ld["translationOfWork"].(map[string]any); tw == nil || !strings.Contains(tw["url"].(string), "articles/"+id) {
			t.Errorf("English JSON-LD translationOfWork = %v", ld["translationOfWork"])
		}
		eval[bool](t, ctx, `document.fonts.ready.then(() => true)`)
		shot(t, ctx, tag+"-article-en", 0)
		shot(t, ctx, tag+"-article-en-phone", 390)
		step(t, ctx, "switch back to Arabic", chromedp.Click(chromedp.CSS("a.lang-switch")), waitLang("ar"))
		if got := location(t, ctx); !strings.HasSuffix(got, arPath) {
			t.Errorf("after switching back: %s, want …%s", got, arPath)
		}
	})

	t.Run("search", func(t *testing.T) {
		step(t, ctx, "open the home page", chromedp.Navigate(at("")), waitLang("ar"),
			chromedp.WaitVisible(chromedp.CSS("form.search input")),
			chromedp.SendKeys(chromedp.CSS("form.search input"), "داعش"),
			chromedp.Submit(chromedp.CSS("form.search input")),
			chromedp.WaitVisible(chromedp.CSS("#search-results .result-article a")))
		shot(t, ctx, tag+"-search", 0)
		shot(t, ctx, tag+"-search-phone", 390)
		// The seed article names داعش: it must be among the results, and
		// following it must land on it. (With other seeds, the first
		// article result is followed instead.)
		sel := `#search-results .result-article a[href$="` + arPath + `"]`
		if !hasDaesh(site) {
			sel = "#search-results .result-article a"
		} else if n := eval[int](t, ctx, `document.querySelectorAll('`+sel+`').length`); n != 1 {
			t.Fatalf("the article %s is not among the results: %v", arPath,
				eval[[]string](t, ctx, `[...document.querySelectorAll("#search-results a")].map(a => a.href)`))
		}
		want := eval[string](t, ctx, `document.querySelector('`+sel+`').href`)
		step(t, ctx, "follow the result", chromedp.Click(chromedp.CSS(sel)),
			chromedp.WaitReady(chromedp.CSS("article.article h1")))
		if got, _ := chromedp.Run(ctx, chromedp.Location()); got != want {
			t.Errorf("landed on %s, want %s", got, want)
		}
		if !eval[bool](t, ctx, `document.querySelector(".article-body").textContent.includes("داعش")`) {
			t.Error("the article found for داعش does not contain it")
		}
		// The same in English, from another page depth.
		step(t, ctx, "search in English", chromedp.Navigate(at(enPath)), waitLang("en"),
			chromedp.WaitVisible(chromedp.CSS("form.search input")),
			chromedp.SendKeys(chromedp.CSS("form.search input"), "الاستخبارات"),
			chromedp.Submit(chromedp.CSS("form.search input")),
			chromedp.WaitVisible(chromedp.CSS("#search-results .result-article a")))
		n := eval[int](t, ctx, `document.querySelectorAll("#search-results .result-article a").length`)
		if n == 0 {
			t.Error("«الاستخبارات» found no article")
		}
		// An English name finds the English page.
		if strings.Contains(enText(site), "Putin") {
			step(t, ctx, "search Putin", chromedp.SetValue(chromedp.CSS("form.search input"), "Putin"),
				chromedp.Submit(chromedp.CSS("form.search input")),
				chromedp.WaitVisible(chromedp.CSS(`#search-results .result-article a[href$="`+enPath+`"]`)))
		}
	})

	t.Run("entity and tag pages", func(t *testing.T) {
		for _, c := range []struct{ lang, path, chip string }{
			{"ar", arPath, ".terms.entities a"}, {"ar", arPath, ".terms.tags a"},
			{"en", enPath, ".terms.entities a"}, {"en", enPath, ".terms.tags a"},
		} {
			step(t, ctx, "open the article", chromedp.Navigate(at(c.path)), waitLang(c.lang),
				chromedp.WaitReady(chromedp.CSS(c.chip)))
			want := eval[string](t, ctx, `document.querySelector("`+c.chip+`").textContent.trim()`)
			step(t, ctx, "follow "+c.chip, chromedp.Click(chromedp.CSS(c.chip)),
				chromedp.WaitReady(chromedp.CSS(".term-header h1")))
			if h1 := eval[string](t, ctx, `document.querySelector(".term-header h1").textContent.trim()`); h1 != want {
				t.Errorf("%s %s: term page titled %q, want %q", c.lang, c.chip, h1, want)
			}
			back := eval[[]string](t, ctx, `[...document.querySelectorAll(".term-articles a")].map(a => a.href)`)
			found := false
			for _, h := range back {
				if strings.HasSuffix(h, c.path) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s term page %s does not list the article %s: %v", c.lang, location(t, ctx), c.path, back)
			}
			if strings.Contains(c.chip, "entities") {
				if c.lang == "en" {
					if n := eval[int](t, ctx, `document.querySelectorAll('.term-facts a[href^="https://www.wikidata.org/wiki/Q"]').length`); n != 1 {
						t.Errorf("entity page has %d Wikidata links, want 1", n)
					}
				}
				shot(t, ctx, tag+"-entity-"+c.lang, 0)
				shot(t, ctx, tag+"-entity-"+c.lang+"-phone", 390)
			} else {
				if n := eval[int](t, ctx, `document.querySelectorAll(".credit").length`); n != 1 {
					t.Error("tag page lacks the IPTC credit")
				}
				shot(t, ctx, tag+"-tag-"+c.lang, 0)
			}
		}
		step(t, ctx, "open the entities index", chromedp.Navigate(at("")), waitLang("ar"),
			chromedp.Click(chromedp.CSS(`.site-nav a[href*="entities"]`)),
			chromedp.WaitReady(chromedp.CSS(".entity-group")))
		shot(t, ctx, tag+"-entities-ar", 0)
	})

	t.Run("javascript off", func(t *testing.T) {
		setScripts := func(off bool) chromedp.Action[chromedp.Void] {
			return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
				_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: off})
				return chromedp.Void{}, err
			}
		}
		step(t, ctx, "disable scripts, open the Arabic article", setScripts(true), chromedp.Navigate(at(arPath)), waitLang("ar"))
		defer chromedp.Do(ctx, setScripts(false))
		if shown := eval[bool](t, ctx, `getComputedStyle(document.querySelector("form.search")).display !== "none"`); shown {
			t.Error("the search form shows without JavaScript, where it cannot work")
		}
		if n := eval[int](t, ctx, `document.querySelectorAll(".site-nav > a[href]").length`); n < 4 {
			t.Errorf("navigation has %d links without JavaScript, want 4", n)
		}
		step(t, ctx, "switch to English without JavaScript", chromedp.Click(chromedp.CSS("a.lang-switch")), waitLang("en"))
		step(t, ctx, "open the entities index without JavaScript",
			chromedp.Click(chromedp.CSS(`.site-nav a[href*="entities"]`)), chromedp.WaitReady(chromedp.CSS(".entity-group")))
	})

	t.Run("dark mode", func(t *testing.T) {
		media := func(scheme string) chromedp.Action[chromedp.Void] {
			return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
				p := emulation.SetEmulatedMediaParams{}
				if scheme != "" {
					p.Features = []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}
				}
				_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, p)
				return chromedp.Void{}, err
			}
		}
		step(t, ctx, "dark mode", media("dark"), chromedp.Navigate(at(arPath)), waitLang("ar"))
		defer chromedp.Do(ctx, media(""))
		bg := eval[string](t, ctx, `getComputedStyle(document.body).backgroundColor`)
		if bg == "rgb(251, 250, 247)" || bg == "rgb(255, 255, 255)" {
			t.Errorf("dark mode background is %s", bg)
		}
		shot(t, ctx, tag+"-article-ar-dark-phone", 390)
		step(t, ctx, "print", func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
			return chromedp.Void{}, err
		})
		if d := eval[string](t, ctx, `getComputedStyle(document.querySelector(".site-nav")).display`); d != "none" {
			t.Errorf("print: navigation display = %q, want none", d)
		}
		shot(t, ctx, tag+"-article-ar-print", 0)
	})

	t.Run("home", func(t *testing.T) {
		step(t, ctx, "open the home page", chromedp.Navigate(at("")), waitLang("ar"))
		eval[bool](t, ctx, `document.fonts.ready.then(() => true)`)
		shot(t, ctx, tag+"-home-ar", 0)
		shot(t, ctx, tag+"-home-ar-phone", 390)
		for _, c := range []struct{ lang, nav string }{{"en", "articles"}, {"ar", "tags"}, {"en", "tags"}} {
			if c.lang == "en" {
				step(t, ctx, "open the English home", chromedp.Click(chromedp.CSS("a.lang-switch")), waitLang("en"))
			}
			// The page clicked from has the same lang as the one it opens, so
			// wait for the new location to load before looking at it (else
			// the wait can match the old page and the next query meet nodes
			// of a document that is going away).
			step(t, ctx, "open "+c.nav, chromedp.Click(chromedp.CSS(`.site-nav a[href*="`+c.nav+`"]`)))
			waitPath(t, ctx, "/"+c.nav+"/")
			step(t, ctx, "load "+c.nav, waitLang(c.lang), chromedp.WaitReady(chromedp.CSS("main h1")))
			if n := eval[int](t, ctx, `document.querySelectorAll("main li a").length`); n == 0 {
				t.Errorf("%s %s index lists nothing", c.lang, c.nav)
			}
			shot(t, ctx, tag+"-"+c.nav+"-"+c.lang, 0)
			step(t, ctx, "back home", chromedp.Navigate(at("")), waitLang("ar"))
		}
	})
}

// enText returns the English text of the first article.
func enText(site *Site) string {
	var b strings.Builder
	for _, s := range site.Pages[0].Segments {
		b.WriteString(s.EN + " ")
	}
	return b.String()
}

// hasDaesh reports whether the first article names داعش.
func hasDaesh(site *Site) bool {
	for _, s := range site.Pages[0].Segments {
		if strings.Contains(s.AR, "داعش") {
			return true
		}
	}
	return false
}

// assertLocalResources fails when the page loads anything from a host
// other than its own (or from anywhere but disk, for file://): every
// script, stylesheet, image and frame of the DOM, and every resource the
// browser timed. (checkSite also watches every request of the tab.)
func assertLocalResources(t *testing.T, ctx context.Context) {
	t.Helper()
	urls := eval[[]string](t, ctx, `[location.href,
		...[...document.querySelectorAll("script[src], img[src], iframe[src], source[src], video[src], audio[src]")].map(e => e.src),
		...[...document.querySelectorAll('link[rel~="stylesheet"], link[rel~="preload"], link[rel~="icon"], link[rel~="manifest"]')].map(e => e.href),
		...performance.getEntriesByType("resource").map(e => e.name)]`)
	page, _ := url.Parse(urls[0])
	for _, u := range urls[1:] {
		r, err := url.Parse(u)
		if err != nil || r.Scheme != page.Scheme || r.Host != page.Host {
			t.Errorf("resource from another origin: %s (page %s)", u, urls[0])
		}
	}
	if len(urls) < 3 {
		t.Errorf("expected the stylesheet and the script among the resources, got %v", urls)
	}
}

// TestOffline builds the seeds with --offline and browses them from
// file://.
func TestOffline(t *testing.T) {
	ctx := browser(t)
	site, at := offlineSite(t)
	checkSite(t, ctx, site, at, "file")
}

// offlineSite builds the seeds with --offline and returns the site and the
// file:// URL of a path in it ("" is the home page).
func offlineSite(t *testing.T) (*Site, func(rel string) string) {
	t.Helper()
	site, err := BuildSite(context.Background(), seedsDir(t), t.TempDir(), true, "", testLog{t})
	if err != nil {
		t.Fatal(err)
	}
	return site, func(rel string) string {
		if rel == "" {
			rel = "index.html"
		}
		return (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(site.Public, rel))}).String()
	}
}

// TestSubPath builds the seeds for https://example.org/repo/ and serves the
// site under /repo/ on a local server.
func TestSubPath(t *testing.T) {
	ctx := browser(t)
	site, at := subPathSite(t)
	checkSite(t, ctx, site, at, "http")
}

// subPathSite builds the seeds for https://example.org/repo/, serves the
// site under /repo/ on a local server, and returns the site and the URL of
// a path in it.
func subPathSite(t *testing.T) (*Site, func(rel string) string) {
	t.Helper()
	site, err := BuildSite(context.Background(), seedsDir(t), t.TempDir(), false, "https://example.org/repo/", testLog{t})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/repo/", http.StripPrefix("/repo/", http.FileServer(http.Dir(site.Public))))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return site, func(rel string) string { return srv.URL + "/repo/" + rel }
}

type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}
