package render

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// With MemProfileEnv set, Render writes a heap profile (gzipped, as
// runtime/pprof writes it) and the same site as without.
func TestMemProfile(t *testing.T) {
	fs := shardProject(t, 8, true)
	site := Site{BaseURL: "https://example.org/", ShardSize: 4}
	want, _, _ := renderAll(t, fs, site)
	name := filepath.Join(t.TempDir(), "heap.pprof")
	t.Setenv(MemProfileEnv, name)
	got, _, _ := renderAll(t, fs, site)
	compareTrees(t, got, want)
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
		t.Errorf("%s: not a profile: % x", name, data[:min(len(data), 8)])
	}
}
