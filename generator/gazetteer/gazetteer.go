// Package gazetteer is jisr's bilingual list of named entities: persons,
// places and organizations with their English and Arabic names, Arabic
// spelling variants and Wikidata IDs.
//
// In: YAML data, embedded (data/*.yaml) and optionally the project's own
// file. Out: a Gazetteer whose Entries analysis matches in Arabic text and
// the translators read for English names.
//
// # Data format
//
// Each file is a YAML list of entries:
//
//   - type: PERSON            # PERSON, PLACE or ORGANIZATION
//     en: Vladimir Putin      # English name; the ID is made from it
//     ar: فلاديمير بوتين       # canonical Arabic name
//     aliases: [بوتين]        # other spellings, matched anywhere
//     short: []               # short forms (a surname, a bare acronym) matched
//     # only in an article that also has a full form
//     except: []              # phrases starting with a name that are not it
//     # (مسقط رأس is "birthplace", not Muscat)
//     sport: []               # forms that name a club only in a sentence or
//     # an article about sport (النصر "victory", الاتفاق "the agreement")
//     wikidata: Q7747         # optional, only when certain
//     id: vladimir-putin      # optional; defaults to Slug(en)
//
// The embedded data covers every country (generated from the npm package
// i18n-iso-countries, MIT, by scripts/gazetteer-countries.py), the cities
// and regions regional news names most, heads of state and government and
// other key figures since 2000, and the major organizations, armed groups
// and media. Names that are also common words (مالي "financial", الخبر "the
// news") are listed only in a qualified form or as short forms.
//
// # Extending without code
//
// A project adds or corrects entries in content/_data/gazetteer.yaml (see
// ProjectFile), in the same format; LoadProject merges it over the
// embedded data. An entry whose id (explicit, or the slug of its English
// name with the same type) matches an embedded entry updates it: non-empty
// fields replace, alias lists are added to. Any other entry is new.
//
// Term pages work too: an entity term page under content/entities/<id>/
// that a person wrote, or marked reviewed_name: true, corrects or adds the
// entity <id> (see FromTermPages). So reviewing a name found by analysis
// on its term page makes it known to the next build.
//
// # IDs
//
// An ID is the ASCII slug of the English name (Slug). When two entries
// would get the same slug, the entries are ordered by type, Wikidata ID
// and Arabic name; the first keeps the slug and the others get
// "-<type>" and then "-2", "-3", … appended, so IDs are stable and
// deterministic whatever the file order.
package gazetteer

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/jisr-news/jisr/generator/arabic"
	"github.com/spf13/afero"
	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"
)

// Entity types, as written in Entry.Type.
const (
	Person       = "PERSON"
	Place        = "PLACE"
	Organization = "ORGANIZATION"
)

// ProjectFile is where a project keeps its own gazetteer entries, relative
// to its content folder (wherever the project's layout puts it).
const ProjectFile = "_data/gazetteer.yaml"

// Entry is one named entity.
type Entry struct {
	// ID is the entity's stable ASCII slug, made from EN (see the package
	// doc for collisions).
	ID string `yaml:"id,omitempty" json:"id"`
	// Type is Person, Place or Organization.
	Type string `yaml:"type" json:"type"`
	// EN is the English name; AR the canonical Arabic name.
	EN string `yaml:"en" json:"en"`
	AR string `yaml:"ar" json:"ar"`
	// Aliases are other Arabic spellings and names, matched anywhere.
	Aliases []string `yaml:"aliases,omitempty" json:"aliases,omitempty"`
	// Wikidata is the item ID (Q…), or "" when not known for certain.
	Wikidata string `yaml:"wikidata,omitempty" json:"wikidata,omitempty"`
	// Short are short Arabic forms (a surname alone, an ambiguous word)
	// that name this entity only in an article that also names it by AR or
	// an alias.
	Short []string `yaml:"short,omitempty" json:"short,omitempty"`
	// Except are Arabic phrases that start like a name of this entity but
	// are not it.
	Except []string `yaml:"except,omitempty" json:"except,omitempty"`
	// Quoted are Arabic forms that name this entity only when written in
	// quotation marks: «الشرق الأوسط» is the newspaper, الشرق الأوسط the
	// region.
	Quoted []string `yaml:"quoted,omitempty" json:"quoted,omitempty"`
	// Sport are Arabic forms that name this entity (a club) only where
	// the text is about sport: a team word before the form, a nationality
	// adjective after it, or a match word in the same sentence or, several
	// times, in the article (see package analyze). Elsewhere they are the
	// common words they also are: النصر "victory", الاتفاق "the agreement".
	Sport []string `yaml:"sport,omitempty" json:"sport,omitempty"`
	// ISO is the ISO 3166-1 alpha-2 code of a country, else "".
	ISO string `yaml:"iso,omitempty" json:"iso,omitempty"`
}

// Names returns AR followed by the aliases: every form matched anywhere.
func (e Entry) Names() []string {
	return append([]string{e.AR}, e.Aliases...)
}

// Gazetteer is an immutable, indexed set of entries, safe for concurrent
// use.
type Gazetteer struct {
	entries []Entry
	byID    map[string]int
	byKey   map[string][]int // normalized full form → entries
}

//go:embed data/*.yaml
var dataFS embed.FS

var (
	defaultOnce sync.Once
	defaultG    *Gazetteer
)

// Default returns the embedded gazetteer, parsed once. It panics if the
// embedded data is invalid, which the package tests rule out.
func Default() *Gazetteer {
	defaultOnce.Do(func() {
		var all []Entry
		files, err := fs.Glob(dataFS, "data/*.yaml")
		if err != nil {
			panic(err)
		}
		sort.Strings(files)
		for _, f := range files {
			b, err := dataFS.ReadFile(f)
			if err != nil {
				panic(err)
			}
			es, err := Parse(b, "embedded "+f)
			if err != nil {
				panic(err)
			}
			all = append(all, es...)
		}
		g, err := New(all)
		if err != nil {
			panic(err)
		}
		defaultG = g
	})
	return defaultG
}

// Parse reads a YAML list of entries. source names the data in errors.
// Entries are checked (type, names) but IDs are not yet assigned; an entry
// may lack an Arabic name only when it updates another (see Merge).
func Parse(data []byte, source string) ([]Entry, error) {
	var es []Entry
	if err := yaml.Unmarshal(data, &es); err != nil {
		return nil, fmt.Errorf("gazetteer %s: %w", source, err)
	}
	for i := range es {
		e := &es[i]
		e.Type = normType(e.Type)
		e.EN = strings.TrimSpace(e.EN)
		e.AR = norm.NFC.String(strings.TrimSpace(e.AR))
		for _, l := range []*[]string{&e.Aliases, &e.Short, &e.Except, &e.Quoted, &e.Sport} {
			for j, s := range *l {
				(*l)[j] = norm.NFC.String(strings.TrimSpace(s))
			}
		}
		switch {
		case e.Type == "":
			return nil, fmt.Errorf("gazetteer %s: entry %d (%q): type must be PERSON, PLACE or ORGANIZATION", source, i+1, e.EN)
		case e.EN == "" && e.ID == "":
			return nil, fmt.Errorf("gazetteer %s: entry %d (%q): no English name", source, i+1, e.AR)
		case e.AR != "" && !arabic.HasArabic(e.AR):
			return nil, fmt.Errorf("gazetteer %s: entry %d (%q): no Arabic name", source, i+1, e.EN)
		case e.ID != "" && Slug(e.ID) != e.ID:
			return nil, fmt.Errorf("gazetteer %s: entry %d: id %q is not an ASCII slug (want %q)", source, i+1, e.ID, Slug(e.ID))
		}
	}
	return es, nil
}

func normType(t string) string {
	switch strings.ToUpper(strings.TrimSpace(t)) {
	case "PERSON", "PERS", "PER":
		return Person
	case "PLACE", "LOC", "LOCATION", "GPE":
		return Place
	case "ORGANIZATION", "ORGANISATION", "ORG":
		return Organization
	}
	return ""
}

// New indexes entries, assigning IDs to those without one (see the
// package doc). It fails when two entries carry the same explicit ID.
func New(entries []Entry) (*Gazetteer, error) {
	es := make([]Entry, len(entries))
	copy(es, entries)
	seen := map[string]bool{}
	for _, e := range es {
		if e.AR == "" {
			return nil, fmt.Errorf("gazetteer: entry %q has no Arabic name", e.EN)
		}
		if e.ID != "" {
			if seen[e.ID] {
				return nil, fmt.Errorf("gazetteer: two entries with id %q", e.ID)
			}
			seen[e.ID] = true
		}
	}
	// Group the entries without an ID by slug and number collisions in a
	// deterministic order.
	groups := map[string][]int{}
	for i, e := range es {
		if e.ID == "" {
			s := Slug(e.EN)
			groups[s] = append(groups[s], i)
		}
	}
	slugs := make([]string, 0, len(groups))
	for s := range groups {
		slugs = append(slugs, s)
	}
	sort.Strings(slugs)
	for _, s := range slugs {
		idx := groups[s]
		sort.SliceStable(idx, func(a, b int) bool {
			x, y := es[idx[a]], es[idx[b]]
			if x.Type != y.Type {
				return x.Type < y.Type
			}
			if x.Wikidata != y.Wikidata {
				return x.Wikidata < y.Wikidata
			}
			return x.AR < y.AR
		})
		for _, i := range idx {
			id := s
			if seen[id] {
				id = s + "-" + strings.ToLower(es[i].Type)
			}
			for n := 2; seen[id]; n++ {
				id = fmt.Sprintf("%s-%d", s, n)
			}
			seen[id] = true
			es[i].ID = id
		}
	}
	g := &Gazetteer{entries: es, byID: make(map[string]int, len(es)), byKey: map[string][]int{}}
	for i, e := range es {
		g.byID[e.ID] = i
		for _, n := range e.Names() {
			k := Key(n)
			if k != "" && !containsInt(g.byKey[k], i) {
				g.byKey[k] = append(g.byKey[k], i)
			}
		}
	}
	return g, nil
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// Merge returns a new gazetteer: g's entries updated and extended by more
// (see the package doc for the rules). g is not changed.
func (g *Gazetteer) Merge(more []Entry) (*Gazetteer, error) {
	es := make([]Entry, len(g.entries))
	copy(es, g.entries)
	for _, m := range more {
		id := m.ID
		if id == "" {
			id = Slug(m.EN)
		}
		i, ok := g.byID[id]
		if ok && m.ID == "" && es[i].Type != m.Type {
			ok = false // same slug, different entity
		}
		if !ok {
			es = append(es, m)
			continue
		}
		e := &es[i]
		if m.Type != "" {
			e.Type = m.Type
		}
		if m.EN != "" {
			e.EN = m.EN
		}
		if m.AR != "" && m.AR != e.AR {
			e.Aliases = appendNew(e.Aliases, e.AR)
			e.AR = m.AR
		}
		if m.Wikidata != "" {
			e.Wikidata = m.Wikidata
		}
		e.Aliases = appendNew(e.Aliases, m.Aliases...)
		e.Short = appendNew(e.Short, m.Short...)
		e.Except = appendNew(e.Except, m.Except...)
		e.Quoted = appendNew(e.Quoted, m.Quoted...)
		e.Sport = appendNew(e.Sport, m.Sport...)
	}
	return New(es)
}

func appendNew(xs []string, add ...string) []string {
	out := append([]string(nil), xs...)
	for _, a := range add {
		dup := false
		for _, x := range out {
			if x == a {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, a)
		}
	}
	return out
}

// Load returns the embedded gazetteer merged with the entries of the YAML
// file at path in fsys. A missing file is not an error: the embedded
// gazetteer comes back alone.
func Load(fsys afero.Fs, path string) (*Gazetteer, error) {
	b, err := afero.ReadFile(fsys, path)
	if errors.Is(err, os.ErrNotExist) {
		return Default(), nil
	}
	if err != nil {
		return nil, fmt.Errorf("gazetteer: read %s: %w", path, err)
	}
	es, err := Parse(b, path)
	if err != nil {
		return nil, err
	}
	g, err := Default().Merge(es)
	if err != nil {
		return nil, fmt.Errorf("gazetteer %s: %w", path, err)
	}
	return g, nil
}

// LoadProject loads the gazetteer of the project whose content tree is
// contentDir (the resolved --content or [paths] content): the embedded
// data merged with contentDir/ProjectFile when it exists, then with the
// entity term pages people wrote or reviewed under contentDir/TermsDir
// (see FromTermPages).
func LoadProject(fsys afero.Fs, contentDir string) (*Gazetteer, error) {
	g, err := Load(fsys, path.Join(contentDir, ProjectFile))
	if err != nil {
		return nil, err
	}
	terms, err := FromTermPages(fsys, path.Join(contentDir, TermsDir))
	if err != nil || len(terms) == 0 {
		return g, err
	}
	g, err = g.Merge(terms)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: term pages under %s: %w", path.Join(contentDir, TermsDir), err)
	}
	return g, nil
}

// Entries returns every entry, in data order. The slice is shared: do not
// modify it.
func (g *Gazetteer) Entries() []Entry { return g.entries }

// ByID returns the entry with the given ID.
func (g *Gazetteer) ByID(id string) (Entry, bool) {
	i, ok := g.byID[id]
	if !ok {
		return Entry{}, false
	}
	return g.entries[i], true
}

// Lookup returns the entries that have the Arabic name s as their
// canonical name or an alias, compared by Key (short forms excluded).
func (g *Gazetteer) Lookup(s string) []Entry {
	var out []Entry
	for _, i := range g.byKey[Key(s)] {
		out = append(out, g.entries[i])
	}
	return out
}

// Key returns the matching key of an Arabic name: its tokens normalized by
// arabic.Normalize and joined by single spaces. Punctuation inside a name
// (سي.بي.إس) does not count.
func Key(s string) string {
	toks := arabic.Tokenize(s)
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = arabic.Normalize(t.Text)
	}
	return strings.Join(parts, " ")
}

// Slug returns the ASCII slug of an English name: letters folded to
// lower-case ASCII (accents removed), every other run of characters
// replaced by one hyphen, and no leading or trailing hyphen.
func Slug(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case r == '\'' || r == '’' || (r >= 0x300 && r <= 0x36F):
			continue // apostrophes and combining accents vanish
		default:
			hyphen = b.Len() > 0
			continue
		}
		if hyphen {
			b.WriteByte('-')
			hyphen = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
