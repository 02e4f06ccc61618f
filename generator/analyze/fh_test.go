package analyze

import (
	"strings"
	"testing"
)

// fhJoin hashes the parts as fh hashes them joined by "|": the tagger's
// clitic feature keeps the hash it was trained with.
func TestFhJoinIsFhOfTheJoin(t *testing.T) {
	for _, parts := range [][]string{{"", "", "", "", ""}, {"و", "ب", "ال", "ات", "ها"}, {"و", "", "ال", "", ""}, {"x"}, {}} {
		if got, want := fhJoin("c0=", parts...), fh("c0=", strings.Join(parts, "|"), ""); got != want {
			t.Errorf("fhJoin(%q) = %x, fh of the join %x", parts, got, want)
		}
	}
}
