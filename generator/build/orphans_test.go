package build

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
)

func TestOrphans(t *testing.T) {
	fs := loadTxtar(t, "testdata/site.txtar")
	buildSite(t, fs, Options{})
	p, err := Open(Options{Fs: fs, Root: "/p"})
	if err != nil {
		t.Fatal(err)
	}
	if o := p.Orphans(); len(o) != 0 {
		t.Fatalf("orphans right after a build: %v", o)
	}
	fs.Remove("/p/seeds/iraq.txt")
	// A hand-written article has no seed and is not an orphan.
	afero.WriteFile(fs, "/p/content/articles/mine/index.ar.md", []byte("---\ntitle: يدوي\n---\n"), 0o644)
	o := p.Orphans()
	if len(o) != 1 || !strings.HasPrefix(o[0], "content/articles/iraq (seeds/iraq.txt)") {
		t.Errorf("orphans = %v", o)
	}
	sum := buildSite(t, fs, Options{})
	var b strings.Builder
	sum.Report(&b)
	if !strings.Contains(b.String(), "content/articles/iraq (seeds/iraq.txt)") {
		t.Errorf("summary does not name the orphan:\n%s", b.String())
	}
}

// Deleting a record from a .jsonl export makes its article an orphan, named
// by the build, though the file is still there; the records that remain are
// not, and renaming the export keeps the keyed records' articles.
func TestOrphanRecords(t *testing.T) {
	fs := loadTxtar(t, "testdata/site.txtar")
	two := `{"id":"a1","title":"الخبر الأول","body":"قال الرئيس إن الوزراء استقالوا."}
{"id":"a2","title":"الخبر الثاني","body":"ارتفعت أسعار النفط في الأسواق."}
`
	afero.WriteFile(fs, "/p/seeds/export.jsonl", []byte(two), 0o644)
	buildSite(t, fs, Options{})
	// The export is renamed and loses its second record.
	fs.Remove("/p/seeds/export.jsonl")
	afero.WriteFile(fs, "/p/seeds/export-v2.jsonl", []byte(strings.SplitAfter(two, "\n")[0]), 0o644)
	sum := buildSite(t, fs, Options{})
	if len(sum.Orphans) != 1 || !strings.HasPrefix(sum.Orphans[0], "content/articles/r-a2 (seeds/export.jsonl#id=a2)") {
		t.Errorf("orphans = %v, want only the deleted record r-a2", sum.Orphans)
	}
	if _, err := fs.Stat("/p/content/articles/r-a1/index.ar.md"); err != nil {
		t.Errorf("the kept record's article moved: %v", err)
	}
}
