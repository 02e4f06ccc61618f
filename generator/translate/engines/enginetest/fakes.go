package enginetest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"
)

// Strict servers: each speaks one engine's real protocol, enforces the
// limits its provider documents and answers a violation with the
// provider's own error shape and status, so that a client the real
// service would refuse fails here too. A text t is translated as "EN<t>".
// Paths are those of the real services under the server's root; point the
// engine's URL at the server as the comment of each says.
//
// The limits (read 2026 from each provider's documentation):
//
//   - LibreTranslate: --char-limit, --batch-limit and --req-limit are set
//     by the operator; a batch counts len(q) requests against --req-limit
//     (flask-limiter cost), and 429 carries {"error":"..."}.
//   - DeepL v2: header "Authorization: DeepL-Auth-Key K" only (the key in
//     the query or the body is refused), at most 50 texts and a 128 KiB
//     body; errors are {"message":"..."}; 456 is the exhausted quota.
//   - Cloud Translation Basic v2: the key in X-Goog-Api-Key (a key in the
//     URL is refused here: it would end up in logs); a URL under 2K
//     characters, at most 128 texts, a 204,800-byte body; errors are
//     {"error":{"code","message","errors":[{"reason"}],"status"}}.
//   - Azure Translator v3: Ocp-Apim-Subscription-Key and, for a regional
//     resource, Ocp-Apim-Subscription-Region; api-version=3.0; at most
//     1,000 texts and 50,000 characters per request, and characters per
//     hour by tier (F0 2 million; S1, S2/C2 and multi-service 40 million;
//     S3/C3 120 million; S4/C4 200 million), to be spent evenly: no more
//     than a sixtieth of it in any sliding minute (PerWindow); errors are
//     {"error":{"code":401000,"message":"..."}} with a six-digit code.
//   - gtx (unofficial): URLs beyond about 2K are refused with 414 by
//     Google's front end in practice; this server refuses them too.
//   - OpenAI-compatible chat: a Bearer key when the server has one.

// Limits are what a strict server enforces; zero means no limit.
type Limits struct {
	MaxURL   int   // bytes of the request URI
	MaxBody  int64 // bytes of the request body
	MaxTexts int   // texts in one request
	MaxChars int   // characters of all texts in one request
	// Budget is how many units (requests or texts, as the provider
	// counts) the server accepts before it answers 429; the window never
	// resets within a test.
	Budget int
	// PerWindow is how many units the server accepts in any sliding
	// Window (a minute at the provider; shorter in tests) before it
	// answers 429, as Azure meters characters per minute.
	PerWindow int
	Window    time.Duration
}

// Strict is a strict server's state: the limits and what it saw.
type Strict struct {
	Limits  Limits
	mu      sync.Mutex
	used    int
	recent  []spent // accepted units inside the sliding window
	refused int     // requests refused with 429
	seen    []*http.Request
	bodies  []string
}

// Seen returns the requests the server got (headers and URLs), with their
// bodies.
func (s *Strict) Seen() ([]*http.Request, []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*http.Request(nil), s.seen...), append([]string(nil), s.bodies...)
}

type spent struct {
	at time.Time
	n  int
}

// Refused returns how many requests the server refused with 429.
func (s *Strict) Refused() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.refused
}

// Used returns the rate units spent.
func (s *Strict) Used() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.used
}

// read records r, checks the URL and body limits, and returns the body, or
// the status that refuses it (0: accepted).
func (s *Strict) read(r *http.Request) ([]byte, int) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 4<<20))
	s.mu.Lock()
	s.seen = append(s.seen, r)
	s.bodies = append(s.bodies, string(body))
	s.mu.Unlock()
	if s.Limits.MaxURL > 0 && len(r.URL.RequestURI()) > s.Limits.MaxURL {
		return nil, http.StatusRequestURITooLong
	}
	if s.Limits.MaxBody > 0 && int64(len(body)) > s.Limits.MaxBody {
		return nil, http.StatusRequestEntityTooLarge
	}
	return body, 0
}

// texts checks the batch limits and spends units; it returns the refusing
// status (0: accepted).
func (s *Strict) texts(q []string, units int) int {
	if s.Limits.MaxTexts > 0 && len(q) > s.Limits.MaxTexts {
		return http.StatusBadRequest
	}
	n := 0
	for _, t := range q {
		n += len([]rune(t))
	}
	if s.Limits.MaxChars > 0 && n > s.Limits.MaxChars {
		return http.StatusBadRequest
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Limits.Budget > 0 && s.used+units > s.Limits.Budget {
		s.refused++
		return http.StatusTooManyRequests
	}
	if s.Limits.PerWindow > 0 {
		now := time.Now()
		inWindow := 0
		kept := s.recent[:0]
		for _, r := range s.recent {
			if now.Sub(r.at) < s.Limits.Window {
				kept = append(kept, r)
				inWindow += r.n
			}
		}
		s.recent = kept
		if inWindow+units > s.Limits.PerWindow {
			s.refused++
			return http.StatusTooManyRequests
		}
		s.recent = append(s.recent, spent{now, units})
	}
	s.used += units
	return 0
}

// NewLibre is a strict LibreTranslate: POST /translate, rate units are
// texts. URL: the server's.
func NewLibre(l Limits, key string) (*Strict, http.Handler) {
	s := &Strict{Limits: l}
	return s, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fail := func(code int, msg string) { writeJSONStatus(w, code, map[string]string{"error": msg}) }
		body, code := s.read(r)
		if code != 0 {
			fail(code, http.StatusText(code))
			return
		}
		var req struct {
			Q              json.RawMessage
			Source, Target string
			Format         string
			APIKey         string `json:"api_key"`
		}
		if r.Method != http.MethodPost || r.URL.Path != "/translate" {
			fail(http.StatusNotFound, "Not Found")
			return
		}
		if json.Unmarshal(body, &req) != nil {
			fail(http.StatusBadRequest, "Invalid request: malformed JSON")
			return
		}
		if key != "" && req.APIKey != key {
			fail(http.StatusForbidden, "Invalid API key")
			return
		}
		var q []string
		if json.Unmarshal(req.Q, &q) != nil {
			var one string
			if json.Unmarshal(req.Q, &one) != nil {
				fail(http.StatusBadRequest, "Invalid request: missing q parameter")
				return
			}
			q = []string{one}
		}
		switch s.texts(q, len(q)) {
		case http.StatusBadRequest:
			fail(http.StatusBadRequest, fmt.Sprintf("Invalid request: request (%d texts) exceeds text limit", len(q)))
			return
		case http.StatusTooManyRequests:
			fail(http.StatusTooManyRequests, fmt.Sprintf("Slowdown: %d per 1 minute", s.Limits.Budget))
			return
		}
		writeJSON(w, map[string]any{"translatedText": fake(q)})
	})
}

// FakeLibre is NewLibre without limits or key.
func FakeLibre() http.Handler { _, h := NewLibre(Limits{}, ""); return h }

// DeepLLimits are DeepL's documented limits.
var DeepLLimits = Limits{MaxTexts: 50, MaxBody: 128 << 10}

// NewDeepL is a strict DeepL v2: POST /v2/translate, and the glossary
// calls GET and POST /v2/glossaries. Budget counts characters (the quota;
// 456 when spent). URL: the server's.
func NewDeepL(l Limits, key string) (*Strict, http.Handler) {
	s := &Strict{Limits: l}
	var glossaries []map[string]any
	return s, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fail := func(code int, msg string) { writeJSONStatus(w, code, map[string]string{"message": msg}) }
		body, code := s.read(r)
		if code != 0 {
			fail(code, "Request Entity Too Large")
			return
		}
		if r.URL.Query().Has("auth_key") || strings.Contains(string(body), "auth_key") {
			fail(http.StatusForbidden, "Authentication with auth_key is no longer supported: use the Authorization header")
			return
		}
		if r.Header.Get("Authorization") != "DeepL-Auth-Key "+key {
			fail(http.StatusForbidden, "Wrong endpoint. Use https://api.deepl.com or check your key")
			return
		}
		switch {
		case r.URL.Path == "/v2/glossaries" && r.Method == http.MethodGet:
			s.mu.Lock()
			writeJSON(w, map[string]any{"glossaries": append([]map[string]any{}, glossaries...)})
			s.mu.Unlock()
			return
		case r.URL.Path == "/v2/glossaries" && r.Method == http.MethodPost:
			var g struct {
				Name, Entries string
				SourceLang    string `json:"source_lang"`
				TargetLang    string `json:"target_lang"`
				EntriesFormat string `json:"entries_format"`
			}
			if json.Unmarshal(body, &g) != nil || g.Name == "" || g.EntriesFormat != "tsv" || g.SourceLang == "" || g.TargetLang == "" {
				fail(http.StatusBadRequest, "Invalid glossary")
				return
			}
			n := 0
			for _, line := range strings.Split(strings.TrimSpace(g.Entries), "\n") {
				if parts := strings.Split(line, "\t"); len(parts) != 2 || strings.TrimSpace(parts[0]) == "" || strings.TrimSpace(parts[1]) == "" {
					fail(http.StatusBadRequest, fmt.Sprintf("Invalid glossary entries: line %d", n+1))
					return
				}
				n++
			}
			s.mu.Lock()
			gl := map[string]any{"glossary_id": fmt.Sprintf("g%d", len(glossaries)+1), "name": g.Name, "ready": true,
				"source_lang": strings.ToLower(g.SourceLang), "target_lang": strings.ToLower(g.TargetLang), "entry_count": n}
			glossaries = append(glossaries, gl)
			s.mu.Unlock()
			writeJSONStatus(w, http.StatusCreated, gl)
			return
		case r.URL.Path != "/v2/translate" || r.Method != http.MethodPost:
			fail(http.StatusNotFound, "Not found")
			return
		}
		var req struct {
			Text       []string
			SourceLang string `json:"source_lang"`
			TargetLang string `json:"target_lang"`
			Context    string
			GlossaryID string `json:"glossary_id"`
		}
		if json.Unmarshal(body, &req) != nil || len(req.Text) == 0 || req.TargetLang == "" {
			fail(http.StatusBadRequest, "Value for 'text' not supported.")
			return
		}
		if req.GlossaryID != "" && req.SourceLang == "" {
			fail(http.StatusBadRequest, "Use of a glossary requires the source_lang parameter")
			return
		}
		n := 0
		for _, t := range req.Text {
			n += len([]rune(t))
		}
		switch s.texts(req.Text, n) {
		case http.StatusBadRequest:
			fail(http.StatusRequestEntityTooLarge, "Too many texts: at most 50 per request")
			return
		case http.StatusTooManyRequests:
			fail(456, "Quota Exceeded")
			return
		}
		var tr []map[string]string
		for _, t := range fake(req.Text) {
			tr = append(tr, map[string]string{"detected_source_language": "AR", "text": t})
		}
		writeJSON(w, map[string]any{"translations": tr})
	})
}

// FakeDeepL is NewDeepL with DeepL's limits.
func FakeDeepL(key string) http.Handler { _, h := NewDeepL(DeepLLimits, key); return h }

// GoogleLimits are the gtx limits this server enforces.
var GoogleLimits = Limits{MaxURL: 2048}

// NewGoogle is a strict gtx endpoint: GET /translate_a/single. URL: the
// server's.
func NewGoogle(l Limits) (*Strict, http.Handler) {
	s := &Strict{Limits: l}
	return s, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, code := s.read(r); code != 0 {
			// Google's front end answers an HTML error page.
			w.Header().Set("Content-Type", "text/html; charset=UTF-8")
			w.WriteHeader(code)
			fmt.Fprintf(w, "<!DOCTYPE html><html><title>Error %d (%s)!!1</title><p><b>%d.</b> That’s an error.", code, http.StatusText(code), code)
			return
		}
		q := r.URL.Query()
		if r.Method != http.MethodGet || r.URL.Path != "/translate_a/single" || q.Get("client") != "gtx" {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		lines := strings.Split(q.Get("q"), "\n")
		if s.texts(lines, 1) == http.StatusTooManyRequests {
			http.Error(w, "Too Many Requests", http.StatusTooManyRequests)
			return
		}
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

// FakeGoogle is NewGoogle with GoogleLimits.
func FakeGoogle() http.Handler { _, h := NewGoogle(GoogleLimits); return h }

// GoogleCloudLimits are Cloud Translation Basic v2's documented limits.
var GoogleCloudLimits = Limits{MaxURL: 2000, MaxTexts: 128, MaxBody: 204800}

// NewGoogleCloud is a strict Cloud Translation v2: POST
// /language/translate/v2 with a JSON body. Budget counts characters per
// minute (403 userRateLimitExceeded when spent). URL: the server's +
// "/language/translate/".
func NewGoogleCloud(l Limits, key string) (*Strict, http.Handler) {
	s := &Strict{Limits: l}
	return s, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fail := func(code int, status, reason, msg string) {
			writeJSONStatus(w, code, map[string]any{"error": map[string]any{"code": code, "message": msg,
				"errors": []any{map[string]string{"message": msg, "domain": "global", "reason": reason}}, "status": status}})
		}
		body, code := s.read(r)
		switch code {
		case http.StatusRequestURITooLong:
			fail(code, "INVALID_ARGUMENT", "badRequest", "Request URI too long")
			return
		case http.StatusRequestEntityTooLarge:
			fail(code, "INVALID_ARGUMENT", "badRequest", "Request payload size exceeds the limit: 204800 bytes.")
			return
		}
		if r.URL.Query().Has("key") {
			fail(http.StatusBadRequest, "INVALID_ARGUMENT", "badRequest", "test server: the key belongs in X-Goog-Api-Key, not the URL")
			return
		}
		if r.Header.Get("X-Goog-Api-Key") != key {
			fail(http.StatusForbidden, "PERMISSION_DENIED", "forbidden", "The request is missing a valid API key.")
			return
		}
		if r.URL.Path != "/language/translate/v2" || r.Method != http.MethodPost {
			fail(http.StatusNotFound, "NOT_FOUND", "notFound", "Not Found")
			return
		}
		var req struct {
			Q                      []string
			Source, Target, Format string
		}
		if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") || json.Unmarshal(body, &req) != nil || len(req.Q) == 0 || req.Target == "" {
			fail(http.StatusBadRequest, "INVALID_ARGUMENT", "invalid", "Invalid Value")
			return
		}
		n := 0
		for _, t := range req.Q {
			n += len([]rune(t))
		}
		switch s.texts(req.Q, n) {
		case http.StatusBadRequest:
			fail(http.StatusBadRequest, "INVALID_ARGUMENT", "badRequest", "Too many text segments")
			return
		case http.StatusTooManyRequests:
			fail(http.StatusForbidden, "PERMISSION_DENIED", "userRateLimitExceeded", "User Rate Limit Exceeded")
			return
		}
		var tr []map[string]string
		for _, t := range fake(req.Q) {
			tr = append(tr, map[string]string{"translatedText": t})
		}
		writeJSON(w, map[string]any{"data": map[string]any{"translations": tr}})
	})
}

// FakeGoogleCloud is NewGoogleCloud with its documented limits.
func FakeGoogleCloud(key string) http.Handler {
	_, h := NewGoogleCloud(GoogleCloudLimits, key)
	return h
}

// AzureLimits are Translator v3's documented limits per request, and the
// F0 tier's characters per sliding minute (2 million an hour / 60).
var AzureLimits = Limits{MaxTexts: 1000, MaxChars: 50000, PerWindow: 2_000_000 / 60, Window: time.Minute}

// NewAzure is a strict Azure Translator v3: POST /translate?api-version=3.0.
// A non-empty region must come in Ocp-Apim-Subscription-Region. Budget
// and PerWindow count characters (429001 when spent). URL: the server's.
func NewAzure(l Limits, key, region string) (*Strict, http.Handler) {
	s := &Strict{Limits: l}
	return s, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fail := func(code, az int, msg string) {
			writeJSONStatus(w, code, map[string]any{"error": map[string]any{"code": az, "message": msg}})
		}
		body, code := s.read(r)
		if code != 0 {
			fail(code, code*1000, http.StatusText(code))
			return
		}
		if r.Header.Get("Ocp-Apim-Subscription-Key") != key {
			fail(http.StatusUnauthorized, 401000, "The request is not authorized because credentials are missing or invalid.")
			return
		}
		if region != "" && !strings.EqualFold(r.Header.Get("Ocp-Apim-Subscription-Region"), region) {
			fail(http.StatusUnauthorized, 401015, "The credentials provided are for the Speech API or the region is missing.")
			return
		}
		q := r.URL.Query()
		if r.URL.Path != "/translate" || r.Method != http.MethodPost {
			fail(http.StatusNotFound, 404000, "The requested resource was not found.")
			return
		}
		if q.Get("api-version") != "3.0" {
			fail(http.StatusBadRequest, 400021, "The API version parameter is missing or invalid.")
			return
		}
		if q.Get("to") == "" {
			fail(http.StatusBadRequest, 400036, "The target language (\"To\" field) is missing or invalid.")
			return
		}
		var req []struct{ Text string }
		if json.Unmarshal(body, &req) != nil || len(req) == 0 {
			fail(http.StatusBadRequest, 400074, "The body of the request is not valid JSON.")
			return
		}
		texts := make([]string, len(req))
		n := 0
		for i, t := range req {
			texts[i] = t.Text
			n += len([]rune(t.Text))
		}
		switch s.texts(texts, n) {
		case http.StatusBadRequest:
			if len(texts) > s.Limits.MaxTexts && s.Limits.MaxTexts > 0 {
				fail(http.StatusBadRequest, 400077, "The maximum request size has been exceeded.")
			} else {
				fail(http.StatusBadRequest, 400050, "The input text is too long.")
			}
			return
		case http.StatusTooManyRequests:
			fail(http.StatusTooManyRequests, 429001, "The server rejected the request because the client has exceeded request limits.")
			return
		}
		var out []any
		for _, t := range fake(texts) {
			out = append(out, map[string]any{"translations": []any{map[string]string{"text": t, "to": q.Get("to")}}})
		}
		writeJSON(w, out)
	})
}

// FakeAzure is NewAzure with Azure's limits and a region.
func FakeAzure(key, region string) http.Handler { _, h := NewAzure(AzureLimits, key, region); return h }

var numberedLine = regexp.MustCompile(`(?m)^(\d+)\. (.*)$`)

// NewOpenAI is an OpenAI-compatible chat server as a well-behaved model:
// POST /v1/chat/completions; numbered lines come back numbered. A
// non-empty key must come as a Bearer token. Budget counts requests.
// URL: the server's + "/v1/".
func NewOpenAI(l Limits, key string) (*Strict, http.Handler) {
	s := &Strict{Limits: l}
	return s, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fail := func(code int, typ, msg string) {
			writeJSONStatus(w, code, map[string]any{"error": map[string]any{"message": msg, "type": typ, "param": nil, "code": nil}})
		}
		body, code := s.read(r)
		if code != 0 {
			fail(code, "invalid_request_error", http.StatusText(code))
			return
		}
		if key != "" && r.Header.Get("Authorization") != "Bearer "+key {
			fail(http.StatusUnauthorized, "invalid_request_error", "Incorrect API key provided.")
			return
		}
		var req struct {
			Model    string
			Messages []struct{ Role, Content string }
		}
		if r.Method != http.MethodPost || r.URL.Path != "/v1/chat/completions" || json.Unmarshal(body, &req) != nil || len(req.Messages) == 0 || req.Model == "" {
			fail(http.StatusBadRequest, "invalid_request_error", "bad request")
			return
		}
		if s.texts(nil, 1) == http.StatusTooManyRequests {
			fail(http.StatusTooManyRequests, "requests", "Rate limit reached for requests")
			return
		}
		user := req.Messages[len(req.Messages)-1].Content
		head, rest, _ := strings.Cut(user, "\n\n")
		answer := ""
		if strings.Contains(head, "numbered") {
			for _, m := range numberedLine.FindAllStringSubmatch(rest, -1) {
				answer += fmt.Sprintf("%s. EN<%s>\n", m[1], m[2])
			}
		} else {
			answer = "EN<" + strings.TrimSpace(rest) + ">"
		}
		writeJSON(w, map[string]any{"id": "x", "object": "chat.completion", "created": 1, "model": req.Model,
			"choices": []any{map[string]any{"index": 0, "finish_reason": "stop",
				"message": map[string]any{"role": "assistant", "content": answer}}}})
	})
}

// FakeOpenAI is NewOpenAI without limits or key.
func FakeOpenAI() http.Handler { _, h := NewOpenAI(Limits{}, ""); return h }

func fake(in []string) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = "EN<" + s + ">"
	}
	return out
}

func writeJSON(w http.ResponseWriter, v any) { writeJSONStatus(w, http.StatusOK, v) }

func writeJSONStatus(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}
