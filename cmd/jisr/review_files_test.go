package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// "jisr review import FOLDER" reads the folder's exchange files, sorted,
// and nothing else in it; a file argument stays as it is.
func TestImportFilesExpandsFolders(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"b.xlf", "a.po", "c.TMX", "notes.txt", ".hidden.po"} {
		os.WriteFile(filepath.Join(dir, n), nil, 0o644)
	}
	os.MkdirAll(filepath.Join(dir, "sub.po"), 0o755)
	one := filepath.Join(t.TempDir(), "x.xliff")
	got, err := importFiles([]string{dir, one})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "a.po"), filepath.Join(dir, "b.xlf"), filepath.Join(dir, "c.TMX"), one}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A folder without exchange files is a usage error naming it.
func TestImportEmptyFolder(t *testing.T) {
	empty := t.TempDir()
	out, code := run(t, "review", "import", "--root", t.TempDir(), empty)
	if code != ExitUsage || !strings.Contains(out, empty+" holds no .xlf, .xliff, .po or .tmx file") {
		t.Errorf("exit %d\n%s", code, out)
	}
}
