package build

import (
	"slices"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// warningLines returns the log's "warning:" lines, in order.
func warningLines(log string) []string {
	var out []string
	for _, l := range strings.Split(log, "\n") {
		if strings.HasPrefix(l, "warning: ") {
			out = append(out, l)
		}
	}
	return out
}

// A build that has nothing to do (level 1) repeats the warnings of the
// build it skips, in the same words and order: the refused pictures, the
// name shortened to fit a file name and the draft still published. Their
// cause is still there, so the publisher reads them on every build. The
// manifest that records them names no absolute path, and is the one a
// cold build of the same inputs writes.
func TestUnchangedRebuildRepeatsWarnings(t *testing.T) {
	fs := loadTxtar(t, "testdata/images.txtar")
	long := strings.Repeat("long-title-", 30)
	afero.WriteFile(fs, "/p/seeds/long.md", []byte("---\ntitle: عنوان طويل\nslug: "+long+"\n---\nقال الرئيس إن الوزراء استقالوا.\n"), 0o644)
	draft := func(d string) {
		afero.WriteFile(fs, "/p/seeds/later.md", []byte("---\ntitle: خبر لاحق\nslug: later\ndraft: "+d+"\n---\nوصل الوفد إلى القاهرة مساء الأحد.\n"), 0o644)
	}
	draft("false")
	o := Options{}
	buildLog(t, fs, o)
	draft("true") // published by the first build, a draft now
	_, log := buildLog(t, fs, o)
	want := warningLines(log)
	for _, w := range []string{
		`"photos/page.svg" refused: not a picture`,
		"seeds/long.md: its ID is too long for a folder name",
		"seeds/later.md is a draft, but an earlier build published it",
	} {
		if !strings.Contains(strings.Join(want, "\n"), w) {
			t.Fatalf("the full build does not warn %q:\n%s", w, log)
		}
	}
	// A cold build of the same inputs records the same warnings.
	cold := copyFs(t, fs)
	cold.Remove("/p/content/_data/manifest.json")
	cold.RemoveAll("/p/public")
	buildLog(t, cold, o)
	if m, c := read(t, fs, "/p/content/_data/manifest.json"), read(t, cold, "/p/content/_data/manifest.json"); m != c {
		t.Errorf("the manifest differs from a cold build's:\n--- incremental\n%s\n--- cold\n%s", m, c)
	}
	sum, log := buildLog(t, fs, o)
	if !sum.RenderSkipped || !strings.Contains(log, "no input changed since the last build") {
		t.Fatalf("the third build was not skipped:\n%s", log)
	}
	if got := warningLines(log); !slices.Equal(got, want) {
		t.Errorf("the skipped build warns\n%s\nwant, as the build it skipped:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if m := read(t, fs, "/p/content/_data/manifest.json"); strings.Contains(m, "/p/") || !strings.Contains(m, `no such file seeds/photos/missing.jpg`) {
		t.Errorf("the manifest names an absolute path, or the picture not from the seeds folder:\n%s", m)
	}
}
