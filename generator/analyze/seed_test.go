package analyze

import (
	"fmt"
	"github.com/jisr-news/jisr/internal/testenv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jisr-news/jisr/generator/article"
)

// articleFromLines builds a segmented article by hand, one block per line
// and one segment per block: short lines without a full stop are headings.
// It does not use the project's parser, so these tests do not depend on it.
func articleFromLines(id, text string) *article.Article {
	a := &article.Article{ID: id}
	k := 0
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		k++
		b := article.Block{Kind: article.KindParagraph, Text: line}
		segID := fmt.Sprintf("p%d-1", k)
		if utf8.RuneCountInString(line) < 50 && !strings.ContainsAny(line, ".،") {
			b.Kind = article.KindHeading
			segID = fmt.Sprintf("h%d", k)
		}
		b.Segments = []article.Segment{{ID: segID, Kind: b.Kind, Block: k, Text: line}}
		a.Blocks = append(a.Blocks, b)
	}
	return a
}

func seedArticle(t testing.TB) *article.Article {
	b, err := os.ReadFile(filepath.Join(testenv.RepoRoot(t), "seeds", "000_9d8ced74e5524e3c.txt"))
	if err != nil {
		t.Skip("seed article missing:", err)
	}
	return articleFromLines("seed", string(b))
}

// TestSeedGold is the gold check of issue 5: every listed entity with its
// English name and type, and nothing else.
func TestSeedGold(t *testing.T) {
	res := Analyze(seedArticle(t))
	gold := map[string]Type{
		"Haider al-Abadi": Person, "Saad al-Hadithi": Person, "Bashar al-Assad": Person,
		"Vladimir Putin": Person, "Barack Obama": Person,
		"Iraq": Place, "Russia": Place, "Iran": Place, "Syria": Place, "Baghdad": Place,
		"Jordan": Place, "Turkey": Place, "Egypt": Place, "Germany": Place, "France": Place,
		"Washington": Place, "United States": Place, "Moscow": Place, "Europe": Place,
		"Mosul": Place, "Ramadi": Place,
		"Islamic State": Organization, "United Nations": Organization,
		"UN General Assembly": Organization, "White House": Organization,
		"Kremlin": Organization, "Iraqi Joint Operations Command": Organization,
		"International coalition": Organization, "CBS": Organization, "PBS": Organization,
	}
	found := map[string]Entity{}
	for _, e := range res.Entities {
		found[e.NameEN] = e
		if typ, ok := gold[e.NameEN]; !ok {
			t.Errorf("false entity %s %q (%s), mentions %v", e.Type, e.NameEN, e.NameAR, e.Mentions)
		} else if typ != e.Type {
			t.Errorf("%s: type %s, want %s", e.NameEN, e.Type, typ)
		}
		if !e.Known {
			t.Errorf("%s found by context rules, want the gazetteer", e.NameEN)
		}
	}
	for name := range gold {
		if _, ok := found[name]; !ok {
			t.Errorf("missing %s", name)
		}
	}

	// One entity, many spellings.
	for _, c := range []struct{ surface, entity string }{
		{"للأسد", "Bashar al-Assad"}, {"الأسد", "Bashar al-Assad"}, {"بشار الأسد", "Bashar al-Assad"},
		{"بوتين", "Vladimir Putin"}, {"فلاديمير بوتين", "Vladimir Putin"},
		{"أوباما", "Barack Obama"}, {"داعش", "Islamic State"},
		{"تنظيم الدولة الإسلامية", "Islamic State"}, {"أمريكا", "United States"},
		{"الولايات المتحدة", "United States"}, {"ببغداد", "Baghdad"},
		{"سي.بي.إس", "CBS"}, {"الجمعية العامة للأمم المتحدة", "UN General Assembly"},
	} {
		e, ok := found[c.entity]
		has := false
		for _, m := range e.Mentions {
			has = has || m.Surface == c.surface
		}
		if !ok || !has {
			t.Errorf("%s: no mention written %q", c.entity, c.surface)
		}
	}

	// Offsets point at the surface in the segment text.
	segText := map[string]string{}
	for _, s := range seedArticle(t).Segments() {
		segText[s.ID] = s.Text
	}
	for _, e := range res.Entities {
		for _, m := range e.Mentions {
			if got := segText[m.Segment][m.Start:m.End]; got != m.Surface {
				t.Errorf("%s: offsets give %q, surface %q", e.NameEN, got, m.Surface)
			}
		}
	}
	if n := len(found["Islamic State"].Mentions); n < 10 {
		t.Errorf("Islamic State: %d mentions, want every one of the 11", n)
	}
}

func TestSeedTags(t *testing.T) {
	res := Analyze(seedArticle(t))
	if len(res.Tags) == 0 || len(res.Tags) > MaxTags {
		t.Fatalf("tags: %+v", res.Tags)
	}
	ids := map[string]bool{}
	for _, g := range res.Tags {
		ids[g.ID] = true
		if g.Score < TagThreshold || g.LabelAR == "" || g.LabelEN == "" || g.QCode == "" {
			t.Errorf("bad tag %+v", g)
		}
	}
	for _, want := range []string{"terrorism", "espionage-and-intelligence"} {
		if !ids[want] {
			t.Errorf("seed tags %v lack %q", res.Tags, want)
		}
	}
	for _, not := range []string{"sport", "football", "health", "weather"} {
		if ids[not] {
			t.Errorf("seed tagged %q", not)
		}
	}
}
