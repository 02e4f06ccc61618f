package build

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/jisr-news/jisr/generator/analyze"
	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/generator/content"
	"github.com/jisr-news/jisr/generator/source"
	"github.com/jisr-news/jisr/generator/store"
)

// Orphans lists the articles in the content tree whose source is gone, as
// "content/articles/<id> (seeds/x.txt)": the seed file was deleted, or the
// file is there but no longer yields the article (a record deleted from a
// .json or .jsonl export, a slug changed). A record is known by its key
// (see source: "file.jsonl#id=…", "#url=…", else "#text=<hash>"). An article
// whose file or record was skipped in this build (unreadable) is not
// called an orphan. jisr build never deletes them, since they may hold
// reviewed translations; `jisr prune` does. Articles written by hand (no
// jisr.source) are not orphans.
func (p *Project) Orphans() []string {
	var out []string
	for _, o := range p.OrphanArticles() {
		out = append(out, store.ArticleDir(filepath.ToSlash(filepath.Base(p.Content)), o.ID)+" ("+o.Source+")")
	}
	return out
}

// Orphan is an article of the content tree whose source is gone.
type Orphan struct {
	ID     string // the article ID: content/articles/<ID>
	Source string // its recorded source, "seeds/x.jsonl#id=…"
}

// OrphanArticles is Orphans as values, sorted by ID.
func (p *Project) OrphanArticles() []Orphan {
	seen := p.seen
	if seen == nil {
		arts, errs := p.readSeeds()
		for _, a := range arts {
			a.Source = relSource(p.Root, a.Source)
		}
		seen = seenSeeds(p.Root, arts, errs)
	}
	ids, _ := store.Articles(p.Fs, p.Content)
	var out []Orphan
	for _, id := range ids {
		if _, ok := p.built[id]; ok {
			continue // built from its seed in this run: not an orphan
		}
		page, err := store.ReadArticlePage(p.Fs, p.Content, id, "ar")
		if err != nil || page.Jisr.Source == "" {
			continue
		}
		src := page.Jisr.Source
		file := sourceFile(src)
		path := file
		if !filepath.IsAbs(path) {
			path = filepath.Join(p.Root, filepath.FromSlash(path))
		}
		_, err = p.Fs.Stat(path)
		gone := os.IsNotExist(err)
		if !gone && !seen.ids[id] && !seen.skipped[src] && !seen.skipped[file] {
			gone = true // the file no longer yields this article
		}
		if gone {
			out = append(out, Orphan{ID: id, Source: src})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// seedSet is what reading the seeds gave: the article IDs, and the sources
// (files, or records "file#key") that were skipped.
type seedSet struct {
	ids, skipped map[string]bool
}

func seenSeeds(root string, arts []*article.Article, errs []error) *seedSet {
	s := &seedSet{ids: map[string]bool{}, skipped: map[string]bool{}}
	for _, a := range arts {
		s.ids[a.ID] = true
	}
	for _, e := range errs {
		var se *source.Error
		if errors.As(e, &se) {
			s.skipped[relSource(root, se.Path)] = true
		}
	}
	return s
}

// sourceFile is the file part of an article's source: a record's source
// is "file.jsonl#key", and a key (a URL) may itself hold '#'.
func sourceFile(src string) string {
	for _, ext := range []string{".jsonl#", ".json#", ".JSONL#", ".JSON#"} {
		if i := strings.Index(src, ext); i >= 0 {
			return src[:i+len(ext)-1]
		}
	}
	return src
}

// relSource makes a source's file part relative to root, with "/", and
// keeps its record key as it is.
func relSource(root, src string) string {
	file := sourceFile(src)
	rel, err := filepath.Rel(root, file)
	if err != nil {
		return src
	}
	return filepath.ToSlash(rel) + src[len(file):]
}

// checkArticle reports whether an article and the names its analysis
// generates can be rendered (article.Check).
func checkArticle(a *article.Article, segs int, an analyze.Result) error {
	var names []string
	for _, t := range an.Tags {
		names = append(names, t.ID)
	}
	for _, e := range an.Entities {
		names = append(names, e.ID)
	}
	return article.Check(a.ID, segs, names...)
}

// Unrenderable lists the articles of the content tree that cannot be
// rendered (too many segments, a name too long: article.Check), such as the
// folder an earlier build wrote for an article that is now skipped, with the
// reason. The build leaves them, and their review pages, out of the site
// (never deleting them: they may hold reviews), so one article never fails
// every later build.
func (p *Project) Unrenderable() map[string]error {
	ids, _ := store.Articles(p.Fs, p.Content)
	out := map[string]error{}
	for _, id := range ids {
		if b, ok := p.built[id]; ok { // what Prepare wrote: no need to read it again
			if err := article.Check(id, b.segments, b.names...); err != nil {
				out[id] = err
			}
			continue
		}
		f, err := store.Load(p.Fs, store.Path(p.Content, id))
		if err != nil {
			continue // reported by the build as a corrupt store
		}
		var names []string
		if page, err := store.ReadArticlePage(p.Fs, p.Content, id, "ar"); err == nil {
			names = append(append(names, page.Tags...), page.Entities...)
		}
		if err := article.Check(id, len(f.Segments), names...); err != nil {
			out[id] = err
		}
	}
	return out
}

// builtArticle is what Prepare wrote of an article, for Unrenderable and
// OrphanArticles, which would otherwise read every bundle again.
type builtArticle struct {
	segments int
	names    []string // tag and entity IDs, as in its pages
}

// recordBuilt keeps what Prepare wrote of each page.
func (p *Project) recordBuilt(pages []content.Page) {
	p.built = map[string]builtArticle{}
	for _, pg := range pages {
		var names []string
		for _, t := range pg.Analysis.Tags {
			names = append(names, t.ID)
		}
		for _, e := range pg.Analysis.Entities {
			names = append(names, e.ID)
		}
		p.built[pg.Article.ID] = builtArticle{segments: len(pg.Segments), names: names}
	}
}
