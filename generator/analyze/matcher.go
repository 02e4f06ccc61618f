package analyze

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/arabic"
	"github.com/jisr-news/jisr/generator/gazetteer"
)

// Analyzer finds entities and tags with one gazetteer. It is safe for
// concurrent use.
type Analyzer struct {
	g *gazetteer.Gazetteer
	// index maps the normalized first word of a form to the forms that
	// start with it, longest first.
	index map[string][]*form
	// except holds the exception phrases of each entry, as token keys.
	except map[int][][]string
	// quoted maps the first word of a form that counts only in quotation
	// marks to its forms and entries.
	quoted map[string][]quotedForm
	seg    *arabic.Segmenter
	tags   *tagger
	model  *Model                       // nil: gazetteer and context rules only
	cache  *arabic.Memo[[]arabic.Parts] // word → its clitic analyses
	// words maps each normalized word of a gazetteer name to the types
	// of the entries it belongs to (a tagger feature).
	words map[string]string
}

// quotedForm is a name that counts only in quotation marks.
type quotedForm struct {
	toks  []string
	entry int
}

// form is one name (canonical, alias or short) as normalized tokens.
type form struct {
	toks  []string
	full  []int // entries with this as a canonical name or alias
	short []int // entries with this as a short form
	sport []int // entries with this as a form that counts in sport only
}

// defaultAn is the analyzer of Default.
var defaultAn = arabic.NewLoaded(func() *Analyzer { return New(gazetteer.Default()) })

// Default returns the analyzer of the embedded gazetteer, built once.
func Default() *Analyzer {
	return defaultAn.Get()
}

// New returns an analyzer that matches the entries of g, for instance a
// project's gazetteer from gazetteer.LoadProject, and uses the embedded
// statistical tagger (see WithModel to change it).
func New(g *gazetteer.Gazetteer) *Analyzer {
	an := &Analyzer{g: g, index: map[string][]*form{}, except: map[int][][]string{}, quoted: map[string][]quotedForm{}, tags: defaultTagger(), model: EmbeddedModel(),
		cache: arabic.NewMemo[[]arabic.Parts](maxCached)}
	byKey := map[string]*form{}
	var protected []string
	const (
		fullForm = iota
		shortForm
		sportForm
	)
	add := func(name string, entry int, kind int) {
		k := gazetteer.Key(name)
		if k == "" {
			return
		}
		f := byKey[k]
		if f == nil {
			f = &form{toks: strings.Split(k, " ")}
			byKey[k] = f
			an.index[f.toks[0]] = append(an.index[f.toks[0]], f)
			if len(f.toks) == 1 {
				protected = append(protected, k)
			}
		}
		switch kind {
		case shortForm:
			f.short = appendUniq(f.short, entry)
		case sportForm:
			f.sport = appendUniq(f.sport, entry)
		default:
			f.full = appendUniq(f.full, entry)
		}
	}
	for i, e := range g.Entries() {
		for _, n := range e.Names() {
			add(n, i, fullForm)
		}
		for _, n := range e.Short {
			add(n, i, shortForm)
		}
		for _, n := range e.Sport {
			add(n, i, sportForm)
		}
		for _, q := range e.Quoted {
			if k := gazetteer.Key(q); k != "" {
				toks := strings.Split(k, " ")
				an.quoted[toks[0]] = append(an.quoted[toks[0]], quotedForm{toks, i})
			}
		}
		for _, x := range e.Except {
			if k := gazetteer.Key(x); k != "" {
				an.except[i] = append(an.except[i], strings.Split(k, " "))
			}
		}
	}
	an.words = map[string]string{}
	for _, e := range g.Entries() {
		for _, n := range append(e.Names(), e.Short...) {
			for _, w := range strings.Fields(gazetteer.Key(n)) {
				if !strings.Contains(an.words[w], e.Type) {
					an.words[w] += e.Type
				}
			}
		}
	}
	for _, fs := range an.index {
		sort.SliceStable(fs, func(i, j int) bool { return len(fs[i].toks) > len(fs[j].toks) })
	}
	an.seg = arabic.NewSegmenter(protected, func(stem string) bool { return an.index[stem] != nil })
	return an
}

func appendUniq(xs []int, x int) []int {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// firstKeys returns the keys under which a word may start a name: the word
// itself, then the hosts the clitic segmenter finds under its proclitics
// (و ف ب ك ل and the article: للأسد → الاسد, وبغداد → بغداد). The clitic
// segmenter is asked only when some shorter tail of the word starts a
// name, which keeps the common case to map look-ups.
func (an *Analyzer) firstKeys(key, word string) []string {
	var out []string
	if an.index[key] != nil {
		out = append(out, key)
	}
	// Cheap filter: does removing one to three leading letters (or لل →
	// ال) reach a known first word?
	possible := false
	rest := key
	for n := 0; n < 3 && !possible; n++ {
		_, size := utf8.DecodeRuneInString(rest)
		if size == 0 {
			break
		}
		rest = rest[size:]
		possible = an.index[rest] != nil || an.index["ا"+rest] != nil
	}
	if !possible {
		return out
	}
	for _, p := range an.analyses(word) {
		if p.Infl != "" || p.Suffix != "" || p.Fut || (p.Conj == "" && p.Prep == "" && !p.Det) {
			continue
		}
		k := p.Stem
		if p.Det {
			k = "ال" + p.Stem
		}
		if k != key && an.index[k] != nil && !containsStr(out, k) {
			out = append(out, k)
		}
	}
	return out
}

func containsStr(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// joinable reports whether the text between two words lets them belong to
// one name: spaces, dots and hyphens only.
func joinable(gap string) bool {
	if gap == "" {
		return true
	}
	for _, r := range gap {
		switch r {
		case ' ', '\u00a0', '.', '-', '\u2010', '\u2011', '\u2013', '\u200c', '\u200f', '\u200e':
		default:
			return false
		}
	}
	return true
}

// matchAt finds the longest gazetteer name starting at token i. With
// allowShort nil only canonical names and aliases count; otherwise short
// forms of the entries in allowShort count too (and are preferred there,
// being what the caller looks for).
func (an *Analyzer) matchAt(s *segTokens, si, i int, allowShort map[int]bool) (match, bool) {
	if s.used[i] {
		return match{}, false
	}
	var best match
	found := false
	for _, k := range an.firstKeys(s.keys[i], s.toks[i].Text) {
		for _, f := range an.index[k] {
			n := len(f.toks)
			if found && n <= best.end-best.start {
				break // forms are sorted longest first
			}
			if !an.tokensMatch(s, i, f.toks) {
				continue
			}
			m := match{seg: si, start: i, end: i + n, entry: -1}
			switch {
			case allowShort != nil && anyIn(f.short, allowShort):
				m.short = true
				m.entry = firstIn(f.short, allowShort)
				m.alts = filterIn(f.short, allowShort)
			case len(f.full) > 0:
				m.entry = f.full[0]
			case len(f.sport) > 0 && an.sportAt(s, i, i+n):
				m.entry = f.sport[0]
			default:
				continue
			}
			if an.excepted(s, i, k, m.entry) {
				continue
			}
			m.typ = Type(an.g.Entries()[m.entry].Type)
			best, found = m, true
		}
	}
	return best, found
}

// tokensMatch reports whether the form toks (its first word already
// matched by key) continues at the tokens after i.
func (an *Analyzer) tokensMatch(s *segTokens, i int, toks []string) bool {
	if i+len(toks) > len(s.toks) {
		return false
	}
	for j := 1; j < len(toks); j++ {
		t := i + j
		if s.used[t] || s.keys[t] != toks[j] || !joinable(s.seg.Text[s.toks[t-1].End:s.toks[t].Start]) {
			return false
		}
	}
	return true
}

// excepted reports whether an exception phrase of entry starts at token
// i (whose name key is k).
func (an *Analyzer) excepted(s *segTokens, i int, k string, entry int) bool {
	for _, x := range an.except[entry] {
		if x[0] != k || i+len(x) > len(s.toks) {
			continue
		}
		ok := true
		for j := 1; j < len(x); j++ {
			if s.keys[i+j] != x[j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func anyIn(xs []int, set map[int]bool) bool { return firstIn(xs, set) >= 0 }

func firstIn(xs []int, set map[int]bool) int {
	for _, x := range xs {
		if set[x] {
			return x
		}
	}
	return -1
}

func filterIn(xs []int, set map[int]bool) []int {
	var out []int
	for _, x := range xs {
		if set[x] {
			out = append(out, x)
		}
	}
	return out
}

// maxCached bounds the clitic analyses an Analyzer remembers: news
// vocabulary repeats, so a bounded cache saves most segmenter calls.
const maxCached = 200_000

func (an *Analyzer) analyses(word string) []arabic.Parts {
	return an.cache.Get(word, an.seg.Analyze)
}

// WithModel returns a copy of an that also uses the statistical tagger m
// (nil for none) for names the gazetteer lacks.
func (an *Analyzer) WithModel(m *Model) *Analyzer {
	return &Analyzer{g: an.g, index: an.index, except: an.except, quoted: an.quoted, seg: an.seg, tags: an.tags, model: m, words: an.words,
		cache: arabic.NewMemo[[]arabic.Parts](maxCached)}
}

// Gazetteer returns the gazetteer an matches.
func (an *Analyzer) Gazetteer() *gazetteer.Gazetteer { return an.g }

// ForProject returns the analyzer of the project whose content tree is
// contentDir: the embedded gazetteer merged with the project's own file
// (gazetteer.ProjectFile) and term pages, and the embedded tagger. Without
// a project file it returns Default().
func ForProject(fsys afero.Fs, contentDir string) (*Analyzer, error) {
	g, err := gazetteer.LoadProject(fsys, contentDir)
	if err != nil {
		return nil, err
	}
	if g == gazetteer.Default() {
		return Default(), nil
	}
	return New(g), nil
}

// quotedAt matches a quoted-only form at token i: an opening quotation
// mark right before it, the form's words as written (no clitics), and a
// closing mark right after.
func (an *Analyzer) quotedAt(s *segTokens, si, i int) (match, bool) {
	qs := an.quoted[s.keys[i]]
	if len(qs) == 0 {
		return match{}, false
	}
	before := s.seg.Text[:s.toks[i].Start]
	if i > 0 {
		before = s.seg.Text[s.toks[i-1].End:s.toks[i].Start]
	}
	if !strings.ContainsAny(strings.TrimSpace(before), "«\"“'‘") {
		return match{}, false
	}
	for _, q := range qs {
		end := i + len(q.toks)
		if end > len(s.toks) || !an.tokensMatch(s, i, q.toks) {
			continue
		}
		after := s.seg.Text[s.toks[end-1].End:]
		if end < len(s.toks) {
			after = s.seg.Text[s.toks[end-1].End:s.toks[end].Start]
		}
		if a := strings.TrimSpace(after); a != "" && strings.ContainsAny(a[:min(len(a), 3)], "»\"”'’") {
			return match{seg: si, start: i, end: end, entry: q.entry, typ: Type(an.g.Entries()[q.entry].Type)}, true
		}
	}
	return match{}, false
}
