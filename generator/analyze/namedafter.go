package analyze

import (
	"strings"

	"github.com/jisr-news/jisr/generator/arabic"
)

// Institutions and places named after a person: مستشفى الملك فهد is King
// Fahd Hospital, جامعة السلطان قابوس Sultan Qaboos University, برج ترامب
// Trump Tower. The person is not mentioned there; counting the name as a
// mention of King Fahd or of Donald Trump would put a hospital on his
// page. A head word below, followed by a person (a gazetteer match, a
// royal or religious title with name words, or a name the tagger found),
// makes one entity of the head and the name, with an English name in the
// order English news writes it ("King Fahd Hospital").

// namedHead is a head word that names a thing after a person: its
// English word and the entity type.
type namedHead struct {
	en  string
	typ Type
}

var namedHeads = func() map[string]namedHead {
	m := map[string]namedHead{}
	for _, h := range []struct {
		ar, en string
		typ    Type
	}{
		{"مستشفى", "Hospital", Organization}, {"جامعة", "University", Organization},
		{"كلية", "College", Organization}, {"معهد", "Institute", Organization},
		{"مدرسة", "School", Organization}, {"مركز", "Centre", Organization},
		{"مؤسسة", "Foundation", Organization}, {"جائزة", "Prize", Organization},
		{"مكتبة", "Library", Organization}, {"صندوق", "Fund", Organization},
		{"مدينة", "City", Place}, {"شارع", "Street", Place}, {"طريق", "Road", Place},
		{"برج", "Tower", Place}, {"مسجد", "Mosque", Place}, {"جامع", "Mosque", Place},
		{"مطار", "Airport", Place}, {"ميناء", "Port", Place}, {"جسر", "Bridge", Place},
		{"قاعة", "Hall", Place}, {"ملعب", "Stadium", Place}, {"استاد", "Stadium", Place},
		{"ستاد", "Stadium", Place}, {"قاعدة", "Air Base", Place}, {"حي", "district", Place},
	} {
		m[arabic.Normalize(h.ar)] = namedHead{h.en, h.typ}
	}
	return m
}()

// namedTitles are the titles that name-giving uses (الملك فهد), with
// their English.
var namedTitles = map[string]string{
	arabic.Normalize("الملك"): "King", arabic.Normalize("الأمير"): "Prince",
	arabic.Normalize("السلطان"): "Sultan", arabic.Normalize("الشيخ"): "Sheikh",
	arabic.Normalize("الإمام"): "Imam", arabic.Normalize("الملكة"): "Queen",
}

// headAt returns the named-thing head at token i (with و ب ل ف or ال
// before it, too).
func headAt(s *segTokens, i int) (namedHead, bool) {
	k := s.keys[i]
	if h, ok := namedHeads[k]; ok {
		return h, true
	}
	for _, p := range []string{"و", "ب", "ل", "ف", "وب", "ول", "ال", "بال", "وال", "لل"} {
		if rest, ok := strings.CutPrefix(k, p); ok {
			if h, ok := namedHeads[rest]; ok {
				return h, true
			}
		}
	}
	return namedHead{}, false
}

// namedAfterPass finds, before the gazetteer pass, head words followed by
// a known person or by a title and name words, and marks them used.
func (an *Analyzer) namedAfterPass(st []*segTokens) []match {
	var out []match
	for si, s := range st {
		for i := 0; i+1 < len(s.toks); i++ {
			h, ok := headAt(s, i)
			if !ok || s.used[i] || !joinable(s.seg.Text[s.toks[i].End:s.toks[i+1].Start]) {
				continue
			}
			var en string
			end := 0
			if p, ok := an.matchAt(s, si, i+1, nil); ok && p.typ == Person {
				e := an.g.Entries()[p.entry]
				en, end = e.EN, p.end
				if title, ok := namedTitles[s.keys[i+1]]; ok && p.end-p.start > 1 {
					// الملك عبدالله: "King Abdullah", not the entry's
					// "King Abdullah of Saudi Arabia".
					if !strings.HasPrefix(en, title+" ") {
						en = title + " " + arabic.Transliterate(textOf(s, i+2, p.end))
					} else if of := strings.Index(en, " of "); of > 0 {
						en = en[:of]
					}
				} else if p.end-p.start == 1 {
					// برج ترامب: English names the thing by the surname.
					en = e.EN[strings.LastIndex(e.EN, " ")+1:]
				}
			} else if title, ok := namedTitles[s.keys[i+1]]; ok {
				end = i + 2
				for end < len(s.toks) && end-i < 6 && !s.used[end] && titledNameWord(s.keys[end]) && joinable(s.seg.Text[s.toks[end-1].End:s.toks[end].Start]) {
					end++
				}
				// A name does not end in بن or عبد (جائزة الأمير محمد بن
				// فهد بن …, cut by the length limit).
				for end > i+2 && joiners[s.keys[end-1]] {
					end--
				}
				if end == i+2 {
					continue
				}
				en = title + " " + arabic.Transliterate(textOf(s, i+2, end))
			} else {
				continue
			}
			m := an.nameOf(s, si, i, end, h.typ)
			m.nameEN = en + " " + h.en
			out = append(out, m)
			s.claim(i, end)
			i = end - 1
		}
	}
	return out
}

// namedAfterTagged turns the tagger's persons right after a free head
// word into the named thing (جامعة + السلطان قابوس).
func (an *Analyzer) namedAfterTagged(st []*segTokens, ms []match) []match {
	for k, m := range ms {
		if m.entry >= 0 || m.typ != Person || m.start == 0 {
			continue
		}
		s := st[m.seg]
		h, ok := headAt(s, m.start-1)
		if !ok || s.used[m.start-1] {
			continue
		}
		n := an.nameOf(s, m.seg, m.start-1, m.end, h.typ)
		n.nameEN = arabic.Transliterate(m.nameAR) + " " + h.en
		s.used[m.start-1] = true
		ms[k] = n
	}
	return ms
}

// titledNameWord reports whether k can continue a name after a title: a given
// name, a word Wikidata's names use, or بن and عبد.
func titledNameWord(k string) bool {
	if joiners[k] {
		return true
	}
	// بأم, وفهد: a proclitic on a name word ends the name.
	for _, p := range []string{"ب", "ل", "و", "ف"} {
		if rest, ok := strings.CutPrefix(k, p); ok && arabic.NameWordCount(rest) > arabic.NameWordCount(k) {
			return false
		}
	}
	if stopWords[k] || commonWord(k) && arabic.NameWordCount(k) < 10 {
		return false
	}
	return arabic.IsGivenName(k) || arabic.NameWordCount(k) >= 3
}

// joiners are the words inside a name that cannot end it.
var joiners = keySet("بن", "عبد", "ابن", "آل", "ال", "بنت", "ابو")

// textOf returns the text of tokens [i, end) of s as written.
func textOf(s *segTokens, i, end int) string {
	return s.seg.Text[s.toks[i].Start:s.toks[end-1].End]
}
