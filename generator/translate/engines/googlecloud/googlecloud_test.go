package googlecloud

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/jisr-news/jisr/generator/translate"
	"github.com/jisr-news/jisr/generator/translate/engines/enginetest"
	"github.com/jisr-news/jisr/generator/translate/resilient"
)

const key = "AIza-test-key"

func env(k string) string {
	if k == KeyEnv {
		return key
	}
	return ""
}

type seenReq struct {
	method, path string
	params       map[string][]string
}

// server speaks Cloud Translation v2: each q comes back "EN<q>".
func server(t *testing.T, mu *sync.Mutex, seen *[]seenReq) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/language/translate/v2" {
			http.Error(w, `{"error":{"code":404,"message":"not found"}}`, http.StatusNotFound)
			return
		}
		if err := r.ParseForm(); err != nil {
			http.Error(w, "bad form", http.StatusBadRequest)
			return
		}
		if r.Form.Get("key") != key {
			http.Error(w, `{"error":{"code":403,"message":"API key not valid"}}`, http.StatusForbidden)
			return
		}
		if seen != nil {
			mu.Lock()
			*seen = append(*seen, seenReq{r.Method, r.URL.Path, r.Form})
			mu.Unlock()
		}
		var tr []map[string]string
		for _, q := range r.Form["q"] {
			tr = append(tr, map[string]string{"translatedText": "EN<" + q + ">"})
		}
		w.Header().Set("Content-Type", "application/json; charset=UTF-8")
		json.NewEncoder(w).Encode(map[string]any{"data": map[string]any{"translations": tr}})
	})
}

func TestRequestAndTranslation(t *testing.T) {
	var mu sync.Mutex
	var seen []seenReq
	srv := enginetest.NewServer(t, server(t, &mu, &seen), nil)
	eng, err := Provider().New(translate.Options{URL: srv.URL + "/language/translate/", Getenv: env, Settings: map[string]any{"model": "nmt", "batch": 2}})
	if err != nil {
		t.Fatal(err)
	}
	out, err := eng.Translate(context.Background(), []string{"أ", "ب", "ج"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(out, "|") != "EN<أ>|EN<ب>|EN<ج>" {
		t.Errorf("got %q", out)
	}
	if len(seen) != 2 {
		t.Fatalf("%d requests, want 2", len(seen))
	}
	p := seen[0].params
	for k, v := range map[string]string{"source": "ar", "target": "en", "format": "text", "model": "nmt"} {
		if got := strings.Join(p[k], ","); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
	if len(p["q"]) != 2 {
		t.Errorf("q = %q", p["q"])
	}
	if eng.Model() != "nmt" {
		t.Errorf("Model() = %q", eng.Model())
	}
}

func TestKeyRefusedIsFinalAndHidden(t *testing.T) {
	srv := enginetest.NewServer(t, server(t, nil, nil), nil)
	eng, err := New(translate.Options{URL: srv.URL + "/language/translate/", Settings: enginetest.Settings(),
		Getenv: func(string) string { return "wrong-key-123" }})
	if err != nil {
		t.Fatal(err)
	}
	_, err = eng.Translate(context.Background(), []string{"أ"})
	var re *resilient.Error
	if !errors.As(err, &re) || re.Kind != resilient.Final || srv.Requests() != 1 {
		t.Fatalf("refused key: %v after %d requests, want a final error after 1", err, srv.Requests())
	}
	if strings.Contains(err.Error(), "wrong-key-123") {
		t.Errorf("error shows the key: %v", err)
	}
	if _, err := New(translate.Options{Getenv: func(string) string { return "" }}); err == nil {
		t.Error("no key accepted")
	}
}

func TestUserRateLimitRetried(t *testing.T) {
	srv := enginetest.NewServer(t, server(t, nil, nil), func(n int, w http.ResponseWriter, r *http.Request) bool {
		if n > 1 {
			return false
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusForbidden)
		w.Write([]byte(`{"error":{"code":403,"message":"User Rate Limit Exceeded","errors":[{"reason":"userRateLimitExceeded"}]}}`))
		return true
	})
	eng, _ := New(translate.Options{URL: srv.URL + "/language/translate/", Getenv: env, Settings: enginetest.Settings()})
	out, err := eng.Translate(context.Background(), []string{"أ"})
	if err != nil || len(out) != 1 || srv.Requests() != 2 {
		t.Errorf("got %q, %v after %d requests", out, err, srv.Requests())
	}
}

func TestFaults(t *testing.T) {
	enginetest.Run(t, func(url string) (translate.Engine, error) {
		return New(translate.Options{URL: url + "/language/translate/", Getenv: env, Settings: enginetest.Settings()})
	}, server(t, nil, nil))
}
