// Package testenv finds the files that tests share: the repository root
// and the development corpora in ../shared/data beside it.
//
// In: the test's working directory. Out: paths, or a skip when a corpus is
// missing, since a fresh clone has no ../shared.
package testenv

import (
	"os"
	"path/filepath"
	"testing"
)

// RepoRoot returns the folder that holds go.mod, walking up from the
// working directory (the package's folder under go test).
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("no go.mod above the package")
		}
		dir = up
	}
}

// SharedData returns the path of rel under ../shared/data beside the
// repository, or skips the test when it is not there.
func SharedData(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(RepoRoot(t), "..", "shared", "data", rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s not available (a fresh clone has no ../shared): %v", rel, err)
	}
	return p
}
