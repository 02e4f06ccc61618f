package build

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// TestSeedImages: a relative image path in a record or in front matter is
// a file beside the seed. It is copied into the site under
// images/<article ID>/ (one name per picture of the article), and the
// page, og:image, JSON-LD and the feed point at it under the site's base
// path. A path out of the seeds folder, a missing file and an SVG are
// refused with a warning naming the seed and the reason; their article
// is built all the same, and nothing outside the seeds folder is read.
func TestSeedImages(t *testing.T) {
	fs := loadTxtar(t, "testdata/images.txtar")
	afero.WriteFile(fs, "/etc/passwd", []byte("root:x:0:0"), 0o644)
	var log strings.Builder
	sum, err := Run(t.Context(), Options{Fs: fs, Root: "/p", Log: &log})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, log.String())
	}
	if sum.Articles != 3 || len(sum.Failing()) != 0 {
		t.Fatalf("built %d articles, failing %v; want 3 and none\n%s", sum.Articles, sum.Failing(), log.String())
	}
	files := siteFiles(t, fs)
	// Records r1 and r2 of 2015-07-23.jsonl are articles r-r1 and r-r2.
	const r1, r2 = "r-r1", "r-r2"
	if strings.TrimSpace(files["images/"+r1+"/x.jpg"]) != "JPEG-x" {
		t.Errorf("images/%s/x.jpg = %q", r1, files["images/"+r1+"/x.jpg"])
	}
	if strings.TrimSpace(files["images/oil-prices/x.jpg"]) != "JPEG-x" || strings.TrimSpace(files["images/oil-prices/x-2.jpg"]) != "JPEG-X-upper" {
		t.Errorf("front-matter pictures not published as x.jpg and x-2.jpg: %q %q", files["images/oil-prices/x.jpg"], files["images/oil-prices/x-2.jpg"])
	}
	ar := files["articles/oil-prices/index.html"]
	for _, want := range []string{
		`<img src="/news/images/oil-prices/x.jpg" alt=""`,
		`<meta property="og:image" content="https://example.org/news/images/oil-prices/x.jpg">`,
		`"image":["https://example.org/news/images/oil-prices/x.jpg","https://example.org/news/images/oil-prices/x-2.jpg"]`,
	} {
		if !strings.Contains(ar, want) {
			t.Errorf("oil-prices page lacks %s", want)
		}
	}
	if en := files["en/articles/oil-prices/index.html"]; !strings.Contains(en, `<img src="/news/images/oil-prices/x.jpg"`) {
		t.Error("English page does not point at the copied picture")
	}
	if !strings.Contains(files["index.xml"], `<media:content url="https://example.org/news/images/`+r1+`/x.jpg" medium="image">`) {
		t.Error("feed does not point at the record's copied picture")
	}
	// r2: only X.JPG survives; the others are warnings.
	if got := strings.TrimSpace(files["images/"+r2+"/x.jpg"]); got != "JPEG-X-upper" {
		t.Errorf("r2's one good picture: %q", got)
	}
	for _, want := range []string{
		`2015-07-23.jsonl#id=r2: image 1 (field image/images) "../../etc/passwd" refused: it leads out of the seeds folder`,
		`2015-07-23.jsonl#id=r2: image 2 (field image/images) "photos/missing.jpg" refused: no such file seeds/photos/missing.jpg;`,
		`2015-07-23.jsonl#id=r2: image 3 (field image/images) "photos/page.svg" refused: not a picture`,
	} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, log.String())
		}
	}
	for name, body := range files {
		if strings.Contains(body, "root:x:0:0") || strings.Contains(body, "<script>alert(1)") || strings.HasSuffix(name, ".svg") && strings.Contains(name, "images/") {
			t.Errorf("%s: a refused file reached the site", name)
		}
		if strings.Contains(body, "etc/passwd") || strings.Contains(body, "missing.jpg") {
			t.Errorf("%s names a refused picture", name)
		}
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestSeedImageChangeRerenders: a rebuild with nothing changed does
// nothing; replacing only the picture beside a seed publishes the new
// bytes (the seeds folder is an input of the build, the picture an input
// of the render). Offline (file://), the page points at the copy with a
// relative path.
func TestSeedImageChangeRerenders(t *testing.T) {
	fs := loadTxtar(t, "testdata/images.txtar")
	offline := true
	o := Options{Fs: fs, Root: "/p", Offline: &offline}
	if _, err := Run(t.Context(), o); err != nil {
		t.Fatal(err)
	}
	page := read(t, fs, "/p/public/articles/oil-prices.html")
	if !strings.Contains(page, `<img src="../images/oil-prices/x.jpg"`) {
		t.Errorf("offline page does not point at ../images/oil-prices/x.jpg")
	}
	sum, err := Run(t.Context(), o)
	if err != nil || !sum.RenderSkipped {
		t.Fatalf("unchanged rebuild rendered (%v)", err)
	}
	afero.WriteFile(fs, "/p/seeds/photos/x.jpg", []byte("JPEG-new"), 0o644)
	sum, err = Run(t.Context(), o)
	if err != nil {
		t.Fatal(err)
	}
	if sum.RenderSkipped {
		t.Error("changed picture: render skipped")
	}
	if got := read(t, fs, "/p/public/images/oil-prices/x.jpg"); got != "JPEG-new" {
		t.Errorf("published picture = %q, want the new bytes", got)
	}
}

// TestSeedImageOfOrphanKept: when the seed of an article with a picture
// beside it is removed, the article stays on the site until jisr prune
// (an orphan), and so does its picture, taken from the site published
// before: the build does not fail on a broken reference.
func TestSeedImageOfOrphanKept(t *testing.T) {
	fs := loadTxtar(t, "testdata/images.txtar")
	o := Options{Fs: fs, Root: "/p"}
	if _, err := Run(t.Context(), o); err != nil {
		t.Fatal(err)
	}
	fs.Remove("/p/seeds/2016/markets.md")
	var log strings.Builder
	o.Log = &log
	sum, err := Run(t.Context(), o)
	if err != nil {
		t.Fatalf("build after removing a seed: %v\n%s", err, log.String())
	}
	if len(sum.Orphans) != 1 {
		t.Errorf("orphans = %v, want the removed article", sum.Orphans)
	}
	if got := strings.TrimSpace(read(t, fs, "/p/public/images/oil-prices/x-2.jpg")); got != "JPEG-X-upper" {
		t.Errorf("orphan's picture = %q", got)
	}
}
