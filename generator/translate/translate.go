// Package translate defines the seam between jisr and translation engines.
//
// In: Arabic segment texts. Out: English texts, with the status and the
// provenance (engine, model) that the store records.
//
// An Engine translates a batch of Arabic texts into English. Engines are
// registered by name (see Register) so that the CLI and jisr.toml can select
// them; the offline "gist" engine is always available.
package translate

import (
	"context"
	"fmt"
	"sort"
	"sync"
)

// Status is the quality level of a stored English segment.
type Status string

// Statuses, from weakest to strongest. Stale is a reviewed segment whose
// Arabic changed after review: the old English is kept for the translator.
const (
	StatusNone     Status = ""
	StatusGist     Status = "gist"
	StatusMachine  Status = "machine"
	StatusStale    Status = "stale"
	StatusReviewed Status = "reviewed"
)

// Rank orders statuses: a segment is re-translated only when the engine
// gives a higher rank than the one stored. Stale and reviewed are human
// work and rank above every engine.
func (s Status) Rank() int {
	switch s {
	case StatusGist:
		return 1
	case StatusMachine:
		return 2
	case StatusStale:
		return 3
	case StatusReviewed:
		return 4
	}
	return 0
}

// Engine translates Arabic to English.
type Engine interface {
	// Name is the engine's registered name, e.g. "gist" or "deepl".
	Name() string
	// Model is the model or variant used, or "" when there is none.
	Model() string
	// Status is what the engine's output counts as: StatusGist or
	// StatusMachine.
	Status() Status
	// Translate returns one English text per Arabic input, in order. An
	// engine batches and retries as its protocol allows; an error means
	// none of the returned texts may be used.
	Translate(ctx context.Context, ar []string) ([]string, error)
}

// Options configure an engine when it is created.
type Options struct {
	// URL overrides the engine's base URL (--engine-url, JISR_ENGINE_URL).
	URL string
	// Model selects a model where the engine has several.
	Model string
	// Settings holds the engine's [translate.<name>] table from jisr.toml.
	Settings map[string]any
	// Getenv reads the environment; keys come only from here or Settings.
	Getenv func(string) string
}

// Factory creates an engine from options.
type Factory func(Options) (Engine, error)

var (
	mu        sync.RWMutex
	factories = map[string]Factory{}
)

// Register makes an engine available by name. It panics on a duplicate
// name, as database/sql does.
func Register(name string, f Factory) {
	mu.Lock()
	defer mu.Unlock()
	if _, dup := factories[name]; dup {
		panic("translate: engine registered twice: " + name)
	}
	factories[name] = f
}

// New creates the named engine.
func New(name string, opts Options) (Engine, error) {
	mu.RLock()
	f, ok := factories[name]
	mu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("unknown translation engine %q (known: %v)", name, Names())
	}
	return f(opts)
}

// Names lists the registered engines, sorted.
func Names() []string {
	mu.RLock()
	defer mu.RUnlock()
	var names []string
	for n := range factories {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
