package build

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

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
