package arabic

// Clitic segmentation.
//
// Arabic writes conjunctions, prepositions, the article, the future marker
// and object/possessive pronouns as one word with their host:
// وبالحكومة = و + ب + ال + حكومة. Analysis, search and the gist translator
// all need the host (the stem) to look a word up, so the rules live here.
//
// Hand-written on purpose: the Go ecosystem has no maintained Arabic
// morphological analyser, and the clitic inventory is small and closed. The
// segmenter proposes every analysis the inventory allows and ranks them,
// using a caller-supplied lexicon test when there is one; names that the
// caller protects are never split.

import (
	"sort"
	"strings"
)

// Parts is one analysis of a word: its clitics and its stem.
type Parts struct {
	// Conj is the conjunction proclitic: "و" (and) or "ف" (so), or "".
	Conj string
	// Prep is the preposition proclitic: "ب" (with/in), "ك" (like) or
	// "ل" (for/to), or "".
	Prep string
	// Fut is true when the future marker س (will) precedes an imperfect
	// verb.
	Fut bool
	// Det is true when the word carries the definite article ال (also
	// written لل after the preposition ل).
	Det bool
	// Stem is the host word, in normalized form (see Normalize). With Infl
	// set it is the singular/base form, e.g. حكومه for حكومات.
	Stem string
	// Infl is the inflectional ending removed to reach Stem: "ات"
	// (feminine plural), "ون"/"ين" (masculine plural or dual), "ان"
	// (dual), "يون"/"يين" (plural of a nisba adjective) or "ه" (feminine
	// ة of an adjective); "" when none was removed.
	Infl string
	// Suffix is the pronoun enclitic: ه ها هم هما هن ك كم كما كن ي ني نا,
	// or "".
	Suffix string
}

// String writes the analysis with "+" between its pieces, e.g.
// "و+ب+ال+حكومه" or "حكوم+ات+هم" (Infl shown after the stem).
func (p Parts) String() string {
	var b strings.Builder
	for _, s := range []string{p.Conj, p.Prep} {
		if s != "" {
			b.WriteString(s)
			b.WriteByte('+')
		}
	}
	if p.Fut {
		b.WriteString("س+")
	}
	if p.Det {
		b.WriteString("ال+")
	}
	b.WriteString(p.Stem)
	if p.Infl != "" {
		b.WriteString("+" + p.Infl)
	}
	if p.Suffix != "" {
		b.WriteString("+" + p.Suffix)
	}
	return b.String()
}

// Clitics reports how many clitics and endings the analysis removed.
func (p Parts) Clitics() int {
	n := 0
	if p.Conj != "" {
		n++
	}
	if p.Prep != "" {
		n++
	}
	if p.Fut {
		n++
	}
	if p.Det {
		n++
	}
	if p.Infl != "" {
		n++
	}
	if p.Suffix != "" {
		n++
	}
	return n
}

// Segmenter splits words into clitics and stems. Its zero value is usable:
// it protects no names and knows no lexicon, and then ranks analyses like a
// light stemmer. A Segmenter is safe for concurrent use once built.
type Segmenter struct {
	protected map[string]bool
	known     func(stem string) bool
}

// NewSegmenter returns a segmenter that never splits the protected forms
// (names such as بوتين or إيران, given raw or normalized; multi-word
// forms are ignored) and that ranks first the analyses whose stem the known
// function accepts (a lexicon test on normalized stems; nil for none).
func NewSegmenter(protected []string, known func(stem string) bool) *Segmenter {
	s := &Segmenter{protected: make(map[string]bool, len(protected)), known: known}
	for _, p := range protected {
		p = Normalize(strings.TrimSpace(p))
		if p != "" && !strings.ContainsAny(p, " \t") {
			s.protected[p] = true
		}
	}
	return s
}

// Protected reports whether the normalized form n is a protected name.
func (s *Segmenter) Protected(n string) bool {
	return s != nil && s.protected[n]
}

var defaultSegmenter = &Segmenter{}

// Segment returns the most likely analysis of word with no names protected
// and no lexicon: a light stemmer's choice.
func Segment(word string) Parts { return defaultSegmenter.Segment(word) }

// Stems returns the candidate stems of word, most likely first, with no
// names protected and no lexicon.
func Stems(word string) []string { return defaultSegmenter.Stems(word) }

// Segment returns the most likely analysis of word. A word that is not
// Arabic comes back whole as the stem.
func (s *Segmenter) Segment(word string) Parts {
	as := s.Analyze(word)
	if len(as) == 0 {
		return Parts{Stem: Normalize(word)}
	}
	return as[0]
}

// Stems returns the distinct stems of the analyses of word, most likely
// first.
func (s *Segmenter) Stems(word string) []string {
	var out []string
	seen := map[string]bool{}
	for _, a := range s.Analyze(word) {
		if !seen[a.Stem] {
			seen[a.Stem] = true
			out = append(out, a.Stem)
		}
	}
	return out
}

var pronounSuffixes = []string{"هما", "كما", "هم", "هن", "ها", "كم", "كن", "ني", "نا", "ه", "ك", "ي"}

// lightNorm folds what Normalize folds except ة and ى, which tell the
// feminine ending and the final alef maqsura apart from the pronoun ه and
// the suffix ي.
func lightNorm(s string) string { return fold(s, keepTaMarbuta|keepAlefMaqsura) }

type scored struct {
	p     Parts
	score int
}

// Analyze returns every analysis of word that the clitic inventory allows,
// most likely first. Ranking: an analysis whose stem (or ال+stem) is a
// protected name comes first and then no other analysis is returned, so a
// protected name is never split; then analyses whose stem is known to the
// lexicon, fewer removed pieces first; then the rest, the light stemmer's
// choice first. Stems are at least two letters long.
func (s *Segmenter) Analyze(word string) []Parts {
	w := lightNorm(strings.TrimSpace(word))
	if w == "" || !HasArabic(w) {
		return nil
	}
	var cands []scored
	var prot []Parts
	seen := map[Parts]bool{}
	add := func(p Parts, rest string) {
		p.Stem = Normalize(rest)
		if len([]rune(p.Stem)) < 2 || seen[p] {
			return
		}
		seen[p] = true
		cands = append(cands, scored{p: p})
	}

	// Proclitics: [و|ف] [ب|ك|ل|س] [ال].
	type pre struct {
		p    Parts
		rest string
	}
	var pres []pre
	for _, conj := range []string{"", "و", "ف"} {
		if conj != "" && !strings.HasPrefix(w, conj) {
			continue
		}
		r1 := w[len(conj):]
		for _, prep := range []string{"", "ب", "ك", "ل", "س"} {
			if prep != "" && !strings.HasPrefix(r1, prep) {
				continue
			}
			r2 := r1[len(prep):]
			p := Parts{Conj: conj}
			if prep == "س" {
				// The future marker only precedes an imperfect verb.
				if !strings.HasPrefix(r2, "ي") && !strings.HasPrefix(r2, "ت") &&
					!strings.HasPrefix(r2, "ن") && !strings.HasPrefix(r2, "ا") {
					continue
				}
				p.Fut = true
			} else {
				p.Prep = prep
			}
			pres = append(pres, pre{p, r2})
			if p.Fut {
				continue
			}
			switch {
			case prep == "ل" && strings.HasPrefix(r2, "ل"):
				// لل = ل + ال with the alef elided.
				q := p
				q.Det = true
				pres = append(pres, pre{q, r2[len("ل"):]})
			case prep != "ل" && strings.HasPrefix(r2, "ال"):
				q := p
				q.Det = true
				pres = append(pres, pre{q, r2[len("ال"):]})
			}
		}
	}

	// Names first: a protected form reached by proclitics alone wins.
	for _, pr := range pres {
		n := Normalize(pr.rest)
		switch {
		case s.Protected(n):
			q := pr.p
			q.Stem = n
			prot = append(prot, q)
		case pr.p.Det && s.Protected("ال"+n):
			q := pr.p
			q.Det = false
			q.Stem = "ال" + n
			prot = append(prot, q)
		}
	}
	if len(prot) > 0 {
		sort.SliceStable(prot, func(i, j int) bool { return prot[i].Clitics() < prot[j].Clitics() })
		return prot
	}

	for _, pr := range pres {
		add(pr.p, pr.rest)
		if pr.p.Fut {
			continue // a verb: no nominal endings, pronoun suffixes below
		}
		// Nominal endings, then pronoun suffixes (not after ال).
		s.addEndings(pr.p, pr.rest, add)
		if !pr.p.Det {
			for _, suf := range pronounSuffixes {
				if !strings.HasSuffix(pr.rest, suf) {
					continue
				}
				host := pr.rest[:len(pr.rest)-len(suf)]
				q := pr.p
				q.Suffix = suf
				add(q, host)
				// ة becomes ت before a suffix: حكومتها = حكومة + ها.
				if strings.HasSuffix(host, "ت") {
					add(q, host[:len(host)-len("ت")]+"ة")
				}
				// Plural/dual endings lose their ن before a suffix.
				if strings.HasSuffix(host, "ات") {
					s.addEndings(q, host, add)
				}
			}
		}
	}
	for _, pr := range pres {
		if !pr.p.Fut {
			continue
		}
		for _, suf := range pronounSuffixes {
			if strings.HasSuffix(pr.rest, suf) {
				q := pr.p
				q.Suffix = suf
				add(q, pr.rest[:len(pr.rest)-len(suf)])
			}
		}
	}

	light := lightStem(w)
	for i := range cands {
		c := &cands[i]
		n := c.p.Clitics()
		if c.p.Suffix != "" {
			n++ // pronoun suffixes are rarer than proclitics
		}
		if c.p.Infl != "" {
			n++
		}
		if c.p.Det {
			n-- // ال is the most common and the safest clitic
		}
		if len([]rune(c.p.Stem)) < 3 {
			n += 2
		}
		c.score = -n
		if s.known != nil && s.known(c.p.Stem) {
			c.score += 100
		}
		if c.p.Stem == light && !(s.known != nil && s.known(c.p.Stem)) {
			c.score += 10
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	out := make([]Parts, len(cands))
	for i, c := range cands {
		out[i] = c.p
	}
	return out
}

// addEndings adds the analyses that remove a nominal ending from rest.
func (s *Segmenter) addEndings(p Parts, rest string, add func(Parts, string)) {
	type ending struct{ suf, infl, repl string }
	for _, e := range []ending{
		{"يين", "يين", "ي"}, {"يون", "يون", "ي"},
		{"ات", "ات", "ة"}, {"ات", "ات", ""},
		{"ون", "ون", ""}, {"ين", "ين", ""}, {"ان", "ان", ""},
		// The construct plural drops its ن: مؤيدو = مؤيدون.
		{"و", "ون", ""},
		{"تين", "ين", "ة"}, {"تان", "ان", "ة"},
		{"ية", "ه", "ي"}, {"ة", "ه", ""},
		// Already-normalized input has ه for ة.
		{"يه", "ه", "ي"}, {"ه", "ه", ""}, {"تين", "ين", "ه"}, {"تان", "ان", "ه"},
	} {
		if strings.HasSuffix(rest, e.suf) {
			q := p
			q.Infl = e.infl
			add(q, rest[:len(rest)-len(e.suf)]+e.repl)
		}
	}
}

// lightStem is the stem a light stemmer (Larkey's light10) keeps: a
// prefix و, the article forms and the commonest suffixes removed while at
// least two letters (three for و) remain. Unknown words default to it.
func lightStem(w string) string {
	rl := func(s string) int { return len([]rune(s)) }
	if strings.HasPrefix(w, "و") && rl(w) > 3 {
		w = w[len("و"):]
	}
	for _, p := range []string{"وال", "بال", "كال", "فال", "لل", "ال"} {
		if strings.HasPrefix(w, p) && rl(w)-rl(p) >= 2 {
			w = w[len(p):]
			break
		}
	}
	// Unlike light10, ة is kept: it belongs to the noun (حكومة), and
	// removing it would merge unrelated words.
	for _, suf := range []string{"ها", "ان", "ات", "ون", "ين", "ي"} {
		if strings.HasSuffix(w, suf) && rl(w)-rl(suf) >= 2 {
			w = w[:len(w)-len(suf)]
		}
	}
	return Normalize(w)
}
