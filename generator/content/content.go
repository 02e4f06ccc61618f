// Package content writes the Hugo content tree from the pipeline's results.
//
// In: each article with its stored segments and its analysis. Out, under the
// content folder:
//
//	articles/_index.{ar,en}.md           the section pages
//	articles/<id>/index.ar.md            Arabic page: front matter only
//	articles/<id>/index.en.md            English page: front matter only
//	articles/<id>/segments.yaml          the aligned segments (package store)
//	entities/<slug>/_index.{ar,en}.md    entity term pages (names, type, Wikidata, co-occurrence)
//	tags/<slug>/_index.{ar,en}.md        tag term pages (IPTC labels)
//
// The body text lives only in segments.yaml, which the layouts read as a page
// resource; the index files carry metadata. So there is one place to correct
// a translation. Files are written atomically and only when their bytes
// change, which keeps the tree diff-friendly.
package content

import (
	"bytes"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/spf13/afero"
	"gopkg.in/yaml.v3"

	"github.com/jisr-news/jisr/generator/analyze"
	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/generator/gazetteer"
	"github.com/jisr-news/jisr/generator/safepath"
	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/generator/translate"
)

// Page is one article ready to be written.
type Page struct {
	Article  *article.Article
	Segments []store.Segment
	Analysis analyze.Result
}

// Writer writes files under Dir of Fs, counting what it changed.
type Writer struct {
	Fs      afero.Fs
	Dir     string
	Written int // files whose bytes changed
}

func (w *Writer) write(rel string, data []byte) error {
	name, err := safepath.Join(w.Dir, rel) // IDs come from data: never leave Dir
	if err != nil {
		return fmt.Errorf("content: %w", err)
	}
	if old, err := afero.ReadFile(w.Fs, name); err == nil && bytes.Equal(old, data) {
		return nil
	}
	w.Written++
	return store.WriteFileAtomic(w.Fs, name, data)
}

// frontMatter renders YAML front matter with an empty body.
func frontMatter(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("---\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	buf.WriteString("---\n")
	return buf.Bytes(), nil
}

// Mention is the per-article data that an entity term page shows.
type Mention struct {
	Count   int    `yaml:"count"`
	Snippet string `yaml:"snippet,omitempty"`
}

// Provenance says how a page's English was made. Status is the page's
// weakest segment status, or "mixed" when gist and machine are both present.
type Provenance struct {
	ID     string         `yaml:"id"`
	Source string         `yaml:"source,omitempty"`
	Status string         `yaml:"status"`
	Engine string         `yaml:"engine,omitempty"`
	Model  string         `yaml:"model,omitempty"`
	Counts map[string]int `yaml:"counts"`
}

type articleFM struct {
	Title          string             `yaml:"title"`
	Date           string             `yaml:"date,omitempty"`
	TranslationKey string             `yaml:"translationKey"`
	Lead           string             `yaml:"lead,omitempty"`
	Author         string             `yaml:"author,omitempty"`
	Publisher      string             `yaml:"publisher,omitempty"`
	URL            string             `yaml:"source_url,omitempty"`
	Tags           []string           `yaml:"tags,omitempty"`
	Entities       []string           `yaml:"entities,omitempty"`
	Mentions       map[string]Mention `yaml:"mentions,omitempty"`
	Jisr           Provenance         `yaml:"jisr"`
	// Build keeps segments.yaml out of public/: the layouts read it, the
	// site does not publish it.
	Build map[string]any `yaml:"build"`
}

// ProvenanceOf summarizes the statuses and engines of an article's segments.
func ProvenanceOf(segs []store.Segment) Provenance {
	p := Provenance{Counts: map[string]int{}}
	engines := map[string]bool{}
	models := map[string]bool{}
	for _, s := range segs {
		p.Counts[string(s.Status)]++
		if s.Engine != "" && s.Engine != "human" {
			engines[s.Engine] = true
		}
		if s.Model != "" {
			models[s.Model] = true
		}
	}
	switch {
	case p.Counts[string(translate.StatusGist)] > 0 && p.Counts[string(translate.StatusMachine)] > 0:
		p.Status = "mixed"
	case p.Counts[string(translate.StatusGist)] > 0:
		p.Status = string(translate.StatusGist)
	case p.Counts[string(translate.StatusMachine)] > 0:
		p.Status = string(translate.StatusMachine)
	case p.Counts[string(translate.StatusStale)] > 0:
		p.Status = string(translate.StatusStale)
	case len(segs) > 0:
		p.Status = string(translate.StatusReviewed)
	default:
		p.Status = string(translate.StatusNone)
	}
	p.Engine = strings.Join(sortedKeys(engines), ", ")
	p.Model = strings.Join(sortedKeys(models), ", ")
	return p
}

func sortedKeys(m map[string]bool) []string {
	var s []string
	for k := range m {
		s = append(s, k)
	}
	sort.Strings(s)
	return s
}

// WriteArticle writes the two index files and the segment store of one
// article.
func (w *Writer) WriteArticle(p Page) error {
	a := p.Article
	dir := path.Join("articles", a.ID)
	data, err := store.Marshal(&store.File{Article: a.ID, Segments: p.Segments})
	if err != nil {
		return fmt.Errorf("content: %s: %w", a.ID, err)
	}
	if err := w.write(path.Join(dir, store.FileName), data); err != nil {
		return err
	}
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
		date = a.Date.Format("2006-01-02")
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
	for _, lang := range []string{"ar", "en"} {
		fm := articleFM{
			Title: a.Title, Date: date, TranslationKey: a.ID, Lead: leadAR,
			Author: a.Author, Publisher: a.Publisher, URL: a.URL,
			Tags: tags, Entities: ents, Mentions: mAR, Jisr: prov,
			Build: map[string]any{"publishResources": false},
		}
		if lang == "en" {
			fm.Title, fm.Lead, fm.Mentions = en("title"), leadEN, mEN
			if fm.Title == "" {
				fm.Title = a.Title
			}
		}
		data, err := frontMatter(fm)
		if err != nil {
			return fmt.Errorf("content: %s: %w", a.ID, err)
		}
		if err := w.write(path.Join(dir, "index."+lang+".md"), data); err != nil {
			return err
		}
	}
	return nil
}

type sectionFM struct {
	Title string `yaml:"title"`
}

// WriteSections writes the section and taxonomy list pages' titles.
func (w *Writer) WriteSections() error {
	titles := map[string][2]string{
		"articles": {"الأخبار", "Articles"},
		"tags":     {"الوسوم", "Tags"},
		"entities": {"الأعلام", "People, places and organizations"},
	}
	for _, sec := range []string{"articles", "entities", "tags"} {
		for i, lang := range []string{"ar", "en"} {
			data, err := frontMatter(sectionFM{Title: titles[sec][i]})
			if err != nil {
				return err
			}
			if err := w.write(path.Join(sec, "_index."+lang+".md"), data); err != nil {
				return err
			}
		}
	}
	return nil
}

type cooc struct {
	ID    string `yaml:"id"`
	Count int    `yaml:"count"`
}

type entityFM struct {
	Title              string `yaml:"title"`
	gazetteer.TermPage `yaml:",inline"`
	// Gazetteer says the names come from the gazetteer, which people
	// keep; otherwise the English name is a transliteration.
	Gazetteer bool   `yaml:"gazetteer"`
	Cooccur   []cooc `yaml:"cooccur,omitempty"`
}

type tagFM struct {
	Title     string `yaml:"title"`
	QCode     string `yaml:"qcode,omitempty"`
	LabelAR   string `yaml:"label_ar"`
	LabelEN   string `yaml:"label_en"`
	Generated bool   `yaml:"jisr_generated"`
}

// MaxCooccur bounds the co-occurring entities listed on a term page.
const MaxCooccur = 8

// WriteTerms writes a term page in both languages for every entity and tag
// of the pages, with each entity's most frequent co-occurring entities.
func (w *Writer) WriteTerms(pages []Page) error {
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
		var cs []cooc
		for o, n := range co[id] {
			cs = append(cs, cooc{o, n})
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
		fm := entityFM{TermPage: gazetteer.TermPage{Generated: true, Type: string(e.Type), NameAR: e.NameAR, NameEN: e.NameEN, Aliases: e.Aliases, Wikidata: e.Wikidata},
			Gazetteer: e.Known, Cooccur: cs}
		for _, lang := range []string{"ar", "en"} {
			fm.Title = e.NameAR
			if lang == "en" {
				fm.Title = e.NameEN
			}
			data, err := frontMatter(fm)
			if err != nil {
				return err
			}
			if err := w.writeTerm(path.Join("entities", id, "_index."+lang+".md"), data); err != nil {
				return err
			}
		}
	}
	if err := prune(w, "entities", ents); err != nil {
		return err
	}
	if err := prune(w, "tags", tags); err != nil {
		return err
	}
	for id, t := range tags {
		fm := tagFM{Generated: true, QCode: t.QCode, LabelAR: t.LabelAR, LabelEN: t.LabelEN}
		for _, lang := range []string{"ar", "en"} {
			fm.Title = t.LabelAR
			if lang == "en" {
				fm.Title = t.LabelEN
			}
			data, err := frontMatter(fm)
			if err != nil {
				return err
			}
			if err := w.writeTerm(path.Join("tags", id, "_index."+lang+".md"), data); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeTerm writes a term page unless a person wrote the one in place: a
// page without "jisr_generated: true" is theirs and is never overwritten.
func (w *Writer) writeTerm(rel string, data []byte) error {
	if old, err := afero.ReadFile(w.Fs, path.Join(w.Dir, rel)); err == nil && !generated(old) {
		return nil
	}
	return w.write(rel, data)
}

func generated(page []byte) bool { return bytes.Contains(page, []byte("\njisr_generated: true\n")) }

// prune removes the term pages under section that jisr generated for terms
// no article names any more. Term pages that people wrote are kept.
func prune[T any](w *Writer, section string, keep map[string]T) error {
	dir := path.Join(w.Dir, section)
	entries, err := afero.ReadDir(w.Fs, dir)
	if err != nil {
		return nil // no section yet
	}
	for _, e := range entries {
		if _, ok := keep[e.Name()]; ok || !e.IsDir() {
			continue
		}
		data, err := afero.ReadFile(w.Fs, path.Join(dir, e.Name(), "_index.ar.md"))
		if err != nil || !generated(data) {
			continue
		}
		if err := w.Fs.RemoveAll(path.Join(dir, e.Name())); err != nil {
			return fmt.Errorf("content: remove %s: %w", e.Name(), err)
		}
		w.Written++
	}
	return nil
}
