// Package googlecloud is the "google-cloud" engine: Google Cloud
// Translation, Basic (v2), through the official cloud.google.com/go/translate
// client with an API key.
//
// In: Arabic segments. Out: English texts, status machine. One request
// (GET or POST {url}v2?q=..&q=..&source=ar&target=en&format=text&key=..)
// carries up to 50 segments and about 5,000 letters, as Google recommends.
//
// It lives in its own package because the client pulls in gRPC and
// OpenTelemetry: import it only where the engine is wanted.
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
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	gtranslate "cloud.google.com/go/translate"
	"golang.org/x/text/language"
	"google.golang.org/api/option"

	"github.com/jisr-news/jisr/generator/translate"
	"github.com/jisr-news/jisr/generator/translate/resilient"
)

// Name is the engine's name in --engine and jisr.toml.
const Name = "google-cloud"

// DefaultURL is the service endpoint when none is configured.
const DefaultURL = "https://translation.googleapis.com/language/translate/"

// KeyEnv is the environment variable holding the API key.
const KeyEnv = "JISR_GOOGLE_CLOUD_KEY"

// Provider creates the engine by name; package engines lists it.
func Provider() translate.Provider {
	return translate.Provider{Name: Name, New: func(o translate.Options) (translate.Engine, error) { return New(o) }}
}

// Engine is a Cloud Translation v2 client.
type Engine struct {
	c        *resilient.Client
	client   *gtranslate.Client
	model    string
	batch    int
	maxChars int
}

// New creates the engine; it fails without a key.
func New(o translate.Options) (*Engine, error) {
	pol, err := resilient.FromSettings(resilient.Policy{Concurrency: 4}, o.Settings)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", Name, err)
	}
	key := ""
	if o.Getenv != nil {
		key = strings.TrimSpace(o.Getenv(KeyEnv))
	}
	if key == "" {
		return nil, fmt.Errorf("%s: no API key: set %s", Name, KeyEnv)
	}
	base := resilient.String(o.Settings, "url", DefaultURL)
	if o.URL != "" {
		base = o.URL
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	e := &Engine{model: resilient.String(o.Settings, "model", o.Model)}
	if e.batch, err = resilient.Int(o.Settings, "batch", 50); err != nil {
		return nil, fmt.Errorf("%s: %w", Name, err)
	}
	if e.maxChars, err = resilient.Int(o.Settings, "max_chars", 5000); err != nil {
		return nil, fmt.Errorf("%s: %w", Name, err)
	}
	e.c = resilient.New(Name, pol, key)
	// The key goes on every request as the v2 API wants it (a "key"
	// parameter); our transport adds it, so the client needs no other
	// credentials and errors never show it (the resilient client redacts).
	hc := &http.Client{Transport: e.c.Transport(nil, func(r *http.Request) {
		q := r.URL.Query()
		q.Set("key", key)
		r.URL.RawQuery = q.Encode()
	})}
	e.client, err = gtranslate.NewClient(context.Background(), option.WithHTTPClient(hc), option.WithEndpoint(base))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", Name, err)
	}
	return e, nil
}

// Name returns "google-cloud".
func (e *Engine) Name() string { return Name }

// Model returns the configured model, or "".
func (e *Engine) Model() string { return e.model }

// Status returns machine.
func (e *Engine) Status() translate.Status { return translate.StatusMachine }

// Limits returns the batch size, character limit and concurrency.
func (e *Engine) Limits() translate.Limits {
	return translate.Limits{MaxSegments: e.batch, MaxChars: e.maxChars, Concurrency: e.c.Policy().Concurrency}
}

// Requests returns how many HTTP requests the engine has sent.
func (e *Engine) Requests() int64 { return e.c.Requests() }

// Translate sends the texts in batches that fit the limits.
func (e *Engine) Translate(ctx context.Context, ar []string) ([]string, error) {
	out := make([]string, 0, len(ar))
	for _, r := range translate.Split(len(ar), e.batch, e.maxChars, func(i int) int { return len([]rune(ar[i])) }) {
		en, err := e.send(ctx, ar[r[0]:r[1]])
		if err != nil {
			return nil, err
		}
		out = append(out, en...)
	}
	return out, nil
}

func (e *Engine) send(ctx context.Context, ar []string) ([]string, error) {
	var res []gtranslate.Translation
	err := e.c.Call(ctx, func(ctx context.Context) error {
		var err error
		res, err = e.client.Translate(ctx, ar, language.English,
			&gtranslate.Options{Source: language.Arabic, Format: gtranslate.Text, Model: e.model})
		return classify(err)
	})
	if err != nil {
		return nil, err
	}
	if len(res) != len(ar) {
		return nil, fmt.Errorf("%s: got %d translations for %d texts", Name, len(res), len(ar))
	}
	en := make([]string, len(ar))
	for i, t := range res {
		en[i] = t.Text
	}
	return en, nil
}

// classify makes the per-minute quota (403 with a rate-limit reason)
// retryable, and decoding failures (malformed or truncated JSON)
// retryable too.
func classify(err error) error {
	if err == nil || errors.Is(err, context.Canceled) {
		return err
	}
	var re *resilient.Error
	if errors.As(err, &re) {
		msg := strings.ToLower(re.Error())
		if re.Status == http.StatusForbidden && (strings.Contains(msg, "ratelimitexceeded") || strings.Contains(msg, "rate limit exceeded")) {
			c := *re
			c.Kind = resilient.Retryable
			return &c
		}
		return err
	}
	return &resilient.Error{Engine: Name, Kind: resilient.Retryable, Err: err}
}
