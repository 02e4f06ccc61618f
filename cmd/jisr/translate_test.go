package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// libreServer answers LibreTranslate requests with "EN<q>" and counts them.
func libreServer(t *testing.T) (*httptest.Server, *atomic.Int64) {
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		var req struct{ Q []string }
		if r.URL.Path != "/translate" || json.NewDecoder(r.Body).Decode(&req) != nil {
			http.Error(w, "bad", http.StatusBadRequest)
			return
		}
		out := make([]string, len(req.Q))
		for i, q := range req.Q {
			out[i] = "EN<" + q + ">"
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"translatedText": out})
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func TestTranslateText(t *testing.T) {
	srv, n := libreServer(t)
	root.SetIn(strings.NewReader("قال الرئيس\n\nفي العراق ٣ قتلى\n"))
	defer root.SetIn(nil)
	out, code := run(t, "translate", "--root", t.TempDir(), "--text", "--engine", "libretranslate", "--engine-url", srv.URL)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, out)
	}
	if !strings.Contains(out, "EN<قال الرئيس>\n\nEN<في Iraq 3 قتلى>\n") {
		t.Errorf("output %q", out)
	}
	if n.Load() != 1 {
		t.Errorf("%d requests, want 1", n.Load())
	}
}

func TestTranslateFillsStoreThenSendsNothing(t *testing.T) {
	srv, n := libreServer(t)
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "seeds"), 0o755)
	os.WriteFile(filepath.Join(dir, "seeds", "a.txt"), []byte("عنوان الخبر\n\nقال الرئيس إن الحكومة ستجتمع غدا.\n"), 0o644)
	for i, want := range []string{"machine", "machine"} {
		out, code := run(t, "translate", "--root", dir, "--engine", "libretranslate", "--engine-url", srv.URL)
		if code != 0 || !strings.Contains(out, want) {
			t.Fatalf("run %d: exit %d: %s", i+1, code, out)
		}
		if i == 0 && n.Load() == 0 {
			t.Fatal("cold store sent no request")
		}
		if i == 1 && n.Load() != 1 {
			t.Errorf("warm store: %d requests in all, want the first run's 1", n.Load())
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("translate rendered the site")
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "content", "articles", "*", "segments.yaml"))
	if len(matches) != 1 {
		t.Fatalf("store files %v", matches)
	}
	data, _ := os.ReadFile(matches[0])
	if !strings.Contains(string(data), "engine: libretranslate") {
		t.Errorf("store:\n%s", data)
	}
}
