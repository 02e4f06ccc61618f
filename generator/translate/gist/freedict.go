package gist

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"strings"

	"github.com/jisr-news/jisr/generator/arabic"
)

// FreeDict is an optional, run-time-only extra source: Debian's
// dict-freedict-ara-eng (GPL-2+) in dictd format. It is never bundled; when
// its files are installed, the gist uses its first sense for words that our
// own lexicon does not know, instead of transliterating them.
var freedictPaths = []string{
	"/usr/share/dictd/freedict-ara-eng.index",
	"/usr/share/dictd/freedict-ara-eng.dict.dz",
}

// loadFreeDict reads the installed FreeDict Arabic–English dictionary into
// a map from normalized single-word headwords to their first English
// sense. It returns nil when the files are missing or unreadable.
func loadFreeDict(indexPath, dictPath string) map[string]string {
	idx, err := os.ReadFile(indexPath)
	if err != nil {
		return nil
	}
	f, err := os.Open(dictPath)
	if err != nil {
		return nil
	}
	defer f.Close()
	var body []byte
	if strings.HasSuffix(dictPath, ".dz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil
		}
		body, err = io.ReadAll(io.LimitReader(zr, 64<<20))
		if err != nil {
			return nil
		}
	} else if body, err = io.ReadAll(io.LimitReader(f, 64<<20)); err != nil {
		return nil
	}
	out := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(idx))
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != 3 || strings.ContainsRune(cols[0], ' ') || !arabic.HasArabic(cols[0]) {
			continue
		}
		off, ok1 := dictB64(cols[1])
		n, ok2 := dictB64(cols[2])
		if !ok1 || !ok2 || off < 0 || n <= 0 || off+n > len(body) {
			continue
		}
		sense := firstSense(string(body[off : off+n]))
		if sense == "" {
			continue
		}
		k := arabic.Normalize(cols[0])
		if _, dup := out[k]; !dup {
			out[k] = sense
		}
	}
	return out
}

// dictB64 decodes a dictd index number (base64 digits, most significant
// first).
func dictB64(s string) (int, bool) {
	const alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	v := 0
	for i := 0; i < len(s); i++ {
		d := strings.IndexByte(alpha, s[i])
		if d < 0 {
			return 0, false
		}
		v = v*64 + d
	}
	return v, true
}

// firstSense returns the first numbered sense of a FreeDict entry,
// lower-cased, without parenthetical notes.
func firstSense(def string) string {
	for _, l := range strings.Split(def, "\n") {
		l = strings.TrimSpace(l)
		if len(l) < 3 || l[0] < '1' || l[0] > '9' {
			continue
		}
		_, s, ok := strings.Cut(l, ". ")
		if !ok {
			continue
		}
		if i := strings.IndexByte(s, '('); i >= 0 {
			s = s[:i]
		}
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), ","))
		if s == "" || strings.ContainsAny(s, "<>&") {
			return "" // never let markup through
		}
		return strings.ToLower(s[:1]) + s[1:]
	}
	return ""
}
