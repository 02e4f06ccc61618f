package charts

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// synthetic returns n articles over 90 days, each naming 4 to 12 of 4,000
// entities (a few are named often, most rarely, as in news) and 1 to 3 of
// 100 tags: the shape of a 5,000-article site.
func synthetic(n int) ([]Article, []Entity, []string) {
	r := rand.New(rand.NewPCG(5000, 1))
	const nEnt, nTag = 4000, 100
	var ents []Entity
	for i := 0; i < nEnt; i++ {
		ents = append(ents, Entity{ID: fmt.Sprintf("e%04d", i), Type: types[i%4],
			NameAR: fmt.Sprintf("اسم عربي طويل بعض الشيء %d", i), NameEN: fmt.Sprintf("A somewhat long English name %d", i)})
	}
	var tags []string
	for i := 0; i < nTag; i++ {
		tags = append(tags, fmt.Sprintf("t%03d", i))
	}
	zipf := rand.NewZipf(r, 1.2, 4, nEnt-1)
	var arts []Article
	for i := 0; i < n; i++ {
		a := Article{ID: fmt.Sprintf("a%05d", i), Date: time.Date(2015, 5, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(90)),
			TitleAR: fmt.Sprintf("عنوان المقالة رقم %d", i), TitleEN: fmt.Sprintf("Headline of article %d", i)}
		seen := map[uint64]bool{}
		for k := 4 + r.IntN(9); len(seen) < k; {
			seen[zipf.Uint64()] = true
		}
		for e := range seen {
			a.Entities = append(a.Entities, Mention{ID: ents[e].ID, Count: 1 + r.IntN(4)})
		}
		for k := 1 + r.IntN(3); k > 0; k-- {
			a.Tags = append(a.Tags, tags[r.IntN(nTag)])
		}
		arts = append(arts, a)
	}
	return arts, ents, tags
}

// BenchmarkSite5000 draws every picture of a 5,000-article site, as a build
// does: the index, then for every entity its timeline and graph and for
// every tag its timeline, in both languages, and the status bar. One op is
// one whole site; compare its time with a build's CPU time (see
// ARCHITECTURE.md, "Pictures").
func BenchmarkSite5000(b *testing.B) {
	arts, ents, tags := synthetic(5000)
	locs := []*Locale{locale(b, "ar"), locale(b, "en")}
	b.ReportAllocs()
	bytes := 0
	for b.Loop() {
		bytes = 0
		ix := NewIndex(arts, ents)
		for _, id := range ix.Entities() {
			for _, l := range locs {
				f, g := ix.EntityTimeline(id, l, prettyLinks), ix.Graph(id, l, prettyLinks)
				bytes += len(f.SVG) + len(f.Table) + len(g.SVG) + len(g.Table)
			}
		}
		for _, t := range tags {
			for _, l := range locs {
				f := ix.TagTimeline(t, t, l, prettyLinks)
				bytes += len(f.SVG) + len(f.Table)
			}
		}
		StatusChart(map[string]int{"gist": 60000, "machine": 30000, "reviewed": 900}, locs[1])
	}
	b.ReportMetric(float64(bytes)/1e6, "MB/site")
}
