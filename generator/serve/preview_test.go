package serve

import (
	"context"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jisr-news/jisr/generator/build"
	"github.com/jisr-news/jisr/generator/project"
	"github.com/jisr-news/jisr/internal/testenv"
)

// watching starts s watching, serves it, and returns its address and its
// reload events (field as in listenFor) once the page is connected and
// the watcher has started; all of it stops with the test or after
// timeout.
func watching(t *testing.T, s *Server, field string, timeout time.Duration) (string, <-chan string) {
	t.Helper()
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	t.Cleanup(cancel)
	go s.Watch(ctx)
	events := listenFor(t, ctx, ts.URL, field)
	expect(t, events, "connected", 2*time.Second)
	time.Sleep(200 * time.Millisecond) // let the watcher start
	return ts.URL, events
}

// The overlay is served before the site's files, with the reload script
// in its HTML; a new article's folder redirects to its slash; once
// cleared, the site's files are served again.
func TestOverlay(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "articles/a/index.html"), "<html><body>old</body></html>")
	write(t, filepath.Join(dir, "index.html"), "<html><body>home</body></html>")
	s := New(Options{Dir: dir})
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	url := ts.URL
	s.setOverlay(map[string][]byte{
		"/articles/a/index.html": []byte("<html><body>new</body></html>"),
		"/articles/b/index.html": []byte("<html><body>added</body></html>"),
		"/images/b/x.jpg":        []byte("\xff\xd8\xff picture"),
	})
	for path, want := range map[string]string{"/articles/a/": "new", "/articles/b/": "added", "/": "home", "/images/b/x.jpg": "picture"} {
		code, body, _ := get(t, url+path)
		if code != 200 || !strings.Contains(body, want) {
			t.Errorf("%s: %d %q, want %q", path, code, body, want)
		}
		if strings.HasSuffix(path, "/") && !strings.Contains(body, ReloadPath) {
			t.Errorf("%s: no reload script", path)
		}
	}
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(url + "/articles/b")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/articles/b/" {
		t.Errorf("/articles/b: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	if !s.setOverlay(nil) || s.Overlaid() != 0 {
		t.Error("the overlay was not cleared")
	}
	if _, body, _ := get(t, url+"/articles/a/"); !strings.Contains(body, "old") {
		t.Errorf("after the overlay: %q", body)
	}
	if code, _, _ := get(t, url+"/articles/b/"); code != 404 {
		t.Errorf("/articles/b/ after the overlay: %d", code)
	}
}

// A preview is served and reloaded before the build; the build clears it
// and reloads again; a failed build clears it too, and reloads so that
// the pages show the last good site; a preview that fails or gives
// nothing leaves the build alone.
func TestPreviewThenBuild(t *testing.T) {
	root := t.TempDir()
	seeds, out := filepath.Join(root, "seeds"), filepath.Join(root, "public")
	write(t, filepath.Join(seeds, "a.txt"), "v1")
	write(t, filepath.Join(out, "articles/a/index.html"), "<body>v1</body>")
	release := make(chan bool)
	build := func(context.Context) error {
		src, _ := os.ReadFile(filepath.Join(seeds, "a.txt"))
		if !<-release {
			return os.ErrInvalid
		}
		return os.WriteFile(filepath.Join(out, "articles/a/index.html"), append([]byte("<body>"), src...), 0o644)
	}
	var previews atomic.Int32
	preview := func(_ context.Context, changed []string) (map[string][]byte, error) {
		previews.Add(1)
		src, _ := os.ReadFile(filepath.Join(seeds, "a.txt"))
		switch string(src) {
		case "nothing":
			return nil, nil
		case "fails":
			return nil, os.ErrInvalid
		}
		return map[string][]byte{"/articles/a/index.html": append([]byte("<body>preview "), src...)}, nil
	}
	s := New(Options{Dir: out, Watch: []string{seeds}, Build: build, Preview: preview, Debounce: 50 * time.Millisecond})
	url, events := watching(t, s, "data: ", 30*time.Second)

	write(t, filepath.Join(seeds, "a.txt"), "v2")
	expect(t, events, "preview", 5*time.Second)
	if _, body, _ := get(t, url+"/articles/a/"); !strings.Contains(body, "preview v2") {
		t.Errorf("during the build: %q", body)
	}
	release <- true
	expect(t, events, "site", 5*time.Second)
	if _, body, _ := get(t, url+"/articles/a/"); !strings.Contains(body, "v2") || strings.Contains(body, "preview") {
		t.Errorf("after the build: %q", body)
	}

	write(t, filepath.Join(seeds, "a.txt"), "v3")
	expect(t, events, "preview", 5*time.Second)
	release <- false // the build fails
	expect(t, events, "site", 5*time.Second)
	if _, body, _ := get(t, url+"/articles/a/"); !strings.Contains(body, "v2") {
		t.Errorf("after a failed build: %q, want the last good site", body)
	}

	for _, v := range []string{"nothing", "fails"} {
		write(t, filepath.Join(seeds, "a.txt"), v)
		time.Sleep(300 * time.Millisecond) // the preview ran, or the build waits
		release <- true
		expect(t, events, "site", 5*time.Second)
	}
	if s.Previews() != 2 || previews.Load() != 4 || s.Builds() != 4 {
		t.Errorf("%d previews served of %d run, %d builds; want 2 of 4, 4", s.Previews(), previews.Load(), s.Builds())
	}
}

// The whole pipeline: a served site whose seed is edited shows the new
// text on the article's page after the preview, while the build has not
// run (it waits in this test); after the build the overlay is gone, the
// page still shows the edit, and public/ and content/ are byte for byte
// those of a build of the same sources without serve.
func TestServedEditPreviewed(t *testing.T) {
	root := t.TempDir()
	repo := testenv.RepoRoot(t)
	seed, err := os.ReadFile(filepath.Join(repo, "seeds", "000_9d8ced74e5524e3c.txt"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"jisr.toml":      "baseURL = \"http://127.0.0.1:1313/\"\n[title]\nar = \"جسر\"\nen = \"Jisr\"\n[build]\nshard_size = 1\n",
		"seeds/seed.txt": string(seed),
		"seeds/club.txt": "أبدى رئيس نادي الوحدة الأستاذ هشام مرسي تفاؤله بالموسم المقبل. وقال هشام مرسي إن الفريق جاهز.\n",
		"seeds/oil.txt":  "ارتفعت أسعار النفط في الأسواق العالمية يوم الثلاثاء بعد اجتماع أوبك في فيينا.\n",
	}
	for name, data := range files {
		write(t, filepath.Join(root, name), data)
	}
	// As jisr serve runs it: one session for every build and preview.
	o := build.Options{Root: root, Session: build.NewSession()}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if _, err := build.Run(ctx, o); err != nil {
		t.Fatal(err)
	}
	if err := o.Session.Warm(ctx, o); err != nil {
		t.Fatal(err)
	}
	l, err := project.Resolve(o.Flags())
	if err != nil {
		t.Fatal(err)
	}
	started, release := make(chan struct{}, 1), make(chan struct{})
	full := func(ctx context.Context) error {
		started <- struct{}{}
		<-release
		_, err := build.Run(ctx, o)
		return err
	}
	preview := func(ctx context.Context, changed []string) (map[string][]byte, error) {
		pv, err := build.Preview(ctx, o, changed)
		if err != nil {
			return nil, err
		}
		return pv.Pages, nil
	}
	watch, ignore := Watched(l)
	s := New(Options{Dir: l.Out, Watch: watch, Ignore: ignore, Written: []string{l.Content}, Build: full, Preview: preview, Debounce: 50 * time.Millisecond})
	url, events := watching(t, s, "data: ", 3*time.Minute)

	const edited = "أبدى رئيس نادي الوحدة الأستاذ هشام مرسي تفاؤله بالموسم الجديد. وقال هشام مرسي إن الفريق جاهز.\n"
	write(t, filepath.Join(root, "seeds/club.txt"), edited)
	expect(t, events, "preview", time.Minute)
	select { // the build is called after the preview, and held back
	case <-started:
	case <-time.After(5 * time.Second):
		t.Fatal("the build did not start after the preview")
	}
	_, page, _ := get(t, url+"/articles/club/")
	if !strings.Contains(page, "بالموسم الجديد") {
		t.Errorf("the page after the preview does not show the edit:\n%s", page)
	}
	if disk, _ := os.ReadFile(filepath.Join(l.Out, "articles/club/index.html")); strings.Contains(string(disk), "بالموسم الجديد") {
		t.Error("the preview was written into public/")
	}
	if s.Builds() != 0 || s.Overlaid() == 0 {
		t.Errorf("%d builds, %d pages overlaid during the preview", s.Builds(), s.Overlaid())
	}
	close(release)
	expect(t, events, "site", 2*time.Minute)
	if s.Overlaid() != 0 {
		t.Errorf("%d pages still overlaid after the build", s.Overlaid())
	}
	if _, page, _ := get(t, url+"/articles/club/"); !strings.Contains(page, "بالموسم الجديد") {
		t.Error("the page after the build does not show the edit")
	}
	// The same sources built without serve.
	cold := t.TempDir()
	for name, data := range files {
		write(t, filepath.Join(cold, name), data)
	}
	write(t, filepath.Join(cold, "seeds/club.txt"), edited)
	if _, err := build.Run(context.Background(), build.Options{Root: cold}); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"public", "content"} {
		testenv.DiffTrees(t, dir+": ", "served", "built without serve", osTree(t, filepath.Join(root, dir)), osTree(t, filepath.Join(cold, dir)))
	}
}

// osTree returns every file under dir, slash path → bytes.
func osTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A file saved while a build runs is built next, although the snapshot
// after the build already holds its bytes: sources the build does not
// write (all but Options.Written) are snapshot when the build starts.
func TestSaveDuringBuildIsBuilt(t *testing.T) {
	root := t.TempDir()
	seeds, content, out := filepath.Join(root, "seeds"), filepath.Join(root, "content"), filepath.Join(root, "public")
	write(t, filepath.Join(seeds, "a.txt"), "v1")
	write(t, filepath.Join(content, "a.yaml"), "v1")
	write(t, filepath.Join(out, "index.html"), "<body>v1</body>")
	started, release := make(chan bool, 4), make(chan bool)
	build := func(context.Context) error {
		started <- true
		<-release
		src, _ := os.ReadFile(filepath.Join(seeds, "a.txt"))
		os.WriteFile(filepath.Join(content, "a.yaml"), src, 0o644) // the build's own write
		return os.WriteFile(filepath.Join(out, "index.html"), append([]byte("<body>"), src...), 0o644)
	}
	s := New(Options{Dir: out, Watch: []string{seeds, content}, Written: []string{content}, Build: build, Debounce: 50 * time.Millisecond})
	url, events := watching(t, s, "event: ", 30*time.Second)

	write(t, filepath.Join(seeds, "a.txt"), "v2")
	<-started
	write(t, filepath.Join(seeds, "a.txt"), "v3") // saved during the build
	time.Sleep(200 * time.Millisecond)
	release <- true
	expect(t, events, "reload", 5*time.Second)
	select {
	case <-started:
	case <-time.After(5 * time.Second):
		t.Fatal("the save during the build was not built")
	}
	release <- true
	expect(t, events, "reload", 5*time.Second)
	if _, body, _ := get(t, url+"/"); !strings.Contains(body, "v3") {
		t.Errorf("after both builds: %q", body)
	}
	// The build's own write into content/ starts no build.
	expectNone(t, events, 500*time.Millisecond)
	if n := s.Builds(); n != 2 {
		t.Errorf("%d builds, want 2", n)
	}
}
