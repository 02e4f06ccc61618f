// Package content writes the Hugo content tree from the pipeline's results.
//
// In: each article with its stored segments and its analysis. Out, under the
// content folder:
//
//	articles/_index.{ar,en}.md           the section pages
//	articles/<id>/index.ar.md            Arabic page: front matter only
//	articles/<id>/index.en.md            English page: front matter only
//	articles/<id>/<store.FileName>          the aligned segments
//	articles/<id>/analysis.yaml          the analysis: entities with offsets, tags, date
//	entities/<slug>/_index.{ar,en}.md    entity term pages (names, type, Wikidata, co-occurrence)
//	tags/<slug>/_index.{ar,en}.md        tag term pages (IPTC labels)
//
// The body text lives only in the segment store, which the layouts read as a page
// resource; the index files carry metadata. So there is one place to correct
// a translation. This package decides what the files say; package store
// owns their format and writes them (atomically, and only when their bytes
// change, which keeps the tree diff-friendly).
package content

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/analyze"
	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/generator/dates"
	"github.com/jisr-news/jisr/generator/qa"
	"github.com/jisr-news/jisr/generator/store"
)

// Page is one article ready to be written.
type Page struct {
	Article  *article.Article
	Segments []store.Segment
	Analysis analyze.Result
}

// Writer writes the content tree under Dir of Fs, counting in Written the
// files it changed.
type Writer struct {
	Fs      afero.Fs
	Dir     string
	Written int
	out     *store.Writer
	// lines keeps, by article ID, the line of each segment's English in
	// the store WriteArticle wrote, for WriteReview: the store is encoded
	// once per build and never parsed again for its lines.
	lines map[string]map[string]int
}

// tree returns the store's writer, with the count carried over.
func (w *Writer) tree() *store.Writer {
	if w.out == nil {
		w.out = &store.Writer{Fs: w.Fs, Dir: w.Dir}
	}
	w.out.Written = w.Written
	return w.out
}

// Mention is the per-article data that an entity term page shows.
type Mention = store.Mention

// Provenance says how a page's English was made (see store.ProvenanceOf).
type Provenance = store.Provenance

// ProvenanceOf summarizes the statuses and engines of an article's segments.
func ProvenanceOf(segs []store.Segment) Provenance { return store.ProvenanceOf(segs) }

// Warnings returns, for the build's log, one line per name of the page
// that was too long for a file name and was shortened (article.FitName):
// its article ID, tags and entities. Each names the seed and the name; the
// page shows the name whole.
func Warnings(p Page) []string {
	a := p.Article
	var out []string
	if article.Shortened(a.ID) {
		out = append(out, fmt.Sprintf("%s: its ID is too long for a folder name; the article is articles/%s (set a shorter slug or file name to choose it)", a.Source, a.ID))
	}
	for _, t := range p.Analysis.Tags {
		if article.Shortened(t.ID) {
			out = append(out, fmt.Sprintf("%s: the tag %q makes a page name too long for a file; its page is tags/%s (the tag shows whole)", a.Source, cut(t.LabelEN, 80), t.ID))
		}
	}
	for _, e := range p.Analysis.Entities {
		if article.Shortened(e.ID) {
			out = append(out, fmt.Sprintf("%s: the entity %q makes a page name too long for a file; its page is entities/%s", a.Source, cut(e.NameEN, 80), e.ID))
		}
	}
	return out
}

// cut shortens s to at most n bytes on a rune boundary, with "…".
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// WriteArticle writes the bundle of one article: its two index pages, its
// segment store and its analysis.
func (w *Writer) WriteArticle(p Page) error {
	err := w.writeArticle(p)
	w.Written = w.out.Written
	if err != nil {
		return fmt.Errorf("content: %s: %w", p.Article.ID, err)
	}
	return nil
}

func (w *Writer) writeArticle(p Page) error {
	a := p.Article
	out := w.tree()
	lines, err := out.WriteStoreLines(&store.File{Article: a.ID, Segments: p.Segments})
	if err != nil {
		return err
	}
	if w.lines == nil {
		w.lines = map[string]map[string]int{}
	}
	w.lines[a.ID] = lines
	byID := map[string]*store.Segment{}
	for i := range p.Segments {
		byID[p.Segments[i].ID] = &p.Segments[i]
	}
	en := func(id string) string {
		if s := byID[id]; s != nil && s.EN != "" {
			return s.EN
		}
		return ""
	}
	leadAR, leadEN := "", ""
	for _, b := range a.Blocks {
		if b.Kind != article.KindParagraph {
			continue
		}
		leadAR = b.Text
		var parts []string
		for _, s := range b.Segments {
			parts = append(parts, en(s.ID))
		}
		leadEN = strings.TrimSpace(strings.Join(parts, " "))
		break
	}
	prov := ProvenanceOf(p.Segments)
	prov.ID, prov.Source = a.ID, a.Source
	date := ""
	if !a.Date.IsZero() {
		date = dates.FrontMatter(a.Date) // with the time when the input has one
	}
	var tags, ents []string
	for _, t := range p.Analysis.Tags {
		tags = append(tags, t.ID)
	}
	mAR, mEN := map[string]Mention{}, map[string]Mention{}
	for _, e := range p.Analysis.Entities {
		ents = append(ents, e.ID)
		ma, me := Mention{Count: len(e.Mentions)}, Mention{Count: len(e.Mentions)}
		if len(e.Mentions) > 0 {
			id := e.Mentions[0].Segment
			if s := byID[id]; s != nil {
				ma.Snippet, me.Snippet = s.AR, s.EN
			}
		}
		mAR[e.ID], mEN[e.ID] = ma, me
	}
	if err := out.WriteAnalysis(qa.Stored(a.ID, date, p.Analysis)); err != nil {
		return err
	}
	var srcs []string
	var figs []store.Figure
	for _, img := range a.Images {
		src := img.Src // a site path is written relative to the site's base
		if !strings.HasPrefix(src, "http://") && !strings.HasPrefix(src, "https://") {
			src = strings.TrimPrefix(src, "/")
		}
		srcs = append(srcs, src)
		figs = append(figs, store.Figure{Src: src, Alt: img.Alt, Caption: img.Caption})
	}
	for _, lang := range store.Languages {
		fm := store.ArticlePage{
			Title: a.Title, Date: date, TranslationKey: a.ID, Lead: leadAR,
			Author: a.Author, Publisher: a.Publisher, URL: a.URL,
			Tags: tags, Entities: ents, Mentions: mAR, Jisr: prov, Images: srcs, Figures: figs,
			Build: map[string]any{"publishResources": false},
		}
		if lang == "en" {
			fm.Title, fm.Lead, fm.Mentions = en("title"), leadEN, mEN
			if fm.Title == "" {
				fm.Title = a.Title
			}
		}
		if err := out.WriteArticlePage(a.ID, lang, &fm); err != nil {
			return err
		}
	}
	return nil
}

// WriteSections writes the section and taxonomy list pages' titles.
func (w *Writer) WriteSections() error {
	titles := map[string][2]string{
		store.ArticlesSection: {"الأخبار", "Articles"},
		store.TagsSection:     {"الوسوم", "Tags"},
		store.EntitiesSection: {"الأعلام", "People, places and organizations"},
	}
	out := w.tree()
	defer func() { w.Written = out.Written }()
	for _, sec := range []string{store.ArticlesSection, store.EntitiesSection, store.TagsSection} {
		for i, lang := range store.Languages {
			if err := out.WriteSection(sec, lang, &store.SectionPage{Title: titles[sec][i]}); err != nil {
				return fmt.Errorf("content: %w", err)
			}
		}
	}
	return nil
}

// MaxCooccur bounds the co-occurring entities listed on a term page.
const MaxCooccur = 8

// WriteTerms writes a term page in both languages for every entity and tag
// of the pages, with each entity's most frequent co-occurring entities.
func (w *Writer) WriteTerms(pages []Page) error {
	out := w.tree()
	defer func() { w.Written = out.Written }()
	ents := map[string]analyze.Entity{}
	co := map[string]map[string]int{}
	tags := map[string]analyze.Tag{}
	for _, p := range pages {
		for _, e := range p.Analysis.Entities {
			if _, ok := ents[e.ID]; !ok {
				ents[e.ID] = e
			}
			for _, o := range p.Analysis.Entities {
				if o.ID != e.ID {
					if co[e.ID] == nil {
						co[e.ID] = map[string]int{}
					}
					co[e.ID][o.ID]++
				}
			}
		}
		for _, t := range p.Analysis.Tags {
			tags[t.ID] = t
		}
	}
	for id, e := range ents {
		var cs []store.Cooccurrence
		for o, n := range co[id] {
			cs = append(cs, store.Cooccurrence{ID: o, Count: n})
		}
		sort.Slice(cs, func(i, j int) bool {
			if cs[i].Count != cs[j].Count {
				return cs[i].Count > cs[j].Count
			}
			return cs[i].ID < cs[j].ID
		})
		if len(cs) > MaxCooccur {
			cs = cs[:MaxCooccur]
		}
		fm := store.EntityPage{TermPage: store.TermPage{Generated: true, Type: string(e.Type), NameAR: e.NameAR, NameEN: e.NameEN, Aliases: e.Aliases, Wikidata: e.Wikidata},
			Gazetteer: e.Known, Cooccur: cs}
		for _, lang := range store.Languages {
			fm.Title = e.NameAR
			if lang == "en" {
				fm.Title = e.NameEN
			}
			if err := out.WriteEntityPage(id, lang, &fm); err != nil {
				return fmt.Errorf("content: %w", err)
			}
		}
	}
	if err := out.PruneTerms(store.EntitiesSection, func(id string) bool { _, ok := ents[id]; return ok }); err != nil {
		return fmt.Errorf("content: %w", err)
	}
	if err := out.PruneTerms(store.TagsSection, func(id string) bool { _, ok := tags[id]; return ok }); err != nil {
		return fmt.Errorf("content: %w", err)
	}
	for id, t := range tags {
		fm := store.TagPage{Generated: true, QCode: t.QCode, LabelAR: t.LabelAR, LabelEN: t.LabelEN}
		for _, lang := range store.Languages {
			fm.Title = t.LabelAR
			if lang == "en" {
				fm.Title = t.LabelEN
			}
			if err := out.WriteTagPage(id, lang, &fm); err != nil {
				return fmt.Errorf("content: %w", err)
			}
		}
	}
	return nil
}
