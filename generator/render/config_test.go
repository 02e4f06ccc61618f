package render

import (
	"slices"
	"testing"

	"github.com/pelletier/go-toml/v2"
)

func TestFeedsAndSitemap(t *testing.T) {
	for _, tc := range []struct {
		base string
		want bool
	}{
		{"https://user.github.io/repo/", true},
		{"http://127.0.0.1:1313/", true},
		{"https://news.example.org", true},
		{"/", false},
		{"", false},
		{"/repo/", false},
		{"file:///tmp/site/", false},
		{"//cdn.example.org/", false},
	} {
		if got := FeedsAndSitemap(tc.base); got != tc.want {
			t.Errorf("FeedsAndSitemap(%q) = %v, want %v", tc.base, got, tc.want)
		}
	}
}

type hugoCfg struct {
	BaseURL      string   `toml:"baseURL"`
	UglyURLs     bool     `toml:"uglyURLs"`
	RelativeURLs bool     `toml:"relativeURLs"`
	DisableKinds []string `toml:"disableKinds"`
	Outputs      map[string][]string
	Params       map[string]any
	Languages    map[string]struct {
		Outputs      map[string][]string
		DisableKinds []string `toml:"disableKinds"`
	}
}

func TestHugoConfig(t *testing.T) {
	for _, tc := range []struct {
		name               string
		site               Site
		base               string
		homeAR, homeEN     []string
		ugly, offlineParam bool
	}{
		{"pages under a sub-path", Site{BaseURL: "https://user.github.io/repo"}, "https://user.github.io/repo/",
			[]string{"html", "rss", "atom", "sitemapxml", "sitemaplang"}, []string{"html", "rss", "atom", "sitemaplang"}, false, false},
		{"no base URL: no feeds, no sitemap", Site{}, "/", []string{"html"}, []string{"html"}, false, false},
		// Offline ignores the base path, or every relative link would
		// carry it ("../repo/x.html").
		{"offline", Site{BaseURL: "https://user.github.io/repo/", Offline: true}, "/", []string{"html"}, []string{"html"}, true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := HugoConfig(tc.site)
			if err != nil {
				t.Fatal(err)
			}
			var c hugoCfg
			if err := toml.Unmarshal(b, &c); err != nil {
				t.Fatalf("%v\n%s", err, b)
			}
			if c.BaseURL != tc.base || c.UglyURLs != tc.ugly || c.RelativeURLs != tc.ugly || c.Params["offline"] != tc.offlineParam {
				t.Errorf("baseURL %q ugly %v relative %v params %v", c.BaseURL, c.UglyURLs, c.RelativeURLs, c.Params)
			}
			if ar := c.Languages["ar"].Outputs["home"]; !slices.Equal(ar, tc.homeAR) {
				t.Errorf("ar home outputs %v, want %v", ar, tc.homeAR)
			}
			if en := c.Languages["en"].Outputs["home"]; !slices.Equal(en, tc.homeEN) {
				t.Errorf("en home outputs %v, want %v", en, tc.homeEN)
			}
			for _, lang := range []string{"ar", "en"} {
				for _, kind := range []string{"section", "taxonomy", "term"} {
					if o := c.Languages[lang].Outputs[kind]; !slices.Equal(o, []string{"html"}) {
						t.Errorf("%s %s outputs %v, want html only", lang, kind, o)
					}
				}
			}
			if !slices.Contains(c.DisableKinds, "sitemap") || !slices.Contains(c.Languages["en"].DisableKinds, "404") {
				t.Errorf("disableKinds %v, en %v: want Hugo's sitemaps off and one 404 page", c.DisableKinds, c.Languages["en"].DisableKinds)
			}
		})
	}
}
