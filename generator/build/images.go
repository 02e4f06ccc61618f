package build

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/generator/safepath"
	"github.com/jisr-news/jisr/generator/source"
	"github.com/jisr-news/jisr/generator/store"
)

// addSeedImages publishes the pictures beside the seeds of the articles
// read (drafts left out), built or kept from an earlier build (a corrupt
// store: the site keeps its last good page, which shows them): each image whose File package source resolved and checked
// (source.localImages) is read again (source.ReadImage) and laid over the
// content tree for Hugo, like the charts, at its Src (images/<article
// ID>/<name>), which Hugo copies into the site at that path. The bytes are
// in p.extra, so the render digest (hugoDigest) changes with them and a
// changed picture is published again. Each article's warnings (a refused
// or missing picture) and pictures that can no longer be read go to the
// log, naming the seed; the article is built all the same.
func (p *Project) addSeedImages(arts []*article.Article) {
	if p.extra == nil {
		p.extra = map[string][]byte{}
	}
	for _, a := range arts {
		for _, w := range a.Warnings {
			p.warn("%s: %s", a.Source, w)
		}
		for _, img := range a.Images {
			if img.File == "" {
				continue
			}
			data, err := p.readImage(img.File) // session.go
			if err != nil {
				p.warn("%s: %v; the page points to a missing picture", a.Source, err)
				continue
			}
			p.extra[strings.TrimPrefix(img.Src, "/")] = data
		}
	}
	p.keepPublishedImages(arts)
}

// keepPublishedImages carries over, from the site an earlier build
// published, the pictures of the articles that are still in the content
// tree but were not read this time (an orphan whose seed is gone, a draft
// published before): their pages are still rendered and point at them.
// Only regular files under <out>/images/<ID>/ are taken, each checked by
// source.ReadImage.
func (p *Project) keepPublishedImages(arts []*article.Article) {
	read := map[string]bool{}
	for _, a := range arts {
		read[a.ID] = true
	}
	dir := filepath.Join(p.Out, source.ImageDir)
	ids, err := afero.ReadDir(p.Fs, dir)
	if err != nil {
		return // no earlier site, or no pictures in it
	}
	for _, d := range ids {
		id := d.Name()
		if !d.IsDir() || read[id] || safepath.CheckName("article ID", id) != nil {
			continue
		}
		if ok, _ := afero.DirExists(p.Fs, store.ArticleDir(p.Content, id)); !ok {
			continue
		}
		files, _ := afero.ReadDir(p.Fs, filepath.Join(dir, id))
		for _, f := range files {
			if !f.Mode().IsRegular() {
				continue
			}
			data, err := source.ReadImage(p.Fs, filepath.Join(dir, id, f.Name()))
			if err != nil {
				fmt.Fprintf(p.Log, "warning: %s: %v\n", store.ArticleDir(filepath.Base(p.Content), id), err)
				continue
			}
			p.extra[source.ImageDir+"/"+id+"/"+f.Name()] = data
		}
	}
}
