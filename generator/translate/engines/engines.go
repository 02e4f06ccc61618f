// Package engines lists every translation engine jisr knows: the offline
// gist and the HTTP engines google, google-cloud, libretranslate, deepl,
// azure and openai. Each HTTP engine is a small REST client of its own
// (see each package for why), so the binary carries no provider SDK.
//
// In: nothing. Out: Providers(), the explicit list that the CLI and the
// build choose from by name. Nothing registers itself at init: a program
// that wants fewer engines passes a shorter list.
//
// # Configuration
//
// The engine is chosen with --engine or [translate] engine in jisr.toml;
// --engine-url, JISR_ENGINE_URL or [translate] url override its base URL;
// [translate] model sets the model where there is one. Each engine reads
// its own table; every key is optional:
//
//	[translate]
//	engine = "openai"
//	url = "http://127.0.0.1:11434/v1/"   # Ollama
//	model = "qwen2.5:7b"
//
//	[translate.openai]
//	batch = 20            # segments per request
//	max_chars = 4000      # letters per request
//	concurrency = 4       # requests in flight
//	rate = 2              # requests per second (0: unlimited)
//	retries = 4           # retries of 429, 5xx, timeouts (0: none)
//	timeout = "120s"      # per attempt
//	backoff = "500ms"     # first retry wait, doubled each time, with jitter
//	breaker_failures = 5  # failed calls in a row before falling back to gist
//
// Keys never go in jisr.toml; they come from the environment:
// JISR_DEEPL_KEY, JISR_GOOGLE_CLOUD_KEY, JISR_LIBRETRANSLATE_KEY,
// JISR_AZURE_KEY (and JISR_AZURE_REGION), JISR_OPENAI_KEY. The keyless google engine needs none.
package engines

import (
	"github.com/jisr-news/jisr/generator/translate"
	"github.com/jisr-news/jisr/generator/translate/engines/azure"
	"github.com/jisr-news/jisr/generator/translate/engines/deepl"
	"github.com/jisr-news/jisr/generator/translate/engines/google"
	"github.com/jisr-news/jisr/generator/translate/engines/googlecloud"
	"github.com/jisr-news/jisr/generator/translate/engines/libre"
	"github.com/jisr-news/jisr/generator/translate/engines/openai"
	"github.com/jisr-news/jisr/generator/translate/gist"
)

// Providers returns every engine, gist first. Each call returns a new
// slice, so a caller may append its own (tests add fakes this way).
func Providers() translate.Providers {
	return translate.Providers{
		gist.Provider(),
		google.Provider(),
		googlecloud.Provider(),
		libre.Provider(),
		deepl.Provider(),
		azure.Provider(),
		openai.Provider(),
	}
}
