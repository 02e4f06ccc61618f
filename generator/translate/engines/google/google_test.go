package google

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/jisr-news/jisr/generator/translate"
	"github.com/jisr-news/jisr/generator/translate/engines/enginetest"
)

// server speaks the gtx endpoint: each line of q becomes a part
// "EN<line>", line breaks kept, as the real endpoint answers. With merge
// set it drops the line breaks, as a misbehaving answer would.
func server(t *testing.T, seen *[]string, merge bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || r.URL.Path != "/translate_a/single" {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		p := r.URL.Query()
		for k, v := range map[string]string{"client": "gtx", "sl": "ar", "tl": "en", "dt": "t", "ie": "UTF-8", "oe": "UTF-8"} {
			if p.Get(k) != v {
				t.Errorf("param %s = %q, want %q", k, p.Get(k), v)
			}
		}
		q := p.Get("q")
		if seen != nil {
			*seen = append(*seen, q)
		}
		lines := strings.Split(q, "\n")
		var parts []any
		for i, l := range lines {
			en, src := "EN<"+l+">", l
			if i < len(lines)-1 && !merge {
				en, src = en+"\n", src+"\n"
			}
			parts = append(parts, []any{en, src, nil, nil, 3})
		}
		w.Header().Set("Content-Type", "application/json; charset=UTF-8")
		json.NewEncoder(w).Encode([]any{parts, nil, "ar"})
	})
}

func TestRequestAndTranslation(t *testing.T) {
	var seen []string
	srv := enginetest.NewServer(t, server(t, &seen, false), nil)
	eng, err := Provider().New(translate.Options{URL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	out, err := eng.Translate(context.Background(), []string{"قال الرئيس", "في بغداد\nأمس", "٣ قتلى"})
	if err != nil {
		t.Fatal(err)
	}
	want := "EN<قال الرئيس>|EN<في بغداد أمس>|EN<٣ قتلى>"
	if strings.Join(out, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(out, "|"), want)
	}
	if len(seen) != 1 || seen[0] != "قال الرئيس\nفي بغداد أمس\n٣ قتلى" {
		t.Errorf("server saw %q, want one request with three lines", seen)
	}
}

func TestMergedLinesRetriedOneByOne(t *testing.T) {
	var seen []string
	srv := enginetest.NewServer(t, server(t, &seen, true), nil)
	eng, _ := New(translate.Options{URL: srv.URL})
	out, err := eng.Translate(context.Background(), []string{"أ", "ب"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(out, "|") != "EN<أ>|EN<ب>" || srv.Requests() != 3 {
		t.Errorf("got %q after %d requests (%q)", out, srv.Requests(), seen)
	}
}

func TestChunksByLength(t *testing.T) {
	srv := enginetest.NewServer(t, server(t, nil, false), nil)
	eng, _ := New(translate.Options{URL: srv.URL, Settings: map[string]any{"max_chars": 10}})
	out, err := eng.Translate(context.Background(), []string{"أبجد", "هوز", "حطي كلمن", "سعفص"})
	if err != nil || len(out) != 4 {
		t.Fatalf("%q %v", out, err)
	}
	if srv.Requests() != 3 {
		t.Errorf("%d requests, want 3 chunks of at most 10 letters", srv.Requests())
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, in, want string
		err            bool
	}{
		{"array", `[[["Hello ","مرحبا ",null,null,1],["world","عالم",null,null,1]],null,"ar"]`, "Hello world", false},
		{"dj=1", `{"sentences":[{"trans":"Hello ","orig":"مرحبا"},{"trans":"world","orig":"عالم"}],"src":"ar"}`, "Hello world", false},
		{"null parts skipped", `[[["A",null],[null,"x"]],null,"ar"]`, "A", false},
		{"empty", `[]`, "", true},
		{"no translation", `[null,null,"ar"]`, "", true},
		{"object without sentences", `{"error":"x"}`, "", true},
		{"parts not lists", `[["a","b"]]`, "", true},
		{"number where text", `[[[5,"x"]]]`, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse([]byte(tt.in))
			if (err != nil) != tt.err || got != tt.want {
				t.Errorf("Parse = %q, %v; want %q, error %v", got, err, tt.want, tt.err)
			}
		})
	}
}

func TestFaults(t *testing.T) {
	enginetest.Run(t, func(url string) (translate.Engine, error) {
		return New(translate.Options{URL: url, Settings: enginetest.Settings()})
	}, server(t, nil, false))
}

// TestURLsStayShort: a 22-segment article once made a 16 KB URL. Against
// a server that refuses URIs over 2,048 bytes (as Google's front end
// does), every batch is cut to fit, and one segment too long for any URL
// is cut at spaces and joined again.
func TestURLsStayShort(t *testing.T) {
	s, h := enginetest.NewGoogle(enginetest.GoogleLimits)
	srv := enginetest.NewServer(t, h, nil)
	eng, err := New(translate.Options{URL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	sentence := "قال المتحدث باسم وزارة الخارجية إن الوفد سيصل إلى العاصمة يوم الأحد المقبل لبحث الملفات العالقة"
	ar := make([]string, 22)
	for i := range ar {
		ar[i] = sentence
	}
	ar = append(ar, strings.Repeat(sentence+" ", 8))
	out, err := eng.Translate(context.Background(), ar)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != len(ar) || out[0] != "EN<"+sentence+">" {
		t.Fatalf("got %d translations, first %q", len(out), out[0])
	}
	if strings.Count(out[22], "EN<") < 2 {
		t.Errorf("long segment not cut: %q", out[22])
	}
	reqs, _ := s.Seen()
	for _, r := range reqs {
		if n := len(r.URL.RequestURI()); n > 2000 {
			t.Errorf("URI of %d bytes", n)
		}
	}
	if len(reqs) > 16 {
		t.Errorf("%d requests for 23 segments: batches not packed", len(reqs))
	}
}
