package azure

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jisr-news/jisr/generator/translate"
	"github.com/jisr-news/jisr/generator/translate/engines/enginetest"
	"github.com/jisr-news/jisr/generator/translate/resilient"
)

const key, region = "az-secret-key", "westeurope"

func env(k string) string {
	switch k {
	case KeyEnv:
		return key
	case RegionEnv:
		return region
	}
	return ""
}

func TestRequestAndTranslation(t *testing.T) {
	s, h := enginetest.NewAzure(enginetest.AzureLimits, key, region)
	srv := enginetest.NewServer(t, h, nil)
	eng, err := Provider().New(translate.Options{URL: srv.URL, Getenv: env, Settings: map[string]any{"batch": 2}})
	if err != nil {
		t.Fatal(err)
	}
	out, err := eng.Translate(context.Background(), []string{"أ", "ب", "ج"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(out, "|") != "EN<أ>|EN<ب>|EN<ج>" {
		t.Errorf("got %q", out)
	}
	reqs, bodies := s.Seen()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	q := reqs[0].URL.Query()
	if q.Get("from") != "ar" || q.Get("to") != "en" || q.Get("api-version") != "3.0" {
		t.Errorf("query %s", reqs[0].URL.RawQuery)
	}
	var items []map[string]string
	if json.Unmarshal([]byte(bodies[0]), &items) != nil || len(items) != 2 || items[0]["Text"] != "أ" {
		t.Errorf("body %s", bodies[0])
	}
	if eng.Name() != "azure" || eng.Status() != translate.StatusMachine {
		t.Errorf("identity %s %s", eng.Name(), eng.Status())
	}
}

// TestRegionFromSettings: without JISR_AZURE_REGION the region comes from
// jisr.toml; a regional resource without one is refused (401015).
func TestRegionFromSettings(t *testing.T) {
	_, h := enginetest.NewAzure(enginetest.AzureLimits, key, region)
	srv := enginetest.NewServer(t, h, nil)
	keyOnly := func(k string) string {
		if k == KeyEnv {
			return key
		}
		return ""
	}
	eng, _ := New(translate.Options{URL: srv.URL, Getenv: keyOnly, Settings: map[string]any{"region": region}})
	if _, err := eng.Translate(context.Background(), []string{"أ"}); err != nil {
		t.Errorf("region from settings: %v", err)
	}
	eng, _ = New(translate.Options{URL: srv.URL, Getenv: keyOnly, Settings: enginetest.Settings()})
	_, err := eng.Translate(context.Background(), []string{"أ"})
	var re *resilient.Error
	if !errors.As(err, &re) || re.Status != http.StatusUnauthorized || re.Kind != resilient.Final || !strings.Contains(err.Error(), "401015") {
		t.Errorf("no region: %v", err)
	}
	if strings.Contains(err.Error(), key) {
		t.Errorf("error shows the key: %v", err)
	}
}

// TestLimits: a request never passes Azure's 1,000 texts or 50,000
// characters; settings beyond them are refused; no key is an error.
func TestLimits(t *testing.T) {
	s1 := enginetest.AzureLimits
	s1.PerWindow = CharsPerHour["S1"] / 60
	_, h := enginetest.NewAzure(s1, key, region)
	srv := enginetest.NewServer(t, h, nil)
	eng, err := New(translate.Options{URL: srv.URL, Getenv: env, Settings: map[string]any{"batch": 1000, "max_chars": 50000, "tier": "S1"}})
	if err != nil {
		t.Fatal(err)
	}
	ar := make([]string, 2500)
	for i := range ar {
		ar[i] = strings.Repeat("كلمة ", 10) // 50 letters: 1,000 per 50,000
	}
	out, err := eng.Translate(context.Background(), ar)
	if err != nil || len(out) != len(ar) {
		t.Fatalf("%d translations: %v", len(out), err)
	}
	if srv.Requests() != 3 {
		t.Errorf("%d requests, want 3", srv.Requests())
	}
	for _, s := range []map[string]any{{"batch": 1001}, {"max_chars": 50001, "tier": "S1"}, {"max_chars": 40000}, {"tier": "P9"}} {
		if _, err := New(translate.Options{Getenv: env, Settings: s}); err == nil {
			t.Errorf("%v accepted", s)
		}
	}
	if _, err := New(translate.Options{Getenv: func(string) string { return "" }}); err == nil || !strings.Contains(err.Error(), KeyEnv) {
		t.Errorf("no key: %v", err)
	}
}

// TestQuotaRetried: 429001 (characters per hour spent) is retried.
func TestQuotaRetried(t *testing.T) {
	_, h := enginetest.NewAzure(enginetest.Limits{Budget: 1}, key, region)
	srv := enginetest.NewServer(t, h, nil)
	eng, _ := New(translate.Options{URL: srv.URL, Getenv: env, Settings: enginetest.Settings()})
	if _, err := eng.Translate(context.Background(), []string{"أ"}); err != nil {
		t.Fatal(err)
	}
	_, err := eng.Translate(context.Background(), []string{"ب"})
	if err == nil || !strings.Contains(err.Error(), "429001") || srv.Requests() != 4 {
		t.Errorf("over quota: %v after %d requests, want 429001 after 1+3", err, srv.Requests())
	}
}

func TestFaults(t *testing.T) {
	enginetest.Run(t, func(url string) (translate.Engine, error) {
		return New(translate.Options{URL: url, Getenv: env, Settings: enginetest.Settings()})
	}, enginetest.FakeAzure(key, region))
}

// TestCharactersPerMinute: Azure wants an hour's quota spent evenly, at
// most a sixtieth of it in any sliding minute, and the strict server
// refuses faster clients with 429001. The engine paces itself to the
// tier: no request is refused. With the pacing off, the same texts are
// refused, so the server does enforce it. The minute is shortened to a
// second for the test; the arithmetic is the same.
func TestCharactersPerMinute(t *testing.T) {
	defer func(m time.Duration) { minute = m }(minute)
	minute = time.Second
	perHour := 36_000 // 600 characters a "minute"
	lim := enginetest.AzureLimits
	lim.PerWindow, lim.Window = perHour/60, minute
	ar := make([]string, 6)
	for i := range ar {
		ar[i] = strings.Repeat("كلمة ", 50) // 250 characters
	}
	settings := enginetest.Settings()
	settings["batch"], settings["chars_per_hour"] = 1, perHour
	s, h := enginetest.NewAzure(lim, key, region)
	srv := enginetest.NewServer(t, h, nil)
	eng, err := New(translate.Options{URL: srv.URL, Getenv: env, Settings: settings})
	if err != nil {
		t.Fatal(err)
	}
	out, err := eng.Translate(context.Background(), ar)
	if err != nil || len(out) != len(ar) {
		t.Fatalf("paced: %d translations, %v", len(out), err)
	}
	if s.Refused() != 0 {
		t.Errorf("paced engine was refused %d times", s.Refused())
	}

	settings["chars_per_hour"], settings["retries"] = 0, 0
	s, h = enginetest.NewAzure(lim, key, region)
	srv = enginetest.NewServer(t, h, nil)
	eng, _ = New(translate.Options{URL: srv.URL, Getenv: env, Settings: settings})
	if _, err := eng.Translate(context.Background(), ar); err == nil || !strings.Contains(err.Error(), "429001") || s.Refused() == 0 {
		t.Errorf("unpaced: %v, %d refused; want 429001 from the server", err, s.Refused())
	}
}
