// Package libre is the "libretranslate" engine: a client of a
// (self-hosted) LibreTranslate server.
//
// In: Arabic segments. Out: English texts, status machine. One request,
// POST {url}/translate with {"q":[...],"source":"ar","target":"en",
// "format":"text","api_key":...}, carries up to batch segments.
//
// Configuration ([translate.libretranslate] in jisr.toml): url (default
// http://localhost:5000), batch (segments per request, default 20),
// max_chars (default 5000) and the calling policy of package resilient
// (concurrency default 2, retries, timeout, ...). The key, when the
// server wants one, comes from JISR_LIBRETRANSLATE_KEY.
//
// Rate: LibreTranslate charges a batch of n texts as n requests against
// its --req-limit (per minute), so rate here counts texts per second, not
// HTTP calls (burst: texts at once, at least one batch). With
// --req-limit 60, set rate = 1 and burst = 20; counting calls would let a
// batch of 20 spend the server's minute twenty times faster.
package libre

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"golang.org/x/time/rate"

	"github.com/jisr-news/jisr/generator/translate"
	"github.com/jisr-news/jisr/generator/translate/resilient"
)

// Name is the engine's name in --engine and jisr.toml.
const Name = "libretranslate"

// DefaultURL is the server's base URL when none is configured.
const DefaultURL = "http://localhost:5000"

// KeyEnv is the environment variable holding the API key.
const KeyEnv = "JISR_LIBRETRANSLATE_KEY"

// Provider creates the engine by name; package engines lists it.
func Provider() translate.Provider {
	return translate.Provider{Name: Name, New: func(o translate.Options) (translate.Engine, error) { return New(o) }}
}

// Engine is a LibreTranslate client.
type Engine struct {
	c        *resilient.Client
	base     string
	key      string
	batch    int
	maxChars int
	pace     *rate.Limiter // texts per second, nil when unlimited
}

// New creates the engine from options.
func New(o translate.Options) (*Engine, error) {
	pol, err := resilient.FromSettings(resilient.Policy{Concurrency: 2}, o.Settings)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", Name, err)
	}
	e := &Engine{base: strings.TrimRight(resilient.String(o.Settings, "url", DefaultURL), "/")}
	if o.URL != "" {
		e.base = strings.TrimRight(o.URL, "/")
	}
	if o.Getenv != nil {
		e.key = o.Getenv(KeyEnv)
	}
	if e.batch, err = resilient.Int(o.Settings, "batch", 20); err != nil {
		return nil, fmt.Errorf("%s: %w", Name, err)
	}
	if e.maxChars, err = resilient.Int(o.Settings, "max_chars", 5000); err != nil {
		return nil, fmt.Errorf("%s: %w", Name, err)
	}
	if pol.Rate > 0 {
		e.pace = rate.NewLimiter(rate.Limit(pol.Rate), max(pol.Burst, e.batch))
		pol.Rate = 0 // the client would count calls
	}
	e.c = resilient.New(Name, pol, e.key)
	return e, nil
}

// Name returns "libretranslate".
func (e *Engine) Name() string { return Name }

// Model returns "": LibreTranslate does not name its models.
func (e *Engine) Model() string { return "" }

// Status returns machine.
func (e *Engine) Status() translate.Status { return translate.StatusMachine }

// Limits returns the batch size, character limit and concurrency.
func (e *Engine) Limits() translate.Limits {
	return translate.Limits{MaxSegments: e.batch, MaxChars: e.maxChars, Concurrency: e.c.Policy().Concurrency}
}

// Requests returns how many HTTP requests the engine has sent.
func (e *Engine) Requests() int64 { return e.c.Requests() }

type request struct {
	Q      []string `json:"q"`
	Source string   `json:"source"`
	Target string   `json:"target"`
	Format string   `json:"format"`
	APIKey string   `json:"api_key,omitempty"`
}

type response struct {
	TranslatedText json.RawMessage `json:"translatedText"`
	Error          string          `json:"error"`
}

// Translate sends the texts in batches of the configured size.
func (e *Engine) Translate(ctx context.Context, ar []string) ([]string, error) {
	out := make([]string, 0, len(ar))
	for start := 0; start < len(ar); start += e.batch {
		part := ar[start:min(start+e.batch, len(ar))]
		en, err := e.send(ctx, part)
		if err != nil {
			return nil, err
		}
		out = append(out, en...)
	}
	return out, nil
}

func (e *Engine) send(ctx context.Context, ar []string) ([]string, error) {
	if e.pace != nil {
		if err := e.pace.WaitN(ctx, len(ar)); err != nil {
			return nil, fmt.Errorf("%s: waiting for the rate limit: %w", Name, err)
		}
	}
	body, err := json.Marshal(request{Q: ar, Source: "ar", Target: "en", Format: "text", APIKey: e.key})
	if err != nil {
		return nil, err
	}
	resp, err := resilient.JSON[response](ctx, e.c, func(ctx context.Context) (*http.Request, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, e.base+"/translate", bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json")
		return req, nil
	})
	if err != nil {
		return nil, err
	}
	if resp.Error != "" {
		return nil, fmt.Errorf("%s: server error: %q", Name, resp.Error)
	}
	var en []string
	if err := json.Unmarshal(resp.TranslatedText, &en); err != nil {
		// A server that got one text may answer with one string.
		var one string
		if len(ar) != 1 || json.Unmarshal(resp.TranslatedText, &one) != nil {
			return nil, fmt.Errorf("%s: translatedText is neither a list nor a string: %.80s", Name, resp.TranslatedText)
		}
		en = []string{one}
	}
	if len(en) != len(ar) {
		return nil, fmt.Errorf("%s: got %d translations for %d texts", Name, len(en), len(ar))
	}
	return en, nil
}
