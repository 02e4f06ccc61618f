package openai

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/jisr-news/jisr/generator/translate"
	"github.com/jisr-news/jisr/generator/translate/engines/enginetest"
)

type chatReq struct {
	Model       string   `json:"model"`
	Temperature *float64 `json:"temperature"`
	Messages    []struct {
		Role    string `json:"role"`
		Content string `json:"content"`
	} `json:"messages"`
}

var lineRE = regexp.MustCompile(`(?m)^(\d+)\. (.*)$`)

// server speaks the chat completions API as a well-behaved model would:
// numbered lines come back numbered, "EN<text>"; a single text comes back
// bare. mangle, when set, rewrites a numbered answer (to merge or split
// lines).
type server struct {
	t      *testing.T
	mu     sync.Mutex
	seen   []chatReq
	auth   []string
	mangle func(lines []string) []string
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.Path != "/v1/chat/completions" {
		http.Error(w, `{"error":{"message":"not found"}}`, http.StatusNotFound)
		return
	}
	var req chatReq
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, `{"error":{"message":"bad json"}}`, http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	s.seen = append(s.seen, req)
	s.auth = append(s.auth, r.Header.Get("Authorization"))
	s.mu.Unlock()
	user := req.Messages[len(req.Messages)-1].Content
	_, body, _ := strings.Cut(user, "\n\n")
	var answer string
	if m := lineRE.FindAllStringSubmatch(body, -1); strings.HasPrefix(user, "Translate each numbered line") {
		var lines []string
		for _, x := range m {
			lines = append(lines, "EN<"+x[2]+">")
		}
		if s.mangle != nil {
			lines = s.mangle(lines)
		}
		for i, l := range lines {
			answer += fmt.Sprintf("%d. %s\n", i+1, l)
		}
	} else {
		answer = "EN<" + strings.TrimSpace(body) + ">"
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{
		"id": "c1", "object": "chat.completion", "created": 1, "model": req.Model,
		"choices": []any{map[string]any{"index": 0, "finish_reason": "stop",
			"message": map[string]any{"role": "assistant", "content": answer}}},
	})
}

func env(k string) string {
	if k == KeyEnv {
		return "sk-test"
	}
	return ""
}

func TestRequestAndTranslation(t *testing.T) {
	t.Setenv("OPENAI_API_KEY", "from-the-environment")
	s := &server{t: t}
	srv := enginetest.NewServer(t, s, nil)
	eng, err := Provider().New(translate.Options{URL: srv.URL + "/v1", Model: "qwen2.5:7b", Getenv: env})
	if err != nil {
		t.Fatal(err)
	}
	out, err := eng.Translate(context.Background(), []string{"قال الرئيس", "في Baghdad أمس", "3 قتلى"})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(out, "|"); got != "EN<قال الرئيس>|EN<في Baghdad أمس>|EN<3 قتلى>" {
		t.Errorf("got %q", got)
	}
	if srv.Requests() != 1 {
		t.Fatalf("%d requests, want one batch", srv.Requests())
	}
	req := s.seen[0]
	if req.Model != "qwen2.5:7b" || req.Temperature == nil || *req.Temperature != 0 {
		t.Errorf("model %q temperature %v", req.Model, req.Temperature)
	}
	if len(req.Messages) != 2 || req.Messages[0].Role != "system" || !strings.Contains(req.Messages[0].Content, "number") ||
		!strings.Contains(req.Messages[0].Content, "Latin letters") {
		t.Errorf("messages: %+v", req.Messages)
	}
	if !strings.Contains(req.Messages[1].Content, "1. قال الرئيس\n2. في Baghdad أمس\n3. 3 قتلى") {
		t.Errorf("user message not numbered: %q", req.Messages[1].Content)
	}
	if s.auth[0] != "Bearer sk-test" {
		t.Errorf("Authorization %q, want the JISR_OPENAI_KEY key only", s.auth[0])
	}
	if eng.Model() != "qwen2.5:7b" {
		t.Errorf("Model() = %q", eng.Model())
	}
}

func TestNoKeyNoAuthorization(t *testing.T) {
	t.Setenv("OPENAI_API_KEY", "from-the-environment")
	s := &server{t: t}
	srv := enginetest.NewServer(t, s, nil)
	eng, _ := New(translate.Options{URL: srv.URL + "/v1/", Getenv: func(string) string { return "" }})
	if _, err := eng.Translate(context.Background(), []string{"أ"}); err != nil {
		t.Fatal(err)
	}
	if s.auth[0] != "" {
		t.Errorf("Authorization %q sent without a configured key", s.auth[0])
	}
	if s.seen[0].Model != DefaultModel {
		t.Errorf("model %q", s.seen[0].Model)
	}
}

func TestTemperatureSetting(t *testing.T) {
	tests := []struct {
		setting any
		want    *float64
	}{
		{nil, ptr(0)},
		{0.3, ptr(0.3)},
		{int64(1), ptr(1)},
		{-1.0, nil}, // the model's own
	}
	for _, tt := range tests {
		s := &server{t: t}
		srv := enginetest.NewServer(t, s, nil)
		settings := map[string]any{}
		if tt.setting != nil {
			settings["temperature"] = tt.setting
		}
		eng, err := New(translate.Options{URL: srv.URL + "/v1/", Settings: settings})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := eng.Translate(context.Background(), []string{"أ"}); err != nil {
			t.Fatal(err)
		}
		got := s.seen[0].Temperature
		if (got == nil) != (tt.want == nil) || (got != nil && *got != *tt.want) {
			t.Errorf("temperature setting %v: sent %v", tt.setting, got)
		}
	}
	if _, err := New(translate.Options{Settings: map[string]any{"temperature": "hot"}}); err == nil {
		t.Error("bad temperature accepted")
	}
}

func ptr(f float64) *float64 { return &f }

func TestWrongSegmentCountRetriedOneByOne(t *testing.T) {
	tests := []struct {
		name   string
		mangle func([]string) []string
	}{
		{"merged", func(l []string) []string { return append([]string{l[0] + " " + l[1]}, l[2:]...) }},
		{"split", func(l []string) []string { return append([]string{"part one", "part two"}, l...) }},
		{"dropped", func(l []string) []string { return l[1:] }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &server{t: t, mangle: tt.mangle}
			srv := enginetest.NewServer(t, s, nil)
			eng, _ := New(translate.Options{URL: srv.URL + "/v1/", Getenv: env})
			out, err := eng.Translate(context.Background(), []string{"أ", "ب", "ج"})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(out, "|"); got != "EN<أ>|EN<ب>|EN<ج>" {
				t.Errorf("got %q", got)
			}
			if srv.Requests() != 4 {
				t.Errorf("%d requests, want 1 batch + 3 single", srv.Requests())
			}
		})
	}
}

func TestParseNumbered(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		want     string
		err      bool
	}{
		{"plain", "1. A\n2. B", 2, "A|B", false},
		{"fenced and blank lines", "```\n1. A\n\n2) B\n```", 2, "A|B", false},
		{"merged", "1. A B", 2, "", true},
		{"split unnumbered", "1. A\ncontinued\n2. B", 2, "", true},
		{"renumbered", "1. A\n3. B", 2, "", true},
		{"empty line text", "1. A\n2.", 2, "", true},
		{"too many", "1. A\n2. B\n3. C", 2, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseNumbered(tt.in, tt.n)
			if (err != nil) != tt.err || strings.Join(got, "|") != tt.want {
				t.Errorf("got %q, %v", got, err)
			}
		})
	}
}

func TestFaults(t *testing.T) {
	enginetest.Run(t, func(url string) (translate.Engine, error) {
		return New(translate.Options{URL: url + "/v1/", Getenv: env, Settings: enginetest.Settings()})
	}, &server{t: t})
}
