// Package enginetest runs the faults that every HTTP translation engine
// must survive against an httptest server: 429 with Retry-After, 500, a
// timeout, a CAPTCHA page, malformed JSON, a truncated body, and the
// breaker opening after repeated failures.
//
// In: an engine factory and a handler that speaks the engine's protocol
// correctly. Out: subtests. It is for tests only; no test reaches the
// internet.
package enginetest

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jisr-news/jisr/generator/translate"
	"github.com/jisr-news/jisr/generator/translate/resilient"
)

// Settings are engine settings with short waits, for tests: 2 retries, a
// 1 ms backoff base, a 300 ms timeout per attempt, a breaker that opens
// after 2 failed calls.
func Settings() map[string]any {
	return map[string]any{"retries": 2, "backoff": "1ms", "max_delay": "5ms", "timeout": "300ms",
		"breaker_failures": 2, "breaker_cooldown": "1m"}
}

// Counter is an httptest server that counts requests and lets a test
// decide, per request number (1-based), whether to misbehave.
type Counter struct {
	*httptest.Server
	n     atomic.Int64
	mu    sync.Mutex
	fault func(n int, w http.ResponseWriter, r *http.Request) bool
}

// NewServer starts a server that answers with good unless fault (which may
// be nil) handled request n and returned true.
func NewServer(t testing.TB, good http.Handler, fault func(n int, w http.ResponseWriter, r *http.Request) bool) *Counter {
	c := &Counter{fault: fault}
	c.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := int(c.n.Add(1))
		if c.fault != nil && c.fault(n, w, r) {
			return
		}
		good.ServeHTTP(w, r)
	}))
	t.Cleanup(c.Close)
	return c
}

// Requests returns how many requests the server got.
func (c *Counter) Requests() int { return int(c.n.Load()) }

// Fault is one misbehaviour.
type Fault struct {
	Name string
	// Do misbehaves on request n and reports whether it did.
	Do func(n int, w http.ResponseWriter, r *http.Request) bool
	// WantErr says the call must fail (the fault never stops).
	WantErr bool
	// Is, when set, is an error the failure must wrap.
	Is error
	// MinWait is the least time the call must take (Retry-After).
	MinWait time.Duration
	// Requests is how many requests the server must get, 0 to skip.
	Requests int
}

// Faults returns the standard faults. The first three fail once and then
// let the good handler answer; the others never stop.
func Faults() []Fault {
	once := func(f func(w http.ResponseWriter, r *http.Request)) func(int, http.ResponseWriter, *http.Request) bool {
		return func(n int, w http.ResponseWriter, r *http.Request) bool {
			if n == 1 {
				f(w, r)
				return true
			}
			return false
		}
	}
	always := func(f func(w http.ResponseWriter, r *http.Request)) func(int, http.ResponseWriter, *http.Request) bool {
		return func(n int, w http.ResponseWriter, r *http.Request) bool { f(w, r); return true }
	}
	return []Fault{
		{Name: "429 with Retry-After then OK", Do: once(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "1")
			http.Error(w, `{"error":"slow down"}`, http.StatusTooManyRequests)
		}), MinWait: time.Second, Requests: 2},
		{Name: "500 then OK", Do: once(func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "internal error", http.StatusInternalServerError)
		}), Requests: 2},
		{Name: "timeout then OK", Do: once(func(w http.ResponseWriter, r *http.Request) {
			// Reading the body lets the server see the client hang up.
			io.Copy(io.Discard, r.Body)
			select {
			case <-time.After(2 * time.Second):
			case <-r.Context().Done():
			}
		}), Requests: 2},
		{Name: "truncated body then OK", Do: once(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Content-Length", "500")
			w.Write([]byte(`{"data":[`))
		}), Requests: 2},
		{Name: "CAPTCHA page", Do: always(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(`<html><head><title>Sorry...</title></head><body>Our systems have detected unusual traffic. <form action="CaptchaRedirect"></form></body></html>`))
		}), WantErr: true, Is: resilient.ErrHTML, Requests: 3},
		{Name: "CAPTCHA page sent as JSON", Do: always(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte("\n<!DOCTYPE html><html><body>captcha</body></html>"))
		}), WantErr: true, Requests: 3},
		{Name: "malformed JSON", Do: always(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"translations": [{"text": "unterminated`))
		}), WantErr: true, Requests: 3},
		{Name: "always 500", Do: always(func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "down", http.StatusBadGateway)
		}), WantErr: true, Requests: 3},
		{Name: "400 not retried", Do: always(func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, `{"error":"bad request"}`, http.StatusBadRequest)
		}), WantErr: true, Requests: 1},
	}
}

// Factory makes the engine under test for a server URL.
type Factory func(url string) (translate.Engine, error)

// Run checks every fault of Faults against the engine, and that the
// breaker opens after repeated failures so that no more requests are
// sent. good must answer a one-segment request correctly.
func Run(t *testing.T, mk Factory, good http.Handler) {
	t.Helper()
	for _, f := range Faults() {
		t.Run(f.Name, func(t *testing.T) {
			srv := NewServer(t, good, f.Do)
			eng, err := mk(srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			out, err := eng.Translate(context.Background(), []string{"قال الرئيس"})
			took := time.Since(start)
			switch {
			case f.WantErr && err == nil:
				t.Fatalf("got %q, want an error", out)
			case !f.WantErr && err != nil:
				t.Fatalf("error: %v", err)
			case !f.WantErr && (len(out) != 1 || strings.TrimSpace(out[0]) == ""):
				t.Fatalf("got %q", out)
			}
			if f.Is != nil && !errors.Is(err, f.Is) {
				t.Errorf("error %v does not wrap %v", err, f.Is)
			}
			if err != nil && strings.Contains(err.Error(), "<html") {
				t.Errorf("error quotes the HTML page raw: %v", err)
			}
			if took < f.MinWait {
				t.Errorf("took %s, want at least %s (Retry-After)", took, f.MinWait)
			}
			if f.Requests > 0 && srv.Requests() != f.Requests {
				t.Errorf("server got %d requests, want %d", srv.Requests(), f.Requests)
			}
		})
	}
	t.Run("breaker opens", func(t *testing.T) {
		srv := NewServer(t, good, func(n int, w http.ResponseWriter, r *http.Request) bool {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return true
		})
		eng, err := mk(srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if _, err := eng.Translate(context.Background(), []string{"نص"}); err == nil {
				t.Fatal("failing server gave a translation")
			}
		}
		n := srv.Requests()
		_, err = eng.Translate(context.Background(), []string{"نص"})
		if !errors.Is(err, resilient.ErrOpen) {
			t.Errorf("third call: %v, want breaker open", err)
		}
		if srv.Requests() != n {
			t.Errorf("open breaker still sent %d requests", srv.Requests()-n)
		}
	})
}
