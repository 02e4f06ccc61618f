// Package translate defines the seam between jisr and translation engines.
//
// In: Arabic segment texts. Out: English texts, with the status and the
// provenance (engine, model) that the store records.
//
// An Engine translates a batch of Arabic texts into English. A Provider
// names an engine and creates it; the CLI and jisr.toml select one by name
// from an explicit Providers list (package engines gives the full one).
package translate

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/jisr-news/jisr/generator/store"
)

// Status is the quality level of a stored English segment. The ladder
// (gist < machine < stale < reviewed) and its rules live with the store
// that keeps it (package store); these names are the engines' view of it.
type Status = store.Status

// Statuses, from weakest to strongest (see store.Ladder).
const (
	StatusNone     = store.StatusNone
	StatusGist     = store.StatusGist
	StatusMachine  = store.StatusMachine
	StatusStale    = store.StatusStale
	StatusReviewed = store.StatusReviewed
)

// Engine translates Arabic to English.
type Engine interface {
	// Name is the engine's provider name, e.g. "gist" or "deepl".
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

// GlossaryUser is implemented by engines that can hold a glossary of
// names (DeepL). In: the names the gazetteer knows, Arabic forms with
// their English. The build gives them before the first Translate; an
// engine that cannot use them (unsupported language pair, refused
// request) translates without.
type GlossaryUser interface {
	UseGlossary(names []Name)
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

// Env returns the environment variable name, read through o.Getenv, with
// surrounding white space trimmed (a key pasted with its newline still
// works); "" when it is unset or o has no Getenv.
func (o Options) Env(name string) string {
	if o.Getenv == nil {
		return ""
	}
	return strings.TrimSpace(o.Getenv(name))
}

// Factory creates an engine from options.
type Factory func(Options) (Engine, error)

// Provider names an engine and says how to create it. Each engine package
// exports one (gist.Provider, deepl.Provider, ...); package engines lists
// them all. Nothing registers itself: the list a program uses is the list
// it passes, as Hugo's markup converters are listed.
type Provider struct {
	Name string
	New  Factory
}

// Providers is a list of engines to choose from by name.
type Providers []Provider

// New creates the named engine. An unknown name is an error that lists the
// known ones.
func (ps Providers) New(name string, opts Options) (Engine, error) {
	for _, p := range ps {
		if p.Name == name {
			return p.New(opts)
		}
	}
	return nil, &UnknownEngineError{Name: name, Known: ps.Names()}
}

// Names lists the providers' names, sorted.
func (ps Providers) Names() []string {
	names := make([]string, 0, len(ps))
	for _, p := range ps {
		names = append(names, p.Name)
	}
	sort.Strings(names)
	return names
}

// UnknownEngineError is a name that no provider in the list has.
type UnknownEngineError struct {
	Name  string
	Known []string
}

func (e *UnknownEngineError) Error() string {
	return fmt.Sprintf("unknown translation engine %q (known: %s)", e.Name, strings.Join(e.Known, ", "))
}
