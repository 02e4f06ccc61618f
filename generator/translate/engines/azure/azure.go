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
	resilient.Engine
	key, region, cat string
}

// New creates the engine; it fails without a key or with limits beyond
// Azure's.
func New(o translate.Options) (*Engine, error) {
	cfg, err := resilient.Configure(Name, o, resilient.Config{Policy: resilient.Policy{Concurrency: 4}, URL: DefaultURL, Batch: 100, MaxChars: 10000})
	if err != nil {
		return nil, err
	}
	e := &Engine{key: o.Env(KeyEnv)}
	if e.key == "" {
		return nil, fmt.Errorf("%s: no API key: set %s", Name, KeyEnv)
	}
	e.region = o.Env(RegionEnv)
	if e.region == "" {
		e.region = resilient.String(o.Settings, "region", "")
	}
	e.cat = resilient.String(o.Settings, "category", o.Model)
	if cfg.Batch < 1 || cfg.Batch > MaxTexts || cfg.MaxChars < 1 || cfg.MaxChars > MaxChars {
		return nil, fmt.Errorf("%s: batch %d, max_chars %d: Azure takes 1 to %d texts and at most %d characters per request", Name, cfg.Batch, cfg.MaxChars, MaxTexts, MaxChars)
	}
	// The model is the Custom Translator category, or "" for the general
	// model.
	e.Engine = cfg.Engine(Name, e.cat, e.key)
	return e, nil
}

// Translate sends the texts in batches that fit the limits.
func (e *Engine) Translate(ctx context.Context, ar []string) ([]string, error) {
	return translate.InBatches(ctx, ar, e.Batch, e.MaxChars, e.send)
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
	u := e.URL + "/translate?" + q.Encode()
	res, err := resilient.JSON[[]result](ctx, e.Client, func(ctx context.Context) (*http.Request, error) {
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
