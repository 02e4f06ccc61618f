package store

import (
	"errors"
	"reflect"
	"testing"

	"gopkg.in/yaml.v3"
)

// FuzzLoad feeds arbitrary bytes to the store reader: it must never panic,
// a file it refuses is a *ParseError, and a file it accepts is written
// back (Marshal) and read again to the same segments.
func FuzzLoad(f *testing.F) {
	f.Add([]byte("article: a\nsegments:\n  - id: p1-1\n    kind: paragraph\n    block: 1\n    ar: |\n      نص\n    en: |\n      Text #1: \"x\"\n    status: machine\n    src: abc\n"))
	f.Add([]byte("article: a\nsegments:\n  - id: title\n    ar: عنوان\n    en: A title # cut\n"))
	f.Add([]byte("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"))
	f.Add([]byte("article: ../../x\nsegments: {}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if fast, _, ok := decodeCanonical(data); ok { // Parse's fast path must read as yaml.v3 does
			var slow File
			if err := yaml.Unmarshal(data, &slow); err != nil || !reflect.DeepEqual(normal(fast), normal(&slow)) {
				t.Fatalf("fast path read %+v, yaml.v3 %+v (%v)", fast, slow, err)
			}
		}
		file, err := Parse("segments.yaml", data)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T is not a *ParseError: %v", err, err)
			}
			return
		}
		out, err := Marshal(file)
		if err != nil {
			return // a value Marshal cannot write (reported to the caller)
		}
		again, err := Parse("segments.yaml", out)
		if err != nil {
			t.Fatalf("a store jisr wrote does not read back: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(normal(file), normal(again)) {
			t.Fatalf("round trip changed the store:\n%+v\n%+v\n%s", file, again, out)
		}
	})
}

// normal treats a nil and an empty segment list alike.
func normal(f *File) File {
	g := *f
	if len(g.Segments) == 0 {
		g.Segments = nil
	}
	return g
}
