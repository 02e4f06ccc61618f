// Package render turns a jisr content tree into a static site with Hugo,
// used as a Go library. It is the only package that imports Hugo, so that
// the rest of jisr compiles and tests quickly.
//
// In: the content tree (content/), the layouts and i18n strings (the
// embedded templates overlaid by the project's templates/), the static files
// (embedded, overlaid by the project's static/) and Site settings. Out: the
// HTML, feeds and static files, written to an afero filesystem.
//
// Hugo builds in memory: the inputs are copied into a MemMapFs (microseconds
// for the embedded files; see ../shared notes on afero pitfalls), and the
// output goes to the destination filesystem given by the caller.
package render

import (
	"cmp"
	"fmt"
	"io"
	iofs "io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/bep/logg"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/pelletier/go-toml/v2"
	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/charts"
	"github.com/jisr-news/jisr/generator/store"
)

// Site holds the settings of the rendered site.
type Site struct {
	// BaseURL is where the site is published, e.g.
	// https://user.github.io/repo/. Empty means "/". An offline site
	// ignores it.
	BaseURL string
	// Offline makes every link relative and ending in .html, so the site
	// browses from file:// (uglyURLs and relativeURLs). An offline site has
	// no feeds and no sitemap, which need the URL a site is served under.
	Offline bool
	// TitleAR and TitleEN are the site's names in each language.
	TitleAR, TitleEN string
	// PageSize is the number of articles on one page of a list (home,
	// sections, terms); 0 means 50.
	PageSize int
	// Params are extra site parameters passed to the templates (.Site.Params).
	Params map[string]any
	// Minify runs Hugo's minifier on everything it writes (hugo --minify).
	Minify bool
	// ShardSize is the number of articles a shard holds on average
	// (shards.go); 0 means DefaultShardSize. A site with no more articles
	// than that is rendered in one run.
	ShardSize int
}

// Input names the sources of a build.
type Input struct {
	// Fs is the project's filesystem; ContentDir, TemplatesDir and
	// StaticDir are paths in it. A missing templates or static folder means
	// the embedded files only.
	Fs                                  afero.Fs
	ContentDir, TemplatesDir, StaticDir string
	// Templates and Static are the embedded defaults.
	Templates, Static iofs.FS
	// Skip lists folders of the content tree (relative to ContentDir, with
	// "/") that are left out of the site, such as an article that cannot
	// be rendered.
	Skip []string
	// Extra are generated page resources that exist only for this
	// render, never in the project's content tree: path relative to
	// ContentDir (with "/") → bytes. They are laid over the content tree,
	// so an Extra file replaces a content file of the same name.
	Extra map[string][]byte
	// Salt identifies what else decides a shard's output besides its
	// Hugo source: jisr's build (with Hugo's). Shards are reused only
	// under the same salt.
	Salt string
	// Shards are the shards of the last render (Result.Shards: the digest
	// of a shard's input → the digest of the files it wrote), and
	// Published the site it left: a shard whose input digest is there,
	// and whose files in Published still have the recorded digest, is
	// copied from Published instead of rendered. Nil: render every shard.
	Shards    map[string]string
	Published afero.Fs
	// Terms are the term pages of the last render (Result.Terms), taken
	// from Published as shards are (terms.go). Nil: render every term.
	Terms map[string]string
}

// Result reports what a build wrote.
type Result struct {
	Pages  int // pages rendered, all languages
	Files  int // static files copied
	Output []string
	Stats  Stats // the Hugo runs (shards.go)
	// Shards maps the input digest of each shard rendered or reused to
	// the digest of its files, for Input.Shards of the next render.
	// Shards whose files Go cannot name from their articles are left out.
	Shards map[string]string
	// Terms maps the input digest of each term rendered or reused by the
	// lists run to the digest of its files (terms.go), for Input.Terms.
	Terms map[string]string
}

// Render builds the site into dst, whose root is the publish folder.
// Warnings from Hugo go to log.
func Render(in Input, site Site, dst afero.Fs, log io.Writer) (*Result, error) {
	return renderSite(in, site, dst, log, true)
}

// renderSite is Render; mayDefer lets it leave the page fragments to the
// shard runs (articleFiles.deferPages).
func renderSite(in Input, site Site, dst afero.Fs, log io.Writer, mayDefer bool) (*Result, error) {
	const root = "/site"
	mem, locs, basePath, err := siteBase(in, site, root)
	if err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	files := articleFiles{fs: in.Fs, contentDir: in.ContentDir, skip: in.Skip, lean: !ownLayouts(in.Fs, in.TemplatesDir),
		en: locs["en"], locs: locs, basePath: basePath}
	// A site that will be rendered in shards gets its article and review
	// pages' fragments in each shard's run only (not when the Hugo source
	// is written out: the hugo command renders it in one run).
	files.deferPages = mayDefer && files.lean && os.Getenv(SourceEnv) == "" && countArticles(in) > shardSize(site.ShardSize)
	if files.lean {
		files.parsed = map[string]*store.ArticlePage{}
		files.items = newEntityItems(time.Now())
	}
	if err := overlay(mem, path.Join(root, "content"), in.Fs, in.ContentDir, files.file, in.Skip...); err != nil {
		return nil, fmt.Errorf("render: content %s: %w", in.ContentDir, err)
	}
	for rel, data := range in.Extra { // order does not matter: distinct files
		if !iofs.ValidPath(rel) {
			return nil, fmt.Errorf("render: generated resource %q: not a path inside the content tree", rel)
		}
		delete(files.parsed, rel) // replaced: planShards reads it from mem
		files.items.forget(rel)
		if name, html, ok := chartsFragment(rel, data, locs); ok {
			if err := writeFile(mem, path.Join(root, "content", name), html); err != nil {
				return nil, fmt.Errorf("render: generated resource %s: %w", name, err)
			}
			if files.lean {
				continue // the layouts read the fragment only
			}
		}
		if err := writeFile(mem, path.Join(root, "content", rel), data); err != nil {
			return nil, fmt.Errorf("render: generated resource %s: %w", rel, err)
		}
	}
	// The entity pages' items, once every article page is in mem; the
	// article pages whose mentions nothing of the lists run reads then.
	noMentions, err := files.items.write(mem, root, site.PageSize, locs)
	if err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	files.items = nil
	cfg, err := HugoConfig(site)
	if err != nil {
		return nil, err
	}
	if err := afero.WriteFile(mem, path.Join(root, "hugo.toml"), cfg, 0o644); err != nil {
		return nil, err
	}

	if dir := os.Getenv(SourceEnv); dir != "" {
		if err := dumpSource(mem, root, dir, in); err != nil {
			return nil, fmt.Errorf("render: %s: %w", SourceEnv, err)
		}
	}
	if log == nil {
		log = io.Discard
	}
	// The Hugo run that ends with the build's largest live heap: the
	// site's one run, or the lists run.
	heapProfile := os.Getenv(MemProfileEnv)
	res := &Result{}
	var plan *shardPlan
	if files.lean { // a project's own layouts may read any page: one run
		plan, err = planShards(mem, root, site.ShardSize, files.parsed)
		clear(files.parsed) // the pages' front matter is in mem
		if err != nil {
			return nil, fmt.Errorf("render: %w", err)
		}
		if plan != nil {
			plan.noMentions = noMentions
		}
	}
	if plan == nil && files.deferPages { // planShards found a reason for one run
		return renderSite(in, site, dst, log, false)
	}
	if plan == nil {
		if res.Pages, err = runHugo(mem, root, dst, log, "site", heapProfile); err != nil {
			return nil, err
		}
		res.Stats.Runs = 1
	} else {
		// The shard runs read the generated resources from mem: the
		// caller's bytes (the charts' JSON is the largest) may go.
		in.Extra = nil
		if err := renderShards(plan, mem, root, in, files, site, dst, log, heapProfile, res); err != nil {
			return nil, err
		}
	}
	// Hugo's Build does not copy static files; the embedded ones first,
	// then the project's, which win.
	n, err := copyStatic(dst, in)
	if err != nil {
		return nil, fmt.Errorf("render: static: %w", err)
	}
	res.Files = n
	return res, nil
}

// shardSize returns the shard size of a Site.ShardSize.
func shardSize(n int) int {
	if n < 1 {
		return DefaultShardSize
	}
	return n
}

// countArticles counts the article bundles of in's content tree that
// are not skipped.
func countArticles(in Input) int {
	dir := filepath.Join(in.ContentDir, store.ArticlesSection)
	entries, err := afero.ReadDir(in.Fs, dir)
	if err != nil {
		return 0
	}
	n := 0
	for _, e := range entries {
		if e.IsDir() && !slices.Contains(in.Skip, store.ArticlesSection+"/"+e.Name()) {
			n++
		}
	}
	return n
}

// siteBase starts the Hugo source of a render of site from in: it
// returns a MemMapFs holding, under root, the embedded templates
// (in.Templates) overlaid by the project's (in.TemplatesDir); the chart
// strings of each language read from the i18n files there, by language
// (a language whose file is missing or unreadable is left out: the
// fragments that need them are left to the templates); and the base path
// the fragments' links start with ("/" for an empty one, and "" offline,
// where Hugo makes every link relative).
func siteBase(in Input, site Site, root string) (mem afero.Fs, locs map[string]*charts.Locale, basePath string, err error) {
	mem = afero.NewMemMapFs()
	if err := copyFS(mem, root, in.Templates, "."); err != nil {
		return nil, nil, "", fmt.Errorf("embedded templates: %w", err)
	}
	if err := overlay(mem, root, in.Fs, in.TemplatesDir, nil); err != nil {
		return nil, nil, "", fmt.Errorf("templates %s: %w", in.TemplatesDir, err)
	}
	locs = map[string]*charts.Locale{}
	for _, lang := range store.Languages {
		// The strings Hugo will use: the project's file replaces the
		// embedded one in mem.
		if data, err := afero.ReadFile(mem, path.Join(root, "i18n", lang+".toml")); err == nil {
			if l, err := charts.LocaleFromTOML(lang, data); err == nil {
				locs[lang] = l
			}
		}
	}
	if u, err := url.Parse(BaseDir(site.BaseURL)); err == nil && !site.Offline {
		basePath = cmp.Or(u.Path, "/")
	}
	return mem, locs, basePath, nil
}

// runHook, when set (by tests), is told the files each Hugo run wrote:
// run is "site" (one run), "shard N" or "lists".
var runHook func(run string, files []string)

// runHugo runs Hugo once over the site under root in mem, writing into
// dst, and returns the number of pages of its sites. When heapProfile is
// not empty, the heap profile of the end of the run, while Hugo still
// holds its sites (after a garbage collection, so that it shows what is
// live), is written to that OS file (runtime/pprof, for "go tool pprof").
func runHugo(mem afero.Fs, root string, dst afero.Fs, log io.Writer, run, heapProfile string) (int, error) {
	var rec *recordFs
	if runHook != nil {
		rec = newRecordFs(dst)
		dst = rec
	}
	logger := loggers.New(loggers.Options{Level: logg.LevelWarn, StdOut: log, StdErr: log, DistinctLevel: logg.LevelWarn})
	flags := config.New()
	flags.Set("workingDir", root)
	flags.Set("noBuildLock", true)
	flags.Set("publishDir", "/")
	configs, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Fs: mem, Flags: flags, Logger: logger,
		// Non-empty, so that HUGO_* variables of the environment stay out.
		Environ: []string{"JISR=1"},
	})
	if err != nil {
		return 0, fmt.Errorf("render: hugo config: %w", err)
	}
	hfs := hugofs.NewFromSourceAndDestination(mem, dst, configs.LoadingInfo.Cfg)
	h, err := hugolib.NewHugoSites(deps.DepsCfg{Configs: configs, Fs: hfs, LogLevel: logger.Level(), StdOut: logger.StdOut(), StdErr: logger.StdErr()})
	if err != nil {
		return 0, fmt.Errorf("render: %w", err)
	}
	defer h.Close()
	if err := h.Build(hugolib.BuildCfg{}); err != nil {
		if run != "site" {
			return 0, fmt.Errorf("render: %s: %w", run, err)
		}
		return 0, fmt.Errorf("render: %w", err)
	}
	if heapProfile != "" {
		if err := writeHeapProfile(heapProfile); err != nil {
			return 0, fmt.Errorf("render: %s: %w", MemProfileEnv, err)
		}
	}
	pages := 0
	for _, s := range h.Sites {
		pages += len(s.Pages())
	}
	if rec != nil {
		runHook(run, rec.files())
	}
	return pages, nil
}

// renderShards renders the site of base in the runs of plan: each shard
// (or its files from in.Published, when its input is unchanged), then the
// lists, which also give the page count since they hold every page. A
// heapProfile file name gets the heap profile of the lists run (runHugo).
func renderShards(plan *shardPlan, base afero.Fs, root string, in Input, files articleFiles, site Site, dst afero.Fs, log io.Writer, heapProfile string, res *Result) error {
	shardCfg, err := hugoConfig(site, true)
	if err != nil {
		return err
	}
	// Every term's _index file, read once: the shard runs take its stub
	// from here, the lists run what it needs to reuse the term's pages.
	terms, err := plan.readTerms(base, root)
	if err != nil {
		return fmt.Errorf("render: %w", err)
	}
	outside, err := outsideDigest(base, root)
	if err != nil {
		return fmt.Errorf("render: %w", err)
	}
	res.Shards = map[string]string{}
	for i := range plan.shards {
		name := fmt.Sprintf("shard %d", i+1)
		shard := plan.shardFiles(i)
		digest, err := shardDigest(base, root, outside, shardCfg, shard, in.Salt, files, plan.shards[i])
		if err != nil {
			return fmt.Errorf("render: %s: %w", name, err)
		}
		outs := plan.outputs(i, site.Offline)
		res.Stats.Shards++
		if last, ok := in.Shards[digest]; ok && in.Published != nil {
			if now, err := outputDigest(in.Published, outs); err == nil && now == last {
				if err := copyFiles(in.Published, dst, outs); err != nil {
					return fmt.Errorf("render: %s: from the last site: %w", name, err)
				}
				res.Shards[digest] = last
				res.Stats.Reused++
				continue
			}
		}
		mem, err := runSource(base, root, shardCfg, shard, terms)
		if err != nil {
			return fmt.Errorf("render: %s: %w", name, err)
		}
		if files.deferPages { // made only for a shard that is rendered
			for _, id := range plan.shards[i] {
				if err := files.pageFragments(mem, path.Join(root, "content"), id); err != nil {
					return fmt.Errorf("render: %s: %s: %w", name, path.Join(store.ArticlesSection, id, store.FileName), err)
				}
			}
		}
		rec := newRecordFs(dst)
		if _, err := runHugo(mem, root, rec, log, name, ""); err != nil {
			return err
		}
		res.Stats.Runs++
		if slices.Equal(rec.files(), outs) { // else never reused: Go does not know its files
			if res.Shards[digest], err = outputDigest(dst, outs); err != nil {
				return fmt.Errorf("render: %s: %w", name, err)
			}
		}
	}
	cfg, err := afero.ReadFile(base, path.Join(root, "hugo.toml"))
	if err != nil {
		return err
	}
	jobs, err := plan.termJobs(base, root, in.Salt, site, terms)
	if err != nil {
		return fmt.Errorf("render: lists: %w", err)
	}
	res.Terms = map[string]string{}
	res.Stats.Terms = len(jobs)
	linked := map[string][]byte{} // _index files marked render: link
	for _, k := range sortedKeys(jobs) {
		j := jobs[k]
		last, ok := in.Terms[j.digest]
		if !ok || in.Published == nil {
			continue
		}
		if now, err := outputDigest(in.Published, j.outs); err != nil || now != last {
			continue
		}
		marked := map[string][]byte{}
		for _, f := range j.index {
			data, err := afero.ReadFile(base, path.Join(root, "content", f))
			if err != nil {
				return fmt.Errorf("render: lists: %w", err)
			}
			if marked[f], ok = linkTerm(data, terms[f]); !ok {
				break
			}
		}
		if !ok {
			continue
		}
		if err := copyFiles(in.Published, dst, j.outs); err != nil {
			return fmt.Errorf("render: lists: %s from the last site: %w", k, err)
		}
		for f, data := range marked {
			linked[f] = data
		}
		res.Terms[j.digest] = last
		res.Stats.TermsReused++
	}
	lf := plan.listsFiles()
	for k, j := range jobs {
		if _, reused := res.Terms[j.digest]; reused {
			for _, f := range plan.termDir[k] {
				if !slices.Contains(j.index, f) {
					delete(lf, f) // its charts: only its own page, not rendered, reads them
				}
			}
		}
	}
	mem, err := runSource(base, root, cfg, lf, nil)
	if err != nil {
		return fmt.Errorf("render: lists: %w", err)
	}
	for f, data := range linked {
		if err := writeFile(mem, path.Join(root, "content", f), data); err != nil {
			return fmt.Errorf("render: lists: %w", err)
		}
	}
	src, done, err := diskSource(mem)
	if err != nil {
		return fmt.Errorf("render: lists: %w", err)
	}
	defer done()
	rec := newRecordFs(dst)
	restore := lowerGC()
	res.Pages, err = runHugo(src, root, rec, log, "lists", heapProfile)
	restore()
	if err != nil {
		return err
	}
	res.Stats.Runs++
	written := termFiles(rec.files())
	for k, j := range jobs {
		if _, reused := res.Terms[j.digest]; reused {
			if len(written[k]) > 0 { // render: link writes nothing
				return fmt.Errorf("render: lists: %s, taken from the last site, was written again: %v", k, written[k])
			}
			continue
		}
		if slices.Equal(written[k], j.outs) { // else never reused: Go does not know its files
			if res.Terms[j.digest], err = outputDigest(dst, j.outs); err != nil {
				return fmt.Errorf("render: lists: %s: %w", k, err)
			}
		}
	}
	return nil
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// SourceEnv names the environment variable that, when set to a folder,
// makes Render also write there the Hugo site it builds from (hugo.toml,
// layouts, i18n, the content tree with every generated resource): the
// `hugo` command run in that folder renders exactly what jisr renders, so
// that scripts/bench-scale.sh and `hugo --templateMetrics` measure jisr's
// layouts on their real input (with the static files in its static/).
// The folder is emptied first.
const SourceEnv = "JISR_HUGO_SOURCE"

// MemProfileEnv names the environment variable that, when set to a file
// name, makes Render write there a heap profile (for "go tool pprof") at
// the end of its last Hugo run, the lists run (the site's one run when
// it is not sharded): the moment a build's live heap peaks. It is for
// measuring, and changes nothing Render writes.
const MemProfileEnv = "JISR_MEMPROFILE"

// writeHeapProfile collects the garbage, then writes the heap profile
// of what is live to the OS file name.
func writeHeapProfile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// dumpSource copies the files under root of mem into the OS folder dir,
// and the static files of in into its static folder.
func dumpSource(mem afero.Fs, root, dir string, in Input) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	out := afero.NewBasePathFs(afero.NewOsFs(), dir)
	if _, err := copyStatic(afero.NewBasePathFs(out, "/static"), in); err != nil {
		return err
	}
	return afero.Walk(mem, root, func(p string, info iofs.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, err := afero.ReadFile(mem, p)
		if err != nil {
			return err
		}
		return writeFile(out, strings.TrimPrefix(p, root), data)
	})
}

// FeedsAndSitemap reports whether a site published at baseURL gets feeds, a
// sitemap and a robots.txt Sitemap line: only an absolute base URL (scheme
// and host) can give them the absolute URLs their formats require.
func FeedsAndSitemap(baseURL string) bool {
	u, err := url.Parse(baseURL)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// AtHostRoot reports whether a site published at baseURL is served at its
// host's root, the only place crawlers read robots.txt (RFC 9309): a
// site under a sub-path such as /repo/ gets none.
func AtHostRoot(baseURL string) bool {
	u, err := url.Parse(baseURL)
	return err == nil && strings.Trim(u.Path, "/") == ""
}

// HugoConfig returns the hugo.toml that jisr's layouts expect for site s
// (Render uses it; scripts/bench-site.go writes it beside a copy of the
// content tree so that the hugo command renders what jisr renders).
//
// Outputs: every page gets HTML. With an absolute base URL, each language's
// home page also gets an RSS 2.0 feed (index.xml) and an Atom feed
// (atom.xml) and its sitemap (sitemap-pages.xml, with hreflang alternates),
// and the Arabic home page gets the sitemap index sitemap.xml naming both;
// Hugo's own sitemaps are turned off. One bilingual
// 404.html is written at the root (GitHub Pages serves it for any missing
// URL), and robots.txt points at the sitemap.
func HugoConfig(s Site) ([]byte, error) { return hugoConfig(s, false) }

// hugoConfig is HugoConfig; for a shard run (shards.go), every page but
// the articles and review pages is kept from rendering by a cascade
// (render: link), and there is no robots.txt and no 404 page.
func hugoConfig(s Site, shard bool) ([]byte, error) {
	base := BaseDir(s.BaseURL)
	// An offline site is opened from file://, where the base URL means
	// nothing: Hugo must compute relative links from the site root ("/"),
	// or a base path such as /repo/ ends up inside them ("../repo/x.html").
	// Feeds and the sitemap need the URL the site is served under, so an
	// offline site has none.
	if s.Offline {
		base = "/"
	}
	feeds := FeedsAndSitemap(base)
	pageSize := s.PageSize
	if pageSize <= 0 {
		pageSize = 50
	}
	params := map[string]any{"offline": s.Offline, "feeds": feeds}
	for k, v := range s.Params {
		params[k] = v
	}
	homeAR, homeEN := []string{"html"}, []string{"html"}
	if feeds {
		homeAR = append(homeAR, "rss", "atom", "sitemapxml", "sitemaplang")
		homeEN = append(homeEN, "rss", "atom", "sitemaplang")
	}
	// Sections, taxonomies and terms: HTML only (Hugo's default adds an RSS
	// feed to each, with relative links when the base URL is not absolute).
	// Each language gets the whole map: a language's outputs replace the
	// site's.
	html := []string{"html"}
	outputs := func(home []string) map[string]any {
		return map[string]any{"home": home, "section": html, "taxonomy": html, "term": html}
	}
	cfg := map[string]any{
		"baseURL":                        base,
		"defaultContentLanguage":         "ar",
		"defaultContentLanguageInSubdir": false,
		"disableHugoGeneratorInject":     true,
		"disableDefaultSiteRedirect":     true,
		// No redirect files: jisr sets no aliases (pagination's own
		// disableAliases below drops the page/1/ redirects).
		"disableAliases":       true,
		"enableRobotsTXT":      AtHostRoot(base),
		"disableKinds":         []string{"sitemap"},
		"timeZone":             "UTC",
		"uglyURLs":             s.Offline,
		"relativeURLs":         s.Offline,
		"capitalizeListTitles": false,
		"pluralizeListTitles":  false,
		"taxonomies":           map[string]string{"tag": "tags", "entity": "entities"},
		"languages": map[string]any{
			"ar": map[string]any{"direction": "rtl", "weight": 1, "label": "العربية", "title": s.TitleAR, "locale": "ar",
				"outputs": outputs(homeAR)},
			// One 404 page, at the root; it is bilingual.
			"en": map[string]any{"direction": "ltr", "weight": 2, "label": "English", "title": s.TitleEN, "locale": "en",
				"outputs": outputs(homeEN), "disableKinds": []string{"sitemap", "404"}},
		},
		"mediaTypes": map[string]any{
			"application/atom+xml": map[string]any{"suffixes": []string{"xml"}},
		},
		"outputFormats": map[string]any{
			"atom": map[string]any{"mediaType": "application/atom+xml", "baseName": "atom", "rel": "alternate", "noUgly": true},
			// The site's sitemap index, rendered from the Arabic home page
			// (layouts/home.sitemapxml.xml) at the site root, and one
			// sitemap per language (layouts/home.sitemaplang.xml):
			// sitemap-pages.xml and en/sitemap-pages.xml.
			"sitemapxml": map[string]any{"mediaType": "application/xml", "baseName": "sitemap", "rel": "sitemap",
				"noUgly": true, "root": true, "notAlternative": true},
			"sitemaplang": map[string]any{"mediaType": "application/xml", "baseName": "sitemap-pages", "rel": "sitemap",
				"noUgly": true, "notAlternative": true},
		},
		"outputs": outputs(homeAR),
		// No page/1/ (page/1.html offline) redirect beside every list
		// page: nothing links to it (the first page of a list is the
		// list's own URL), and it would double the files of every term.
		"pagination": map[string]any{"pagerSize": pageSize, "disableAliases": true},
		"markup":     map[string]any{"goldmark": map[string]any{"renderer": map[string]any{"unsafe": false}}},
		"params":     params,
		// Term pages and the review dashboard keep their pictures in a page
		// resource (generator/build/charts.go) that the layouts inline.
		"cascade": []map[string]any{{"build": map[string]any{"publishResources": false}, "target": map[string]any{"kind": "{term,section}"}}},
	}
	if shard {
		cfg["cascade"] = []map[string]any{{"build": map[string]any{"publishResources": false, "render": "link"}, "target": map[string]any{"kind": "{home,section,taxonomy,term}"}}}
		cfg["enableRobotsTXT"] = false
		cfg["disableKinds"] = []string{"sitemap", "404"}
	}
	if s.Minify {
		cfg["minify"] = map[string]any{"minifyOutput": true}
	}
	b, err := toml.Marshal(cfg)
	if err != nil {
		return nil, fmt.Errorf("render: config: %w", err)
	}
	return b, nil
}

// ownLayouts reports whether the project's templates folder has layouts
// of its own, which may read any file of the content tree.
func ownLayouts(fs afero.Fs, templatesDir string) bool {
	if fs == nil || templatesDir == "" {
		return false
	}
	found := false
	afero.Walk(fs, filepath.Join(templatesDir, "layouts"), func(p string, info iofs.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			found = true
			return filepath.SkipAll
		}
		return nil
	})
	return found
}

// copyFS copies every file of an fs.FS under dir into mem at root.
func copyFS(mem afero.Fs, root string, src iofs.FS, dir string) error {
	if src == nil {
		return nil
	}
	return iofs.WalkDir(src, dir, func(p string, d iofs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".go") {
			return err
		}
		data, err := iofs.ReadFile(src, p)
		if err != nil {
			return err
		}
		return writeFile(mem, path.Join(root, p), data)
	})
}

// overlay copies every file under dir of fs into mem at root. A missing dir
// is not an error; files under the skip folders (slash paths relative to
// dir) are left out. When files is not nil, it is called with each file
// (rel: its slash path relative to dir) before it is copied: it may add
// generated files to mem, and says whether the file itself is copied.
func overlay(mem afero.Fs, root string, fs afero.Fs, dir string, files func(mem afero.Fs, root, rel string, data []byte) (keep bool, err error), skip ...string) error {
	if fs == nil || dir == "" {
		return nil
	}
	if _, err := fs.Stat(dir); os.IsNotExist(err) {
		return nil
	}
	return afero.Walk(fs, dir, func(p string, info iofs.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(strings.TrimPrefix(p, dir), string(os.PathSeparator)))
		if strings.HasPrefix(path.Base(rel), ".tmp-") || strings.HasSuffix(rel, ".go") {
			return nil
		}
		for _, s := range skip {
			if strings.HasPrefix(rel, s+"/") {
				return nil
			}
		}
		data, err := afero.ReadFile(fs, p)
		if err != nil {
			return err
		}
		if files != nil {
			keep, err := files(mem, root, rel, data)
			if err != nil || !keep {
				return err
			}
		}
		return writeFile(mem, path.Join(root, rel), data)
	})
}

func writeFile(fs afero.Fs, name string, data []byte) error {
	if err := fs.MkdirAll(path.Dir(name), 0o755); err != nil {
		return err
	}
	return afero.WriteFile(fs, name, data, 0o644)
}

// copyStatic publishes the embedded static files, then the project's.
func copyStatic(dst afero.Fs, in Input) (int, error) {
	files := map[string][]byte{}
	if in.Static != nil {
		err := iofs.WalkDir(in.Static, ".", func(p string, d iofs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(p, ".go") {
				return err
			}
			data, err := iofs.ReadFile(in.Static, p)
			files[p] = data
			return err
		})
		if err != nil {
			return 0, err
		}
	}
	if in.Fs != nil && in.StaticDir != "" {
		if _, err := in.Fs.Stat(in.StaticDir); err == nil {
			err := afero.Walk(in.Fs, in.StaticDir, func(p string, info iofs.FileInfo, err error) error {
				// Go files are jisr's own source (static/embed.go, when the
				// site is built inside jisr's repository), never the site's.
				if err != nil || info.IsDir() || strings.HasSuffix(p, ".go") {
					return err
				}
				data, err := afero.ReadFile(in.Fs, p)
				files[strings.TrimPrefix(strings.TrimPrefix(p, in.StaticDir), "/")] = data
				return err
			})
			if err != nil {
				return 0, err
			}
		}
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := writeFile(dst, path.Join("/", n), files[n]); err != nil {
			return 0, err
		}
	}
	return len(names), nil
}

// BaseDir returns a site's base URL as the folder every page address
// starts with: ending in "/", and "/" when baseURL is empty.
func BaseDir(baseURL string) string {
	if baseURL == "" {
		return "/"
	}
	if !strings.HasSuffix(baseURL, "/") {
		return baseURL + "/"
	}
	return baseURL
}
