package progress

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
)

func TestLines(t *testing.T) {
	var buf bytes.Buffer
	r := Lines(&buf, "translate").(*lines)
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	r.now = func() time.Time { return clock }
	r.Start(100)
	for range 100 {
		clock = clock.Add(100 * time.Millisecond)
		r.Add(1)
	}
	r.Finish()
	r.Finish()
	out := strings.Split(strings.TrimSpace(buf.String()), "\n")
	// Start, nine tenths, the end.
	if len(out) != 11 {
		t.Fatalf("%d lines:\n%s", len(out), buf.String())
	}
	if out[0] != "translate: 100 segments to translate" {
		t.Errorf("first line %q", out[0])
	}
	if out[2] != "translate: 20/100 segments (20%), 10.0 segments/s, about 8s left" {
		t.Errorf("second tenth %q", out[2])
	}
	if out[10] != "translate: 100/100 segments (100%), 10.0 segments/s in 10s" {
		t.Errorf("last line %q", out[10])
	}
}

func TestLinesSilentWithNothingToDo(t *testing.T) {
	var buf bytes.Buffer
	r := Lines(&buf, "translate")
	r.Start(0)
	r.Finish()
	if buf.Len() != 0 {
		t.Errorf("wrote %q", buf.String())
	}
}

func TestBarShowsCountAndTotal(t *testing.T) {
	var buf bytes.Buffer
	r := Bar(&buf, "translate")
	r.Start(40)
	r.Add(40)
	r.Finish()
	if s := buf.String(); !strings.Contains(s, "40/40") || !strings.Contains(s, "translate") {
		t.Errorf("bar output %q", s)
	}
}

func TestNewPicksLinesOffTerminal(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "log")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, ok := New(f, "x").(*lines); !ok {
		t.Error("a file got a progress bar")
	}
	if _, ok := New(&bytes.Buffer{}, "x").(*lines); !ok {
		t.Error("a buffer got a progress bar")
	}
}
