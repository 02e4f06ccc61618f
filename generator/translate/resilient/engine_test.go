package resilient

import (
	"strings"
	"testing"

	"github.com/jisr-news/jisr/generator/translate"
)

func TestConfigure(t *testing.T) {
	def := Config{Policy: Policy{Concurrency: 4}, URL: "https://api.example/v1/", Batch: 20, MaxChars: 5000}
	c, err := Configure("x", translate.Options{Settings: map[string]any{"batch": 7, "url": "http://set/"}}, def)
	if err != nil {
		t.Fatal(err)
	}
	if c.URL != "http://set" || c.Batch != 7 || c.MaxChars != 5000 || c.Policy.Concurrency != 4 {
		t.Errorf("settings over defaults: %+v", c)
	}
	c, err = Configure("x", translate.Options{URL: "http://flag//", Settings: map[string]any{"url": "http://set/", "concurrency": 2}}, def)
	if err != nil {
		t.Fatal(err)
	}
	if c.URL != "http://flag" || c.Policy.Concurrency != 2 {
		t.Errorf("--engine-url over the setting: %+v", c)
	}
	e := c.Engine("x", "m1", "sekret")
	if e.Name() != "x" || e.Model() != "m1" || e.Status() != translate.StatusMachine || e.Requests() != 0 {
		t.Errorf("accessors: %q %q %q", e.Name(), e.Model(), e.Status())
	}
	if l := e.Limits(); l != (translate.Limits{MaxSegments: 20, MaxChars: 5000, Concurrency: 2}) {
		t.Errorf("limits %+v", l)
	}
	for _, bad := range []map[string]any{{"batch": "many"}, {"max_chars": "x"}, {"timeout": "soon"}} {
		if _, err := Configure("x", translate.Options{Settings: bad}, def); err == nil || !strings.HasPrefix(err.Error(), "x: ") {
			t.Errorf("%v: error %v, want one naming the engine", bad, err)
		}
	}
}
