package build

import (
	"context"
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"

	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/generator/source"
	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/generator/translate/run"
)

// Shard is shard K of N (1 ≤ K ≤ N) of a project's articles, for
// translating an archive in parallel jobs (`jisr translate --shard K/N`).
// An article belongs to exactly one shard, chosen by the FNV-1a hash of
// its ID: the assignment depends on nothing else, so it is the same on
// every machine and an article never moves while N stays the same.
type Shard struct{ K, N int }

// ParseShard reads "K/N".
func ParseShard(s string) (Shard, error) {
	k, n, ok := strings.Cut(s, "/")
	K, err1 := strconv.Atoi(strings.TrimSpace(k))
	N, err2 := strconv.Atoi(strings.TrimSpace(n))
	if !ok || err1 != nil || err2 != nil || N < 1 || K < 1 || K > N {
		return Shard{}, fmt.Errorf("shard %q: want K/N with 1 ≤ K ≤ N, such as 1/4", s)
	}
	return Shard{K: K, N: N}, nil
}

// String is "K/N".
func (s Shard) String() string { return fmt.Sprintf("%d/%d", s.K, s.N) }

// Has reports whether the article with this ID belongs to the shard.
func (s Shard) Has(id string) bool {
	h := fnv.New64a()
	h.Write([]byte(id))
	return int(h.Sum64()%uint64(s.N)) == s.K-1
}

// TranslateShard fills the translation store of the articles of shard s
// and writes nothing else: only their content/articles/<id>/segments.yaml
// (no pages, no analysis, no term or review pages, no manifest), so that
// the folders of N shards, each translated by its own job from the same
// checkout, are unioned without conflict and give the store one
// `jisr translate` gives. The articles are checked as Prepare checks them
// (a corrupt store is skipped and kept, an article that cannot be
// rendered is skipped); stored translations of every article, in any
// shard, serve as translation memory. A later `jisr build` writes the
// rest.
func (p *Project) TranslateShard(ctx context.Context, s Shard) (*Summary, error) {
	sum := &Summary{Statuses: map[string]int{}, Engine: p.Engine.Name()}
	arts, errs := p.readSeeds()
	for _, a := range arts {
		a.Source = relSource(p.Root, a.Source) // orphans.go
	}
	arts, sum.Drafts = p.dropDrafts(arts)
	var mine []*articleOf
	for _, a := range arts {
		if s.Has(a.ID) {
			mine = append(mine, &articleOf{a: a})
		}
	}
	for _, e := range errs {
		sum.Skipped = append(sum.Skipped, e)
		fmt.Fprintf(p.Log, "skipped: %v\n", e)
	}
	fmt.Fprintf(p.Log, "shard %s: %d of the %d articles in %s\n", s, len(mine), len(arts), p.Seeds)
	stores, bad := store.LoadAll(p.Fs, p.Content)
	mem := store.Memory{}
	for _, f := range stores {
		mem.Add(f)
	}
	keep := run.NewKeeper(p.Fs, p.Content)
	ropts := run.Standard(p.Gazetteer, p.Log)
	ropts.Sink = keep.Sink
	b := run.NewBatch(p.Engine, p.Fallback, ropts)
	todo := mine[:0]
	for _, m := range mine {
		a := m.a
		if err := bad[a.ID]; err != nil {
			sum.Skipped = append(sum.Skipped, fmt.Errorf("%s: %w (the file was left as it is; fix it and translate again)", a.Source, err))
			fmt.Fprintf(p.Log, "skipped: %v\n", sum.Skipped[len(sum.Skipped)-1])
			continue
		}
		// The same check as Prepare's, with the same analysis: an article
		// a whole run skips, a shard skips too.
		if err := checkArticle(a, len(a.Segments()), p.Analyzer.Analyze(a)); err != nil {
			sum.Skipped = append(sum.Skipped, &source.Error{Path: a.Source, Reason: err})
			fmt.Fprintf(p.Log, "skipped: %v\n", sum.Skipped[len(sum.Skipped)-1])
			continue
		}
		m.stored = stores[a.ID]
		if m.stored == nil {
			m.stored = &store.File{}
		}
		var need []int
		m.segs, need = store.MergeWith(m.stored, a.Segments(), p.Engine.Status(), mem)
		keep.Articles[a.ID] = m.segs
		b.Add(a.ID, m.segs, staleGist(m.segs, need, p.Engine))
		todo = append(todo, m)
	}
	if b.Len() > 0 {
		st, err := b.Run(ctx)
		sum.Calls, sum.Requests, sum.Fallback = st.Calls, int(st.Requests), st.Fallback
		if err != nil {
			return sum, fmt.Errorf("translate shard %s: %w", s, err)
		}
		fmt.Fprintf(p.Log, "translate: engine %s: %s\n", p.Engine.Name(), st.Summary())
	}
	w := &store.Writer{Fs: p.Fs, Dir: p.Content}
	for _, m := range todo {
		for _, sg := range m.segs {
			sum.Statuses[string(sg.Status)]++
		}
		if err := w.WriteStore(&store.File{Article: m.a.ID, Segments: m.segs}); err != nil {
			return sum, fmt.Errorf("translate shard %s: %w", s, err)
		}
	}
	sum.Articles, sum.Written = len(todo), w.Written+keep.Saved()
	return sum, nil
}

// articleOf is one article of a shard being translated.
type articleOf struct {
	a      *article.Article
	stored *store.File
	segs   []store.Segment
}
