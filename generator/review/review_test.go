package review

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/generator/translate"
)

// fixture writes a content tree with one article whose segments cover
// every status and the characters that need escaping.
func fixture(t *testing.T) afero.Fs {
	t.Helper()
	fs := afero.NewMemMapFs()
	mk := func(id string, kind article.Kind, block int, ar, en string, st translate.Status) store.Segment {
		s := store.Segment{ID: id, Kind: kind, Block: block, AR: ar, EN: en, Status: st, Engine: "gist", Src: store.Hash(ar), Sum: store.Hash(en)}
		switch st {
		case translate.StatusMachine:
			s.Engine, s.Model = "deepl", "v2"
		case translate.StatusReviewed:
			s.Engine, s.Reviewer, s.Sum = "human", "Huda", ""
		case translate.StatusStale:
			s.Engine, s.Reviewer, s.OldAR = "human", "Huda", "قال الرئيس أمس"
		}
		return s
	}
	f := &store.File{Article: "iraq", Segments: []store.Segment{
		mk("title", article.KindTitle, 0, "اتفاق أمني", "Security agreement", translate.StatusGist),
		mk("p1-1", article.KindParagraph, 1, `قال "الرئيس" إن <اللجنة> & المجلس سيجتمعان في 27 سبتمبر 2015.`, `He said the "president" <committee> & council meet on 27 September 2015.`, translate.StatusMachine),
		mk("h2", article.KindHeading, 2, "لجنة في بغداد", "Committee in Baghdad", translate.StatusReviewed),
		mk("p3-1", article.KindParagraph, 3, "قال الرئيس اليوم", "The president said yesterday", translate.StatusStale),
		mk("p3-2", article.KindParagraph, 3, "وأكد الوزير ذلك؟", "", translate.StatusNone),
	}}
	if err := store.Save(fs, store.Path("/c", "iraq"), f); err != nil {
		t.Fatal(err)
	}
	return fs
}

func load(t *testing.T, fs afero.Fs) map[string]store.Segment {
	t.Helper()
	f, err := store.Load(fs, store.Path("/c", "iraq"))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]store.Segment{}
	for _, s := range f.Segments {
		m[s.ID] = s
	}
	return m
}

func exportOne(t *testing.T, fs afero.Fs, f Format, translator string) (string, string) {
	t.Helper()
	files, err := Export(Options{Fs: fs, Content: "/c", Translator: translator}, f, "/out")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 {
		t.Fatalf("export wrote %v", files)
	}
	b, err := afero.ReadFile(fs, files[0])
	if err != nil {
		t.Fatal(err)
	}
	return files[0], string(b)
}

// wellFormed decodes every token of an XML document.
func wellFormed(t *testing.T, doc string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(doc))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, doc)
		}
	}
}

// TestXLIFFStructure checks the export against XLIFF 2.1 core with a
// generic decoder (not the package's own structs): root, namespace,
// version, languages, file, unit, notes before segment, state, source and
// target.
func TestXLIFFStructure(t *testing.T) {
	fs := fixture(t)
	name, doc := exportOne(t, fs, XLIFF, "Sara")
	if name != "/out/iraq.xlf" {
		t.Errorf("file = %s", name)
	}
	wellFormed(t, doc)
	type node struct {
		XMLName xml.Name
		Attrs   []xml.Attr `xml:",any,attr"`
		Nodes   []node     `xml:",any"`
		Text    string     `xml:",chardata"`
	}
	var root node
	if err := xml.Unmarshal([]byte(doc), &root); err != nil {
		t.Fatal(err)
	}
	attr := func(n node, name string) string {
		for _, a := range n.Attrs {
			if a.Name.Local == name {
				return a.Value
			}
		}
		return ""
	}
	children := func(n node, name string) []node {
		var out []node
		for _, c := range n.Nodes {
			if c.XMLName.Local == name {
				if c.XMLName.Space != XLIFFNamespace {
					t.Errorf("<%s> in namespace %q", name, c.XMLName.Space)
				}
				out = append(out, c)
			}
		}
		return out
	}
	if root.XMLName.Local != "xliff" || root.XMLName.Space != XLIFFNamespace {
		t.Fatalf("root = %v", root.XMLName)
	}
	if attr(root, "version") != "2.1" || attr(root, "srcLang") != "ar" || attr(root, "trgLang") != "en" {
		t.Errorf("root attributes = %v", root.Attrs)
	}
	files := children(root, "file")
	if len(files) != 1 || attr(files[0], "id") != "iraq" || attr(files[0], "original") != "articles/iraq/segments.yaml" {
		t.Fatalf("files = %+v", files)
	}
	units := children(files[0], "unit")
	if len(units) != 5 {
		t.Fatalf("%d units, want 5", len(units))
	}
	wantState := map[string]string{"title": "initial", "p1-1": "translated", "h2": "final", "p3-1": "translated", "p3-2": "initial"}
	for _, u := range units {
		id := attr(u, "id")
		if len(u.Nodes) == 0 || u.Nodes[0].XMLName.Local != "notes" {
			t.Errorf("unit %s: <notes> must come first", id)
		}
		segs := children(u, "segment")
		if len(segs) != 1 {
			t.Fatalf("unit %s: %d segments", id, len(segs))
		}
		if got := attr(segs[0], "state"); got != wantState[id] {
			t.Errorf("unit %s: state %q, want %q", id, got, wantState[id])
		}
		if got := attr(segs[0], "subState"); !strings.HasPrefix(got, "jisr:") && id != "p3-2" {
			t.Errorf("unit %s: subState %q", id, got)
		}
		src := children(segs[0], "source")
		if len(src) != 1 || src[0].Text == "" {
			t.Errorf("unit %s: source %v", id, src)
		}
		if tg := children(segs[0], "target"); id != "p3-2" && len(tg) != 1 {
			t.Errorf("unit %s: no target", id)
		}
	}
	for _, want := range []string{
		`&lt;اللجنة&gt; &amp; المجلس`, // escaped, not markup
		`<note category="translator">Sara</note>`,
		`<note category="qa" appliesTo="target">empty: the English is empty</note>`,
		`<note category="jisr:old-ar" appliesTo="source">قال الرئيس أمس</note>`,
		`<note category="reviewer">Huda</note>`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("XLIFF lacks %s", want)
		}
	}
}

func TestXLIFFRoundTrip(t *testing.T) {
	fs := fixture(t)
	name, doc := exportOne(t, fs, XLIFF, "")
	// Unchanged: importing the export changes nothing.
	res, err := Import(Options{Fs: fs, Content: "/c"}, name)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Applied) != 0 || len(res.Conflicts) != 0 || len(res.Written) != 0 {
		t.Fatalf("import of an unchanged export: %+v", res)
	}
	// Edit one target, confirm another unchanged, give a name.
	doc = replaced(t, doc, "<target>Security agreement</target>", "<target>Security pact</target>")
	doc = replaced(t, doc, `state="translated" subState="jisr:machine"`, `state="final" subState="jisr:machine"`)
	doc = replaced(t, doc, `<note category="jisr:help">`, `<note category="translator">Sara</note><note category="jisr:help">`)
	afero.WriteFile(fs, name, []byte(doc), 0o644)
	res, err = Import(Options{Fs: fs, Content: "/c"}, name)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Applied) != 2 || len(res.Conflicts) != 0 {
		t.Fatalf("applied %+v conflicts %v", res.Applied, res.Conflicts)
	}
	m := load(t, fs)
	if s := m["title"]; s.EN != "Security pact" || s.Status != translate.StatusReviewed || s.Reviewer != "Sara" || s.Engine != "human" || s.Edited() {
		t.Errorf("edited title = %+v", s)
	}
	if s := m["p1-1"]; s.Status != translate.StatusReviewed || !strings.Contains(s.EN, `"president" <committee> & council`) {
		t.Errorf("confirmed p1-1 = %+v", s)
	}
	if s := m["p3-1"]; s.Status != translate.StatusStale {
		t.Errorf("untouched stale segment became %s", s.Status)
	}
}

func TestImportConflicts(t *testing.T) {
	fs := fixture(t)
	name, doc := exportOne(t, fs, XLIFF, "")
	doc = replaced(t, doc, "<target>Security agreement</target>", "<target>Security pact</target>")
	doc = replaced(t, doc, "<target>Committee in Baghdad</target>", "<target>A committee in Baghdad</target>")
	doc = replaced(t, doc, "<target>The president said yesterday</target>", "<target>The president said today</target>")
	doc = replaced(t, doc, `<unit id="p3-2"`, `<unit id="p9-9"`)
	afero.WriteFile(fs, name, []byte(doc), 0o644)

	// Since the export: the title's Arabic changed; a person corrected
	// h2 in the store. Only the stale segment's edit may be applied.
	f, _ := store.Load(fs, store.Path("/c", "iraq"))
	f.Segments[0].AR = "اتفاق أمني جديد"
	f.Segments[2].EN = "The committee in Baghdad"
	store.Save(fs, store.Path("/c", "iraq"), f)
	before, _ := afero.ReadFile(fs, store.Path("/c", "iraq"))

	res, err := Import(Options{Fs: fs, Content: "/c", DryRun: true}, name)
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := afero.ReadFile(fs, store.Path("/c", "iraq")); string(after) != string(before) {
		t.Error("a dry run wrote the store")
	}
	reasons := map[string]string{}
	for _, c := range res.Conflicts {
		reasons[c.Segment] = c.Reason
		if c.File != name || c.Article != "iraq" {
			t.Errorf("conflict without its file or article: %+v", c)
		}
	}
	// p9-9 is p3-2 under an ID the store does not have: re-anchored by its
	// Arabic (one segment has it), so it is no conflict.
	if r, ok := reasons["p9-9"]; ok {
		t.Errorf("p9-9 not re-anchored: %s", r)
	}
	for seg, want := range map[string]string{"title": "Arabic changed", "h2": "changed in the store"} {
		if !strings.Contains(reasons[seg], want) {
			t.Errorf("conflict on %s = %q, want %q", seg, reasons[seg], want)
		}
	}
	if len(res.Applied) != 1 || res.Applied[0].Segment != "p3-1" {
		t.Fatalf("applied = %+v", res.Applied)
	}
	if _, err := Import(Options{Fs: fs, Content: "/c"}, name); err != nil {
		t.Fatal(err)
	}
	m := load(t, fs)
	if m["title"].EN != "Security agreement" || m["h2"].EN != "The committee in Baghdad" {
		t.Errorf("a conflicting unit was applied: %+v %+v", m["title"], m["h2"])
	}
	if s := m["p3-1"]; s.EN != "The president said today" || s.Status != translate.StatusReviewed || s.OldAR != "" {
		t.Errorf("stale segment after its edit = %+v", s)
	}
}

func TestPORoundTrip(t *testing.T) {
	fs := fixture(t)
	name, doc := exportOne(t, fs, PO, "")
	for _, want := range []string{
		"msgctxt \"p1-1\"\nmsgid \"قال \\\"الرئيس\\\" إن <اللجنة> & المجلس",
		"#, fuzzy\nmsgctxt \"title\"",
		"#| msgid \"قال الرئيس أمس\"\nmsgctxt \"p3-1\"",
		"#: articles/iraq/segments.yaml:",
		"\"X-Jisr-Article: iraq\\n\"",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("PO lacks %q", want)
		}
	}
	if strings.Contains(doc, "#, fuzzy\nmsgctxt \"h2\"") {
		t.Error("a reviewed segment is fuzzy")
	}
	if res, err := Import(Options{Fs: fs, Content: "/c"}, name); err != nil || len(res.Applied)+len(res.Conflicts) != 0 {
		t.Fatalf("unchanged PO import: %+v %v", res, err)
	}
	// Poedit: edit a msgstr across two lines, drop a fuzzy flag, sign.
	doc = replaced(t, doc, `msgstr "Security agreement"`, "msgstr \"\"\n\"Security \"\n\"\\\"pact\\\"\"")
	doc = replaced(t, doc, "#, fuzzy\nmsgctxt \"p1-1\"", "msgctxt \"p1-1\"")
	doc = replaced(t, doc, "Last-Translator: FULL NAME <EMAIL@ADDRESS>", "Last-Translator: Omar <omar@example.org>")
	afero.WriteFile(fs, name, []byte(doc), 0o644)
	res, err := Import(Options{Fs: fs, Content: "/c"}, name)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Applied) != 2 || len(res.Conflicts) != 0 {
		t.Fatalf("applied %+v conflicts %v", res.Applied, res.Conflicts)
	}
	m := load(t, fs)
	if s := m["title"]; s.EN != `Security "pact"` || s.Status != translate.StatusReviewed || s.Reviewer != "Omar" { // the address is dropped (DisplayName)
		t.Errorf("title = %+v", s)
	}
	if s := m["p1-1"]; s.Status != translate.StatusReviewed {
		t.Errorf("unfuzzied p1-1 = %+v", s)
	}
}

func TestPOQuoting(t *testing.T) {
	for _, s := range []string{"", `a "b" \c`, "line\nbreak\ttab", "\x01ctl", "عربي «مقتبس»"} {
		got, err := poUnquote(poQuote(s))
		if err != nil || got != s {
			t.Errorf("poUnquote(poQuote(%q)) = %q, %v", s, got, err)
		}
	}
	if _, err := parsePO([]byte("msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"bad\\q\"\n"), "x"); err == nil {
		t.Error("a bad escape was accepted")
	}
}

func TestTMX(t *testing.T) {
	fs := fixture(t)
	name, doc := exportOne(t, fs, TMX, "")
	wellFormed(t, doc)
	// Only the reviewed pair is in the memory.
	if strings.Count(doc, "<tu ") != 1 || !strings.Contains(doc, `tuid="iraq/h2" creationid="Huda"`) ||
		!strings.Contains(doc, `<tuv xml:lang="ar">`) || !strings.Contains(doc, `<tmx version="1.4">`) || !strings.Contains(doc, `srclang="ar"`) {
		t.Fatalf("TMX:\n%s", doc)
	}
	// A translator edits the exported unit, and adds units from another
	// memory without jisr IDs, matched by their Arabic.
	doc = replaced(t, doc, "<seg>Committee in Baghdad</seg>", "<seg>Baghdad committee</seg>")
	doc = replaced(t, doc, `creationid="Huda"`, `creationid="Huda" changeid="Layla"`)
	doc = replaced(t, doc, "</body>", `<tu creationid="TM"><tuv xml:lang="ar-SA"><seg>وأكد الوزير ذلك؟</seg></tuv><tuv xml:lang="en-GB"><seg>Did the minister confirm it?</seg></tuv></tu>
<tu><tuv lang="AR"><seg>نص لا يوجد</seg></tuv><tuv lang="EN"><seg>Not in any article</seg></tuv></tu></body>`)
	afero.WriteFile(fs, name, []byte(doc), 0o644)
	res, err := Import(Options{Fs: fs, Content: "/c"}, name)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Applied) != 2 || len(res.Conflicts) != 0 || res.Unmatched != 1 {
		t.Fatalf("applied %+v conflicts %v unmatched %d", res.Applied, res.Conflicts, res.Unmatched)
	}
	m := load(t, fs)
	if s := m["h2"]; s.EN != "Baghdad committee" || s.Reviewer != "Layla" {
		t.Errorf("h2 = %+v", s)
	}
	if s := m["p3-2"]; s.EN != "Did the minister confirm it?" || s.Status != translate.StatusReviewed || s.Reviewer != "TM" {
		t.Errorf("p3-2 = %+v", s)
	}
	// A memory that disagrees with a reviewed segment is a conflict.
	other := `<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="ar" datatype="plaintext"/><body>
<tu><tuv xml:lang="ar"><seg>لجنة في بغداد</seg></tuv><tuv xml:lang="en"><seg>A Baghdad panel</seg></tuv></tu></body></tmx>`
	afero.WriteFile(fs, "/in/other.tmx", []byte(other), 0o644)
	res, err = Import(Options{Fs: fs, Content: "/c"}, "/in/other.tmx")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Conflicts) != 1 || len(res.Applied) != 0 || load(t, fs)["h2"].EN != "Baghdad committee" {
		t.Errorf("memory overrode a review: %+v", res)
	}
}

func TestImportErrors(t *testing.T) {
	fs := fixture(t)
	for name, data := range map[string]string{
		"/in/a.xlf":  `<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file source-language="fr"/></xliff>`,
		"/in/b.xlf":  `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="fr"></xliff>`,
		"/in/c.xlf":  `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1"><file id="x">`,
		"/in/d.po":   "msgid \"x\"\nmsgstr \"y\"\n",
		"/in/e.txt":  "hello",
		"/in/f.tmx":  `<tmx version="1.4"><body><tu>`,
		"/in/g.xlif": "",
	} {
		afero.WriteFile(fs, name, []byte(data), 0o644)
		if _, err := Import(Options{Fs: fs, Content: "/c"}, name); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: err = %v, want an error naming the file", name, err)
		}
	}
	if _, err := Export(Options{Fs: fs, Content: "/c", Articles: []string{"nope"}}, XLIFF, "/out"); err == nil {
		t.Error("export of an unknown article succeeded")
	}
	if _, err := Export(Options{Fs: fs, Content: "/c"}, "docx", "/out"); err == nil {
		t.Error("export in an unknown format succeeded")
	}
}

// TestXLIFFFromOtherTools reads what other tools write: a unit split into
// two segments with ignorable whitespace, inside nested groups, with
// inline markup in the target.
func TestXLIFFFromOtherTools(t *testing.T) {
	fs := fixture(t)
	doc := `<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ar-IQ" trgLang="en-US">
 <file id="f1" original="articles/iraq/segments.yaml">
  <group id="g1"><group id="g2">
   <unit id="p1-1">
    <notes><note category="translator">Mona</note></notes>
    <segment id="s1" state="final"><source>قال "الرئيس" إن</source><target>The "president" said</target></segment>
    <ignorable><source> </source></ignorable>
    <segment id="s2" state="reviewed"><source>&lt;اللجنة&gt; &amp; المجلس سيجتمعان في 27 سبتمبر 2015.</source><target>the <mrk id="m1" type="comment" value="check">committee</mrk> meets on 27 September 2015.</target></segment>
   </unit>
  </group></group>
 </file>
</xliff>`
	afero.WriteFile(fs, "/in/okapi.xlf", []byte(doc), 0o644)
	res, err := Import(Options{Fs: fs, Content: "/c"}, "/in/okapi.xlf")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Applied) != 1 || len(res.Conflicts) != 0 {
		t.Fatalf("applied %+v conflicts %v", res.Applied, res.Conflicts)
	}
	if s := load(t, fs)["p1-1"]; s.EN != `The "president" said the committee meets on 27 September 2015.` || s.Reviewer != "Mona" || s.Status != translate.StatusReviewed {
		t.Errorf("p1-1 = %+v", s)
	}
}

// TestHandEditedStore: an English edited by hand in segments.yaml, not yet
// rebuilt, is a person's work: exported as final, and an import that
// would overwrite it is a conflict.
func TestHandEditedStore(t *testing.T) {
	fs := fixture(t)
	_, before := exportOne(t, fs, XLIFF, "")
	f, _ := store.Load(fs, store.Path("/c", "iraq"))
	f.Segments[0].EN = "Security accord" // title was gist; sum unchanged: a hand edit
	store.Save(fs, store.Path("/c", "iraq"), f)

	_, doc := exportOne(t, fs, XLIFF, "")
	if !strings.Contains(doc, `<segment id="title" state="final" subState="jisr:reviewed">`) {
		t.Errorf("hand-edited title not exported as reviewed:\n%s", doc)
	}
	// A file exported before the hand edit tries to change the title.
	before = strings.Replace(before, "<target>Security agreement</target>", "<target>Security pact</target>", 1)
	afero.WriteFile(fs, "/in/old.xlf", []byte(before), 0o644)
	res, err := Import(Options{Fs: fs, Content: "/c"}, "/in/old.xlf")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Conflicts) != 1 || res.Conflicts[0].Segment != "title" || !strings.Contains(res.Conflicts[0].Reason, "changed in the store") {
		t.Fatalf("conflicts = %v, applied = %+v", res.Conflicts, res.Applied)
	}
	if load(t, fs)["title"].EN != "Security accord" {
		t.Error("the hand edit was overwritten")
	}
}

// replaced returns doc with its first old replaced by new, and fails the
// test when doc has no old: an edit a test means to make must happen, or
// the test would pass on a document nobody changed.
func replaced(t *testing.T, doc, old, new string) string {
	t.Helper()
	if !strings.Contains(doc, old) {
		t.Fatalf("the exported document has no %q to replace", old)
	}
	return strings.Replace(doc, old, new, 1)
}
