package resilient

import (
	"context"
	"testing"
	"time"
)

// The window admits at most max units in any span (plus its margin), and
// says how long to wait until the oldest units expire.
func TestWindowSlides(t *testing.T) {
	w := NewWindow(100, time.Minute) // kept 63 s with the margin
	t0 := time.Unix(1000, 0)
	if d := w.admit(t0, 60); d != 0 {
		t.Fatalf("first 60: wait %s", d)
	}
	if d := w.admit(t0.Add(10*time.Second), 40); d != 0 {
		t.Fatalf("40 more, 100 in all: wait %s", d)
	}
	d := w.admit(t0.Add(20*time.Second), 1)
	if want := 43 * time.Second; d != want {
		t.Fatalf("one more in the full window: wait %s, want %s (until the first 60 expire)", d, want)
	}
	// A bucket refilling at 100 a minute would let these through now.
	if d := w.admit(t0.Add(62*time.Second), 50); d == 0 {
		t.Fatal("admitted 50 while the first 60 are still in the window")
	}
	if d := w.admit(t0.Add(63*time.Second), 60); d != 0 {
		t.Fatalf("after the first 60 expired: wait %s", d)
	}
	if d := w.admit(t0.Add(64*time.Second), 1); d != 9*time.Second {
		t.Fatalf("wait %s, want 9s (until the 40 admitted at 10 s expire)", d)
	}
	if err := w.Wait(context.Background(), 101); err == nil {
		t.Error("101 units admitted in a window of 100")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	full := NewWindow(1, time.Hour)
	full.Wait(context.Background(), 1)
	if err := full.Wait(ctx, 1); err != context.Canceled {
		t.Errorf("cancelled wait: %v", err)
	}
}
