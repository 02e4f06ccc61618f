package gist

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// chunk is a unit or a noun phrase, the thing the reordering rules move.
type chunk struct {
	pre   []string // conjunction and preposition, said before the chunk
	core  []string // the words
	np    bool     // a noun phrase
	def   bool     // definite: the article, a name, a possessive or an idafa
	bare  bool     // a lone indefinite noun: may head an idafa
	verb  bool     // a verb with no object pronoun
	subj  string   // pronoun subject of a verb, said unless a noun phrase precedes
	indef bool     // a singular indefinite noun phrase: takes "a" unless it heads an idafa
	pro   string   // implied subject of a verb, said when no noun phrase is before or after it
	head  byte     // part of speech of the head unit
}

func (c *chunk) words() []string {
	return append(append([]string(nil), c.pre...), c.core...)
}

func prefix(u unit) []string {
	var pre []string
	if u.conj != "" {
		pre = append(pre, u.conj)
	}
	if u.prep != "" {
		pre = append(pre, u.prep)
	}
	return pre
}

// adjOf reports whether a follows head as its adjective: no clitics in
// between and the same definiteness (a possessed noun takes a definite
// adjective).
func adjOf(head, a unit) bool {
	if a.pos != posAdj || a.conj != "" || a.prep != "" || a.poss != "" {
		return false
	}
	if head.poss != "" || head.pos == posName {
		return a.det
	}
	return a.det == head.det
}

// chunks groups units into noun phrases (a noun and its adjectives, the
// adjectives moved before it in English order) and single units.
func chunks(us []unit) []chunk {
	var cs []chunk
	for i := 0; i < len(us); i++ {
		u := us[i]
		if u.en == "" && u.pos != posPunct {
			// A dropped word (قد): keep its clitics only.
			if pre := prefix(u); len(pre) > 0 {
				cs = append(cs, chunk{core: pre, head: posOther})
			}
			continue
		}
		if u.pos != posNoun && u.pos != posName && !(u.pos == posAdj && u.det) {
			c := chunk{pre: prefix(u), head: u.pos}
			switch {
			case u.obj != "":
				c.core = []string{u.en, u.obj}
			case u.subj != "" && u.pos != posVerb:
				c.core = []string{u.en, u.subj} // that he
			default:
				c.core = []string{u.en}
			}
			c.verb = u.pos == posVerb && u.subj == ""
			if u.pos == posVerb {
				c.subj = u.subj
				c.pro = u.pro
			}
			cs = append(cs, c)
			continue
		}
		// A noun phrase: the head and its adjectives.
		j := i + 1
		for j < len(us) && adjOf(u, us[j]) {
			j++
		}
		c := chunk{pre: prefix(u), np: true, head: u.pos}
		c.def = u.det || u.poss != "" || u.pos == posName
		afterDet := i > 0 && us[i-1].pos == posDet
		// هذه الأيام: "these days", not "this the days".
		demo := i > 0 && len(cs) > 0 && demonstrative(us[i-1]) && u.conj == "" && u.prep == "" && u.det
		if demo {
			if d := &cs[len(cs)-1]; len(d.core) == 1 && (u.plural || plural(u.en)) {
				d.core = []string{map[string]string{"this": "these", "that": "those"}[d.core[0]]}
			}
		}
		if u.det && u.pos != posName && !afterDet && !demo && !title(u.en) && !(abstract(u.en) && j == i+1) {
			c.core = append(c.core, "the")
		}
		if u.poss != "" {
			c.core = append(c.core, u.poss)
		}
		for k := j - 1; k > i; k-- {
			c.core = append(c.core, us[k].en)
		}
		head := u.en
		if u.pos == posAdj && u.plural {
			head = pluralize(head) // an adjective as a noun: the Iraqis
		}
		// Arabic counts with a singular noun from eleven on (60 دولة);
		// English wants the plural after any number but one.
		if u.pos == posNoun && !u.plural && i > 0 && us[i-1].pos == posNumber && us[i-1].en != "1" && u.poss == "" && !u.det {
			head = pluralize(head)
		}
		c.core = append(c.core, head)
		c.bare = u.pos == posNoun && !u.det && u.poss == "" && j == i+1 && !u.phrase
		c.indef = u.pos == posNoun && !u.det && u.poss == "" && !u.plural && head == u.en && !afterDet &&
			!(i > 0 && us[i-1].pos == posNumber) && !plural(head)
		cs = append(cs, c)
		i = j - 1
	}
	return cs
}

// reorder applies the reordering rules and returns the English words.
func reorder(us []unit) []string {
	cs := chunks(us)
	cs = idafa(cs)
	// Verb–subject becomes subject–verb when a definite noun phrase (or a
	// coordination of them) follows the verb directly.
	for i := 0; i+1 < len(cs); i++ {
		v := cs[i]
		if !v.verb || !cs[i+1].np || !cs[i+1].def || len(cs[i+1].pre) != 0 {
			continue
		}
		// A noun phrase before the verb is already its subject (SVO),
		// unless it is the object of a preposition (مع الرئيس قال).
		if i > 0 && cs[i-1].np && len(v.pre) == 0 && !prepObject(cs, i-1) {
			continue
		}
		j := i + 2
		// An appositive name belongs to the subject: الرئيس الروسي
		// فلاديمير بوتين.
		for j < len(cs) && cs[j].np && cs[j].head == posName && len(cs[j].pre) == 0 {
			j++
		}
		for j+1 < len(cs) && len(cs[j].core) == 1 && cs[j].core[0] == "and" && cs[j+1].np {
			j += 2
		}
		for j < len(cs) && cs[j].np && len(cs[j].pre) == 1 && cs[j].pre[0] == "and" {
			j++
		}
		subj := append([]chunk(nil), cs[i+1:j]...)
		subj[0].pre = v.pre
		v.pre = nil
		v.pro = ""
		moved := append(subj, v)
		copy(cs[i:j], moved)
		i = j - 1
	}
	// A sentence-initial و is dropped.
	start := true
	for i := range cs {
		if start && len(cs[i].pre) > 0 && (cs[i].pre[0] == "and" || cs[i].pre[0] == "so") {
			cs[i].pre = cs[i].pre[1:]
		}
		start = false
		if len(cs[i].core) == 1 && (cs[i].core[0] == "." || cs[i].core[0] == "!" || cs[i].core[0] == "?" || cs[i].core[0] == ":") {
			start = true
		}
		if len(cs[i].core) == 1 && cs[i].core[0] == "and" && start {
			cs[i].core = nil
		}
	}
	var words []string
	for i := range cs {
		if cs[i].subj != "" && !(i > 0 && (cs[i-1].np || endsWithSubject(cs[i-1]))) {
			words = append(words, cs[i].pre...)
			words = append(words, cs[i].subj)
			words = append(words, agree(cs[i].subj, cs[i].core)...)
			continue
		}
		if cs[i].pro != "" && cs[i].subj == "" && !(i > 0 && (cs[i-1].np || endsWithSubject(cs[i-1]))) &&
			!(i+1 < len(cs) && cs[i+1].np && len(cs[i+1].pre) == 0) {
			words = append(words, cs[i].pre...)
			words = append(words, cs[i].pro)
			words = append(words, cs[i].core...)
			continue
		}
		words = append(words, cs[i].words()...)
	}
	return words
}

// idafa merges chains of bare nouns closed by a definite noun phrase:
// X Y Z → "the X of the Y of Z". Decided right to left so that chains
// nest (a bare noun before a merged chain merges with it, the merged
// chain being definite), then built left to right in one pass, so that
// the time is linear in the number of chunks even for one chain of
// millions of words.
func idafa(cs []chunk) []chunk {
	if len(cs) < 2 {
		return cs
	}
	link := make([]bool, len(cs)) // cs[i] merges with the chain after it
	for i := len(cs) - 2; i >= 0; i-- {
		b := cs[i+1]
		link[i] = cs[i].bare && (link[i+1] || (b.np && b.def)) && len(b.pre) == 0
	}
	out := make([]chunk, 0, len(cs))
	for i := 0; i < len(cs); i++ {
		if !link[i] {
			c := cs[i]
			if c.indef {
				c.core = append([]string{indefArticle(c.core[0])}, c.core...)
			}
			out = append(out, c)
			continue
		}
		m := chunk{pre: cs[i].pre, np: true, def: true, head: posNoun}
		for ; link[i]; i++ {
			m.core = append(m.core, "the")
			m.core = append(m.core, cs[i].core...)
			m.core = append(m.core, "of")
		}
		m.core = append(m.core, cs[i].core...)
		out = append(out, m)
	}
	return out
}

// demonstrative reports whether u is هذا, هذه, ذلك or تلك ("this",
// "that"; determiners in the lexicon, so no "the" follows them).
func demonstrative(u unit) bool {
	return u.pos == posDet && (u.en == "this" || u.en == "that")
}

// title reports whether a gloss is a title said without "the" before a
// name (السيد آدامز: "Mr. Adams").
func title(en string) bool {
	switch en {
	case "Mr.", "Mrs.", "Ms.", "Dr.", "Miss":
		return true
	}
	return false
}

// agree returns a verb's words for a plural pronoun subject: "they
// were", not "they was".
func agree(subj string, core []string) []string {
	if len(core) == 0 || core[0] != "was" {
		return core
	}
	switch subj {
	case "they", "we", "you":
		return append([]string{"were"}, core[1:]...)
	}
	return core
}

// indefArticle returns "an" before a vowel sound, else "a".
func indefArticle(next string) string {
	l := strings.ToLower(next)
	for _, p := range []string{"hour", "honest", "honor", "honour", "heir"} {
		if strings.HasPrefix(l, p) {
			return "an"
		}
	}
	if l != "" && strings.ContainsRune("aeiou", rune(l[0])) && !strings.HasPrefix(l, "uni") && !strings.HasPrefix(l, "one") && !strings.HasPrefix(l, "euro") {
		return "an"
	}
	return "a"
}

// plural reports whether an English noun gloss already looks plural
// (a broken plural glossed "days", "people"): it then takes no "a".
func plural(en string) bool {
	w := en[strings.LastIndexByte(en, ' ')+1:]
	switch w {
	case "people", "men", "women", "children", "police", "news", "data":
		return true
	}
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

// endsWithSubject reports whether a chunk ends with a subject pronoun or a
// relative pronoun, after which a verb needs no pronoun of its own (أنهم
// يريدون: "that they want"; الذين يقومون: "who carry out").
func endsWithSubject(c chunk) bool {
	if len(c.core) == 0 {
		return false
	}
	switch c.core[len(c.core)-1] {
	case "he", "she", "it", "they", "we", "I", "you", "who", "which", "that they", "that he", "that it", "that we", "that I":
		return true
	}
	return false
}

// prepObject reports whether the run of noun phrases ending at cs[k] is
// governed by a preposition: a preposition chunk or proclitic before it.
func prepObject(cs []chunk, k int) bool {
	for k > 0 && cs[k].np && len(cs[k].pre) == 0 && cs[k-1].np {
		k--
	}
	for _, p := range cs[k].pre {
		if p != "and" && p != "so" {
			return true
		}
	}
	return k > 0 && cs[k-1].head == posPrep
}

// render joins words with English spacing around punctuation and
// capitalizes the first letter.
func render(words []string) string {
	var b strings.Builder
	quoteOpen := false
	glue := true // no space before the next word
	for _, w := range words {
		if w == "" {
			continue
		}
		switch w {
		case ",", ".", ";", ":", "!", "?", ")", "%", "]":
			b.WriteString(w)
			glue = false
			continue
		case "(", "[":
			if !glue {
				b.WriteByte(' ')
			}
			b.WriteString(w)
			glue = true
			continue
		case "/", "-", "–":
			b.WriteString(w)
			glue = true
			continue
		case "\"":
			if quoteOpen {
				b.WriteString(w)
				glue = false
			} else {
				if !glue {
					b.WriteByte(' ')
				}
				b.WriteString(w)
				glue = true
			}
			quoteOpen = !quoteOpen
			continue
		}
		if !glue {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		glue = false
	}
	return capitalizeFirst(b.String())
}

func capitalizeFirst(s string) string {
	for i, r := range s {
		if unicode.IsLetter(r) {
			if unicode.IsUpper(r) {
				return s
			}
			return s[:i] + string(unicode.ToUpper(r)) + s[i+utf8.RuneLen(r):]
		}
	}
	return s
}

// pluralize makes the English plural of a gloss's last word.
func pluralize(s string) string {
	i := strings.LastIndexByte(s, ' ')
	head, w := s[:i+1], s[i+1:]
	switch {
	case w == "":
		return s
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		if strings.HasSuffix(w, "ss") || !strings.HasSuffix(w, "s") {
			return head + w + "es"
		}
		return s // already plural
	case strings.HasSuffix(w, "y") && len(w) > 1 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return head + w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "man"):
		return head + w[:len(w)-3] + "men"
	}
	return head + w + "s"
}

// baseVerb turns a third-person present gloss into the base form after
// "will": "says" → "say", "carries" → "carry".
func baseVerb(s string) string {
	w, rest, _ := strings.Cut(s, " ")
	if rest != "" {
		rest = " " + rest
	}
	switch {
	case w == "is":
		return "be" + rest
	case w == "has":
		return "have" + rest
	case strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y" + rest
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "oes"):
		return w[:len(w)-2] + rest
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1] + rest
	}
	return s
}

// abstract reports whether a one-word gloss is an abstract noun
// in -ism or -ness (terrorism, awareness), which English uses without the
// article where Arabic has one: الإرهاب is "terrorism".
func abstract(en string) bool {
	if strings.Contains(en, " ") {
		return false
	}
	for _, suf := range []string{"ism", "ness"} {
		if strings.HasSuffix(en, suf) {
			return true
		}
	}
	return false
}
