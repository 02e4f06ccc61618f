package gist

import (
	"github.com/jisr-news/jisr/internal/testenv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func seedLines(t testing.TB) []string {
	b, err := os.ReadFile(filepath.Join(testenv.RepoRoot(t), "seeds", "000_9d8ced74e5524e3c.txt"))
	if err != nil {
		t.Skipf("seed article missing: %v", err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

func TestSeedPrint(t *testing.T) {
	if os.Getenv("GIST_PRINT") == "" {
		t.Skip("set GIST_PRINT=1 to print the seed's gist")
	}
	e, _ := New()
	for _, l := range seedLines(t) {
		t.Logf("\nAR: %s\nEN: %s", l, e.Gloss(l))
	}
}

// TestSeedNames checks that the gist of the seed article names every
// person, place and organization correctly, with its dates.
func TestSeedNames(t *testing.T) {
	lines := seedLines(t)
	e, err := NewWithoutFreeDict()
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, l := range lines {
		all.WriteString(e.Gloss(l))
		all.WriteByte('\n')
	}
	got := all.String()
	for _, want := range []string{
		"Haider al-Abadi", "Saad al-Hadithi", "Bashar al-Assad", "Vladimir Putin", "Barack Obama",
		"Iraq", "Russia", "Iran", "Syria", "Baghdad", "Jordan", "Turkey", "Egypt", "Germany",
		"France", "Washington", "United States", "Moscow", "Europe", "Mosul", "Ramadi",
		"Islamic State", "UN General Assembly", "White House", "Kremlin", "CBS", "PBS",
		"prime minister", "Iraqi army", "charter of the United Nations",
		"Sunday 27 September 2015", "June 2014", "Monday",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("seed gist lacks %q", want)
		}
	}
	// No Arabic is left and no name is transliterated letter by letter.
	for _, bad := range []string{"Butin", "Ayran", "Bwtyn", "Pointiest", "Scrambling"} {
		if strings.Contains(got, bad) {
			t.Errorf("seed gist contains %q", bad)
		}
	}
	for _, r := range got {
		if r >= 0x0600 && r <= 0x06FF {
			t.Fatalf("seed gist contains Arabic script:\n%s", got)
		}
	}
}
