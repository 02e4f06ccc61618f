// Package engines registers every HTTP translation engine with package
// translate: google, google-cloud, libretranslate, deepl and openai.
//
// In: nothing. Out: the side effect of registration; import it blank
// (import _ ".../translate/engines") where engines are selected by name.
// Import a single engine's package instead to leave the others out (the
// google-cloud one links gRPC and OpenTelemetry).
package engines

import (
	// Each registers itself in init.
	_ "github.com/jisr-news/jisr/generator/translate/engines/deepl"
	_ "github.com/jisr-news/jisr/generator/translate/engines/google"
	_ "github.com/jisr-news/jisr/generator/translate/engines/googlecloud"
	_ "github.com/jisr-news/jisr/generator/translate/engines/libre"
	_ "github.com/jisr-news/jisr/generator/translate/engines/openai"
)
