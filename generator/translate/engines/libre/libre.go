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
	resilient.Engine
	key  string
	pace *rate.Limiter // texts per second, nil when unlimited
}

// New creates the engine from options.
func New(o translate.Options) (*Engine, error) {
	cfg, err := resilient.Configure(Name, o, resilient.Config{Policy: resilient.Policy{Concurrency: 2}, URL: DefaultURL, Batch: 20, MaxChars: 5000})
	if err != nil {
		return nil, err
	}
	e := &Engine{key: o.Env(KeyEnv)}
	if cfg.Policy.Rate > 0 {
		e.pace = rate.NewLimiter(rate.Limit(cfg.Policy.Rate), max(cfg.Policy.Burst, cfg.Batch))
		cfg.Policy.Rate = 0 // the client would count calls
	}
	// LibreTranslate does not name its models.
	e.Engine = cfg.Engine(Name, "", e.key)
	return e, nil
}

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
	for start := 0; start < len(ar); start += e.Batch {
		part := ar[start:min(start+e.Batch, len(ar))]
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
	resp, err := resilient.JSON[response](ctx, e.Client, func(ctx context.Context) (*http.Request, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, e.URL+"/translate", bytes.NewReader(body))
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
