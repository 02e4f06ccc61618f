package render

import (
	"html/template"
	"math"
	"path"
	"regexp"
	"strconv"
	"strings"

	hstrings "github.com/gohugoio/hugo/tpl/strings"
	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/charts"
	"github.com/jisr-news/jisr/generator/store"
)

// The teasers of term pages, made in Go. term.html writes, per article
// of a term page, the teaser head (TeaserFile), then on an entity page
// the article's mention count and snippet (the snippet through
// text.html, about 19,000 calls at 1,000 articles), on a tag page its
// lead cut at 220 letters. What it writes depends only on the article,
// the term and the language, so it is made here once per article and
// term: the whole inside of the list item, which term.html inlines.

// MentionTeaserFile is the page resource of an article bundle that holds
// the inside of its list item on the page of the entity id in one
// language (teaser.e-<id>.<lang>.txt; Hugo names it teaser.e-<id>.txt,
// without the language): the teaser head, " · mentions: N" and the
// closing of the meta line, and the snippet.
func MentionTeaserFile(id, lang string) string { return "teaser.e-" + id + "." + lang + ".txt" }

// TagTeaserFile is the page resource of an article bundle that holds
// the inside of its list item on the page of any of its tags in one
// language (teaser.tags.<lang>.txt): the teaser head, the closing of the
// meta line and the lead cut at 220 letters as Hugo's truncate cuts it.
func TagTeaserFile(lang string) string { return "teaser.tags." + lang + ".txt" }

// The names start with "teaser." as TeaserFile does: the lists run holds
// the files so named and the shard runs leave them out (shards.go).

// termKey matches the term values and mention keys Hugo keeps as they
// are (lower case: Hugo lowercases parameter keys, and a term's key is
// the value urlized), and so the resource names made from them.
var termKey = regexp.MustCompile(`^[a-z0-9_][a-z0-9_-]*$`)

// termTeasers returns the files (name and contents) of the term teasers
// of an article in lang, with front matter p, teaser head head (the
// contents of TeaserFile) and the interface strings loc; none when one
// must be left to term.html: a mention key or term value Hugo would
// change, a count Hugo would print otherwise (in exponent form), or no
// "mentions" string. An article whose tags are also mention keys gets no
// tag teaser (the tag page would show those mentions).
func termTeasers(p *store.ArticlePage, head, lang string, loc *charts.Locale) map[string]string {
	word, ok := loc.Strings["mentions"]
	if !termTeasersEnabled || !ok || strings.Contains(word, "{{") {
		return nil
	}
	for k, m := range p.Mentions {
		if !termKey.MatchString(k) || math.Abs(float64(m.Count)) >= 1e6 {
			return nil // Hugo prints a JSON number from 1e6 on as 1e+06
		}
	}
	mention := func(term string) string {
		m, ok := p.Mentions[term]
		if !ok {
			return "</p>"
		}
		var b strings.Builder
		if m.Count != 0 {
			b.WriteString(` · <span class="mentions">` + tmplEscape(word) + ": " + strconv.Itoa(m.Count) + "</span>")
		}
		b.WriteString("</p>")
		if m.Snippet != "" {
			b.WriteString(`<blockquote class="snippet">` + Bidi(m.Snippet, lang) + "</blockquote>")
		}
		return b.String()
	}
	out := map[string]string{}
	for _, e := range p.Entities {
		if !termKey.MatchString(e) {
			return nil
		}
		out[MentionTeaserFile(e, lang)] = head + mention(e)
	}
	tags := len(p.Tags) > 0
	for _, t := range p.Tags {
		if _, named := p.Mentions[t]; named || !termKey.MatchString(t) {
			tags = false
		}
	}
	if tags {
		s := head + "</p>"
		if p.Lead != "" {
			lead, err := hstrings.New(nil).Truncate(220, template.HTML(Bidi(p.Lead, lang)))
			if err != nil {
				return nil
			}
			s += `<p class="lead">` + string(lead) + "</p>"
		}
		out[TagTeaserFile(lang)] = s
	}
	return out
}

// writeTermTeasers writes the term teasers of the article whose bundle is
// dir into mem, from its front matter in each language (pages) and the
// teaser heads (heads, by language): a file only when every language has
// it (Hugo may give a page another language's resource of the same name
// when its own is missing).
func writeTermTeasers(mem afero.Fs, dir string, pages map[string]*store.ArticlePage, heads map[string]string, locs map[string]*charts.Locale) error {
	all := map[string]map[string]string{}
	for lang, p := range pages {
		head, ok := heads[lang]
		if !ok || locs[lang] == nil {
			return nil
		}
		all[lang] = termTeasers(p, head, lang, locs[lang])
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
