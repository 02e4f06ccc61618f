package build

import (
	"fmt"
	"strings"

	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/generator/source"
)

// addSeedImages publishes the pictures beside the seeds of the articles
// read (drafts left out), built or kept from an earlier build (a corrupt
// store: the site keeps its last good page, which shows them): each image whose File package source resolved and checked
// (source.localImages) is read again (source.ReadImage) and laid over the
// content tree for Hugo, like the charts, at its Src (images/<article
// ID>/<name>), which Hugo copies into the site at that path. The bytes are
// in p.charts, so the render digest (hugoDigest) changes with them and a
// changed picture is published again. Each article's warnings (a refused
// or missing picture) and pictures that can no longer be read go to the
// log, naming the seed; the article is built all the same.
func (p *Project) addSeedImages(arts []*article.Article) {
	if p.charts == nil {
		p.charts = map[string][]byte{}
	}
	for _, a := range arts {
		for _, w := range a.Warnings {
			fmt.Fprintf(p.Log, "warning: %s: %s\n", a.Source, w)
		}
		for _, img := range a.Images {
			if img.File == "" {
				continue
			}
			data, err := source.ReadImage(p.Fs, img.File)
			if err != nil {
				fmt.Fprintf(p.Log, "warning: %s: %v; the page points to a missing picture\n", a.Source, err)
				continue
			}
			p.charts[strings.TrimPrefix(img.Src, "/")] = data
		}
	}
}
