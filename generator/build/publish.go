package build

import (
	"errors"
	"fmt"
	"strings"

	"github.com/jisr-news/jisr/generator/linkcheck"
	"github.com/jisr-news/jisr/generator/publish"
)

// maxListed is how many broken references a failed build lists; the rest
// are counted ("jisr check --links" lists them all).
const maxListed = 20

// finishSite runs the steps that follow Hugo on the rendered site in dir,
// before it replaces the output folder: the files GitHub Pages reads
// (.nojekyll, and CNAME from the cname setting), then the link check. A
// broken internal reference fails the build, as does, in offline mode, a
// resource loaded from another host (the site must work without a
// network); online, such resources are listed as warnings.
func (p *Project) finishSite(dir string) error {
	c := p.Config
	if err := publish.Pages(p.Fs, dir, c.CNAME); err != nil {
		return &SetupError{err}
	}
	rep, err := p.checkLinks(dir, p.cacheFile("links")) // search.go: the caches beside the output folder
	if err != nil {
		return err
	}
	fmt.Fprintf(p.Log, "link check: %d files (%d as the last check read them), %d internal references, %d broken, %d resources from other hosts\n",
		rep.Files, rep.Reused, rep.Checked, len(rep.Broken), len(rep.External))
	for _, e := range rep.External {
		fmt.Fprintf(p.Log, "warning: external resource: %s\n", e)
	}
	bad := rep.Broken
	if c.Offline {
		bad = append(bad, rep.External...)
	}
	if len(bad) == 0 {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "link check: %d broken references in the built site (the old site was kept):", len(bad))
	for i, r := range bad {
		if i == maxListed {
			fmt.Fprintf(&b, "\n  … and %d more (jisr check --links lists them all)", len(bad)-maxListed)
			break
		}
		fmt.Fprintf(&b, "\n  %s", r)
	}
	return fmt.Errorf("%s", b.String())
}

// CheckLinks checks the site in dir (p.Out when empty) the way it will be
// opened: from file:// when the project is offline, else under its base
// URL. "jisr check --links" and the build both call it.
func (p *Project) CheckLinks(dir string) (*linkcheck.Report, error) {
	if dir == "" {
		dir = p.Out
	}
	return p.checkLinks(dir, "")
}

// checkLinks is CheckLinks with the cache to use ("" for none).
func (p *Project) checkLinks(dir, cache string) (*linkcheck.Report, error) {
	o := linkcheck.Options{Offline: p.Config.Offline, BaseURL: p.Config.BaseURL, Cache: cache, CacheTag: buildID()}
	if o.Offline {
		o.BaseURL = "" // an offline site is built without it (see render)
	}
	rep, err := linkcheck.Check(p.Fs, dir, o)
	if err != nil {
		return nil, fmt.Errorf("link check: %w", err)
	}
	return rep, nil
}

// WriteZip writes the built site (p.Out) to the layout's zip file
// (build --zip, resolved by package project); see publish.WriteZip. Call
// it last, after every step that writes into the site.
func (p *Project) WriteZip() (*publish.ZipResult, error) {
	if p.Zip == "" {
		return nil, &SetupError{errors.New("no zip file was given")}
	}
	return publish.WriteZip(p.Fs, p.Out, p.Zip)
}
