package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNewArticleAndDrafts: jisr new article writes a seed and its sidecar
// as a draft; a build leaves it out, --buildDrafts (-D) builds it; an
// existing name is refused, and so is a name that is not a slug.
func TestNewArticleAndDrafts(t *testing.T) {
	dir := seedProject(t)
	out, code := run(t, "new", "article", "budget-vote", "--root", dir, "--title", "البرلمان يقر الموازنة", "--date", "2024-05-02")
	txt, meta := filepath.Join(dir, "seeds", "budget-vote.txt"), filepath.Join(dir, "seeds", "budget-vote.yaml")
	if code != 0 || !strings.Contains(out, txt) || !strings.Contains(out, meta) {
		t.Fatalf("new article: exit %d\n%s", code, out)
	}
	side, _ := os.ReadFile(meta)
	for _, want := range []string{"title: البرلمان يقر الموازنة", "date: \"2024-05-02\"", "slug: budget-vote", "draft: true"} {
		if !strings.Contains(string(side), want) {
			t.Errorf("sidecar lacks %q:\n%s", want, side)
		}
	}
	if out, code := run(t, "new", "article", "budget-vote", "--root", dir); code != 1 || !strings.Contains(out, "already exists") {
		t.Errorf("existing name: exit %d\n%s", code, out)
	}
	if out, code := run(t, "new", "article", "Budget Vote", "--root", dir); code != 2 || !strings.Contains(out, `"budget-vote"`) {
		t.Errorf("not a slug: exit %d\n%s", code, out)
	}

	page := filepath.Join(dir, "public", "articles", "budget-vote", "index.html")
	out, code = run(t, "build", "--root", dir)
	if code != 0 || !strings.Contains(out, "1 drafts left out (--buildDrafts builds them): seeds/budget-vote.txt") {
		t.Errorf("build with a draft: exit %d\n%s", code, out)
	}
	if _, err := os.Stat(page); err == nil {
		t.Error("the draft was published")
	}
	if out, code := run(t, "build", "--root", dir, "-D"); code != 0 {
		t.Errorf("build -D: exit %d\n%s", code, out)
	}
	if html, err := os.ReadFile(page); err != nil || !strings.Contains(string(html), "البرلمان يقر الموازنة") {
		t.Errorf("build -D did not publish the draft: %v", err)
	}
}

// TestHugoFlags: Hugo's spellings --baseURL/-b and --destination/-d mean
// --base-url and --out; --minify minifies the pages.
func TestHugoFlags(t *testing.T) {
	dir := seedProject(t)
	www := filepath.Join(dir, "www")
	if out, code := run(t, "build", "--root", dir, "--baseURL", "https://example.org/news/", "--destination", www); code != 0 {
		t.Fatalf("build --baseURL --destination: exit %d\n%s", code, out)
	}
	plain, err := os.ReadFile(filepath.Join(www, "index.html"))
	if err != nil || !strings.Contains(string(plain), "/news/") {
		t.Fatalf("--destination or --baseURL ignored: %v", err)
	}
	www2 := filepath.Join(dir, "www2")
	if out, code := run(t, "build", "--root", dir, "-b", "https://example.org/news/", "-d", www2, "--minify"); code != 0 {
		t.Fatalf("build -b -d --minify: exit %d\n%s", code, out)
	}
	mini, err := os.ReadFile(filepath.Join(www2, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if len(mini) >= len(plain) || strings.Count(string(mini), "\n") >= strings.Count(string(plain), "\n")/2 {
		t.Errorf("--minify: %d bytes, %d lines; without: %d bytes, %d lines", len(mini), strings.Count(string(mini), "\n"), len(plain), strings.Count(string(plain), "\n"))
	}
	if !strings.Contains(string(mini), "/news/") {
		t.Error("-b ignored")
	}
}
