package main

import (
	"archive/zip"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedProject makes a project folder with the repository's seed article.
func seedProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	seed, err := os.ReadFile("../../seeds/000_9d8ced74e5524e3c.txt")
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "seeds"), 0o755)
	os.WriteFile(filepath.Join(dir, "seeds", "seed.txt"), seed, 0o644)
	return dir
}

func TestBuildZipAndCheckLinks(t *testing.T) {
	dir := seedProject(t)
	out, code := run(t, "build", "--root", dir, "--zip", "dist/site.zip")
	if code != 0 || !strings.Contains(out, "wrote dist/site.zip") {
		t.Fatalf("build --zip: exit %d\n%s", code, out)
	}
	zr, err := zip.OpenReader(filepath.Join(dir, "dist/site.zip"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	names := map[string]bool{}
	for _, f := range zr.File {
		names[f.Name] = true
	}
	// --zip implies --offline: pages are .html files.
	if !names["site/index.html"] || !names["site/articles/seed.html"] || !names["site/en/articles/seed.html"] {
		t.Errorf("zip lacks the offline pages: %d entries", len(names))
	}
	// The site in public/ is offline: checked with file:// rules it passes,
	// and the report says how much it checked.
	out, code = run(t, "check", "--links", "--offline", "--root", dir)
	if code != 0 || !strings.Contains(out, "0 broken") {
		t.Errorf("check --links --offline: exit %d\n%s", code, out)
	}
	// Break a link: the check fails and names it.
	page := filepath.Join(dir, "public", "index.html")
	data, _ := os.ReadFile(page)
	os.WriteFile(page, []byte(strings.Replace(string(data), `href="./en/index.html"`, `href="./en/"`, 1)), 0o644)
	out, code = run(t, "check", "--links", "--offline", "--root", dir)
	if code != 1 || !strings.Contains(out, `index.html:`) || !strings.Contains(out, `"./en/": folder link`) {
		t.Errorf("check --links on a broken site: exit %d\n%s", code, out)
	}
}

func TestServeHelp(t *testing.T) {
	out, code := run(t, "serve", "--help")
	if code != 0 || !strings.Contains(out, "--addr") || !strings.Contains(out, "127.0.0.1:1313") {
		t.Errorf("serve --help: exit %d\n%s", code, out)
	}
	// A port that is taken is reported, after the first build.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	dir := seedProject(t)
	out, code = run(t, "serve", "--root", dir, "--addr", ln.Addr().String())
	if code != 1 || !strings.Contains(out, "serve:") {
		t.Errorf("serve on a bad address: exit %d\n%s", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "index.html")); err != nil {
		t.Errorf("serve did not build first: %v", err)
	}
}
