// Package openai is the "openai" engine: any OpenAI-compatible chat server
// (Ollama, llama.cpp server, vLLM, hosted services): POST
// {url}chat/completions with {"model","messages","temperature"}, read
// choices[0].message.content.
//
// It is a small REST client of its own, not github.com/openai/openai-go:
// jisr needs this one endpoint and its three fields, while the SDK linked
// about 52 MB of types (realtime, websockets, responses, ...) into the
// binary, a third of its size.
//
// In: Arabic segments. Out: English texts, status machine, with the model
// recorded. A batch is one chat completion: the segments go in as numbered
// lines and must come back as the same numbered lines. When the answer has
// merged, split, dropped or renumbered lines, the batch is sent again one
// segment per request, so no translation is ever attached to the wrong
// segment. The prompt asks the model to copy names already in Latin
// letters and every number as written (see translate.Protector, which
// writes known names in English before the text goes out).
//
// Package resilient retries, limits and breaks, as for every engine.
// Nothing is read from OPENAI_* variables: the key comes only from
// JISR_OPENAI_KEY (optional, local servers need none; it goes as a Bearer
// token), the base URL from configuration.
//
// Configuration ([translate.openai] and [translate] model): url (default
// https://api.openai.com/v1/), model (default gpt-4o-mini), temperature
// (default 0; a negative value sends none, for models that accept only
// their own), batch (default 20), max_chars (default 4000), system (a
// replacement system prompt), and the policy of package resilient
// (timeout default 120s, concurrency default 4).
package openai

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/jisr-news/jisr/generator/translate"
	"github.com/jisr-news/jisr/generator/translate/resilient"
)

// Name is the engine's name in --engine and jisr.toml.
const Name = "openai"

// Defaults.
const (
	DefaultURL   = "https://api.openai.com/v1/"
	DefaultModel = "gpt-4o-mini"
)

// KeyEnv is the environment variable holding the API key.
const KeyEnv = "JISR_OPENAI_KEY"

// SystemPrompt is the default system prompt.
const SystemPrompt = `You translate Arabic news into English for a news site.
Translate faithfully and completely into plain, neutral news English.
Names written in Latin letters are already in English: copy them exactly as given.
Copy every number exactly as written, with the same digits.
Write only the translation: no notes, explanations, quotation marks or commentary.`

// Provider creates the engine by name; package engines lists it.
func Provider() translate.Provider {
	return translate.Provider{Name: Name, New: func(o translate.Options) (translate.Engine, error) { return New(o) }}
}

// Engine is a client of an OpenAI-compatible chat server.
type Engine struct {
	resilient.Engine
	key         string
	model       string
	system      string
	temperature float64
}

// New creates the engine from options.
func New(o translate.Options) (*Engine, error) {
	cfg, err := resilient.Configure(Name, o, resilient.Config{Policy: resilient.Policy{Concurrency: 4, Timeout: 120 * time.Second}, URL: DefaultURL, Batch: 20, MaxChars: 4000})
	if err != nil {
		return nil, err
	}
	e := &Engine{key: o.Env(KeyEnv), model: o.Model, system: resilient.String(o.Settings, "system", SystemPrompt)}
	if e.model == "" {
		e.model = resilient.String(o.Settings, "model", DefaultModel)
	}
	if v, ok := o.Settings["temperature"]; ok {
		f, ok := v.(float64)
		if !ok {
			if i, isInt := v.(int64); isInt {
				f, ok = float64(i), true
			}
		}
		if !ok {
			return nil, fmt.Errorf("%s: temperature: want a number, got %v", Name, v)
		}
		e.temperature = f
	}
	// The model is the one asked for.
	e.Engine = cfg.Engine(Name, e.model, e.key)
	return e, nil
}

// Translate sends the texts as numbered batches and checks the numbering
// of each answer; a batch whose answer does not line up is sent again one
// text per request.
func (e *Engine) Translate(ctx context.Context, ar []string) ([]string, error) {
	out := make([]string, 0, len(ar))
	for _, r := range translate.Split(len(ar), e.Batch, e.MaxChars, func(i int) int { return len([]rune(ar[i])) }) {
		chunk := ar[r[0]:r[1]]
		var en []string
		if len(chunk) > 1 {
			answer, err := e.chat(ctx, BatchPrompt(chunk))
			if err != nil {
				return nil, err
			}
			en, _ = ParseNumbered(answer, len(chunk))
		}
		if en == nil {
			en = make([]string, len(chunk))
			for i, s := range chunk {
				answer, err := e.chat(ctx, SinglePrompt(s))
				if err != nil {
					return nil, err
				}
				en[i] = strings.Join(strings.Fields(stripFences(answer)), " ")
			}
		}
		out = append(out, en...)
	}
	return out, nil
}

// BatchPrompt is the user message for several segments: numbered lines.
func BatchPrompt(ar []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Translate each numbered line from Arabic into English. Answer with exactly %d lines, numbered 1 to %d in the same order, each in the form \"<number>. <English translation>\". Never merge, split, skip or add lines.\n\n", len(ar), len(ar))
	for i, s := range ar {
		fmt.Fprintf(&b, "%d. %s\n", i+1, strings.Join(strings.Fields(s), " "))
	}
	return b.String()
}

// SinglePrompt is the user message for one segment.
func SinglePrompt(ar string) string {
	return "Translate this text from Arabic into English. Answer with the English translation only.\n\n" + ar
}

var numbered = regexp.MustCompile(`^\s*(\d+)\s*[.)：:\-]\s*(.*)$`)

// ParseNumbered reads an answer to BatchPrompt: exactly n non-empty lines
// numbered 1..n in order. It returns an error saying what is wrong
// otherwise (merged, split, missing or renumbered lines).
func ParseNumbered(answer string, n int) ([]string, error) {
	var out []string
	for _, line := range strings.Split(stripFences(answer), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		m := numbered.FindStringSubmatch(line)
		if m == nil {
			return nil, fmt.Errorf("line %d is not numbered (a split answer?): %q", len(out), line)
		}
		k, _ := strconv.Atoi(m[1])
		if k != len(out)+1 {
			return nil, fmt.Errorf("line numbered %d where %d was expected", k, len(out)+1)
		}
		text := strings.TrimSpace(m[2])
		if text == "" {
			return nil, fmt.Errorf("line %d is empty", k)
		}
		out = append(out, text)
	}
	if len(out) != n {
		return nil, fmt.Errorf("%d lines for %d segments", len(out), n)
	}
	return out, nil
}

// stripFences removes Markdown code fences that some models add.
func stripFences(s string) string {
	var keep []string
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			continue
		}
		keep = append(keep, l)
	}
	return strings.Join(keep, "\n")
}

type message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type chatRequest struct {
	Model       string    `json:"model"`
	Messages    []message `json:"messages"`
	Temperature *float64  `json:"temperature,omitempty"`
}

type chatResponse struct {
	Choices []struct {
		Message struct {
			Content string `json:"content"`
		} `json:"message"`
	} `json:"choices"`
}

// chat sends one completion request under the resilient client.
func (e *Engine) chat(ctx context.Context, user string) (string, error) {
	req := chatRequest{Model: e.model, Messages: []message{{"system", e.system}, {"user", user}}}
	if e.temperature >= 0 {
		t := e.temperature
		req.Temperature = &t
	}
	body, err := json.Marshal(req)
	if err != nil {
		return "", err
	}
	var content string
	err = e.Client.Call(ctx, func(ctx context.Context) error {
		raw, err := e.Client.Fetch(ctx, func(ctx context.Context) (*http.Request, error) {
			r, err := http.NewRequestWithContext(ctx, http.MethodPost, e.URL+"/chat/completions", bytes.NewReader(body))
			if err != nil {
				return nil, err
			}
			r.Header.Set("Content-Type", "application/json")
			r.Header.Set("Accept", "application/json")
			if e.key != "" {
				r.Header.Set("Authorization", "Bearer "+e.key)
			}
			return r, nil
		})
		if err != nil {
			return err
		}
		var res chatResponse
		if err := json.Unmarshal(raw, &res); err != nil {
			return &resilient.Error{Engine: Name, Kind: resilient.Retryable, Err: fmt.Errorf("malformed JSON: %w", err)}
		}
		if len(res.Choices) == 0 || strings.TrimSpace(res.Choices[0].Message.Content) == "" {
			return &resilient.Error{Engine: Name, Kind: resilient.Retryable, Err: errors.New("answer has no message content (malformed response?)")}
		}
		content = res.Choices[0].Message.Content
		return nil
	})
	return content, err
}
