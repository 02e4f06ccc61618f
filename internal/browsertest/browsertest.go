// Package browsertest checks the built site in a real browser (Chromium,
// driven with chromedp): reading direction, the self-hosted Arabic font, the
// language switch, the offline search, entity and tag pages, both from
// file:// (offline build) and over HTTP under a sub-path base URL.
//
// In: the repository's seeds/, built with generator/build into a temporary
// folder. Out: test results, and PNG screenshots in $JISR_SCREENSHOTS (or a
// temporary folder, named in the log) to look at.
//
// The tests skip when Chromium is missing, and fail instead when the
// environment says CI=true. $JISR_CHROMIUM names the browser binary.
package browsertest

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/analyze"
	"github.com/jisr-news/jisr/generator/build"
	"github.com/jisr-news/jisr/generator/content"
)

// FindChromium returns the path of a Chromium-compatible browser: the
// binary $JISR_CHROMIUM names, else the first of chromium,
// chromium-browser, google-chrome on PATH; "" when there is none.
func FindChromium() string {
	if p := os.Getenv("JISR_CHROMIUM"); p != "" {
		return p
	}
	for _, n := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}

// ChromiumFlags are the command-line switches the tests start Chromium with
// (besides --headless and a fresh --user-data-dir): no sandbox (containers),
// no GPU, and no traffic of the browser's own.
var ChromiumFlags = []string{
	"no-sandbox", "disable-gpu", "disable-quic", "no-first-run",
	"disable-background-networking", "disable-component-update", "disable-sync",
	"no-default-browser-check", "disable-extensions", "hide-scrollbars", "mute-audio",
}

// Site is a site built for a browser test.
type Site struct {
	Root    string         // the project folder
	Public  string         // the built site
	Pages   []content.Page // the articles built
	Offline bool
	BaseURL string
}

// BuildSite copies the seeds folder into root and builds it with the
// offline gist engine. When analysis found no entity or tag at all (the
// analyzer is not wired yet), it gives the articles a small fixture
// analysis, so that entity and tag pages exist to test; log says so.
func BuildSite(ctx context.Context, seeds, root string, offline bool, baseURL string, log io.Writer) (*Site, error) {
	if err := os.CopyFS(filepath.Join(root, "seeds"), os.DirFS(seeds)); err != nil {
		return nil, fmt.Errorf("copy seeds: %w", err)
	}
	p, err := build.Open(build.Options{Root: root, Offline: &offline, BaseURL: baseURL, Engine: "gist", Log: log})
	if err != nil {
		return nil, err
	}
	_, pages, err := p.Prepare(ctx)
	if err != nil {
		return nil, err
	}
	if !hasTerms(pages) {
		fmt.Fprintln(log, "browsertest: analysis found no entities or tags; using the fixture analysis")
		w := &content.Writer{Fs: p.Fs, Dir: p.Content}
		for i := range pages {
			pages[i].Analysis = fixtureAnalysis(pages[i])
			if err := w.WriteArticle(pages[i]); err != nil {
				return nil, err
			}
		}
		if err := w.WriteTerms(pages); err != nil {
			return nil, err
		}
	}
	if _, err := p.Render(); err != nil { // Render also writes the search index
		return nil, err
	}
	return &Site{Root: root, Public: p.Out, Pages: pages, Offline: offline, BaseURL: baseURL}, nil
}

func hasTerms(pages []content.Page) bool {
	for _, p := range pages {
		if len(p.Analysis.Entities) > 0 || len(p.Analysis.Tags) > 0 {
			return true
		}
	}
	return false
}

// fixtureAnalysis finds a few well-known names by plain substring search.
// It stands in for the analyzer only in these tests.
func fixtureAnalysis(p content.Page) analyze.Result {
	known := []struct {
		e     analyze.Entity
		forms []string
	}{
		{analyze.Entity{ID: "islamic-state", Type: analyze.Organization, NameEN: "Islamic State", NameAR: "تنظيم الدولة الإسلامية", Aliases: []string{"داعش"}, Wikidata: "Q2429253", Known: true}, []string{"داعش", "تنظيم الدولة الإسلامية"}},
		{analyze.Entity{ID: "vladimir-putin", Type: analyze.Person, NameEN: "Vladimir Putin", NameAR: "فلاديمير بوتين", Aliases: []string{"بوتين"}, Wikidata: "Q7747", Known: true}, []string{"بوتين"}},
		{analyze.Entity{ID: "iraq", Type: analyze.Place, NameEN: "Iraq", NameAR: "العراق", Wikidata: "Q796", Known: true}, []string{"العراق"}},
	}
	var res analyze.Result
	for _, k := range known {
		e := k.e
		for _, s := range p.Segments {
			for _, f := range k.forms {
				for off := 0; ; {
					i := strings.Index(s.AR[off:], f)
					if i < 0 {
						break
					}
					e.Mentions = append(e.Mentions, analyze.Mention{Segment: s.ID, Start: off + i, End: off + i + len(f), Surface: f})
					off += i + len(f)
				}
			}
		}
		if len(e.Mentions) > 0 {
			res.Entities = append(res.Entities, e)
		}
	}
	if len(res.Entities) > 0 {
		res.Tags = []analyze.Tag{{ID: "politics", QCode: "medtop:11000000", LabelEN: "politics", LabelAR: "سياسة", Score: 1}}
	}
	return res
}

// ArticlePath returns the file or URL path of an article page relative to
// the site root.
func (s *Site) ArticlePath(lang, id string) string {
	p := "articles/" + id
	if lang != "ar" {
		p = lang + "/" + p
	}
	if s.Offline {
		return p + ".html"
	}
	return p + "/"
}

// Exists reports whether the built site has the file rel.
func (s *Site) Exists(rel string) bool {
	ok, _ := afero.Exists(afero.NewOsFs(), filepath.Join(s.Public, filepath.FromSlash(rel)))
	return ok
}
