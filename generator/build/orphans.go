package build

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/jisr-news/jisr/generator/analyze"
	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/generator/store"
)

// Orphans lists the articles in the content tree whose seed file no longer
// exists, as "content/articles/<id> (seeds/x.txt)". jisr never deletes them
// itself, since they may hold reviewed translations; the build summary names
// them so that a publisher who removed a seed knows which folder to delete.
// Articles written by hand (no jisr.source) are not orphans.
func (p *Project) Orphans() []string {
	ids, _ := store.Articles(p.Fs, p.Content)
	var out []string
	for _, id := range ids {
		page, err := store.ReadArticlePage(p.Fs, p.Content, id, "ar")
		if err != nil || page.Jisr.Source == "" {
			continue
		}
		src := page.Jisr.Source
		file := src
		if i := strings.LastIndexByte(file, '#'); i >= 0 {
			file = file[:i] // a record of a collection
		}
		if !filepath.IsAbs(file) {
			file = filepath.Join(p.Root, filepath.FromSlash(file))
		}
		if _, err := p.Fs.Stat(file); os.IsNotExist(err) {
			out = append(out, store.ArticleDir(filepath.ToSlash(filepath.Base(p.Content)), id)+" ("+src+")")
		}
	}
	sort.Strings(out)
	return out
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
