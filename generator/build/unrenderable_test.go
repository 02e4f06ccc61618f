package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"golang.org/x/tools/txtar"

	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/generator/translate"
)

// An article that cannot be rendered (too many segments) is skipped with
// its reason while the rest builds (a 300-byte slug is shortened), and the folder an
// earlier build left for such an article does not fail later builds. On the
// OS file system, which refuses names over 255 bytes.
func TestUnrenderableArticleIsSkipped(t *testing.T) {
	root := t.TempDir()
	ar, err := txtar.ParseFile("testdata/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		os.MkdirAll(filepath.Dir(filepath.Join(root, f.Name)), 0o755)
		os.WriteFile(filepath.Join(root, f.Name), f.Data, 0o644)
	}
	long := strings.Repeat("a", 300)
	os.WriteFile(filepath.Join(root, "seeds/long.md"), []byte("---\ntitle: عنوان\nslug: "+long+"\n---\nقال الرئيس إن الوزراء استقالوا.\n"), 0o644)

	// A stale article of 10,500 segments, as an earlier version wrote it.
	huge := filepath.Join(root, "content/articles/huge")
	f := &store.File{Article: "huge"}
	for i := range 10500 {
		ar := fmt.Sprintf("جملة رقم %d.", i)
		f.Segments = append(f.Segments, store.Segment{ID: fmt.Sprintf("p%d-1", i+1), Kind: article.KindParagraph, Block: i + 1,
			AR: ar, EN: "x", Status: translate.StatusGist, Engine: "gist", Src: store.Hash(ar), Sum: store.Hash("x")})
	}
	fs := afero.NewOsFs()
	if err := store.Save(fs, filepath.Join(huge, store.FileName), f); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"ar", "en"} {
		os.WriteFile(filepath.Join(huge, "index."+lang+".md"), []byte("---\ntitle: huge\ntranslationKey: huge\n---\n"), 0o644)
	}
	os.MkdirAll(filepath.Join(root, "content/review/huge"), 0o755)
	os.WriteFile(filepath.Join(root, "content/review/huge/index.en.md"), []byte("---\ntitle: huge\narticle: huge\n---\n"), 0o644)

	var log strings.Builder
	sum, err := Run(context.Background(), Options{Fs: fs, Root: root, Log: &log})
	if err != nil {
		t.Fatalf("build failed: %v\n%s", err, log.String())
	}
	// A slug too long for a folder name is shortened (article.FitName)
	// with a warning naming the seed, and the article builds.
	for _, e := range sum.Skipped {
		if strings.Contains(e.Error(), "long.md") {
			t.Errorf("the long slug's article was skipped: %v", e)
		}
	}
	short, _ := article.FitName(long)
	if _, err := os.Stat(filepath.Join(root, "public/articles", short, "index.html")); err != nil || !strings.Contains(log.String(), "warning: seeds/long.md: its ID is too long") {
		t.Errorf("the long slug's article is not built as %s with a warning (%v):\n%s", short, err, log.String())
	}
	if _, err := os.Stat(filepath.Join(root, "public/articles/iraq/index.html")); err != nil {
		t.Errorf("the rest was not built: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "public/articles/huge")); err == nil {
		t.Errorf("the stale huge article was rendered")
	}
	if !strings.Contains(log.String(), "left out of the site: content/articles/huge") {
		t.Errorf("log does not say the huge article was left out:\n%s", log.String())
	}
	if _, err := os.Stat(filepath.Join(huge, store.FileName)); err != nil {
		t.Errorf("the stale article's store was removed: %v", err)
	}
}
