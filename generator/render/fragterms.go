package render

import (
	"html/template"
	"path"
	"regexp"
	"strings"

	hstrings "github.com/gohugoio/hugo/tpl/strings"
	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/store"
)

// The items of tag pages, made in Go. term.html writes, per article of
// a tag page, the teaser head (TeaserFile), the closing of the meta line
// and the article's lead cut at 220 letters. What it writes depends only
// on the article and the language (not on the tag), so it is made here
// once per article: the whole inside of the list item, which term.html
// inlines. Entity pages get theirs per page of their pager instead
// (fragitems.go): made per article and entity (with the mention count and
// snippet), they cost Hugo about 10 KB a resource, some 160 MB at 1,000
// articles (ARCHITECTURE.md, "Where the time goes").

// TagTeaserFile is the page resource of an article bundle that holds
// the inside of its list item on the page of any of its tags in one
// language (teaser.tags.<lang>.txt; Hugo names it teaser.tags.txt,
// without the language): the teaser head, the closing of the meta line
// and the lead cut at 220 letters as Hugo's truncate cuts it. The name
// starts with "teaser." as TeaserFile does: the lists run holds the
// files so named and the shard runs leave them out (shards.go).
func TagTeaserFile(lang string) string { return "teaser.tags." + lang + ".txt" }

// termKey matches the term values and mention keys Hugo keeps as they
// are (lower case: Hugo lowercases parameter keys, and a term's key is
// the value urlized).
var termKey = regexp.MustCompile(`^[a-z0-9_][a-z0-9_-]*$`)

// termTeasers returns the term teasers (file name and contents) of an
// article in lang, with front matter p and teaser head head (the
// contents of TeaserFile): the tag teaser, or none when it must be left
// to term.html: no tags, a tag value or mention key Hugo would change,
// or a tag that is also a mention key (its page would show the
// mention).
func termTeasers(p *store.ArticlePage, head, lang string) map[string]string {
	if !termTeasersEnabled || len(p.Tags) == 0 {
		return nil
	}
	for k := range p.Mentions {
		if !termKey.MatchString(k) {
			return nil
		}
	}
	for _, t := range p.Tags {
		if _, named := p.Mentions[t]; named || !termKey.MatchString(t) {
			return nil
		}
	}
	s := head + "</p>"
	if p.Lead != "" {
		lead, err := hstrings.New(nil).Truncate(220, template.HTML(Bidi(p.Lead, lang)))
		if err != nil {
			return nil
		}
		s += `<p class="lead">` + string(lead) + "</p>"
	}
	return map[string]string{TagTeaserFile(lang): s}
}

// writeTermTeasers writes the term teasers of the article whose bundle is
// dir into mem, from its front matter in each language (pages) and the
// teaser heads (heads, by language): a file only when every language has
// it (Hugo may give a page another language's resource of the same name
// when its own is missing).
func writeTermTeasers(mem afero.Fs, dir string, pages map[string]*store.ArticlePage, heads map[string]string) error {
	all := map[string]map[string]string{}
	for lang, p := range pages {
		head, ok := heads[lang]
		if !ok {
			return nil
		}
		all[lang] = termTeasers(p, head, lang)
	}
	for lang, files := range all {
		for name, s := range files {
			n := strings.TrimSuffix(strings.TrimSuffix(name, ".txt"), "."+lang)
			every := true
			for l, other := range all {
				if _, ok := other[n+"."+l+".txt"]; !ok {
					every = false
				}
			}
			if !every {
				continue
			}
			if err := afero.WriteFile(mem, path.Join(dir, name), []byte(s), 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// termTeasersEnabled turns the term teasers made in Go off, for the test
// that compares them with term.html's.
var termTeasersEnabled = true
