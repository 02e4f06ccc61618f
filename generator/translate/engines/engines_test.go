package engines

import (
	"errors"
	"slices"
	"testing"

	"github.com/jisr-news/jisr/generator/translate"
)

func TestProvidersListed(t *testing.T) {
	ps := Providers()
	names := ps.Names()
	for _, want := range []string{"gist", "google", "google-cloud", "libretranslate", "deepl", "azure", "openai"} {
		if !slices.Contains(names, want) {
			t.Errorf("%s not listed (have %v)", want, names)
		}
	}
	if len(slices.Compact(slices.Clone(names))) != len(names) {
		t.Errorf("a name is listed twice: %v", names)
	}
	// Each provider creates the engine it is named for.
	env := func(k string) string { return "k-" + k }
	for _, p := range ps {
		e, err := p.New(translate.Options{Getenv: env})
		if err != nil {
			t.Errorf("%s: %v", p.Name, err)
			continue
		}
		if e.Name() != p.Name {
			t.Errorf("provider %s made engine %s", p.Name, e.Name())
		}
	}
	// Engines that need a key say which variable when it is missing.
	for _, name := range []string{"deepl", "google-cloud", "azure"} {
		if _, err := ps.New(name, translate.Options{Getenv: func(string) string { return "" }}); err == nil {
			t.Errorf("%s created without a key", name)
		}
	}
	var unknown *translate.UnknownEngineError
	if _, err := ps.New("babel", translate.Options{}); !errors.As(err, &unknown) || unknown.Name != "babel" {
		t.Errorf("unknown engine: %v", err)
	}
}
