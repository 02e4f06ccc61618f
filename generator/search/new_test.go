package search

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/arabic"
)

// newBefore is New as it was before terms were numbered: the oracle of
// TestNewMatchesBefore.
func newBefore(docs []Doc) *Index {
	x := &Index{Docs: docs}
	post := map[string][]int{}
	inTitle := map[string][]int{} // the docs whose title has the term
	pre, suf := map[string]int{}, map[string]int{}
	// Segmenting a word is costly and news repeats its words: each
	// distinct token is keyed once.
	type keyed struct{ k, p, s string }
	memo := map[string]keyed{}
	for i, d := range docs {
		seen := map[string]bool{}
		texts := append([]string{d.Title}, d.Text...)
		for ti, t := range texts {
			for _, tok := range arabic.Tokenize(t) {
				kd, ok := memo[tok.Text]
				if !ok {
					kd.k, kd.p, kd.s = key(tok.Text)
					memo[tok.Text] = kd
				}
				k, p, s := kd.k, kd.p, kd.s
				if k == "" {
					continue
				}
				if p != "" {
					pre[p]++
				}
				if s != "" {
					suf[s]++
				}
				if !seen[k] {
					seen[k] = true
					post[k] = append(post[k], i)
					if ti == 0 {
						inTitle[k] = append(inTitle[k], i)
					}
				}
			}
		}
	}
	for k, ds := range post {
		if len(docs) >= StopMinDocs && float64(len(ds)) > StopShare*float64(len(docs)) {
			x.Stop = append(x.Stop, k)
			continue
		}
		x.Terms = append(x.Terms, k)
	}
	sort.Slice(x.Terms, func(i, j int) bool { return lessUTF16(x.Terms[i], x.Terms[j]) })
	sort.Strings(x.Stop)
	x.Post = make([][]int, len(x.Terms))
	x.Title = make([][]bool, len(x.Terms))
	for i, k := range x.Terms {
		x.Post[i] = post[k]
		x.Title[i] = make([]bool, len(post[k]))
		ts := inTitle[k]
		for j, d := range post[k] {
			if len(ts) > 0 && ts[0] == d {
				x.Title[i][j] = true
				ts = ts[1:]
			}
		}
	}
	x.Pre, x.Suf = top(pre), top(suf)
	return x
}

// TestNewMatchesBefore: New writes the same bytes as the index before it
// numbered its terms, on the fixture, on SaudiNewsNet's articles when
// present (enough docs for stop terms), and on texts with characters
// beyond U+FFFF (another sort order) and affixes seen once.
func TestNewMatchesBefore(t *testing.T) {
	sets := map[string][]Doc{"fixture": fixtureDocs()}
	if docs := loadSaudiNewsNetOr(t, 600); docs != nil {
		sets["saudinewsnet"] = docs
	}
	var odd []Doc
	for i := 0; i < 60; i++ {
		odd = append(odd, Doc{Kind: KindArticle, Lang: "en", Path: fmt.Sprintf("en/articles/a%d/", i), Title: fmt.Sprintf("𝒜lpha %d beta", i%7),
			Text: []string{"common words 😀smile and 𝒜lpha", fmt.Sprintf("word%d وللكتاب والكتابات كتاب%d", i%13, i%5), strings.Repeat("x", i%3+1)}})
	}
	sets["beyond BMP, stop terms"] = odd
	for name, docs := range sets {
		want := mustFiles(t, newBefore(docs), PartBytes)
		got := mustFiles(t, New(docs), PartBytes)
		if !bytes.Equal(got.First, want.First) || len(got.Parts) != len(want.Parts) {
			t.Errorf("%s: first file or number of parts differ (%d, want %d)", name, len(got.Parts), len(want.Parts))
			continue
		}
		for n, p := range want.Parts {
			if !bytes.Equal(got.Parts[n], p) {
				t.Errorf("%s: part %s differs", name, n)
			}
		}
	}
}

// TestCachedIndexIsTheSame: an index made with a cache of an earlier
// index, of the same docs or of docs since edited, removed, added and
// reordered, writes the same bytes as one made without; a damaged or
// foreign cache is not used.
func TestCachedIndexIsTheSame(t *testing.T) {
	docs := loadSaudiNewsNetOr(t, 300)
	docs = append(docs, fixtureDocs()...)
	for i := 0; i < 60; i++ {
		docs = append(docs, Doc{Kind: KindArticle, Lang: "en", Path: fmt.Sprintf("en/articles/a%d/", i), Title: fmt.Sprintf("𝒜lpha %d beta", i%7),
			Text: []string{"common words 😀smile", fmt.Sprintf("word%d وللكتاب والكتابات كتاب%d", i%13, i%5)}})
	}
	equal := func(t *testing.T, what string, got, want *Index) {
		t.Helper()
		g, w := mustFiles(t, got, PartBytes), mustFiles(t, want, PartBytes)
		if !bytes.Equal(g.First, w.First) || len(g.Parts) != len(w.Parts) {
			t.Fatalf("%s: first file or number of parts differ", what)
		}
		for n, p := range w.Parts {
			if !bytes.Equal(g.Parts[n], p) {
				t.Fatalf("%s: part %s differs", what, n)
			}
		}
	}
	fs := afero.NewMemMapFs()
	const file, tag = "/c/search", "v1"
	c := ReadCache(fs, file, tag)
	equal(t, "empty cache", NewCached(docs, c), New(docs))
	if c.Reused != 0 {
		t.Errorf("an empty cache reused %d docs", c.Reused)
	}
	if err := c.Write(fs, file); err != nil {
		t.Fatal(err)
	}
	c = ReadCache(fs, file, tag)
	equal(t, "warm cache", NewCached(docs, c), New(docs))
	if c.Reused != len(docs) {
		t.Errorf("a warm cache reused %d of %d docs", c.Reused, len(docs))
	}
	// Edit some docs, remove one, add one, and move the last to the front.
	changed := append([]Doc(nil), docs...)
	changed[3].Text = append([]string{"داعش والاستخبارات الجديدة"}, changed[3].Text...)
	changed[7].Title = "عنوان جديد للمقال"
	changed = append(changed[:10], changed[11:]...)
	changed = append(changed, Doc{Kind: KindTag, Lang: "ar", Path: "tags/x/", Title: "وسم جديد", Text: []string{"وسم جديد"}, Names: []string{"وسم جديد"}})
	changed = append(changed[len(changed)-2:len(changed)-1], append(changed[:len(changed)-2], changed[len(changed)-1])...)
	c = ReadCache(fs, file, tag)
	equal(t, "changed docs", NewCached(changed, c), New(changed))
	if c.Reused == 0 || c.Reused > len(changed)-3 {
		t.Errorf("reused %d of %d docs, 3 of them changed", c.Reused, len(changed))
	}
	good, _ := afero.ReadFile(fs, file)
	for what, data := range map[string][]byte{"truncated": good[:len(good)/2], "garbage": []byte("x")} {
		afero.WriteFile(fs, file, data, 0o644)
		c = ReadCache(fs, file, tag)
		equal(t, what, NewCached(docs, c), New(docs))
		if c.Reused != 0 {
			t.Errorf("%s cache reused %d docs", what, c.Reused)
		}
	}
	afero.WriteFile(fs, file, good, 0o644)
	if c = ReadCache(fs, file, "v2"); len(c.old) != 0 {
		t.Error("a cache of another tag was read")
	}
}

// BenchmarkBuild1000Cached indexes 1,000 articles with the cache of an
// index of the same articles (a rebuild after one edit reads one page
// again); compare with BenchmarkBuild1000:
//
//	go test -run '^$' -bench 'Build1000' -benchmem ./generator/search
func BenchmarkBuild1000Cached(b *testing.B) {
	docs := loadSaudiNewsNet(b, 1000)
	fs := afero.NewMemMapFs()
	c := ReadCache(fs, "/c", "t")
	NewCached(docs, c)
	if err := c.Write(fs, "/c"); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		c := ReadCache(fs, "/c", "t")
		if _, err := NewCached(docs, c).Files(); err != nil {
			b.Fatal(err)
		}
		if err := c.Write(fs, "/c"); err != nil {
			b.Fatal(err)
		}
	}
}
