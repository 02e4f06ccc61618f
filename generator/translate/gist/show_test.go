package gist

import (
	"os"
	"testing"
)

// TestShowNTREX prints a sample of NTREX gists beside their references
// for reading (GIST_PRINT=1 go test -run ShowNTREX -v). It asserts nothing.
func TestShowNTREX(t *testing.T) {
	if os.Getenv("GIST_PRINT") == "" {
		t.Skip()
	}
	ar, en := tuning(t)
	g, _ := defaultGlosser()
	for i := 0; i < len(ar); i += 67 {
		t.Logf("\nHYP: %s\nREF: %s", g.gloss(ar[i]), en[i])
	}
}
