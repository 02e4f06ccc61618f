package gist

import (
	"fmt"
	"sort"
	"strings"

	"github.com/jisr-news/jisr/generator/arabic"
)

// addVerbs reads verb paradigms and adds the regular forms of each verb
// that the lexicon does not already have: the past with the suffixes ت وا
// نا تم تا (English past), the present with the prefixes ي ت (English third
// person singular) and ن أ and the plural/dual endings ون وا ان ا (English
// base form). A hand-written entry always wins over a generated one.
//
// Hand-written: Arabic verb inflection is regular enough for these
// suffixes and prefixes, and no Go package generates it.
func (lx *lexicon) addVerbs(file string, b []byte) []error {
	var errs []error
	add := func(ar, en string, subj ...string) {
		k := arabic.Normalize(ar)
		if _, ok := lx.words[k]; !ok {
			e := entry{en: en, pos: posVerb}
			if len(subj) > 0 {
				e.subj = subj[0]
			}
			lx.words[k] = e
		}
	}
	dataLines(b, func(ln int, line string, cols []string) {
		if len(cols) != 4 {
			errs = append(errs, &entryError{file, ln, fmt.Sprintf("want 4 tab-separated columns, got %d", len(cols))})
			return
		}
		past, pres := strings.TrimSpace(cols[0]), strings.TrimSpace(cols[1])
		enPast, enBase := strings.TrimSpace(cols[2]), strings.TrimSpace(cols[3])
		if past == "" || enPast == "" || enBase == "" || (pres != "" && pres != "-" && !strings.HasPrefix(pres, "ي")) {
			errs = append(errs, &entryError{file, ln, fmt.Sprintf("bad verb %q (the present must start with ي)", line)})
			return
		}
		add(past, enPast)
		add(past+"ت", enPast)
		add(past+"وا", enPast, "they")
		add(past+"نا", enPast, "we")
		add(past+"تم", enPast, "you")
		add(past+"تا", enPast, "they") // two women or things: كانتا
		if pres == "" || pres == "-" {
			return
		}
		stem := strings.TrimPrefix(pres, "ي")
		third := thirdPerson(enBase)
		add("ي"+stem, third)
		add("ت"+stem, third)
		add("ن"+stem, enBase, "we")
		add("أ"+stem, enBase, "I")
		for _, p := range []string{"ي", "ت"} {
			for _, suf := range []string{"ون", "وا", "ان", "ا"} {
				add(p+stem+suf, enBase, "they")
			}
		}
	})
	return errs
}

// thirdPerson makes the English third person singular of a base form:
// "say" → "says", "carry" → "carries", "be" → "is".
func thirdPerson(base string) string {
	w, rest, _ := strings.Cut(base, " ")
	if rest != "" {
		rest = " " + rest
	}
	switch {
	case w == "be":
		return "is" + rest
	case w == "have":
		return "has" + rest
	case strings.HasSuffix(w, "y") && len(w) > 1 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return w[:len(w)-1] + "ies" + rest
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"), strings.HasSuffix(w, "o"), strings.HasSuffix(w, "z"):
		return w + "es" + rest
	}
	return w + "s" + rest
}

// inflectVerbs adds the regular inflections of the lexicon's own verb
// entries: a present (يقول) teaches تقول, نقول, يقولون …; a past (قال)
// teaches قالت, قالوا, قلنا-like suffixed forms. Existing entries win.
func (lx *lexicon) inflectVerbs() {
	type gen struct{ k, en, subj string }
	var gens []gen
	keys := make([]string, 0, len(lx.words))
	for k := range lx.words {
		keys = append(keys, k)
	}
	sort.Strings(keys) // generated forms must not depend on map order
	for _, k := range keys {
		e := lx.words[k]
		if e.pos != posVerb || strings.Contains(e.en, " ") && !strings.HasPrefix(e.en, "is ") {
			continue
		}
		rs := []rune(k)
		if len(rs) < 3 {
			continue
		}
		if rs[0] == 'ي' {
			stem := string(rs[1:])
			base := baseVerb(e.en)
			gens = append(gens, gen{"ت" + stem, e.en, ""}, gen{"ن" + stem, base, "we"}, gen{"ا" + stem, base, "I"})
			for _, p := range []string{"ي", "ت"} {
				for _, suf := range []string{"ون", "وا", "ان", "ا"} {
					gens = append(gens, gen{p + stem + suf, base, "they"})
				}
			}
			continue
		}
		if rs[0] == 'ت' || rs[len(rs)-1] == 'ت' || strings.HasSuffix(e.en, "s") && irregularPast[strings.Fields(e.en)[0]] == "" {
			continue // a present, or a past whose forms would be ambiguous
		}
		gens = append(gens, gen{k + "ت", e.en, ""}, gen{k + "وا", e.en, "they"}, gen{k + "نا", e.en, "we"}, gen{k + "تم", e.en, "you"}, gen{k + "تا", e.en, "they"})
		// The present of a past form: يفعل from فعل, يعتقل from اعتقل,
		// يرسل from أرسل (the alef of forms IV, VII, VIII and X drops).
		if rs[0] == 'ن' || rs[0] == 'ي' {
			continue // a past starting so would make an ambiguous present
		}
		stem := k
		if rs[0] == 'ا' && len(rs) >= 4 {
			stem = string(rs[1:])
		}
		base := baseFromPast(e.en)
		third := thirdPerson(base)
		gens = append(gens, gen{"ي" + stem, third, ""}, gen{"ت" + stem, third, ""}, gen{"ن" + stem, base, "we"})
		for _, p := range []string{"ي", "ت"} {
			for _, suf := range []string{"ون", "وا", "ان", "ا"} {
				gens = append(gens, gen{p + stem + suf, base, "they"})
			}
		}
	}
	for _, g := range gens {
		if _, ok := lx.words[g.k]; !ok {
			lx.words[g.k] = entry{en: g.en, pos: posVerb, subj: g.subj}
		}
	}
}

// pluralSubject returns "they" for a hand-written verb entry whose Arabic
// form is a plural (يقولون, قالوا): such a verb has no noun subject after
// it, so English needs the pronoun.
func pluralSubject(k string) string {
	rs := []rune(k)
	if len(rs) < 5 {
		return "" // يكون, تكون are singular
	}
	end := string(rs[len(rs)-2:])
	if (rs[0] == 'ي' || rs[0] == 'ت') && (end == "ون" || end == "وا") {
		return "they"
	}
	if end == "وا" {
		return "they"
	}
	return ""
}

// irregularPast maps common irregular English past forms to their base.
var irregularPast = map[string]string{
	"said": "say", "made": "make", "took": "take", "gave": "give", "went": "go",
	"came": "come", "saw": "see", "knew": "know", "thought": "think", "told": "tell",
	"found": "find", "left": "leave", "held": "hold", "met": "meet", "led": "lead",
	"won": "win", "lost": "lose", "paid": "pay", "sold": "sell", "bought": "buy",
	"built": "build", "sent": "send", "spent": "spend", "kept": "keep", "began": "begin",
	"became": "become", "brought": "bring", "fought": "fight", "sought": "seek",
	"wrote": "write", "spoke": "speak", "broke": "break", "chose": "choose", "fell": "fall",
	"felt": "feel", "heard": "hear", "ran": "run", "rose": "rise", "stood": "stand",
	"struck": "strike", "threw": "throw", "wore": "wear", "drove": "drive", "flew": "fly",
	"grew": "grow", "hid": "hide", "hit": "hit", "put": "put", "cut": "cut", "set": "set",
	"read": "read", "shot": "shoot", "shook": "shake", "slept": "sleep", "stole": "steal",
	"swam": "swim", "taught": "teach", "understood": "understand", "withdrew": "withdraw",
	"was": "be", "were": "be", "had": "have", "did": "do", "could": "be able to",
	"fled": "flee", "dealt": "deal", "meant": "mean", "lay": "lie", "arose": "arise",
	"forgot": "forget", "forgave": "forgive", "froze": "freeze", "bore": "bear", "woke": "wake",
}

// baseFromPast guesses the English base form of a past-tense gloss:
// "expressed" → "express", "stopped" → "stop", "said" → "say". Multi-word
// glosses change their first word.
func baseFromPast(en string) string {
	w, rest, _ := strings.Cut(en, " ")
	if rest != "" {
		rest = " " + rest
	}
	if b, ok := irregularPast[w]; ok {
		return b + rest
	}
	n := len(w)
	switch {
	case strings.HasSuffix(w, "ied") && n > 4:
		return w[:n-3] + "y" + rest
	case !strings.HasSuffix(w, "ed") || n < 4:
		return w + rest
	case n >= 5 && w[n-3] == w[n-4] && !strings.ContainsRune("aeiouls", rune(w[n-3])):
		return w[:n-3] + rest // stopped → stop
	}
	stem := w[:n-2]
	for _, suf := range []string{"at", "is", "iz", "uc", "us", "v", "g", "c", "ur", "as", "os", "in", "ok", "ir", "id", "ar", "ir", "ag", "ot"} {
		if strings.HasSuffix(stem, suf) && !strings.HasSuffix(stem, "ss") {
			return stem + "e" + rest // created → create, used → use
		}
	}
	if strings.HasSuffix(w, "eed") || strings.HasSuffix(w, "ee") {
		return w[:n-1] + rest // agreed → agree
	}
	return stem + rest
}

// gerund makes the English verbal noun of a verb gloss in the past or the
// third person: "killed" → "killing", "continues" → "continuing".
func gerund(en string) string {
	w, rest, _ := strings.Cut(en, " ")
	if rest != "" {
		rest = " " + rest
	}
	var base string
	switch {
	case strings.HasSuffix(w, "ed") || irregularPast[w] != "":
		base = strings.Fields(baseFromPast(w))[0]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		base = strings.Fields(baseVerb(w))[0]
	default:
		base = w
	}
	switch {
	case base == "be":
		return "being" + rest
	case strings.HasSuffix(base, "ie"):
		return base[:len(base)-2] + "ying" + rest
	case strings.HasSuffix(base, "e") && !strings.HasSuffix(base, "ee"):
		return base[:len(base)-1] + "ing" + rest
	}
	return base + "ing" + rest
}

// participles are the irregular English past participles that differ
// from the past.
var participles = map[string]string{
	"took": "taken", "gave": "given", "went": "gone", "came": "come", "saw": "seen", "knew": "known",
	"began": "begun", "became": "become", "wrote": "written", "spoke": "spoken", "broke": "broken",
	"chose": "chosen", "fell": "fallen", "ran": "run", "rose": "risen", "threw": "thrown", "wore": "worn",
	"drove": "driven", "flew": "flown", "grew": "grown", "hid": "hidden", "shook": "shaken",
	"stole": "stolen", "swam": "swum", "withdrew": "withdrawn", "was": "been", "were": "been",
	"did": "done", "forgot": "forgotten", "forgave": "forgiven", "froze": "frozen", "woke": "woken",
	"arose": "arisen", "bore": "borne", "ate": "eaten", "drew": "drawn", "won": "won", "lay": "lain",
}

// participle makes the English past participle of a past-tense gloss:
// "took part" → "taken part", "announced" → "announced". Its second
// result is false when en is not a past ("says").
func participle(en string) (string, bool) {
	w, rest, _ := strings.Cut(en, " ")
	if rest != "" {
		rest = " " + rest
	}
	if p, ok := participles[w]; ok {
		return p + rest, true
	}
	if strings.HasSuffix(w, "ed") || irregularPast[w] != "" {
		return w + rest, true
	}
	return "", false
}
