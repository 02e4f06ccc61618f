package config

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
)

func TestLoad(t *testing.T) {
	tests := []struct {
		name, file string
		check      func(*Config) bool
		wantErr    string
	}{
		{"defaults", "", func(c *Config) bool {
			return c.Translate.Engine == "gist" && c.Review.Pages && c.Paths.Seeds == "seeds" && c.Paths.Out == "public" && c.Title.AR == "جسر"
		}, ""},
		{"values", "baseURL = \"https://u.github.io/r/\"\noffline = true\n[title]\nen = \"My News\"\n[translate]\nengine = \"deepl\"\n[translate.deepl]\nconcurrency = 3\n", func(c *Config) bool {
			return c.BaseURL == "https://u.github.io/r/" && c.Offline && c.Title.EN == "My News" && c.Title.AR == "جسر" &&
				c.Translate.Engine == "deepl" && c.Translate.Engines["deepl"]["concurrency"] == int64(3)
		}, ""},
		{"review pages off", "[review]\npages = false\n", func(c *Config) bool { return !c.Review.Pages }, ""},
		{"secret refused", "[translate.deepl]\napi_key = \"k:fx\"\n", nil, "JISR_DEEPL_KEY"},
		{"bad toml", "baseURL = ", nil, "jisr.toml"},
		{"page size", "page_size = 20\n", func(c *Config) bool { return c.PageSize == 20 }, ""},
		{"page size default", "cname = \"x.org\"\n", func(c *Config) bool { return c.PageSize == 50 }, ""},
		{"page size zero", "page_size = 0\n", nil, "page_size"},
		{"empty path", "[paths]\nout = \"\"\n", nil, "may not be empty"},
		{"unknown top-level key", "title = {ar = \"x\"}\nbaseULR = \"https://x/\"\n", nil, `line 2: unknown key "baseULR"`},
		{"unknown key in a table", "[paths]\nseeds = \"s\"\ncontnet = \"c\"\n", nil, `line 3: unknown key "paths.contnet"`},
		{"unknown table", "[sitemap]\nchangefreq = \"daily\"\n", nil, `line 1: unknown key "sitemap"`},
		{"unknown translate key", "[translate]\nengin = \"deepl\"\n", nil, `unknown key "translate.engin"`},
		{"Hugo's finer minify settings are refused", "[minify]\ndisableCSS = true\n", nil, `unknown key "minify.disableCSS"`},
		{"minify and params", "[minify]\nminifyOutput = true\n[params]\nlogo = \"x.png\"\n[params.social]\nx = \"@j\"\n", func(c *Config) bool {
			return c.Minify.MinifyOutput && c.Params["logo"] == "x.png" && c.Params["social"].(map[string]any)["x"] == "@j"
		}, ""},
		{"reserved param", "[params]\nfeeds = false\n", nil, "[params] feeds is set by jisr"},
		{"engine tables stay free", "[translate.openai]\nconcurrency = 2\nsystem_prompt = \"p\"\n[build]\nstrict = true\n", func(c *Config) bool {
			return c.Translate.Engines["openai"]["system_prompt"] == "p" && c.Build.Strict
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := afero.NewMemMapFs()
			if tt.file != "" {
				afero.WriteFile(fs, "/p/jisr.toml", []byte(tt.file), 0o644)
			}
			c, err := Load(fs, "/p/jisr.toml", false)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want it to mention %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), "k:fx") {
					t.Fatal("error message leaks the key")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !tt.check(c) {
				t.Errorf("unexpected config %+v", c)
			}
		})
	}
	if _, err := Load(afero.NewMemMapFs(), "/p/other.toml", true); err == nil {
		t.Error("a required missing config file was accepted")
	}
}
