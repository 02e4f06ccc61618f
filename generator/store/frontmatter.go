package store

import (
	"bytes"
	"errors"
	"fmt"

	"gopkg.in/yaml.v3"
)

// ErrNoFrontMatter is returned for a page that does not start with a
// "---" line.
var ErrNoFrontMatter = errors.New("no YAML front matter (the file must start with a --- line)")

// marshalFrontMatter renders v as YAML front matter between "---" lines,
// with an empty body: the one writer of every page's front matter.
func marshalFrontMatter(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("---\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	buf.WriteString("---\n")
	return buf.Bytes(), nil
}

// unmarshalFrontMatter decodes the YAML front matter of a page into v: the
// one reader of every page's front matter. A byte order mark and CRLF line
// ends (a page saved by a Windows editor) are accepted. Errors name the
// file and the line, counted in the file.
func unmarshalFrontMatter(file string, data []byte, v any) error {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	if !ok {
		return fmt.Errorf("%s: %w", file, ErrNoFrontMatter)
	}
	if bytes.HasPrefix(rest, []byte("---")) {
		return nil // empty front matter
	}
	end := bytes.Index(rest, []byte("\n---"))
	if end < 0 {
		return fmt.Errorf("%s: front matter not closed (no --- line after it)", file)
	}
	if err := yaml.Unmarshal(rest[:end+1], v); err != nil {
		return parseError(file, rest[:end+1], 1, err)
	}
	return nil
}
