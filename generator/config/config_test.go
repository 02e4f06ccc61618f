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
