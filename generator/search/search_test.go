package search

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"github.com/jisr-news/jisr/internal/testenv"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/jisr-news/jisr/generator/arabic"
	"github.com/jisr-news/jisr/generator/translate/gist"
)

func TestKey(t *testing.T) {
	for _, c := range []struct{ tok, want string }{
		{"داعش", "داعش"},
		{"وداعش", "داعش"},
		{"بالعراق", "عراق"},
		{"العراق", "عراق"},
		{"الأسد", "اسد"},
		{"للأسد", "اسد"},
		{"الاستخباراتية", "استخباراتيه"},
		{"والاستخباراتية", "استخباراتيه"},
		{"CBS", "cbs"},
		{"Putin", "putin"},
		{"٢٠١٥", "2015"},
		{"و", ""},
		{"a", ""},
	} {
		if got := Key(c.tok); got != c.want {
			t.Errorf("Key(%q) = %q, want %q", c.tok, got, c.want)
		}
	}
}

// The browser's fold table must give arabic.Normalize's result on any text.
func TestFoldTableAgreesWithNormalize(t *testing.T) {
	fold := FoldTable()
	for _, s := range []string{
		"أإآٱ ى ة ؤ ئ", "مُحَمَّدٌ", "الـــعراق", "٢٠١٥ ۱۹", "والاستخباراتية", "إيران وروسيا",
		"قُرْآنٌ كَرِيمٌ", "ٰ", "ﷲ",
	} {
		var b strings.Builder
		for _, r := range s {
			if v, ok := fold[string(r)]; ok {
				b.WriteString(v)
			} else {
				b.WriteRune(r)
			}
		}
		if got, want := b.String(), arabic.Normalize(s); got != want {
			t.Errorf("fold(%q) = %q, Normalize = %q", s, got, want)
		}
	}
	for _, c := range []struct{ in, out string }{{"أ", "ا"}, {"ة", "ه"}, {"ى", "ي"}, {"ـ", ""}, {"َ", ""}, {"٣", "3"}} {
		if got, ok := fold[c.in]; !ok || got != c.out {
			t.Errorf("fold[%q] = %q, %v; want %q", c.in, got, ok, c.out)
		}
	}
}

func TestIndex(t *testing.T) {
	docs := []Doc{
		{Kind: KindArticle, Lang: "ar", Path: "articles/a/", Title: "لجنة استخباراتية", Text: []string{"تبادل المعلومات والاستخباراتية ضد داعش."}},
		{Kind: KindArticle, Lang: "ar", Path: "articles/b/", Title: "أسعار النفط", Text: []string{"ارتفعت أسعار النفط."}},
		{Kind: KindEntity, Lang: "en", Path: "en/entities/islamic-state/", Title: "Islamic State", Text: []string{"تنظيم الدولة الإسلامية", "داعش"}},
	}
	x := New(docs)
	post := func(term string) []int {
		for i, k := range x.Terms {
			if k == term {
				return x.Post[i]
			}
		}
		return nil
	}
	if got := fmt.Sprint(post("داعش")); got != "[0 2]" {
		t.Errorf("postings of داعش = %s, want [0 2]", got)
	}
	if got := fmt.Sprint(post("استخباراتيه")); got != "[0]" {
		t.Errorf("postings of استخباراتيه = %s, want [0] (once per doc)", got)
	}
	if got := fmt.Sprint(post("state")); got != "[2]" {
		t.Errorf("postings of state = %s, want [2] (titles are indexed)", got)
	}
	for i := 1; i < len(x.Terms); i++ {
		if x.Terms[i-1] >= x.Terms[i] {
			t.Fatalf("terms not sorted and distinct at %d: %q %q", i, x.Terms[i-1], x.Terms[i])
		}
	}
	if !contains(x.Pre, "ال") || !contains(x.Pre, "وال") {
		t.Errorf("prefix table %q lacks ال or وال", x.Pre)
	}
	r := reader(t, x, PartBytes)
	if p, _, _, err := r.Doc(2); err != nil || p != "en/entities/islamic-state/" {
		t.Errorf("doc 2 = %q, %v", p, err)
	}
	if k, l := r.doc(2); k != KindEntity || l != "en" {
		t.Errorf("doc 2 is %s %s, want entity en", k, l)
	}
}

// Terms that nearly every page has are left out, and listed as such.
func TestStopTerms(t *testing.T) {
	var docs []Doc
	for i := range StopMinDocs {
		text := fmt.Sprintf("خبر رقم %d", i)
		if i%10 == 0 {
			text += " داعش"
		}
		docs = append(docs, Doc{Kind: KindArticle, Lang: "ar", Path: fmt.Sprint(i), Title: "عنوان", Text: []string{text}})
	}
	x := New(docs)
	if !contains(x.Stop, "خبر") || contains(x.Terms, "خبر") {
		t.Errorf("خبر is on every page: want it in stop %q, not in terms", x.Stop)
	}
	if !contains(x.Terms, "داعش") {
		t.Error("داعش is on a tenth of the pages: want it indexed")
	}
}

// Untrusted text cannot close the script or open markup.
func TestJSEscapes(t *testing.T) {
	title := `</script><script>alert("x")</script> & "quotes"`
	x := New([]Doc{{Kind: KindArticle, Lang: "en", Path: "x/", Title: title, Names: []string{title}}})
	f, err := x.Files()
	if err != nil {
		t.Fatal(err)
	}
	for n, js := range f.Parts {
		if bytes.Contains(js, []byte("</script")) || bytes.Contains(js, []byte("<script")) {
			t.Errorf("part %s contains raw markup:\n%s", n, js)
		}
	}
	r := reader(t, x, PartBytes)
	if _, got, _, err := r.Doc(0); err != nil || got != title {
		t.Errorf("title did not round-trip: %q, %v", got, err)
	}
}

func TestFrontCoding(t *testing.T) {
	docs := []Doc{{Kind: KindArticle, Lang: "ar", Path: "a/", Title: "استخبار استخباراتية استخبارات استقبال CBS cbsnews 𝐀𝐁 𝐀𝐂 ﻻ"}}
	x := New(docs)
	got := frontDecode(frontCode(x.Terms))
	if fmt.Sprint(got) != fmt.Sprint(x.Terms) {
		t.Errorf("decoded terms %q, want %q", got, x.Terms)
	}
	for i := 1; i < len(got); i++ {
		if !lessUTF16(got[i-1], got[i]) {
			t.Errorf("not in UTF-16 order: %q before %q", got[i-1], got[i])
		}
	}
}

func contains(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

// TestMatchJS runs the browser's matcher (static/js/search.js) under Node
// on a built index: the queries of issue 7 must find their pages.
func TestMatchJS(t *testing.T) {
	docs := fixtureDocs()
	cases := []struct {
		q, lang string
		want    []string // paths that must be found; the first must rank first
		not     []string // paths that must not be found
	}{
		{"داعش", "ar", []string{"entities/islamic-state/", "articles/iraq/"}, []string{"articles/oil/"}},
		{"الدولة", "ar", []string{"entities/state-of-law/", "entities/islamic-state/"}, nil},
		{"دولة القانون", "ar", []string{"entities/state-of-law/"}, nil},
		{"الاستخبارات", "ar", []string{"articles/iraq/"}, []string{"articles/oil/"}},
		{"الأسد", "ar", []string{"articles/iraq/"}, nil},
		{"الاسد", "ar", []string{"articles/iraq/"}, nil},
		{"بوتين", "ar", []string{"articles/iraq/"}, []string{"articles/oil/"}},
		{"النفط", "ar", []string{"articles/oil/"}, []string{"articles/iraq/"}},
		{"النّفط", "ar", []string{"articles/oil/"}, nil},
		{"Putin", "en", []string{"en/articles/iraq/"}, []string{"articles/oil/"}},
		{"intelligence information", "en", []string{"en/articles/iraq/"}, nil},
		{"economy", "en", []string{"en/tags/economy/"}, nil},
		{"الاقتصاد", "ar", []string{"en/tags/economy/"}, nil},
		{"داعش النفط", "ar", nil, []string{"articles/iraq/", "articles/oil/"}},
		{"مصر", "ar", nil, []string{"articles/iraq/", "articles/oil/", "entities/islamic-state/"}},
	}
	x := New(docs)
	var qs []query
	for _, c := range cases {
		qs = append(qs, query{c.q, c.lang})
	}
	// Small parts, so that words fall in different parts and prefixes
	// span several.
	files := mustFiles(t, x, 300)
	if len(files.Parts) < 10 {
		t.Fatalf("%d parts; want the small parts of the test", len(files.Parts))
	}
	js := nodeSearch(t, files, qs)
	var got [][]string
	for i, q := range qs {
		g := goSearch(t, files, q)
		if fmt.Sprint(g) != fmt.Sprint(js[i]) {
			t.Errorf("%q: script %+v, Go %+v", q.Q, js[i], g)
		}
		got = append(got, js[i].Paths)
	}
	for i, c := range cases {
		g := got[i]
		for j, w := range c.want {
			if !contains(g, w) {
				t.Errorf("%q: %s not found; got %q", c.q, w, g)
			} else if j == 0 && g[0] != w {
				t.Errorf("%q: %s not ranked first; got %q", c.q, w, g)
			}
		}
		for _, n := range c.not {
			if contains(g, n) {
				t.Errorf("%q: %s found, want not; got %q", c.q, n, g)
			}
		}
	}
}

// loadSaudiNewsNet reads up to n articles of the SaudiNewsNet corpus, or
// skips when it is missing (a fresh clone has no ../shared).
func loadSaudiNewsNet(tb testing.TB, n int) []Doc {
	tb.Helper()
	docs := loadSaudiNewsNetOr(tb, n)
	if docs == nil {
		tb.Skip("../shared/data/saudinewsnet missing")
	}
	return docs
}

// loadSaudiNewsNetOr is loadSaudiNewsNet, with nil when the corpus is
// missing.
func loadSaudiNewsNetOr(tb testing.TB, n int) []Doc {
	tb.Helper()
	dir := filepath.Join(testenv.RepoRoot(tb), "..", "shared", "data", "saudinewsnet")
	files, _ := filepath.Glob(filepath.Join(dir, "*.zip"))
	if len(files) == 0 {
		return nil
	}
	var docs []Doc
	for _, f := range files {
		zr, err := zip.OpenReader(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, zf := range zr.File {
			rc, err := zf.Open()
			if err != nil {
				tb.Fatal(err)
			}
			data, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				tb.Fatal(err)
			}
			var recs []struct{ Title, Content, URL string }
			if err := json.Unmarshal(data, &recs); err != nil {
				tb.Fatalf("%s: %v", f, err)
			}
			for i, r := range recs {
				if len(docs) == n {
					zr.Close()
					return docs
				}
				docs = append(docs, Doc{Kind: KindArticle, Lang: "ar", Path: fmt.Sprintf("articles/snn-%d/", i), Title: r.Title, Meta: "2015-07-21", Text: []string{r.Content}})
			}
		}
		zr.Close()
	}
	return docs
}

// TestIndexSize reports the index size per 1,000 Arabic articles of
// SaudiNewsNet; run with -v to see it. It fails only if the index is
// absurdly large (more than the text itself).
func TestIndexSize(t *testing.T) {
	docs := loadSaudiNewsNet(t, 1000)
	text := 0
	for _, d := range docs {
		text += len(d.Title)
		for _, s := range d.Text {
			text += len(s)
		}
	}
	x := New(docs)
	f := mustFiles(t, x, PartBytes)
	t.Logf("%d Arabic articles (%d KB of text): index %d KB in %d parts (%d KB gzipped), first file %d KB, %d terms, %d stop terms, prefixes %q, suffixes %q",
		len(docs), text/1024, f.Size()/1024, len(f.Parts), gzSize(f)/1024, len(f.First)/1024, len(x.Terms), len(x.Stop), x.Pre, x.Suf)
	if f.Size() > text {
		t.Errorf("index (%d bytes) larger than the text (%d bytes)", f.Size(), text)
	}
	for _, k := range x.Terms {
		for _, r := range k {
			if unicode.IsUpper(r) {
				t.Fatalf("term %q not folded", k)
			}
		}
	}
}

// TestIndexSizeBilingual adds the English pages, made with the offline
// gist engine, to the 1,000 Arabic articles, as a site built with the
// default engine has them; run with -v to see the size.
func TestIndexSizeBilingual(t *testing.T) {
	if testing.Short() {
		t.Skip("translates 1,000 articles")
	}
	docs := loadSaudiNewsNet(t, 1000)
	eng, err := gist.NewWithoutFreeDict()
	if err != nil {
		t.Fatal(err)
	}
	all := append([]Doc(nil), docs...)
	for _, d := range docs {
		src := append([]string{d.Title}, strings.Split(d.Text[0], "\n")...)
		en, err := eng.Translate(context.Background(), src)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, Doc{Kind: KindArticle, Lang: "en", Path: "en/" + d.Path, Title: en[0], Meta: d.Meta, Text: en[1:]})
	}
	f := mustFiles(t, New(all), PartBytes)
	t.Logf("1000 articles in Arabic and gist English (%d docs): index %d KB in %d parts (%d KB gzipped)", len(all), f.Size()/1024, len(f.Parts), gzSize(f)/1024)
}

func BenchmarkBuild1000(b *testing.B) {
	docs := loadSaudiNewsNet(b, 1000)
	b.ResetTimer()
	var size int
	for b.Loop() {
		f, err := New(docs).Files()
		if err != nil {
			b.Fatal(err)
		}
		size = f.Size()
	}
	b.ReportMetric(float64(size)/1024, "KB/1000articles")
}

// gzSize returns the bytes of the index's files, each gzipped, as a web
// server sends them.
func gzSize(f *Files) int {
	n := 0
	for _, b := range append([][]byte{f.First}, values(f.Parts)...) {
		var buf bytes.Buffer
		z := gzip.NewWriter(&buf)
		z.Write(b)
		z.Close()
		n += buf.Len()
	}
	return n
}

func values(m map[string][]byte) [][]byte {
	var out [][]byte
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// TestRecallJS queries the browser matcher, under Node, with words taken
// from SaudiNewsNet articles, each as written in the text (with its
// clitics), and reports how often the article that holds the word is
// found. It fails below 99%: every indexed word must be findable as
// written.
func TestRecallJS(t *testing.T) {
	docs := loadSaudiNewsNet(t, 300)
	x := New(docs)
	files := mustFiles(t, x, PartBytes)
	stop := map[string]bool{}
	for _, s := range x.Stop {
		stop[s] = true
	}
	type probe struct {
		word string
		doc  int
	}
	var probes []probe
	for i, d := range docs {
		toks := arabic.Tokenize(d.Text[0])
		for j := 7; j < len(toks) && j < 7+5*37; j += 37 { // a spread of words, deterministic
			w := toks[j].Text
			if !arabic.HasArabic(w) || utf8.RuneCountInString(w) < 3 || stop[Key(w)] {
				continue
			}
			probes = append(probes, probe{w, i})
		}
	}
	// Then the words that do not start with و again, with the conjunction
	// و added (الدولة → والدولة, حكومة → وحكومة): forms the text need not
	// contain.
	n := len(probes)
	for _, p := range probes[:n] {
		if !strings.HasPrefix(p.word, "و") {
			probes = append(probes, probe{"و" + p.word, p.doc})
		}
	}
	qs := make([]query, len(probes))
	for i, p := range probes {
		qs[i] = query{p.word, "ar"}
	}
	res := nodeSearch(t, files, qs)
	got := make([][]int, len(res))
	for i, r := range res {
		got[i] = r.IDs
	}
	for _, c := range []struct {
		name     string
		from, to int
		min      float64
	}{{"as written", 0, n, 0.99}, {"with و added", n, len(probes), 0.95}} {
		found := 0
		var missed []string
		for i := c.from; i < c.to; i++ {
			ok := false
			for _, d := range got[i] {
				if d == probes[i].doc {
					ok = true
					break
				}
			}
			if ok {
				found++
			} else if len(missed) < 10 {
				missed = append(missed, probes[i].word)
			}
		}
		recall := float64(found) / float64(c.to-c.from)
		t.Logf("recall of words %s: %d/%d = %.1f%%; missed e.g. %q", c.name, found, c.to-c.from, 100*recall, missed)
		if recall < c.min {
			t.Errorf("recall of words %s %.1f%%, want at least %.0f%%", c.name, 100*recall, 100*c.min)
		}
	}
}

// fixtureDocs are a few pages of two articles, entities and a tag.
func fixtureDocs() []Doc {
	return []Doc{
		{Kind: KindArticle, Lang: "ar", Path: "articles/iraq/", Title: "اتفاق على تبادل المعلومات", Text: []string{
			"اتفق العراق وروسيا على تبادل المعلومات الأمنية والاستخباراتية لمواجهة داعش.",
			"قال الرئيس فلاديمير بوتين إن بشار الأسد يستحق الدعم. وأضاف أن للأسد حلفاء.",
		}},
		{Kind: KindArticle, Lang: "en", Path: "en/articles/iraq/", Title: "Agreement on sharing information", Text: []string{
			"Iraq and Russia agreed to share security and intelligence information against ISIS.",
			"President Vladimir Putin said Assad deserves support.",
		}},
		{Kind: KindArticle, Lang: "ar", Path: "articles/oil/", Title: "أسعار النفط ترتفع", Text: []string{"ارتفعت أسعار النفط في الأسواق العالمية بعد اجتماع أوبك."}},
		{Kind: KindEntity, Lang: "ar", Path: "entities/coalition/", Title: "التحالف الدولي", Meta: "ORGANIZATION", Text: []string{"التحالف الدولي ضد داعش"}, Names: []string{"التحالف الدولي"}},
		{Kind: KindEntity, Lang: "ar", Path: "entities/islamic-state/", Title: "تنظيم الدولة الإسلامية", Meta: "ORGANIZATION", Text: []string{"تنظيم الدولة الإسلامية", "Islamic State", "داعش"}, Names: []string{"تنظيم الدولة الإسلامية", "Islamic State", "داعش"}},
		{Kind: KindEntity, Lang: "ar", Path: "entities/state-of-law/", Title: "ائتلاف دولة القانون", Meta: "ORGANIZATION", Text: []string{"ائتلاف دولة القانون", "دولة القانون", "الدولة"}, Names: []string{"ائتلاف دولة القانون", "دولة القانون", "الدولة"}},
		{Kind: KindTag, Lang: "en", Path: "en/tags/economy/", Title: "economy, business and finance", Text: []string{"الاقتصاد والأعمال والمال", "economy, business and finance"}},
	}
}

func join(ss []string) string { return strings.Join(ss, " ") }

// arabicTokens returns the words of s, as written.
func arabicTokens(s string) []string {
	var out []string
	for _, t := range arabic.Tokenize(s) {
		out = append(out, t.Text)
	}
	return out
}
