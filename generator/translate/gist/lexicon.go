package gist

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"hash"
	"sort"
	"strings"

	"github.com/jisr-news/jisr/generator/arabic"
	"github.com/jisr-news/jisr/generator/gazetteer"
)

// The embedded data: our own glosses, see data/README.md. Each file has one
// entry a line, "arabic<TAB>pos<TAB>english"; # starts a comment. A
// multi-word Arabic form goes into the phrase table, a single word into
// the lexicon. English "_" means the word is dropped (قد before a verb).
//
//go:embed data/*.tsv
var dataFS embed.FS

// dataFiles are read in this order; a later file may not redefine an
// earlier file's entry (the tests check for duplicates).
var dataFiles = []string{"data/names.tsv", "data/phrases.tsv", "data/lexicon.tsv"}

// Parts of speech of the lexicon. They drive the reordering rules.
const (
	posNoun   = 'n' // noun: takes the, possessives, idafa
	posAdj    = 'a' // adjective: moves before its noun
	posVerb   = 'v' // verb: moves after a clear subject
	posPrep   = 'p' // preposition: pronoun suffixes become objects
	posConj   = 'c' // conjunction
	posOther  = 'x' // particles, adverbs, pronouns: never reordered
	posDet    = 'd' // quantifiers before a noun (كل, بعض): no "the" after them
	posName   = 'N' // proper name: no article, protected from splitting
	posNumber = '#' // digits
	posPunct  = '.' // punctuation and symbols
	posForgn  = 'L' // Latin-script word, kept as written
)

// verbFile holds verb paradigms: "past<TAB>present<TAB>English
// past<TAB>English base", e.g. "قال<TAB>يقول<TAB>said<TAB>say"; their regular
// inflections are generated (see addVerbs).
const verbFile = "data/verbs.tsv"

// entry is one gloss.
type entry struct {
	en  string
	pos byte
	det bool // the Arabic form has the article (الماضي): a noun or adjective takes "the"
	// subj is the pronoun subject a verb form carries ("they" for قالوا),
	// said when no noun phrase precedes the verb.
	subj string
	// poss is the possessive a hand-written possessed form carries ("its"
	// for مشاركتها).
	poss string
	// ta is true when the Arabic was written with the feminine ending ة,
	// which normalization folds into ه: عامة "public" is not عامه "its
	// year" (see glosser.analyze).
	ta bool
}

// possessives are the English possessive determiners.
var possessives = map[string]bool{"his": true, "her": true, "its": true, "their": true, "our": true, "my": true, "your": true}

// node is a node of the phrase trie over normalized words.
type node struct {
	next map[string]*node
	e    *entry
}

// lexicon is the loaded data.
type lexicon struct {
	words   map[string]entry
	phrases *node
	names   []string // single-word names, protected from segmentation
	// sport maps the one-word Sport forms of the gazetteer's clubs
	// (الهلال) to their English: they gloss so only in a sentence about
	// sport (see glosser.units).
	sport map[string]string
	// senses are the context senses of data/senses.tsv by normalized
	// stem (see glosser.sense).
	senses  map[string][]sense
	version string
}

// sense is a gloss that replaces the lexicon's when its condition holds.
type sense struct {
	when string // sport, name, adj or noun
	e    entry
}

// senseFile holds the context senses.
const senseFile = "data/senses.tsv"

// senseConds are the conditions a sense may have.
var senseConds = map[string]bool{"sport": true, "name": true, "adj": true, "noun": true}

// dataLines calls fn for every entry of b, a data file of this package
// (lexicon, verbs, senses: one entry a line, columns separated by tabs):
// text after # is a comment and blank lines are skipped. fn gets the
// line's number, the line without its comment (for messages) and its
// columns.
func dataLines(b []byte, fn func(ln int, line string, cols []string)) {
	sc := bufio.NewScanner(bytes.NewReader(b))
	for ln := 1; sc.Scan(); ln++ {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		fn(ln, line, strings.Split(line, "\t"))
	}
}

// addSenses reads the context senses; a verb's forms are generated the
// way addVerbs generates them.
func (lx *lexicon) addSenses(file string, b []byte) []error {
	var errs []error
	dataLines(b, func(ln int, line string, cols []string) {
		if len(cols) != 4 || !senseConds[cols[1]] || len(cols[2]) != 1 || !strings.Contains("navx", cols[2]) {
			errs = append(errs, &entryError{file, ln, fmt.Sprintf("bad sense %q (want arabic, sport|name|adj|noun, n|a|v|x, english)", line)})
			return
		}
		ar, when, pos, en := cols[0], cols[1], cols[2][0], cols[3]
		if pos != posVerb {
			k := arabic.Normalize(ar)
			lx.senses[k] = append(lx.senses[k], sense{when, entry{en: en, pos: pos}})
			return
		}
		past, pres, ok1 := strings.Cut(ar, "|")
		enPast, enBase, ok2 := strings.Cut(en, "|")
		if !ok1 || !ok2 {
			errs = append(errs, &entryError{file, ln, fmt.Sprintf("bad verb sense %q (want past|present and english past|base)", line)})
			return
		}
		forms := &lexicon{words: map[string]entry{}}
		errs = append(errs, forms.addVerbs(file, []byte(past+"\t"+pres+"\t"+enPast+"\t"+enBase+"\n"))...)
		keys := make([]string, 0, len(forms.words))
		for k := range forms.words {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			lx.senses[k] = append(lx.senses[k], sense{when, forms.words[k]})
		}
	})
	return errs
}

// addName adds a name (normalized words) unless the key is taken, and
// reports whether it did.
func (lx *lexicon) addName(words []string, en string) bool {
	if len(words) == 0 || en == "" {
		return false
	}
	e := entry{en: en, pos: posName}
	if len(words) == 1 {
		if _, ok := lx.words[words[0]]; ok {
			return false
		}
		lx.words[words[0]] = e
		lx.names = append(lx.names, words[0])
		return true
	}
	n := lx.phrases
	for _, w := range words {
		if n.next == nil {
			n.next = map[string]*node{}
		}
		c := n.next[w]
		if c == nil {
			c = &node{}
			n.next[w] = c
		}
		n = c
	}
	if n.e != nil {
		return false
	}
	n.e = &e
	return true
}

// addGazetteer adds the names of the entity gazetteer: the canonical
// Arabic name and every alias, glossed by the English name. It returns the
// normalized keys it added, so that our own name table does not override
// them, and feeds the names into the version hash.
func (lx *lexicon) addGazetteer(h hash.Hash) map[string]bool {
	added := map[string]bool{}
	for _, e := range gazetteer.Default().Entries() {
		h.Write([]byte(e.EN + "\t" + strings.Join(e.Names(), "|") + "\t" + strings.Join(e.Sport, "|") + "\n"))
		for _, ar := range e.Sport {
			if words := strings.Fields(arabic.Normalize(ar)); len(words) == 1 {
				if _, dup := lx.sport[words[0]]; !dup {
					lx.sport[words[0]] = withThe(e, words)
				}
			}
		}
		for _, ar := range e.Names() {
			words := strings.Fields(arabic.Normalize(ar))
			if lx.addName(words, withThe(e, words)) {
				added[strings.Join(words, " ")] = true
			}
		}
	}
	return added
}

// addGazetteerShort adds the gazetteer's short forms (a surname alone),
// except where the short form is an ordinary word of our lexicon (المعلم
// is "the teacher" more often than Walid Muallem).
func (lx *lexicon) addGazetteerShort() {
	for _, e := range gazetteer.Default().Entries() {
		for _, ar := range e.Short {
			words := strings.Fields(arabic.Normalize(ar))
			if len(words) == 1 {
				stem := strings.TrimPrefix(words[0], "ال")
				if _, ok := lx.words[stem]; ok {
					continue
				}
			}
			lx.addName(words, withThe(e, words))
		}
	}
}

// withThe returns the English name as running text needs it: "the White
// House", "the United States", but "Iraq" and "al-Qaeda". English wants
// the article for organizations named with ال in Arabic and for countries
// whose English name is a plural or a description.
//
// A person named by one word of a multi-word name (بوتين, الأسد) is
// glossed by the last word of the English name (Putin, al-Assad), as
// running English text does.
func withThe(e gazetteer.Entry, words []string) string {
	en := e.EN
	if e.Type == gazetteer.Person {
		if f := strings.Fields(en); len(words) == 1 && len(f) > 1 && len(strings.Fields(arabic.Normalize(e.AR))) > 1 {
			return f[len(f)-1]
		}
		return en
	}
	if strings.HasPrefix(en, "the ") || strings.HasPrefix(strings.ToLower(en), "al-") || en == strings.ToUpper(en) {
		return en
	}
	switch e.Type {
	case gazetteer.Organization:
		if strings.HasPrefix(words[0], "ال") {
			return "the " + en
		}
	case gazetteer.Place:
		for _, w := range []string{"United ", "Republic", " of ", "Emirates", "Netherlands", "Philippines", "Gulf", "Middle East", "West Bank", "Gaza Strip", "Levant", "Islands"} {
			if strings.Contains(en, w) {
				return "the " + en
			}
		}
	}
	return en
}

// entryError is a malformed line of the embedded data.
type entryError struct {
	file   string
	line   int
	reason string
}

func (e *entryError) Error() string {
	return fmt.Sprintf("gist: %s:%d: %s", e.file, e.line, e.reason)
}

// loadLexicon reads the embedded data files.
func loadLexicon(strict bool) (*lexicon, []error) {
	lx := &lexicon{words: map[string]entry{}, phrases: &node{}, sport: map[string]string{}, senses: map[string][]sense{}}
	h := sha256.New()
	var errs []error
	derived := map[string]bool{} // stems taught by an ال entry; a hand entry overrides them
	gaz := lx.addGazetteer(h)    // names from the entity gazetteer come first
	for _, f := range dataFiles {
		b, err := dataFS.ReadFile(f)
		if err != nil {
			errs = append(errs, fmt.Errorf("gist: reading %s: %w", f, err))
			continue
		}
		h.Write(b)
		dataLines(b, func(ln int, line string, cols []string) {
			if len(cols) != 3 {
				errs = append(errs, &entryError{f, ln, fmt.Sprintf("want 3 tab-separated columns, got %d", len(cols))})
				return
			}
			ar, pos, en := strings.TrimSpace(cols[0]), strings.TrimSpace(cols[1]), strings.TrimSpace(cols[2])
			if ar == "" || en == "" || len(pos) != 1 || !strings.Contains("navpcxNd", pos) {
				errs = append(errs, &entryError{f, ln, fmt.Sprintf("bad entry %q", line)})
				return
			}
			if en == "_" {
				en = ""
			}
			e := entry{en: en, pos: pos[0], ta: strings.HasSuffix(ar, "ة")}
			if (e.pos == posNoun || e.pos == posAdj) && strings.HasPrefix(en, "the ") {
				// "the" is the article's job: a gloss never carries it.
				e.en, e.det = en[len("the "):], true
			}
			if e.pos == posNoun {
				// A possessed form glossed "his work" is a possessed noun.
				if w, rest, ok := strings.Cut(e.en, " "); ok && possessives[w] {
					e.en, e.poss = rest, w
				}
			}
			words := strings.Fields(arabic.Normalize(ar))
			// The raw form, not the normalized one: ألوان is not ال+وان.
			if len(words) == 1 && (e.pos == posNoun || e.pos == posAdj) && strings.HasPrefix(ar, "ال") {
				e.det = true
			}
			if len(words) == 1 && e.pos == posVerb && !strings.Contains(en, " ") {
				e.subj = pluralSubject(words[0])
			}
			if len(words) == 1 {
				if gaz[words[0]] {
					return // the gazetteer's name wins over ours
				}
				if derived[words[0]] {
					delete(lx.words, words[0])
					delete(derived, words[0])
				}
				if prev, dup := lx.words[words[0]]; dup {
					// Spelling variants fold to one key; only a
					// conflicting gloss is an error.
					if strict && prev != e {
						errs = append(errs, &entryError{f, ln, fmt.Sprintf("conflicting entry %s: %q/%c vs %q/%c", ar, prev.en, prev.pos, e.en, e.pos)})
					}
					return
				}
				lx.words[words[0]] = e
				// الملكة also teaches the stem ملكة, so that بالمملكة
				// and مملكته are found.
				if e.det {
					stem := strings.TrimPrefix(words[0], "ال")
					if _, ok := lx.words[stem]; !ok && len([]rune(stem)) >= 2 {
						se := e
						se.det = false
						lx.words[stem] = se
						derived[stem] = true
					}
				}
				if e.pos == posName {
					lx.names = append(lx.names, words[0])
				}
				return
			}
			if gaz[strings.Join(words, " ")] {
				return
			}
			n := lx.phrases
			for _, w := range words {
				if n.next == nil {
					n.next = map[string]*node{}
				}
				c := n.next[w]
				if c == nil {
					c = &node{}
					n.next[w] = c
				}
				n = c
			}
			if n.e != nil {
				if strict && *n.e != e {
					errs = append(errs, &entryError{f, ln, "conflicting phrase " + ar})
				}
				return
			}
			ec := e
			n.e = &ec
		})
	}
	lx.addGazetteerShort()
	vb, err := dataFS.ReadFile(verbFile)
	if err != nil {
		errs = append(errs, fmt.Errorf("gist: reading %s: %w", verbFile, err))
	} else {
		h.Write(vb)
		errs = append(errs, lx.addVerbs(verbFile, vb)...)
	}
	lx.inflectVerbs() // after the paradigms: hand-written forms win
	if sb, err := dataFS.ReadFile(senseFile); err != nil {
		errs = append(errs, fmt.Errorf("gist: reading %s: %w", senseFile, err))
	} else {
		h.Write(sb)
		errs = append(errs, lx.addSenses(senseFile, sb)...)
	}
	lx.version = "lex-" + hex.EncodeToString(h.Sum(nil))[:8]
	return lx, errs
}

// loadedGlosser is a glosser built from the embedded data, or why not.
type loadedGlosser struct {
	g   *glosser
	err error
}

// The glossers of the process, built on first use and again after
// ReleaseEmbedded.
var (
	defaultG = arabic.NewLoaded(func() loadedGlosser {
		lx, errs := loadLexicon(false)
		if len(errs) > 0 {
			return loadedGlosser{err: errs[0]}
		}
		return loadedGlosser{g: newGlosser(lx)}
	})
	fdG = arabic.NewLoaded(func() loadedGlosser {
		fd := loadFreeDict(freedictPaths[0], freedictPaths[1])
		if fd == nil {
			return defaultG.Get()
		}
		lx, errs := loadLexicon(false)
		if len(errs) > 0 {
			return loadedGlosser{err: errs[0]}
		}
		g := newGlosser(lx)
		g.extra = fd
		g.version += "+freedict"
		return loadedGlosser{g: g}
	})
)

// freedictGlosser returns the glosser that also reads FreeDict when it is
// installed; without FreeDict it is the default glosser.
func freedictGlosser() (*glosser, error) {
	l := fdG.Get()
	return l.g, l.err
}

// defaultGlosser returns the glosser of the embedded data.
func defaultGlosser() (*glosser, error) {
	l := defaultG.Get()
	return l.g, l.err
}

// ReleaseEmbedded releases the glossers (the lexicon, about 13 MB, and
// the word cache), which the package otherwise keeps for the life of the
// process; engines read them again, the same, on their next use. A build
// calls it when translation is over (build.releaseModels).
func ReleaseEmbedded() {
	defaultG.Release()
	fdG.Release()
}
