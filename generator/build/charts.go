package build

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/charts"
	"github.com/jisr-news/jisr/generator/content"
	"github.com/jisr-news/jisr/templates"
)

// ChartsFile is the page resource of a term page (and of the review
// dashboard) that holds its pictures in one language: charts.<lang>.json
// beside _index.<lang>.md, read by templates/layouts/_partials/charts.html.
// JSON rather than YAML: Hugo parses it several times faster, and the
// file is large (two SVGs and two tables).
// Its keys are timeline_svg, timeline_table, graph_svg, graph_table,
// status_svg and status_table (each absent when there is nothing to draw).
func ChartsFile(lang string) string { return "charts." + lang + ".json" }

// writeCharts draws the pictures of every entity and tag page and of the
// review dashboard (package charts) from the built articles' analysis. They
// are kept in p.extra, page resources that Render lays over the content
// tree in memory (render.Input.Extra): they are derived from what content/
// already holds, so storing them there would only make the committed tree
// grow (about 20 MB at 1,300 articles) and diff on every build. Chart files
// an earlier version wrote into content/ are removed (counted in w.Written).
func (p *Project) writeCharts(w *content.Writer, pages []content.Page) error {
	p.extra = map[string][]byte{}
	if p.noCharts {
		return nil
	}
	locs := map[string]*charts.Locale{}
	for _, lang := range []string{"ar", "en"} {
		l, err := p.chartLocale(lang)
		if err != nil {
			return err
		}
		locs[lang] = l
	}
	arts := make([]charts.Article, 0, len(pages))
	var ents []charts.Entity
	seen := map[string]bool{}
	tagName := map[string][2]string{}
	status := map[string]int{}
	for _, pg := range pages {
		a := charts.Article{ID: pg.Article.ID, Date: pg.Article.Date, TitleAR: pg.Article.Title}
		for _, s := range pg.Segments {
			if s.ID == "title" {
				a.TitleEN = s.EN
			}
			status[string(s.Status)]++
		}
		for _, e := range pg.Analysis.Entities {
			a.Entities = append(a.Entities, charts.Mention{ID: e.ID, Count: len(e.Mentions)})
			if !seen[e.ID] {
				seen[e.ID] = true
				ents = append(ents, charts.Entity{ID: e.ID, Type: string(e.Type), NameAR: e.NameAR, NameEN: e.NameEN})
			}
		}
		for _, t := range pg.Analysis.Tags {
			a.Tags = append(a.Tags, t.ID)
			tagName[t.ID] = [2]string{t.LabelAR, t.LabelEN}
		}
		arts = append(arts, a)
	}
	ix := charts.NewIndex(arts, ents)
	links := termLinks(p.Config.Offline)
	for _, id := range ix.Entities() {
		for _, lang := range []string{"ar", "en"} {
			tl := ix.EntityTimeline(id, locs[lang], links)
			g := ix.Graph(id, locs[lang], links)
			if err := p.addCharts(path.Join("entities", id), lang, map[string]charts.Figure{"timeline": tl, "graph": g}); err != nil {
				return err
			}
		}
	}
	for _, id := range ix.Tags() {
		for i, lang := range []string{"ar", "en"} {
			tl := ix.TagTimeline(id, tagName[id][i], locs[lang], links)
			if err := p.addCharts(path.Join("tags", id), lang, map[string]charts.Figure{"timeline": tl}); err != nil {
				return err
			}
		}
	}
	if p.Config.Review.Pages {
		st := charts.StatusChart(status, locs["en"])
		if err := p.addCharts(content.ReviewSection, "en", map[string]charts.Figure{"status": st}); err != nil {
			return err
		}
	}
	return removeStoredCharts(p.Fs, w, p.Content)
}

// termLinks are the links of a term page (entities/<id>/ or tags/<id>/, in
// either language) to other term pages and to articles: relative, so that
// the site works under a sub-path and, offline (.html files), over file://.
func termLinks(offline bool) charts.Links {
	if offline {
		return charts.Links{
			Entity:  func(id string) string { return id + ".html" },
			Article: func(id string) string { return "../articles/" + id + ".html" },
		}
	}
	return charts.Links{
		Entity:  func(id string) string { return "../" + id + "/" },
		Article: func(id string) string { return "../../articles/" + id + "/" },
	}
}

// chartLocale reads the interface strings of lang: the embedded
// templates/i18n/<lang>.toml, overlaid key by key with the project's own
// file of that name when it has one (as Hugo merges them).
func (p *Project) chartLocale(lang string) (*charts.Locale, error) {
	name := "i18n/" + lang + ".toml"
	data, err := templates.FS.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("charts: %w", err)
	}
	loc, err := charts.LocaleFromTOML(lang, data)
	if err != nil {
		return nil, err
	}
	own := filepath.Join(p.Templates, filepath.FromSlash(name))
	data, err = afero.ReadFile(p.Fs, own)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, os.ErrNotExist) {
		return loc, nil
	}
	if err != nil {
		return nil, fmt.Errorf("charts: %s: %w", own, err)
	}
	over, err := charts.LocaleFromTOML(lang, data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", own, err)
	}
	for k, v := range over.Strings {
		loc.Strings[k] = v
	}
	return loc, nil
}

// addCharts encodes the figures of one page (dir, relative to the content
// tree, with "/") in one language into p.extra; nothing when there is
// none to draw.
func (p *Project) addCharts(dir, lang string, figs map[string]charts.Figure) error {
	out := map[string]string{}
	for k, f := range figs {
		if !f.Empty() {
			out[k+"_svg"], out[k+"_table"] = f.SVG, f.Table
		}
	}
	if len(out) == 0 {
		return nil
	}
	name := path.Join(dir, ChartsFile(lang))
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)                // the values are HTML; keep them readable
	if err := enc.Encode(out); err != nil { // map keys sorted: the same bytes each build
		return fmt.Errorf("charts: %s: %w", name, err)
	}
	p.extra[name] = buf.Bytes()
	return nil
}

// removeStoredCharts removes the charts.<lang>.json and .yaml files that
// earlier versions of jisr wrote into the term pages and the review section
// of the content tree.
func removeStoredCharts(fsys afero.Fs, w *content.Writer, dir string) error {
	for _, pattern := range []string{"entities/*/charts.*.json", "entities/*/charts.*.yaml", "tags/*/charts.*.json", "tags/*/charts.*.yaml",
		content.ReviewSection + "/charts.*.json", content.ReviewSection + "/charts.*.yaml"} {
		old, err := afero.Glob(fsys, filepath.Join(dir, filepath.FromSlash(pattern)))
		if err != nil {
			return fmt.Errorf("charts: %w", err)
		}
		for _, name := range old {
			if err := fsys.Remove(name); err != nil {
				return fmt.Errorf("charts: removing %s: %w", name, err)
			}
			w.Written++
		}
	}
	return nil
}
