// Package azure is the "azure" engine: Azure AI Translator, text
// translation v3, a plain REST batch API.
//
// In: Arabic segments. Out: English texts, status machine. One request,
// POST {url}/translate?api-version=3.0&from=ar&to=en&textType=plain with
// headers Ocp-Apim-Subscription-Key and (for a regional or multi-service
// resource) Ocp-Apim-Subscription-Region, and the body [{"Text":..},...],
// carries up to batch segments. Azure takes at most 1,000 texts and
// 50,000 characters per request; the defaults (100 texts, 10,000
// letters) stay well inside, and larger settings are refused. The answer
// is [{"translations":[{"text":..,"to":"en"}]},...], one per text.
//
// The key comes from JISR_AZURE_KEY; the region from JISR_AZURE_REGION or
// [translate.azure] region in jisr.toml (a global resource needs none).
// Errors are {"error":{"code":401000,"message":..}}: 401 and 403 are
// final, 429 (429001..429003, over the characters per hour) and 5xx are
// retried. The key never appears in errors.
//
// A small REST client of its own, as the other engines: Azure's SDKs for
// Go cover this service only through a generated client that would bring
// azcore for one POST.
//
// Configuration ([translate.azure]): url (default
// https://api.cognitive.microsofttranslator.com), region, category (a
// Custom Translator category ID, reported as the model), batch,
// max_chars, and the policy of package resilient.
package azure

import (
	"bytes"
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
const Name = "azure"

// DefaultURL is the global endpoint.
const DefaultURL = "https://api.cognitive.microsofttranslator.com"

// Environment variables holding the key and the region.
const (
	KeyEnv    = "JISR_AZURE_KEY"
	RegionEnv = "JISR_AZURE_REGION"
)

// Azure's limits per request.
const (
	MaxTexts = 1000
	MaxChars = 50000
)

// Provider creates the engine by name; package engines lists it.
func Provider() translate.Provider {
	return translate.Provider{Name: Name, New: func(o translate.Options) (translate.Engine, error) { return New(o) }}
}

// Engine is an Azure Translator v3 client.
type Engine struct {
	c                      *resilient.Client
	base, key, region, cat string
	batch, maxChars        int
}

// New creates the engine; it fails without a key or with limits beyond
// Azure's.
func New(o translate.Options) (*Engine, error) {
	pol, err := resilient.FromSettings(resilient.Policy{Concurrency: 4}, o.Settings)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", Name, err)
	}
	e := &Engine{key: o.Env(KeyEnv)}
	if e.key == "" {
		return nil, fmt.Errorf("%s: no API key: set %s", Name, KeyEnv)
	}
	e.region = o.Env(RegionEnv)
	if e.region == "" {
		e.region = resilient.String(o.Settings, "region", "")
	}
	e.base = resilient.String(o.Settings, "url", DefaultURL)
	if o.URL != "" {
		e.base = o.URL
	}
	e.base = strings.TrimRight(e.base, "/")
	e.cat = resilient.String(o.Settings, "category", o.Model)
	if e.batch, err = resilient.Int(o.Settings, "batch", 100); err != nil {
		return nil, fmt.Errorf("%s: %w", Name, err)
	}
	if e.maxChars, err = resilient.Int(o.Settings, "max_chars", 10000); err != nil {
		return nil, fmt.Errorf("%s: %w", Name, err)
	}
	if e.batch < 1 || e.batch > MaxTexts || e.maxChars < 1 || e.maxChars > MaxChars {
		return nil, fmt.Errorf("%s: batch %d, max_chars %d: Azure takes 1 to %d texts and at most %d characters per request", Name, e.batch, e.maxChars, MaxTexts, MaxChars)
	}
	e.c = resilient.New(Name, pol, e.key)
	return e, nil
}

// Name returns "azure".
func (e *Engine) Name() string { return Name }

// Model returns the Custom Translator category, or "" for the general
// model.
func (e *Engine) Model() string { return e.cat }

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
	return translate.InBatches(ctx, ar, e.batch, e.maxChars, e.send)
}

type item struct {
	Text string `json:"Text"`
}

type result struct {
	Translations []struct {
		Text string `json:"text"`
		To   string `json:"to"`
	} `json:"translations"`
}

func (e *Engine) send(ctx context.Context, ar []string) ([]string, error) {
	items := make([]item, len(ar))
	for i, s := range ar {
		items[i] = item{s}
	}
	body, err := json.Marshal(items)
	if err != nil {
		return nil, err
	}
	q := url.Values{"api-version": {"3.0"}, "from": {"ar"}, "to": {"en"}, "textType": {"plain"}}
	if e.cat != "" {
		q.Set("category", e.cat)
	}
	u := e.base + "/translate?" + q.Encode()
	res, err := resilient.JSON[[]result](ctx, e.c, func(ctx context.Context) (*http.Request, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		req.Header.Set("Content-Type", "application/json; charset=UTF-8")
		req.Header.Set("Ocp-Apim-Subscription-Key", e.key)
		if e.region != "" {
			req.Header.Set("Ocp-Apim-Subscription-Region", e.region)
		}
		return req, nil
	})
	if err != nil {
		return nil, err
	}
	if len(res) != len(ar) {
		return nil, fmt.Errorf("%s: got %d results for %d texts", Name, len(res), len(ar))
	}
	en := make([]string, len(ar))
	for i, r := range res {
		if len(r.Translations) != 1 {
			return nil, fmt.Errorf("%s: text %d: %d translations, want 1", Name, i+1, len(r.Translations))
		}
		en[i] = r.Translations[0].Text
	}
	return en, nil
}
