package article

import (
	"errors"
	"strings"
	"testing"
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
