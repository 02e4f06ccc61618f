// Package config reads jisr.toml, the project's settings.
//
// In: the TOML file (optional). Out: a Config with defaults filled in.
// Command-line flags override it; see cmd/jisr.
//
//	baseURL = "https://user.github.io/repo/"
//	offline = false           # true: links work from file://
//	cname   = "news.example.org"
//	page_size = 50            # articles per page of the home, section and term lists
//	[title]
//	ar = "جسر"
//	en = "Jisr"
//	[paths]                   # relative to the project root
//	seeds = "seeds"
//	content = "content"
//	out = "public"
//	[translate]
//	engine = "gist"           # or google, google-cloud, libretranslate, deepl, azure, openai
//	url = ""                  # base URL override (also JISR_ENGINE_URL)
//	model = ""
//	[translate.openai]        # per-engine settings; never put keys here
//	concurrency = 4
//	[build]
//	strict = false            # true: any skipped input fails the build (exit 3)
//	[review]
//	pages = true              # false: no side-by-side review pages in public/
//
// Keys and secrets come from environment variables only (JISR_DEEPL_KEY and
// so on); a file that holds one is refused, so that it is never committed.
package config

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"github.com/spf13/afero"
)

// FileName is the default config file name.
const FileName = "jisr.toml"

// Config is the content of jisr.toml.
type Config struct {
	BaseURL string `toml:"baseURL"`
	Offline bool   `toml:"offline"`
	CNAME   string `toml:"cname"`
	// PageSize is the number of articles on one page of the home, section
	// and term lists (Hugo's paginator); default 50.
	PageSize int `toml:"page_size"`
	Title    struct {
		AR string `toml:"ar"`
		EN string `toml:"en"`
	} `toml:"title"`
	Paths struct {
		Seeds     string `toml:"seeds"`
		Content   string `toml:"content"`
		Out       string `toml:"out"`
		Templates string `toml:"templates"`
		Static    string `toml:"static"`
	} `toml:"paths"`
	Translate Translate `toml:"translate"`
	Build     struct {
		// Strict makes any skipped input fail the build (exit 3), also
		// records with no text, which are otherwise reported and skipped.
		Strict bool `toml:"strict"`
	} `toml:"build"`
	Review struct {
		// Pages publishes the side-by-side review pages and the review
		// dashboard under /en/review/ (default true).
		Pages bool `toml:"pages"`
	} `toml:"review"`
	SEO struct {
		// IndexUnreviewed lets search engines index English articles that
		// no person has reviewed, and lists them in the sitemap (default
		// false: noindex and left out).
		IndexUnreviewed bool `toml:"index_unreviewed"`
	} `toml:"seo"`
}

// Translate selects and configures the translation engine.
type Translate struct {
	Engine string `toml:"engine"`
	URL    string `toml:"url"`
	Model  string `toml:"model"`
	// Engines holds each engine's own table, [translate.<name>].
	Engines map[string]map[string]any `toml:"-"`
}

// Default returns the configuration used when there is no jisr.toml.
func Default() *Config {
	c := &Config{}
	c.Title.AR, c.Title.EN = "جسر", "Jisr"
	c.Paths.Seeds, c.Paths.Content, c.Paths.Out = "seeds", "content", "public"
	c.Paths.Templates, c.Paths.Static = "templates", "static"
	c.Translate.Engine = "gist"
	c.Review.Pages = true
	c.PageSize = 50
	return c
}

// Load reads a config file over the defaults. When required is false, a
// missing file gives the defaults.
func Load(fs afero.Fs, file string, required bool) (*Config, error) {
	c := Default()
	data, err := afero.ReadFile(fs, file)
	if errors.Is(err, os.ErrNotExist) && !required {
		return c, nil
	}
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	if err := toml.Unmarshal(data, c); err != nil {
		return nil, fmt.Errorf("config %s: %w", file, err)
	}
	var raw struct {
		Translate map[string]any `toml:"translate"`
	}
	if err := toml.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("config %s: %w", file, err)
	}
	c.Translate.Engines = map[string]map[string]any{}
	for k, v := range raw.Translate {
		if t, ok := v.(map[string]any); ok {
			for sk := range t {
				if isSecretKey(sk) {
					return nil, fmt.Errorf("config %s: [translate.%s] %s: keys and secrets belong in environment variables (e.g. JISR_%s_KEY), not in a file that may be committed", file, k, sk, strings.ToUpper(strings.ReplaceAll(k, "-", "_")))
				}
			}
			c.Translate.Engines[k] = t
		}
	}
	if c.Paths.Seeds == "" || c.Paths.Content == "" || c.Paths.Out == "" {
		return nil, fmt.Errorf("config %s: [paths] seeds, content and out may not be empty", file)
	}
	if c.PageSize < 1 {
		return nil, fmt.Errorf("config %s: page_size = %d: a list page needs at least 1 article", file, c.PageSize)
	}
	return c, nil
}

func isSecretKey(k string) bool {
	k = strings.ToLower(k)
	return k == "key" || k == "api_key" || k == "apikey" || k == "token" || k == "secret" || strings.HasSuffix(k, "_key") || strings.HasSuffix(k, "_token")
}
