package render

import (
	"bytes"
	"fmt"
	"path"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/gohugoio/hugo/parser/pageparser"
	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/manifest"
	"github.com/jisr-news/jisr/generator/store"
)

// Term pages taken from the last site. The lists run renders every term
// page (with its pagination) though one edit changes a handful: each
// term gets an input digest of what its pages read, and a term whose
// digest is recorded (Input.Terms) and whose files in the last site still
// have the recorded digest is marked render: link in the lists run and
// its files are copied from the last site, as unchanged shards are.
//
// What term.html and the partials it calls read, and so what the digest
// holds:
//   - the site: hugo.toml, layouts, i18n, jisr's build (the salt), the
//     home and section pages (site.GetPage "/articles", "/entities",
//     "/tags", site.Home) and any other content file outside the
//     article, review and term folders;
//   - the term's own folder: its _index files in both languages (front
//     matter, translations) and its other files (the charts fragment);
//   - its members: every file of a member article that the lists run
//     holds (index pages with front matter: date, title, lead, mentions
//     with their snippets; title, lead and teaser fragments), in each
//     language, which also fixes the number of pages of its pagination;
//   - its co-occurring entities (site.GetPage "/entities/<id>"): what
//     stubTerm keeps of their _index files (title, type, permalink).
//
// Any doubt renders the term: a term value Hugo would rewrite, a review
// page or a page in a term folder with terms, a content adapter (termsOK);
// a term page in a language without an _index file, one whose front matter
// is not YAML or has build or cascade keys of its own, a co-occurring
// entity without an _index file; and a term whose files Go could not
// name from its member counts is never recorded.

// The site's languages are store.Languages, the default language
// (HugoConfig's defaultContentLanguage, at the site's root) first.

// termNamePattern matches the term values that Hugo keeps as they are in
// a term's path and key: lower case, digits, "_" and "-". "page" and
// "index" are left out: a term of either name would share its files'
// names with the taxonomy's pagination or list page.
var termNamePattern = regexp.MustCompile(`^[a-z0-9_][a-z0-9_-]*$`)

func termName(v string) bool { return v != "page" && v != "index" && termNamePattern.MatchString(v) }

// contentExts are the file extensions Hugo reads as pages.
var contentExts = map[string]bool{".md": true, ".markdown": true, ".html": true, ".htm": true, ".adoc": true, ".asciidoc": true,
	".org": true, ".pdc": true, ".pandoc": true, ".rst": true, ".mmark": true}

// noteTermFile records a file of the content tree (its slash path split
// in parts) in the plan's term folders, and turns term pages' reuse off
// for files that may add pages to terms Go cannot see.
func (p *shardPlan) noteTermFile(parts []string) {
	if parts[len(parts)-1] == "_content.gotmpl" {
		p.termsOK = false // a content adapter may make any page
		return
	}
	if len(parts) < 3 || (parts[0] != store.EntitiesSection && parts[0] != store.TagsSection) {
		return
	}
	k := parts[0] + "/" + parts[1]
	b := parts[len(parts)-1]
	if len(parts) > 3 || (!strings.HasPrefix(b, "_index.") && contentExts[path.Ext(b)]) {
		p.termsOK = false // a page of its own inside a term folder
		return
	}
	p.termDir[k] = append(p.termDir[k], strings.Join(parts, "/"))
}

// noteMembers records the article index page f (a slash path under the
// content folder) as a member of the terms its front matter names.
func (p *shardPlan) noteMembers(f string, pg *store.ArticlePage) {
	lang := pageLang(f)
	if !slices.Contains(store.Languages, lang) {
		p.termsOK = false
		return
	}
	seen := map[string]bool{}
	add := func(section string, values []string) {
		for _, v := range values {
			if !termName(v) {
				p.termsOK = false
				continue
			}
			k := section + "/" + v
			if seen[k] {
				continue
			}
			seen[k] = true
			if p.members[k] == nil {
				p.members[k] = map[string][]string{}
			}
			p.members[k][lang] = append(p.members[k][lang], f)
		}
	}
	add(store.TagsSection, pg.Tags)
	add(store.EntitiesSection, pg.Entities)
}

// pageLang is the language of a content file named name.<lang>.<ext>.
func pageLang(f string) string {
	parts := strings.Split(path.Base(f), ".")
	if len(parts) != 3 {
		return ""
	}
	return parts[1]
}

// hasTermKeys reports whether JSON front matter may name terms: a key
// "tags" or "entities" in any case (a false alarm only renders terms).
func hasTermKeys(data []byte) bool {
	l := bytes.ToLower(data)
	return bytes.Contains(l, []byte(`"tags"`)) || bytes.Contains(l, []byte(`"entities"`))
}

// termIndex is what the runs need of a term's _index file.
type termIndex struct {
	stub    []byte         // what stubTerm keeps: what other pages read of it
	front   map[string]any // its front matter as Hugo reads it (nil: Hugo cannot read it)
	content []byte         // what follows the front matter, as Hugo reads it
	cooccur []string       // the entity IDs of its cooccur list
	// markable: the file is YAML front matter without build or cascade
	// keys of its own, which linkTerm can mark render: link.
	markable bool
}

// readTermIndex reads a term's _index file.
func readTermIndex(data []byte) termIndex {
	cf, err := pageparser.ParseFrontMatterAndContent(bytes.NewReader(data))
	if err != nil {
		return termIndex{stub: data}
	}
	t := termIndex{stub: stubFrontMatter(cf.FrontMatter, data), front: cf.FrontMatter, content: cf.Content,
		markable: bytes.HasPrefix(data, []byte("---\n")) && !bytes.Contains(data, []byte("\r"))}
	for k, v := range cf.FrontMatter {
		switch strings.ToLower(k) {
		case "build", "_build", "cascade":
			t.markable = false
		case "cooccur":
			list, ok := v.([]any)
			if !ok {
				t.markable = false
			}
			for _, e := range list {
				id := ""
				if m, ok := e.(map[string]any); ok {
					for mk, mv := range m {
						if strings.ToLower(mk) == "id" {
							id, _ = mv.(string)
						}
					}
				}
				if id == "" {
					t.markable = false // a list Go cannot read: render it
					continue
				}
				t.cooccur = append(t.cooccur, id)
			}
		}
	}
	return t
}

// termBuild is the build option a term page taken from the last site
// gets in the lists run: render: link, and publishResources: false, which
// the lists run's cascade gives every term (HugoConfig) but a page's own
// build key replaces.
const termBuild = "build:\n  render: link\n  publishResources: false\n"

// linkTerm returns a term's _index file data (YAML front matter,
// markable) with termBuild added, and whether Hugo reads it as the same
// front matter plus that key (checked by parsing it, against before, what
// readTermIndex read of data).
func linkTerm(data []byte, before termIndex) ([]byte, bool) {
	if len(data) < 4 || before.front == nil {
		return nil, false
	}
	end := bytes.Index(data[4:], []byte("\n---"))
	if end < 0 {
		return nil, false
	}
	i := 4 + end + 1
	out := concat(data[:i], []byte(termBuild), data[i:])
	after, err := pageparser.ParseFrontMatterAndContent(bytes.NewReader(out))
	if err != nil || !bytes.Equal(before.content, after.Content) {
		return nil, false
	}
	b, ok := after.FrontMatter["build"].(map[string]any)
	delete(after.FrontMatter, "build")
	if !ok || len(b) != 2 || b["render"] != "link" || b["publishResources"] != false || !reflect.DeepEqual(before.front, after.FrontMatter) {
		return nil, false
	}
	return out, true
}

// readTerms reads every term _index file of the plan from base (root: the
// site folder), by its path under the content folder.
func (p *shardPlan) readTerms(base afero.Fs, root string) (map[string]termIndex, error) {
	content := path.Join(root, "content")
	idx := map[string]termIndex{}
	for _, files := range p.term {
		for _, f := range files {
			data, err := afero.ReadFile(base, path.Join(content, f))
			if err != nil {
				return nil, err
			}
			idx[f] = readTermIndex(data)
		}
	}
	return idx, nil
}

// termJob is a term the lists run may take from the last site.
type termJob struct {
	digest string
	outs   []string // its files, as termOutputs names them
	index  []string // its _index files
}

// termJobs returns the terms of the plan whose pages the lists run may
// take from the last site, by term key, with their input digests, for a
// lists run whose source is base (root: the site folder) and whose
// output is rendered for site; idx holds the plan's term _index files
// (readTerms). It returns nil when termsOK is false.
func (p *shardPlan) termJobs(base afero.Fs, root, salt string, site Site, idx map[string]termIndex) (map[string]*termJob, error) {
	if !p.termsOK {
		return nil, nil
	}
	content := path.Join(root, "content")
	sd := manifest.New().Add("term site").Add(salt)
	if err := sd.AddTree(base, root, func(rel string) bool { return !termPrivate(rel) }); err != nil {
		return nil, err
	}
	siteDigest := sd.Sum()
	arts := map[string]string{}
	article := func(id string) (string, error) {
		if d, ok := arts[id]; ok {
			return d, nil
		}
		d := manifest.New().Add("term member")
		files := slices.Clone(p.article[id])
		sort.Strings(files)
		for _, f := range files {
			if _, ok := listsArticleFile(f); ok {
				if err := d.AddFile(base, path.Join(content, f), f); err != nil {
					return "", err
				}
			}
		}
		arts[id] = d.Sum()
		return arts[id], nil
	}
	pageSize := site.PageSize
	if pageSize <= 0 {
		pageSize = 50 // hugoConfig's
	}
	jobs := map[string]*termJob{}
terms:
	for k, dir := range p.termDir {
		section, id, _ := strings.Cut(k, "/")
		if !termName(id) {
			continue
		}
		job := &termJob{}
		counts := map[string]int{}
		var cooccur []string
		for _, lang := range store.Languages {
			n := len(p.members[k][lang])
			f := k + "/_index." + lang + ".md"
			t, ok := idx[f]
			if !ok {
				if n > 0 {
					continue terms // a term page Hugo makes: no file to mark
				}
				continue
			}
			if !t.markable {
				continue terms
			}
			counts[lang] = n
			job.index = append(job.index, f)
			cooccur = append(cooccur, t.cooccur...)
		}
		if len(job.index) != len(p.term[k]) || len(job.index) == 0 {
			continue // an _index file of another name
		}
		d := manifest.New().Add("term").Add(siteDigest).Add(k).Add(strconv.Itoa(pageSize))
		files := slices.Clone(dir)
		sort.Strings(files)
		for _, f := range files {
			if err := d.AddFile(base, path.Join(content, f), f); err != nil {
				return nil, err
			}
		}
		for _, lang := range store.Languages {
			members := slices.Clone(p.members[k][lang])
			sort.Strings(members)
			d.Add("members " + lang)
			for _, f := range members {
				a, err := article(strings.Split(f, "/")[1])
				if err != nil {
					return nil, err
				}
				d.Add(f).Add(a)
			}
		}
		sort.Strings(cooccur)
		for _, c := range slices.Compact(cooccur) {
			for _, lang := range store.Languages {
				f := store.EntitiesSection + "/" + c + "/_index." + lang + ".md"
				t, ok := idx[f]
				if !ok {
					continue terms // its existence follows from pages Go does not digest
				}
				d.Add(f).AddBytes(t.stub)
			}
		}
		job.digest = d.Sum()
		job.outs = termOutputs(section, id, counts, pageSize, site.Offline)
		jobs[k] = job
	}
	return jobs, nil
}

// termPrivate reports whether rel (a slash path under the site folder)
// is a file only some term pages read, or none: an article's, a review
// page's or a term folder's. Every other file goes into every term's
// digest.
func termPrivate(rel string) bool {
	parts := strings.Split(rel, "/")
	if len(parts) < 3 || parts[0] != "content" {
		return false
	}
	switch parts[1] {
	case store.ReviewSection: // the dashboard and review pages: no term reads them
		return true
	case store.ArticlesSection, store.EntitiesSection, store.TagsSection:
		return len(parts) >= 4
	}
	return false
}

// termOutputs names the files of a term's pages: in each language where
// it has a page (counts: language → member pages), its list page and its
// pagination pages page/2… (pageSize teasers a page), as Hugo writes them
// (pageFile: entities/<id>/index.html and entities/<id>/page/2/index.html;
// entities/<id>.html and entities/<id>/page/2.html offline), the default
// language at the root and English under /en/.
func termOutputs(section, id string, counts map[string]int, pageSize int, offline bool) []string {
	var out []string
	for lang, n := range counts {
		dir := section + "/" + id
		pages := max(1, (n+pageSize-1)/pageSize)
		out = append(out, pageFile(lang, dir, offline))
		for i := 2; i <= pages; i++ {
			out = append(out, pageFile(lang, fmt.Sprintf("%s/page/%d", dir, i), offline))
		}
	}
	sort.Strings(out)
	return out
}

// pageFile names the file Hugo writes for the HTML page at dir (a slash
// path from the site's root, without slashes at either end:
// "articles/<id>", "tags/<id>/page/2") in the language lang: the
// default language (store.Languages[0]) at the site's root, any other
// under /<lang>/; dir/index.html, or dir.html on an offline site
// (uglyURLs). Out: a slash path from the publish folder's root, such as
// "/en/articles/<id>/index.html".
func pageFile(lang, dir string, offline bool) string {
	name := "/" + dir
	if lang != store.Languages[0] {
		name = "/" + lang + name
	}
	if offline {
		return name + ".html"
	}
	return name + "/index.html"
}

// termFiles groups the files a lists run wrote by the term they belong
// to (by term key), from their names as termOutputs makes them.
func termFiles(written []string) map[string][]string {
	out := map[string][]string{}
	for _, f := range written {
		rest := f
		for _, lang := range store.Languages[1:] {
			if strings.HasPrefix(rest, "/"+lang+"/") {
				rest = strings.TrimPrefix(rest, "/"+lang)
			}
		}
		parts := strings.Split(strings.TrimPrefix(rest, "/"), "/")
		if len(parts) < 2 || (parts[0] != store.EntitiesSection && parts[0] != store.TagsSection) {
			continue
		}
		id := parts[1]
		if len(parts) == 2 {
			id = strings.TrimSuffix(id, ".html")
		}
		if !termName(id) {
			continue // the taxonomy's own pages
		}
		k := parts[0] + "/" + id
		out[k] = append(out[k], f)
	}
	for k := range out {
		sort.Strings(out[k])
	}
	return out
}

// listsArticleFile says whether the article file rel goes into the lists
// run, and how: index pages kept from rendering, the fragments of the
// teasers as they are.
func listsArticleFile(rel string) (fileUse, bool) {
	b := path.Base(rel)
	switch {
	case isIndexPage(rel):
		return linkOnly, true
	case strings.HasPrefix(b, "title.") || strings.HasPrefix(b, "lead.") || strings.HasPrefix(b, "teaser."):
		return asIs, true // the teasers of the lists
	}
	return asIs, false
}
