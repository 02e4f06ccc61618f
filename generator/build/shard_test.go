package build

import (
	"context"
	"path"
	"strings"
	"testing"
)

func TestParseShard(t *testing.T) {
	for _, bad := range []string{"", "0/2", "3/2", "1", "a/b", "1/0", "-1/2"} {
		if _, err := ParseShard(bad); err == nil {
			t.Errorf("ParseShard(%q) accepted", bad)
		}
	}
	if s, err := ParseShard("2/4"); err != nil || s != (Shard{K: 2, N: 4}) {
		t.Errorf("ParseShard(2/4) = %v, %v", s, err)
	}
}

// N shards, each translated from the same checkout in its own job, write
// only their own articles' segments.yaml; their union is the store that
// one `jisr translate` (Prepare) writes.
func TestShardsGiveTheSameStore(t *testing.T) {
	base := incrementalSite(t)
	o := Options{Engines: withUpper(), Engine: "test-upper"}
	open := func(t *testing.T, o Options) *Project {
		t.Helper()
		o.Root = "/p"
		p, err := Open(o)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	one := copyFs(t, base)
	o.Fs = one
	if _, _, err := open(t, o).Prepare(context.Background()); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for name, data := range tree(t, one, "/p/content") {
		if path.Base(name) == "segments.yaml" {
			want[name] = data
		}
	}
	if len(want) < 4 {
		t.Fatalf("one run stored %d articles", len(want))
	}
	const n = 3
	got := map[string]string{}
	nonEmpty := 0
	for k := 1; k <= n; k++ {
		job := copyFs(t, base)
		o.Fs = job
		s := Shard{K: k, N: n}
		sum, err := open(t, o).TranslateShard(context.Background(), s)
		if err != nil {
			t.Fatal(err)
		}
		files := tree(t, job, "/p/content")
		if len(files) > 0 {
			nonEmpty++
		}
		for name, data := range files {
			id := strings.Split(strings.TrimPrefix(name, "/articles/"), "/")[0]
			if path.Base(name) != "segments.yaml" || !s.Has(id) {
				t.Errorf("shard %s wrote %s", s, name)
			}
			if _, dup := got[name]; dup {
				t.Errorf("%s written by two shards", name)
			}
			got[name] = data
		}
		if sum.Articles != len(files) {
			t.Errorf("shard %s: %d articles, %d files", s, sum.Articles, len(files))
		}
	}
	if nonEmpty < 2 {
		t.Errorf("only %d of %d shards had articles: the test shows nothing", nonEmpty, n)
	}
	diffTrees(t, "store", got, want)
}
