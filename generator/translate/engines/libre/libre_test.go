package libre

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jisr-news/jisr/generator/translate"
	"github.com/jisr-news/jisr/generator/translate/engines/enginetest"
)

// server speaks LibreTranslate: it answers each q with "EN<" + q + ">".
func server(t *testing.T, seen *[]map[string]any) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/translate" {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		if ct := r.Header.Get("Content-Type"); ct != "application/json" {
			t.Errorf("Content-Type %q", ct)
		}
		var req map[string]any
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			http.Error(w, `{"error":"bad json"}`, http.StatusBadRequest)
			return
		}
		if seen != nil {
			*seen = append(*seen, req)
		}
		var out []string
		for _, q := range req["q"].([]any) {
			out = append(out, "EN<"+q.(string)+">")
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"translatedText": out})
	})
}

func TestRequestAndTranslation(t *testing.T) {
	var seen []map[string]any
	srv := enginetest.NewServer(t, server(t, &seen), nil)
	eng, err := Provider().New(translate.Options{URL: srv.URL + "/", Settings: map[string]any{"batch": 2},
		Getenv: func(k string) string {
			if k == KeyEnv {
				return "sekret"
			}
			return ""
		}})
	if err != nil {
		t.Fatal(err)
	}
	in := []string{"أ", "ب", "ج"}
	out, err := eng.Translate(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(out, "|") != "EN<أ>|EN<ب>|EN<ج>" {
		t.Errorf("got %q", out)
	}
	if srv.Requests() != 2 || len(seen) != 2 {
		t.Fatalf("requests %d, want 2 batches of at most 2", srv.Requests())
	}
	want := map[string]any{"source": "ar", "target": "en", "format": "text", "api_key": "sekret"}
	for k, v := range want {
		if seen[0][k] != v {
			t.Errorf("request %s = %v, want %v", k, seen[0][k], v)
		}
	}
	if len(seen[0]["q"].([]any)) != 2 || len(seen[1]["q"].([]any)) != 1 {
		t.Errorf("batches: %v", seen)
	}
	if eng.Status() != translate.StatusMachine || eng.Name() != "libretranslate" {
		t.Errorf("identity %s %s", eng.Name(), eng.Status())
	}
}

// TestRateCountsTexts: a server with --req-limit 6 charges a batch of 3
// texts as 3 requests. With rate in texts, 6 texts spend the burst; the
// 7th waits (here: past the deadline, so it is never sent), where a limit
// counting HTTP calls would have sent it into a 429.
func TestRateCountsTexts(t *testing.T) {
	s, h := enginetest.NewLibre(enginetest.Limits{Budget: 6}, "sekret")
	srv := enginetest.NewServer(t, h, nil)
	eng, err := New(translate.Options{URL: srv.URL, Settings: map[string]any{"batch": 3, "rate": 0.001, "burst": 6, "retries": -1},
		Getenv: func(string) string { return "sekret" }})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := eng.Translate(context.Background(), []string{"أ", "ب", "ج", "د", "ه", "و"}); err != nil {
		t.Fatal(err)
	}
	if s.Used() != 6 || srv.Requests() != 2 {
		t.Fatalf("server charged %d texts in %d requests, want 6 in 2", s.Used(), srv.Requests())
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := eng.Translate(ctx, []string{"ز"}); err == nil || srv.Requests() != 2 {
		t.Errorf("7th text: %v after %d requests; want a rate wait, not a request", err, srv.Requests())
	}
}

// TestStrictServerShapes: the strict server refuses a wrong key (403) and
// a spent limit (429 "Slowdown"), in LibreTranslate's {"error"} shape,
// and the errors never show the key.
func TestStrictServerShapes(t *testing.T) {
	_, h := enginetest.NewLibre(enginetest.Limits{Budget: 1}, "sekret")
	srv := enginetest.NewServer(t, h, nil)
	eng, _ := New(translate.Options{URL: srv.URL, Settings: enginetest.Settings(), Getenv: func(string) string { return "wrong-key" }})
	if _, err := eng.Translate(context.Background(), []string{"أ"}); err == nil || !strings.Contains(err.Error(), "Invalid API key") || strings.Contains(err.Error(), "wrong-key") {
		t.Errorf("wrong key: %v", err)
	}
	eng, _ = New(translate.Options{URL: srv.URL, Settings: enginetest.Settings(), Getenv: func(string) string { return "sekret" }})
	if _, err := eng.Translate(context.Background(), []string{"أ", "ب"}); err == nil || !strings.Contains(err.Error(), "Slowdown") {
		t.Errorf("over the limit: %v", err)
	}
}

func TestWrongCountIsAnError(t *testing.T) {
	srv := enginetest.NewServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"translatedText":["only one"]}`))
	}), nil)
	eng, _ := New(translate.Options{URL: srv.URL})
	if out, err := eng.Translate(context.Background(), []string{"أ", "ب"}); err == nil {
		t.Fatalf("got %q for two texts", out)
	}
}

func TestFaults(t *testing.T) {
	enginetest.Run(t, func(url string) (translate.Engine, error) {
		return New(translate.Options{URL: url, Settings: enginetest.Settings()})
	}, server(t, nil))
}

// A key pasted into the environment with its newline (or spaces around
// it) is sent trimmed, as every other engine's key is.
func TestKeyTrimmed(t *testing.T) {
	_, h := enginetest.NewLibre(enginetest.Limits{}, "sekret")
	srv := enginetest.NewServer(t, h, nil)
	eng, err := New(translate.Options{URL: srv.URL, Settings: enginetest.Settings(),
		Getenv: func(k string) string {
			if k == KeyEnv {
				return " sekret\n"
			}
			return ""
		}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := eng.Translate(context.Background(), []string{"نص"}); err != nil {
		t.Fatalf("key with white space around it: %v", err)
	}
}
