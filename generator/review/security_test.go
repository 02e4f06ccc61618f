package review

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/store"
)

// Article IDs read from exchange files never lead outside the content
// tree: an XLIFF file id, a PO X-Jisr-Article header or a TMX
// x-jisr-article prop holding "../" is a conflict, and no store outside is
// written (issue: import follows path traversal in article IDs).
func TestImportRefusesTraversal(t *testing.T) {
	const ar = `قال "الرئيس" إن <اللجنة> & المجلس سيجتمعان في 27 سبتمبر 2015.`
	xar := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(ar)
	files := map[string]string{
		"x.xlf": `<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ar" trgLang="en">
<file id="../../v"><unit id="p1-1"><segment state="final"><source>` + xar + `</source><target>PWNED</target></segment></unit></file></xliff>`,
		"x.po": "msgid \"\"\nmsgstr \"\"\n\"X-Jisr-Article: ../../v\\n\"\n\nmsgctxt \"p1-1\"\nmsgid " + poQuote(ar) + "\nmsgstr \"PWNED\"\n",
		"x.tmx": `<?xml version="1.0"?><tmx version="1.4"><header srclang="ar"/><body><tu>
<prop type="x-jisr-article">../../v</prop><prop type="x-jisr-segment">p1-1</prop>
<tuv xml:lang="ar"><seg>` + xar + `</seg></tuv><tuv xml:lang="en"><seg>PWNED</seg></tuv></tu></body></tmx>`,
	}
	for name, doc := range files {
		t.Run(name, func(t *testing.T) {
			fs := fixture(t)
			// A store outside the content tree, where "../../v" leads.
			victim, _ := afero.ReadFile(fs, store.Path("/c", "iraq"))
			afero.WriteFile(fs, "/v/segments.yaml", victim, 0o644)
			file := "/in/" + name
			afero.WriteFile(fs, file, []byte(doc), 0o644)
			res, err := Import(Options{Fs: fs, Content: "/c"}, file)
			if err == nil && (len(res.Conflicts) != 1 || len(res.Written) != 0) {
				t.Fatalf("import = %+v, want one conflict and nothing written", res)
			}
			if err == nil && !strings.Contains(res.Conflicts[0].Reason, "not a safe file name") {
				t.Errorf("conflict reason %q", res.Conflicts[0].Reason)
			}
			if after, _ := afero.ReadFile(fs, "/v/segments.yaml"); string(after) != string(victim) {
				t.Error("a store outside the content tree was rewritten")
			}
		})
	}
}

// A store whose article field leads elsewhere does not make export write
// outside its folder: files are named after the article's folder.
func TestExportStaysInFolder(t *testing.T) {
	for _, format := range []Format{XLIFF, PO} {
		fs := fixture(t)
		f, _ := store.Load(fs, store.Path("/c", "iraq"))
		f.Article = "../../../escaped"
		store.Save(fs, store.Path("/c", "iraq"), f)
		files, err := Export(Options{Fs: fs, Content: "/c"}, format, "/out/review")
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range files {
			if !strings.HasPrefix(p, "/out/review/") || strings.Contains(p, "..") {
				t.Errorf("%s: export wrote %s", format, p)
			}
		}
		afero.Walk(fs, "/", func(p string, info os.FileInfo, err error) error {
			if err == nil && strings.Contains(p, "escaped") {
				t.Errorf("%s: export wrote %s", format, p)
			}
			return nil
		})
	}
}

// --article A,B exports exactly A and B (issue: every article was exported
// once both IDs were found).
func TestExportFilterExact(t *testing.T) {
	fs := fixture(t)
	f, _ := store.Load(fs, store.Path("/c", "iraq"))
	for _, id := range []string{"a", "b", "c"} {
		g := *f
		g.Article = id
		store.Save(fs, store.Path("/c", id), &g)
	}
	files, err := Export(Options{Fs: fs, Content: "/c", Articles: []string{"a", "c"}}, XLIFF, "/out")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(files, " ") != "/out/a.xlf /out/c.xlf" {
		t.Errorf("export --article a,c wrote %v", files)
	}
	if _, err := Export(Options{Fs: fs, Content: "/c", Articles: []string{"a", "../x"}}, XLIFF, "/out"); err == nil {
		t.Error("export of an unknown article succeeded")
	}
}

// An import file over the size limit fails with an error naming it and
// the limit, and nothing is written.
func TestImportSizeLimit(t *testing.T) {
	fs := fixture(t)
	file, doc := exportOne(t, fs, XLIFF, "")
	before, _ := afero.ReadFile(fs, store.Path("/c", "iraq"))
	doc = replaced(t, doc, "Security agreement", "Security pact")
	afero.WriteFile(fs, file, []byte(doc), 0o644)
	_, err := Import(Options{Fs: fs, Content: "/c", MaxFileSize: int64(len(doc) - 1)}, file)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), file) {
		t.Fatalf("import of a file over the limit = %v", err)
	}
	if after, _ := afero.ReadFile(fs, store.Path("/c", "iraq")); string(after) != string(before) {
		t.Error("the store changed")
	}
	if _, err := Import(Options{Fs: fs, Content: "/c", MaxFileSize: int64(len(doc))}, file); err != nil {
		t.Errorf("import of a file at the limit: %v", err)
	}
}

// Only the display name is stored: a PO Last-Translator's e-mail address
// never reaches the store, and so never the public review page.
func TestReviewerEmailDropped(t *testing.T) {
	fs := fixture(t)
	file, doc := exportOne(t, fs, PO, "Huda Ali <huda@example.org>")
	doc = replaced(t, doc, `msgstr "Security agreement"`, `msgstr "Security pact"`)
	afero.WriteFile(fs, file, []byte(doc), 0o644)
	if _, err := Import(Options{Fs: fs, Content: "/c"}, file); err != nil {
		t.Fatal(err)
	}
	if got := load(t, fs)["title"].Reviewer; got != "Huda Ali" {
		t.Errorf("reviewer stored as %q, want %q", got, "Huda Ali")
	}
	for in, want := range map[string]string{"a@b.c": "", "Huda (huda@x.org)": "Huda", "Huda": "Huda", "<h@x> Huda": "Huda"} {
		if got := DisplayName(in); got != want {
			t.Errorf("DisplayName(%q) = %q, want %q", in, got, want)
		}
	}
}

// A unit whose segment ID moved (a paragraph was inserted before it) is
// re-anchored by its Arabic when exactly one segment of the article has
// it; an ambiguous one stays a conflict.
func TestImportReanchors(t *testing.T) {
	fs := fixture(t)
	file, doc := exportOne(t, fs, PO, "")
	f, _ := store.Load(fs, store.Path("/c", "iraq"))
	// Insert a paragraph before h2: h2 becomes h3, and the old ID h2 now
	// holds other Arabic.
	var segs []store.Segment
	for _, s := range f.Segments {
		if s.ID == "h2" {
			segs = append(segs, store.Segment{ID: "h2", Kind: s.Kind, Block: 2, AR: "فقرة جديدة", Src: store.Hash("فقرة جديدة")})
			s.ID = "h3"
		}
		segs = append(segs, s)
	}
	f.Segments = segs
	store.Save(fs, store.Path("/c", "iraq"), f)
	doc = replaced(t, doc, `msgstr "Committee in Baghdad"`, `msgstr "A committee in Baghdad"`)
	afero.WriteFile(fs, file, []byte(doc), 0o644)
	res, err := Import(Options{Fs: fs, Content: "/c"}, file)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Conflicts) != 0 || len(res.Applied) != 1 || res.Applied[0].Segment != "h3" {
		t.Fatalf("import = %+v %v, want the edit applied to h3", res.Applied, res.Conflicts)
	}
	if m := load(t, fs); m["h3"].EN != "A committee in Baghdad" || m["h2"].EN != "" {
		t.Errorf("h2 %+v h3 %+v", m["h2"], m["h3"])
	}
}
