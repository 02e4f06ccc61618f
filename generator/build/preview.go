package build

import (
	"context"
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/project"
	"github.com/jisr-news/jisr/generator/render"
	"github.com/jisr-news/jisr/generator/safepath"
	"github.com/jisr-news/jisr/generator/source"
	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/generator/translate"
	"github.com/jisr-news/jisr/static"
	"github.com/jisr-news/jisr/templates"
)

// ErrNoPreview is wrapped by the error of Preview when the changes are
// not previewed (their effect reaches every page, or the site renders in
// one run): the full build shows them.
var ErrNoPreview = errors.New("no preview")

// Previewed is what Preview rendered.
type Previewed struct {
	// Articles are the IDs of the articles whose pages were rendered,
	// sorted.
	Articles []string
	// Pages are the files rendered, slash paths from the site's root
	// ("/articles/<id>/index.html", "/en/review/<id>/index.html",
	// "/images/<id>/x.jpg") → bytes.
	Pages map[string][]byte
}

// Preview shows an edit before the build that publishes it: it renders
// the pages of the articles that the changed files (paths as the watcher
// gives them) make different, without writing anything.
//
// In: the build's Options and the changed files. It runs Prepare as Run
// does, over a view of the project whose writes stay in memory (a
// copy-on-write filesystem: content/, the manifest and public/ are never
// touched, so Run's records and output stay those of a build without a
// preview), and then renders only those articles' pages, in the run
// their shard gets (render.Preview). Out: the pages, byte for byte those
// the next Run writes for the same inputs (TestPreviewIsTheBuild), except
// that segments the project's engine has not translated yet get the gist
// (labelled as such), since a network engine is too slow for a preview
// and would be asked twice.
//
// What it does not show: the lists (home, sections, tags and entities,
// the dashboard), feeds, sitemaps, the search index and the link check,
// which wait for the full build; an article that no longer exists keeps
// the page the last build published until then (as a build does: an
// article whose seed is gone stays published until jisr prune). Changes
// whose effect is not confined to some articles' pages (templates,
// static files, jisr.toml, the gazetteer and term pages people wrote,
// files of content/ outside the article and review bundles) are not
// previewed: it returns an error wrapping ErrNoPreview, and so it does
// for a project with layouts of its own.
//
// With o.Session, the changed files are forgotten by it first (so the
// build that follows reads them too), and Prepare reads only what changed
// (session.go); what it records of the files it wrote into memory stays
// in a fork of the session, dropped after.
func Preview(ctx context.Context, o Options, changed []string) (*Previewed, error) {
	if o.Session != nil {
		o.Session.Forget(changed)
		o.Session = o.Session.fork()
	}
	base := o.Fs
	if base == nil {
		base = afero.NewOsFs()
	}
	l, err := project.Resolve(o.Flags())
	if err != nil {
		return nil, err
	}
	edited, err := previewable(l, changed)
	if err != nil {
		return nil, err
	}
	layer := afero.NewMemMapFs()
	o.Fs = afero.NewCopyOnWriteFs(afero.NewReadOnlyFs(base), layer)
	o.Log = nil // Run reports the same warnings and skipped inputs
	p, err := Open(o)
	if err != nil {
		return nil, err
	}
	// The digest of what every article depends on names the project's
	// engine, so that unchanged articles are still skipped; the new
	// segments get the gist.
	if _, err := p.inputsDigest(); err != nil {
		return nil, err
	}
	if p.Engine.Status() != translate.StatusGist {
		p.Engine = p.Fallback
	}
	p.noCharts = true // only term pages and the dashboard show them
	if _, _, err := p.Prepare(ctx); err != nil {
		return nil, fmt.Errorf("preview: %w", err)
	}
	// The articles Prepare wrote (into the layer), and those edited by
	// hand in content/.
	for _, sec := range []string{store.ArticlesSection, store.ReviewSection} {
		entries, _ := afero.ReadDir(layer, filepath.Join(p.Content, sec))
		for _, e := range entries {
			if e.IsDir() {
				edited[e.Name()] = true
			}
		}
	}
	ids := make([]string, 0, len(edited))
	for id := range edited {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	view, err := store.LastGood(p.Fs, p.Content, p.badStores)
	if err != nil {
		return nil, err
	}
	in := render.Input{Fs: view, ContentDir: p.Content, TemplatesDir: p.Templates, StaticDir: p.Static,
		Templates: templates.FS, Static: static.FS, Skip: p.renderSkips(), Extra: p.extra, Salt: buildID()}
	pages, err := render.Preview(in, p.siteSettings(), ids, nil)
	if errors.Is(err, render.ErrNoPreview) {
		return nil, fmt.Errorf("%w: %w", ErrNoPreview, err)
	}
	if err != nil {
		return nil, fmt.Errorf("preview: %w", err)
	}
	res := &Previewed{Pages: pages}
	for _, id := range ids {
		if _, ok := pages[path.Join("/", store.ArticlesSection, id, "index.html")]; !ok {
			if _, ok := pages[path.Join("/", store.ArticlesSection, id+".html")]; !ok {
				continue // not rendered: gone, or left out of the site
			}
		}
		res.Articles = append(res.Articles, id)
		// The pictures beside its seed, which the lists run publishes.
		for rel, data := range p.extra {
			if strings.HasPrefix(rel, source.ImageDir+"/"+id+"/") {
				pages["/"+rel] = data
			}
		}
	}
	return res, nil
}

// previewable checks that every changed path is one whose effect Preview
// can show: a file under the seeds folder, or a file of an article or
// review bundle in the content tree (whose article it returns, edited by
// hand). A path elsewhere gives an error wrapping ErrNoPreview.
func previewable(l *project.Layout, changed []string) (map[string]bool, error) {
	edited := map[string]bool{}
	for _, c := range changed {
		if safepath.Within(l.Seeds, c) && filepath.Clean(c) != filepath.Clean(l.Seeds) {
			continue
		}
		if safepath.Within(l.Content, c) && filepath.Clean(c) != filepath.Clean(l.Content) {
			rel, _ := filepath.Rel(l.Content, c)
			parts := strings.Split(filepath.ToSlash(rel), "/")
			if len(parts) >= 3 && (parts[0] == store.ArticlesSection || parts[0] == store.ReviewSection) {
				edited[parts[1]] = true
				continue
			}
		}
		return nil, fmt.Errorf("%w: %s changes more than some articles' pages", ErrNoPreview, c)
	}
	return edited, nil
}

// siteSettings are the render's settings of the project's site.
func (p *Project) siteSettings() render.Site {
	c := p.Config
	return render.Site{BaseURL: c.BaseURL, Offline: c.Offline, TitleAR: c.Title.AR, TitleEN: c.Title.EN, PageSize: c.PageSize,
		Params: siteParams(c), Minify: c.Minify.MinifyOutput, ShardSize: c.Build.ShardSize}
}
