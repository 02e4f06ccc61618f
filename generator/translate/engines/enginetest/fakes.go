package enginetest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
)

// Fake servers: each speaks one engine's real protocol and translates a
// text t as "EN<t>", so tests of the build and the CLI can run every
// engine locally. Paths are those of the real services under the server's
// root; point the engine's URL at the server as the comment of each says.

// FakeLibre speaks LibreTranslate: POST /translate. URL: the server's.
func FakeLibre() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct{ Q []string }
		if r.Method != http.MethodPost || r.URL.Path != "/translate" || json.NewDecoder(r.Body).Decode(&req) != nil {
			http.Error(w, `{"error":"bad request"}`, http.StatusBadRequest)
			return
		}
		writeJSON(w, map[string]any{"translatedText": fake(req.Q)})
	})
}

// FakeDeepL speaks DeepL v2 and wants the key: POST /v2/translate. URL:
// the server's.
func FakeDeepL(key string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "DeepL-Auth-Key "+key {
			http.Error(w, `{"message":"Wrong key"}`, http.StatusForbidden)
			return
		}
		var req struct{ Text []string }
		if r.Method != http.MethodPost || r.URL.Path != "/v2/translate" || json.NewDecoder(r.Body).Decode(&req) != nil {
			http.Error(w, `{"message":"bad request"}`, http.StatusBadRequest)
			return
		}
		var tr []map[string]string
		for _, s := range fake(req.Text) {
			tr = append(tr, map[string]string{"detected_source_language": "AR", "text": s})
		}
		writeJSON(w, map[string]any{"translations": tr})
	})
}

// FakeGoogle speaks the gtx endpoint: GET /translate_a/single. URL: the
// server's.
func FakeGoogle() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if r.URL.Path != "/translate_a/single" || q.Get("client") != "gtx" {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		lines := strings.Split(q.Get("q"), "\n")
		var parts []any
		for i, l := range fake(lines) {
			if i < len(lines)-1 {
				l += "\n"
			}
			parts = append(parts, []any{l, lines[i], nil, nil, 3})
		}
		writeJSON(w, []any{parts, nil, "ar"})
	})
}

// FakeGoogleCloud speaks Cloud Translation v2 and wants the key:
// /language/translate/v2. URL: the server's + "/language/translate/".
func FakeGoogleCloud(key string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/language/translate/v2" || r.ParseForm() != nil {
			http.Error(w, `{"error":{"code":404,"message":"not found"}}`, http.StatusNotFound)
			return
		}
		if r.Form.Get("key") != key {
			http.Error(w, `{"error":{"code":403,"message":"API key not valid"}}`, http.StatusForbidden)
			return
		}
		var tr []map[string]string
		for _, s := range fake(r.Form["q"]) {
			tr = append(tr, map[string]string{"translatedText": s})
		}
		writeJSON(w, map[string]any{"data": map[string]any{"translations": tr}})
	})
}

var numberedLine = regexp.MustCompile(`(?m)^(\d+)\. (.*)$`)

// FakeOpenAI speaks chat completions as a well-behaved model: POST
// /v1/chat/completions; numbered lines come back numbered. URL: the
// server's + "/v1/".
func FakeOpenAI() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Model    string
			Messages []struct{ Role, Content string }
		}
		if r.Method != http.MethodPost || r.URL.Path != "/v1/chat/completions" || json.NewDecoder(r.Body).Decode(&req) != nil || len(req.Messages) == 0 {
			http.Error(w, `{"error":{"message":"bad request"}}`, http.StatusBadRequest)
			return
		}
		user := req.Messages[len(req.Messages)-1].Content
		head, body, _ := strings.Cut(user, "\n\n")
		answer := ""
		if strings.Contains(head, "numbered") {
			for _, m := range numberedLine.FindAllStringSubmatch(body, -1) {
				answer += fmt.Sprintf("%s. EN<%s>\n", m[1], m[2])
			}
		} else {
			answer = "EN<" + strings.TrimSpace(body) + ">"
		}
		writeJSON(w, map[string]any{"id": "x", "object": "chat.completion", "created": 1, "model": req.Model,
			"choices": []any{map[string]any{"index": 0, "finish_reason": "stop",
				"message": map[string]any{"role": "assistant", "content": answer}}}})
	})
}

func fake(in []string) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = "EN<" + s + ">"
	}
	return out
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	json.NewEncoder(w).Encode(v)
}
