package render

import (
	"bytes"
	"encoding/json"
	"hash/fnv"
	iofs "io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/gohugoio/hugo/parser/pageparser"
	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/manifest"
	"github.com/jisr-news/jisr/generator/store"
)

// Rendering in shards. One Hugo run over the whole content tree holds the
// state of every page at once (about 0.3 GB per 1,000 articles), and
// renders every article again when one changes. Render instead cuts the
// articles into shards of consecutive articles and runs Hugo once per
// shard, and once more for the pages that span shards:
//
//   - A shard run holds its articles' bundles and review pages, and what
//     those pages refer to: the home page, the section and taxonomy pages
//     (site.GetPage "/articles", the review dashboard as .Parent) and the
//     term pages of the shard's tags and entities (GetTerms), which it
//     keeps from rendering (Hugo's build option render: link, set for them
//     by a cascade in hugo.toml). It writes the article and review pages.
//   - The lists run holds every page but the article bodies and review
//     rows, with the article and review pages set to render: link in
//     their front matter (where the cascade cannot reach: a page's own
//     build key wins over any cascade). It writes the home page, the
//     sections, taxonomies and terms with their pagination, the review
//     dashboard, the feeds, the sitemaps, robots.txt, 404.html and the
//     pictures beside the seeds.
//
// Every page keeps the permalink, the translations, the terms and the
// front matter it has in one run, and every list the pages it has in one
// run, so the files are those of one run, byte for byte
// (TestShardsGiveTheSameSite); each file is written by one run only.
//
// Shards are made only for jisr's own layouts: a project with layouts of
// its own may read any page from any page, and is rendered in one run.

// DefaultShardSize is the number of articles a shard holds on average
// when Site.ShardSize is 0 ([build] shard_size in jisr.toml).
const DefaultShardSize = 100

// Stats counts the Hugo runs of a Render, for tests and the build's log.
type Stats struct {
	Runs   int // Hugo runs: 1 for a site rendered in one run
	Shards int // article shards rendered (0 for one run)
	Reused int // article shards whose output was reused (not rendered)
	// Terms counts the terms the lists run could take from the last site
	// (terms.go), TermsReused those it took instead of rendering them.
	Terms, TermsReused int
}

// articleInfo is what the shard plan needs of an article bundle.
type articleInfo struct {
	id    string
	date  string // front matter date as written, for the order
	terms map[string]bool
}

// shardPlan is the cut of a site's articles into shards.
type shardPlan struct {
	shards [][]string // article IDs, each shard in order
	terms  []map[string]bool
	// files lists the content files (slash paths relative to the content
	// folder) by kind.
	article map[string][]string // article ID → files of its bundle
	review  map[string][]string // article ID → files of its review bundle
	term    map[string][]string // "entities/<id>" or "tags/<id>" → _index files
	section []string            // _index files of the home and sections
	other   []string            // everything else: lists run only
	// What the lists run needs to tell which term pages it may take
	// from the last site (terms.go).
	termDir map[string][]string            // term key → every file of its folder, _index files included
	members map[string]map[string][]string // term key → language → index pages naming it
	// noMentions are the article index pages whose mentions nothing of
	// the lists run reads (their entity pages' items are made in Go:
	// fragitems.go), which the lists run gets without them.
	noMentions map[string]bool
	// termsOK is false when a page may belong to a term Go cannot name
	// (a term value Hugo would rewrite, a page in a term folder, a review
	// page with terms, a content adapter): every term is rendered.
	termsOK bool
}

// shardHash is the hash of an article ID that decides where shards end:
// FNV-1a, so a boundary depends on the article alone.
func shardHash(id string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(id))
	return h.Sum32()
}

// cutShards cuts articles, in order, into consecutive shards of about
// size articles each: a shard ends after an article whose ID hashes to 0
// modulo size, and at 4×size articles at the latest. Since a boundary
// follows from its article alone, adding or removing an article changes
// its own shard only (or, when it is a boundary article, joins or splits
// that shard and the next), and every other shard keeps its articles,
// unless the shard reaches the limit (about 2% of shards), where the
// change runs on to the next boundary.
func cutShards(ids []string, size int) [][]string {
	if size < 1 {
		size = DefaultShardSize
	}
	var out [][]string
	var cur []string
	for _, id := range ids {
		cur = append(cur, id)
		if shardHash(id)%uint32(size) == 0 || len(cur) >= 4*size {
			out = append(out, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// planShards reads the content tree under root/content of mem and cuts its
// articles into shards of about size articles, ordered by date and then
// ID. It returns nil when the site must be rendered in one run: fewer
// articles than size, or an article or review page whose front matter is
// not jisr's JSON (setRenderLink cannot mark it). parsed holds index pages
// already parsed from mem (articleFiles.parsed), by path under the
// content folder; the others are parsed here.
func planShards(mem afero.Fs, root string, size int, parsed map[string]*store.ArticlePage) (*shardPlan, error) {
	if size < 1 {
		size = DefaultShardSize
	}
	content := path.Join(root, "content")
	p := &shardPlan{article: map[string][]string{}, review: map[string][]string{}, term: map[string][]string{},
		termDir: map[string][]string{}, members: map[string]map[string][]string{}, termsOK: true}
	err := afero.Walk(mem, content, func(name string, info iofs.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel := strings.TrimPrefix(name, content+"/")
		parts := strings.Split(rel, "/")
		p.noteTermFile(parts)
		switch {
		case len(parts) >= 3 && parts[0] == store.ArticlesSection:
			p.article[parts[1]] = append(p.article[parts[1]], rel)
		case len(parts) >= 3 && parts[0] == store.ReviewSection:
			p.review[parts[1]] = append(p.review[parts[1]], rel)
		case len(parts) == 3 && (parts[0] == store.EntitiesSection || parts[0] == store.TagsSection) && strings.HasPrefix(parts[2], "_index."):
			k := parts[0] + "/" + parts[1]
			p.term[k] = append(p.term[k], rel)
		case len(parts) <= 2 && strings.HasPrefix(parts[len(parts)-1], "_index."):
			p.section = append(p.section, rel)
		default:
			p.other = append(p.other, rel)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(p.article) <= size {
		return nil, nil
	}
	infos := make([]articleInfo, 0, len(p.article))
	for id, files := range p.article {
		a := articleInfo{id: id, terms: map[string]bool{}}
		for _, f := range files {
			if !isIndexPage(f) {
				continue
			}
			data, ok, err := jisrPage(mem, content, f)
			if err != nil || !ok {
				return nil, err // not jisr's front matter: one run
			}
			pg := parsed[f]
			if pg == nil {
				if pg, err = store.ParseArticlePage(f, data); err != nil {
					return nil, err
				}
			}
			if a.date == "" {
				a.date = pg.Date
			}
			for _, t := range pg.Tags {
				a.terms[store.TagsSection+"/"+t] = true
			}
			for _, e := range pg.Entities {
				a.terms[store.EntitiesSection+"/"+e] = true
			}
			p.noteMembers(f, pg)
		}
		infos = append(infos, a)
	}
	for _, files := range p.review {
		for _, f := range files {
			if !isIndexPage(f) {
				continue
			}
			data, ok, err := jisrPage(mem, content, f)
			if err != nil || !ok {
				return nil, err
			}
			if hasTermKeys(data) {
				p.termsOK = false
			}
		}
	}
	sort.Slice(infos, func(i, j int) bool {
		if infos[i].date != infos[j].date {
			return infos[i].date < infos[j].date
		}
		return infos[i].id < infos[j].id
	})
	ids := make([]string, len(infos))
	byID := make(map[string]articleInfo, len(infos))
	for i, a := range infos {
		ids[i] = a.id
		byID[a.id] = a
	}
	p.shards = cutShards(ids, size)
	p.terms = make([]map[string]bool, len(p.shards))
	for i, sh := range p.shards {
		p.terms[i] = map[string]bool{}
		for _, id := range sh {
			for t := range byID[id].terms {
				p.terms[i][t] = true
			}
		}
	}
	return p, nil
}

// jisrPage reads the content page rel (a slash path under content in mem)
// and reports whether its front matter is jisr's JSON, the only kind
// setRenderLink can mark.
func jisrPage(mem afero.Fs, content, rel string) ([]byte, bool, error) {
	data, err := afero.ReadFile(mem, path.Join(content, rel))
	if err != nil {
		return nil, false, err
	}
	return data, bytes.HasPrefix(data, []byte("{")), nil
}

// isIndexPage reports whether rel is a bundle's content page, index.<lang>.md.
func isIndexPage(rel string) bool {
	b := path.Base(rel)
	return strings.HasPrefix(b, "index.") && strings.HasSuffix(b, ".md")
}

// fileUse says how a content file goes into a run.
type fileUse int

const (
	asIs     fileUse = iota
	linkOnly         // a page kept from rendering (setRenderLink)
	linkLean         // linkOnly, and without its mentions (dropMentions)
	termStub         // a term page reduced to what article pages read (stubTerm)
)

// shardFiles returns the content files of shard i, each with its use.
func (p *shardPlan) shardFiles(i int) map[string]fileUse {
	files := map[string]fileUse{}
	for _, id := range p.shards[i] {
		for _, f := range p.article[id] {
			b := path.Base(f)
			if strings.HasPrefix(b, "lead.") || strings.HasPrefix(b, "teaser.") {
				continue // read by the lists only
			}
			files[f] = asIs
		}
		for _, f := range p.review[id] {
			files[f] = asIs
		}
	}
	for _, f := range p.section {
		files[f] = linkOnly
	}
	for t := range p.terms[i] {
		for _, f := range p.term[t] {
			files[f] = termStub
		}
	}
	return files
}

// outputs returns the files the run of shard i writes (slash paths from
// the site's root, starting with "/"): each article's page in each of its
// languages and its review page, as Hugo names them for a bundle
// (pageFile: articles/<id>/index.html; articles/<id>.html with ugly
// URLs, offline), Arabic at the root and English under /en/. A shard
// whose run wrote other files is never reused (renderShards checks).
func (p *shardPlan) outputs(i int, offline bool) []string {
	var out []string
	for _, id := range p.shards[i] {
		for _, group := range []struct {
			section string
			files   []string
		}{{store.ArticlesSection, p.article[id]}, {store.ReviewSection, p.review[id]}} {
			for _, f := range group.files {
				if f == group.section+"/"+id+"/"+path.Base(f) && isIndexPage(f) {
					lang := strings.TrimSuffix(strings.TrimPrefix(path.Base(f), "index."), ".md")
					out = append(out, pageFile(lang, group.section+"/"+id, offline))
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

// listsFiles returns the content files of the lists run, and whether each
// is a page to keep from rendering.
func (p *shardPlan) listsFiles() map[string]fileUse {
	files := map[string]fileUse{}
	for _, fs := range p.article {
		for _, f := range fs {
			if use, ok := listsArticleFile(f); ok {
				if use == linkOnly && p.noMentions[f] {
					use = linkLean
				}
				files[f] = use
			}
		}
	}
	for _, fs := range p.review {
		for _, f := range fs {
			if isIndexPage(f) {
				files[f] = linkOnly // the dashboard reads its front matter
			}
		}
	}
	for _, fs := range p.term {
		for _, f := range fs {
			files[f] = asIs
		}
	}
	for _, f := range p.section {
		files[f] = asIs
	}
	for _, f := range p.other {
		files[f] = asIs
	}
	return files
}

// runSource returns a Hugo source for one run: every file of base outside
// the content folder, with cfg as hugo.toml, and the content files given,
// each as its use says. terms (nil: none) holds term _index files already
// read (readTermIndex), whose stubs are taken from there instead of being
// parsed again for every shard that names the term.
func runSource(base afero.Fs, root string, cfg []byte, files map[string]fileUse, terms map[string]termIndex) (afero.Fs, error) {
	mem := afero.NewMemMapFs()
	content := path.Join(root, "content")
	err := afero.Walk(base, root, func(name string, info iofs.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if info.IsDir() {
			if name == content {
				return iofs.SkipDir
			}
			return nil
		}
		if name == path.Join(root, "hugo.toml") {
			return nil
		}
		data, err := afero.ReadFile(base, name)
		if err != nil {
			return err
		}
		return writeFile(mem, name, data)
	})
	if err != nil {
		return nil, err
	}
	if err := writeFile(mem, path.Join(root, "hugo.toml"), cfg); err != nil {
		return nil, err
	}
	for rel, use := range files {
		var data []byte
		if t, ok := terms[rel]; ok && use == termStub {
			data = t.stub
		} else {
			if data, err = afero.ReadFile(base, path.Join(content, rel)); err != nil {
				return nil, err
			}
			switch use {
			case linkOnly:
				data = setRenderLink(data)
			case linkLean:
				lean, _ := dropMentions(data) // as it is when it cannot
				data = setRenderLink(lean)
			case termStub:
				data = stubTerm(data)
			}
		}
		if err := writeFile(mem, path.Join(content, rel), data); err != nil {
			return nil, err
		}
	}
	return mem, nil
}

// outsideDigest digests the files of base (under root) that every run's
// source holds as they are: all but the content folder and hugo.toml.
func outsideDigest(base afero.Fs, root string) (string, error) {
	d := manifest.New().Add("outside content")
	err := d.AddTree(base, root, func(rel string) bool {
		return rel != "hugo.toml" && !manifest.Under(rel, "content")
	})
	return d.Sum(), err
}

// addSource adds to d what runSource(base, root, cfg, files, …) makes,
// without making it: outside (outsideDigest of base), cfg, and each
// content file's name, use and bytes in base. What a use does to a file
// follows from its bytes alone, and jisr's build is in the caller's salt,
// so equal digests mean equal sources.
func addSource(d *manifest.Digest, base afero.Fs, root, outside string, cfg []byte, files map[string]fileUse) error {
	d.Add(outside).AddBytes(cfg)
	content := path.Join(root, "content")
	for _, rel := range sortedKeys(files) {
		d.Add(strconv.Itoa(int(files[rel])))
		if err := d.AddFile(base, path.Join(content, rel), rel); err != nil {
			return err
		}
	}
	return nil
}

// setRenderLink returns a page's file with Hugo's build option render set
// to link (the page keeps its permalink and its place in every list, and
// is not written). A page's own build key wins over any cascade, so the
// pages that have one get it here: jisr's JSON front matter (article and
// review pages, whose build key is the last one; a mention of an entity
// named "build" comes before it) and YAML front matter with a block
// "build:" key (the review dashboard). Other pages are returned as they
// are, for the cascade of hugo.toml.
func setRenderLink(data []byte) []byte {
	switch {
	case bytes.HasPrefix(data, []byte("{")):
		if i := bytes.LastIndex(data, []byte(`"build": {`)); i >= 0 {
			i += len(`"build": {`)
			return concat(data[:i], []byte(`"render": "link", `), data[i:])
		}
		return concat([]byte(`{"build": {"render": "link"}, `), data[1:])
	case bytes.HasPrefix(data, []byte("---\n")):
		end := bytes.Index(data[4:], []byte("\n---"))
		if end < 0 {
			return data
		}
		fm := data[:4+end+1]
		if i := bytes.Index(fm, []byte("\nbuild:\n")); i >= 0 {
			i += len("\nbuild:\n")
			return concat(data[:i], []byte("  render: link\n"), data[i:])
		}
	}
	return data
}

// stubKeys are the front matter keys of a term page that an article or
// review page can see (GetTerms: its title, link title, permalink, type
// and Wikidata ID) or that decide whether the term page exists, in
// lower case as Hugo matches them.
var stubKeys = map[string]bool{"title": true, "linktitle": true, "type": true, "wikidata": true, "url": true, "slug": true,
	"draft": true, "build": true, "publishdate": true, "expirydate": true, "date": true, "lastmod": true, "headless": true,
	"translationkey": true, "params": true}

// stubTerm returns a term page as a shard run needs it: its front matter
// reduced to stubKeys (a term page's co-occurrences and names in the other
// language change with every article that names it, and only the term's
// own page, in the lists run, shows them), as JSON, with render: link in
// its build options and no body. A page Hugo cannot read is returned as it
// is (the lists run reports it).
func stubTerm(data []byte) []byte {
	cf, err := pageparser.ParseFrontMatterAndContent(bytes.NewReader(data))
	if err != nil {
		return data
	}
	return stubFrontMatter(cf.FrontMatter, data)
}

// stubFrontMatter is stubTerm for a page whose front matter Hugo read as
// fm; data (the page) is returned when it cannot be encoded.
func stubFrontMatter(front map[string]any, data []byte) []byte {
	fm := map[string]any{}
	build := map[string]any{}
	for k, v := range front {
		switch lk := strings.ToLower(k); {
		case lk == "build":
			if m, ok := v.(map[string]any); ok {
				for bk, bv := range m {
					if strings.ToLower(bk) != "render" {
						build[bk] = bv
					}
				}
			}
		case stubKeys[lk]:
			fm[k] = v
		}
	}
	build["render"] = "link"
	fm["build"] = build
	out, err := json.Marshal(fm)
	if err != nil {
		return data
	}
	return append(out, '\n')
}

func concat(parts ...[]byte) []byte {
	var b bytes.Buffer
	for _, p := range parts {
		b.Write(p)
	}
	return b.Bytes()
}

// recordFs is the destination of one Hugo run: it records the name of
// every file the run creates.
type recordFs struct {
	afero.Fs
	mu      sync.Mutex
	written map[string]bool
}

func newRecordFs(fs afero.Fs) *recordFs { return &recordFs{Fs: fs, written: map[string]bool{}} }

func (r *recordFs) note(name string) {
	r.mu.Lock()
	r.written[path.Clean("/"+strings.ReplaceAll(name, "\\", "/"))] = true
	r.mu.Unlock()
}

func (r *recordFs) Create(name string) (afero.File, error) {
	r.note(name)
	return r.Fs.Create(name)
}

func (r *recordFs) OpenFile(name string, flag int, perm iofs.FileMode) (afero.File, error) {
	if flag&(os.O_WRONLY|os.O_RDWR|os.O_CREATE) != 0 {
		r.note(name)
	}
	return r.Fs.OpenFile(name, flag, perm)
}

// files returns the recorded names, sorted.
func (r *recordFs) files() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]string, 0, len(r.written))
	for n := range r.written {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// shardDigest digests what the run of a shard of the articles ids reads:
// its source (addSource: the files of shard, as runSource would make them
// from base under root, with outside, the outsideDigest of base, and cfg)
// and, when the article pages' fragments are made for the run alone
// (articleFiles.deferPages), what pageFragments makes them from instead of
// the fragments themselves (each article's segment store and review page
// in the project's content tree, and whether the review page is left
// out), so that a shard taken from the last site is digested without
// making its source, its bodies or its review rows. The rest of what they
// follow from (i18n strings, base path, jisr's build) is in the source or
// the salt.
func shardDigest(base afero.Fs, root, outside string, cfg []byte, shard map[string]fileUse, salt string, files articleFiles, ids []string) (string, error) {
	d := manifest.New().Add("shard").Add(salt)
	if err := addSource(d, base, root, outside, cfg, shard); err != nil {
		return "", err
	}
	if !files.deferPages {
		return d.Sum(), nil
	}
	content := filepath.ToSlash(files.contentDir)
	for _, id := range ids {
		review := path.Join(store.ReviewSection, id)
		for _, f := range []string{path.Join(store.ArticlesSection, id, store.FileName), path.Join(review, "index.en.md")} {
			if err := d.AddFile(files.fs, path.Join(content, f), f); err != nil {
				return "", err
			}
		}
		d.Add(strconv.FormatBool(slices.Contains(files.skip, review)))
	}
	return d.Sum(), nil
}

// outputDigest digests the files of fsys named (missing ones included).
func outputDigest(fsys afero.Fs, names []string) (string, error) {
	d := manifest.New().Add("shard output")
	for _, n := range names {
		if err := d.AddFile(fsys, n, n); err != nil {
			return "", err
		}
	}
	return d.Sum(), nil
}

// copyFiles copies the files named from src to dst: new files, never a
// link to the old site's (Hugo truncates the files it writes).
func copyFiles(src, dst afero.Fs, names []string) error {
	for _, n := range names {
		data, err := afero.ReadFile(src, n)
		if err != nil {
			return err
		}
		if err := writeFile(dst, n, data); err != nil {
			return err
		}
	}
	return nil
}
