package resilient

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Window is a sliding-window limiter: it admits at most Max units (such as
// characters) in any span of time Span, as providers that meter a quota
// "per minute, sliding window" count it (Azure Translator). A token bucket
// (golang.org/x/time/rate) cannot promise that: with burst b and rate
// Max/Span it lets b+Max through in one span. It is written here because
// it is a few lines over a log of what was admitted.
//
// Each admission is kept for Span plus a twentieth of it, so that a
// server that timestamps a request a little later than the client still
// sees the earlier units expire first. It is safe for concurrent use.
type Window struct {
	max  int
	span time.Duration // span with the margin
	mu   sync.Mutex
	log  []admitted
}

type admitted struct {
	at time.Time
	n  int
}

// NewWindow returns a limiter of max units per span; max must be > 0.
func NewWindow(max int, span time.Duration) *Window {
	return &Window{max: max, span: span + span/20}
}

// Wait blocks until n more units fit in the window, then counts them.
// In: a context and n, at most the window's max. Out: nil once admitted,
// an error when n can never fit or ctx ends first.
func (w *Window) Wait(ctx context.Context, n int) error {
	if n > w.max {
		return fmt.Errorf("%d units exceed the window's %d", n, w.max)
	}
	for {
		wait := w.admit(time.Now(), n)
		if wait == 0 {
			return nil
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}

// admit counts n at now and returns 0, or returns how long to wait before
// asking again.
func (w *Window) admit(now time.Time, n int) time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	used, keep := 0, 0
	for i, a := range w.log {
		if now.Sub(a.at) < w.span {
			keep = i
			break
		}
		keep = i + 1
	}
	w.log = w.log[keep:]
	for _, a := range w.log {
		used += a.n
	}
	if used+n <= w.max {
		w.log = append(w.log, admitted{now, n})
		return 0
	}
	// Wait for the oldest admissions to expire until n fits.
	free := w.max - used
	for _, a := range w.log {
		free += a.n
		if free >= n {
			return max(a.at.Add(w.span).Sub(now), time.Millisecond)
		}
	}
	return w.span // not reached: n <= max
}
