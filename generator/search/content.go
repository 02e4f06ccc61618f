package search

import (
	"errors"
	"fmt"
	iofs "io/fs"
	"sort"
	"time"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/dates"
	"github.com/jisr-news/jisr/generator/store"
)

// FromContent returns the docs of the site that Hugo renders from the
// content tree dir (as package content writes it): every article of
// articles/<id>/ in Arabic and English, with its text from the segment store,
// and every entity and tag term page in both languages. It reads the tree,
// not this run's seeds, so articles kept only in content/ are searchable
// too. Articles come newest first, then entities, then tags.
func FromContent(fs afero.Fs, dir string, offline bool) ([]Doc, error) {
	type art struct {
		id   string
		date time.Time
		docs []Doc
	}
	var arts []art
	ids, err := store.Articles(fs, dir)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	for _, id := range ids {
		var fm [2]*store.ArticlePage
		ok := true
		for i, lang := range store.Languages {
			fm[i], err = store.ReadArticlePage(fs, dir, id, lang)
			if errors.Is(err, iofs.ErrNotExist) {
				ok = false
				continue
			}
			if err != nil {
				return nil, fmt.Errorf("search: %w", err)
			}
		}
		if !ok {
			continue // not an article bundle
		}
		f, err := store.LoadSalvaged(fs, store.Path(dir, id)) // the build reports a broken store
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		var ar, en []string
		for _, s := range f.Segments {
			if s.ID == "title" {
				continue
			}
			ar, en = append(ar, s.AR), append(en, s.EN)
		}
		a := art{id: id}
		// The front matter's date may carry a time (dates.FrontMatter): it
		// orders the results; the result line shows the day, as pages do.
		day := fm[0].Date
		if d, ok := dates.Parse(fm[0].Date); ok {
			a.date, day = d, d.Format("2006-01-02")
		}
		a.docs = []Doc{
			{Kind: KindArticle, Lang: "ar", Path: PagePath("ar", store.ArticlesSection, id, offline), Title: fm[0].Title, Meta: day, Text: ar},
			{Kind: KindArticle, Lang: "en", Path: PagePath("en", store.ArticlesSection, id, offline), Title: fm[1].Title, Meta: day, Text: en},
		}
		arts = append(arts, a)
	}
	sort.SliceStable(arts, func(i, j int) bool {
		if !arts[i].date.Equal(arts[j].date) {
			return arts[i].date.After(arts[j].date)
		}
		return arts[i].id < arts[j].id
	})
	var docs []Doc
	for _, a := range arts {
		docs = append(docs, a.docs...)
	}
	ents, err := termDocs(fs, dir, store.EntitiesSection, offline, func(lang, id string) (string, []string, string, error) {
		p, err := store.ReadEntityPage(fs, dir, id, lang)
		if err != nil {
			return "", nil, "", err
		}
		return p.Title, append([]string{p.NameAR, p.NameEN}, p.Aliases...), p.Type, nil
	})
	if err != nil {
		return nil, err
	}
	tags, err := termDocs(fs, dir, store.TagsSection, offline, func(lang, id string) (string, []string, string, error) {
		p, err := store.ReadTagPage(fs, dir, id, lang)
		if err != nil {
			return "", nil, "", err
		}
		return p.Title, []string{p.LabelAR, p.LabelEN}, "", nil
	})
	if err != nil {
		return nil, err
	}
	return append(append(docs, ents...), tags...), nil
}

// termDocs returns the docs of the term pages of section, in both
// languages; read gives a page's title, its names and its meta line. The
// names searched are those of the Arabic page, with both titles.
func termDocs(fs afero.Fs, dir, section string, offline bool, read func(lang, id string) (string, []string, string, error)) ([]Doc, error) {
	ids, err := store.Terms(fs, dir, section)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	kind := KindEntity
	if section == store.TagsSection {
		kind = KindTag
	}
	var docs []Doc
	for _, id := range ids {
		var titles [2]string
		var names []string
		var meta string
		ok := true
		for i, lang := range store.Languages {
			t, n, m, err := read(lang, id)
			if errors.Is(err, iofs.ErrNotExist) {
				ok = false
				continue
			}
			if err != nil {
				return nil, fmt.Errorf("search: %w", err)
			}
			titles[i] = t
			if i == 0 {
				names, meta = n, m
			}
		}
		if !ok {
			continue
		}
		names = append(names, titles[0], titles[1])
		for i, lang := range store.Languages {
			docs = append(docs, Doc{Kind: kind, Lang: lang, Path: PagePath(lang, section, id, offline), Title: titles[i], Meta: meta, Text: names, Names: names})
		}
	}
	return docs, nil
}
