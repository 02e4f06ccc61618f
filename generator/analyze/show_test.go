package analyze

import (
	"encoding/json"
	"os"
	"testing"
)

// TestShowSeed prints the analysis of the seed with JISR_SHOW=1.
func TestShowSeed(t *testing.T) {
	if os.Getenv("JISR_SHOW") == "" {
		t.Skip("set JISR_SHOW=1 to print")
	}
	res := Analyze(seedArticle(t))
	b, _ := json.MarshalIndent(res.Tags, "", " ")
	t.Log(string(b))
	for _, e := range res.Entities {
		t.Logf("%-13s %-32s %-28s %d %v", e.Type, e.NameEN, e.NameAR, len(e.Mentions), e.Known)
	}
}
