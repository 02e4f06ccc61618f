package engines

import (
	"slices"
	"testing"

	"github.com/jisr-news/jisr/generator/translate"
)

func TestAllRegistered(t *testing.T) {
	names := translate.Names()
	for _, want := range []string{"google", "google-cloud", "libretranslate", "deepl", "openai"} {
		if !slices.Contains(names, want) {
			t.Errorf("%s not registered (have %v)", want, names)
		}
	}
	// Engines that need a key say which variable when it is missing.
	for _, name := range []string{"deepl", "google-cloud"} {
		if _, err := translate.New(name, translate.Options{Getenv: func(string) string { return "" }}); err == nil {
			t.Errorf("%s created without a key", name)
		}
	}
}
