package review

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/generator/translate"
)

// The PO reader and writer are hand-written: the format is small, and no
// Go module on the proxy that we may use reads msgctxt, flags, previous
// msgids and extracted comments together.

// poBase is the extracted-comment prefix that carries the hash of the
// exported English.
const poBase = "jisr-en-hash: "

func exportPO(a *storedArticle, translator string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# jisr review export of article %s (%s).\n", a.store.Article, a.rel)
	b.WriteString("# Edit msgstr. Remove the fuzzy flag to confirm a translation unchanged.\n")
	b.WriteString("# Then run: jisr review import FILE\n")
	b.WriteString("msgid \"\"\nmsgstr \"\"\n")
	if translator == "" {
		translator = "FULL NAME <EMAIL@ADDRESS>"
	}
	for _, h := range []string{
		"Project-Id-Version: jisr " + a.store.Article,
		"Last-Translator: " + translator,
		"Language: en",
		"MIME-Version: 1.0",
		"Content-Type: text/plain; charset=UTF-8",
		"Content-Transfer-Encoding: 8bit",
		"X-Source-Language: ar",
		"X-Jisr-Article: " + a.store.Article,
	} {
		fmt.Fprintf(&b, "%s\n", poQuote(h+"\n"))
	}
	for i := range a.store.Segments {
		s := &a.store.Segments[i]
		b.WriteString("\n")
		fmt.Fprintf(&b, "#. %s\n", poComment("status: "+statusNote(s)))
		if s.Reviewer != "" {
			fmt.Fprintf(&b, "#. %s\n", poComment("reviewer: "+s.Reviewer))
		}
		for _, fd := range a.qa[s.ID] {
			fmt.Fprintf(&b, "#. %s\n", poComment("qa: "+fd.Check+": "+fd.Message))
		}
		fmt.Fprintf(&b, "#. %s%s\n", poBase, store.Hash(s.EN))
		if l := a.lines[s.ID]; l > 0 {
			fmt.Fprintf(&b, "#: %s:%d\n", a.rel, l)
		}
		if s.Status != translate.StatusReviewed {
			b.WriteString("#, fuzzy\n")
		}
		if s.OldAR != "" {
			fmt.Fprintf(&b, "#| msgid %s\n", poQuote(s.OldAR))
		}
		fmt.Fprintf(&b, "msgctxt %s\nmsgid %s\nmsgstr %s\n", poQuote(s.ID), poQuote(s.AR), poQuote(s.EN))
	}
	return b.Bytes()
}

// poQuote writes s as a C-style string literal as gettext reads it.
func poQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\%03o`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// poComment keeps a comment on one line.
func poComment(s string) string {
	return strings.NewReplacer("\n", " ", "\r", " ").Replace(s)
}

// poUnquote reads one C-style string literal.
func poUnquote(lit string) (string, error) {
	lit = strings.TrimSpace(lit)
	if len(lit) < 2 || lit[0] != '"' || lit[len(lit)-1] != '"' {
		return "", fmt.Errorf("not a quoted string: %s", lit)
	}
	var b strings.Builder
	body := lit[1 : len(lit)-1]
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(body) {
			return "", fmt.Errorf("string ends in a backslash: %s", lit)
		}
		switch e := body[i]; e {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'v':
			b.WriteByte('\v')
		case '"', '\\', '\'', '?':
			b.WriteByte(e)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			j := i
			for j < len(body) && j < i+3 && body[j] >= '0' && body[j] <= '7' {
				j++
			}
			n, _ := strconv.ParseUint(body[i:j], 8, 8)
			b.WriteByte(byte(n))
			i = j - 1
		default:
			return "", fmt.Errorf("unknown escape \\%c in %s", e, lit)
		}
	}
	return b.String(), nil
}

type poEntry struct {
	ctx, id, str string
	fuzzy        bool
	base         string
	line         int
	seen         bool
}

// parsePO reads a PO file. The article comes from the X-Jisr-Article
// header, else from the file name's stem.
func parsePO(data []byte, stem string) ([]unit, error) {
	var entries []poEntry
	var cur poEntry
	var field *string
	flush := func() {
		if cur.seen {
			entries = append(entries, cur)
		}
		cur, field = poEntry{}, nil
	}
	sc := bufio.NewScanner(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		keyword := func(kw string) (string, bool) {
			rest, ok := strings.CutPrefix(line, kw+" ")
			return rest, ok
		}
		switch {
		case line == "":
			if cur.seen {
				flush()
			}
		case strings.HasPrefix(line, "#~"):
			// an obsolete entry: not ours to import
		case strings.HasPrefix(line, "#,"):
			if cur.seen && field != nil {
				flush()
			}
			for _, f := range strings.Split(line[2:], ",") {
				if strings.TrimSpace(f) == "fuzzy" {
					cur.fuzzy = true
				}
			}
		case strings.HasPrefix(line, "#."):
			if cur.seen && field != nil {
				flush()
			}
			if h, ok := strings.CutPrefix(strings.TrimSpace(line[2:]), poBase); ok {
				cur.base = strings.TrimSpace(h)
			}
		case strings.HasPrefix(line, "#"):
			if cur.seen && field != nil {
				flush()
			}
		case strings.HasPrefix(line, `"`):
			if field == nil {
				return nil, fmt.Errorf("line %d: a string outside an entry", n)
			}
			s, err := poUnquote(line)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			*field += s
		default:
			var target *string
			rest, ok := "", false
			if rest, ok = keyword("msgctxt"); ok {
				if cur.seen {
					flush()
				}
				target = &cur.ctx
			} else if rest, ok = keyword("msgid"); ok {
				if cur.seen && cur.line > 0 && field == &cur.str {
					flush()
				}
				target = &cur.id
			} else if rest, ok = keyword("msgstr"); ok {
				target = &cur.str
			} else if _, ok = keyword("msgid_plural"); ok {
				return nil, fmt.Errorf("line %d: plural entries are not jisr's", n)
			} else {
				return nil, fmt.Errorf("line %d: unexpected %q", n, line)
			}
			s, err := poUnquote(rest)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			*target, field, cur.seen = s, target, true
			if cur.line == 0 {
				cur.line = n
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flush()

	art, translator := stem, ""
	var out []unit
	for _, e := range entries {
		if e.id == "" && e.ctx == "" {
			for _, h := range strings.Split(e.str, "\n") {
				k, v, _ := strings.Cut(h, ":")
				v = strings.TrimSpace(v)
				switch strings.TrimSpace(k) {
				case "X-Jisr-Article":
					if v != "" {
						art = v
					}
				case "Last-Translator":
					if v != "" && !strings.HasPrefix(v, "FULL NAME") {
						translator = v
					}
				}
			}
			continue
		}
		if e.ctx == "" {
			return nil, fmt.Errorf("line %d: entry without msgctxt (jisr puts the segment ID there)", e.line)
		}
		out = append(out, unit{article: art, segment: e.ctx, source: e.id, target: e.str, confirmed: !e.fuzzy, base: e.base})
	}
	for i := range out {
		out[i].reviewer = translator
	}
	return out, nil
}
