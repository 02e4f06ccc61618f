// Package linkcheck checks that a built site holds together: every internal
// reference in it resolves to a file, and nothing is loaded from another
// host.
//
// In: the site folder on an afero filesystem (public/) and Options saying
// how the site is opened: from file:// (Offline) or from a web server under
// a base URL. Out: a Report listing broken references, each with its file,
// line, attribute, URL and reason, and the references that load a resource
// (script, stylesheet, image, font, frame) from another host.
//
// What is read: href, src, srcset, poster, data and action attributes,
// meta refresh targets and inline style url()s in .html files; url() and @import in .css files; and
// in .xml files (feeds, sitemap) every absolute URL on the site's own host.
//
// The two ways of opening a site resolve differently:
//   - Offline (file://): a reference must name a file. A link to a folder
//     does not open its index.html, and an absolute path ("/css/x.css")
//     points at the root of the disk, so both are broken.
//   - Served: an absolute path must lie under the base URL's path
//     (/repo/ on GitHub Pages), and a folder resolves to its index.html.
//     The root 404.html, which static hosts serve for a missing URL at any
//     depth, may hold no relative references.
package linkcheck

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/spf13/afero"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Options say how the site is opened.
type Options struct {
	// Offline means the site is opened from file://: every reference must
	// be relative and name a file.
	Offline bool
	// BaseURL is the URL the site is published under, e.g.
	// https://user.github.io/repo/. Absolute URLs on its host and absolute
	// paths under its path are internal. Empty means "/".
	BaseURL string
	// Cache, when not empty, is a file where Check keeps what it read in
	// each file (its references and element ids) by the SHA-256 of the
	// file's bytes, and where it finds them again on the next check, so
	// that only new or changed files are tokenized (see cache.go). The
	// report is the same as without it: what a file refers to follows
	// from its bytes alone, and every reference of every file is resolved
	// again against the site being checked. A missing, unreadable or
	// foreign cache only means every file is read.
	Cache string
	// CacheTag names the code that reads the files (jisr's build): a
	// cache written under another tag is not used.
	CacheTag string
}

// Ref is one reference found in the site.
type Ref struct {
	File   string // the referring file, relative to the site folder, with slashes
	Line   int    // 1-based line of the tag or CSS rule
	Attr   string // e.g. "a href", "img src", "css url()", "xml"
	URL    string // the reference as written
	Reason string // why it is broken or listed
}

func (r Ref) String() string {
	return fmt.Sprintf("%s:%d: %s %q: %s", r.File, r.Line, r.Attr, r.URL, r.Reason)
}

// Report is the result of a check.
type Report struct {
	Files    int   // HTML, CSS and XML files read
	Checked  int   // internal references checked
	Broken   []Ref // internal references that do not resolve
	External []Ref // resources loaded from another host
	Reused   int   // files whose references came from Options.Cache, not read again
}

// OK reports whether nothing is broken and nothing is loaded from another
// host.
func (r *Report) OK() bool { return len(r.Broken) == 0 && len(r.External) == 0 }

// Write lists the findings as people read them, ending with a summary line.
func (r *Report) Write(w io.Writer) {
	for _, b := range r.Broken {
		fmt.Fprintf(w, "broken: %s\n", b)
	}
	for _, e := range r.External {
		fmt.Fprintf(w, "external resource: %s\n", e)
	}
	fmt.Fprintf(w, "links: %d files, %d internal references checked, %d broken, %d resources from other hosts\n",
		r.Files, r.Checked, len(r.Broken), len(r.External))
}

// Check reads every HTML, CSS and XML file under dir and checks their
// references. It fails only when the folder cannot be read.
func Check(fs afero.Fs, dir string, o Options) (*Report, error) {
	base, err := parseBase(o.BaseURL)
	if err != nil {
		return nil, err
	}
	c := &checker{fs: fs, dir: dir, o: o, base: base, exists: map[string]string{}, ids: map[string]map[string]bool{}, rep: &Report{}}
	var files []string
	err = afero.Walk(fs, dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if info.IsDir() {
			return nil
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".html", ".htm", ".css", ".xml":
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("linkcheck %s: %w", dir, err)
	}
	sort.Strings(files)
	var old, next *cache
	if o.Cache != "" {
		old, next = readCache(fs, o.Cache, o.CacheTag), newCache(o.CacheTag)
	}
	for _, p := range files {
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return nil, err
		}
		rel = filepath.ToSlash(rel)
		data, err := afero.ReadFile(fs, p)
		if err != nil {
			return nil, fmt.Errorf("linkcheck: %w", err)
		}
		c.rep.Files++
		k := kindOf(rel)
		var f *facts
		if next != nil {
			key := cacheKey(k, data)
			if f = old.get(key); f != nil {
				c.rep.Reused++
			} else {
				f = scan(k, data)
			}
			next.put(key, f)
		} else {
			f = scan(k, data)
		}
		c.resolve(rel, k, f)
	}
	if next != nil {
		next.write(fs, o.Cache) // a cache that cannot be written only means a full check next time
	}
	c.checkAnchors()
	return c.rep, nil
}

type checker struct {
	fs      afero.Fs
	dir     string
	o       Options
	base    *url.URL
	exists  map[string]string          // site path → "file", "dir", "none"
	ids     map[string]map[string]bool // HTML file → its element ids
	anchors []anchorRef
	rep     *Report
}

func parseBase(s string) (*url.URL, error) {
	if s == "" {
		s = "/"
	}
	u, err := url.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("linkcheck: base URL %q: %w", s, err)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u, nil
}

// resourceRels are the link rel values that make the browser load the
// target.
var resourceRels = map[string]bool{"stylesheet": true, "icon": true, "preload": true, "modulepreload": true,
	"manifest": true, "apple-touch-icon": true, "prefetch": true, "mask-icon": true}

// fileKind is how a file's references are read: by its extension.
type fileKind byte

const (
	kindHTML fileKind = 'h'
	kindCSS  fileKind = 'c'
	kindXML  fileKind = 'x'
)

func kindOf(rel string) fileKind {
	switch strings.ToLower(path.Ext(rel)) {
	case ".css":
		return kindCSS
	case ".xml":
		return kindXML
	}
	return kindHTML
}

// facts is what one file refers to, in the order it says it, and, for an
// HTML file, the element ids it holds. They follow from the file's bytes
// and kind alone (no options, no other file), which is what lets the
// cache keep them by the file's digest; resolve checks them against the
// site.
type facts struct {
	refs []rawRef
	ids  []string
}

// rawRef is a reference as a file writes it, before it is resolved.
type rawRef struct {
	line  int
	attr  string
	url   string
	loads bool // the browser fetches it as part of the page
	xml   bool // an absolute URL in a feed or sitemap: checked when on the site's host
}

// scan reads the references of a file of kind k.
func scan(k fileKind, data []byte) *facts {
	f := &facts{}
	switch k {
	case kindCSS:
		f.css(string(data), 1)
	case kindXML:
		f.xml(string(data))
	default:
		f.html(data)
	}
	return f
}

// resolve checks the references of the file rel, in order, against the
// site, and records the ids of an HTML file for the fragments.
func (c *checker) resolve(rel string, k fileKind, f *facts) {
	if k == kindHTML {
		ids := make(map[string]bool, len(f.ids))
		for _, id := range f.ids {
			ids[id] = true
		}
		c.ids[rel] = ids
	}
	for _, r := range f.refs {
		if r.xml {
			// Other hosts are namespaces and outbound links, not resources.
			u, err := url.Parse(r.url)
			if err != nil || c.base.Host == "" || !strings.EqualFold(u.Host, c.base.Host) {
				continue
			}
		}
		c.ref(Ref{File: rel, Line: r.line, Attr: r.attr, URL: r.url}, r.loads)
	}
}

// html tokenizes a page and collects the references in its tags. The
// tokenizer is used rather than a full parse: it is faster, and the raw
// bytes it returns give line numbers.
func (f *facts) html(data []byte) {
	z := html.NewTokenizer(bytes.NewReader(data))
	seen := map[string]bool{}
	id := func(v string) {
		if !seen[v] {
			seen[v] = true
			f.ids = append(f.ids, v)
		}
	}
	line := 1
	inStyle := false
	// One map for every tag, holding only the attributes read below: a
	// page has thousands of tags, and copying each attribute of each into
	// a map of its own was most of the check's garbage.
	attrs := map[string]string{}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		raw := z.Raw()
		start := line
		line += bytes.Count(raw, []byte("\n"))
		switch tt {
		case html.TextToken:
			if inStyle {
				f.css(string(z.Text()), start)
			}
			continue
		case html.EndTagToken:
			if n, _ := z.TagName(); atom.Lookup(n) == atom.Style {
				inStyle = false
			}
			continue
		case html.StartTagToken, html.SelfClosingTagToken:
		default:
			continue
		}
		name, hasAttr := z.TagName()
		tag := atom.Lookup(name)
		if tag == atom.Style && tt == html.StartTagToken {
			inStyle = true
		}
		clear(attrs)
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			if key, ok := readAttrs[string(k)]; ok {
				attrs[key] = string(v)
			}
		}
		if v, ok := attrs["id"]; ok {
			id(v)
		}
		if v, ok := attrs["name"]; ok && tag == atom.A {
			id(v)
		}
		tagName := ""
		for _, a := range []string{"href", "src", "poster", "data", "action", "srcset"} {
			v, ok := attrs[a]
			if !ok {
				continue
			}
			if a == "href" && tag != atom.A && tag != atom.Link && tag != atom.Area && tag != atom.Base {
				continue
			}
			if a == "data" && tag != atom.Object {
				continue
			}
			if a == "action" && tag != atom.Form {
				continue
			}
			loads := a != "href" && a != "action" || tag == atom.Link && loadsRel(attrs["rel"])
			urls := []string{v}
			if a == "srcset" {
				urls = srcset(v)
			}
			if tagName == "" {
				tagName = string(name)
			}
			for _, u := range urls {
				f.refs = append(f.refs, rawRef{line: start, attr: tagName + " " + a, url: u, loads: loads})
			}
		}
		if tag == atom.Meta && strings.EqualFold(attrs["http-equiv"], "refresh") {
			// Redirect pages (Hugo aliases): content="0; url=target".
			if _, target, ok := strings.Cut(attrs["content"], "="); ok && strings.Contains(strings.ToLower(attrs["content"]), "url=") {
				f.refs = append(f.refs, rawRef{line: start, attr: "meta refresh", url: strings.Trim(target, `'" `)})
			}
		}
		if st, ok := attrs["style"]; ok {
			f.css(st, start)
		}
	}
}

// readAttrs are the attributes html reads, each mapped to itself (the
// look-up by a tokenizer's bytes allocates nothing; the value is the key
// kept).
var readAttrs = func() map[string]string {
	m := map[string]string{}
	for _, a := range []string{"id", "name", "href", "src", "poster", "data", "action", "srcset", "rel", "http-equiv", "content", "style"} {
		m[a] = a
	}
	return m
}()

func loadsRel(rel string) bool {
	for _, r := range strings.Fields(strings.ToLower(rel)) {
		if resourceRels[r] {
			return true
		}
	}
	return false
}

// srcset returns the URLs of a srcset attribute.
func srcset(v string) []string {
	var out []string
	for _, part := range strings.Split(v, ",") {
		if f := strings.Fields(part); len(f) > 0 {
			out = append(out, f[0])
		}
	}
	return out
}

var cssURL = regexp.MustCompile(`(?i)url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')`)

// css collects url() and @import references; everything a stylesheet
// names is loaded.
func (f *facts) css(text string, line int) {
	for _, m := range cssURL.FindAllStringSubmatchIndex(text, -1) {
		u := ""
		for g := 1; g <= 5; g++ {
			if m[2*g] >= 0 {
				u = text[m[2*g]:m[2*g+1]]
				break
			}
		}
		if u == "" {
			continue
		}
		f.refs = append(f.refs, rawRef{line: line + strings.Count(text[:m[0]], "\n"), attr: "css url()", url: u, loads: true})
	}
}

var absURL = regexp.MustCompile(`https?://[^\s"'<>]+`)

// xml collects, in feeds and sitemaps, the absolute URLs; resolve keeps
// those on the site's host.
func (f *facts) xml(text string) {
	for _, m := range absURL.FindAllStringIndex(text, -1) {
		f.refs = append(f.refs, rawRef{line: 1 + strings.Count(text[:m[0]], "\n"), attr: "xml", url: html.UnescapeString(text[m[0]:m[1]]), xml: true})
	}
}

// ref resolves one reference; loads says whether the browser fetches it
// as part of the page (a resource) rather than following it as a link.
func (c *checker) ref(r Ref, loads bool) {
	raw := strings.TrimSpace(r.URL)
	if raw == "" {
		return
	}
	if frag, ok := strings.CutPrefix(raw, "#"); ok {
		if f, err := url.PathUnescape(frag); err == nil {
			c.anchor(r.File, f, r)
		}
		return
	}
	u, err := url.Parse(raw)
	if err != nil {
		r.Reason = "not a valid URL: " + err.Error()
		c.rep.Broken = append(c.rep.Broken, r)
		return
	}
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https":
	case "file":
		r.Reason = "file: URL names a path on the builder's disk"
		c.rep.Broken = append(c.rep.Broken, r)
		return
	default: // mailto:, tel:, data:, javascript:
		return
	}
	var sitePath string // slash-separated path from the site root, or "" when broken
	switch {
	case u.Host != "":
		if c.base.Host == "" || !strings.EqualFold(u.Host, c.base.Host) {
			if loads {
				r.Reason = "loaded from another host (" + u.Host + ")"
				c.rep.External = append(c.rep.External, r)
			}
			return
		}
		p, ok := cutBase(u.Path, c.base.Path)
		if !ok {
			r.Reason = "outside the base path " + c.base.Path
			c.rep.Broken = append(c.rep.Broken, r)
			return
		}
		// An absolute URL to the site's own host is what the browser
		// fetches from the server, even in an offline site: check the
		// path as the server would.
		c.rep.Checked++
		if file := c.resolveServed(r, p, strings.HasSuffix(u.Path, "/") || p == ""); file != "" {
			c.anchor(file, u.Fragment, r)
		}
		return
	case strings.HasPrefix(u.Path, "/"):
		if c.o.Offline {
			r.Reason = "absolute path: from file:// it points at the root of the disk"
			c.rep.Broken = append(c.rep.Broken, r)
			c.rep.Checked++
			return
		}
		p, ok := cutBase(u.Path, c.base.Path)
		if !ok {
			r.Reason = "outside the base path " + c.base.Path
			c.rep.Broken = append(c.rep.Broken, r)
			c.rep.Checked++
			return
		}
		sitePath = p
	default:
		if u.Path == "" { // "?q=x" alone
			return
		}
		if r.File == "404.html" && !c.o.Offline {
			// Static hosts serve 404.html for a missing URL at any depth,
			// where a relative link means something else.
			r.Reason = "relative link in 404.html, which is served at any depth: use an absolute path"
			c.rep.Broken = append(c.rep.Broken, r)
			c.rep.Checked++
			return
		}
		joined := path.Join(path.Dir(r.File), u.Path)
		if joined == ".." || strings.HasPrefix(joined, "../") {
			r.Reason = "leaves the site folder"
			c.rep.Broken = append(c.rep.Broken, r)
			c.rep.Checked++
			return
		}
		if joined == "." {
			joined = ""
		}
		sitePath = joined
	}
	c.rep.Checked++
	dirLink := strings.HasSuffix(u.Path, "/") || sitePath == ""
	if c.o.Offline {
		switch c.kind(sitePath) {
		case "file":
			if dirLink {
				r.Reason = "folder link: file:// does not open its index.html"
				c.rep.Broken = append(c.rep.Broken, r)
			} else {
				c.anchor(sitePath, u.Fragment, r)
			}
		case "dir":
			r.Reason = "folder link: file:// does not open its index.html"
			c.rep.Broken = append(c.rep.Broken, r)
		default:
			r.Reason = "no such file"
			c.rep.Broken = append(c.rep.Broken, r)
		}
		return
	}
	if file := c.resolveServed(r, sitePath, dirLink); file != "" {
		c.anchor(file, u.Fragment, r)
	}
}

// anchor records a reference to an element id in an HTML file, checked
// once every file has been read. "top" and the empty fragment need no
// element.
func (c *checker) anchor(file, frag string, r Ref) {
	if frag == "" || frag == "top" || !isHTML(file) {
		return
	}
	c.anchors = append(c.anchors, anchorRef{file: strings.Trim(file, "/"), frag: frag, ref: r})
}

func isHTML(file string) bool {
	switch strings.ToLower(path.Ext(file)) {
	case ".html", ".htm":
		return true
	}
	return false
}

type anchorRef struct {
	file, frag string
	ref        Ref
}

// checkAnchors reports fragments that name no element of their page.
func (c *checker) checkAnchors() {
	for _, a := range c.anchors {
		ids, read := c.ids[a.file]
		if !read || ids[a.frag] {
			continue // a page that was not read is reported by its own check
		}
		a.ref.Reason = fmt.Sprintf("no element with id %q in %s", a.frag, a.file)
		c.rep.Broken = append(c.rep.Broken, a.ref)
	}
}

// cutBase returns p relative to the base path; the base path without its
// final slash is the site root too.
func cutBase(p, base string) (string, bool) {
	if p+"/" == base {
		return "", true
	}
	return strings.CutPrefix(p, base)
}

// resolveServed checks a site path the way a static web server resolves
// it: a folder (or a path ending in /) serves its index.html. It returns
// the file served, or "" when the reference is broken.
func (c *checker) resolveServed(r Ref, sitePath string, dirLink bool) string {
	sitePath = strings.TrimSuffix(sitePath, "/")
	k := c.kind(sitePath)
	if k == "file" && !dirLink {
		return sitePath
	}
	if index := path.Join(sitePath, "index.html"); (k == "dir" || dirLink) && c.kind(index) == "file" {
		return index
	}
	r.Reason = "no such file"
	if k == "dir" || dirLink {
		r.Reason = "folder without index.html"
	}
	c.rep.Broken = append(c.rep.Broken, r)
	return ""
}

// kind reports whether a site path is a "file", a "dir" or "none"; it is
// cached, since pages link to the same files over and over.
func (c *checker) kind(sitePath string) string {
	sitePath = strings.Trim(sitePath, "/")
	if k, ok := c.exists[sitePath]; ok {
		return k
	}
	k := "none"
	if info, err := c.fs.Stat(filepath.Join(c.dir, filepath.FromSlash(sitePath))); err == nil {
		k = "file"
		if info.IsDir() {
			k = "dir"
		}
	}
	c.exists[sitePath] = k
	return k
}
