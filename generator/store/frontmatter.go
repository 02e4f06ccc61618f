package store

import (
	"bytes"
	"encoding/json"
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

// marshalJSONFrontMatter renders v as JSON front matter (Hugo reads a page
// that starts with "{" as JSON), with an empty body: the one writer of the
// front matter of the pages that jisr rewrites on every build from their
// inputs, article index pages and review pages, which nobody edits (their
// texts come from seeds/ and segments.yaml). Hugo parses JSON front matter
// with encoding/json, about 6 times faster than YAML (measured on the
// pages of 1,000 real articles: 10 MB of front matter, 4.5 s as YAML,
// 0.8 s as JSON, on the 2 shared cores); term pages, which people edit,
// stay YAML. Keys are the yaml keys (each type carries matching json
// tags), one per line, indented, so the pages still diff well.
func marshalJSONFrontMatter(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// unmarshalFrontMatter decodes the YAML front matter of a page into v: the
// one reader of every page's front matter. A byte order mark and CRLF line
// ends (a page saved by a Windows editor) are accepted. Errors name the
// file and the line, counted in the file. A page that starts with "{" has
// JSON front matter (marshalJSONFrontMatter).
func unmarshalFrontMatter(file string, data []byte, v any) error {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if bytes.HasPrefix(data, []byte("{")) {
		if err := json.NewDecoder(bytes.NewReader(data)).Decode(v); err != nil {
			return fmt.Errorf("%s: JSON front matter: %w", file, err)
		}
		return nil
	}
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
