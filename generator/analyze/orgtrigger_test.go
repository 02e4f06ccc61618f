package analyze

import (
	"testing"

	"github.com/jisr-news/jisr/generator/article"
)

// TestOrgQuotedAfterHead: a name in quotation marks after a trigger head
// word is an organization, without the head.
func TestOrgQuotedAfterHead(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{`وأعلنت مؤسسة " سكور بلس " عن برنامج جديد`, "سكور بلس"},
		{`وقع الاتفاق مع شركة «فالكون تكس» أمس`, "فالكون تكس"},
		{`قال متحدث باسم لشركة “نوفا ديجيتال” إن`, "نوفا ديجيتال"},
	} {
		segs := []article.Segment{{ID: "p1", Kind: article.KindParagraph, Text: tc.text}}
		var got []string
		found := false
		for _, e := range Default().Entities(segs) {
			for _, m := range e.Mentions {
				got = append(got, string(e.Type)+":"+m.Surface)
				if e.Type == Organization && m.Surface == tc.want {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("%s: want organization %q, got %v", tc.text, tc.want, got)
		}
	}
	// An unclosed quotation is no name.
	segs := []article.Segment{{ID: "p1", Kind: article.KindParagraph, Text: `قالت شركة " إن الأسعار سترتفع كثيرا في`}}
	for _, e := range Default().Entities(segs) {
		if e.Type == Organization && !e.Known {
			t.Errorf("unclosed quote: got organization %q", e.NameAR)
		}
	}
}
