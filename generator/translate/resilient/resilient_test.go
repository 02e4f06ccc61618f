package resilient

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		v    string
		want time.Duration
	}{
		{"", 0},
		{"3", 3 * time.Second},
		{"0.25", 250 * time.Millisecond},
		{now.Add(10 * time.Second).Format(http.TimeFormat), 10 * time.Second},
		{now.Add(-10 * time.Second).Format(http.TimeFormat), 0},
		{"soon", 0},
		{"-4", 0},
	}
	for _, tt := range tests {
		h := http.Header{}
		if tt.v != "" {
			h.Set("Retry-After", tt.v)
		}
		if got := RetryAfter(h, now); got != tt.want {
			t.Errorf("Retry-After %q = %s, want %s", tt.v, got, tt.want)
		}
	}
}

func TestStatusKind(t *testing.T) {
	tests := []struct {
		status int
		want   Kind
	}{
		{400, Failed}, {404, Failed}, {413, Failed},
		{401, Final}, {403, Final}, {456, Final},
		{408, Retryable}, {429, Retryable}, {500, Retryable}, {502, Retryable}, {503, Retryable},
	}
	for _, tt := range tests {
		if got := StatusKind(tt.status); got != tt.want {
			t.Errorf("StatusKind(%d) = %s, want %s", tt.status, got, tt.want)
		}
	}
}

func TestLooksHTML(t *testing.T) {
	tests := []struct {
		ct, body string
		want     bool
	}{
		{"application/json", `{"a":1}`, false},
		{"application/json", `[1]`, false},
		{"text/html; charset=UTF-8", `{"a":1}`, true},
		{"application/json", "\n  <!DOCTYPE html>", true},
		{"", "\ufeff<html>", true},
		{"", "", false},
	}
	for _, tt := range tests {
		if got := LooksHTML(tt.ct, []byte(tt.body)); got != tt.want {
			t.Errorf("LooksHTML(%q, %q) = %v", tt.ct, tt.body, got)
		}
	}
}

func TestBackoffGrowsWithJitterAndCap(t *testing.T) {
	c := New("x", Policy{BaseDelay: 100 * time.Millisecond, MaxDelay: time.Second})
	for n, hi := range []time.Duration{100, 200, 400, 800, 1000, 1000} {
		hi *= time.Millisecond
		if n >= 4 {
			hi = time.Second
		}
		seen := map[time.Duration]bool{}
		for range 50 {
			d := c.backoff(n)
			if d < hi/2 || d > hi {
				t.Fatalf("backoff(%d) = %s, want in [%s, %s]", n, d, hi/2, hi)
			}
			seen[d] = true
		}
		if len(seen) < 5 {
			t.Errorf("backoff(%d) has no jitter: %v", n, seen)
		}
	}
}

func TestFromSettings(t *testing.T) {
	p, err := FromSettings(Policy{Concurrency: 2}, map[string]any{
		"concurrency": int64(8), "rate": 2.5, "burst": int64(3), "retries": int64(1),
		"timeout": "1.5s", "backoff": int64(2), "max_body": int64(1024), "breaker_failures": int64(3),
	})
	if err != nil {
		t.Fatal(err)
	}
	want := Policy{Concurrency: 8, Rate: 2.5, Burst: 3, Retries: 1, Timeout: 1500 * time.Millisecond,
		BaseDelay: 2 * time.Second, MaxBody: 1024, BreakerFailures: 3}
	if p != want {
		t.Errorf("got %+v\nwant %+v", p, want)
	}
	if _, err := FromSettings(Policy{}, map[string]any{"timeout": "soon"}); err == nil || !strings.Contains(err.Error(), "timeout") {
		t.Errorf("bad duration: %v", err)
	}
	if _, err := FromSettings(Policy{}, map[string]any{"rate": true}); err == nil {
		t.Error("bad rate accepted")
	}
}

func TestConcurrencyLimit(t *testing.T) {
	var in, peak atomic.Int32
	c := New("x", Policy{Concurrency: 3})
	done := make(chan struct{})
	for range 12 {
		go func() {
			c.Call(context.Background(), func(ctx context.Context) error {
				n := in.Add(1)
				for {
					p := peak.Load()
					if n <= p || peak.CompareAndSwap(p, n) {
						break
					}
				}
				time.Sleep(10 * time.Millisecond)
				in.Add(-1)
				return nil
			})
			done <- struct{}{}
		}()
	}
	for range 12 {
		<-done
	}
	if peak.Load() != 3 {
		t.Errorf("peak in flight %d, want 3", peak.Load())
	}
	if c.Requests() != 12 {
		t.Errorf("Requests() = %d", c.Requests())
	}
}

func TestCancelStopsRetriesWithoutTrippingBreaker(t *testing.T) {
	c := New("x", Policy{BaseDelay: time.Hour, BreakerFailures: 1})
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(20 * time.Millisecond); cancel() }()
	err := c.Call(ctx, func(ctx context.Context) error {
		return &Error{Engine: "x", Kind: Retryable, Err: errors.New("busy")}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v", err)
	}
	if err := c.Call(context.Background(), func(ctx context.Context) error { return nil }); err != nil {
		t.Errorf("breaker counted a cancelled call: %v", err)
	}
}

func TestTooLargeAndRetryAfterCap(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/big" {
			w.Write([]byte(`"` + strings.Repeat("a", 2000) + `"`))
			return
		}
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	defer srv.Close()
	c := New("x", Policy{MaxBody: 100, MaxRetryAfter: time.Second})
	get := func(path string) func(ctx context.Context) (*http.Request, error) {
		return func(ctx context.Context) (*http.Request, error) {
			return http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+path, nil)
		}
	}
	if _, err := JSON[string](context.Background(), c, get("/big")); !errors.Is(err, ErrTooLarge) {
		t.Errorf("big body: %v", err)
	}
	start := time.Now()
	_, err := JSON[string](context.Background(), c, get("/slow"))
	if err == nil || time.Since(start) > 500*time.Millisecond || !strings.Contains(err.Error(), "wait") {
		t.Errorf("Retry-After beyond the cap: %v after %s", err, time.Since(start))
	}
}

func TestSecretsRedacted(t *testing.T) {
	c := New("x", Policy{Retries: -1}, "s3cr3t")
	err := c.Call(context.Background(), func(ctx context.Context) error {
		return errors.New(`GET /v2?key=s3cr3t: connection refused`)
	})
	if err == nil || strings.Contains(err.Error(), "s3cr3t") || !strings.Contains(err.Error(), "***") {
		t.Errorf("got %v", err)
	}
}
