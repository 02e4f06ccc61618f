package gist

import (
	"github.com/jisr-news/jisr/generator/gazetteer"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jisr-news/jisr/generator/arabic"
	"github.com/jisr-news/jisr/generator/dates"
)

// glosser turns Arabic text into an English gist.
type glosser struct {
	lx      *lexicon
	extra   map[string]string // optional FreeDict senses, nil when not installed
	seg     *arabic.Segmenter
	version string

	// cache maps a raw word to its analysis; news vocabulary is bounded, so
	// the cache is capped rather than evicted.
	cache *arabic.Memo[*wordInfo]

	// glossWords are the English words of the lexicon's glosses (see
	// Engine.EnglishWord), built on first use.
	glossWordsOnce sync.Once
	glossWords     map[string]bool
}

const maxCache = 200000

func newGlosser(lx *lexicon) *glosser {
	g := &glosser{lx: lx, version: lx.version, cache: arabic.NewMemo[*wordInfo](maxCache)}
	g.seg = arabic.NewSegmenter(lx.names, func(stem string) bool {
		_, ok := lx.words[stem]
		return ok
	})
	return g
}

// tok is a token of the input.
type tok struct {
	text string
	kind byte // 'w' Arabic word, '#' number, 'L' Latin word, '.' punctuation
}

// isWordRune reports whether r continues an Arabic word.
func isWordRune(r rune) bool {
	return arabic.IsArabicLetter(r) || arabic.IsDiacritic(r) || r == arabic.Tatweel
}

func isDigit(r rune) bool {
	return (r >= '0' && r <= '9') || (r >= '٠' && r <= '٩') || (r >= '۰' && r <= '۹')
}

// tokenize splits text into Arabic words, numbers, Latin words and single
// punctuation runes; spaces separate tokens. A dot between Arabic letters
// stays in the word (سي.بي.إس, an abbreviation).
func tokenize(s string) []tok {
	var toks []tok
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case isWordRune(r):
			j := i
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if isWordRune(r2) {
					j += n2
					continue
				}
				if r2 == '.' && j+1 < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+1:])
					if arabic.IsArabicLetter(r3) {
						j += n2
						continue
					}
				}
				break
			}
			toks = append(toks, tok{s[i:j], 'w'})
			i = j
		case isDigit(r):
			j := i
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if isDigit(r2) {
					j += n2
					continue
				}
				// A separator between digits: 1,000 or 2.5 or ٢٫٥.
				if (r2 == '.' || r2 == ',' || r2 == '٫' || r2 == '٬') && j+n2 < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+n2:])
					if isDigit(r3) {
						j += n2
						continue
					}
				}
				break
			}
			toks = append(toks, tok{s[i:j], '#'})
			i = j
		case unicode.IsLetter(r):
			j := i
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if (unicode.IsLetter(r2) && !arabic.IsArabicLetter(r2)) || unicode.IsDigit(r2) || r2 == '\'' || r2 == '-' {
					j += n2
					continue
				}
				break
			}
			toks = append(toks, tok{s[i:j], 'L'})
			i = j
		default:
			toks = append(toks, tok{s[i : i+n], '.'})
			i += n
		}
	}
	return toks
}

// unit is one English unit of the gist: a glossed word or phrase with its
// clitics, before reordering.
type unit struct {
	en     string // the gloss, inflected
	pos    byte
	det    bool   // carried the article
	conj   string // English of a conjunction proclitic
	prep   string // English of a preposition proclitic
	subj   string // pronoun subject of a verb form ("they")
	pro    string // implied third-person subject of a verb ("he", "she"), said only when no subject is near (see impliedSubject)
	poss   string // possessive from a pronoun suffix ("his"), nouns
	obj    string // object from a pronoun suffix ("him"), verbs and prepositions
	plural bool   // the Arabic had a plural ending
	known  bool   // glossed from the data, not transliterated
	phrase bool   // a multi-word phrase: never the head of an idafa
	month  time.Month
}

// wordInfo is the cached, context-free analysis of one word.
type wordInfo struct {
	p       arabic.Parts
	e       entry
	known   bool
	weekday time.Weekday
	isDay   bool       // the word is a weekday name with its article
	month   time.Month // the word names a month (0: no)
	norm    string     // arabic.Normalize of the word
	forms   []form     // the word's phrase-initial forms (see phraseForms)
	glossed bool       // known's answer: the data glosses the word

	// unit is wordUnit's answer, made on first use (it depends on the
	// word alone; an unknown word's costs a spelling search).
	unit atomic.Pointer[unit]
}

// analyze returns the context-free analysis of w, made once per word
// (while the cache has room). The caller must not change it.
func (g *glosser) analyze(w string) *wordInfo { return g.cache.Get(w, g.analyzeWord) }

// analyzeWord makes the analysis that analyze remembers.
func (g *glosser) analyzeWord(w string) *wordInfo {
	var wi wordInfo
	if e, ok := g.lx.words[arabic.Normalize(w)]; ok && !(e.ta && endsInHa(w) && g.pronounReading(w, &wi)) {
		wi = wordInfo{p: arabic.Parts{Stem: arabic.Normalize(w)}, e: e, known: true}
	} else if wi.known {
		// عامه: عام + ه "its year", not عامة "public".
	} else if nameNotClitic(w) && !g.cliticParticle(w) {
		wi.p = arabic.Parts{Stem: arabic.Normalize(w)}
	} else {
		as := g.seg.Analyze(w)
		if len(as) > 0 {
			wi.p = as[0]
			// The first known analysis that is possible: a verb never
			// takes the article. التواصل is a noun; when only a verb
			// reading is known (القتل, from قتل "killed"), it is the verbal
			// noun: "killing".
			var verbal *arabic.Parts
			var verbalE entry
			for i, a := range as {
				e, ok := g.lx.words[a.Stem]
				if !ok {
					break // analyses with known stems come first
				}
				if a.Suffix != "" && carriesPronoun(e) {
					continue // لي "to me" takes no second pronoun: فليك is a name
				}
				if a.Infl != "" && e.pos == posVerb {
					continue // a verb takes no nominal ending: برايتون is not ب + رأيت + ون
				}
				if a.Det && e.pos == posVerb {
					if verbal == nil {
						verbal, verbalE = &as[i], e
					}
					continue
				}
				wi.p, wi.e, wi.known = a, e, true
				break
			}
			if !wi.known && verbal != nil {
				wi.p, wi.known = *verbal, true
				wi.e = entry{en: gerund(verbalE.en), pos: posNoun}
			}
		} else {
			wi.p = arabic.Parts{Stem: arabic.Normalize(w)}
		}
	}
	if !wi.known && !nameNotClitic(w) {
		if a, e, ok := g.accusative(w); ok {
			wi = wordInfo{p: a, e: e, known: true}
		}
	}
	if !wi.known && g.extra != nil {
		// The optional FreeDict: first the stems of the analyses, then the
		// whole word.
		for _, a := range g.seg.Analyze(w) {
			if en, ok := g.extra[a.Stem]; ok {
				wi = wordInfo{p: a, e: entry{en: en, pos: posOther}, known: true}
				break
			}
		}
	}
	wi.weekday, wi.isDay = weekdayOf(w)
	wi.norm = arabic.Normalize(w)
	if g.lx.phrases.next != nil {
		for _, f := range phraseForms(w) {
			if g.lx.phrases.next[f.key] != nil {
				wi.forms = append(wi.forms, f)
			}
		}
	}
	wi.month, _ = monthOf(w)
	_, inLexicon := g.lx.words[wi.norm]
	wi.glossed = inLexicon || wi.isDay || wi.known
	return &wi
}

// accusative reads a word with the indefinite accusative ending اً
// (مزارعًا "a farmer", فشلاً "failure"), which the lexicon lists without
// it: the word less its final alef, when it carries the tanween or the
// rest is a known noun or adjective of three letters or more and the
// alef does not end a pronoun (ها, نا, ما). Only for words no other
// reading knows.
func (g *glosser) accusative(w string) (arabic.Parts, entry, bool) {
	tanween := strings.ContainsRune(w, '\u064B')
	rs := []rune(w)
	i := len(rs) - 1
	for i >= 0 && (arabic.IsDiacritic(rs[i]) || rs[i] == arabic.Tatweel) {
		i--
	}
	if i < 3 || rs[i] != 'ا' {
		return arabic.Parts{}, entry{}, false
	}
	rest := string(rs[:i])
	if !tanween && (rs[i-1] == 'ه' || rs[i-1] == 'ن' || rs[i-1] == 'م') {
		return arabic.Parts{}, entry{}, false
	}
	for _, a := range g.seg.Analyze(rest) {
		e, ok := g.lx.words[a.Stem]
		if !ok {
			break
		}
		if a.Suffix != "" || a.Det || !(e.pos == posNoun || e.pos == posAdj) || !tanween && utf8.RuneCountInString(a.Stem) < 3 {
			continue
		}
		return a, e, true
	}
	return arabic.Parts{}, entry{}, false
}

// endsInHa reports whether w ends with the letter ه (not ة), diacritics
// aside.
func endsInHa(w string) bool {
	rs := []rune(w)
	for i := len(rs) - 1; i >= 0; i-- {
		if arabic.IsDiacritic(rs[i]) || rs[i] == arabic.Tatweel {
			continue
		}
		return rs[i] == 'ه'
	}
	return false
}

// pronounReading fills wi with the reading of w as a known noun and the
// pronoun suffix ه (عامه: عام + ه), and reports whether there is one.
func (g *glosser) pronounReading(w string, wi *wordInfo) bool {
	for _, a := range g.seg.Analyze(w) {
		if a.Suffix != "ه" {
			continue
		}
		if e, ok := g.lx.words[a.Stem]; ok && e.pos == posNoun {
			*wi = wordInfo{p: a, e: e, known: true}
			return true
		}
		// حديثه: an adjective with a noun sense (حديث "talk") is that noun.
		for _, sn := range g.lx.senses[a.Stem] {
			if sn.when == "noun" && sn.e.pos == posNoun {
				*wi = wordInfo{p: a, e: sn.e, known: true}
				return true
			}
		}
	}
	return false
}

// carriesPronoun reports whether a lexicon entry is a word with its
// pronoun already attached (لي "to me", له "to him"), which cannot take
// another pronoun suffix.
func carriesPronoun(e entry) bool {
	if e.poss != "" {
		return true
	}
	w := e.en[strings.LastIndexByte(e.en, ' ')+1:]
	switch w {
	case "me", "him", "her", "them", "us":
		return e.pos == posOther || e.pos == posPrep
	}
	return false
}

// minNameUses is how many Wikidata person names must use a whole word
// before gist reads it as a name rather than cutting a proclitic off it
// (فورد is Ford, not ف + ورد "so appeared"; فليك is Flake). Measured on
// ntrex-dev (TestNTREXChrF), any threshold from 2 to 10 gives the same
// score.
const minNameUses = 3

// nameNotClitic reports whether w, which the lexicon lacks as a whole,
// starts with a letter that could be a proclitic or ends with ك, but is
// as a whole a name word of Wikidata's person names: it is then kept
// whole.
func nameNotClitic(w string) bool {
	n := arabic.Normalize(w)
	r, _ := utf8.DecodeRuneInString(n)
	last, _ := utf8.DecodeLastRuneInString(n)
	// The first letter could be a proclitic, or the last the pronoun
	// "your", rare in news (مايك is Mike, not ماي + ك).
	if !strings.ContainsRune("وفبلك", r) && last != 'ك' {
		return false
	}
	return arabic.NameWordCount(n) >= minNameUses
}

// emphatic reports whether the token w, glossed u, is the particle إن
// (written with the hamza below) opening a sentence, a quotation or a
// clause after ف: us are the units before it.
func emphatic(w string, u unit, us []unit) bool {
	if !strings.HasPrefix(u.en, "that") || u.prep != "" {
		return false
	}
	r := strings.TrimPrefix(w, "ف")
	if !strings.HasPrefix(r, "إن") {
		return false
	}
	if r != w {
		return true
	}
	if len(us) == 0 {
		return true
	}
	switch us[len(us)-1].en {
	case ".", ":", "\"", "!", "?":
		return true
	}
	return false
}

// cliticParticle reports whether w is و or ف before a particle of the
// lexicon (فإن, وأن, فأنا): a function word, never a name, however many
// Wikidata names use the letters (Van, Wan).
func (g *glosser) cliticParticle(w string) bool {
	n := arabic.Normalize(w)
	for _, c := range []string{"و", "ف"} {
		if r, ok := strings.CutPrefix(n, c); ok {
			if e, ok := g.lx.words[r]; ok && (e.pos == posOther || e.pos == posConj || e.pos == posPrep || e.pos == posDet) {
				return true
			}
		}
	}
	return false
}

// known reports whether word gets a gloss from the data: the lexicon has
// it, it is a weekday with its article, or its analysis is known.
func (g *glosser) known(word string) bool { return g.analyze(word).glossed }

var conjEN = map[string]string{"و": "and", "ف": "so"}
var prepEN = map[string]string{"ب": "in", "ل": "to", "ك": "as"}
var possEN = map[string]string{
	"ه": "his", "ها": "its", "هم": "their", "هما": "their", "هن": "their",
	"ك": "your", "كم": "your", "كما": "your", "كن": "your", "ي": "my", "ني": "my", "نا": "our",
}

// subjectHosts are the particles whose pronoun suffix is a subject.
var subjectHosts = map[string]bool{"ان": true, "لان": true, "لكن": true, "كان": true, "بان": true, "كما": true, "لعل": true, "ليت": true}

var subjEN = map[string]string{
	"ه": "he", "ها": "it", "هم": "they", "هما": "they", "هن": "they",
	"ك": "you", "كم": "you", "كما": "you", "كن": "you", "ي": "I", "ني": "I", "نا": "we",
}

var objEN = map[string]string{
	"ه": "him", "ها": "it", "هم": "them", "هما": "them", "هن": "them",
	"ك": "you", "كم": "you", "كما": "you", "كن": "you", "ي": "me", "ني": "me", "نا": "us",
}

// lookupDate glosses a weekday (with its article), from the word's
// analysis wi.
func lookupDate(wi *wordInfo) (unit, bool) {
	if wi.isDay {
		return unit{en: wi.weekday.String(), pos: posOther, conj: conjEN[wi.p.Conj], prep: prepEN[wi.p.Prep], known: true}, true
	}
	return unit{}, false
}

// unitOf glosses one Arabic word w, whose analysis is wi: made once,
// kept in wi.
func unitOf(w string, wi *wordInfo) unit {
	if u := wi.unit.Load(); u != nil {
		return *u
	}
	u := makeUnit(w, wi)
	wi.unit.Store(&u)
	return u
}

// makeUnit glosses one Arabic word w, whose analysis is wi.
func makeUnit(w string, wi *wordInfo) unit {
	if u, ok := lookupDate(wi); ok {
		return u
	}
	p := wi.p
	if !wi.known && wi.month != 0 {
		return unit{en: wi.month.String(), pos: posOther, known: true, month: wi.month}
	}
	u := unit{conj: conjEN[p.Conj], prep: prepEN[p.Prep], det: p.Det, known: wi.known}
	if !wi.known {
		return unknownUnit(w)
	}
	u.pos = wi.e.pos
	u.en = wi.e.en
	u.poss = wi.e.poss
	u.subj = wi.e.subj
	u.det = u.det || wi.e.det
	switch p.Infl {
	case "ات", "ون", "ين", "يون", "يين", "ان":
		u.plural = true
		if u.pos == posNoun {
			// ين and ان on a noun that is not a person are the dual
			// (يومين "two days", الجانبين "the two sides"): a thing's
			// plural is broken (أيام), not sound.
			if (p.Infl == "ين" || p.Infl == "ان") && p.Suffix == "" && !person(unit{en: u.en, pos: posNoun}) {
				u.en = "two " + pluralize(u.en)
			} else {
				u.en = pluralize(u.en)
			}
		}
	}
	if p.Suffix != "" && subjectHosts[p.Stem] {
		// أنه, لأنها, لكنهم: after these particles the suffix is the
		// subject of the clause that follows.
		u.subj = subjEN[p.Suffix]
	} else if p.Suffix != "" {
		switch u.pos {
		case posNoun, posAdj, posName:
			u.poss = possEN[p.Suffix]
		default:
			u.obj = objEN[p.Suffix]
		}
	}
	if u.pos == posVerb && u.subj == "" {
		u.pro = impliedSubject(p.Stem, u.en)
	}
	if p.Fut {
		u.en = "will " + baseVerb(u.en)
	}
	u.month = wi.month
	return u
}

// impersonal are verbs that take no personal subject: تم "was (done)",
// يمكن "can", يجب "must", يوجد "there is".
var impersonal = map[string]bool{}

func init() {
	for _, w := range []string{"تم", "يتم", "يمكن", "يجب", "ينبغي", "يوجد", "توجد", "يبدو", "بات", "يجري", "جرى", "تمت", "يتعين", "سيتم", "يتطلب", "كان", "كانت", "يكون", "تكون", "ليس", "ليست"} {
		impersonal[arabic.Normalize(w)] = true
	}
}

// impliedSubject returns the pronoun a third-person singular verb form
// carries when no subject is written (وقال إن: "he said that"; قالت:
// "she said"), from the shape of the stem and its English gloss: a
// present in ي is "he" and in ت "she" when the gloss is a third-person
// present ("says"); a past is "he", or "she" with the ending ت. Other
// forms (first person, plurals, impersonal verbs) get "".
func impliedSubject(stem, en string) string {
	if impersonal[stem] || en == "" || strings.Contains(en, " ") {
		return ""
	}
	first, _ := utf8.DecodeRuneInString(stem)
	last, _ := utf8.DecodeLastRuneInString(stem)
	present := strings.HasSuffix(en, "s") && !strings.HasSuffix(en, "ss")
	switch {
	case present && first == 'ي':
		return "he"
	case present && first == 'ت':
		return "she"
	case present:
		return ""
	case first == 'ي' || first == 'ن' || first == 'ت':
		return "" // a present glossed by a base form: يقولون, نقول
	case last == 'ت' && utf8.RuneCountInString(stem) >= 4:
		return "she"
	}
	return "he"
}

// weekdayOf returns the weekday a word names with its article (الأحد,
// والجمعة, بالسبت, للاثنين); without the article أحد is "one".
func weekdayOf(w string) (time.Weekday, bool) {
	n := arabic.Normalize(w)
	for _, p := range []string{"", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"} {
		rest, ok := strings.CutPrefix(n, p)
		if !ok {
			continue
		}
		if strings.HasSuffix(p, "ل") && strings.HasPrefix(rest, "ل") && !strings.HasPrefix(rest, "ال") {
			rest = "ا" + rest // لل = ل + ال
		}
		if strings.HasPrefix(rest, "ال") {
			if d, ok := dates.Weekday(rest); ok {
				return d, true
			}
		}
	}
	return 0, false
}

// unknownUnit spells a word the data does not know with the name speller
// learned from Wikidata's name pairs (arabic.DefaultSpeller): measured on
// ntrex-dev, chrF 40.34 with gist's own romanization (transliterate),
// 41.35 with the speller. Most such
// words are names, so only the surest proclitics are removed (و before a
// long word, the article and its forms بال لل); endings are kept, since
// هاميلتون is not a plural in ون.
func unknownUnit(w string) unit {
	n := arabic.Normalize(w)
	u := unit{pos: posName}
	if r, ok := strings.CutPrefix(n, "و"); ok && utf8.RuneCountInString(r) >= 4 {
		u.conj, n = "and", r
	}
	// ل or ب before a name of Wikidata's (لجونسون "to Johnson").
	for _, p := range []struct{ pre, prep string }{{"ل", "to"}, {"ب", "in"}} {
		if r, ok := strings.CutPrefix(n, p.pre); ok && utf8.RuneCountInString(r) >= 3 &&
			arabic.NameWordCount(r) >= minNameUses && arabic.NameWordCount(n) < minNameUses {
			u.prep, n = p.prep, r
			break
		}
	}
	det := false
	for _, p := range []struct{ pre, prep string }{{"بال", "in"}, {"لل", "to"}, {"ال", ""}} {
		if r, ok := strings.CutPrefix(n, p.pre); ok && utf8.RuneCountInString(r) >= 2 {
			u.prep, n, det = p.prep, r, true
			break
		}
	}
	u.en = arabic.DefaultSpeller().Spell(n)
	if det {
		u.en = "al-" + u.en
	}
	return u
}

// monthOf returns the month a word names, with or without a proclitic
// (وسبتمبر, بأيلول); the stem is not used, since a stemmer may cut
// حزيران into حزير.
func monthOf(w string) (time.Month, bool) {
	if m, ok := dates.Month(w); ok {
		return m, true
	}
	for _, p := range []string{"و", "ف", "ب", "ل"} {
		if r, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(r) >= 3 {
			if m, ok := dates.Month(r); ok {
				return m, true
			}
		}
	}
	return 0, false
}

// units turns tokens into units, matching phrases and names first.
func (g *glosser) units(toks []tok) []unit {
	toks = g.splitRunTogether(toks)
	us := make([]unit, 0, len(toks))
	norms := make([]string, len(toks))
	wis := make([]*wordInfo, len(toks)) // the analysis of each word, looked up once
	sport := false                      // a sentence about sport: clubs' Sport forms count
	for i, t := range toks {
		if t.kind == 'w' {
			wis[i] = g.analyze(t.text)
			norms[i] = wis[i].norm
			sport = sport || gazetteer.IsSportWord(norms[i])
		}
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.kind {
		case '#':
			us = append(us, unit{en: westernNumber(t.text), pos: posNumber, known: true})
			continue
		case 'L':
			us = append(us, unit{en: t.text, pos: posForgn, known: true})
			continue
		case '.':
			us = append(us, unit{en: punct(t.text), pos: posPunct, known: true})
			continue
		}
		if qad[norms[i]] && i+1 < len(toks) && toks[i+1].kind == 'w' {
			// قد before a verb: "has done" before a past, "may do"
			// before a present.
			if v := unitOf(toks[i+1].text, wis[i+1]); v.pos == posVerb && !strings.HasPrefix(v.en, "will ") {
				if en, ok := perfect(v); ok {
					v.en = en
					if pre, _ := strings.CutSuffix(norms[i], "قد"); pre == "و" {
						v.conj = "and"
					}
					us = append(us, v)
					i++
					continue
				}
			}
		}
		if norms[i] == "ال" {
			if strings.HasPrefix(t.text, "آل") {
				us = append(us, unit{en: "Al", pos: posName, known: true}) // آل سعود
			}
			continue // الـ before a number: الدول الـ4
		}
		if u, n := g.phrase(toks, norms, wis[i], i); n > 0 {
			us = append(us, u)
			i += n - 1
			continue
		}
		// A month name of two words (كانون الثاني).
		if i+1 < len(toks) && toks[i+1].kind == 'w' && (strings.HasSuffix(t.text, "كانون") || strings.HasSuffix(t.text, "تشرين")) {
			if m, ok := dates.Month(toks[i].text + " " + toks[i+1].text); ok {
				us = append(us, unit{en: m.String(), pos: posOther, known: true, month: m})
				i++
				continue
			}
		}
		u := unitOf(t.text, wis[i])
		if c, ok := g.clubIn(t.text, sport); ok {
			u = c
		} else if u.known && u.pos != posName {
			var prev *unit
			if len(us) > 0 {
				prev = &us[len(us)-1]
			}
			nextName := i+1 < len(toks) && toks[i+1].kind == 'w' && (unitOf(toks[i+1].text, wis[i+1]).pos == posName || !wis[i+1].glossed)
			u = g.sense(u, wis[i].p.Stem, sport, nextName, prev)
		}
		if emphatic(t.text, u, us) {
			// إن opening a sentence or after ف only stresses what
			// follows: إنهم صغار "they are young", فإن العدد "the number".
			u.en = strings.TrimPrefix(u.en, "that")
			u.en = strings.TrimSpace(u.en)
			if u.en == "" && u.subj != "" {
				u.en, u.subj = u.subj, ""
			}
			u.conj = ""
		}
		us = append(us, u)
	}
	return functionWords(g.dates(us))
}

// qad are the forms of the particle قد, which marks a past as done (قد
// أعلن "has announced") and a present as possible (قد يكون "may be").
var qad = map[string]bool{"قد": true, "لقد": true, "وقد": true}

// perfect returns the English of a verb after قد: "has"/"have" and the
// participle for a past, "may" and the base for a present.
func perfect(v unit) (string, bool) {
	p, ok := participle(v.en)
	if !ok {
		if strings.HasSuffix(v.en, "s") && !strings.HasSuffix(v.en, "ss") || strings.HasPrefix(v.en, "is ") {
			return "may " + baseVerb(v.en), true
		}
		return "", false
	}
	switch v.subj {
	case "they", "we", "I", "you":
		return "have " + p, true
	}
	return "has " + p, true
}

// partitives are English words after which من is "of", not "from": a
// part, a quantity or a number (جزء من "part of", العديد من "many of",
// اثنان من "two of").
var partitives = map[string]bool{
	"part": true, "parts": true, "kind": true, "kinds": true, "type": true, "types": true, "group": true,
	"number": true, "majority": true, "minority": true, "more": true, "many": true, "some": true, "most": true,
	"one": true, "two": true, "three": true, "four": true, "five": true, "percent": true, "lot": true, "lots": true,
	"half": true, "third": true, "quarter": true, "rest": true, "each": true, "any": true, "none": true,
	"all": true, "both": true, "several": true, "dozens": true, "hundreds": true, "thousands": true,
	"millions": true, "series": true, "set": true, "share": true, "range": true, "variety": true,
	"sure": true, "certain": true, "member": true, "members": true, "first": true, "last": true,
}

// functionWords mends the sense of prepositions by the word before
// them: من after a part, a quantity or a number is "of", after "near"
// it is dropped (بالقرب من "near").
func functionWords(us []unit) []unit {
	for i := 1; i < len(us); i++ {
		u := &us[i]
		if copula(us, i) {
			continue
		}
		// الذي, التي after a person: "who".
		if u.en == "which" && u.pos == posOther && u.conj == "" && u.prep == "" && person(us[i-1]) {
			u.en = "who"
			continue
		}
		if u.en != "from" || u.pos != posPrep || u.conj != "" || u.prep != "" {
			continue
		}
		prev := us[i-1]
		last := prev.en[strings.LastIndexByte(prev.en, ' ')+1:]
		switch {
		case prev.pos == posNumber || partitives[strings.ToLower(last)] || strings.HasSuffix(last, "est"):
			u.en = "of"
		case last == "near":
			u.en = ""
		}
	}
	return us
}

// personWords are English nouns for people that the suffix rule of
// person misses.
var personWords = map[string]bool{
	"man": true, "woman": true, "person": true, "child": true, "boy": true, "girl": true, "president": true,
	"minister": true, "king": true, "prince": true, "official": true, "chief": true, "head": true, "doctor": true,
	"expert": true, "citizen": true, "resident": true, "victim": true, "suspect": true, "captain": true,
	"coach": true, "father": true, "mother": true, "son": true, "daughter": true, "brother": true,
	"sister": true, "wife": true, "husband": true, "friend": true, "cousin": true, "priest": true,
	"pilot": true, "student": true, "guest": true, "judge": true, "envoy": true, "lawyer": true,
}

// person reports whether u names a person: a name of one word or more,
// or a noun whose gloss is a person (a word in -er, -or, -ist, -ian or
// -man, or one of personWords).
func person(u unit) bool {
	if u.pos == posName {
		return true
	}
	if u.pos != posNoun && u.pos != posAdj {
		return false
	}
	w := strings.ToLower(u.en[strings.LastIndexByte(u.en, ' ')+1:])
	if personWords[w] {
		return true
	}
	for _, suf := range []string{"er", "or", "ist", "ian", "man", "woman"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// copula turns the pronoun هو, هي or هم between a noun phrase and a
// noun, adjective or name into the verb English needs (الحل هو الحوار:
// "the solution is dialogue"; شارع 125، وهو شارع تسوق: "125 street,
// which is a shopping street") and reports whether it did.
func copula(us []unit, i int) bool {
	u := &us[i]
	if u.pos != posOther || u.prep != "" || u.obj != "" || i+1 >= len(us) {
		return false
	}
	be := map[string]string{"he": "is", "she": "is", "they": "are"}[u.en]
	if be == "" {
		return false
	}
	switch us[i+1].pos {
	case posNoun, posAdj, posName, posNumber, posDet:
	default:
		return false
	}
	if us[i+1].conj != "" || us[i+1].prep != "" {
		return false
	}
	prev := us[i-1]
	switch {
	case u.conj == "" && (prev.pos == posNoun || prev.pos == posName || prev.pos == posAdj):
		u.en = be
	case u.conj == "and" && prev.pos == posPunct && prev.en == ",":
		u.conj, u.en = "", "which "+be
	default:
		return false
	}
	return true
}

// nonConnecting are the letters after which Arabic writes no join, so
// that a missing space is invisible: وزيرالخارجية, عبدالناصر.
const nonConnecting = "اأإآدذرزوؤة"

// splitRunTogether splits a word the data does not know into two words
// it knows when a space is missing after a letter that does not join
// (وزيرالخارجية → وزير الخارجية). Neither part may be a single letter or
// a name of Wikidata's, and a known name is never split. Each word tries
// each split point once: linear in the input.
func (g *glosser) splitRunTogether(toks []tok) []tok {
	var out []tok
	for i, t := range toks {
		if t.kind != 'w' || utf8.RuneCountInString(t.text) < 6 || g.known(t.text) || nameNotClitic(t.text) {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		a, b, ok := g.runTogether(t.text)
		if !ok {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = append(make([]tok, 0, len(toks)+1), toks[:i]...)
		}
		out = append(out, tok{a, 'w'}, tok{b, 'w'})
	}
	if out == nil {
		return toks
	}
	return out
}

// runTogether finds the split of w into two known words: first before
// an article (مجلسالأمن → مجلس الأمن; a و, ف, ب or ل before the article
// goes with it: الوطنيةوالمتطوعون → الوطنية والمتطوعون), else after a
// letter that does not join (تدابيرمماثلة → تدابير مماثلة), both parts
// then of four letters or more. Each part must be known with a stem of
// three letters or more (or, before an article, be a particle), so that
// a name (جارسيا, هانيبال) or a word with endings (مستشاروها) is not cut
// into pieces.
func (g *glosser) runTogether(w string) (string, string, bool) {
	solid := func(part string) bool {
		if !g.known(part) {
			return false
		}
		wi := g.analyze(part)
		if strings.HasSuffix(part, "ا") {
			// مطرا is مطر in the accusative, not a word before a cut.
			if _, whole := g.lx.words[arabic.Normalize(part)]; !whole {
				return false
			}
		}
		return utf8.RuneCountInString(wi.p.Stem) >= 3 && wi.e.pos != posName
	}
	particle := func(part string) bool {
		e, ok := g.lx.words[arabic.Normalize(part)]
		return ok && (e.pos == posOther || e.pos == posPrep || e.pos == posConj)
	}
	var after [2]string
	found := false
	prev := rune(0)
	for i, r := range w {
		if i > 0 && strings.HasPrefix(w[i:], "ال") && utf8.RuneCountInString(w[i:]) >= 4 {
			left, right := w[:i], w[i:]
			if l, c := utf8.DecodeLastRuneInString(left); strings.ContainsRune("وفبل", l) && solid(left[:len(left)-c]) {
				left, right = left[:len(left)-c], left[len(left)-c:]+right
			}
			if (solid(left) || particle(left)) && solid(right) {
				return left, right, true
			}
		}
		if !found && i > 0 && strings.ContainsRune(nonConnecting, prev) && isLetter(r) && !strings.ContainsRune("ءئؤ", r) &&
			utf8.RuneCountInString(w[:i]) >= 4 && utf8.RuneCountInString(w[i:]) >= 4 && solid(w[:i]) && solid(w[i:]) {
			after, found = [2]string{w[:i], w[i:]}, true
		}
		prev = r
	}
	return after[0], after[1], found
}

// isLetter reports whether r is an Arabic letter, not a diacritic.
func isLetter(r rune) bool { return arabic.IsArabicLetter(r) && !arabic.IsDiacritic(r) }

// sense returns u with the context sense of data/senses.tsv whose
// condition holds (the first such line), or u unchanged: stem is the
// word's normalized stem, sport whether the sentence is about sport,
// nextName whether a name follows, prev the unit before (nil at the
// start).
func (g *glosser) sense(u unit, stem string, sport, nextName bool, prev *unit) unit {
	for _, s := range g.lx.senses[stem] {
		ok := false
		switch s.when {
		case "sport":
			ok = sport
		case "name":
			ok = nextName
		case "adj", "noun":
			a := u
			a.pos = posAdj
			adj := prev != nil && (prev.pos == posNoun || prev.pos == posName) && adjOf(*prev, a)
			ok = adj == (s.when == "adj")
		}
		if !ok {
			continue
		}
		fut := strings.HasPrefix(u.en, "will ")
		u.en, u.pos = s.e.en, s.e.pos
		if s.e.subj != "" {
			u.subj = s.e.subj
		}
		switch {
		case u.pos == posNoun && u.plural:
			u.en = pluralize(u.en)
		case u.pos == posVerb && fut:
			u.en = "will " + baseVerb(u.en)
		}
		return u
	}
	return u
}

// clubIn is club in a sentence about sport, and nothing elsewhere.
func (g *glosser) clubIn(w string, sport bool) (unit, bool) {
	if !sport {
		return unit{}, false
	}
	return g.club(w)
}

// club glosses w as a club's name when it is a Sport form of the
// gazetteer, with or without و ف ب ل before it (للاتفاق "to Al-Ettifaq").
func (g *glosser) club(w string) (unit, bool) {
	if len(g.lx.sport) == 0 {
		return unit{}, false
	}
	for _, f := range phraseForms(w) {
		if en, ok := g.lx.sport[f.key]; ok {
			return unit{en: en, pos: posName, conj: f.conj, prep: f.prep, known: true, phrase: true, det: true}, true
		}
	}
	return unit{}, false
}

// isWeekday reports whether u is a weekday name.
func isWeekday(u unit) bool {
	switch u.en {
	case "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday":
		return u.pos == posOther
	}
	return false
}

// dates keeps a month's name only next to a number or another month name,
// the only place where the names are unambiguous, and drops the second of
// two equal month names (سبتمبر/ أيلول).
func (g *glosser) dates(us []unit) []unit {
	out := us[:0]
	for i := 0; i < len(us); i++ {
		u := us[i]
		// في عام 1939: "in 1939", not "in year 1939".
		if u.en == "year" && u.poss == "" && !u.plural && i+1 < len(us) && us[i+1].pos == posNumber && len(us[i+1].en) == 4 {
			n := us[i+1]
			n.conj, n.prep = u.conj, u.prep
			out = append(out, n)
			i++
			continue
		}
		// في 12 يونيو: "on 12 June".
		if u.en == "in" && u.pos == posPrep && u.conj == "" && u.prep == "" && i+2 < len(us) && us[i+1].pos == posNumber && us[i+2].month != 0 {
			u.en = "on"
		}
		// يوم الجمعة: "on Friday", not "the day of Friday".
		if u.en == "day" && u.poss == "" && !u.plural && i+1 < len(us) && isWeekday(us[i+1]) {
			w := us[i+1]
			w.conj = u.conj
			if u.prep == "" {
				w.prep = "on"
			} else {
				w.prep = u.prep
			}
			out = append(out, w)
			i++
			continue
		}
		if u.month != 0 {
			near := (i > 0 && us[i-1].pos == posNumber) || (i+1 < len(us) && us[i+1].pos == posNumber)
			if i+2 < len(us) && us[i+1].en == "/" && us[i+2].month == u.month {
				out = append(out, unit{en: u.month.String(), pos: posOther, known: true, conj: u.conj, prep: u.prep})
				i += 2
				continue
			}
			if near || !u.known {
				u = unit{en: u.month.String(), pos: posOther, known: true, conj: u.conj, prep: u.prep}
			}
		}
		out = append(out, u)
	}
	return out
}

// phrase matches the longest phrase of the table at toks[i] (norms holds
// the normalized tokens, wi the analysis of toks[i]); the first word may
// carry a conjunction and a preposition. It returns the unit and the
// number of tokens used, or 0.
func (g *glosser) phrase(toks []tok, norms []string, wi *wordInfo, i int) (unit, int) {
	var best unit
	bestN := 0
	for _, f := range wi.forms {
		n := g.lx.phrases.next[f.key]
		if n == nil {
			continue
		}
		j := i + 1
		for n != nil && j < len(toks) && toks[j].kind == 'w' {
			c := n.next[norms[j]]
			if c == nil {
				break
			}
			n = c
			j++
			if n.e != nil && j-i > bestN {
				bestN = j - i
				best = unit{en: n.e.en, pos: n.e.pos, conj: f.conj, prep: f.prep, known: true, phrase: true}
				// The phrase is definite when one of its words has the
				// article (الأمم المتحدة, المتحدث باسم).
				best.det = false
				for _, nm := range norms[i:j] {
					if strings.Contains(nm, "ال") {
						best.det = true
					}
				}
			}
		}
	}
	return best, bestN
}

type form struct{ key, conj, prep string }

// phraseForms lists the ways the first word of a phrase may be written
// with proclitics: الأمم, والأمم, للأمم, وبالأمم …
func phraseForms(w string) []form {
	n := arabic.Normalize(w)
	forms := []form{{key: n}}
	rest := n
	conj := ""
	if r, ok := strings.CutPrefix(rest, "و"); ok && utf8.RuneCountInString(r) >= 2 {
		conj, rest = "and", r
		forms = append(forms, form{rest, conj, ""})
	} else if r, ok := strings.CutPrefix(rest, "ف"); ok && utf8.RuneCountInString(r) >= 2 {
		conj, rest = "so", r
		forms = append(forms, form{rest, conj, ""})
	}
	for _, p := range []string{"ب", "ك", "ل"} {
		if r, ok := strings.CutPrefix(rest, p); ok && utf8.RuneCountInString(r) >= 2 {
			forms = append(forms, form{r, conj, prepEN[p]})
			if p == "ل" && strings.HasPrefix(r, "ل") {
				forms = append(forms, form{"ا" + r, conj, "to"}) // لل → ل + ال
			}
		}
	}
	return forms
}

// punct maps Arabic punctuation to its English form.
func punct(s string) string {
	switch s {
	case "،":
		return ","
	case "؛":
		return ";"
	case "؟":
		return "?"
	case "«", "»", "“", "”":
		return "\""
	case "٪":
		return "%"
	}
	return s
}

// westernNumber converts the digits and separators of a number.
func westernNumber(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '٫':
			return '.'
		case '٬':
			return ','
		}
		return arabic.WesternDigit(r)
	}, s)
}

// gloss translates one segment.
func (g *glosser) gloss(ar string) string {
	us := g.units(tokenize(ar))
	return render(reorder(us))
}

// wordByWord glosses each token in Arabic order with no reordering and no
// article handling: the baseline the reordering rules are measured
// against.
func (g *glosser) wordByWord(ar string) string {
	var words []string
	for _, u := range g.units(tokenize(ar)) {
		words = append(words, prefix(u)...)
		if u.en != "" {
			words = append(words, u.en)
		}
	}
	return render(words)
}
