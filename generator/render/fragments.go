package render

import (
	"encoding/json"
	"errors"
	"fmt"
	"html"
	iofs "io/fs"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/charts"
	"github.com/jisr-news/jisr/generator/store"
)

// Article bodies are rendered here, in Go, once per article and language,
// rather than by the layouts segment by segment: the per-segment template
// chain (partials body.html → text.html → review-bidi.html, with its
// regular expressions, and transform.Unmarshal of the segment store) was the
// largest cost of a build (see ARCHITECTURE.md, "Where the time goes").
// The HTML is byte for byte what body.html writes (the golden pages of
// generator/build and TestBodyMatchesTemplate check it); body.html stays as
// the fallback of a project whose own templates read the segment store.

// BodyFile is the page resource of an article bundle that holds its body
// as HTML in one language: body.<lang>.txt beside index.<lang>.md, read by
// templates/layouts/page.html. The name ends in .txt so that Hugo keeps it
// a plain resource (an .html file in a bundle would be content).
func BodyFile(lang string) string { return "body." + lang + ".txt" }

// TitleFile and LeadFile are the page resources of an article bundle
// that hold its title and its lead in one language as HTML through Bidi
// (title.<lang>.txt, lead.<lang>.txt; no lead file when it has none): the
// teasers of the home, section and term pages inline them instead of
// running partial text.html per teaser, the most called template of a
// build. Each falls back to text.html when the file is missing.
func TitleFile(lang string) string { return "title." + lang + ".txt" }

// LeadFile: see TitleFile.
func LeadFile(lang string) string { return "lead." + lang + ".txt" }

// TeaserFile is the page resource of an article bundle that holds the
// head of its teaser in one language as term.html and section.html write
// it: the linked title and the opening of the meta line with the date,
//
//	<h3><a href="/en/articles/id/">Title</a></h3>
//	  <p class="meta"><time datetime="2015-07-21">21 July 2015</time>
//
// (teaser.<lang>.txt), so a list inlines one resource per teaser instead
// of a title resource and partial date.html. It is made only where Go
// knows the bytes Hugo would write (see teaser); elsewhere the layouts
// fall back to the title resource and date.html.
func TeaserFile(lang string) string { return "teaser." + lang + ".txt" }

// storedSegment is the part of a segment store entry a body needs.
type storedSegment struct {
	ID     string `yaml:"id"`
	Kind   string `yaml:"kind"`
	Block  int    `yaml:"block"`
	AR     string `yaml:"ar"`
	EN     string `yaml:"en"`
	Status string `yaml:"status"`
	OldAR  string `yaml:"old_ar"`
	// Engine, Model and Reviewer are shown by the review page's rows.
	Engine, Model, Reviewer string
}

// Bodies returns the body HTML of an article in Arabic and English from
// the bytes of its segment store: the contents of its two BodyFile
// resources.
func Bodies(segmentsYAML []byte) (ar, en string, err error) {
	segs, err := readSegments(segmentsYAML)
	if err != nil {
		return "", "", err
	}
	return body(segs, "ar"), body(segs, "en"), nil
}

func readSegments(segmentsYAML []byte) ([]storedSegment, error) {
	f, err := store.Parse(store.FileName, segmentsYAML) // the store's one reader
	if err != nil {
		return nil, err
	}
	segs := make([]storedSegment, len(f.Segments))
	for i, s := range f.Segments {
		segs[i] = storedSegment{ID: s.ID, Kind: string(s.Kind), Block: s.Block, AR: s.AR, EN: s.EN, Status: string(s.Status), OldAR: s.OldAR,
			Engine: s.Engine, Model: s.Model, Reviewer: s.Reviewer}
	}
	return segs, nil
}

// ReviewFile is the page resource of an article bundle that holds, per
// segment ID, its texts as HTML through Bidi ("en", "ar" and, for a stale
// segment, "old_ar"), as JSON: the review page (review/page.html) shows
// them without running the bidi rules per segment in the template.
const ReviewFile = "review-text.json"

// reviewTexts returns the contents of ReviewFile.
func reviewTexts(segs []storedSegment) ([]byte, error) {
	m := make(map[string]map[string]string, len(segs))
	for _, s := range segs {
		t := map[string]string{"ar": Bidi(s.AR, "ar")}
		if s.EN != "" {
			t["en"] = Bidi(s.EN, "en")
		}
		if s.OldAR != "" {
			t["old_ar"] = Bidi(s.OldAR, "ar")
		}
		m[s.ID] = t
	}
	return json.Marshal(m)
}

// body writes what _partials/body.html writes: blocks as <h2> or <p>, each
// sentence a span with its ID and status, its text through Bidi.
func body(segs []storedSegment, lang string) string {
	var b strings.Builder
	block, open := -1, ""
	for _, s := range segs {
		if s.Kind == "title" {
			continue
		}
		if s.Block != block {
			if open != "" {
				fmt.Fprintf(&b, "</%s>", open)
			}
			open = "p"
			if s.Kind == "heading" {
				open = "h2"
			}
			fmt.Fprintf(&b, "<%s>", open)
			block = s.Block
		} else {
			b.WriteByte(' ')
		}
		text := s.AR
		if lang != "ar" && s.EN != "" {
			text = s.EN
		}
		fmt.Fprintf(&b, `<span class="seg" id="seg-%s" data-status="%s">%s</span>`,
			html.EscapeString(s.ID), html.EscapeString(s.Status), Bidi(text, lang))
	}
	if open != "" {
		fmt.Fprintf(&b, "</%s>", open)
	}
	b.WriteByte('\n') // body.html ends with a line break
	return b.String()
}

var (
	bidiMarks  = regexp.MustCompile("[\ue000\ue001]")
	bidiLatin  = regexp.MustCompile(`([A-Za-z0-9][A-Za-z0-9.,:/%&'’ -]*[A-Za-z0-9%]|[A-Za-z0-9])`)
	bidiArabic = regexp.MustCompile(`(\p{Arabic}+(?:[\s\p{Arabic}]*\p{Arabic})?)`)
)

// Bidi returns text as escaped HTML with the runs of the other script
// isolated in <bdi>: Latin words and numbers inside Arabic (lang "ar"),
// Arabic words inside English (any other lang, as <bdi lang="ar"
// dir="rtl">). It is the Go twin of _partials/review-bidi.html and gives
// the same bytes.
func Bidi(text, lang string) string {
	t := text
	if strings.ContainsAny(t, "\ue000\ue001") {
		t = bidiMarks.ReplaceAllString(t, "")
	}
	open := "<bdi>"
	if lang == "ar" {
		if strings.ContainsAny(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") {
			t = bidiLatin.ReplaceAllString(t, "\ue000${1}\ue001")
		}
	} else {
		t = bidiArabic.ReplaceAllString(t, "\ue000${1}\ue001")
		open = `<bdi lang="ar" dir="rtl">`
	}
	t = html.EscapeString(t)
	t = strings.ReplaceAll(t, "\ue000", open)
	return strings.ReplaceAll(t, "\ue001", "</bdi>")
}

// isArticleStore reports whether rel (a slash path in the content tree) is
// an article's segment store: articles/<id>/<store.FileName>.
func isArticleStore(rel string) bool { return isArticleFile(rel, store.FileName) }

// isArticleFile reports whether rel is the file name of an article
// bundle: articles/<id>/<name>.
func isArticleFile(rel, name string) bool {
	parts := strings.Split(path.Clean(rel), "/")
	return len(parts) == 3 && parts[0] == store.ArticlesSection && parts[2] == name
}

// articleFiles makes the generated resources of the article bundles of
// a content tree: the body, title and lead files (BodyFile, TitleFile,
// LeadFile) of each article and, when
// the article has a review page, the rows of its table (ReviewRowsFile, in
// the review bundle) or, when those cannot be made in Go, the texts the
// template rows use (ReviewFile).
type articleFiles struct {
	fs         afero.Fs // the project's filesystem
	contentDir string
	en         *charts.Locale // the English interface strings; nil: no rows in Go
	skip       []string       // folders left out of the site (Input.Skip)
	// locs are the interface strings of each language (the month names
	// of the teasers' dates); a language missing: no teasers in Go.
	locs map[string]*charts.Locale
	// basePath is the path the site's pages start with ("/", "/repo/"),
	// the start of an article's RelPermalink; "" (an offline site, whose
	// links Hugo makes relative): no teasers in Go.
	basePath string
	// lean leaves out of Hugo's source the article files that jisr's own
	// layouts do not read once the Go fragments exist: analysis.yaml, and
	// segments.yaml when the body and review rows are made. False when
	// the project has layouts of its own, which may read them.
	lean bool
	// deferPages leaves the fragments only article and review pages read
	// (body, review rows) out of the Hugo source, for a site rendered in
	// shards: each shard run makes its own articles' (pageFragments), so
	// the source of every run never holds every article's body at once.
	deferPages bool
	// parsed, when not nil, gets the date, tags and entities of every
	// index page listFragments read, by its slash path under the content
	// folder, for planShards to read them without parsing the page again
	// (renderSite empties it).
	parsed map[string]*store.ArticlePage
	// items, when not nil, gathers the members of the entity pages for
	// their items made in Go (fragitems.go); only with jisr's own
	// layouts.
	items *entityItems
}

// file is overlay's callback for the content tree: it writes the
// generated files of an article with its segment store and says whether
// the file itself goes to Hugo.
func (a articleFiles) file(mem afero.Fs, root, rel string, data []byte) (keep bool, err error) {
	if !isArticleStore(rel) {
		return !a.lean || !isArticleFile(rel, "analysis.yaml"), nil
	}
	if a.deferPages {
		return false, a.teasers(mem, root, path.Base(path.Dir(rel)), true)
	}
	rowsMade, err := a.write(mem, root, rel, data, true)
	return !a.lean || !rowsMade, err
}

// pageFragments writes into mem (whose content tree is at root) every
// generated file of the article id, from its segment store in the
// project's content tree, as file does without deferPages; the store
// itself too when the layouts still need it.
func (a articleFiles) pageFragments(mem afero.Fs, root, id string) error {
	rel := path.Join(store.ArticlesSection, id, store.FileName)
	data, err := afero.ReadFile(a.fs, path.Join(filepath.ToSlash(a.contentDir), rel))
	if errors.Is(err, iofs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	rowsMade, err := a.write(mem, root, rel, data, false)
	if err != nil || (a.lean && rowsMade) {
		return err
	}
	return writeFile(mem, path.Join(root, rel), data)
}

// listFragments writes the title, lead and teaser files of the article
// id (what the lists read; see write) from its index pages in mem.
func (a articleFiles) listFragments(mem afero.Fs, root, id string) error {
	return a.teasers(mem, root, id, false)
}

// teasers is listFragments and, with terms, when the layouts are jisr's
// own, the article's term teasers (writeTermTeasers), which only term
// pages read, and its pages recorded for the entity items (items).
func (a articleFiles) teasers(mem afero.Fs, root, id string, terms bool) error {
	dir := path.Join(root, store.ArticlesSection, id)
	pages, heads := map[string]*store.ArticlePage{}, map[string]string{}
	for _, lang := range []string{"ar", "en"} {
		file := store.PagePath(root, id, lang)
		data, err := afero.ReadFile(mem, file)
		if errors.Is(err, iofs.ErrNotExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("store: %w", err)
		}
		p, err := store.ParseArticlePage(file, data)
		if err != nil {
			return err
		}
		if a.parsed != nil {
			a.parsed[path.Join(store.ArticlesSection, id, "index."+lang+".md")] = &store.ArticlePage{Date: p.Date, Tags: p.Tags, Entities: p.Entities}
		}
		if err := afero.WriteFile(mem, path.Join(dir, TitleFile(lang)), []byte(Bidi(p.Title, lang)), 0o644); err != nil {
			return err
		}
		if p.Lead != "" {
			if err := afero.WriteFile(mem, path.Join(dir, LeadFile(lang)), []byte(Bidi(p.Lead, lang)), 0o644); err != nil {
				return err
			}
		}
		pages[lang] = p
		if t, ok := teaser(a.basePath, id, lang, p, a.locs[lang]); ok {
			if err := afero.WriteFile(mem, path.Join(dir, TeaserFile(lang)), []byte(t), 0o644); err != nil {
				return err
			}
			heads[lang] = t
		}
		if terms && a.items != nil {
			a.items.add(id, lang, data, p, heads[lang])
		}
	}
	if !terms || !a.lean {
		return nil // a project's own layouts may match teaser*.txt
	}
	return writeTermTeasers(mem, dir, pages, heads)
}

// write writes the files of the article whose segment store is at rel (a
// slash path under root) into mem. done reports that nothing of the
// layouts needs the segment store any more: the article has no review
// page, or its rows were made. terms: the run renders term pages (see
// teasers).
func (a articleFiles) write(mem afero.Fs, root, rel string, segmentsYAML []byte, terms bool) (done bool, err error) {
	segs, err := readSegments(segmentsYAML)
	if err != nil {
		return false, fmt.Errorf("%s: %w", rel, err)
	}
	dir := path.Join(root, path.Dir(rel))
	if err := afero.WriteFile(mem, path.Join(dir, BodyFile("ar")), []byte(body(segs, "ar")), 0o644); err != nil {
		return false, err
	}
	if err := afero.WriteFile(mem, path.Join(dir, BodyFile("en")), []byte(body(segs, "en")), 0o644); err != nil {
		return false, err
	}
	id := path.Base(path.Dir(rel))
	// The index pages precede segments.yaml in the walk.
	if err := a.teasers(mem, root, id, terms); err != nil {
		return false, err
	}
	page, err := store.ReadReviewPage(a.fs, filepath.ToSlash(a.contentDir), id)
	if errors.Is(err, iofs.ErrNotExist) || slices.Contains(a.skip, path.Join(store.ReviewSection, id)) {
		return true, nil // no review page: nothing reads the texts
	}
	if err != nil {
		return false, err
	}
	if rows, ok := reviewRows(segs, page, a.en); ok {
		return true, writeFile(mem, path.Join(root, store.ReviewSection, id, ReviewRowsFile), []byte(rows))
	}
	texts, err := reviewTexts(segs)
	if err != nil {
		return false, fmt.Errorf("%s: %w", rel, err)
	}
	return false, afero.WriteFile(mem, path.Join(dir, ReviewFile), texts, 0o644)
}

// teaserEnabled turns the teasers made in Go off, for the test that
// compares them with the template's.
var teaserEnabled = true

// plainPath matches the base paths and article IDs whose URL Hugo writes
// as they are: no letter it would lowercase, nothing html/template would
// percent-encode in an href.
var plainPath = regexp.MustCompile(`^[a-z0-9/._~-]*$`)

// teaser returns the contents of TeaserFile for the article id in lang
// with front matter p, the bytes term.html and section.html write from
// the title resource and date.html; ok is false when they must be left
// to the layouts: no locale or month name, an ID or base path Hugo would
// change in the link, or a date that is neither RFC 3339 nor a day
// (2015-07-21; Hugo reads more forms, and an undated page may take its
// date from other fields).
//
// The link is Hugo's RelPermalink for a bundle at articles/<id>/ with no
// slug or url of its own: article index pages are written by jisr
// (generator/content), and hugo.toml, with no permalinks setting, by
// HugoConfig.
func teaser(basePath, id, lang string, p *store.ArticlePage, loc *charts.Locale) (string, bool) {
	if !teaserEnabled || loc == nil || basePath == "" || !plainPath.MatchString(basePath) || !plainPath.MatchString(id) || strings.ContainsAny(id, "/.") {
		return "", false
	}
	d, err := time.Parse(time.RFC3339, p.Date)
	if err != nil { // a day alone is midnight in the site's time zone, UTC
		d, err = time.Parse(time.DateOnly, p.Date)
	}
	if err != nil || d.IsZero() {
		return "", false
	}
	month, ok := loc.Strings["month"+strconv.Itoa(int(d.Month()))]
	if !ok || strings.Contains(month, "{{") {
		return "", false
	}
	link := strings.TrimSuffix(basePath, "/") + "/"
	if lang != "ar" { // the default language has no folder of its own
		link += lang + "/"
	}
	link += store.ArticlesSection + "/" + id + "/"
	// date.html: Western digits, the month's name from i18n (escaped as
	// html/template escapes text).
	return fmt.Sprintf("<h3><a href=\"%s\">%s</a></h3>\n  <p class=\"meta\"><time datetime=\"%s\">%d %s %d</time>",
		link, Bidi(p.Title, lang), d.Format("2006-01-02"), d.Day(), tmplEscape(month), d.Year()), true
}
