package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/internal/testenv"
)

// query is one search, as a reader makes it on a page in Lang.
type query struct{ Q, Lang string }

// answer is what one search gives: every matching doc, best first, the
// parts it loaded (term parts, then the metadata parts of the hits shown)
// and the paths of the hits shown.
type answer struct {
	IDs   []int    `json:"ids"`
	Parts []string `json:"parts"`
	Paths []string `json:"paths"`
}

func mustFiles(t testing.TB, x *Index, partBytes int) *Files {
	t.Helper()
	f, err := x.files(partBytes)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func reader(t testing.TB, x *Index, partBytes int) *Reader {
	t.Helper()
	f := mustFiles(t, x, partBytes)
	r, err := OpenReader(f.First, func(n string) ([]byte, error) {
		if b, ok := f.Parts[n]; ok {
			return b, nil
		}
		return nil, fmt.Errorf("no part %s", n)
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// goSearch answers q over the parts, from a fresh reader (a reader's
// first search).
func goSearch(t testing.TB, f *Files, q query) answer {
	t.Helper()
	r, err := OpenReader(f.First, func(n string) ([]byte, error) {
		if b, ok := f.Parts[n]; ok {
			return b, nil
		}
		return nil, fmt.Errorf("no part %s", n)
	})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := goAnswer(t, r, q)
	return a
}

// goAnswer searches with r and loads the hits shown; it returns the
// answer and the bytes the search loaded.
func goAnswer(t testing.TB, r *Reader, q query) (answer, int) {
	t.Helper()
	before, n := r.Bytes, len(r.Loaded)
	ids, err := r.Search(q.Q, q.Lang)
	if err != nil {
		t.Fatalf("%q: %v", q.Q, err)
	}
	a := answer{IDs: nonNilInts(ids), Paths: []string{}}
	for _, d := range ids[:min(len(ids), Shown)] {
		p, _, _, err := r.Doc(d)
		if err != nil {
			t.Fatal(err)
		}
		a.Paths = append(a.Paths, p)
	}
	a.Parts = append([]string{}, r.Loaded[n:]...)
	return a, r.Bytes - before
}

func nonNilInts(s []int) []int {
	if s == nil {
		return []int{}
	}
	return s
}

// writeFiles writes the index as the site publishes it, under dir/js.
func writeFiles(t testing.TB, f *Files) string {
	t.Helper()
	dir := t.TempDir()
	fs := afero.NewOsFs()
	for n, b := range f.Parts {
		if err := afero.WriteFile(fs, filepath.Join(dir, "js", "search-index", n+".js"), b, 0o644); err != nil {
			if err := fs.MkdirAll(filepath.Join(dir, "js", "search-index"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := afero.WriteFile(fs, filepath.Join(dir, "js", "search-index", n+".js"), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "js", "search-index.js"), f.First, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// nodeSearch runs the browser's matcher (static/js/search.js) under Node
// on the published parts: for each query, from a fresh start, it loads
// the parts the script plans, matches, and loads the metadata parts of
// the hits shown.
func nodeSearch(t testing.TB, f *Files, qs []query) []answer {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed; the browser tests (internal/browsertest) cover the matcher")
	}
	dir := writeFiles(t, f)
	qj, _ := json.Marshal(qs)
	qf := filepath.Join(dir, "queries.json")
	if err := os.WriteFile(qf, qj, 0o644); err != nil {
		t.Fatal(err)
	}
	prog := `
const [script, dir, qf] = process.argv.slice(1);
const fs = require("fs"), vm = require("vm");
global.window = {};
const s = require(script);
const run = f => vm.runInThisContext(fs.readFileSync(f, "utf8"), {filename: f});
const out = JSON.parse(fs.readFileSync(qf, "utf8")).map(q => {
  window.JISR_SEARCH = undefined; window.JISR_SEARCH_PARTS = {};
  run(dir + "/js/search-index.js");
  const ix = window.JISR_SEARCH, parts = [];
  const load = ns => ns.forEach(n => { if (!window.JISR_SEARCH_PARTS[n]) { run(dir + "/js/search-index/" + n + ".js"); parts.push(n); } });
  load(s.plan(ix, q.Q));
  const ids = s.match(ix, window.JISR_SEARCH_PARTS, q.Q, q.Lang), shown = ids.slice(0, s.shown);
  load(s.metaParts(ix, shown));
  return {ids, parts, paths: shown.map(d => s.entry(ix, window.JISR_SEARCH_PARTS, d)[2])};
});
process.stdout.write(JSON.stringify(out));
`
	cmd := exec.Command(node, "-e", prog, filepath.Join(testenv.RepoRoot(t), "static", "js", "search.js"), dir, qf)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var out []answer
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("node output %.200q: %v", b, err)
	}
	return out
}

// probeQueries returns queries made of the indexed words of docs, as
// written: single words, pairs of words from one doc (often in two
// parts), a prefix and a doc's whole title.
func probeQueries(docs []Doc, lang string) []query {
	var qs []query
	for i, d := range docs {
		if d.Lang != lang && lang != "" {
			continue
		}
		toks := arabicTokens(d.Title + " " + join(d.Text))
		for j := 3; j+9 < len(toks) && j < 60; j += 19 {
			qs = append(qs, query{toks[j], d.Lang}, query{toks[j] + " " + toks[j+9], d.Lang})
			if r := []rune(toks[j]); len(r) >= 6 {
				qs = append(qs, query{string(r[:5]), d.Lang})
			}
		}
		if i%7 == 0 {
			qs = append(qs, query{d.Title, d.Lang})
		}
	}
	return qs
}

// TestPartsAgreeWithWhole: the parts answer every query as the whole
// index in memory does, in the same order, with parts small enough that
// words and prefixes fall in different parts, and the names of pages too.
func TestPartsAgreeWithWhole(t *testing.T) {
	docs := fixtureDocs()
	if testing.Short() {
		t.Log("-short: the fixture only")
	} else if snn := loadSaudiNewsNetOr(t, 400); snn != nil {
		docs = append(snn, docs...)
	}
	x := New(docs)
	for _, pb := range []int{200, 2000, PartBytes} {
		f := mustFiles(t, x, pb)
		qs := probeQueries(docs, "")
		qs = append(qs, query{"داعش", "ar"}, query{"Putin", "en"}, query{"دولة القانون", "ar"}, query{"Islamic State", "en"})
		multi, differ := 0, 0
		for _, q := range qs {
			want := nonNilInts(x.Search(q.Q, q.Lang))
			got := goSearch(t, f, q)
			if fmt.Sprint(got.IDs) != fmt.Sprint(want) {
				differ++
				if differ < 5 {
					t.Errorf("parts of %d bytes, %q: %v, whole index %v", pb, q.Q, got.IDs, want)
				}
			}
			terms := 0
			for _, p := range got.Parts {
				if p[0] == 't' {
					terms++
				}
			}
			if terms > 1 {
				multi++
			}
		}
		t.Logf("parts of %d bytes: %d term parts; %d queries, %d read more than one term part, %d differ", pb, len(f.Parts)-(len(docs)+MetaDocs-1)/MetaDocs, len(qs), multi, differ)
		if multi == 0 {
			t.Errorf("parts of %d bytes: no query read two term parts; the test proves nothing", pb)
		}
	}
}

// The same input gives the same bytes.
func TestFilesDeterministic(t *testing.T) {
	a := mustFiles(t, New(fixtureDocs()), 300)
	b := mustFiles(t, New(fixtureDocs()), 300)
	if !bytes.Equal(a.First, b.First) || len(a.Parts) != len(b.Parts) {
		t.Fatal("two indexes of the same docs differ")
	}
	for n, p := range a.Parts {
		if !bytes.Equal(p, b.Parts[n]) {
			t.Errorf("part %s differs", n)
		}
	}
}

// WriteIndex writes the first file and the parts, and removes the parts
// of an earlier, larger index.
func TestWriteIndex(t *testing.T) {
	fs := afero.NewMemMapFs()
	big := append(fixtureDocs(), fixtureDocs()...)
	for i := range 40 {
		big = append(big, Doc{Kind: KindArticle, Lang: "ar", Path: fmt.Sprintf("articles/x%d/", i), Title: fmt.Sprintf("خبر %d", i)})
	}
	if _, err := WriteIndex(fs, "/site/js/search-index.js", big); err != nil {
		t.Fatal(err)
	}
	n, err := WriteIndex(fs, "/site/js/search-index.js", fixtureDocs())
	if err != nil {
		t.Fatal(err)
	}
	f := mustFiles(t, New(fixtureDocs()), PartBytes)
	if n != f.Size() {
		t.Errorf("WriteIndex wrote %d bytes, the index has %d", n, f.Size())
	}
	if b, _ := afero.ReadFile(fs, "/site/js/search-index.js"); !bytes.Equal(b, f.First) {
		t.Error("first file differs from Files().First")
	}
	left, _ := afero.ReadDir(fs, "/site/js/search-index")
	if len(left) != len(f.Parts) {
		t.Errorf("%d files in the parts folder, want %d (old parts removed)", len(left), len(f.Parts))
	}
	for _, fi := range left {
		if _, ok := f.Parts[fi.Name()[:len(fi.Name())-3]]; !ok {
			t.Errorf("stale part %s left", fi.Name())
		}
	}
}

// TestAgreesWithSingleFile compares the search with the one of the
// single-file index it replaced, which gave the title bonus when the
// folded query was a substring of the title (and so needed every hit's
// title): the pages found are the same, always; the order of the hits
// shown is logged (it differs where a word matched the title by its stem
// but not as typed, or the other way round).
func TestAgreesWithSingleFile(t *testing.T) {
	docs := fixtureDocs()
	if snn := loadSaudiNewsNetOr(t, 400); snn != nil && !testing.Short() {
		docs = append(snn, docs...)
	}
	x := New(docs)
	fold := FoldTable()
	substring := func(d int, whole string) bool {
		return whole != "" && strings.Contains(foldQuery(fold, x.Docs[d].Title), whole)
	}
	qs := probeQueries(docs, "")
	same, sameTop := 0, 0
	for _, q := range qs {
		now := x.Search(q.Q, q.Lang)
		before, err := rankWith(&whole{x: x}, fold, x.Pre, x.Suf, x.Stop, q.Q, q.Lang, substring)
		if err != nil {
			t.Fatal(err)
		}
		a, b := append([]int(nil), now...), append([]int(nil), before...)
		sort.Ints(a)
		sort.Ints(b)
		if fmt.Sprint(a) != fmt.Sprint(b) {
			t.Errorf("%q: found %d pages, the single-file index %d", q.Q, len(a), len(b))
		}
		if fmt.Sprint(now) == fmt.Sprint(before) {
			same++
		}
		if fmt.Sprint(now[:min(len(now), Shown)]) == fmt.Sprint(before[:min(len(before), Shown)]) {
			sameTop++
		}
	}
	t.Logf("%d queries: the same pages found for all; the same order for %d (%.1f%%), the same %d hits shown in the same order for %d (%.1f%%)",
		len(qs), same, 100*float64(same)/float64(len(qs)), Shown, sameTop, 100*float64(sameTop)/float64(len(qs)))
}
