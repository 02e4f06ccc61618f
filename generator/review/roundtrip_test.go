package review_test

import (
	"context"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/build"
	"github.com/jisr-news/jisr/generator/review"
	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/generator/translate"
	"github.com/jisr-news/jisr/generator/translate/engines"
)

// countingEngine is a machine engine that records every Arabic text it is
// asked to translate.
type countingEngine struct {
	mu    sync.Mutex
	asked []string
}

func (*countingEngine) Name() string             { return "test-count" }
func (*countingEngine) Model() string            { return "" }
func (*countingEngine) Status() translate.Status { return translate.StatusMachine }
func (e *countingEngine) Translate(_ context.Context, ar []string) ([]string, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := make([]string, len(ar))
	for i, s := range ar {
		e.asked = append(e.asked, s)
		out[i] = "MT: " + strings.Join(strings.Fields(s)[:1], "")
	}
	return out, nil
}

func (e *countingEngine) wasAsked(ar string) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, a := range e.asked {
		if a == ar {
			return true
		}
	}
	return false
}

func (e *countingEngine) reset() {
	e.mu.Lock()
	e.asked = nil
	e.mu.Unlock()
}

var engine = &countingEngine{}

// withCount is every engine plus test-count, passed explicitly.
func withCount() translate.Providers {
	return append(engines.Providers(), translate.Provider{Name: "test-count",
		New: func(translate.Options) (translate.Engine, error) { return engine, nil }})
}

const seed = `اتفق العراق وروسيا على تبادل المعلومات. وقال المتحدث إن اللجنة ستعمل في بغداد.
لجنة في بغداد
قال الرئيس الروسي إن الرئيس السوري يستحق الدعم. وأكد أن 60 دولة تشارك.
`

func buildSite(t *testing.T, fs afero.Fs, eng string) {
	t.Helper()
	var log strings.Builder
	if _, err := build.Run(context.Background(), build.Options{Fs: fs, Root: "/p", Engine: eng, Engines: withCount(), Log: &log}); err != nil {
		t.Fatalf("build: %v\n%s", err, log.String())
	}
}

func read(t *testing.T, fs afero.Fs, name string) string {
	t.Helper()
	b, err := afero.ReadFile(fs, name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func segments(t *testing.T, fs afero.Fs) map[string]store.Segment {
	t.Helper()
	f, err := store.Load(fs, store.Path("/p/content", "a"))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]store.Segment{}
	for _, s := range f.Segments {
		m[s.ID] = s
	}
	return m
}

// replaceTarget changes the text between the first "before" after marker
// and the next "after".
func replaceTarget(t *testing.T, doc, marker, before, after, text string) string {
	t.Helper()
	i := strings.Index(doc, marker)
	if i < 0 {
		t.Fatalf("no %q in\n%s", marker, doc)
	}
	j := i + strings.Index(doc[i:], before) + len(before)
	k := j + strings.Index(doc[j:], after)
	return doc[:j] + text + doc[k:]
}

// TestRoundTrip is the translator's journey: build with the offline gist,
// export, correct sentences in XLIFF, PO and a translation memory, import,
// rebuild with a machine engine. The English page shows the corrections,
// the engine is not asked for them, and when the Arabic of a corrected
// sentence changes, the page says stale and keeps the English.
func TestRoundTrip(t *testing.T) {
	fs := afero.NewMemMapFs()
	afero.WriteFile(fs, "/p/seeds/a.txt", []byte(seed), 0o644)
	afero.WriteFile(fs, "/p/jisr.toml", []byte("baseURL = \"https://example.org/\"\n"), 0o644)
	buildSite(t, fs, "")
	segs := segments(t, fs)
	for _, id := range []string{"p1-2", "h2", "p3-1", "p3-2"} {
		if segs[id].Status != translate.StatusGist {
			t.Fatalf("after the first build %s = %+v", id, segs[id])
		}
	}
	opts := review.Options{Fs: fs, Content: "/p/content"}

	// XLIFF: Sara corrects p1-2.
	files, err := review.Export(opts, review.XLIFF, "/p/rv")
	if err != nil || len(files) != 1 {
		t.Fatalf("export xliff: %v %v", files, err)
	}
	x := replaceTarget(t, read(t, fs, files[0]), `<unit id="p1-2"`, "<target>", "</target>", "The spokesman said the committee would work in Baghdad.")
	x = strings.Replace(x, `<note category="jisr:help">`, `<note category="translator">Sara</note><note category="jisr:help">`, 1)
	afero.WriteFile(fs, files[0], []byte(x), 0o644)

	// PO: Omar corrects the heading h2.
	files, err = review.Export(opts, review.PO, "/p/rv")
	if err != nil || len(files) != 1 {
		t.Fatalf("export po: %v %v", files, err)
	}
	po := replaceTarget(t, read(t, fs, files[0]), `msgctxt "h2"`, "msgstr \"", "\"\n", "The committee sits in Baghdad")
	po = strings.Replace(po, "FULL NAME <EMAIL@ADDRESS>", "Omar", 1)
	afero.WriteFile(fs, files[0], []byte(po), 0o644)

	// TMX-fed import: a memory from another tool, without jisr IDs,
	// holds p3-1's Arabic.
	tmx := `<?xml version="1.0"?><tmx version="1.4"><header creationtool="other" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="ar" datatype="plaintext" creationid="Layla"/><body>
<tu><tuv xml:lang="ar"><seg>قال الرئيس الروسي إن الرئيس السوري يستحق الدعم.</seg></tuv><tuv xml:lang="en"><seg>The Russian president said the Syrian president deserves support.</seg></tuv></tu>
</body></tmx>`
	afero.WriteFile(fs, "/p/rv/memory.tmx", []byte(tmx), 0o644)

	res, err := review.Import(opts, "/p/rv/a.xlf", "/p/rv/a.po", "/p/rv/memory.tmx")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Applied) != 3 || len(res.Conflicts) != 0 {
		t.Fatalf("import applied %+v, conflicts %v", res.Applied, res.Conflicts)
	}

	// The exported memory now holds the three reviewed pairs; Sara edits
	// p1-2 again there.
	files, err = review.Export(opts, review.TMX, "/p/rv")
	if err != nil {
		t.Fatal(err)
	}
	tm := read(t, fs, files[0])
	if n := strings.Count(tm, "<tu "); n != 3 {
		t.Fatalf("memory has %d units, want 3:\n%s", n, tm)
	}
	tm = replaceTarget(t, tm, `tuid="a/p1-2"`, `<tuv xml:lang="en">`+"\n        <seg>", "</seg>", "The spokesman said the committee will work in Baghdad.")
	tm = strings.Replace(tm, `tuid="a/p1-2" creationid="Sara"`, `tuid="a/p1-2" creationid="Sara" changeid="Sara K."`, 1)
	afero.WriteFile(fs, files[0], []byte(tm), 0o644)
	if res, err = review.Import(opts, files[0]); err != nil || len(res.Applied) != 1 {
		t.Fatalf("tmx import: %+v %v", res, err)
	}

	want := map[string][2]string{
		"p1-2": {"The spokesman said the committee will work in Baghdad.", "Sara K."},
		"h2":   {"The committee sits in Baghdad", "Omar"},
		"p3-1": {"The Russian president said the Syrian president deserves support.", "Layla"},
	}
	segs = segments(t, fs)
	for id, w := range want {
		if s := segs[id]; s.EN != w[0] || s.Status != translate.StatusReviewed || s.Reviewer != w[1] || s.Engine != "human" {
			t.Errorf("%s after import = %+v, want %q by %s", id, s, w[0], w[1])
		}
	}

	// Rebuild with a machine engine: it upgrades the gist segments only.
	engine.reset()
	buildSite(t, fs, "test-count")
	for id := range want {
		if engine.wasAsked(segs[id].AR) {
			t.Errorf("the engine was asked for reviewed segment %s", id)
		}
	}
	if !engine.wasAsked(segs["p3-2"].AR) {
		t.Error("the engine was not asked for the gist segment p3-2")
	}
	en := read(t, fs, "/p/public/en/articles/a/index.html")
	rv := read(t, fs, "/p/public/en/review/a/index.html")
	for id, w := range want {
		if !strings.Contains(en, `id="seg-`+id+`" data-status="reviewed">`+w[0]+`</span>`) {
			t.Errorf("English page lacks the reviewed %s: %s", id, w[0])
		}
		if !regexp.MustCompile(`<tr id="seg-` + id + `" class="kind-\w+ status-reviewed`).MatchString(rv) {
			t.Errorf("review page row %s is not marked reviewed", id)
		}
		if !strings.Contains(rv, `reviewed by `+w[1]) {
			t.Errorf("review page lacks the reviewer %s", w[1])
		}
	}
	if !regexp.MustCompile(`<tr id="seg-p3-2" class="kind-paragraph status-machine`).MatchString(rv) {
		t.Error("review page row p3-2 is not machine")
	}
	dash := read(t, fs, "/p/public/en/review/index.html")
	// 3 of 6 segments (with the title) are reviewed; the engine's output
	// drops the number 60, and QA links that finding to its row.
	if !strings.Contains(dash, `href="/en/review/a/"`) || !strings.Contains(dash, "50% reviewed") {
		t.Errorf("dashboard lacks the article or its share reviewed:\n%s", dash)
	}
	if !strings.Contains(dash, `<a href="/en/review/a/#seg-p3-2">p3-2</a> <span class="qa-check">numbers</span> the number 60 in the Arabic is missing`) {
		t.Errorf("dashboard does not link the QA finding on p3-2:\n%s", dash)
	}

	// The Arabic of a reviewed sentence changes: stale, English kept.
	afero.WriteFile(fs, "/p/seeds/a.txt", []byte(strings.Replace(seed, "ستعمل في بغداد", "ستعمل في دمشق", 1)), 0o644)
	engine.reset()
	buildSite(t, fs, "test-count")
	if s := segments(t, fs)["p1-2"]; s.Status != translate.StatusStale || s.EN != want["p1-2"][0] || !strings.Contains(s.OldAR, "بغداد") {
		t.Errorf("p1-2 after its Arabic changed = %+v", s)
	}
	if engine.wasAsked(strings.Replace(segs["p1-2"].AR, "بغداد", "دمشق", 1)) {
		t.Error("the engine was asked for the stale segment")
	}
	en = read(t, fs, "/p/public/en/articles/a/index.html")
	rv = read(t, fs, "/p/public/en/review/a/index.html")
	if !strings.Contains(en, `id="seg-p1-2" data-status="stale">`+want["p1-2"][0]) {
		t.Error("English page does not keep the stale English")
	}
	if !regexp.MustCompile(`<tr id="seg-p1-2" class="kind-paragraph status-stale`).MatchString(rv) ||
		!strings.Contains(rv, `<span class="badge badge-stale">stale</span>`) || !strings.Contains(rv, `class="old-ar"`) {
		t.Error("review page does not show p1-2 as stale with its old Arabic")
	}
	if !strings.Contains(rv, `<span class="qa-check">stale</span>`) {
		t.Error("review page lacks the stale QA note")
	}
}
