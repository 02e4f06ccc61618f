package analyze

import (
	"sort"

	"github.com/jisr-news/jisr/generator/arabic"
)

// Spellings of one new name. News writes a name with or without its
// hamzas (أندرو أكسوم, اندرو اكسوم), and Transliterate, which reads the
// hamza, spells the two differently, so each got its own ID and page.
// Two entities the gazetteer does not know are one when they have the
// same type and the same arabic.NameKey (the project's one normalization,
// which folds the alef and hamza forms): within an article collect joins
// them; across articles MergeSpellings gives them one ID.

// spellingKey is what two spellings of one new entity share.
func spellingKey(typ Type, nameAR string) string {
	return string(typ) + "\x00" + arabic.NameKey(nameAR)
}

// MergeSpellings gives every group of unknown entities (Known false) that
// share a type and a NameKey of their Arabic name one ID, with the names
// of the entity that had it. The ID kept is, in this order: one in inUse
// (the IDs of the term pages that exist already, so a page, reviewed or
// generated, is never renamed; the smallest when several are), else the
// ID the most results name, else the smallest. Entities of one result
// that end with the same ID are joined, their mentions in order of
// appearance. The choice depends only on the set of results and inUse,
// not on their order. Known entities are left alone.
//
// In: n results, reached through at (so callers need not copy them), and
// the IDs in use. Out: the results changed in place.
func MergeSpellings(n int, at func(i int) *Result, inUse []string) {
	used := map[string]bool{}
	for _, id := range inUse {
		used[id] = true
	}
	type cand struct {
		ids      map[string]int // ID → results naming it
		nameOfID map[string]Entity
	}
	groups := map[string]*cand{}
	for i := range n {
		seen := map[string]bool{}
		for _, e := range at(i).Entities {
			if e.Known || seen[e.ID] {
				continue
			}
			seen[e.ID] = true
			k := spellingKey(e.Type, e.NameAR)
			g := groups[k]
			if g == nil {
				g = &cand{ids: map[string]int{}, nameOfID: map[string]Entity{}}
				groups[k] = g
			}
			g.ids[e.ID]++
			if _, ok := g.nameOfID[e.ID]; !ok {
				g.nameOfID[e.ID] = e
			}
		}
	}
	chosen := map[string]Entity{} // spelling key → the entity whose ID and names are kept
	for k, g := range groups {
		if len(g.ids) < 2 {
			continue
		}
		ids := make([]string, 0, len(g.ids))
		for id := range g.ids {
			ids = append(ids, id)
		}
		sort.Slice(ids, func(a, b int) bool {
			x, y := ids[a], ids[b]
			if used[x] != used[y] {
				return used[x]
			}
			if !used[x] && g.ids[x] != g.ids[y] {
				return g.ids[x] > g.ids[y]
			}
			return x < y
		})
		chosen[k] = g.nameOfID[ids[0]]
	}
	if len(chosen) == 0 {
		return
	}
	for i := range n {
		r := at(i)
		changed := false
		for j, e := range r.Entities {
			if e.Known {
				continue
			}
			if c, ok := chosen[spellingKey(e.Type, e.NameAR)]; ok && c.ID != e.ID {
				r.Entities[j].ID, r.Entities[j].NameEN, r.Entities[j].NameAR = c.ID, c.NameEN, c.NameAR
				changed = true
			}
		}
		if changed {
			r.Entities = joinSameID(r.Entities)
		}
	}
}

// joinSameID joins the entities of one article that have the same ID,
// at the place of the first, mentions of the later ones appended.
func joinSameID(es []Entity) []Entity {
	at := map[string]int{}
	out := es[:0:0]
	for _, e := range es {
		if k, ok := at[e.ID]; ok {
			out[k].Mentions = append(out[k].Mentions, e.Mentions...)
			continue
		}
		at[e.ID] = len(out)
		out = append(out, e)
	}
	return out
}
