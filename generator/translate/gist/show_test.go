package gist

import (
	"os"
	"testing"
)

func TestShowNTREX(t *testing.T) {
	if os.Getenv("GIST_PRINT") == "" {
		t.Skip()
	}
	ar, en := ntrex(t)
	g, _ := defaultGlosser()
	for i := 0; i < len(ar); i += 67 {
		t.Logf("\nHYP: %s\nREF: %s", g.gloss(ar[i]), en[i])
	}
}
