package deepl

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/jisr-news/jisr/generator/translate"
	"github.com/jisr-news/jisr/generator/translate/engines/enginetest"
	"github.com/jisr-news/jisr/generator/translate/resilient"
)

const key = "0123-abcd:fx"

func env(k string) string {
	if k == KeyEnv {
		return key
	}
	return ""
}

// server speaks DeepL v2: each text comes back as "EN<" + text + ">".
func server(t *testing.T, seen *[]request) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/v2/translate" {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		if got := r.Header.Get("Authorization"); got != "DeepL-Auth-Key "+key {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		var req request
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			http.Error(w, "bad", http.StatusBadRequest)
			return
		}
		if seen != nil {
			*seen = append(*seen, req)
		}
		var resp response
		for _, s := range req.Text {
			resp.Translations = append(resp.Translations, struct {
				DetectedSourceLanguage string `json:"detected_source_language"`
				Text                   string `json:"text"`
			}{"AR", "EN<" + s + ">"})
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(resp)
	})
}

func TestRequestAndTranslation(t *testing.T) {
	var seen []request
	srv := enginetest.NewServer(t, server(t, &seen), nil)
	eng, err := Provider().New(translate.Options{URL: srv.URL, Getenv: env, Settings: map[string]any{"target_lang": "en-gb", "batch": 2}})
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
	if len(seen) != 2 || seen[0].SourceLang != "AR" || seen[0].TargetLang != "EN-GB" || len(seen[0].Text) != 2 {
		t.Errorf("requests: %+v", seen)
	}
}

// TestContextAndGlossary: against the strict DeepL server, a request
// carries its segments' text as context and names the glossary made from
// the gazetteer's names; a second engine (the next run) finds the same
// glossary instead of making another.
func TestContextAndGlossary(t *testing.T) {
	s, h := enginetest.NewDeepL(enginetest.DeepLLimits, key)
	srv := enginetest.NewServer(t, h, nil)
	names := []translate.Name{{EN: "Baghdad", AR: []string{"بغداد", "ببغداد"}}, {EN: "Iraq", AR: []string{"العراق"}}, {EN: "Bad\tname", AR: []string{"سيئ"}}}
	var ids []string
	for run := range 2 {
		eng, err := New(translate.Options{URL: srv.URL, Getenv: env})
		if err != nil {
			t.Fatal(err)
		}
		eng.UseGlossary(names)
		if _, err := eng.Translate(context.Background(), []string{"وصل الوفد إلى بغداد.", "وقال المتحدث إن العراق يرحب."}); err != nil {
			t.Fatalf("run %d: %v", run+1, err)
		}
		if err := eng.GlossaryError(); err != nil {
			t.Fatalf("run %d: glossary: %v", run+1, err)
		}
		ids = append(ids, eng.glossID)
	}
	reqs, bodies := s.Seen()
	var posts, translates int
	for i, r := range reqs {
		switch {
		case r.Method == http.MethodPost && r.URL.Path == "/v2/glossaries":
			posts++
			var g map[string]string
			json.Unmarshal([]byte(bodies[i]), &g)
			if g["entries"] != "العراق\tIraq\nببغداد\tBaghdad\nبغداد\tBaghdad" {
				t.Errorf("entries %q", g["entries"])
			}
		case r.URL.Path == "/v2/translate":
			translates++
			var req request
			json.Unmarshal([]byte(bodies[i]), &req)
			if req.GlossaryID == "" || req.GlossaryID != ids[0] {
				t.Errorf("glossary_id %q, want %q", req.GlossaryID, ids[0])
			}
			if req.Context != "وصل الوفد إلى بغداد.\nوقال المتحدث إن العراق يرحب." {
				t.Errorf("context %q", req.Context)
			}
		}
	}
	if posts != 1 || translates != 2 || ids[0] != ids[1] {
		t.Errorf("%d glossaries made, %d translations, ids %q: want 1, 2, the same", posts, translates, ids)
	}
}

// TestStrictLimits: DeepL's 50 texts and 128 KiB per request hold for a
// long article, and glossary = false sends none.
func TestStrictLimits(t *testing.T) {
	s, h := enginetest.NewDeepL(enginetest.DeepLLimits, key)
	srv := enginetest.NewServer(t, h, nil)
	eng, err := New(translate.Options{URL: srv.URL, Getenv: env, Settings: map[string]any{"glossary": false}})
	if err != nil {
		t.Fatal(err)
	}
	eng.UseGlossary([]translate.Name{{EN: "Iraq", AR: []string{"العراق"}}})
	ar := make([]string, 120)
	for i := range ar {
		ar[i] = strings.Repeat("قال المتحدث إن العراق يرحب بالوفد ", 8)
	}
	out, err := eng.Translate(context.Background(), ar)
	if err != nil || len(out) != len(ar) {
		t.Fatalf("%d translations: %v", len(out), err)
	}
	reqs, _ := s.Seen()
	for _, r := range reqs {
		if r.URL.Path != "/v2/translate" {
			t.Errorf("glossary off, yet %s %s", r.Method, r.URL.Path)
		}
	}
}

func TestHostByKey(t *testing.T) {
	tests := []struct{ key, want string }{
		{"abc:fx", FreeURL},
		{"abc", ProURL},
	}
	for _, tt := range tests {
		e, err := New(translate.Options{Getenv: func(string) string { return tt.key }})
		if err != nil {
			t.Fatal(err)
		}
		if e.URL != tt.want {
			t.Errorf("key %q: host %s, want %s", tt.key, e.URL, tt.want)
		}
	}
	if _, err := New(translate.Options{Getenv: func(string) string { return "" }}); err == nil || !strings.Contains(err.Error(), KeyEnv) {
		t.Errorf("no key: %v", err)
	}
}

func TestQuotaIsFinalAndKeyNeverInErrors(t *testing.T) {
	srv := enginetest.NewServer(t, server(t, nil), func(n int, w http.ResponseWriter, r *http.Request) bool {
		http.Error(w, `{"message":"Quota exceeded for key `+key+`"}`, 456)
		return true
	})
	eng, _ := New(translate.Options{URL: srv.URL, Getenv: env, Settings: enginetest.Settings()})
	_, err := eng.Translate(context.Background(), []string{"أ"})
	if err == nil || srv.Requests() != 1 {
		t.Fatalf("456: err %v after %d requests, want an error after 1", err, srv.Requests())
	}
	if strings.Contains(err.Error(), key) {
		t.Errorf("error shows the key: %v", err)
	}
	_, err = eng.Translate(context.Background(), []string{"أ"})
	if !errors.Is(err, resilient.ErrOpen) || srv.Requests() != 1 {
		t.Errorf("after 456: %v, %d requests; want breaker open", err, srv.Requests())
	}
}

func TestFaults(t *testing.T) {
	enginetest.Run(t, func(url string) (translate.Engine, error) {
		return New(translate.Options{URL: url, Getenv: env, Settings: enginetest.Settings()})
	}, enginetest.FakeDeepL(key))
}
