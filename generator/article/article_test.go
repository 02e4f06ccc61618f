package article

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	a := &Article{Blocks: []Block{{Text: "أ"}, {Text: "ب"}, {Text: "ج"}}}
	if got := a.Text(); got != "أ\n\nب\n\nج" {
		t.Errorf("got %q", got)
	}
}

func TestCheck(t *testing.T) {
	long := strings.Repeat("a", 300)
	for _, tt := range []struct {
		id    string
		segs  int
		names []string
		ok    bool
	}{
		{"short", 10, []string{"tag"}, true},
		{long, 10, nil, false},
		{"short", MaxSegments + 1, nil, false},
		{"short", MaxSegments, nil, true},
		{"short", 1, []string{"x", long}, false},
	} {
		err := Check(tt.id, tt.segs, tt.names...)
		if (err == nil) != tt.ok || err != nil && !errors.Is(err, ErrUnrenderable) {
			t.Errorf("Check(%d bytes, %d, %d names) = %v", len(tt.id), tt.segs, len(tt.names), err)
		}
	}
}

// A name over MaxNameBytes is cut at a word boundary and keeps a hash of the
// whole name; every usable name is left as it is (published URLs stay).
func TestFitName(t *testing.T) {
	for _, ok := range []string{"economy", "r-12", strings.Repeat("a", MaxNameBytes), strings.Repeat("ab-", 83)} {
		if got, cut := FitName(ok); got != ok || cut || Shortened(got) {
			t.Errorf("FitName(%.30q…) = %.30q…, %v; want it unchanged", ok, got, cut)
		}
	}
	long := strings.Repeat("iqtisad-", 62) // 496 bytes, like a transliterated 100-word tag
	a, cut := FitName(long + "one")
	b, _ := FitName(long + "two")
	if !cut || a == b || len(a) > CutNameBytes || !Shortened(a) {
		t.Fatalf("FitName = %q (%d bytes, cut %v), %q: want two distinct names of at most %d bytes", a, len(a), cut, b, CutNameBytes)
	}
	if again, _ := FitName(long + "one"); again != a {
		t.Errorf("not deterministic: %q then %q", a, again)
	}
	if head := a[:strings.LastIndex(a, "--")]; !strings.HasPrefix(long, head+"-") {
		t.Errorf("%q is not cut at a word boundary of %q…", a, long[:40])
	}
	if again, cut := FitName(a); again != a || cut {
		t.Errorf("a fitted name is fitted again: %q → %q", a, again)
	}
	// No word boundary: cut on a rune boundary.
	word := strings.Repeat("é", 200)
	if got, _ := FitName(word); !utf8.ValidString(got) || len(got) > CutNameBytes {
		t.Errorf("FitName(400 bytes of é) = %q: want valid UTF-8 within %d bytes", got, CutNameBytes)
	}
}

// FuzzFitName checks that any name comes back usable as a file name,
// unchanged when it fits, and the same when fitted again.
func FuzzFitName(f *testing.F) {
	f.Add(strings.Repeat("reform-", 45))
	f.Add(strings.Repeat("é", 200))
	f.Fuzz(func(t *testing.T, name string) {
		got, cut := FitName(name)
		if len(got) > MaxNameBytes || cut != (got != name) || utf8.ValidString(name) && !utf8.ValidString(got) {
			t.Fatalf("FitName(%q) = %q, %v", name, got, cut)
		}
		if again, _ := FitName(got); again != got {
			t.Fatalf("FitName is not stable on %q: %q", got, again)
		}
	})
}
