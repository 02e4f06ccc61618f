package analyze

import (
	"strings"
	"testing"

	"github.com/jisr-news/jisr/generator/article"
)

// TestTaggerNameStopsAtPunctuation: a name the tagger finds never runs
// across a comma, colon or bracket, and one word left after such a cut
// is no name.
func TestTaggerNameStopsAtPunctuation(t *testing.T) {
	for _, text := range []string{
		"وشارك في التدريب اللاعبون محمد جحفلي ، محمد البريك ، ياسر الشهراني ، وغاب عنه آخرون",
		"وقال الممثل جورج كلوني : بوش وشارون مسؤولان عن الحرب",
		"وكان المهاجم سيرجيو بيسون ، ستنطلق المباراة في الثامنة",
	} {
		segs := []article.Segment{{ID: "p1", Kind: article.KindParagraph, Text: text}}
		for _, e := range Default().Entities(segs) {
			for _, m := range e.Mentions {
				if strings.ContainsAny(m.Surface, "،,:(") {
					t.Errorf("%s: mention %q runs across punctuation", text, m.Surface)
				}
			}
			if e.NameAR == "ستنطلق" || e.NameAR == "ياسر" {
				t.Errorf("%s: a word after a cut made a name: %s", text, e.NameAR)
			}
		}
	}
}
