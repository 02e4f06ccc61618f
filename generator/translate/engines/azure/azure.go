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
// Characters per hour: Azure meters a resource by its pricing tier (F0 2
// million characters an hour; S1, S2/C2 and multi-service resources 40
// million; S3/C3 120 million; S4/C4 200 million) and wants the quota spent
// evenly, no more than a sixtieth of it in any sliding minute (33,300 a
// minute on F0); a faster client gets 429. So the engine paces itself with
// a sliding window of tier/60 characters a minute (resilient.Window)
// before each request. Set tier = "S1" (or the resource's tier) for a paid
// resource, chars_per_hour for another figure; chars_per_hour = 0 turns
// the pacing off. The default is F0, the tier that refuses soonest.
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
// Custom Translator category ID, reported as the model), tier,
// chars_per_hour, batch, max_chars, and the policy of package resilient.
package azure

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

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

// CharsPerHour is each pricing tier's quota of characters per hour.
var CharsPerHour = map[string]int{
	"F0": 2_000_000,
	"S1": 40_000_000, "S2": 40_000_000, "C2": 40_000_000, "S0": 40_000_000, // S0: multi-service
	"S3": 120_000_000, "C3": 120_000_000,
	"S4": 200_000_000, "C4": 200_000_000,
}

// minute is the span of Azure's sliding window; tests shorten it.
var minute = time.Minute

// Provider creates the engine by name; package engines lists it.
func Provider() translate.Provider {
	return translate.Provider{Name: Name, New: func(o translate.Options) (translate.Engine, error) { return New(o) }}
}

// Engine is an Azure Translator v3 client.
type Engine struct {
	resilient.Engine
	key, region, cat string
	pace             *resilient.Window // characters a minute; nil when off
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
	tier := strings.ToUpper(resilient.String(o.Settings, "tier", "F0"))
	perHour, ok := CharsPerHour[tier]
	if !ok {
		return nil, fmt.Errorf("%s: tier %q: want one of F0, S0, S1, S2, S3, S4, C2, C3, C4", Name, tier)
	}
	if perHour, err = resilient.Int(o.Settings, "chars_per_hour", perHour); err != nil {
		return nil, fmt.Errorf("%s: %w", Name, err)
	}
	if perHour > 0 {
		perMinute := perHour / 60
		if _, set := o.Settings["max_chars"]; !set {
			cfg.MaxChars = min(cfg.MaxChars, perMinute)
		}
		if cfg.MaxChars > perMinute {
			return nil, fmt.Errorf("%s: max_chars %d is more than the %d characters a minute of %d an hour", Name, cfg.MaxChars, perMinute, perHour)
		}
		e.pace = resilient.NewWindow(perMinute, minute)
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
	chars := 0
	for i, s := range ar {
		items[i] = item{s}
		chars += utf8.RuneCountInString(s)
	}
	if e.pace != nil {
		if err := e.pace.Wait(ctx, chars); err != nil {
			return nil, fmt.Errorf("%s: waiting for the characters-per-minute quota: %w", Name, err)
		}
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
