package review

import (
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/translate"
)

// XLIFF 1.2 round trip: states mapped on export, an edited target and a
// target set to final are imported as reviewed, escaping survives.
func TestXLIFF12RoundTrip(t *testing.T) {
	fs := fixture(t)
	name, doc := exportOne(t, fs, XLIFF12, "Huda <h@x.org>")
	wellFormed(t, doc)
	for _, want := range []string{`xmlns="urn:oasis:names:tc:xliff:document:1.2"`, `version="1.2"`, `source-language="ar"`,
		`<target state="final">Committee in Baghdad</target>`, `state="translated" state-qualifier="mt-suggestion"`,
		`state-qualifier="x-jisr-stale"`, `&lt;committee&gt; &amp; council`} {
		if !strings.Contains(doc, want) {
			t.Errorf("export lacks %s:\n%s", want, doc)
		}
	}
	doc = replaced(t, doc, `state-qualifier="mt-suggestion">Security agreement</target>`, `state-qualifier="mt-suggestion">Security &amp; pact</target>`)
	doc = replaced(t, doc, `<target state="translated" state-qualifier="mt-suggestion">He said`, `<target state="final">He said`)
	afero.WriteFile(fs, name, []byte(doc), 0o644)
	res, err := Import(Options{Fs: fs, Content: "/c"}, name)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Conflicts) != 0 || len(res.Applied) != 2 {
		t.Fatalf("applied %+v conflicts %v", res.Applied, res.Conflicts)
	}
	m := load(t, fs)
	if m["title"].EN != "Security & pact" || m["title"].Status != translate.StatusReviewed || m["title"].Reviewer != "Huda" {
		t.Errorf("title %+v", m["title"])
	}
	if m["p1-1"].Status != translate.StatusReviewed {
		t.Errorf("p1-1 confirmed by state final: %+v", m["p1-1"])
	}
	// The article ID comes from data and is checked.
	bad := strings.Replace(doc, `original="articles/iraq/segments.yaml"`, `original="../../v"`, 1)
	afero.WriteFile(fs, name, []byte(bad), 0o644)
	if res, err := Import(Options{Fs: fs, Content: "/c"}, name); err != nil || len(res.Written) != 0 || len(res.Conflicts) == 0 {
		t.Errorf("traversal in original: %+v, %v", res, err)
	}
}
