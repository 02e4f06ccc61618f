package render

import (
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/store"
)

// ErrNoPreview is returned by Preview when the article pages cannot be
// rendered on their own: the project has layouts of its own, which may
// read any page from any page (the site is then rendered in one run,
// see shards.go), or an article's front matter is not jisr's.
var ErrNoPreview = errors.New("render: no preview: the site renders in one run")

// Preview renders the pages of the articles ids (their page in each
// language and their review page) as one shard run of Render renders
// them (shards.go): the run holds those articles' bundles and review
// pages, the home and section pages kept from rendering, and the term
// pages of their tags and entities reduced to what an article page reads
// (stubTerm). Since an article page reads nothing of the other articles,
// its bytes are those Render writes for the same content tree
// (TestPreviewIsRender).
//
// In: in as for Render (Shards, Published and the generated resources
// other than the articles' own are not read), the site's settings and
// the article IDs (those not in the content tree, or skipped, are left
// out). Out: the files written, slash paths from the site's root
// ("/articles/<id>/index.html") → bytes; nothing else is written
// (no lists, feeds, sitemaps, search index or static files). It reads
// the content files of those articles and terms only, so it costs a
// small part of a Render however large the site.
func Preview(in Input, site Site, ids []string, log io.Writer) (map[string][]byte, error) {
	if ownLayouts(in.Fs, in.TemplatesDir) {
		return nil, ErrNoPreview
	}
	if log == nil {
		log = io.Discard
	}
	const root = "/site"
	content := path.Join(root, "content")
	// The templates and the fragments' strings and base path as Render
	// makes them (renderSite).
	base, locs, basePath, err := siteBase(in, site, root)
	if err != nil {
		return nil, fmt.Errorf("render: preview: %w", err)
	}
	files := articleFiles{fs: in.Fs, contentDir: in.ContentDir, skip: in.Skip, lean: true, deferPages: true,
		en: locs["en"], locs: locs, basePath: basePath}
	cdir := filepath.ToSlash(in.ContentDir)
	plan := &shardPlan{article: map[string][]string{}, review: map[string][]string{}, term: map[string][]string{}}
	// The home and section pages: _index files at most one folder deep.
	for _, dir := range append([]string{""}, sectionDirs(in.Fs, in.ContentDir)...) {
		if slices.Contains(in.Skip, dir) {
			continue
		}
		entries, _ := afero.ReadDir(in.Fs, filepath.Join(in.ContentDir, dir))
		for _, e := range entries {
			if !e.IsDir() && strings.HasPrefix(e.Name(), "_index.") {
				plan.section = append(plan.section, path.Join(filepath.ToSlash(dir), e.Name()))
			}
		}
	}
	terms := map[string]bool{}
	var shard []string
	for _, id := range ids {
		if slices.Contains(in.Skip, path.Join(store.ArticlesSection, id)) || shardOf(plan, id) {
			continue
		}
		arts, err := bundleFiles(in.Fs, cdir, path.Join(store.ArticlesSection, id))
		if err != nil || len(arts) == 0 {
			continue // gone: nothing to preview
		}
		for _, rel := range arts {
			if !isIndexPage(rel) {
				continue
			}
			data, ok, err := jisrPage(in.Fs, cdir, rel)
			if err != nil {
				return nil, fmt.Errorf("render: preview: %w", err)
			}
			if !ok {
				return nil, ErrNoPreview
			}
			pg, err := store.ParseArticlePage(rel, data)
			if err != nil {
				return nil, fmt.Errorf("render: preview: %w", err)
			}
			for _, t := range pg.Tags {
				terms[store.TagsSection+"/"+t] = true
			}
			for _, e := range pg.Entities {
				terms[store.EntitiesSection+"/"+e] = true
			}
		}
		plan.article[id] = arts
		if !slices.Contains(in.Skip, path.Join(store.ReviewSection, id)) {
			if plan.review[id], err = bundleFiles(in.Fs, cdir, path.Join(store.ReviewSection, id)); err != nil {
				return nil, fmt.Errorf("render: preview: %w", err)
			}
		}
		shard = append(shard, id)
	}
	if len(shard) == 0 {
		return map[string][]byte{}, nil
	}
	for t := range terms {
		entries, _ := afero.ReadDir(in.Fs, path.Join(cdir, t))
		for _, e := range entries {
			if !e.IsDir() && strings.HasPrefix(e.Name(), "_index.") {
				plan.term[t] = append(plan.term[t], path.Join(t, e.Name()))
			}
		}
	}
	plan.shards, plan.terms = [][]string{shard}, []map[string]bool{terms}
	// The base source holds what the run copies: the files of the plan,
	// with the list fragments made as Render's overlay makes them.
	if err := copyContent(base, in.Fs, cdir, content, plan.section); err != nil {
		return nil, err
	}
	for _, id := range shard {
		if err := copyContent(base, in.Fs, cdir, content, plan.article[id]); err != nil {
			return nil, err
		}
		if err := copyContent(base, in.Fs, cdir, content, plan.review[id]); err != nil {
			return nil, err
		}
		if err := files.listFragments(base, content, id); err != nil {
			return nil, fmt.Errorf("render: preview: %s: %w", id, err)
		}
	}
	for _, fs := range plan.term {
		if err := copyContent(base, in.Fs, cdir, content, fs); err != nil {
			return nil, err
		}
	}
	for rel, data := range in.Extra { // the articles' own resources
		for _, id := range shard {
			if strings.HasPrefix(rel, path.Join(store.ArticlesSection, id)+"/") || strings.HasPrefix(rel, path.Join(store.ReviewSection, id)+"/") {
				if err := writeFile(base, path.Join(content, rel), data); err != nil {
					return nil, err
				}
				plan.article[id] = append(plan.article[id], rel)
			}
		}
	}
	cfg, err := hugoConfig(site, true)
	if err != nil {
		return nil, err
	}
	mem, err := runSource(base, root, cfg, plan.shardFiles(0), nil)
	if err != nil {
		return nil, fmt.Errorf("render: preview: %w", err)
	}
	for _, id := range shard {
		if err := files.pageFragments(mem, content, id); err != nil {
			return nil, fmt.Errorf("render: preview: %s: %w", path.Join(store.ArticlesSection, id, store.FileName), err)
		}
	}
	dst := afero.NewMemMapFs()
	if _, err := runHugo(mem, root, dst, log, "preview", ""); err != nil {
		return nil, err
	}
	// The files a shard's run is known to write (the ones Render reuses),
	// and nothing else the run may have made.
	out := map[string][]byte{}
	for _, name := range plan.outputs(0, site.Offline) {
		if data, err := afero.ReadFile(dst, name); err == nil {
			out[name] = data
		}
	}
	return out, nil
}

// shardOf reports whether id is in the plan's articles already.
func shardOf(p *shardPlan, id string) bool {
	_, ok := p.article[id]
	return ok
}

// sectionDirs lists the folders of the content tree's top level, by name.
func sectionDirs(fs afero.Fs, contentDir string) []string {
	entries, _ := afero.ReadDir(fs, contentDir)
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	return out
}

// bundleFiles lists the files under dir (a slash path in the content
// tree cdir), as slash paths relative to cdir, leaving out what Render's
// lean source leaves out (analysis.yaml, segments.yaml: the fragments
// replace them) and temporary files. A missing folder lists nothing.
func bundleFiles(fs afero.Fs, cdir, dir string) ([]string, error) {
	var out []string
	full := path.Join(cdir, dir)
	if _, err := fs.Stat(full); errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	err := afero.Walk(fs, full, func(p string, info iofs.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel := strings.TrimPrefix(filepath.ToSlash(p), cdir+"/")
		b := path.Base(rel)
		if strings.HasPrefix(b, ".tmp-") || strings.HasSuffix(b, ".go") || isArticleFile(rel, "analysis.yaml") || isArticleFile(rel, store.FileName) {
			return nil
		}
		out = append(out, rel)
		return nil
	})
	return out, err
}

// copyContent copies the content files rels (relative to cdir in fs) to
// the content folder of mem.
func copyContent(mem, fs afero.Fs, cdir, content string, rels []string) error {
	for _, rel := range rels {
		data, err := afero.ReadFile(fs, path.Join(cdir, rel))
		if err != nil {
			return fmt.Errorf("render: preview: %w", err)
		}
		if err := writeFile(mem, path.Join(content, rel), data); err != nil {
			return err
		}
	}
	return nil
}
