package build

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/translate"
	"github.com/jisr-news/jisr/internal/testenv"
)

// countingEngine is upperEngine that records every Arabic text it is sent.
type countingEngine struct {
	upperEngine
	mu   sync.Mutex
	sent []string
}

func (c *countingEngine) Translate(ctx context.Context, ar []string) ([]string, error) {
	c.mu.Lock()
	c.sent = append(c.sent, ar...)
	c.mu.Unlock()
	return c.upperEngine.Translate(ctx, ar)
}

func (c *countingEngine) take() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := c.sent
	c.sent = nil
	return out
}

func withCounting(c *countingEngine) translate.Providers {
	return append(withUpper(), translate.Provider{Name: "test-count",
		New: func(translate.Options) (translate.Engine, error) { return c, nil }})
}

// incrementalSite is site.txtar plus the repository's real seed and two
// articles naming a man the gazetteer does not know (هشام مرسي): one
// article alone does not give him a page, two do (dropWeakEntities).
func incrementalSite(t *testing.T) afero.Fs {
	t.Helper()
	fs := loadTxtar(t, "testdata/site.txtar")
	seed, err := os.ReadFile("../../seeds/000_9d8ced74e5524e3c.txt")
	if err != nil {
		t.Fatal(err)
	}
	afero.WriteFile(fs, "/p/seeds/seed.txt", seed, 0o644)
	afero.WriteFile(fs, "/p/seeds/club.txt", []byte("أبدى رئيس نادي الوحدة الأستاذ هشام مرسي تفاؤله بالموسم المقبل. وقال هشام مرسي إن الفريق جاهز.\n"), 0o644)
	return fs
}

// buildLog builds like buildSite and also returns the log.
func buildLog(t *testing.T, fs afero.Fs, o Options) (*Summary, string) {
	t.Helper()
	o.Fs, o.Root = fs, "/p"
	var log strings.Builder
	o.Log = &log
	sum, err := Run(context.Background(), o)
	if err != nil {
		t.Fatalf("build: %v\nlog:\n%s", err, log.String())
	}
	return sum, log.String()
}

// copyFs copies every file under /p.
func copyFs(t *testing.T, src afero.Fs) afero.Fs {
	t.Helper()
	dst := afero.NewMemMapFs()
	err := afero.Walk(src, "/p", func(p string, info fs.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		b, err := afero.ReadFile(src, p)
		if err != nil {
			return err
		}
		return afero.WriteFile(dst, p, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// tree returns every file under dir, path → bytes.
func tree(t *testing.T, fsys afero.Fs, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	afero.Walk(fsys, dir, func(p string, info fs.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			b, _ := afero.ReadFile(fsys, p)
			out[strings.TrimPrefix(p, dir)] = string(b)
		}
		return nil
	})
	return out
}

func diffTrees(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	testenv.DiffTrees(t, what+": ", "incremental build", "cold build", got, want)
}

// After one article is edited, the engine gets only that article's
// changed segment, and the other articles are skipped.
func TestEditCallsEngineForChangedSegmentsOnly(t *testing.T) {
	fs := incrementalSite(t)
	c := &countingEngine{}
	o := Options{Engines: withCounting(c), Engine: "test-count"}
	buildSite(t, fs, o)
	if len(c.take()) == 0 {
		t.Fatal("the first build sent nothing to the engine")
	}
	const added = "وأكد المدرب أن اللاعبين في حالة جيدة."
	afero.WriteFile(fs, "/p/seeds/club.txt", []byte("أبدى رئيس نادي الوحدة الأستاذ هشام مرسي تفاؤله بالموسم المقبل. وقال هشام مرسي إن الفريق جاهز.\n"+added+"\n"), 0o644)
	sum, log := buildLog(t, fs, o)
	if sent := c.take(); len(sent) != 1 || sent[0] != added {
		t.Errorf("the engine got %q, want only the new sentence", sent)
	}
	if sum.Unchanged != sum.Articles-1 {
		t.Errorf("%d of %d articles skipped, want all but the edited one\n%s", sum.Unchanged, sum.Articles, log)
	}
	// Only the edited article's review page is checked (QA) and made again.
	if want := fmt.Sprintf("review pages: 1 checked, %d unchanged", sum.Articles-1); !strings.Contains(log, want) {
		t.Errorf("log does not say %q:\n%s", want, log)
	}
}

// An incremental build (edit one seed, add one, delete one, change the
// gazetteer, change the configuration) gives byte for byte the public/ and
// content/ of a cold build of the same inputs: the same project with no
// manifest, so nothing is skipped.
func TestIncrementalEqualsCold(t *testing.T) {
	fs := incrementalSite(t)
	o := Options{Engines: withUpper(), Engine: "test-upper"}
	buildSite(t, fs, o)
	steps := incrementalSteps(t, fs)
	for _, st := range steps {
		st.do()
		equalsCold(t, fs, o, st.name)
	}
	if !strings.Contains(read(t, fs, "/p/public/en/articles/club/index.html"), "Hisham") {
		t.Error("the gazetteer entry did not reach the article")
	}
}

// incrementalStep is a change to the project between two builds.
type incrementalStep struct {
	name string
	do   func()
}

// incrementalSteps are the changes TestIncrementalEqualsCold makes to the
// project in fs, in order: edit, add and delete seeds, edit and remove
// review pages, change the gazetteer and the configuration.
func incrementalSteps(t *testing.T, fs afero.Fs) []incrementalStep {
	t.Helper()
	return []incrementalStep{
		{"edit", func() {
			afero.WriteFile(fs, "/p/seeds/club.txt", []byte("أبدى رئيس نادي الوحدة الأستاذ هشام مرسي تفاؤله بالموسم الجديد. وقال هشام مرسي إن الفريق جاهز.\n"), 0o644)
		}},
		{"add", func() { // a second article names هشام مرسي: he gets a page, also in club
			afero.WriteFile(fs, "/p/seeds/coach.txt", []byte("قال الأستاذ هشام مرسي رئيس نادي الوحدة إن المدرب الجديد يصل غدا. وأضاف هشام مرسي أن العقد لسنتين.\n"), 0o644)
		}},
		{"delete", func() { fs.Remove("/p/seeds/markets.md") }},
		{"delete-weak", func() { fs.Remove("/p/seeds/coach.txt") }},
		// Review pages of unchanged articles are kept only while they are
		// what the last build wrote (review.go).
		{"review-edited", func() {
			f := "/p/content/review/iraq/index.en.md"
			data, err := afero.ReadFile(fs, f)
			if err != nil {
				t.Fatal(err)
			}
			afero.WriteFile(fs, f, append(data, "edited by hand\n"...), 0o644)
		}},
		{"review-removed", func() { fs.RemoveAll("/p/content/review/club") }},
		{"review-extra-file", func() { afero.WriteFile(fs, "/p/content/review/iraq/notes.md", []byte("x\n"), 0o644) }},
		{"gazetteer", func() {
			afero.WriteFile(fs, "/p/content/_data/gazetteer.yaml", []byte("- {type: PERSON, en: \"Hisham Morsi\", ar: \"هشام مرسي\"}\n"), 0o644)
		}},
		{"config", func() {
			afero.WriteFile(fs, "/p/jisr.toml", []byte("baseURL = \"https://example.org/news/\"\n[title]\nar = \"جسر\"\nen = \"Jisr\"\n[review]\npages = false\n"), 0o644)
		}},
	}
}

// An unchanged rebuild skips every article and the render, says so, and
// leaves public/ as it was; a changed public/ is rendered again.
func TestUnchangedRebuildSkips(t *testing.T) {
	fs := incrementalSite(t)
	o := Options{Engines: withUpper(), Engine: "test-upper"}
	first := buildSite(t, fs, o)
	before := tree(t, fs, "/p/public")
	sum, log := buildLog(t, fs, o)
	want := fmt.Sprintf("unchanged: %d articles skipped, render skipped", first.Articles)
	if !strings.Contains(log, want) || !sum.RenderSkipped || sum.Articles != first.Articles || sum.Pages != first.Pages {
		t.Errorf("second build: %+v, log:\n%s\nwant %q", sum, log, want)
	}
	if len(sum.Skipped) != len(first.Skipped) || sum.Failing() != nil {
		t.Errorf("skipped inputs not reported again: %v", sum.Skipped)
	}
	diffTrees(t, "public", tree(t, fs, "/p/public"), before)

	// Someone removed a page from public/: render again.
	fs.Remove("/p/public/en/articles/iraq/index.html")
	sum, log = buildLog(t, fs, o)
	if sum.RenderSkipped || strings.Contains(log, "render skipped") {
		t.Errorf("public/ changed, yet the render was skipped:\n%s", log)
	}
	diffTrees(t, "public", tree(t, fs, "/p/public"), before)
}

// A store file edited by hand, or broken, is never skipped over: its
// hash is part of what decides "unchanged".
func TestHandEditedStoreNotSkipped(t *testing.T) {
	fs := incrementalSite(t)
	o := Options{Engines: withUpper(), Engine: "test-upper"}
	buildSite(t, fs, o)
	file := "/p/content/articles/iraq/segments.yaml"
	data := read(t, fs, file)
	edited := strings.Replace(data, "      EN(14 words)\n", "      Iraq shares intelligence\n", 1)
	if edited == data {
		t.Fatal("no title to edit")
	}
	afero.WriteFile(fs, file, []byte(edited), 0o644)
	sum, log := buildLog(t, fs, o)
	if sum.RenderSkipped || sum.Unchanged != sum.Articles-1 {
		t.Errorf("hand edit: %d of %d skipped, render skipped %v\n%s", sum.Unchanged, sum.Articles, sum.RenderSkipped, log)
	}
	if en := read(t, fs, "/p/public/en/articles/iraq/index.html"); !strings.Contains(en, "Iraq shares intelligence") {
		t.Error("the hand edit is not on the page")
	}
	if !strings.Contains(read(t, fs, file), "status: reviewed") {
		t.Error("the hand edit was not adopted as reviewed")
	}

	// A broken store: reported as a cold build reports it.
	store := read(t, fs, file)
	afero.WriteFile(fs, file, bytes.Replace([]byte(store), []byte("segments:"), []byte("segments: ["), 1), 0o644)
	sum, _ = buildLog(t, fs, o)
	found := false
	for _, e := range sum.Skipped {
		found = found || strings.Contains(e.Error(), "articles/iraq/segments.yaml")
	}
	if !found {
		t.Errorf("the broken store was not reported: %v", sum.Skipped)
	}
}

// equalsCold builds the project in fs again (incrementally, with its
// manifest and public/) and a copy of it without them (cold), and fails
// the test at step unless both give the same public/ and content/,
// manifest included. It returns the incremental build's log.
func equalsCold(t *testing.T, fs afero.Fs, o Options, step string) string {
	t.Helper()
	cold := copyFs(t, fs)
	cold.Remove("/p/content/_data/manifest.json")
	cold.RemoveAll("/p/public")
	_, log := buildLog(t, fs, o)
	o.Session = nil // a cold build reads everything
	buildSite(t, cold, o)
	diffTrees(t, step+" public", tree(t, fs, "/p/public"), tree(t, cold, "/p/public"))
	diffTrees(t, step+" content", tree(t, fs, "/p/content"), tree(t, cold, "/p/content"))
	if t.Failed() {
		t.Fatalf("step %s", step)
	}
	return log
}
