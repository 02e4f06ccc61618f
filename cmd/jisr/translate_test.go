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

	"github.com/jisr-news/jisr/generator/translate/engines/enginetest"
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

// engineCase is an HTTP engine with a local server that speaks its
// protocol: the path to append to the server's URL, and the environment
// variable that holds its key (set to "k1:fx").
type engineCase struct {
	engine, path, env string
	handler           http.Handler
}

func engineCases() []engineCase {
	return []engineCase{
		{"libretranslate", "", "", enginetest.FakeLibre()},
		{"deepl", "", "JISR_DEEPL_KEY", enginetest.FakeDeepL("k1:fx")},
		{"google", "", "", enginetest.FakeGoogle()},
		{"google-cloud", "/language/translate/", "JISR_GOOGLE_CLOUD_KEY", enginetest.FakeGoogleCloud("k1:fx")},
		{"azure", "", "JISR_AZURE_KEY", enginetest.FakeAzure("k1:fx", "")},
		{"openai", "/v1/", "JISR_OPENAI_KEY", enginetest.FakeOpenAI()},
	}
}

// TestTranslateTextEveryEngine runs jisr translate --text with every HTTP
// engine against a local server that speaks its protocol.
func TestTranslateTextEveryEngine(t *testing.T) {
	for _, tt := range engineCases() {
		t.Run(tt.engine, func(t *testing.T) {
			srv := httptest.NewServer(tt.handler)
			defer srv.Close()
			if tt.env != "" {
				t.Setenv(tt.env, "k1:fx")
			}
			root.SetIn(strings.NewReader("قال الرئيس\nفي العراق ٣ قتلى\n"))
			defer root.SetIn(nil)
			out, code := run(t, "translate", "--root", t.TempDir(), "--text", "--engine", tt.engine, "--engine-url", srv.URL+tt.path)
			if code != 0 || !strings.Contains(out, "EN<قال الرئيس>\nEN<في Iraq 3 قتلى>\n") || strings.Contains(out, "fell back") {
				t.Errorf("exit %d: %q", code, out)
			}
		})
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
