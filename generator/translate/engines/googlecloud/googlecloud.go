// Package googlecloud is the "google-cloud" engine: Google Cloud
// Translation, Basic (v2), with an API key.
//
// In: Arabic segments. Out: English texts, status machine. One request,
// POST {url}v2 with header X-Goog-Api-Key and the JSON body
// {"q":[...],"source":"ar","target":"en","format":"text","model":..},
// carries up to 128 segments (Google's limit; default batch 50) and about
// 5,000 letters, as Google recommends, well under its 204,800-byte body
// limit. The key never goes in the URL, where proxies and logs keep it.
//
// It is a small REST client of its own rather than
// cloud.google.com/go/translate: that SDK sent every text in a GET URL
// (16 KB for one article, past Google's 2K URL limit) and linked gRPC and
// OpenTelemetry, about 7 MB of the binary, for this one call.
//
// No glossary: Basic (v2) has none. Glossaries are an Advanced (v3)
// feature, and v3 fits jisr's key-from-the-environment set-up poorly: it
// authenticates with OAuth 2 credentials of a service account rather than
// an API key, and a glossary is created from a file in Cloud Storage
// (gs://...) by a long-running operation under a project and location.
// Names still reach Google in English: the run writes the gazetteer's
// names in English before sending (translate.Protector).
//
// The key comes from JISR_GOOGLE_CLOUD_KEY. 403 "User Rate Limit
// Exceeded" (over quota per minute) is retried like 429; any other 403
// (key refused) is final.
//
// Configuration ([translate.google-cloud]): url (default
// https://translation.googleapis.com/language/translate/), model ("nmt" or
// "base"), batch, max_chars, and the policy of package resilient.
package googlecloud

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net/http"
	"strings"

	"github.com/jisr-news/jisr/generator/translate"
	"github.com/jisr-news/jisr/generator/translate/resilient"
)

// Name is the engine's name in --engine and jisr.toml.
const Name = "google-cloud"

// DefaultURL is the service endpoint when none is configured.
const DefaultURL = "https://translation.googleapis.com/language/translate/"

// KeyEnv is the environment variable holding the API key.
const KeyEnv = "JISR_GOOGLE_CLOUD_KEY"

// MaxSegments is Google's limit of texts per request.
const MaxSegments = 128

// Provider creates the engine by name; package engines lists it.
func Provider() translate.Provider {
	return translate.Provider{Name: Name, New: func(o translate.Options) (translate.Engine, error) { return New(o) }}
}

// Engine is a Cloud Translation v2 client.
type Engine struct {
	resilient.Engine
	key, model string
}

// New creates the engine; it fails without a key.
func New(o translate.Options) (*Engine, error) {
	cfg, err := resilient.Configure(Name, o, resilient.Config{Policy: resilient.Policy{Concurrency: 4}, URL: DefaultURL, Batch: 50, MaxChars: 5000})
	if err != nil {
		return nil, err
	}
	e := &Engine{key: o.Env(KeyEnv), model: resilient.String(o.Settings, "model", o.Model)}
	if e.key == "" {
		return nil, fmt.Errorf("%s: no API key: set %s", Name, KeyEnv)
	}
	if cfg.Batch < 1 || cfg.Batch > MaxSegments {
		return nil, fmt.Errorf("%s: batch %d: Google takes 1 to %d texts per request", Name, cfg.Batch, MaxSegments)
	}
	// The model is the configured one ("nmt", "base"), or "".
	e.Engine = cfg.Engine(Name, e.model, e.key)
	return e, nil
}

// Translate sends the texts in batches that fit the limits.
func (e *Engine) Translate(ctx context.Context, ar []string) ([]string, error) {
	return translate.InBatches(ctx, ar, e.Batch, e.MaxChars, e.send)
}

type request struct {
	Q      []string `json:"q"`
	Source string   `json:"source"`
	Target string   `json:"target"`
	Format string   `json:"format"`
	Model  string   `json:"model,omitempty"`
}

type response struct {
	Data struct {
		Translations []struct {
			TranslatedText string `json:"translatedText"`
		} `json:"translations"`
	} `json:"data"`
}

func (e *Engine) send(ctx context.Context, ar []string) ([]string, error) {
	body, err := json.Marshal(request{Q: ar, Source: "ar", Target: "en", Format: "text", Model: e.model})
	if err != nil {
		return nil, err
	}
	var res response
	err = e.Client.Call(ctx, func(ctx context.Context) error {
		raw, err := e.Client.Fetch(ctx, func(ctx context.Context) (*http.Request, error) {
			req, err := http.NewRequestWithContext(ctx, http.MethodPost, e.URL+"/v2", bytes.NewReader(body))
			if err != nil {
				return nil, err
			}
			req.Header.Set("Content-Type", "application/json; charset=utf-8")
			req.Header.Set("Accept", "application/json")
			req.Header.Set("X-Goog-Api-Key", e.key)
			return req, nil
		})
		if err != nil {
			return classify(err)
		}
		res = response{}
		if err := json.Unmarshal(raw, &res); err != nil {
			return &resilient.Error{Engine: Name, Kind: resilient.Retryable, Err: fmt.Errorf("malformed JSON: %w", err)}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(res.Data.Translations) != len(ar) {
		return nil, fmt.Errorf("%s: got %d translations for %d texts", Name, len(res.Data.Translations), len(ar))
	}
	en := make([]string, len(ar))
	for i, t := range res.Data.Translations {
		// format=text answers plain text; a stray entity is still decoded.
		en[i] = html.UnescapeString(t.TranslatedText)
	}
	return en, nil
}

// classify makes the per-minute quota (403 with reason
// userRateLimitExceeded or rateLimitExceeded) retryable; any other 403
// (the key refused) stays final.
func classify(err error) error {
	var re *resilient.Error
	if errors.As(err, &re) && re.Status == http.StatusForbidden {
		msg := strings.ToLower(re.Error())
		if strings.Contains(msg, "ratelimitexceeded") || strings.Contains(msg, "rate limit exceeded") {
			c := *re
			c.Kind = resilient.Retryable
			return &c
		}
	}
	return err
}
