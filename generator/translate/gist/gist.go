// Package gist is jisr's offline Arabic→English translator: an honest,
// rule-based gloss that needs no network and no API key.
//
// In: Arabic segment texts. Out: plain-text English gists, one per input,
// with status translate.StatusGist so that any real engine later replaces
// them. The output is never HTML: callers must escape it like any other
// untrusted text.
//
// How it works, in order:
//   - tokens are split into clitics and stems by package arabic, with every
//     single-word name protected so that بوتين is never cut; a word the
//     data does not know is split in two where a space is missing before
//     an article or after a letter that does not join (وزيرالخارجية);
//   - names come from the entity gazetteer (package gazetteer) first, then
//     from our own small name table (data/names.tsv);
//   - multi-word phrases (رئيس الوزراء → prime minister) and names are
//     matched first, longest first;
//   - every other word is glossed from an embedded lexicon of frequent news
//     vocabulary with news senses (data/lexicon.tsv, about 10,000 entries)
//     and verb paradigms whose regular inflections are generated
//     (data/verbs.tsv), all written by hand for jisr; with
//     [translate.gist] freedict = true and Debian's FreeDict Arabic–English
//     dictionary installed, it is read at run time for words the lexicon
//     lacks (never bundled); a word the lexicon lacks may still be read as
//     an indefinite accusative (مزارعًا), a construct plural (مسؤولو) or a
//     noun with the pronoun ه (عامه "his year", not عامة "public"); other
//     unknown words are spelled by arabic.DefaultSpeller, which never
//     splits a Wikidata name word (فورد, مايك);
//   - a context sense replaces the lexicon's where its condition holds
//     (data/senses.tsv: a sentence about sport, a name next, the word
//     being or not being an adjective of the noun before it);
//   - function words are mended by their neighbours: من after a part or a
//     number is "of", قد is "has"/"may", هو between noun phrases is "is",
//     الذي after a person is "who";
//   - digits become Western, dates and weekdays become English;
//   - a few safe reordering rules run: noun–adjective becomes
//     adjective–noun, an idafa becomes "X of Y", a verb followed by a clear
//     subject becomes subject–verb (and says its implied pronoun, "he
//     said", when no subject is near), the article becomes "the" where
//     English wants one and "a"/"an" before a singular indefinite noun
//     phrase, and a sentence-initial و is dropped.
//
// Measured on NTREX dev (1,007 news sentences; TestNTREXChrF, which
// scores the 464 lines of 29 held-out documents apart from the 543
// tuning lines that the diagnostics print): chrF 42.43 on all lines, 43.02
// held out (41.48 and 42.10 before session 4's rules); the first
// word-by-word version scored 23.5. About 5,000–17,000 segments a second
// on one core (BenchmarkGloss, BenchmarkGlossNTREXCold).
//
// The engine registers itself as "gist"; import the package for its side
// effect:
//
//	import _ "github.com/jisr-news/jisr/generator/translate/gist"
package gist

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/jisr-news/jisr/generator/arabic"

	"github.com/jisr-news/jisr/generator/translate"
)

// Name is the engine's name in --engine and jisr.toml.
const Name = "gist"

// Provider creates the engine by name; package engines lists it.
func Provider() translate.Provider {
	return translate.Provider{Name: Name, New: func(o translate.Options) (translate.Engine, error) {
		// [translate.gist] freedict = true turns the optional FreeDict
		// source on, when the dictionary is installed. It is off by
		// default so that the same input gives the same bytes on every
		// machine, whatever Debian packages it has.
		if v, ok := o.Settings["freedict"].(bool); ok && v {
			return New()
		}
		return NewWithoutFreeDict()
	}}
}

// Engine is the gist translator. It is safe for concurrent use.
type Engine struct {
	freedict bool // the glosser that reads FreeDict when installed
}

// g returns the engine's glosser, read again after ReleaseEmbedded. New
// and NewWithoutFreeDict built it once without error; the same embedded
// data and files build it the same.
func (e *Engine) g() *glosser {
	get := defaultGlosser
	if e.freedict {
		get = freedictGlosser
	}
	g, err := get()
	if err != nil {
		panic("gist: lexicon read before, now failing: " + err.Error())
	}
	return g
}

// New returns the gist engine built from the embedded data, plus Debian's
// FreeDict Arabic–English dictionary when it is installed (read at run
// time, never bundled; Model then ends in "+freedict"). It fails only when
// the embedded data is malformed, which the package's tests rule out.
func New() (*Engine, error) {
	if _, err := freedictGlosser(); err != nil {
		return nil, err
	}
	return &Engine{freedict: true}, nil
}

// NewWithoutFreeDict returns the gist engine built from the embedded data
// alone, so that its output does not depend on what the machine has
// installed.
func NewWithoutFreeDict() (*Engine, error) {
	if _, err := defaultGlosser(); err != nil {
		return nil, err
	}
	return &Engine{}, nil
}

// Name returns "gist".
func (e *Engine) Name() string { return Name }

// Model returns the version of the embedded lexicon, "lex-" and a short
// hash of the data, so the store records which lexicon wrote a gist.
func (e *Engine) Model() string { return e.g().version }

// Status returns translate.StatusGist.
func (e *Engine) Status() translate.Status { return translate.StatusGist }

// Translate glosses each Arabic text. It fails only when ctx is done.
func (e *Engine) Translate(ctx context.Context, ar []string) ([]string, error) {
	g := e.g()
	out := make([]string, len(ar))
	for i, s := range ar {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("gist: %w", err)
			}
		}
		out[i] = g.gloss(s)
	}
	return out, nil
}

// Gloss returns the English gist of one Arabic text.
func (e *Engine) Gloss(ar string) string { return e.g().gloss(ar) }

// Known reports whether the gist finds an English gloss for word (a single
// Arabic token, possibly with clitics) in its lexicon or name table rather
// than transliterating it. The lexicon builder script uses it to measure
// coverage.
func (e *Engine) Known(word string) bool { return e.g().known(word) }

// Common reports whether word (one Arabic token) is ordinary vocabulary of
// the embedded lexicon, not a name: the whole word, or the word without
// one sure proclitic (و, the article, بال, لل) leaving three letters or
// more, is a lexicon entry with a part of speech other than name. QA uses
// it to tell a romanized common word ("Moydo") from a name spelled in
// Latin letters, which a translation writes by right.
func (e *Engine) Common(word string) bool {
	g := e.g()
	n := arabic.Normalize(word)
	for _, p := range []string{"", "وال", "بال", "لل", "ال", "و"} {
		r, ok := strings.CutPrefix(n, p)
		if !ok || (p != "" && utf8.RuneCountInString(r) < 3) {
			continue
		}
		// A plural or dual ending (مؤيدو, مؤيدون) on a known singular.
		for _, suf := range []string{"", "ون", "ين", "ات", "و", "ان"} {
			st, ok := strings.CutSuffix(r, suf)
			if !ok || utf8.RuneCountInString(st) < 3 {
				continue
			}
			if en, ok := g.lx.words[st]; ok && en.pos != posName {
				return true
			}
		}
	}
	return false
}

// EnglishWord reports whether w (lower case) is a word of the embedded
// lexicon's English glosses: an English word, not a romanization.
func (e *Engine) EnglishWord(w string) bool {
	g := e.g()
	g.glossWordsOnce.Do(func() {
		g.glossWords = map[string]bool{}
		for _, en := range g.lx.words {
			for _, f := range strings.Fields(strings.ToLower(en.en)) {
				g.glossWords[strings.Trim(f, `.,;:!?"()'`)] = true
			}
		}
	})
	return g.glossWords[w]
}
