package segment

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSentences checks that splitting loses no text: the sentences, joined,
// hold every non-space character of the paragraph in order.
func FuzzSentences(f *testing.F) {
	for _, s := range []string{"قال. ثم (سي.بي.إس) 3.5 د. محمد؟ نعم!", "a.b. c", "...", "«قال.» و"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		if !utf8.ValidString(p) {
			return // the source stage only passes decoded text
		}
		strip := func(s string) string { return strings.Join(strings.Fields(s), "") }
		got := strip(strings.Join(Sentences(p), " "))
		if want := strip(p); got != want {
			t.Fatalf("Sentences lost text:\n got %q\nwant %q", got, want)
		}
	})
}
