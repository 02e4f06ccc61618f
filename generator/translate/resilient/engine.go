package resilient

import (
	"fmt"
	"strings"

	"github.com/jisr-news/jisr/generator/translate"
)

// Config is what every HTTP engine reads from its options in the same way:
// its calling policy, base URL and batch limits. An engine passes its own
// defaults to Configure and gets them back overlaid with the settings.
type Config struct {
	// Policy is the calling policy (see FromSettings for its keys).
	Policy Policy
	// URL is the base URL, without a trailing slash.
	URL string
	// Batch and MaxChars are the most texts and characters (runes) one
	// request carries.
	Batch, MaxChars int
}

// Configure reads the settings every HTTP engine shares. In: the engine's
// name, its options and its defaults. Out: def overlaid with the policy
// keys of o.Settings, "url" (itself overridden by o.URL, which is
// --engine-url), "batch" and "max_chars"; an error names the engine and
// the key. The engine checks what it must of its own, may change the
// Policy, and then calls Config.Engine.
func Configure(name string, o translate.Options, def Config) (Config, error) {
	c := def
	var err error
	if c.Policy, err = FromSettings(def.Policy, o.Settings); err != nil {
		return c, fmt.Errorf("%s: %w", name, err)
	}
	c.URL = String(o.Settings, "url", def.URL)
	if o.URL != "" {
		c.URL = o.URL
	}
	c.URL = strings.TrimRight(c.URL, "/")
	if c.Batch, err = Int(o.Settings, "batch", def.Batch); err != nil {
		return c, fmt.Errorf("%s: %w", name, err)
	}
	if c.MaxChars, err = Int(o.Settings, "max_chars", def.MaxChars); err != nil {
		return c, fmt.Errorf("%s: %w", name, err)
	}
	return c, nil
}

// Engine returns the shared part of an engine named name, reporting model
// (or "" when the engine has none), with a Client under c.Policy that
// keeps secrets out of every error.
func (c Config) Engine(name, model string, secrets ...string) Engine {
	return Engine{name: name, model: model, Client: New(name, c.Policy, secrets...), URL: c.URL, Batch: c.Batch, MaxChars: c.MaxChars}
}

// Engine is the part every HTTP translation engine shares; each engine
// embeds it. It answers translate.Engine's Name, Model and Status (an
// HTTP engine's output is machine translation), translate.Limited's
// Limits, and Requests, so that no engine writes them again. The engine
// adds Translate.
type Engine struct {
	name, model string
	// Client sends the engine's requests.
	Client *Client
	// URL is the base URL, without a trailing slash.
	URL string
	// Batch and MaxChars are the most texts and characters per request.
	Batch, MaxChars int
}

// Name returns the engine's name in --engine and jisr.toml.
func (e *Engine) Name() string { return e.name }

// Model returns the model or variant the engine asks for, or "".
func (e *Engine) Model() string { return e.model }

// Status returns machine.
func (e *Engine) Status() translate.Status { return translate.StatusMachine }

// Limits returns the batch size, the character limit and the concurrency
// of the engine's policy.
func (e *Engine) Limits() translate.Limits {
	return translate.Limits{MaxSegments: e.Batch, MaxChars: e.MaxChars, Concurrency: e.Client.Policy().Concurrency}
}

// Requests returns how many HTTP requests the engine has sent.
func (e *Engine) Requests() int64 { return e.Client.Requests() }
