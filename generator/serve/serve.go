// Package serve is jisr's live preview: it serves a built site over HTTP,
// rebuilds it when its sources change, and reloads the pages open in the
// browser.
//
// In: Options naming the site folder (public/), the sources to watch
// (seeds/, content/, templates/, static/, jisr.toml) and a Build function.
// Out: an HTTP server on 127.0.0.1:1313 that serves the site as GitHub
// Pages would (folders open index.html, missing pages get 404.html) and
// injects a small live-reload script into each HTML response. The script
// listens on a server-sent-events endpoint (ReloadPath); nothing of it is
// ever written into the site, so normal builds are unaffected.
//
// A change is shown in two steps. First the preview (Options.Preview):
// the pages of the changed articles, rendered without writing anything,
// are laid over the site (the overlay: served before the files of Dir,
// never written into it) and the pages reload. Then the build
// (Options.Build) rebuilds the whole site into Dir as a build without
// serve does; the overlay is cleared and the pages reload again. Between
// the two, a page the preview rendered shows the edit, and everything
// else (lists, feeds, search, the link check's verdict) is still the last
// build's; a change the preview cannot show (templates, configuration)
// goes to the build alone. A failed build clears the overlay too, so the
// last good site is what stays served.
//
// The build itself writes into content/, which is watched. To avoid a
// rebuild loop, the watcher keeps a hash of every watched file after each
// build and ignores events whose file is unchanged from it: the build's own
// writes are in the snapshot, an editor's save is not. The paths the build
// does not write (Options.Written) are hashed when it starts instead, so
// that a save during a build is not taken for the build's own.
package serve

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/jisr-news/jisr/generator/project"
	"github.com/jisr-news/jisr/generator/safepath"
)

// DefaultAddr is where the preview listens unless told otherwise.
const DefaultAddr = "127.0.0.1:1313"

// ReloadPath is the server-sent-events endpoint the injected script listens
// on.
const ReloadPath = "/_jisr/reload"

// reloadScript is injected before </body> of every HTML page served.
const reloadScript = `<script>/* jisr serve: live reload */(function(){var es=new EventSource("` + ReloadPath + `");es.addEventListener("reload",function(){location.reload()});})();</script>`

// Options configure a Server.
type Options struct {
	// Addr is the listen address; empty means DefaultAddr.
	Addr string
	// Dir is the built site folder.
	Dir string
	// Watch lists folders (watched with everything under them) and files
	// whose changes trigger a rebuild. Missing ones are skipped.
	Watch []string
	// Ignore lists folders under Watch never to watch, such as the output
	// folder. Hidden folders (.git) are always skipped.
	Ignore []string
	// Written lists the paths of Watch that the build writes into itself
	// (content/). Their files are snapshot after each build, so that the
	// build's own writes start no other; the other paths are snapshot
	// when a build starts, so that a file saved while it runs is built
	// next. Nil: every path is snapshot after the build.
	Written []string
	// Build rebuilds the site into Dir. A failed build is logged and the
	// last good site stays served.
	Build func(ctx context.Context) error
	// Preview, when not nil, is run before Build with the changed files:
	// it returns pages (slash paths from the site's root, such as
	// "/articles/x/index.html", → bytes) to serve before Dir's until
	// Build is done. An error (such as a change it cannot show) is
	// logged, and Build runs as without it.
	Preview func(ctx context.Context, changed []string) (map[string][]byte, error)
	// Log receives progress and errors; nil discards them.
	Log io.Writer
	// Debounce is how long the watcher waits for more changes before it
	// rebuilds; zero means 150 ms.
	Debounce time.Duration
}

// Server serves a site and reloads its open pages.
type Server struct {
	o       Options
	mu      sync.Mutex
	clients map[chan string]struct{}
	snap    map[string][sha256.Size]byte
	builds  int
	// overlay holds the preview's pages while the build runs (Options.Preview).
	overlay  map[string][]byte
	previews int
}

// New returns a Server for o.
func New(o Options) *Server {
	if o.Addr == "" {
		o.Addr = DefaultAddr
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	if o.Debounce == 0 {
		o.Debounce = 150 * time.Millisecond
	}
	return &Server{o: o, clients: map[chan string]struct{}{}}
}

// Handler serves the site folder with the reload script injected into HTML,
// and the reload events at ReloadPath. Nothing is cached by the browser.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc(ReloadPath, s.events)
	mux.HandleFunc("/", s.file)
	return mux
}

// file serves one file of the site the way a static host does.
func (s *Server) file(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	p := path.Clean("/" + r.URL.Path)
	if s.fromOverlay(w, r, p) {
		return
	}
	name := filepath.Join(s.o.Dir, filepath.FromSlash(p))
	info, err := os.Stat(name)
	if err == nil && info.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		name = filepath.Join(name, "index.html")
		info, err = os.Stat(name)
	}
	if err != nil || info.IsDir() {
		s.notFound(w, r)
		return
	}
	if !strings.EqualFold(filepath.Ext(name), ".html") {
		http.ServeFile(w, r, name)
		return
	}
	data, err := os.ReadFile(name)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(inject(data))
}

// fromOverlay serves the preview's page for the site path p, when the
// overlay has one, and reports whether it did.
func (s *Server) fromOverlay(w http.ResponseWriter, r *http.Request, p string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.overlay) == 0 {
		return false
	}
	name := p
	if strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(p, "index.html")
	}
	data, ok := s.overlay[name]
	if !ok {
		if _, dir := s.overlay[path.Join(p, "index.html")]; dir { // a new article's folder
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return true
		}
		return false
	}
	if !strings.EqualFold(path.Ext(name), ".html") {
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
		return true
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(inject(data))
	return true
}

// setOverlay replaces the overlay (nil clears it) and reports whether
// there was one.
func (s *Server) setOverlay(pages map[string][]byte) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	had := len(s.overlay) > 0
	s.overlay = pages
	return had
}

// Overlaid returns how many preview pages are served now.
func (s *Server) Overlaid() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.overlay)
}

// notFound answers with the site's 404.html, as GitHub Pages does.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	data, err := os.ReadFile(filepath.Join(s.o.Dir, "404.html"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	w.Write(inject(data))
}

// inject puts the reload script before the last </body>, or at the end.
func inject(page []byte) []byte {
	i := bytes.LastIndex(bytes.ToLower(page), []byte("</body>"))
	if i < 0 {
		return append(page[:len(page):len(page)], reloadScript...)
	}
	out := make([]byte, 0, len(page)+len(reloadScript))
	out = append(out, page[:i]...)
	out = append(out, reloadScript...)
	return append(out, page[i:]...)
}

// events streams a "reload" event to the page each time Reload is called;
// its data says why ("preview" after the preview, "site" after a build).
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	ch, done := s.subscribe()
	defer done()
	io.WriteString(w, ": jisr live reload\n\n")
	fl.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case why := <-ch:
			if _, err := io.WriteString(w, "event: reload\ndata: "+why+"\n\n"); err != nil {
				return
			}
			fl.Flush()
		}
	}
}

func (s *Server) subscribe() (chan string, func()) {
	ch := make(chan string, 1)
	s.mu.Lock()
	s.clients[ch] = struct{}{}
	s.mu.Unlock()
	return ch, func() {
		s.mu.Lock()
		delete(s.clients, ch)
		s.mu.Unlock()
	}
}

// Reload tells every open page to reload.
func (s *Server) Reload() { s.reload("site") }

// reload tells every open page to reload, saying why.
func (s *Server) reload(why string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for ch := range s.clients {
		select {
		case ch <- why:
		default: // a reload is already pending for this page
		}
	}
}

// Previews reports how many previews the watcher has served.
func (s *Server) Previews() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.previews
}

// Builds reports how many rebuilds the watcher has run.
func (s *Server) Builds() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.builds
}

// Run listens on Options.Addr, serves, and watches until ctx is done.
func (s *Server) Run(ctx context.Context) error {
	ln, err := net.Listen("tcp", s.o.Addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	return s.Serve(ctx, ln)
}

// Serve is Run on a listener the caller opened.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Requests live in ctx, so that open event streams end with the server.
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second,
		BaseContext: func(net.Listener) context.Context { return ctx }}
	werr := make(chan error, 1)
	go func() { werr <- s.Watch(ctx) }()
	go func() {
		<-ctx.Done()
		sctx, c := context.WithTimeout(context.Background(), time.Second)
		defer c()
		srv.Shutdown(sctx)
	}()
	fmt.Fprintf(s.o.Log, "serving %s at http://%s/ (Ctrl+C stops)\n", s.o.Dir, ln.Addr())
	err := srv.Serve(ln)
	cancel()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	if werr := <-werr; err == nil && werr != nil && !errors.Is(werr, context.Canceled) {
		err = werr
	}
	return err
}

// Watch rebuilds the site and reloads the pages whenever a watched source
// changes, until ctx is done. It assumes the site was built from the
// current sources when it starts.
func (s *Server) Watch(ctx context.Context) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("serve: watch: %w", err)
	}
	defer w.Close()
	for _, p := range s.o.Watch {
		if err := s.add(w, p); err != nil {
			return err
		}
	}
	s.setSnapshot(s.snapshot(func(string) bool { return true }))

	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			fmt.Fprintf(s.o.Log, "serve: watch: %v\n", err)
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if !s.watched(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					s.add(w, ev.Name)
				}
			}
			pending[ev.Name] = true
			timer.Reset(s.o.Debounce)
		case <-timer.C:
			changed := s.changed(pending)
			pending = map[string]bool{}
			if len(changed) == 0 {
				continue
			}
			fmt.Fprintf(s.o.Log, "changed: %s; rebuilding\n", strings.Join(changed, ", "))
			s.preview(ctx, changed)
			// What the build is about to read (a save from here on is
			// read by it or built next).
			unwritten := s.snapshot(func(root string) bool { return !s.writes(root) })
			err := s.o.Build(ctx)
			// The build's own writes are now part of the snapshot, so the
			// events they cause are ignored; a save elsewhere during the
			// build is not.
			snap := s.snapshot(s.writes)
			maps.Copy(snap, unwritten)
			s.setSnapshot(snap)
			s.mu.Lock()
			s.builds++
			s.mu.Unlock()
			previewed := s.setOverlay(nil)
			if err != nil {
				fmt.Fprintf(s.o.Log, "build failed; still serving the last good site: %v\n", err)
				if previewed { // the pages showed an edit that was not built
					s.reload("site")
				}
				continue
			}
			s.Reload()
		}
	}
}

// preview runs Options.Preview on the changed files and, when it gives
// pages, serves them and reloads the open pages.
func (s *Server) preview(ctx context.Context, changed []string) {
	if s.o.Preview == nil {
		return
	}
	start := time.Now()
	pages, err := s.o.Preview(ctx, changed)
	if err != nil {
		fmt.Fprintf(s.o.Log, "preview: %v\n", err)
		return
	}
	if len(pages) == 0 {
		return
	}
	s.setOverlay(pages)
	s.mu.Lock()
	s.previews++
	s.mu.Unlock()
	fmt.Fprintf(s.o.Log, "preview: %d pages in %s; building the rest\n", len(pages), time.Since(start).Round(time.Millisecond))
	s.reload("preview")
}

// add watches p: a folder with all its subfolders, or a file through its
// folder.
func (s *Server) add(w *fsnotify.Watcher, p string) error {
	info, err := os.Stat(p)
	if err != nil {
		return nil // a missing source folder is not an error
	}
	if !info.IsDir() {
		return w.Add(filepath.Dir(p))
	}
	return filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if q != p && (strings.HasPrefix(d.Name(), ".") || s.ignored(q)) {
			return filepath.SkipDir
		}
		if err := w.Add(q); err != nil {
			return fmt.Errorf("serve: watch %s: %w", q, err)
		}
		return nil
	})
}

func (s *Server) ignored(p string) bool {
	for _, ig := range s.o.Ignore {
		if safepath.Within(ig, p) {
			return true
		}
	}
	return false
}

// watched reports whether p is a watched file or lies in a watched folder.
func (s *Server) watched(p string) bool {
	if s.ignored(p) {
		return false
	}
	for _, w := range s.o.Watch {
		if safepath.Within(w, p) { // a watched file, or a file in a watched folder
			return true
		}
	}
	return false
}

// writes reports whether the build writes into the watched path root
// (Options.Written).
func (s *Server) writes(root string) bool {
	if s.o.Written == nil {
		return true
	}
	for _, w := range s.o.Written {
		if safepath.Within(w, root) {
			return true
		}
	}
	return false
}

// snapshot hashes every file under the watched paths for which which is
// true.
func (s *Server) snapshot(which func(root string) bool) map[string][sha256.Size]byte {
	snap := map[string][sha256.Size]byte{}
	for _, root := range s.o.Watch {
		if !which(root) {
			continue
		}
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() {
				if p != root && (strings.HasPrefix(d.Name(), ".") || s.ignored(p)) {
					return filepath.SkipDir
				}
				return nil
			}
			if data, err := os.ReadFile(p); err == nil {
				snap[p] = sha256.Sum256(data)
			}
			return nil
		})
	}
	return snap
}

func (s *Server) setSnapshot(snap map[string][sha256.Size]byte) {
	s.mu.Lock()
	s.snap = snap
	s.mu.Unlock()
}

// changed returns the paths whose content differs from the snapshot: new,
// edited or removed files. A temporary file that came and went, or a file
// the build rewrote with the bytes it already had, is not a change.
func (s *Server) changed(paths map[string]bool) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for p := range paths {
		old, had := s.snap[p]
		data, err := os.ReadFile(p)
		switch {
		case err != nil && had: // removed
			out = append(out, p)
		case err != nil: // came and went, or a folder
			if info, serr := os.Stat(p); serr == nil && info.IsDir() {
				// A new folder: its files have events of their own, but
				// those may have come before the watch was added.
				for q := range s.snapshotOf(p) {
					if _, ok := s.snap[q]; !ok {
						out = append(out, q)
					}
				}
			}
		case !had || sha256.Sum256(data) != old:
			out = append(out, p)
		}
	}
	return out
}

func (s *Server) snapshotOf(dir string) map[string]bool {
	files := map[string]bool{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files[p] = true
		}
		return nil
	})
	return files
}

// Watched returns what the preview of the project laid out by l watches
// (its seeds, content, templates and static folders and its config file,
// as package project resolved them) and ignores (its output folder).
func Watched(l *project.Layout) (watch, ignore []string) {
	return []string{l.Seeds, l.Content, l.Templates, l.Static, l.ConfigFile}, []string{l.Out}
}
