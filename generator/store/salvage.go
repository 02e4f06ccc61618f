package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/afero"
)

// Salvage reads what it can of a segment file that does not parse: each
// segment entry ("  - id: …", as Marshal writes them) is parsed on its own,
// and the entries that parse are kept. It returns them (nil when none
// parse) with the error of each entry that does not. The build renders an
// article whose store a person broke from its salvaged segments, so the
// site keeps every translation that still reads; the file itself is left
// as the person wrote it, for them to fix.
func Salvage(file string, data []byte) (*File, []error) {
	var head []string
	var items [][]string
	var starts []int
	for i, l := range strings.Split(string(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))), "\n") {
		switch {
		case strings.HasPrefix(l, "  - "):
			items = append(items, []string{l})
			starts = append(starts, i)
		case len(items) > 0:
			items[len(items)-1] = append(items[len(items)-1], l)
		default:
			head = append(head, l)
		}
	}
	f := &File{}
	if h, err := Parse(file, []byte(strings.Join(head, "\n")+"\n")); err == nil {
		f.Article = h.Article
	}
	var errs []error
	for i, it := range items {
		segs, err := salvageEntry(file, it)
		if err != nil {
			if pe, ok := err.(*ParseError); ok && pe.Line > 0 {
				pe.Line += starts[i] - 1 // lines of the file, not of the entry
			}
			errs = append(errs, err)
		}
		f.Segments = append(f.Segments, segs...)
	}
	if len(f.Segments) == 0 {
		return nil, errs
	}
	return f, errs
}

// salvageEntry parses one segment entry (its lines). When it does not
// parse, the line at fault is left out, with the lines indented under it,
// and the rest is parsed again: the segment keeps its ID and Arabic, and
// loses only the text a person left broken. It returns the first error.
func salvageEntry(file string, lines []string) ([]Segment, error) {
	var first error
	for range 20 {
		one, err := Parse(file, []byte("segments:\n"+strings.Join(lines, "\n")+"\n"))
		if err == nil {
			return one.Segments, first
		}
		if first == nil {
			first = err
		}
		pe, ok := err.(*ParseError)
		k := 0
		if ok {
			k = pe.Line - 2 // line 1 is "segments:"
		}
		if k < 1 || k >= len(lines) { // never drop the "- id:" line
			return nil, first
		}
		indent := len(lines[k]) - len(strings.TrimLeft(lines[k], " "))
		end := k + 1
		for end < len(lines) && (strings.TrimSpace(lines[end]) == "" || len(lines[end])-len(strings.TrimLeft(lines[end], " ")) > indent) {
			end++
		}
		lines = append(lines[:k:k], lines[end:]...)
	}
	return nil, first
}

// LoadSalvaged is Load for readers of the published site (rendering, the
// search index): a store that does not parse gives its salvaged segments
// (see Salvage) instead of an error.
func LoadSalvaged(fsys afero.Fs, file string) (*File, error) {
	data, err := afero.ReadFile(fsys, file)
	if os.IsNotExist(err) {
		return &File{}, nil // as Load: a missing file is an empty store
	}
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	f, err := Parse(file, data)
	var pe *ParseError
	if errors.As(err, &pe) {
		if f, _ = Salvage(file, data); f == nil {
			f = &File{}
		}
		return f, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return f, nil
}

// LastGood returns a read-only view of fsys in which the segment file of
// each article of bad (IDs whose store does not parse) is replaced by its
// salvaged segments (see Salvage), or hidden when nothing can be salvaged,
// so that rendering never reads a file a person left broken. With no bad
// stores it returns fsys.
func LastGood(fsys afero.Fs, contentDir string, bad map[string]error) (afero.Fs, error) {
	if len(bad) == 0 {
		return fsys, nil
	}
	layer := afero.NewMemMapFs()
	view := afero.NewCopyOnWriteFs(afero.NewReadOnlyFs(fsys), layer)
	for id := range bad {
		file := Path(contentDir, id)
		f, err := LoadSalvaged(fsys, file)
		if err != nil {
			continue // unreadable: rendering reports it
		}
		f.Article = id
		out, err := Marshal(f)
		if err != nil {
			return nil, fmt.Errorf("store: salvage %s: %w", file, err)
		}
		if err := afero.WriteFile(view, file, out, FileMode); err != nil {
			return nil, fmt.Errorf("store: salvage %s: %w", file, err)
		}
	}
	return view, nil
}
