package run

import (
	"github.com/jisr-news/jisr/generator/gazetteer"
	"github.com/jisr-news/jisr/generator/translate"
)

// Names turns gazetteer entries into the names a translate.Protector
// keeps: the Arabic name and aliases of each entry with its English name,
// and its exception phrases. Short forms are left out: they name the
// entity only in an article that also has a full form, which a single
// segment cannot tell.
func Names(entries []gazetteer.Entry) []translate.Name {
	out := make([]translate.Name, 0, len(entries))
	for _, e := range entries {
		if e.EN == "" || e.AR == "" {
			continue
		}
		out = append(out, translate.Name{EN: e.EN, AR: e.Names(), Except: e.Except})
	}
	return out
}

// NewProtector returns a Protector for the names of g (nil: the embedded
// gazetteer).
func NewProtector(g *gazetteer.Gazetteer) *translate.Protector {
	if g == nil {
		g = gazetteer.Default()
	}
	return translate.NewProtector(Names(g.Entries()))
}
