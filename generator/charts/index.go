package charts

import (
	"sort"
)

// Index holds the articles by entity and by tag, so that the pictures of
// every term are drawn from one pass over the articles.
type Index struct {
	ents     map[string]Entity
	arts     []*Article       // by date, then ID; undated last
	byEntity map[string][]int // article positions in arts, ascending
	byTag    map[string][]int // the same, by tag
	mentions map[string]int   // an entity's mentions over all articles
	counts   []map[string]int // per article: entity ID → mentions
}

// NewIndex indexes the articles. ents names the entities; an entity an
// article names but ents lacks is drawn with its ID as its name.
func NewIndex(arts []Article, ents []Entity) *Index {
	ix := &Index{ents: map[string]Entity{}, byEntity: map[string][]int{}, byTag: map[string][]int{}, mentions: map[string]int{}}
	for _, e := range ents {
		ix.ents[e.ID] = e
	}
	for i := range arts {
		ix.arts = append(ix.arts, &arts[i])
	}
	sort.SliceStable(ix.arts, func(i, j int) bool {
		a, b := ix.arts[i], ix.arts[j]
		if a.Date.IsZero() != b.Date.IsZero() {
			return b.Date.IsZero()
		}
		if !a.Date.Equal(b.Date) {
			return a.Date.Before(b.Date)
		}
		return a.ID < b.ID
	})
	ix.counts = make([]map[string]int, len(ix.arts))
	for i, a := range ix.arts {
		c := map[string]int{}
		for _, m := range a.Entities {
			if _, seen := c[m.ID]; !seen {
				ix.byEntity[m.ID] = append(ix.byEntity[m.ID], i)
			}
			n := max(m.Count, 1)
			c[m.ID] += n
			ix.mentions[m.ID] += n
			if _, ok := ix.ents[m.ID]; !ok {
				ix.ents[m.ID] = Entity{ID: m.ID, Type: Other, NameAR: m.ID, NameEN: m.ID}
			}
		}
		ix.counts[i] = c
		seen := map[string]bool{}
		for _, t := range a.Tags {
			if !seen[t] {
				seen[t] = true
				ix.byTag[t] = append(ix.byTag[t], i)
			}
		}
	}
	return ix
}

// Entities returns the IDs of the entities the articles name, sorted.
func (ix *Index) Entities() []string { return keys(ix.byEntity) }

// Tags returns the tags of the articles, sorted.
func (ix *Index) Tags() []string { return keys(ix.byTag) }

// Entity returns the entity of id.
func (ix *Index) Entity(id string) Entity { return ix.ents[id] }

func keys(m map[string][]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (ix *Index) articles(pos []int) []*Article {
	out := make([]*Article, len(pos))
	for i, p := range pos {
		out[i] = ix.arts[p]
	}
	return out
}

// EntityTimeline draws the mention timeline of an entity's page.
func (ix *Index) EntityTimeline(id string, loc *Locale, links Links) Figure {
	return timeline(ix.articles(ix.byEntity[id]), "chart_timelineEntity", ix.ents[id].Name(loc.Lang), loc, links)
}

// TagTimeline draws the timeline of a tag's page; name is the tag's label
// in the page's language.
func (ix *Index) TagTimeline(tag, name string, loc *Locale, links Links) Figure {
	return timeline(ix.articles(ix.byTag[tag]), "chart_timelineTag", name, loc, links)
}

// shared counts the articles two sorted position lists have in common.
func shared(a, b []int) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}
