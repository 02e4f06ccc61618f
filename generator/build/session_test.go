package build

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spf13/afero"
)

// countingFs counts the regular files opened for reading through it
// (directories listed and files looked at with Stat are not reads).
type countingFs struct {
	afero.Fs
	mu   sync.Mutex
	read map[string]int
}

func newCountingFs(fs afero.Fs) *countingFs { return &countingFs{Fs: fs, read: map[string]int{}} }

func (c *countingFs) Open(name string) (afero.File, error) {
	c.note(name, os.O_RDONLY)
	return c.Fs.Open(name)
}

func (c *countingFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	c.note(name, flag)
	return c.Fs.OpenFile(name, flag, perm)
}

func (c *countingFs) LstatIfPossible(name string) (os.FileInfo, bool, error) {
	if l, ok := c.Fs.(afero.Lstater); ok {
		return l.LstatIfPossible(name)
	}
	fi, err := c.Fs.Stat(name)
	return fi, false, err
}

func (c *countingFs) note(name string, flag int) {
	if flag&(os.O_WRONLY|os.O_RDWR) != 0 {
		return
	}
	if fi, err := c.Fs.Stat(name); err != nil || fi.IsDir() {
		return
	}
	c.mu.Lock()
	c.read[filepath.Clean(name)]++
	c.mu.Unlock()
}

// take returns the files read since the last take, sorted.
func (c *countingFs) take() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]string, 0, len(c.read))
	for f := range c.read {
		out = append(out, f)
	}
	c.read = map[string]int{}
	sort.Strings(out)
	return out
}

// articleFiles splits the files read into those of one article (its
// seed, its bundle, its review folder: "seed", "articles/<id>",
// "review/<id>" → files) and the shared ones.
func articleFiles(read []string) (per map[string][]string, shared []string) {
	per = map[string][]string{}
	for _, f := range read {
		switch {
		case strings.HasPrefix(f, "/p/seeds/"):
			k := "seed " + strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
			per[k] = append(per[k], f)
		case strings.HasPrefix(f, "/p/content/articles/"), strings.HasPrefix(f, "/p/content/review/"):
			parts := strings.Split(strings.TrimPrefix(f, "/p/content/"), "/")
			if len(parts) >= 3 {
				k := parts[0] + "/" + parts[1]
				per[k] = append(per[k], f)
				continue
			}
			shared = append(shared, f)
		default:
			shared = append(shared, f)
		}
	}
	return per, shared
}

// onlyArticle fails unless every file of an article that was read is one
// of article id's; it returns those of id.
func onlyArticle(t *testing.T, what, id string, read []string) []string {
	t.Helper()
	per, shared := articleFiles(read)
	for k, files := range per {
		if k != "seed "+id && k != "articles/"+id && k != "review/"+id {
			t.Errorf("%s: read %v of another article than %s", what, files, id)
		}
	}
	t.Logf("%s: %d files read, %d shared: %v", what, len(read), len(shared), shared)
	return append(per["seed "+id], append(per["articles/"+id], per["review/"+id]...)...)
}

// With a session (jisr serve), Prepare and Preview after an edit read the
// edited seed, that article's bundle and review folder and the shared
// inputs, and no file of another article; two edits in a row, each
// followed by the build, so that what one build wrote is not read again
// after the next edit.
func TestSessionReadsOnlyTheEdit(t *testing.T) {
	fs := newCountingFs(previewSite(t, true))
	sess := NewSession()
	o := Options{Session: sess}
	buildSite(t, fs, o) // cold: reads every article, and keeps it
	fs.take()
	edits := []struct{ seed, id, text string }{
		{"/p/seeds/club.txt", "club", "أبدى رئيس نادي الوحدة الأستاذ هشام مرسي تفاؤله بالموسم الجديد. وقال هشام مرسي إن الفريق جاهز.\n"},
		{"/p/seeds/iraq.txt", "iraq", strings.Replace(read(t, fs, "/p/seeds/iraq.txt"), "العراق", "جمهورية العراق", 1)},
		{"/p/seeds/club.txt", "club", "أبدى رئيس نادي الوحدة الأستاذ هشام مرسي تفاؤله بالموسم المقبل. وقال هشام مرسي إن الفريق جاهز.\n"},
	}
	for _, e := range edits {
		afero.WriteFile(fs, e.seed, []byte(e.text), 0o644)
		fs.take()
		po := o
		po.Fs, po.Root = fs, "/p"
		pv, err := Preview(context.Background(), po, []string{e.seed})
		if err != nil {
			t.Fatalf("preview: %v", err)
		}
		if strings.Join(pv.Articles, ",") != e.id {
			t.Fatalf("previewed %v, want %s", pv.Articles, e.id)
		}
		if own := onlyArticle(t, "preview of "+e.id, e.id, fs.take()); !slices.Contains(own, e.seed) {
			t.Errorf("the preview did not read the edited seed %s: %v", e.seed, own)
		}

		oo := o
		oo.Fs, oo.Root = fs, "/p"
		p, err := Open(oo)
		if err != nil {
			t.Fatal(err)
		}
		sum, _, err := p.Prepare(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		onlyArticle(t, "prepare of "+e.id, e.id, fs.take())
		if sum.Unchanged != sum.Articles-1 {
			t.Errorf("%s: %d of %d articles unchanged, want all but one", e.id, sum.Unchanged, sum.Articles)
		}
		equalsCold(t, fs, o, "edit of "+e.id)
		samePages(t, fs, pv)
		fs.take()
	}
}

// A Prepare through a session gives the content/ and public/ of a cold
// build after every step of TestIncrementalEqualsCold, and after hand
// edits of a store (one that keeps its size) and a broken store, with
// one session for every build.
func TestSessionEqualsCold(t *testing.T) {
	fs := incrementalSite(t)
	o := Options{Engines: withUpper(), Engine: "test-upper", Session: NewSession()}
	buildSite(t, fs, o)
	file := "/p/content/articles/iraq/segments.yaml"
	steps := append([]incrementalStep{
		{"store-edited", func() {
			data := read(t, fs, file)
			i := strings.Index(data, "    en: ")
			j := strings.Index(data[i:], "\n")
			en := data[i+len("    en: ") : i+j]
			edited := data[:i] + "    en: " + strings.Repeat("x", len(en)) + data[i+j:]
			afero.WriteFile(fs, file, []byte(edited), 0o644)
		}},
		{"store-broken", func() {
			data := read(t, fs, file)
			afero.WriteFile(fs, file, []byte(strings.Replace(data, "segments:", "segments: [", 1)), 0o644)
		}},
		{"store-mended", func() {
			data := read(t, fs, file)
			afero.WriteFile(fs, file, []byte(strings.Replace(data, "segments: [", "segments:", 1)), 0o644)
		}},
	}, incrementalSteps(t, fs)...)
	for _, st := range steps {
		st.do()
		equalsCold(t, fs, o, st.name)
	}
}

// A change that keeps a file's stamp (its size and time) is read once
// the session is told of it (Forget), as serve's watcher does.
func TestSessionForget(t *testing.T) {
	fs := incrementalSite(t)
	sess := NewSession()
	o := Options{Engines: withUpper(), Engine: "test-upper", Session: sess}
	buildSite(t, fs, o)
	file := "/p/content/articles/iraq/segments.yaml"
	data := read(t, fs, file)
	fi, err := fs.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(data, "    en: ")
	j := strings.Index(data[i:], "\n")
	en := data[i+len("    en: ") : i+j]
	edited := data[:i] + "    en: " + strings.Repeat("y", len(en)) + data[i+j:]
	afero.WriteFile(fs, file, []byte(edited), 0o644)
	fs.Chtimes(file, time.Now(), fi.ModTime())
	sess.Forget([]string{file})
	equalsCold(t, fs, o, "store edited, its time kept")
	if !strings.Contains(read(t, fs, "/p/public/en/articles/iraq/index.html"), strings.Repeat("y", len(en))) {
		t.Error("the edit is not on the page")
	}
}

// A one-shot build lets go of the embedded models after Prepare; a build
// with a session keeps them for the next one.
func TestSessionKeepsModels(t *testing.T) {
	released := 0
	old := releaseModels
	releaseModels = func() { released++ }
	defer func() { releaseModels = old }()
	fs := incrementalSite(t)
	o := Options{Engines: withUpper(), Engine: "test-upper"}
	buildSite(t, fs, o)
	if released != 1 {
		t.Errorf("a build without a session released the models %d times, want 1", released)
	}
	afero.WriteFile(fs, "/p/seeds/club.txt", []byte("تعديل في النص.\n"), 0o644)
	o.Session = NewSession()
	buildSite(t, fs, o)
	if released != 1 {
		t.Errorf("a build with a session released the models")
	}
}
