package source

import (
	"errors"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// A record exported twice with the same key: the same text is built once
// and the copy is reported as adding no article text (ErrDuplicate, also
// ErrNoText, so a build tolerates it like an empty record); a different
// text under the same key is a conflict that stays an error of its own.
func TestDuplicateRecords(t *testing.T) {
	fs := afero.NewMemMapFs()
	rec := `{"url": "https://example.org/1", "title": "عنوان", "content": "قال الرئيس إن الحكومة ستجتمع غدا."}`
	other := `{"url": "https://example.org/1", "title": "عنوان", "content": "قال الوزير إن البرلمان سيصوت."}`
	afero.WriteFile(fs, "/s/day.jsonl", []byte(rec+"\n"+rec+"\n"+other+"\n"), 0o644)
	arts, errs := ReadDir(fs, "/s")
	if len(arts) != 1 || len(errs) != 2 {
		t.Fatalf("%d articles, errors %v", len(arts), errs)
	}
	if !errors.Is(errs[0], ErrDuplicate) || !errors.Is(errs[0], ErrNoText) || !strings.Contains(errs[0].Error(), "/s/day.jsonl#url=https://example.org/1") {
		t.Errorf("identical copy: %v", errs[0])
	}
	if errors.Is(errs[1], ErrNoText) || !strings.Contains(errs[1].Error(), "already used") {
		t.Errorf("a different text under the same key must stay an error: %v", errs[1])
	}
}
