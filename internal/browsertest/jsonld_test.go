package browsertest

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var ldRE = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// TestJSONLD builds an article whose title and text hold quotes, a closing
// script tag and an ampersand, and checks that each article page carries
// one JSON-LD NewsArticle that parses, with the fields issue 5 asks for.
// It needs no browser.
func TestJSONLD(t *testing.T) {
	seeds := t.TempDir()
	// Markup in a title is removed as markup (source.PlainText); written as
	// character references it is text, and the page must carry that text,
	// a closing script tag included, safely.
	art := "---\ntitle: 'قال \"بوتين\" &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; أوباما'\ndate: 2016-03-01\nslug: quotes\n---\n" +
		"قال الرئيس الروسي فلاديمير بوتين إن تنظيم داعش يهدد العراق. وأضاف بوتين أن \"الحرب\" طويلة.\n"
	if err := os.WriteFile(filepath.Join(seeds, "quotes.md"), []byte(art), 0o644); err != nil {
		t.Fatal(err)
	}
	site, err := BuildSite(context.Background(), seeds, t.TempDir(), false, "https://example.org/repo/", testLog{t})
	if err != nil {
		t.Fatal(err)
	}
	read := func(rel string) map[string]any {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(site.Public, rel))
		if err != nil {
			t.Fatal(err)
		}
		m := ldRE.FindAllSubmatch(b, -1)
		if len(m) != 1 {
			t.Fatalf("%s: %d JSON-LD scripts, want 1", rel, len(m))
		}
		if strings.Contains(string(m[0][1]), "<") {
			t.Errorf("%s: JSON-LD holds a raw <: %s", rel, m[0][1])
		}
		var v map[string]any
		if err := json.Unmarshal(m[0][1], &v); err != nil {
			t.Fatalf("%s: JSON-LD does not parse: %v\n%s", rel, err, m[0][1])
		}
		return v
	}
	ar := read("articles/quotes/index.html")
	en := read("en/articles/quotes/index.html")
	if ar["@type"] != "NewsArticle" || ar["inLanguage"] != "ar" || ar["datePublished"] != "2016-03-01" {
		t.Errorf("arabic JSON-LD: %v", ar)
	}
	if h, _ := ar["headline"].(string); !strings.Contains(h, `"بوتين"`) || !strings.Contains(h, "</script>") {
		t.Errorf("headline did not survive: %q", h)
	}
	// Text is not HTML-escaped inside JSON (json escapes it itself).
	if d, _ := ar["description"].(string); !strings.Contains(d, `"الحرب"`) {
		t.Errorf("description = %q, want the lead with its quotes as they are", d)
	}
	if en["inLanguage"] != "en" {
		t.Errorf("english inLanguage = %v", en["inLanguage"])
	}
	tw, _ := en["translationOfWork"].(map[string]any)
	if tw == nil || tw["url"] != "https://example.org/repo/articles/quotes/" || tw["inLanguage"] != "ar" {
		t.Errorf("english translationOfWork = %v", en["translationOfWork"])
	}
	if wt, _ := ar["workTranslation"].(map[string]any); wt == nil || wt["url"] != "https://example.org/repo/en/articles/quotes/" {
		t.Errorf("arabic workTranslation = %v", ar["workTranslation"])
	}
	// Every entity named points to its entity page, with sameAs Wikidata
	// when the entity has an ID.
	var ents []any
	for _, k := range []string{"about", "mentions"} {
		if l, ok := ar[k].([]any); ok {
			ents = append(ents, l...)
		}
	}
	if len(ents) == 0 {
		t.Fatalf("no about or mentions in %v", ar)
	}
	putin := false
	for _, e := range ents {
		m := e.(map[string]any)
		u, _ := m["url"].(string)
		if !strings.HasPrefix(u, "https://example.org/repo/entities/") {
			t.Errorf("entity url %q is not an entity page", u)
		}
		if m["@type"] == "Person" && strings.Contains(u, "putin") {
			putin = true
			if s, _ := m["sameAs"].(string); !strings.HasPrefix(s, "https://www.wikidata.org/wiki/Q") {
				t.Errorf("Putin sameAs = %q", s)
			}
		}
	}
	if !putin {
		t.Errorf("Putin missing from about/mentions: %v", ents)
	}
}
