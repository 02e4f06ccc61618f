// Package google is the "google" engine: our own client of Google's keyless
// web endpoint translate.googleapis.com/translate_a/single with client=gtx,
// which needs no token. (The gtranslate library calls a different host,
// translate.google.com, with a "tk" token computed by a JavaScript
// interpreter; this client shares neither.)
//
// In: Arabic segments. Out: English texts, status machine. A request is
// GET {url}/translate_a/single?client=gtx&sl=ar&tl=en&dt=t&ie=UTF-8&oe=UTF-8&q=...
// and the answer [[["en part","ar part",...],...],null,"ar",...]; the
// translation is the concatenation of the first element of every part.
//
// Batching: several segments go in one q, one per line; the answer keeps
// the line breaks, so it is split back into lines. When the line count
// does not match, the batch is sent again one segment per request.
//
// URL length: an Arabic letter takes six bytes once percent-encoded, and
// Google's front end answers 413/414 to long URLs, so a batch is also cut
// where its URL would pass max_url (default 2,000 bytes, the limit Google
// documents for its GET APIs); one segment longer than that is cut at
// spaces and its pieces joined again.
//
// The client has no package globals (each Engine has its own host), every
// call has a context and a timeout, bodies are always closed, 429 and 5xx
// are retried a bounded number of times, and an unexpected JSON shape is
// an error, never a panic. A CAPTCHA page (HTML where JSON was expected)
// is a failure. Limits are unofficial: keep the rate modest (default 5
// requests a second).
//
// Configuration ([translate.google]): url (default
// https://translate.googleapis.com), batch, max_chars (default 1800),
// max_url, and the policy of package resilient.
package google

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/jisr-news/jisr/generator/translate"
	"github.com/jisr-news/jisr/generator/translate/resilient"
)

// Name is the engine's name in --engine and jisr.toml.
const Name = "google"

// DefaultURL is the endpoint's host when none is configured.
const DefaultURL = "https://translate.googleapis.com"

// Provider creates the engine by name; package engines lists it.
func Provider() translate.Provider {
	return translate.Provider{Name: Name, New: func(o translate.Options) (translate.Engine, error) { return New(o) }}
}

// Engine is a client of the gtx endpoint.
type Engine struct {
	resilient.Engine
	maxURL int
}

// New creates the engine from options.
func New(o translate.Options) (*Engine, error) {
	cfg, err := resilient.Configure(Name, o, resilient.Config{Policy: resilient.Policy{Concurrency: 4, Rate: 5, Burst: 5}, URL: DefaultURL, Batch: 20, MaxChars: 1800})
	if err != nil {
		return nil, err
	}
	e := &Engine{}
	if e.maxURL, err = resilient.Int(o.Settings, "max_url", 2000); err != nil {
		return nil, fmt.Errorf("%s: %w", Name, err)
	}
	if e.maxURL < 200 {
		return nil, fmt.Errorf("%s: max_url %d is too short for one word", Name, e.maxURL)
	}
	// The endpoint does not name its model.
	e.Engine = cfg.Engine(Name, "")
	return e, nil
}

// Limits returns the batch size, character limit and concurrency.
func (e *Engine) Limits() translate.Limits {
	l := e.Engine.Limits()
	// The line breaks that join a batch count against max_chars too.
	l.MaxChars = max(1, e.MaxChars-e.Batch)
	return l
}

// Translate sends the texts joined by line breaks, in chunks that fit the
// limits and max_url, and falls back to one request per text for a chunk
// whose answer has the wrong number of lines.
func (e *Engine) Translate(ctx context.Context, ar []string) ([]string, error) {
	out := make([]string, 0, len(ar))
	// Each segment costs its characters plus the line break that joins it.
	for _, r := range translate.Split(len(ar), e.Batch, e.MaxChars, func(i int) int { return len([]rune(ar[i])) + 1 }) {
		chunk := ar[r[0]:r[1]]
		lines := make([]string, len(chunk))
		for i, s := range chunk {
			// A segment is one line; a stray break would shift the rest.
			lines[i] = strings.Join(strings.Fields(s), " ")
		}
		for _, run := range e.pack(lines) {
			part := lines[run[0]:run[1]]
			var parts []string
			if len(part) > 1 {
				en, err := e.send(ctx, strings.Join(part, "\n"))
				if err != nil {
					return nil, err
				}
				parts = strings.Split(strings.TrimRight(en, "\n"), "\n")
			}
			if len(parts) != len(part) {
				parts = parts[:0]
				for _, s := range part {
					one, err := e.one(ctx, s)
					if err != nil {
						return nil, err
					}
					parts = append(parts, one)
				}
			}
			for _, p := range parts {
				out = append(out, strings.TrimSpace(p))
			}
		}
	}
	return out, nil
}

// url is the request URL for q.
func (e *Engine) url(q string) string {
	params := url.Values{"client": {"gtx"}, "sl": {"ar"}, "tl": {"en"}, "dt": {"t"}, "ie": {"UTF-8"}, "oe": {"UTF-8"}, "q": {q}}
	return e.URL + "/translate_a/single?" + params.Encode()
}

// pack cuts lines into runs [i, j) whose joined URL fits max_url. A line
// too long on its own is a run of one (see one).
func (e *Engine) pack(lines []string) [][2]int {
	var runs [][2]int
	start := 0
	for i := range lines {
		if i > start && len(e.url(strings.Join(lines[start:i+1], "\n"))) > e.maxURL {
			runs = append(runs, [2]int{start, i})
			start = i
		}
	}
	if start < len(lines) {
		runs = append(runs, [2]int{start, len(lines)})
	}
	return runs
}

// one translates one line; a line whose URL would pass max_url is cut at
// spaces into pieces that fit, translated in turn and joined by spaces.
func (e *Engine) one(ctx context.Context, line string) (string, error) {
	if len(e.url(line)) <= e.maxURL {
		en, err := e.send(ctx, line)
		return strings.ReplaceAll(en, "\n", " "), err
	}
	var pieces []string
	var cur []string
	for _, w := range strings.Fields(line) {
		if len(cur) > 0 && len(e.url(strings.Join(append(cur, w), " "))) > e.maxURL {
			pieces = append(pieces, strings.Join(cur, " "))
			cur = nil
		}
		for len(cur) == 0 && len(e.url(w)) > e.maxURL {
			// A "word" longer than the URL allows (no spaces at all).
			r := []rune(w)
			n := len(r) / 2
			pieces = append(pieces, string(r[:n]))
			w = string(r[n:])
		}
		cur = append(cur, w)
	}
	if len(cur) > 0 {
		pieces = append(pieces, strings.Join(cur, " "))
	}
	out := make([]string, 0, len(pieces))
	for _, p := range pieces {
		en, err := e.send(ctx, p)
		if err != nil {
			return "", err
		}
		out = append(out, strings.TrimSpace(strings.ReplaceAll(en, "\n", " ")))
	}
	return strings.Join(out, " "), nil
}

// send translates one q.
func (e *Engine) send(ctx context.Context, q string) (string, error) {
	if strings.TrimSpace(q) == "" {
		return "", nil
	}
	u := e.url(q)
	raw, err := resilient.JSON[json.RawMessage](ctx, e.Client, func(ctx context.Context) (*http.Request, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Accept", "application/json")
		return req, nil
	})
	if err != nil {
		return "", err
	}
	return Parse(raw)
}

// Parse reads an answer of the gtx endpoint, in its array form or its
// dj=1 object form, and returns the concatenated translation. An
// unexpected shape is an error.
func Parse(raw []byte) (string, error) {
	var obj struct {
		Sentences []struct {
			Trans *string `json:"trans"`
		} `json:"sentences"`
	}
	if err := json.Unmarshal(raw, &obj); err == nil {
		var b strings.Builder
		for _, s := range obj.Sentences {
			if s.Trans != nil {
				b.WriteString(*s.Trans)
			}
		}
		if b.Len() == 0 {
			return "", fmt.Errorf("%s: answer has no sentences: %.80s", Name, raw)
		}
		return b.String(), nil
	}
	var top []json.RawMessage
	if err := json.Unmarshal(raw, &top); err != nil || len(top) == 0 {
		return "", fmt.Errorf("%s: answer is not a JSON array: %.80s", Name, raw)
	}
	var parts []json.RawMessage
	if err := json.Unmarshal(top[0], &parts); err != nil {
		return "", fmt.Errorf("%s: answer's first element is not a list of parts: %.80s", Name, top[0])
	}
	var b strings.Builder
	for _, p := range parts {
		var fields []json.RawMessage
		if err := json.Unmarshal(p, &fields); err != nil || len(fields) == 0 {
			return "", fmt.Errorf("%s: unexpected part %.80s", Name, p)
		}
		var s *string
		if err := json.Unmarshal(fields[0], &s); err != nil {
			return "", fmt.Errorf("%s: part's translation is not a string: %.80s", Name, fields[0])
		}
		if s != nil {
			b.WriteString(*s)
		}
	}
	if b.Len() == 0 {
		return "", fmt.Errorf("%s: answer has no translation: %.80s", Name, raw)
	}
	return b.String(), nil
}
