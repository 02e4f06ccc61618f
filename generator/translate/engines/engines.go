// Package engines registers every HTTP translation engine with package
// translate: google, google-cloud, libretranslate, deepl and openai.
//
// In: nothing. Out: the side effect of registration; import it blank
// (import _ ".../translate/engines") where engines are selected by name.
// Import a single engine's package instead to leave the others out (the
// google-cloud one links gRPC and OpenTelemetry).
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
// JISR_OPENAI_KEY. The keyless google engine needs none.
package engines

import (
	// Each registers itself in init.
	_ "github.com/jisr-news/jisr/generator/translate/engines/deepl"
	_ "github.com/jisr-news/jisr/generator/translate/engines/google"
	_ "github.com/jisr-news/jisr/generator/translate/engines/googlecloud"
	_ "github.com/jisr-news/jisr/generator/translate/engines/libre"
	_ "github.com/jisr-news/jisr/generator/translate/engines/openai"
)
