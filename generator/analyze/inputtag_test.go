package analyze

import (
	"testing"

	"github.com/jisr-news/jisr/generator/article"
)

// A tag the input gives in Arabic only, which no IPTC topic matches, gets
// its page name from the rule-based romanization of its words
// (arabic.Romanize), not from the speller learned from people's names,
// which writes اقتصادي as "gtsadi" (the Egyptian reading of ق in names).
func TestArabicOnlyInputTagID(t *testing.T) {
	a := &article.Article{Tags: []string{"اقتصادي", "رياضة محلية"}}
	got := map[string]string{}
	for _, tg := range Default().Tags(a, nil) {
		got[tg.LabelAR] = tg.ID
	}
	for label, want := range map[string]string{"اقتصادي": "aqatsadi", "رياضة محلية": "ryada-mahlya"} {
		if got[label] != want {
			t.Errorf("tag %s: ID %q, want %q (all: %v)", label, got[label], want, got)
		}
	}
}
