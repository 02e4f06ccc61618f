package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/article"
)

// TestLocalImagesRefused: on the OS filesystem, a picture beside the seed
// is kept with its file and a site path under images/<ID>/; one that
// climbs out of the seeds folder, is a symbolic link (to a file outside
// or inside), passes through a linked folder, or is over the size limit
// is dropped with a warning naming the entry and the reason. An absolute
// path stays a site path (static/): nothing is read from the disk there.
func TestLocalImagesRefused(t *testing.T) {
	dir := t.TempDir()
	seeds := filepath.Join(dir, "seeds")
	outside := filepath.Join(dir, "secret.jpg")
	must(t, os.MkdirAll(filepath.Join(seeds, "photos"), 0o755))
	must(t, os.WriteFile(outside, []byte("SECRET"), 0o644))
	must(t, os.WriteFile(filepath.Join(seeds, "photos", "ok.jpg"), []byte("JPEG"), 0o644))
	must(t, os.WriteFile(filepath.Join(seeds, "photos", "big.png"), make([]byte, 65), 0o644))
	must(t, os.Symlink(outside, filepath.Join(seeds, "photos", "out.jpg")))
	must(t, os.Symlink("ok.jpg", filepath.Join(seeds, "photos", "in.jpg")))
	must(t, os.Symlink(dir, filepath.Join(seeds, "up")))
	must(t, os.WriteFile(filepath.Join(seeds, "a.md"), []byte(`---
title: خبر
slug: story
images: [photos/ok.jpg, ../secret.jpg, photos/out.jpg, photos/in.jpg, up/secret.jpg, photos/big.png, /etc/passwd]
---
نص الخبر.
`), 0o644))
	old := maxImageBytes
	maxImageBytes = 64
	defer func() { maxImageBytes = old }()
	arts, errs := ReadDir(afero.NewOsFs(), seeds)
	var story *article.Article
	for _, a := range arts {
		if a.ID == "story" {
			story = a
		}
	}
	if story == nil {
		t.Fatalf("article not read: %v", errs)
	}
	if len(story.Images) != 2 {
		t.Fatalf("images = %+v, want photos/ok.jpg and /etc/passwd", story.Images)
	}
	if ok := story.Images[0]; ok.Src != "/images/story/ok.jpg" || ok.File != filepath.Join(seeds, "photos", "ok.jpg") {
		t.Errorf("picture beside the seed: %+v", ok)
	}
	if abs := story.Images[1]; abs.Src != "/etc/passwd" || abs.File != "" {
		t.Errorf("absolute path: %+v, want a site path with nothing to copy", abs)
	}
	want := []string{
		`image 2 (field image/images) "../secret.jpg" refused: it leads out of the seeds folder seeds;`,
		`image 3 (field image/images) "photos/out.jpg" refused: seeds/photos/out.jpg is a symbolic link`,
		`image 4 (field image/images) "photos/in.jpg" refused: seeds/photos/in.jpg is a symbolic link`,
		`image 5 (field image/images) "up/secret.jpg" refused: seeds/up is a symbolic link`,
		`image 6 (field image/images) "photos/big.png" refused: file too large: 65 bytes, over the limit of 64`,
	}
	got := strings.Join(story.Warnings, "\n")
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("warnings lack %q:\n%s", w, got)
		}
	}
	if strings.Contains(got, seeds) {
		t.Errorf("a warning names the seeds folder's absolute path %s:\n%s", seeds, got)
	}
	if len(story.Warnings) != len(want) {
		t.Errorf("%d warnings, want %d:\n%s", len(story.Warnings), len(want), got)
	}
	if _, err := ReadImage(afero.NewOsFs(), filepath.Join(seeds, "photos", "out.jpg")); err == nil {
		t.Error("ReadImage followed a symbolic link")
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
