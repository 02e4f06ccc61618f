package manifest

import (
	"testing"

	"github.com/spf13/afero"
)

func TestReadWrite(t *testing.T) {
	fs := afero.NewMemMapFs()
	for _, data := range []string{"", "{", `{"format": 99, "inputs": "x"}`} {
		if data != "" {
			afero.WriteFile(fs, "/c/m.json", []byte(data), 0o644)
		}
		f, err := Read(fs, "/c/m.json")
		if err != nil || f.Inputs != "" || f.Articles == nil || f.Format != Format {
			t.Errorf("Read(%q) = %+v, %v; want an empty manifest", data, f, err)
		}
	}
	f := &File{Format: Format, Inputs: "i", Articles: map[string]Article{"b": {Seed: "1"}, "a": {Seed: "2", Store: "3"}}}
	if err := Write(fs, "/c/m.json", f); err != nil {
		t.Fatal(err)
	}
	b1, _ := afero.ReadFile(fs, "/c/m.json")
	g, err := Read(fs, "/c/m.json")
	if err != nil || g.Inputs != "i" || g.Articles["a"].Store != "3" {
		t.Fatalf("read back %+v, %v", g, err)
	}
	if err := Write(fs, "/c/m.json", g); err != nil {
		t.Fatal(err)
	}
	b2, _ := afero.ReadFile(fs, "/c/m.json")
	if string(b1) != string(b2) {
		t.Errorf("the same manifest gave other bytes:\n%s\n%s", b1, b2)
	}
	if fi, _ := fs.Stat("/c/m.json"); fi.Mode().Perm()&0o644 != 0o644 {
		t.Errorf("mode %v", fi.Mode())
	}
}

func TestDigest(t *testing.T) {
	if New().Add("ab").Add("c").Sum() == New().Add("a").Add("bc").Sum() {
		t.Error("parts are not delimited")
	}
	fs := afero.NewMemMapFs()
	afero.WriteFile(fs, "/d/x", []byte("1"), 0o644)
	afero.WriteFile(fs, "/d/sub/y", []byte("2"), 0o644)
	sum := func(keep func(string) bool) string {
		d := New()
		if err := d.AddTree(fs, "/d", keep); err != nil {
			t.Fatal(err)
		}
		return d.Sum()
	}
	before := sum(nil)
	afero.WriteFile(fs, "/d/sub/y", []byte("3"), 0o644)
	if sum(nil) == before {
		t.Error("a changed file left the digest as it was")
	}
	skipY := func(rel string) bool { return rel != "sub/y" }
	a := sum(skipY)
	afero.WriteFile(fs, "/d/sub/y", []byte("4"), 0o644)
	if sum(skipY) != a {
		t.Error("a file left out changed the digest")
	}
	if New().AddTree(fs, "/missing", nil) != nil {
		t.Error("a missing folder is an error")
	}
}
