package serve

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func write(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func get(t *testing.T, url string) (int, string, http.Header) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

func TestHandler(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "index.html"), "<html><body><p>الرئيسية</p></body></html>")
	write(t, filepath.Join(dir, "en/index.html"), "<html><BODY><p>Home</p></BODY></html>")
	write(t, filepath.Join(dir, "en/articles/a.html"), "<p>no body tag</p>")
	write(t, filepath.Join(dir, "css/jisr.css"), "body{}")
	write(t, filepath.Join(dir, "404.html"), "<html><body>Page not found</body></html>")
	ts := httptest.NewServer(New(Options{Dir: dir}).Handler())
	defer ts.Close()

	tests := []struct {
		path      string
		status    int
		contains  string
		script    bool
		beforeEnd string // the script comes before this
	}{
		{"/", 200, "الرئيسية", true, "</body>"},
		{"/en/", 200, "Home", true, "</BODY>"},
		{"/en/articles/a.html", 200, "no body tag", true, ""},
		{"/css/jisr.css", 200, "body{}", false, ""},
		{"/nope/", 404, "Page not found", true, "</body>"},
		{"/../../etc/passwd", 404, "Page not found", true, ""},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			code, body, h := get(t, ts.URL+tc.path)
			if code != tc.status || !strings.Contains(body, tc.contains) {
				t.Fatalf("%s: %d %q", tc.path, code, body)
			}
			if got := strings.Contains(body, ReloadPath); got != tc.script {
				t.Errorf("%s: reload script present = %v", tc.path, got)
			}
			if tc.beforeEnd != "" && strings.Index(body, ReloadPath) > strings.Index(body, tc.beforeEnd) {
				t.Errorf("%s: script not before %s: %s", tc.path, tc.beforeEnd, body)
			}
			if h.Get("Cache-Control") != "no-store" {
				t.Errorf("%s: Cache-Control %q", tc.path, h.Get("Cache-Control"))
			}
		})
	}
	// A folder without its slash is redirected, as static hosts do.
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(ts.URL + "/en")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/en/" {
		t.Errorf("/en: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	// The site on disk never holds the script.
	data, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	if strings.Contains(string(data), ReloadPath) {
		t.Error("script written into the site")
	}
}

// listen connects to the reload endpoint and returns a channel that gets
// each event name ("connected" first).
func listen(t *testing.T, ctx context.Context, url string) <-chan string {
	t.Helper()
	return listenFor(t, ctx, url, "event: ")
}

// listenFor is listen giving, of each event, the value of its field
// ("event: " for the name, "data: " for the data).
func listenFor(t *testing.T, ctx context.Context, url, field string) <-chan string {
	t.Helper()
	req, _ := http.NewRequestWithContext(ctx, "GET", url+ReloadPath, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	events := make(chan string, 10)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if ev, ok := strings.CutPrefix(sc.Text(), field); ok {
				events <- ev
			}
			if strings.HasPrefix(sc.Text(), ": ") {
				events <- "connected"
			}
		}
		close(events)
	}()
	return events
}

func expect(t *testing.T, events <-chan string, want string, within time.Duration) {
	t.Helper()
	select {
	case ev := <-events:
		if ev != want {
			t.Fatalf("event %q, want %q", ev, want)
		}
	case <-time.After(within):
		t.Fatalf("no %q event within %s", want, within)
	}
}

func expectNone(t *testing.T, events <-chan string, within time.Duration) {
	t.Helper()
	select {
	case ev := <-events:
		t.Fatalf("unexpected event %q", ev)
	case <-time.After(within):
	}
}

func TestReloadEvent(t *testing.T) {
	s := New(Options{Dir: t.TempDir()})
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	a, b := listen(t, ctx, ts.URL), listen(t, ctx, ts.URL)
	expect(t, a, "connected", 2*time.Second)
	expect(t, b, "connected", 2*time.Second)
	s.Reload()
	expect(t, a, "reload", 2*time.Second)
	expect(t, b, "reload", 2*time.Second)
	expectNone(t, a, 100*time.Millisecond)
}

// TestWatch: an edited source rebuilds the site and reloads the page; the
// build's own writes into content/ do not start another build; a failed
// build does not reload.
func TestWatch(t *testing.T) {
	root := t.TempDir()
	seeds, content, out := filepath.Join(root, "seeds"), filepath.Join(root, "content"), filepath.Join(root, "public")
	write(t, filepath.Join(seeds, "a.txt"), "v1")
	write(t, filepath.Join(content, "articles/a/segments.yaml"), "v1")
	write(t, filepath.Join(root, "jisr.toml"), "")
	write(t, filepath.Join(root, "notes.txt"), "")
	write(t, filepath.Join(out, "index.html"), "<body>v1</body>")
	var fail atomic.Bool
	build := func(context.Context) error {
		if fail.Load() {
			return os.ErrInvalid
		}
		// Like jisr: content/ is rewritten from the seeds through a
		// temporary file, and the site is written into public/.
		src, _ := os.ReadFile(filepath.Join(seeds, "a.txt"))
		tmp := filepath.Join(content, "articles/a/.tmp-segments")
		os.WriteFile(tmp, src, 0o644)
		os.Rename(tmp, filepath.Join(content, "articles/a/segments.yaml"))
		os.MkdirAll(filepath.Join(content, "entities/new"), 0o755)
		os.WriteFile(filepath.Join(content, "entities/new/_index.en.md"), src, 0o644)
		return os.WriteFile(filepath.Join(out, "index.html"), append([]byte("<body>"), src...), 0o644)
	}
	s := New(Options{Dir: out, Watch: []string{seeds, content, filepath.Join(root, "templates"), filepath.Join(root, "jisr.toml"), out},
		Ignore: []string{out}, Build: build, Debounce: 50 * time.Millisecond})
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- s.Watch(ctx) }()
	events := listen(t, ctx, ts.URL)
	expect(t, events, "connected", 2*time.Second)
	time.Sleep(100 * time.Millisecond) // let the watcher start

	write(t, filepath.Join(seeds, "a.txt"), "v2")
	expect(t, events, "reload", 5*time.Second)
	if _, body, _ := get(t, ts.URL+"/"); !strings.Contains(body, "v2") {
		t.Errorf("page after rebuild: %q", body)
	}
	// The build wrote content/ (a changed file, a temporary file, a new
	// folder): no second build.
	expectNone(t, events, 500*time.Millisecond)
	if n := s.Builds(); n != 1 {
		t.Errorf("%d builds after one edit, want 1", n)
	}

	// An edit in content/ by hand, and a file saved with the same bytes.
	write(t, filepath.Join(content, "articles/a/segments.yaml"), "v2 corrected")
	expect(t, events, "reload", 5*time.Second)
	write(t, filepath.Join(content, "entities/new/_index.en.md"), "v2")
	write(t, filepath.Join(root, "notes.txt"), "not watched")
	expectNone(t, events, 500*time.Millisecond)
	if n := s.Builds(); n != 2 {
		t.Errorf("%d builds, want 2", n)
	}

	// The config file, and a templates/ folder that did not exist.
	write(t, filepath.Join(root, "jisr.toml"), "baseURL = \"x\"")
	expect(t, events, "reload", 5*time.Second)
	write(t, filepath.Join(root, "templates/layouts/page.html"), "x")
	expect(t, events, "reload", 5*time.Second)
	expectNone(t, events, 300*time.Millisecond)

	// A failed build keeps the old site and does not reload.
	fail.Store(true)
	write(t, filepath.Join(seeds, "b.txt"), "new")
	expectNone(t, events, 700*time.Millisecond)
	if n := s.Builds(); n != 5 {
		t.Errorf("%d builds, want 5", n)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Watch did not stop")
	}
}

// TestServe: the server answers on its listener, streams events, and stops
// with its context, event streams included.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "index.html"), "<body>home</body>")
	s := New(Options{Dir: dir, Build: func(context.Context) error { return nil }})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	url := "http://" + ln.Addr().String()
	if _, body, _ := get(t, url+"/"); !strings.Contains(body, "home") || !strings.Contains(body, ReloadPath) {
		t.Errorf("home: %q", body)
	}
	lctx, lcancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer lcancel()
	events := listen(t, lctx, url)
	expect(t, events, "connected", 2*time.Second)
	cancel()
	// The stream ends with the server.
	select {
	case _, open := <-events:
		if open {
			t.Error("event after shutdown")
		}
	case <-time.After(3 * time.Second):
		t.Error("event stream still open after shutdown")
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not stop")
	}
}
