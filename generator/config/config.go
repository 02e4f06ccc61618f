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
//	shard_size = 0            # articles per Hugo run (0: the default, 100)
//	[review]
//	pages = true              # false: no side-by-side review pages in public/
//	[minify]
//	minifyOutput = false      # true: minify what Hugo writes (also --minify)
//	[params]                  # passed to the templates as .Site.Params
//
// A key jisr does not know is an error that names it and its line, so
// that a misspelt setting is never silently ignored.
//
// Keys and secrets come from environment variables only (JISR_DEEPL_KEY and
// so on); a file that holds one is refused, so that it is never committed.
package config

import (
	"bytes"
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
	// Minify minifies the HTML, CSS, JS, JSON, SVG and XML Hugo writes
	// (Hugo's minifier; the same as --minify). Only minifyOutput is
	// accepted: Hugo's finer settings are refused as unknown keys.
	Minify struct {
		MinifyOutput bool `toml:"minifyOutput"`
	} `toml:"minify"`
	// Params are passed to the templates as .Site.Params, as in Hugo. The
	// names jisr sets itself (offline, feeds, cname, index_unreviewed) are refused.
	Params map[string]any `toml:"params"`
	Build  struct {
		// Strict makes any skipped input fail the build (exit 3), also
		// records with no text, which are otherwise reported and skipped.
		Strict bool `toml:"strict"`
		// ShardSize is the number of articles Hugo renders in one run, on
		// average (generator/render, shards.go); 0 means the default
		// (render.DefaultShardSize). Smaller shards use less memory and
		// re-render less after an edit, at the cost of more runs.
		ShardSize int `toml:"shard_size"`
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
	if err := decodeStrict(data, c); err != nil {
		return nil, fmt.Errorf("config %s: %w", file, err)
	}
	for _, k := range reservedParams {
		if _, ok := c.Params[k]; ok {
			return nil, fmt.Errorf("config %s: [params] %s is set by jisr itself; choose another name", file, k)
		}
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

// reservedParams are the site parameters jisr sets for its templates.
var reservedParams = []string{"offline", "feeds", "cname", "index_unreviewed"}

// UnknownKeyError is a key of jisr.toml that jisr does not know.
type UnknownKeyError struct {
	Key       string // dotted: "paths.contnet"
	Line, Col int
}

func (e *UnknownKeyError) Error() string {
	return fmt.Sprintf("line %d: unknown key %q (see generator/config for every setting)", e.Line, e.Key)
}

// decodeStrict decodes data into c and refuses unknown keys, except
// inside the engines' own tables [translate.<name>], which Load reads
// separately.
func decodeStrict(data []byte, c *Config) error {
	d := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields()
	err := d.Decode(c)
	var sme *toml.StrictMissingError
	if !errors.As(err, &sme) {
		return err
	}
	for _, e := range sme.Errors {
		k := e.Key()
		if len(k) >= 2 && k[0] == "translate" && isTable(data, k[:2]) {
			continue
		}
		row, col := e.Position()
		return &UnknownKeyError{Key: strings.Join(k, "."), Line: row, Col: col}
	}
	return nil
}

// isTable reports whether key (translate.<name>) is a table in data.
func isTable(data []byte, key []string) bool {
	var raw map[string]any
	if toml.Unmarshal(data, &raw) != nil {
		return false
	}
	var v any = raw
	for _, k := range key {
		m, ok := v.(map[string]any)
		if !ok {
			return false
		}
		v = m[k]
	}
	_, ok := v.(map[string]any)
	return ok
}

func isSecretKey(k string) bool {
	k = strings.ToLower(k)
	return k == "key" || k == "api_key" || k == "apikey" || k == "token" || k == "secret" || strings.HasSuffix(k, "_key") || strings.HasSuffix(k, "_token")
}
