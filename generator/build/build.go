// Package build runs the whole pipeline: seeds → parse and segment → analyze
// → translate (stored segments first, then the engine) → content/ → Hugo →
// public/.
//
// In: Options (the project folder and the flags). Out: the content tree
// updated in place, the site swapped into the output folder, and a Summary.
//
// A build never leaves a half-written site: Hugo writes into a temporary
// folder beside the output folder, which replaces it only when everything
// succeeded. Seeds that cannot be read are reported with their path and
// reason; every other article still builds (see Summary.Skipped).
package build

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/analyze"
	"github.com/jisr-news/jisr/generator/arabic"
	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/generator/config"
	"github.com/jisr-news/jisr/generator/content"
	"github.com/jisr-news/jisr/generator/gazetteer"
	"github.com/jisr-news/jisr/generator/manifest"
	"github.com/jisr-news/jisr/generator/project"
	"github.com/jisr-news/jisr/generator/publish"
	"github.com/jisr-news/jisr/generator/render"
	"github.com/jisr-news/jisr/generator/source"
	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/generator/translate"
	"github.com/jisr-news/jisr/generator/translate/engines"
	"github.com/jisr-news/jisr/generator/translate/gist"
	"github.com/jisr-news/jisr/generator/translate/run"
	"github.com/jisr-news/jisr/static"
	"github.com/jisr-news/jisr/templates"
)

// Options configure a build. Empty fields take their value from jisr.toml,
// then from the defaults; package project resolves the paths (relative to
// Root).
type Options struct {
	Fs         afero.Fs // the project's filesystem; nil means the OS
	Root       string
	ConfigFile string // default <Root>/jisr.toml, optional unless given
	Seeds      string
	Content    string
	Out        string
	Zip        string // build --zip FILE, relative to Root; "" for none
	BaseURL    string
	Offline    *bool
	Strict     *bool // overrides [build] strict
	Minify     *bool // overrides [minify] minifyOutput (Hugo's minifier)
	Drafts     bool  // build articles whose front matter says draft: true
	Engine     string
	EngineURL  string
	Engines    translate.Providers // engines to choose from; nil means engines.Providers()
	Log        io.Writer           // progress and warnings; nil discards
	Getenv     func(string) string // nil means os.Getenv
	Now        func() time.Time    // for the elapsed time only
	// Session, when not nil, keeps what Prepare read between the builds
	// and previews of one process (jisr serve), and the embedded models
	// loaded after a build (session.go). Nil for a one-shot build.
	Session *Session
}

// Flags returns the options that place the project, for project.Resolve.
func (o Options) Flags() project.Flags {
	return project.Flags{Fs: o.Fs, Root: o.Root, Config: o.ConfigFile, Seeds: o.Seeds, Content: o.Content, Out: o.Out, Zip: o.Zip}
}

// Summary reports what a build did.
type Summary struct {
	Articles int            // articles built
	Skipped  []error        // inputs that could not be read, with path and reason
	Statuses map[string]int // segments by status
	Calls    int            // batches given to the engine
	Requests int            // HTTP requests the engine sent
	Fallback int            // segments that fell back to gist
	Pages    int            // pages rendered, all languages
	Written  int            // content files changed
	Engine   string
	Orphans  []string // content articles whose seed is gone (see Project.Orphans)
	Elapsed  time.Duration
	Out      string
	Strict   bool     // every skipped input counts (see Failing)
	Drafts   []string // sources of the drafts left out (Options.Drafts builds them)
	// Unchanged counts the articles whose inputs and stored files had not
	// changed since the last build: neither analyzed nor written again
	// (incremental.go). RenderSkipped says Hugo was not run, because
	// nothing it reads changed and public/ is still its output.
	Unchanged     int
	RenderSkipped bool
}

// NoText reports whether a skipped input had no article text: an empty
// file, or a file or record without a body (a titled cartoon, a photo
// caption). Every real CMS export has some, so a build that is not
// strict reports them and goes on.
func NoText(err error) bool {
	return errors.Is(err, source.ErrNoText) || errors.Is(err, source.ErrEmpty)
}

// Failing returns the skipped inputs that make the build incomplete: all
// of them when the build is strict, else those that are not NoText (an
// unreadable file, a corrupt store).
func (s *Summary) Failing() []error {
	if s == nil {
		return nil
	}
	if s.Strict {
		return s.Skipped
	}
	var out []error
	for _, e := range s.Skipped {
		if !NoText(e) {
			out = append(out, e)
		}
	}
	return out
}

// SetupError is a problem the user must fix before anything can be built:
// the configuration, an engine that cannot be made, the project's
// gazetteer, or nothing to build. It wraps the cause; nothing was written.
// (The command line maps it to its usage exit code.)
type SetupError struct{ Err error }

func (e *SetupError) Error() string { return e.Err.Error() }
func (e *SetupError) Unwrap() error { return e.Err }

// IsSetup reports whether err is, or wraps, a *SetupError or a
// *project.ConfigError: a problem with the project rather than a failure
// while building it.
func IsSetup(err error) bool {
	var se *SetupError
	return errors.As(err, &se) || project.IsConfigError(err)
}

// ErrNothingToBuild is wrapped by the SetupError of a project with no
// seeds and no content tree.
var ErrNothingToBuild = errors.New("nothing to build")

// Project is a resolved project: its layout (folders and config), and the
// engines and analyzer a build uses.
type Project struct {
	*project.Layout
	Engine    translate.Engine
	Gazetteer *gazetteer.Gazetteer
	Analyzer  *analyze.Analyzer
	Fallback  translate.Engine
	Log       io.Writer
	Drafts    bool // build drafts too (Options.Drafts)
	// badStores are the articles whose segment store did not parse in
	// Prepare: Render shows their salvaged segments (store.LastGood).
	badStores map[string]error
	seen      *seedSet // what Prepare read, for Orphans (orphans.go)
	// extra are the files Prepare made for Hugo alone, never written to
	// content/: the charts it drew (charts.go) and the pictures beside the
	// seeds (images.go), as page resources that Render gives Hugo in memory
	// (render.Input.Extra): path in the content tree → bytes.
	extra map[string][]byte
	// manifest is the build manifest as Prepare read and rewrote it
	// (incremental.go).
	manifest *manifest.File
	inputs   string // inputsDigest, once computed
	// built is what Prepare wrote of each article (orphans.go).
	built map[string]builtArticle
	// warnings are the warnings Prepare printed (warnings.go), for the
	// manifest.
	warnings []string
	// noCharts leaves the pictures out of Prepare (Preview renders no
	// page that shows them: preview.go).
	noCharts bool
	// sess is Options.Session; stamps are the bundles' stamps as this
	// Prepare first looked at them (session.go).
	sess   *Session
	stamps map[string]string
}

// Open resolves the project's layout (package project) and makes its
// engines and analyzer (New).
func Open(o Options) (*Project, error) {
	l, err := project.Resolve(o.Flags())
	if err != nil {
		return nil, err
	}
	return New(l, o)
}

// OpenLayout is Open without engines or analyzer: the layout resolved and
// its folders checked as a build checks them, for commands that only read
// the seeds and the content tree (jisr prune: OrphanArticles). Of the
// Project only Layout, Log and the methods that read the tree (Orphans,
// OrphanArticles, Unrenderable) may be used.
func OpenLayout(o Options) (*Project, error) {
	l, err := project.Resolve(o.Flags())
	if err != nil {
		return nil, err
	}
	p := &Project{Layout: l, Log: o.Log}
	if p.Log == nil {
		p.Log = io.Discard
	}
	if err := p.checkFolders(); err != nil { // safety.go
		return nil, err
	}
	return p, nil
}

// New makes the engines and the analyzer of the project laid out by l.
// Of o it reads only the settings that are not paths (BaseURL, Offline,
// Engine, EngineURL, Engines, Log, Getenv); BaseURL and Offline override
// l.Config.
func New(l *project.Layout, o Options) (*Project, error) {
	if o.Getenv == nil {
		o.Getenv = os.Getenv
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	cfg := l.Config
	p := &Project{Layout: l, Log: o.Log, Drafts: o.Drafts, sess: o.Session}
	if err := p.checkFolders(); err != nil { // safety.go
		return nil, err
	}
	if p.sess != nil {
		p.sess.bind(l)
	}
	if o.BaseURL != "" {
		cfg.BaseURL = o.BaseURL
	}
	if o.Offline != nil {
		cfg.Offline = *o.Offline
	}
	if o.Minify != nil {
		cfg.Minify.MinifyOutput = *o.Minify
	}
	name := cfg.Translate.Engine
	if o.Engine != "" {
		name = o.Engine
	}
	url := cfg.Translate.URL
	if v := o.Getenv("JISR_ENGINE_URL"); v != "" {
		url = v
	}
	if o.EngineURL != "" {
		url = o.EngineURL
	}
	providers := o.Engines
	if providers == nil {
		providers = engines.Providers()
	}
	var err error
	p.Engine, err = providers.New(name, translate.Options{URL: url, Model: cfg.Translate.Model, Settings: cfg.Translate.Engines[name], Getenv: o.Getenv})
	if err != nil {
		return nil, &SetupError{fmt.Errorf("engine: %w", err)}
	}
	p.Fallback, err = providers.New("gist", translate.Options{Settings: cfg.Translate.Engines["gist"], Getenv: o.Getenv})
	if err != nil {
		return nil, err
	}
	if p.Gazetteer, p.Analyzer, err = NewAnalyzer(l); err != nil {
		return nil, err
	}
	if g, ok := p.Engine.(translate.GlossaryUser); ok {
		g.UseGlossary(run.Names(p.Gazetteer.Entries()))
	}
	return p, nil
}

// NewAnalyzer returns the gazetteer and the analyzer of the project laid
// out by l: the embedded gazetteer merged with the project's file
// (l.Gazetteer) and the entity term pages people wrote or reviewed
// (l.Terms), and the embedded tagger. Commands that analyze without
// translating (review, analyze) use it.
func NewAnalyzer(l *project.Layout) (*gazetteer.Gazetteer, *analyze.Analyzer, error) {
	g, err := gazetteer.LoadProject(l.Fs, l.Content) // l.Gazetteer and l.Terms
	if err != nil {
		return nil, nil, &SetupError{err}
	}
	if g == gazetteer.Default() {
		return g, analyze.Default(), nil
	}
	return g, analyze.New(g), nil
}

// Run builds the site. It skips what did not change since the last build
// (incremental.go): everything when no input changed and public/ is still
// what that build wrote, else the unchanged articles, and the render when
// nothing Hugo reads changed.
func Run(ctx context.Context, o Options) (*Summary, error) {
	now := o.Now
	if now == nil {
		now = time.Now
	}
	start := now()
	p, err := Open(o)
	if err != nil {
		return nil, err
	}
	strict := p.Config.Build.Strict
	if o.Strict != nil {
		strict = *o.Strict
	}
	if sum, err := p.unchanged(); err != nil || sum != nil {
		if sum != nil {
			sum.Strict, sum.Elapsed = strict, now().Sub(start)
		}
		return sum, err
	}
	sum, pages, err := p.Prepare(ctx)
	if sum != nil {
		sum.Strict = strict
	}
	if err != nil {
		return sum, err
	}
	fmt.Fprintf(p.Log, "prepared content in %s; rendering %d articles with Hugo\n", now().Sub(start).Round(time.Millisecond), len(pages))
	rstart := now()
	skip := p.renderSkips()
	hugo, err := p.hugoDigest(skip)
	if err != nil {
		return sum, err
	}
	// The render reads content/ and the files made for Hugo only: the
	// analyzer's caches and the charts' JSON may go before Hugo's pages
	// arrive (ARCHITECTURE.md, rendering in shards).
	extra := p.releasePrepared()
	if site := p.manifest.Site; site != nil && site.Hugo == hugo {
		if public, err := p.publicDigest(); err == nil && public == site.Public {
			sum.RenderSkipped, sum.Pages = true, site.Pages
		}
	}
	var shards, terms map[string]string
	if sum.RenderSkipped {
		if err := publish.RemoveLeftovers(p.Fs, p.Out); err != nil { // as a render would
			return sum, err
		}
		shards, terms = p.manifest.Site.Shards, p.manifest.Site.Terms
	} else {
		res, err := p.render(skip, extra)
		if err != nil {
			return sum, err
		}
		sum.Pages, shards, terms = res.Pages, res.Shards, res.Terms
	}
	sum.Out = p.Out
	sum.Orphans = p.Orphans()
	if err := p.recordSite(sum, hugo, shards, terms); err != nil {
		return sum, err
	}
	sum.Elapsed = now().Sub(start)
	if sum.RenderSkipped {
		fmt.Fprintf(p.Log, "unchanged: %d articles skipped, render skipped (nothing Hugo reads changed)\n", sum.Unchanged)
	} else {
		fmt.Fprintf(p.Log, "unchanged: %d articles skipped; rendered in %s\n", sum.Unchanged, now().Sub(rstart).Round(time.Millisecond))
	}
	return sum, nil
}

// forgetter is an engine with caches that only speed up its next
// translations (gist.Engine.Forget).
type forgetter interface{ Forget() }

// releasePrepared drops what only Prepare uses, so that the garbage
// collector can free it during the render: the analyzer (a project's own
// and its gazetteer; the caches of the embedded one, which stays), the
// engines' caches, and the files made for Hugo alone (p.extra), which it
// returns for the render to hand over (render.Render lets them go once read). The render,
// the search index, the link check and Orphans read only the layout,
// p.manifest, p.seen and p.built; Prepare and hugoDigest must not run
// again after it.
func (p *Project) releasePrepared() map[string][]byte {
	if p.Analyzer != nil {
		p.Analyzer.Forget()
	}
	for _, e := range []translate.Engine{p.Engine, p.Fallback} {
		if f, ok := e.(forgetter); ok {
			f.Forget()
		}
	}
	p.Analyzer, p.Gazetteer = nil, nil
	if p.sess == nil { // a session's next build needs them again (session.go)
		releaseModels()
	}
	extra := p.extra
	p.extra = nil
	return extra
}

// unchanged returns the summary of the last build when no input changed
// since it and public/ is what it wrote (level 1 in incremental.go), and
// nil when the build must run.
func (p *Project) unchanged() (*Summary, error) {
	m, err := manifest.Read(p.Fs, p.Manifest)
	if err != nil {
		return nil, err
	}
	p.manifest = m
	site := m.Site
	if site == nil || site.Before == "" {
		return nil, nil
	}
	before, err := p.beforeDigest()
	if err != nil || before != site.Before {
		return nil, err
	}
	if public, err := p.publicDigest(); err != nil || public != site.Public {
		return nil, err
	}
	if err := publish.RemoveLeftovers(p.Fs, p.Out); err != nil { // as a render would
		return nil, err
	}
	sum := &Summary{Articles: site.Articles, Pages: site.Pages, Statuses: map[string]int{}, Engine: p.Engine.Name(),
		Drafts: site.Drafts, Orphans: site.Orphans, Skipped: replaySkips(site.Skipped), Out: p.Out,
		Unchanged: site.Articles, RenderSkipped: true}
	for k, v := range site.Statuses {
		sum.Statuses[k] = v
	}
	for _, e := range sum.Skipped {
		fmt.Fprintf(p.Log, "skipped: %v\n", e)
	}
	p.replayWarnings(site.Warnings) // warnings.go: their cause is still there
	fmt.Fprintf(p.Log, "unchanged: %d articles skipped, render skipped (no input changed since the last build)\n", site.Articles)
	return sum, nil
}

// recordSite records the render in the manifest. The digest of every
// input (level 1) is recorded only when the next build would do nothing:
// no segment fell back or is left without English (the next build
// retries those).
func (p *Project) recordSite(sum *Summary, hugo string, shards, terms map[string]string) error {
	public, err := p.publicDigest()
	if err != nil {
		return err
	}
	site := &manifest.Site{Hugo: hugo, Public: public, Shards: shards, Terms: terms, Articles: sum.Articles, Pages: sum.Pages, Statuses: sum.Statuses,
		Drafts: sum.Drafts, Orphans: sum.Orphans, Skipped: recordSkips(sum.Skipped), Warnings: p.recordWarnings()}
	if sum.Fallback == 0 && sum.Statuses[""] == 0 {
		if site.Before, err = p.beforeDigest(); err != nil {
			return err
		}
	}
	p.manifest.Site = site
	return manifest.Write(p.Fs, p.Manifest, p.manifest)
}

// Prepare runs every stage before Hugo: it reads the seeds, analyzes and
// translates them, and writes the content tree.
func (p *Project) Prepare(ctx context.Context) (*Summary, []content.Page, error) {
	sum := &Summary{Statuses: map[string]int{}, Engine: p.Engine.Name()}
	p.warnings = nil
	arts, errs := p.readSeeds()
	for _, a := range arts {
		// Record seed paths relative to the project, so that content/ does
		// not depend on where the project was checked out.
		a.Source = relSource(p.Root, a.Source) // orphans.go
	}
	p.seen = seenSeeds(p.Root, arts, errs) // orphans.go: for Orphans
	arts, sum.Drafts = p.dropDrafts(arts)
	sum.Skipped = errs
	for _, e := range errs {
		fmt.Fprintf(p.Log, "skipped: %v\n", e)
	}
	if len(arts) == 0 && !p.hasContent() {
		return sum, nil, &SetupError{fmt.Errorf("%w: expected articles (.txt, .md, .json, .jsonl) in %s, or an existing content tree in %s", ErrNothingToBuild, p.Seeds, p.Content)}
	}
	fmt.Fprintf(p.Log, "read %d articles from %s\n", len(arts), p.Seeds)

	pages := make([]content.Page, len(arts))
	// Translations are stored as each batch arrives (run.Keeper), so an
	// interrupted build keeps the engine work already done.
	keep := run.NewKeeper(p.Fs, p.Content)
	keep.WritesAfter = true // WriteArticle below writes each store
	ropts := run.Standard(p.Gazetteer, p.Log)
	ropts.Sink = keep.Sink
	b := run.NewBatch(p.Engine, p.Fallback, ropts)
	// Every stored translation, of every article, is a translation memory:
	// a renamed seed or a repeated sentence keeps its translation and review.
	stores, bad := p.loadStores() // session.go: only what changed, with a session
	if p.manifest == nil {
		m, err := manifest.Read(p.Fs, p.Manifest)
		if err != nil {
			return sum, nil, err
		}
		p.manifest = m
	}
	p.badStores = bad
	mem := store.Memory{}
	for _, f := range stores {
		mem.Add(f)
	}
	// An article whose seed, bundle and the article-wide inputs did not
	// change since the last build keeps its analysis (incremental.go).
	reuse, err := p.reusable(arts, stores, bad)
	if err != nil {
		return sum, nil, err
	}
	// Analysis is the costliest step here and each article's is independent:
	// run it on all CPUs first; results keep the order of arts. An article
	// too large to render (article.Check) is skipped below: not analyzed
	// (14 s of CPU for a 50 MB one).
	analyses := analyzeAll(p.Analyzer, arts, func(a *article.Article) bool {
		return bad[a.ID] != nil || reuse[a.ID] != nil || article.Check(a.ID, len(a.Segments())) != nil
	})
	write := make([]bool, len(arts))
	for i, a := range arts {
		if err := bad[a.ID]; err != nil {
			// A corrupt store is never overwritten: skip the article.
			sum.Skipped = append(sum.Skipped, fmt.Errorf("%s: %w (the file was left as it is and the site keeps the translations that still read; fix it and build again)", a.Source, err))
			fmt.Fprintf(p.Log, "skipped: %v\n", sum.Skipped[len(sum.Skipped)-1])
			continue
		}
		if r := reuse[a.ID]; r != nil {
			analyses[i] = r.analysis
		}
		if err := checkArticle(a, len(a.Segments()), analyses[i]); err != nil { // orphans.go
			sum.Skipped = append(sum.Skipped, &source.Error{Path: a.Source, Reason: err})
			fmt.Fprintf(p.Log, "skipped: %v\n", sum.Skipped[len(sum.Skipped)-1])
			continue
		}
		stored := stores[a.ID]
		if stored == nil {
			stored = &store.File{}
		}
		segs, need := store.MergeWith(stored, a.Segments(), p.Engine.Status(), mem)
		need = staleGist(segs, need, p.Engine)
		pages[i] = content.Page{Article: a, Segments: segs, Analysis: analyses[i]}
		for _, w := range content.Warnings(pages[i]) { // names shortened to fit a file name
			p.warn("%s", w)
		}
		keep.Articles[a.ID] = pages[i].Segments
		b.Add(a.ID, pages[i].Segments, need)
		write[i] = reuse[a.ID] == nil || len(need) > 0 || !reflect.DeepEqual(segs, stored.Segments)
	}
	// Spellings of one new name get one ID, the one a term page has already.
	inUse, _ := store.Terms(p.Fs, p.Content, store.EntitiesSection) // no listing: no page to keep
	analyze.MergeSpellings(len(pages), func(i int) *analyze.Result { return &pages[i].Analysis }, inUse)
	// For the manifest's weak entities: taken after MergeSpellings, so that
	// dropWeakEntities' result is a subsequence of it (weakOf); before it,
	// an entity renamed or joined made weakOf keep every later entity as
	// weak, and the next build counted their mentions twice.
	before := make([][]analyze.Entity, len(pages))
	for i := range pages {
		before[i] = append([]analyze.Entity(nil), pages[i].Analysis.Entities...)
	}
	dropWeakEntities(pages)
	if b.Len() > 0 {
		st, err := b.Run(ctx)
		sum.Calls, sum.Requests, sum.Fallback = st.Calls, int(st.Requests), st.Fallback
		if err != nil {
			return sum, nil, fmt.Errorf("translate: %w", err)
		}
		fmt.Fprintf(p.Log, "translate: engine %s: %s\n", p.Engine.Name(), st.Summary())
	}
	w := &content.Writer{Fs: p.Fs, Dir: p.Content}
	var built []content.Page
	kept := map[string]bool{} // articles level 2 left unwritten
	next := &manifest.File{Format: manifest.Format, Articles: map[string]manifest.Article{}, Site: p.manifest.Site}
	if next.Inputs, err = p.inputsDigest(); err != nil {
		return sum, nil, err
	}
	for i, pg := range pages {
		if pg.Article == nil {
			continue
		}
		for _, s := range pg.Segments {
			sum.Statuses[string(s.Status)]++
		}
		r := reuse[pg.Article.ID]
		if write[i] || !sameStrings(entityIDs(pg.Analysis.Entities), r.kept) {
			if err := w.WriteArticle(pg); err != nil {
				return sum, nil, err
			}
			if next.Articles[pg.Article.ID], err = p.articleEntry(pg, before[i]); err != nil {
				return sum, nil, err
			}
		} else {
			sum.Unchanged++
			kept[pg.Article.ID] = true
			// reusable found its seed and bundle digests equal to the last
			// manifest's, and nothing has written the bundle since.
			last := p.manifest.Articles[pg.Article.ID]
			next.Articles[pg.Article.ID] = manifest.Article{Seed: last.Seed, Store: last.Store, Weak: weakOf(before[i], pg.Analysis.Entities)}
		}
		built = append(built, pg)
	}
	if err := w.WriteSections(); err != nil {
		return sum, nil, err
	}
	if err := w.WriteTerms(built); err != nil {
		return sum, nil, err
	}
	if p.Config.Review.Pages {
		// review.go: QA and the pages, of what changed only
		reviews, err := p.writeReview(w, built, kept, p.manifest.Articles)
		if err != nil {
			return sum, nil, err
		}
		for id, d := range reviews {
			e := next.Articles[id]
			e.Review = d
			next.Articles[id] = e
		}
	} else if err := p.Fs.RemoveAll(filepath.Join(p.Content, content.ReviewSection)); err != nil {
		return sum, nil, err
	}
	if err := manifest.Write(p.Fs, p.Manifest, next); err != nil {
		return sum, nil, err
	}
	p.manifest = next
	if err := p.writeCharts(w, built); err != nil { // charts.go: the pictures of term pages and the dashboard
		return sum, nil, err
	}
	p.addSeedImages(arts) // images.go: the pictures beside the seeds
	p.recordBuilt(built)
	sum.Articles, sum.Written = len(built), w.Written+keep.Saved()
	return sum, built, nil
}

// releaseModels lets go of the embedded models and tables that only
// Prepare's stages read (the analyzer with its statistical and topic
// taggers, gist's lexicon, the name speller and name-word counts, with
// their word caches: about 45 MB and the caches), so that the render does
// not carry them; the next build (jisr serve) reads them again, the
// same, when it first needs them. Called by releasePrepared, once the
// engines' and the analyzer's caches are emptied.
var releaseModels = func() {
	analyze.ReleaseEmbedded()
	gist.ReleaseEmbedded()
	arabic.ReleaseEmbedded()
}

// staleGist adds to need the segments that an older version of the same
// gist engine wrote (another lexicon: a different Model). Gist output costs
// nothing to remake, and the lexicon keeps improving; machine and reviewed
// segments are never remade this way.
func staleGist(segs []store.Segment, need []int, eng translate.Engine) []int {
	if eng.Status() != translate.StatusGist {
		return need
	}
	in := map[int]bool{}
	for _, i := range need {
		in[i] = true
	}
	for i, s := range segs {
		if !in[i] && s.Status == translate.StatusGist && s.Engine == eng.Name() && s.Model != eng.Model() {
			need = append(need, i)
		}
	}
	sort.Ints(need)
	return need
}

// MinUnknownArticles is content.MinUnknownArticles: the number of articles
// that must name an entity the gazetteer does not know before it gets a page.
const MinUnknownArticles = content.MinUnknownArticles

// dropWeakEntities is content.DropWeakEntities, the rule prune applies too.
func dropWeakEntities(pages []content.Page) { content.DropWeakEntities(pages) }

// dropDrafts leaves out the articles marked draft: true, unless the
// project builds drafts, and returns their sources. A draft that an
// earlier build published stays in the content tree (it may hold
// reviews), and so on the site; a warning says so.
func (p *Project) dropDrafts(arts []*article.Article) (kept []*article.Article, drafts []string) {
	if p.Drafts {
		return arts, nil
	}
	for _, a := range arts {
		if !a.Draft {
			kept = append(kept, a)
			continue
		}
		drafts = append(drafts, a.Source)
		if ok, _ := afero.DirExists(p.Fs, store.ArticleDir(p.Content, a.ID)); ok {
			p.warn("%s is a draft, but an earlier build published it: %s stays on the site until it is removed", a.Source, store.ArticleDir(filepath.Base(p.Content), a.ID))
		}
	}
	return kept, drafts
}

func (p *Project) readSeeds() ([]*article.Article, []error) {
	if _, err := p.Fs.Stat(p.Seeds); errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	var c *source.Cache
	if p.sess != nil {
		c = p.sess.seeds
	}
	return source.ReadDirCached(p.Fs, p.Seeds, c)
}

func (p *Project) hasContent() bool {
	ok, _ := afero.DirExists(p.Fs, filepath.Join(p.Content, store.ArticlesSection))
	return ok
}

// Render runs Hugo into a temporary folder beside the output folder and
// swaps it into place.
func (p *Project) Render() (*render.Result, error) {
	return p.render(p.renderSkips(), p.extra)
}

// renderSkips lists the folders of the content tree that Hugo must not
// read: the project's data folder, articles that cannot be rendered and
// their review pages (orphans.go), sorted.
func (p *Project) renderSkips() []string {
	// The project's data (gazetteer, manifest) is jisr's, not the site's.
	skip := []string{path.Dir(project.ManifestFile), path.Dir(project.GazetteerFile)}
	for id, err := range p.Unrenderable() {
		fmt.Fprintf(p.Log, "left out of the site: %s: %v\n", store.ArticleDir(filepath.Base(p.Content), id), err)
		skip = append(skip, store.ArticleDir("", id), content.ReviewSection+"/"+id)
	}
	sort.Strings(skip)
	return slices.Compact(skip)
}

// render is Render with the folders to leave out and the files made for
// Hugo alone (p.extra, or what releasePrepared returned).
func (p *Project) render(skip []string, extra map[string][]byte) (*render.Result, error) {
	tmp, err := publish.TempDir(p.Fs, p.Out) // also removes killed builds' leftovers
	if err != nil {
		return nil, err
	}
	defer p.Fs.RemoveAll(tmp)
	c := p.Config
	view, err := store.LastGood(p.Fs, p.Content, p.badStores) // never render a store a person left broken
	if err != nil {
		return nil, err
	}
	in := render.Input{
		Fs: view, ContentDir: p.Content, TemplatesDir: p.Templates, StaticDir: p.Static,
		Templates: templates.FS, Static: static.FS, Skip: skip, Extra: extra, Salt: buildID(),
	}
	// Shards whose input did not change are copied from the site the
	// last render left (render, shards.go), while it is still there.
	if p.manifest != nil && p.manifest.Site != nil && len(p.manifest.Site.Shards)+len(p.manifest.Site.Terms) > 0 {
		site := p.manifest.Site
		if ok, _ := afero.DirExists(p.Fs, p.Out); ok {
			in.Shards, in.Terms, in.Published = site.Shards, site.Terms, afero.NewBasePathFs(p.Fs, p.Out)
		}
	}
	res, err := render.Render(in, render.Site{BaseURL: c.BaseURL, Offline: c.Offline, TitleAR: c.Title.AR, TitleEN: c.Title.EN, PageSize: c.PageSize,
		Params: siteParams(c), Minify: c.Minify.MinifyOutput, ShardSize: c.Build.ShardSize}, afero.NewBasePathFs(p.Fs, tmp), p.Log)
	if err != nil {
		return nil, err
	}
	// Hugo's pages are garbage once Render returns, but the collector's
	// goal is still about twice the lists run's live heap: without a
	// collection here the search index and the link check grow the heap
	// toward that goal on top of the dead pages (5,000 articles: peak RSS
	// 2.05 GB at the end of the render, 2.35 GB after the search index).
	// What is left alive is tens of MB, so this collection is cheap.
	runtime.GC()
	if st := res.Stats; st.Shards > 0 {
		fmt.Fprintf(p.Log, "render: articles in %d shards and the lists: %d Hugo runs, %d shards unchanged, %d of %d terms unchanged (taken from %s)\n",
			st.Shards, st.Runs, st.Reused, st.TermsReused, st.Terms, filepath.Base(p.Out))
	}
	n, err := p.writeSearchIndexTo(tmp) // search.go: the offline search index
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(p.Log, "search index: %d KB\n", (n+1023)/1024)
	if err := p.finishSite(tmp); err != nil { // publish.go: Pages files, link check
		return nil, err
	}
	if err := publish.Install(p.Fs, tmp, p.Out); err != nil { // atomic where the OS allows
		return nil, err
	}
	return res, nil
}

// statuses lists the segment counts by status, sorted: "gist 3, reviewed 1".
func (s *Summary) statuses() string {
	keys := make([]string, 0, len(s.Statuses))
	for k := range s.Statuses {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	st := make([]string, len(keys))
	for i, k := range keys {
		st[i] = fmt.Sprintf("%s %d", k, s.Statuses[k])
	}
	return strings.Join(st, ", ")
}

// siteParams are the templates' .Site.Params: jisr.toml's [params] and
// the cname (config refuses [params] names jisr sets).
func siteParams(c *config.Config) map[string]any {
	m := map[string]any{"cname": c.CNAME, "index_unreviewed": c.SEO.IndexUnreviewed}
	for k, v := range c.Params {
		m[k] = v
	}
	return m
}

// Report writes the summary of a build as people read it.
func (s *Summary) Report(w io.Writer) {
	fmt.Fprintf(w, "built %d articles; segments: %s; engine %s: %d calls, %d HTTP requests", s.Articles, s.statuses(), s.Engine, s.Calls, s.Requests)
	if s.Fallback > 0 {
		fmt.Fprintf(w, ", %d segments fell back to gist (the next build retries them)", s.Fallback)
	}
	fmt.Fprintf(w, "; %d pages in %s; %d content files changed", s.Pages, s.Out, s.Written)
	if s.Unchanged > 0 || s.RenderSkipped {
		fmt.Fprintf(w, "; %d unchanged articles skipped", s.Unchanged)
		if s.RenderSkipped {
			fmt.Fprint(w, ", render skipped")
		}
	}
	fmt.Fprintf(w, "; %s\n", s.Elapsed.Round(time.Millisecond))
	if len(s.Orphans) > 0 {
		fmt.Fprintf(w, "%d articles in the content tree have no seed any more; they are still published (jisr prune removes them):\n", len(s.Orphans))
		for _, o := range s.Orphans {
			fmt.Fprintf(w, "  %s\n", o)
		}
	}
	s.reportSkipped(w)
	s.reportDrafts(w)
}

// reportDrafts names the drafts left out.
func (s *Summary) reportDrafts(w io.Writer) {
	if len(s.Drafts) > 0 {
		fmt.Fprintf(w, "%d drafts left out (--buildDrafts builds them): %s\n", len(s.Drafts), strings.Join(s.Drafts, ", "))
	}
}

// ReportTranslate writes the summary of "jisr translate" (Prepare without
// rendering) as people read it.
func (s *Summary) ReportTranslate(w io.Writer) {
	fmt.Fprintf(w, "translated %d articles; segments: %s; engine %s: %d requests", s.Articles, s.statuses(), s.Engine, s.Requests)
	if s.Fallback > 0 {
		fmt.Fprintf(w, "; %d segments fell back to gist (the next run retries them)", s.Fallback)
	}
	fmt.Fprintf(w, "; %d content files changed\n", s.Written)
	s.reportSkipped(w)
	s.reportDrafts(w)
}

// reportSkipped lists the skipped inputs, and says which of them do not
// fail the build.
func (s *Summary) reportSkipped(w io.Writer) {
	if len(s.Skipped) == 0 {
		return
	}
	failing := len(s.Failing())
	fmt.Fprintf(w, "%d inputs skipped", len(s.Skipped))
	if n := len(s.Skipped) - failing; n > 0 {
		fmt.Fprintf(w, " (%d without article text, tolerated; --strict or [build] strict = true fails on them)", n)
	}
	fmt.Fprintln(w, ":")
	for _, e := range s.Skipped {
		fmt.Fprintf(w, "  %v\n", e)
	}
}

// ReviewLink returns the address of an article's review page, or of one
// segment's row on it when segment is not empty, under the site's base
// URL (or "/" when there is none).
func (p *Project) ReviewLink(article, segment string) string {
	u := fmt.Sprintf("%sen/%s/%s/", render.BaseDir(p.Config.BaseURL), content.ReviewSection, article)
	if segment != "" {
		u += "#seg-" + segment
	}
	return u
}
