// Package deepl is the "deepl" engine: a client of the DeepL API v2, Free
// and Pro.
//
// In: Arabic segments. Out: English texts, status machine. One request,
// POST {host}/v2/translate with header "Authorization: DeepL-Auth-Key K"
// and {"text":[...],"source_lang":"AR","target_lang":"EN-US"}, carries up
// to 50 segments and stays under DeepL's 128 KiB body limit.
//
// The key comes from JISR_DEEPL_KEY. Keys ending in ":fx" are Free keys
// and go to api-free.deepl.com; others go to api.deepl.com. 456 (quota
// exhausted) is final: the breaker opens at once and the run falls back.
//
// Configuration ([translate.deepl]): url, target_lang (EN-US or EN-GB),
// model_type (e.g. "quality_optimized"; reported as the model), batch,
// max_chars, and the calling policy of package resilient.
package deepl

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/jisr-news/jisr/generator/translate"
	"github.com/jisr-news/jisr/generator/translate/resilient"
)

// Name is the engine's name in --engine and jisr.toml.
const Name = "deepl"

// Hosts for Free (":fx" keys) and Pro keys.
const (
	FreeURL = "https://api-free.deepl.com"
	ProURL  = "https://api.deepl.com"
)

// KeyEnv is the environment variable holding the API key.
const KeyEnv = "JISR_DEEPL_KEY"

// MaxBody is DeepL's request body limit.
const MaxBody = 128 << 10

// Provider creates the engine by name; package engines lists it.
func Provider() translate.Provider {
	return translate.Provider{Name: Name, New: func(o translate.Options) (translate.Engine, error) { return New(o) }}
}

// Engine is a DeepL client.
type Engine struct {
	c         *resilient.Client
	base, key string
	target    string
	modelType string
	batch     int
	maxChars  int
}

// New creates the engine; it fails without a key.
func New(o translate.Options) (*Engine, error) {
	pol, err := resilient.FromSettings(resilient.Policy{Concurrency: 4}, o.Settings)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", Name, err)
	}
	e := &Engine{}
	if o.Getenv != nil {
		e.key = strings.TrimSpace(o.Getenv(KeyEnv))
	}
	if e.key == "" {
		return nil, fmt.Errorf("%s: no API key: set %s", Name, KeyEnv)
	}
	e.base = ProURL
	if strings.HasSuffix(e.key, ":fx") {
		e.base = FreeURL
	}
	e.base = resilient.String(o.Settings, "url", e.base)
	if o.URL != "" {
		e.base = o.URL
	}
	e.base = strings.TrimRight(e.base, "/")
	e.target = strings.ToUpper(resilient.String(o.Settings, "target_lang", "EN-US"))
	e.modelType = resilient.String(o.Settings, "model_type", o.Model)
	if e.batch, err = resilient.Int(o.Settings, "batch", 50); err != nil {
		return nil, fmt.Errorf("%s: %w", Name, err)
	}
	// Arabic is two bytes a letter in UTF-8, and JSON adds little:
	// 30,000 letters stay well under 128 KiB.
	if e.maxChars, err = resilient.Int(o.Settings, "max_chars", 30000); err != nil {
		return nil, fmt.Errorf("%s: %w", Name, err)
	}
	e.c = resilient.New(Name, pol, e.key)
	return e, nil
}

// Name returns "deepl".
func (e *Engine) Name() string { return Name }

// Model returns the configured model_type, or "".
func (e *Engine) Model() string { return e.modelType }

// Status returns machine.
func (e *Engine) Status() translate.Status { return translate.StatusMachine }

// Limits returns the batch size, character limit and concurrency.
func (e *Engine) Limits() translate.Limits {
	return translate.Limits{MaxSegments: e.batch, MaxChars: e.maxChars, Concurrency: e.c.Policy().Concurrency}
}

// Requests returns how many HTTP requests the engine has sent.
func (e *Engine) Requests() int64 { return e.c.Requests() }

type request struct {
	Text       []string `json:"text"`
	SourceLang string   `json:"source_lang"`
	TargetLang string   `json:"target_lang"`
	ModelType  string   `json:"model_type,omitempty"`
}

type response struct {
	Translations []struct {
		DetectedSourceLanguage string `json:"detected_source_language"`
		Text                   string `json:"text"`
	} `json:"translations"`
}

// Translate sends the texts in batches that fit DeepL's limits.
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
	body, err := json.Marshal(request{Text: ar, SourceLang: "AR", TargetLang: e.target, ModelType: e.modelType})
	if err != nil {
		return nil, err
	}
	if len(body) > MaxBody {
		return nil, fmt.Errorf("%s: request of %d bytes exceeds DeepL's %d", Name, len(body), MaxBody)
	}
	resp, err := resilient.JSON[response](ctx, e.c, func(ctx context.Context) (*http.Request, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, e.base+"/v2/translate", bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		req.Header.Set("Authorization", "DeepL-Auth-Key "+e.key)
		req.Header.Set("Content-Type", "application/json")
		return req, nil
	})
	if err != nil {
		var re *resilient.Error
		if errors.As(err, &re) && re.Status == 456 {
			return nil, fmt.Errorf("%s: quota exhausted (456): %w", Name, err)
		}
		return nil, err
	}
	if len(resp.Translations) != len(ar) {
		return nil, fmt.Errorf("%s: got %d translations for %d texts", Name, len(resp.Translations), len(ar))
	}
	en := make([]string, len(ar))
	for i, t := range resp.Translations {
		en[i] = t.Text
	}
	return en, nil
}
