package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/jisr-news/jisr/generator/translate/engines/enginetest"
)

// counted wraps a handler and counts the requests it serves.
func counted(h http.Handler) (http.Handler, *atomic.Int64) {
	var n atomic.Int64
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		h.ServeHTTP(w, r)
	}), &n
}

// TestBuildEveryEngine runs "jisr build --engine X --engine-url URL" with
// every HTTP engine against a local server that speaks its protocol: the
// English page says which engine translated it, and a second build with the
// warm store sends no request at all.
func TestBuildEveryEngine(t *testing.T) {
	for _, tt := range engineCases() {
		t.Run(tt.engine, func(t *testing.T) {
			h, n := counted(tt.handler)
			srv := httptest.NewServer(h)
			defer srv.Close()
			if tt.env != "" {
				t.Setenv(tt.env, "k1:fx")
			}
			dir := seedProject(t)
			out, code := run(t, "build", "--root", dir, "--engine", tt.engine, "--engine-url", srv.URL+tt.path)
			if code != 0 || n.Load() == 0 {
				t.Fatalf("exit %d, %d requests:\n%s", code, n.Load(), out)
			}
			if strings.Contains(out, "k1:fx") {
				t.Error("the key was printed")
			}
			en, err := os.ReadFile(filepath.Join(dir, "public", "en", "articles", "seed", "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(en), "machine translation by "+tt.engine) || !strings.Contains(string(en), "EN&lt;") {
				t.Errorf("English page does not show the %s translation and its provenance", tt.engine)
			}
			for _, f := range []string{"content/articles/seed/segments.yaml", "content/articles/seed/index.en.md"} {
				if b, _ := os.ReadFile(filepath.Join(dir, f)); strings.Contains(string(b), "k1:fx") {
					t.Errorf("%s holds the key", f)
				}
			}
			before := n.Load()
			if out, code := run(t, "build", "--root", dir, "--engine", tt.engine, "--engine-url", srv.URL+tt.path); code != 0 || n.Load() != before {
				t.Errorf("warm build: exit %d, %d new requests:\n%s", code, n.Load()-before, out)
			}
		})
	}
}

// TestBuildFailingEngineFallsBack: an engine that always fails degrades to
// gist with a clear summary; the site still builds and says it is a gist,
// and the next build with a working engine upgrades those segments.
func TestBuildFailingEngineFallsBack(t *testing.T) {
	var fail atomic.Bool
	fail.Store(true)
	good := enginetest.FakeLibre()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if fail.Load() {
			http.Error(w, "down", http.StatusInternalServerError)
			return
		}
		good.ServeHTTP(w, r)
	}))
	defer srv.Close()
	dir := seedProject(t)
	out, code := run(t, "build", "--root", dir, "--engine", "libretranslate", "--engine-url", srv.URL)
	if code != 0 || !strings.Contains(out, "fell back to gist") {
		t.Fatalf("exit %d; summary does not report the fallback:\n%s", code, out)
	}
	en, _ := os.ReadFile(filepath.Join(dir, "public", "en", "articles", "seed", "index.html"))
	if !strings.Contains(string(en), "automatic gist") {
		t.Error("English page after fallback does not say it is a gist")
	}
	fail.Store(false)
	if out, code := run(t, "build", "--root", dir, "--engine", "libretranslate", "--engine-url", srv.URL); code != 0 || strings.Contains(out, "fell back") {
		t.Fatalf("recovery build: exit %d:\n%s", code, out)
	}
	seg, _ := os.ReadFile(filepath.Join(dir, "content", "articles", "seed", "segments.yaml"))
	if strings.Contains(string(seg), "status: gist") || !strings.Contains(string(seg), "status: machine") {
		t.Error("gist segments were not upgraded once the engine worked")
	}
}
