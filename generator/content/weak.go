package content

import "github.com/jisr-news/jisr/generator/analyze"

// MinUnknownArticles is the number of articles that must name an entity the
// gazetteer does not know before it gets a page: a name found by the tagger
// or the context rules in one article only is too often wrong, and a wrong
// entity page is worse than none. Add the name to the gazetteer
// (content/_data/gazetteer.yaml) to index it at once.
const MinUnknownArticles = 2

// DropWeakEntities removes from the analyses of pages, in place, the
// unknown entities (Known false) that fewer than MinUnknownArticles of the
// pages name or that fail analyze.PageWorthy; known entities all stay. It
// is the one rule for which entities the published articles, and so the
// term pages, keep: the build applies it to every article it publishes,
// and prune to the articles that remain.
func DropWeakEntities(pages []Page) {
	n := map[string]int{}
	for _, pg := range pages {
		for _, e := range pg.Analysis.Entities {
			if !e.Known {
				n[e.ID]++
			}
		}
	}
	for i := range pages {
		ents := pages[i].Analysis.Entities[:0]
		for _, e := range pages[i].Analysis.Entities {
			if worthy, _ := analyze.PageWorthy(e); e.Known || (n[e.ID] >= MinUnknownArticles && worthy) {
				ents = append(ents, e)
			}
		}
		pages[i].Analysis.Entities = ents
	}
}
