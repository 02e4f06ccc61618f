package googlecloud

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
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

func strict(t *testing.T, l enginetest.Limits) (*enginetest.Strict, *enginetest.Counter) {
	s, h := enginetest.NewGoogleCloud(l, key)
	return s, enginetest.NewServer(t, h, nil)
}

func TestRequestAndTranslation(t *testing.T) {
	s, srv := strict(t, enginetest.GoogleCloudLimits)
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
	reqs, bodies := s.Seen()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	var p map[string]any
	if err := json.Unmarshal([]byte(bodies[0]), &p); err != nil {
		t.Fatalf("body %q: %v", bodies[0], err)
	}
	for k, v := range map[string]string{"source": "ar", "target": "en", "format": "text", "model": "nmt"} {
		if p[k] != v {
			t.Errorf("%s = %v, want %q", k, p[k], v)
		}
	}
	if q, _ := p["q"].([]any); len(q) != 2 {
		t.Errorf("q = %v", p["q"])
	}
	if r := reqs[0]; r.Method != http.MethodPost || r.URL.RawQuery != "" || r.Header.Get("X-Goog-Api-Key") != key {
		t.Errorf("request %s %s, key header %q: want POST, no query, the key in X-Goog-Api-Key", r.Method, r.URL, r.Header.Get("X-Goog-Api-Key"))
	}
	if eng.Model() != "nmt" {
		t.Errorf("Model() = %q", eng.Model())
	}
}

// TestLongArticleFitsGoogleLimits sends an article far longer than a 2K
// URL could carry: the strict server refuses any URL over 2,000 bytes,
// more than 128 texts, or a body over 204,800 bytes.
func TestLongArticleFitsGoogleLimits(t *testing.T) {
	_, srv := strict(t, enginetest.GoogleCloudLimits)
	eng, err := New(translate.Options{URL: srv.URL + "/language/translate/", Getenv: env, Settings: map[string]any{"batch": 128, "max_chars": 100000}})
	if err != nil {
		t.Fatal(err)
	}
	ar := make([]string, 300)
	for i := range ar {
		ar[i] = fmt.Sprintf("قال المتحدث باسم الحكومة إن الوزراء سيجتمعون غدا في العاصمة %d", i)
	}
	out, err := eng.Translate(context.Background(), ar)
	if err != nil || len(out) != len(ar) {
		t.Fatalf("%d translations, %v", len(out), err)
	}
	if n := srv.Requests(); n != 3 {
		t.Errorf("%d requests, want 3 (128+128+44)", n)
	}
	if _, err := New(translate.Options{Getenv: env, Settings: map[string]any{"batch": 129}}); err == nil {
		t.Error("batch 129 accepted, Google takes at most 128")
	}
}

func TestKeyRefusedIsFinalAndHidden(t *testing.T) {
	_, srv := strict(t, enginetest.GoogleCloudLimits)
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

// TestUserRateLimitRetried spends the server's per-minute characters: the
// 403 userRateLimitExceeded that follows is retried, not final.
func TestUserRateLimitRetried(t *testing.T) {
	l := enginetest.GoogleCloudLimits
	l.Budget = 1
	s, srv := strict(t, l)
	eng, _ := New(translate.Options{URL: srv.URL + "/language/translate/", Getenv: env, Settings: enginetest.Settings()})
	if _, err := eng.Translate(context.Background(), []string{"أ"}); err != nil {
		t.Fatal(err)
	}
	_, err := eng.Translate(context.Background(), []string{"ب"})
	var re *resilient.Error
	if !errors.As(err, &re) || re.Status != http.StatusForbidden || re.Kind != resilient.Retryable || srv.Requests() != 4 {
		t.Errorf("over quota: %v after %d requests, want a retryable 403 after 1+3", err, srv.Requests())
	}
	if s.Used() != 1 {
		t.Errorf("used %d characters", s.Used())
	}
}

func TestFaults(t *testing.T) {
	enginetest.Run(t, func(url string) (translate.Engine, error) {
		return New(translate.Options{URL: url + "/language/translate/", Getenv: env, Settings: enginetest.Settings()})
	}, enginetest.FakeGoogleCloud(key))
}
