package search

import (
	"path"
	"sort"

	"github.com/jisr-news/jisr/generator/analyze"
	"github.com/jisr-news/jisr/generator/content"
)

// PagePath returns where the site publishes a page, relative to the site
// root: Arabic at the root, English under en/; "<section>/<id>/" normally,
// "<section>/<id>.html" in offline mode (Hugo's uglyURLs).
func PagePath(lang, section, id string, offline bool) string {
	p := path.Join(section, id)
	if lang != "ar" {
		p = path.Join(lang, p)
	}
	if offline {
		return p + ".html"
	}
	return p + "/"
}

// FromPages returns the docs of a site built from pages: each article in
// Arabic and English, and every entity and tag they carry, in both
// languages. Articles come newest first, then entities, then tags, each
// group in a stable order.
func FromPages(pages []content.Page, offline bool) []Doc {
	ps := append([]content.Page(nil), pages...)
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i].Article, ps[j].Article
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		return a.ID < b.ID
	})
	var docs []Doc
	ents := map[string]analyze.Entity{}
	tags := map[string]analyze.Tag{}
	for _, p := range ps {
		a := p.Article
		date := ""
		if !a.Date.IsZero() {
			date = a.Date.Format("2006-01-02")
		}
		var ar, en []string
		titleEN := ""
		for _, s := range p.Segments {
			if s.ID == "title" {
				titleEN = s.EN
				continue
			}
			ar = append(ar, s.AR)
			en = append(en, s.EN)
		}
		if titleEN == "" {
			titleEN = a.Title
		}
		docs = append(docs,
			Doc{Kind: KindArticle, Lang: "ar", Path: PagePath("ar", "articles", a.ID, offline), Title: a.Title, Meta: date, Text: ar},
			Doc{Kind: KindArticle, Lang: "en", Path: PagePath("en", "articles", a.ID, offline), Title: titleEN, Meta: date, Text: en})
		for _, e := range p.Analysis.Entities {
			if _, ok := ents[e.ID]; !ok {
				ents[e.ID] = e
			}
		}
		for _, t := range p.Analysis.Tags {
			tags[t.ID] = t
		}
	}
	for _, id := range sortedKeys(ents) {
		e := ents[id]
		names := append([]string{e.NameAR, e.NameEN}, e.Aliases...)
		docs = append(docs,
			Doc{Kind: KindEntity, Lang: "ar", Path: PagePath("ar", "entities", id, offline), Title: e.NameAR, Meta: string(e.Type), Text: names, Names: names},
			Doc{Kind: KindEntity, Lang: "en", Path: PagePath("en", "entities", id, offline), Title: e.NameEN, Meta: string(e.Type), Text: names, Names: names})
	}
	for _, id := range sortedKeys(tags) {
		t := tags[id]
		names := []string{t.LabelAR, t.LabelEN}
		docs = append(docs,
			Doc{Kind: KindTag, Lang: "ar", Path: PagePath("ar", "tags", id, offline), Title: t.LabelAR, Text: names, Names: names},
			Doc{Kind: KindTag, Lang: "en", Path: PagePath("en", "tags", id, offline), Title: t.LabelEN, Text: names, Names: names})
	}
	return docs
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
