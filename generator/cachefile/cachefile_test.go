package cachefile

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/spf13/afero"
)

type payload struct {
	Names []uint32
	N     int
}

func write(t *testing.T, fs afero.Fs, tag string, words ...string) []byte {
	t.Helper()
	var s Strings
	p := payload{N: len(words)}
	for _, w := range words {
		p.Names = append(p.Names, s.ID(w))
	}
	if err := Write(fs, "/c", "test cache 1", tag, &s, p); err != nil {
		t.Fatal(err)
	}
	data, _ := afero.ReadFile(fs, "/c")
	return data
}

// What Write keeps, Read gives back, each string once in the table; the
// same input gives the same bytes.
func TestRoundTrip(t *testing.T) {
	fs := afero.NewMemMapFs()
	first := write(t, fs, "build-1", "a", "b", "a", "")
	var p payload
	table, ok := Read(fs, "/c", "test cache 1", "build-1", &p)
	if !ok {
		t.Fatal("a cache just written is not read")
	}
	if !reflect.DeepEqual(table, Table{"a", "b", ""}) || !reflect.DeepEqual(p, payload{Names: []uint32{0, 1, 0, 2}, N: 4}) {
		t.Fatalf("read %q %+v", table, p)
	}
	if s, ok := table.At(3); ok || s != "" {
		t.Errorf("At past the table = %q, %v", s, ok)
	}
	if again := write(t, fs, "build-1", "a", "b", "a", ""); !bytes.Equal(first, again) {
		t.Error("the same cache gave other bytes")
	}
	if info, err := fs.Stat("/c"); err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, %v", info.Mode(), err)
	}
}

// A cache of another build, another format, a damaged or a missing file
// is not read.
func TestNotTrusted(t *testing.T) {
	fs := afero.NewMemMapFs()
	data := write(t, fs, "build-1", "a", "b")
	var p payload
	if _, ok := Read(fs, "/c", "test cache 1", "build-2", &p); ok {
		t.Error("read a cache written by another build")
	}
	if _, ok := Read(fs, "/c", "test cache 2", "build-1", &p); ok {
		t.Error("read a cache of another format")
	}
	for _, n := range []int{0, 1, len(data) / 2, len(data) - 1} {
		afero.WriteFile(fs, "/c", data[:n], 0o644)
		if _, ok := Read(fs, "/c", "test cache 1", "build-1", &p); ok {
			t.Errorf("read a cache cut at %d of %d bytes", n, len(data))
		}
	}
	if _, ok := Read(fs, "/missing", "test cache 1", "build-1", &p); ok {
		t.Error("read a missing file")
	}
}

// An empty cache is written and read as empty.
func TestEmpty(t *testing.T) {
	fs := afero.NewMemMapFs()
	write(t, fs, "b")
	var p payload
	table, ok := Read(fs, "/c", "test cache 1", "b", &p)
	if !ok || len(table) != 0 || p.N != 0 {
		t.Fatalf("empty cache: %q %+v %v", table, p, ok)
	}
}
