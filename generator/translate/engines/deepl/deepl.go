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
// Context: jisr sends sentences, which DeepL translates better with the
// text around them. Each request carries, as DeepL's "context" (not
// translated, not billed), the Arabic of the segments it translates (the
// run sends an article's segments together, in reading order), up to
// context_chars letters (default 4,000; 0 turns it off).
//
// Glossary: the gazetteer's names (see translate.GlossaryUser) become a
// DeepL glossary AR→EN named "jisr-<hash of its entries>", looked up
// (GET /v2/glossaries) and created only when missing (POST
// /v2/glossaries), so runs share it and never pile up glossaries; each
// request then names it (glossary_id). When DeepL refuses the glossary
// the engine translates without it. glossary = false turns it off.
//
// Configuration ([translate.deepl]): url, target_lang (EN-US or EN-GB),
// model_type (e.g. "quality_optimized"; reported as the model), batch,
// max_chars, context_chars, glossary, and the calling policy of package
// resilient.
package deepl

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"sync"

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
	resilient.Engine
	key       string
	target    string
	modelType string
	context   int  // letters of context per request
	useGloss  bool // glossary setting

	glossMu  sync.Mutex
	names    []translate.Name
	glossID  string
	glossErr error // why the glossary is not used, once tried
	glossed  bool  // the glossary was tried
}

// New creates the engine; it fails without a key.
func New(o translate.Options) (*Engine, error) {
	e := &Engine{key: o.Env(KeyEnv)}
	if e.key == "" {
		return nil, fmt.Errorf("%s: no API key: set %s", Name, KeyEnv)
	}
	host := ProURL
	if strings.HasSuffix(e.key, ":fx") {
		host = FreeURL
	}
	// Arabic is two bytes a letter in UTF-8, and JSON adds little:
	// 30,000 letters stay well under 128 KiB.
	cfg, err := resilient.Configure(Name, o, resilient.Config{Policy: resilient.Policy{Concurrency: 4}, URL: host, Batch: 50, MaxChars: 30000})
	if err != nil {
		return nil, err
	}
	e.target = strings.ToUpper(resilient.String(o.Settings, "target_lang", "EN-US"))
	e.modelType = resilient.String(o.Settings, "model_type", o.Model)
	if e.context, err = resilient.Int(o.Settings, "context_chars", 4000); err != nil {
		return nil, fmt.Errorf("%s: %w", Name, err)
	}
	e.useGloss = true
	if v, ok := o.Settings["glossary"]; ok {
		b, isBool := v.(bool)
		if !isBool {
			return nil, fmt.Errorf("%s: glossary: want true or false, got %v", Name, v)
		}
		e.useGloss = b
	}
	// The model is the configured model_type, or "".
	e.Engine = cfg.Engine(Name, e.modelType, e.key)
	return e, nil
}

type request struct {
	Text       []string `json:"text"`
	SourceLang string   `json:"source_lang"`
	TargetLang string   `json:"target_lang"`
	ModelType  string   `json:"model_type,omitempty"`
	Context    string   `json:"context,omitempty"`
	GlossaryID string   `json:"glossary_id,omitempty"`
}

type response struct {
	Translations []struct {
		DetectedSourceLanguage string `json:"detected_source_language"`
		Text                   string `json:"text"`
	} `json:"translations"`
}

// Translate sends the texts in batches that fit DeepL's limits.
func (e *Engine) Translate(ctx context.Context, ar []string) ([]string, error) {
	return translate.InBatches(ctx, ar, e.Batch, e.MaxChars, e.send)
}

func (e *Engine) send(ctx context.Context, ar []string) ([]string, error) {
	body, err := json.Marshal(request{Text: ar, SourceLang: "AR", TargetLang: e.target, ModelType: e.modelType,
		Context: e.contextOf(ar), GlossaryID: e.glossary(ctx)})
	if err != nil {
		return nil, err
	}
	if len(body) > MaxBody {
		return nil, fmt.Errorf("%s: request of %d bytes exceeds DeepL's %d", Name, len(body), MaxBody)
	}
	resp, err := resilient.JSON[response](ctx, e.Client, func(ctx context.Context) (*http.Request, error) {
		return e.request(ctx, http.MethodPost, "/v2/translate", body)
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

func (e *Engine) request(ctx context.Context, method, path string, body []byte) (*http.Request, error) {
	var r io.Reader
	if body != nil {
		r = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, e.URL+path, r)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "DeepL-Auth-Key "+e.key)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return req, nil
}

// contextOf is the request's context: its texts in order, cut to
// context_chars letters. A single short text gets no context beyond
// itself, so none is sent.
func (e *Engine) contextOf(ar []string) string {
	if e.context <= 0 || len(ar) < 2 {
		return ""
	}
	var b strings.Builder
	n := 0
	for _, s := range ar {
		s = strings.Join(strings.Fields(s), " ")
		r := []rune(s)
		if n+len(r) > e.context {
			r = r[:max(0, e.context-n)]
		}
		if len(r) == 0 {
			break
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(string(r))
		n += len(r)
	}
	return b.String()
}

// UseGlossary keeps the names for the glossary, made on first use.
func (e *Engine) UseGlossary(names []translate.Name) {
	e.glossMu.Lock()
	defer e.glossMu.Unlock()
	e.names, e.glossed, e.glossID, e.glossErr = names, false, "", nil
}

// GlossaryError says why the glossary is not in use after the first
// request, or nil.
func (e *Engine) GlossaryError() error {
	e.glossMu.Lock()
	defer e.glossMu.Unlock()
	return e.glossErr
}

// GlossaryEntries is the TSV of names: one "Arabic<TAB>English" line per
// Arabic form, sorted, each form once. Forms or names with tabs or line
// breaks are left out (TSV cannot hold them).
func GlossaryEntries(names []translate.Name) string {
	seen := map[string]bool{}
	var lines []string
	for _, n := range names {
		en := strings.TrimSpace(n.EN)
		if en == "" || strings.ContainsAny(en, "\t\r\n") {
			continue
		}
		for _, ar := range n.AR {
			ar = strings.TrimSpace(ar)
			if ar == "" || seen[ar] || strings.ContainsAny(ar, "\t\r\n") {
				continue
			}
			seen[ar] = true
			lines = append(lines, ar+"\t"+en)
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

type glossaryInfo struct {
	ID         string `json:"glossary_id"`
	Name       string `json:"name"`
	Ready      bool   `json:"ready"`
	SourceLang string `json:"source_lang"`
	TargetLang string `json:"target_lang"`
}

// glossary returns the glossary's ID, finding or creating it on first
// use; "" when there is none.
func (e *Engine) glossary(ctx context.Context) string {
	e.glossMu.Lock()
	defer e.glossMu.Unlock()
	if !e.useGloss || e.glossed || len(e.names) == 0 {
		return e.glossID
	}
	e.glossed = true
	entries := GlossaryEntries(e.names)
	if entries == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(entries))
	name := "jisr-" + hex.EncodeToString(sum[:6])
	list, err := resilient.JSON[struct {
		Glossaries []glossaryInfo `json:"glossaries"`
	}](ctx, e.Client, func(ctx context.Context) (*http.Request, error) {
		return e.request(ctx, http.MethodGet, "/v2/glossaries", nil)
	})
	if err != nil {
		e.glossErr = fmt.Errorf("%s: listing glossaries: %w", Name, err)
		return ""
	}
	for _, g := range list.Glossaries {
		if g.Name == name && g.Ready && strings.EqualFold(g.SourceLang, "ar") && strings.EqualFold(g.TargetLang, "en") {
			e.glossID = g.ID
			return e.glossID
		}
	}
	body, err := json.Marshal(map[string]string{"name": name, "source_lang": "ar", "target_lang": "en",
		"entries": entries, "entries_format": "tsv"})
	if err != nil {
		e.glossErr = err
		return ""
	}
	g, err := resilient.JSON[glossaryInfo](ctx, e.Client, func(ctx context.Context) (*http.Request, error) {
		return e.request(ctx, http.MethodPost, "/v2/glossaries", body)
	})
	if err != nil || g.ID == "" {
		e.glossErr = fmt.Errorf("%s: creating glossary %s: %w", Name, name, cmpErr(err))
		return ""
	}
	e.glossID = g.ID
	return e.glossID
}

func cmpErr(err error) error {
	if err == nil {
		return errors.New("no glossary_id in the answer")
	}
	return err
}
