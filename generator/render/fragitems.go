package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	iofs "io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gohugoio/hugo/compare"
	"github.com/gohugoio/hugo/langs"
	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/charts"
	"github.com/jisr-news/jisr/generator/store"
)

// The items of entity pages, made in Go per page of a term's pager. An
// entity page lists its articles, newest first, each with its teaser
// head, the number of times it names the entity and the snippet that
// names it (term.html: a text.html call per teaser, and the articles'
// mentions with their snippets in Hugo's front matter, which only the
// entity pages read). Made here instead, after the walk of the content
// tree, the whole list of one page of the pager is one resource of the
// term's bundle (EntityItemsFile), which term.html inlines; and the lists
// run, whose entity pages no longer read the mentions, gets the article
// pages without them (dropMentions). One resource per pager page, not per
// article and entity: Hugo keeps about 10 KB per resource.
//
// Go writes the items only where it knows what Hugo lists, and in which
// order: every page that may name an entity is an article index page Go
// read (no other page with an "entities" or cascade key, no content
// adapter, no entity value Hugo would rewrite), every member has a
// teaser head (TeaserFile), a date Hugo reads the same way and that is
// not recent enough to be left out as a future page, plain mention keys,
// and no front matter key that changes Hugo's listing or order (weight,
// linkTitle, draft, publishDate, expiryDate, build list options…).
// Anything else leaves the term, in every language, to term.html.

// EntityItemsFile is the resource of an entity's bundle that holds the
// list items of page n (from 1) of its pager in lang, for a term with
// count articles in that language: items.<count>.<n>.<lang>.txt (Hugo
// names it items.<count>.<n>.txt). term.html looks it up with its own
// count of the term's pages (len .Pages), so a count Go got wrong finds
// no file and falls back to the template.
func EntityItemsFile(count, n int, lang string) string {
	return "items." + strconv.Itoa(count) + "." + strconv.Itoa(n) + "." + lang + ".txt"
}

// itemMember is what the items of entity pages need of an article's
// index page in one language.
type itemMember struct {
	rel      string // its slash path under the content folder
	path     string // Hugo's PathInfo().Path() of the page, the last key of its order
	title    string // its LinkTitle
	date     int64  // Unix seconds of its date
	head     string // the contents of TeaserFile
	tags     []string
	entities []string
	mentions map[string]store.Mention
}

// entityItems gathers the members of the entity pages while the content
// tree is walked (articleFiles.teasers), then writes their items
// (write). Its zero value is not usable: see newEntityItems.
type entityItems struct {
	pages map[string]*itemMember // by path under the content folder
	// unsure names the entities (by language) with a member Go cannot
	// describe; off: no items at all.
	unsure map[string]map[string]bool
	off    bool
	// now is the build's time: a member dated after now minus a day may
	// be a future page Hugo leaves out.
	now time.Time
}

func newEntityItems(now time.Time) *entityItems {
	return &entityItems{pages: map[string]*itemMember{}, unsure: map[string]map[string]bool{}, now: now}
}

// listKeys are the front matter keys (lower case) that change whether
// Hugo lists a page, or where: Go's items leave such a page's terms to
// the template. listKeysYAML finds them in YAML front matter.
var listKeys = []string{"weight", "linktitle", "draft", "publishdate", "pubdate", "published", "expirydate",
	"unpublishdate", "headless", "_build", "cascade", "slug", "url"}

var listKeysYAML = regexp.MustCompile(`(?im)^[ \t]*['"]?(?:weight|[a-z0-9_]+_weight|linktitle|draft|publishdate|pubdate|published|expirydate|unpublishdate|headless|_build|cascade|slug|url)['"]?[ \t]*:`)

// plainListing reports whether the front matter in data has none of
// listKeys (nor a taxonomy weight, "<taxonomy>_weight"); a false alarm
// (a JSON string that is one of those words) only leaves the page's
// terms to the template.
func plainListing(data []byte) bool {
	if !bytes.HasPrefix(data, []byte("{")) {
		return !listKeysYAML.Match(data)
	}
	l := bytes.ToLower(data)
	if bytes.Contains(l, []byte(`_weight"`)) {
		return false
	}
	for _, k := range listKeys {
		if bytes.Contains(l, []byte(`"`+k+`"`)) {
			return false
		}
	}
	return true
}

// add records the index page of article id in lang (front matter p, raw
// bytes data; head: its TeaserFile contents, "" when none was made).
func (e *entityItems) add(id, lang string, data []byte, p *store.ArticlePage, head string) {
	rel := path.Join(store.ArticlesSection, id, "index."+lang+".md")
	m := &itemMember{rel: rel, path: "/" + rel, title: p.Title, head: head, tags: p.Tags, entities: p.Entities, mentions: p.Mentions}
	e.pages[rel] = m
	ok := head != ""
	d, dated := pageDate(p.Date)
	if !dated || d.After(e.now.Add(-24*time.Hour)) {
		ok = false
	}
	m.date = d.Unix()
	for k, v := range p.Mentions {
		// Hugo lowercases the keys; and it prints a count read from JSON
		// as a float, 1e+06 from a million on.
		if !termKey.MatchString(k) || v.Count >= 1e6 || v.Count <= -1e6 {
			ok = false
		}
	}
	for k := range p.Build {
		if k != "publishResources" && k != "render" {
			ok = false // list, or a key Go does not know
		}
	}
	if ok && !plainListing(data) {
		ok = false
	}
	for _, v := range p.Entities {
		if !termName(v) {
			e.off = true // its term is one Hugo names: Go cannot tell which
			return
		}
		if !ok {
			if e.unsure[lang] == nil {
				e.unsure[lang] = map[string]bool{}
			}
			e.unsure[lang][v] = true
		}
	}
}

// forget drops what was recorded of the content file rel, replaced after
// the walk (Input.Extra): an article page Go did not read turns the items
// off.
func (e *entityItems) forget(rel string) {
	if isIndexPage(rel) && strings.HasPrefix(rel, store.ArticlesSection+"/") {
		e.off = true
	}
}

// namesEntities reports whether a content page's bytes may give it
// entities (or give them to other pages: a cascade), in JSON, YAML or
// TOML front matter; a false alarm only leaves the items to the
// template.
func namesEntities(data []byte) bool {
	l := bytes.ToLower(data)
	if !bytes.Contains(l, []byte("entities")) && !bytes.Contains(l, []byte("cascade")) {
		return false
	}
	return entityKeys.Match(l)
}

var entityKeys = regexp.MustCompile(`(?m)(?:"|^[ \t]*'?)(?:entities|cascade)['"]?[ \t]*[:=]|^\[+[ \t]*cascade`)

// write writes the items of every entity page Go can make into mem
// (content tree at root/content), pageSize articles a page (0: 50), with
// the interface strings of each language (locs). It returns the index
// pages (slash paths under the content folder) whose mentions no page of
// the lists run reads any more: every entity they name got its items,
// and no tag of theirs is one of their mention keys (its page would show
// the mention).
func (e *entityItems) write(mem afero.Fs, root string, pageSize int, locs map[string]*charts.Locale) (map[string]bool, error) {
	if e == nil || e.off || len(e.pages) == 0 || !entityItemsEnabled {
		return nil, nil
	}
	if pageSize <= 0 {
		pageSize = 50 // hugoConfig's
	}
	mentions := map[string]string{}
	for _, lang := range termLangs {
		loc := locs[lang]
		if loc == nil {
			return nil, nil
		}
		s, ok := loc.Strings["mentions"]
		if !ok || strings.Contains(s, "{{") {
			return nil, nil
		}
		mentions[lang] = tmplEscape(s)
	}
	content := path.Join(root, "content")
	index := map[string]map[string]bool{} // entity → languages with an _index page
	ok := true
	err := afero.Walk(mem, content, func(name string, info iofs.FileInfo, err error) error {
		if err != nil || info.IsDir() || !ok {
			return err
		}
		rel := strings.TrimPrefix(name, content+"/")
		parts := strings.Split(rel, "/")
		b := parts[len(parts)-1]
		if b == "_content.gotmpl" {
			ok = false // a content adapter may make any page
			return nil
		}
		if !contentExts[path.Ext(b)] {
			return nil
		}
		if parts[0] == store.ArticlesSection && len(parts) == 3 && isIndexPage(rel) {
			if e.pages[rel] == nil {
				ok = false // an article page Go did not read
			}
			return nil
		}
		if parts[0] == store.ArticlesSection && len(parts) > 2 {
			ok = false // a page inside an article bundle
			return nil
		}
		if parts[0] == store.EntitiesSection && len(parts) > 2 {
			if len(parts) > 3 || !strings.HasPrefix(b, "_index.") {
				ok = false // a page of its own inside a term folder
				return nil
			}
			if index[parts[1]] == nil {
				index[parts[1]] = map[string]bool{}
			}
			index[parts[1]][pageLang(rel)] = true
		}
		data, err := afero.ReadFile(mem, name)
		if err != nil {
			return err
		}
		if namesEntities(data) {
			ok = false
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("entity items: %w", err)
	}
	if !ok {
		return nil, nil
	}
	members := map[string]map[string][]*itemMember{} // entity → language → members
	for _, m := range e.pages {
		lang := pageLang(m.rel)
		for _, v := range m.entities {
			if members[v] == nil {
				members[v] = map[string][]*itemMember{}
			}
			if !slices.Contains(members[v][lang], m) { // an entity named twice
				members[v][lang] = append(members[v][lang], m)
			}
		}
	}
	colls := map[string]*langs.Collator{}
	for _, lang := range termLangs {
		l, err := langs.NewLanguage(lang, termLangs[0], "UTC", langs.LanguageConfig{}, nil)
		if err != nil {
			return nil, fmt.Errorf("entity items: language %s: %w", lang, err)
		}
		colls[lang] = langs.GetCollator1(l)
	}
	done := map[string]map[string]bool{} // language → entity → items made
	for _, lang := range termLangs {
		done[lang] = map[string]bool{}
	}
	for _, v := range sortedKeys(index) {
		have := index[v]
		if !termName(v) {
			continue
		}
		made := true
		for lang := range have {
			if !slices.Contains(termLangs, lang) {
				made = false // _index.md (the default language) or another language's
			}
		}
		for _, lang := range termLangs {
			if e.unsure[lang][v] || (len(members[v][lang]) > 0 && !have[lang]) {
				made = false // a member Go cannot describe, or a page Hugo makes
			}
		}
		if !made {
			continue
		}
		for _, lang := range termLangs {
			if !have[lang] {
				continue
			}
			list := members[v][lang]
			sortItems(list, colls[lang])
			pages := max(1, (len(list)+pageSize-1)/pageSize)
			for n := 1; n <= pages; n++ {
				var b strings.Builder
				for _, m := range list[(n-1)*pageSize : min(n*pageSize, len(list))] {
					entityItem(&b, m, v, lang, mentions[lang])
				}
				name := path.Join(content, store.EntitiesSection, v, EntityItemsFile(len(list), n, lang))
				if err := afero.WriteFile(mem, name, []byte(b.String()), 0o644); err != nil {
					return nil, fmt.Errorf("entity items: %w", err)
				}
			}
			done[lang][v] = true
		}
	}
	lean := map[string]bool{}
pages:
	for rel, m := range e.pages {
		lang := pageLang(rel)
		for _, v := range m.entities {
			if !done[lang][v] {
				continue pages
			}
		}
		for k := range m.mentions {
			if slices.Contains(m.tags, strings.ToLower(k)) {
				continue pages
			}
		}
		lean[rel] = true
	}
	return lean, nil
}

// entityItemsEnabled turns the entity items made in Go off, for the
// test that compares them with term.html's.
var entityItemsEnabled = true

// sortItems sorts the members of a term page in one language as
// term.html's .Pages.ByDate.Reverse does: Hugo's default order (weight,
// all 0 here; date, newest first; LinkTitle by the language's collator;
// the page's path), then a stable sort by date, oldest first, then the
// whole list reversed. So: newest first, and on the same second, the
// titles the collator puts last first, then the greater path first.
func sortItems(list []*itemMember, coll *langs.Collator) {
	coll.Lock()
	defer coll.Unlock()
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.date != b.date {
			return a.date > b.date
		}
		if c := coll.CompareStrings(a.title, b.title); c != 0 {
			return c > 0
		}
		return compare.LessStrings(b.path, a.path)
	})
}

// entityItem writes the list item of member m on the page of entity v
// in lang, as term.html writes it: the teaser head, the mention count
// (mentions: the escaped i18n string) and the snippet through Bidi.
func entityItem(b *strings.Builder, m *itemMember, v, lang, mentions string) {
	b.WriteString("\n<li>\n  ")
	b.WriteString(m.head)
	mention := m.mentions[v]
	if mention.Count != 0 {
		b.WriteString(` · <span class="mentions">`)
		b.WriteString(mentions)
		b.WriteString(": ")
		b.WriteString(strconv.Itoa(mention.Count))
		b.WriteString("</span>")
	}
	b.WriteString("</p>")
	if mention.Snippet != "" {
		b.WriteString(`<blockquote class="snippet">`)
		b.WriteString(Bidi(mention.Snippet, lang))
		b.WriteString("</blockquote>")
	}
	b.WriteString("\n</li>")
}

// pageDate returns the date Hugo gives a page whose front matter date is
// s, when Go knows it: RFC 3339, or a day alone (midnight in the site's
// time zone, UTC).
func pageDate(s string) (time.Time, bool) {
	d, err := time.Parse(time.RFC3339, s)
	if err != nil {
		d, err = time.Parse(time.DateOnly, s)
	}
	return d, err == nil && !d.IsZero()
}

// dropMentions returns an article page with jisr's JSON front matter
// without its top-level "mentions" member, and whether it could: data is
// returned as it is when it is not a JSON object, or has a key Hugo would
// read as mentions in another spelling.
func dropMentions(data []byte) ([]byte, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return data, false
	}
	type span struct{ from, to int64 }
	var cuts []span
	// prev: the end of the last member kept, or of the opening brace;
	// first: no member kept yet, so a cut takes the comma after it.
	prev, first := dec.InputOffset(), true
	for dec.More() {
		t, err := dec.Token()
		key, isKey := t.(string)
		if err != nil || !isKey {
			return data, false
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return data, false
		}
		end := dec.InputOffset()
		switch {
		case key == "mentions" && first:
			to := end
			if dec.More() {
				i := bytes.IndexByte(data[end:], ',')
				if i < 0 {
					return data, false
				}
				to = end + int64(i) + 1
			}
			cuts = append(cuts, span{prev, to})
			prev = to
			continue
		case key == "mentions":
			cuts = append(cuts, span{prev, end})
			prev = end
			continue
		case strings.EqualFold(key, "mentions"):
			return data, false
		}
		prev, first = end, false
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return data, false
	}
	if len(cuts) == 0 {
		return data, true
	}
	out := make([]byte, 0, len(data))
	at := int64(0)
	for _, c := range cuts {
		out = append(out, data[at:c.from]...)
		at = c.to
	}
	return append(out, data[at:]...), true
}
