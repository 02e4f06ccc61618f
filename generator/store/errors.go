package store

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// ParseError is a content file that does not parse, or whose text would
// not read back as a person typed it. It names the file, the line and the
// column (1-based, counted in the file), and says what to fix. The build
// leaves such a file untouched and keeps the article's last good version
// on the site.
type ParseError struct {
	File         string
	Line, Column int
	Msg          string // what is wrong
	Fix          string // what to do about it
}

func (e *ParseError) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc = fmt.Sprintf("%s:%d:%d", e.File, e.Line, e.Column)
	}
	s := loc + ": " + e.Msg
	if e.Fix != "" {
		s += "; " + e.Fix
	}
	return s
}

// FixText tells how to write a text in a YAML store so that every
// character is kept.
const FixText = "write the text as a block: put | after the key (en: |) and the text on the next lines, " +
	"indented two spaces more than the key; in a block #, :, quotes and a leading - are plain text. " +
	"The rest of the file is kept as it is"

var lineRE = regexp.MustCompile(`line (\d+): (.*)`)

// parseError turns a yaml.v3 error about data (read from file) into a
// ParseError. offset is the number of lines of file before data (1 for a
// front matter's opening "---").
func parseError(file string, data []byte, offset int, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	pe := &ParseError{File: file, Msg: msg, Fix: FixText}
	if m := lineRE.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		if bad := badValueLine(data, n); bad > 0 {
			n = bad
		}
		pe.Line, pe.Msg = n+offset, m[2]
		pe.Column = valueColumn(data, n)
	}
	return pe
}

// badValueLine returns the first line from n on (1-based) whose value,
// after its key, is not valid YAML by itself (a quoted text followed by
// more words, say), or 0. yaml.v3 reports some errors at the line where
// the enclosing mapping starts; this finds the line a person typed.
func badValueLine(data []byte, n int) int {
	lines := strings.Split(string(data), "\n")
	for i := max(n-1, 0); i < len(lines); i++ {
		k := keyRE.FindString(lines[i])
		if k == "" || len(k) == len(lines[i]) {
			continue
		}
		var v map[string]any
		if yaml.Unmarshal([]byte("k: "+lines[i][len(k):]), &v) != nil {
			return i + 1
		}
	}
	return 0
}

var keyRE = regexp.MustCompile(`^\s*(?:-\s+)?[A-Za-z_][A-Za-z0-9_]*:\s*`)

// valueColumn returns the column where the value of line n (1-based) of
// data starts, after its key: where the text that needs fixing begins.
func valueColumn(data []byte, n int) int {
	lines := strings.Split(string(data), "\n")
	if n < 1 || n > len(lines) {
		return 1
	}
	l := lines[n-1]
	if m := keyRE.FindString(l); m != "" && len(m) < len(l) {
		return len([]rune(m)) + 1
	}
	return len([]rune(l)) - len([]rune(strings.TrimLeft(l, " "))) + 1
}
