package main

import (
	"strings"
	"testing"
	"time"
)

// JISR_TRACE's writer stamps the start of every line, also when a line
// comes in several writes or several lines in one, and nowhere else.
func TestTraceWriterStampsEachLine(t *testing.T) {
	var out strings.Builder
	w := &traceWriter{w: &out, stamp: func() string { return "[s] " }}
	for _, s := range []string{"read 3 articles\n", "translate: ", "1/3", "\n", "a\nb\n", "c"} {
		if n, err := w.Write([]byte(s)); n != len(s) || err != nil {
			t.Fatalf("Write(%q) = %d, %v", s, n, err)
		}
	}
	want := "[s] read 3 articles\n[s] translate: 1/3\n[s] a\n[s] b\n[s] c"
	if out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}

// The stamp gives wall time, and on Unix CPU and a peak RSS above zero.
func TestResourceStamp(t *testing.T) {
	s := resourceStamp(time.Now())()
	if !strings.HasPrefix(s, "[") || !strings.Contains(s, "s wall") {
		t.Fatalf("stamp %q", s)
	}
	if _, rss, ok := procUsage(); ok && (rss <= 0 || !strings.Contains(s, " MB] ")) {
		t.Errorf("stamp %q, rss %d", s, rss)
	}
}
