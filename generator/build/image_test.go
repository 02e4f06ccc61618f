package build

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// TestArticleImages: a front-matter image with alt text and caption, and a
// second from a list, reach the article page (figure, alt, caption), the
// list page, JSON-LD and Open Graph (the alt text without its markup, its
// quotes and "<" escaped); a local one is published from
// static/; a javascript: source is refused with the file and the reason.
func TestArticleImages(t *testing.T) {
	fs := loadTxtar(t, "testdata/site.txtar")
	afero.WriteFile(fs, "/p/jisr.toml", nil, 0o644)
	afero.WriteFile(fs, "/p/static/img/vienna.jpg", []byte("JPEG"), 0o644)
	afero.WriteFile(fs, "/p/seeds/markets.md", []byte(`---
title: أسعار النفط ترتفع
date: 2016-03-01
slug: oil-prices
image:
  src: /img/vienna.jpg
  alt: مقر أوبك في "فيينا" < <b>1</b>
  caption: اجتماع أوبك في فيينا
images:
  - https://cdn.example.net/opec.jpg
---
ارتفعت أسعار النفط في الأسواق العالمية.
`), 0o644)
	afero.WriteFile(fs, "/p/seeds/bad.md", []byte("---\ntitle: خبر\nimage: \"javascript:alert(1)\"\n---\nنص الخبر.\n"), 0o644)
	var log strings.Builder
	o := Options{Fs: fs, Root: "/p", BaseURL: hostRoot, Log: &log}
	sum, err := Run(t.Context(), o)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, log.String())
	}
	files := siteFiles(t, fs)
	ar, en := files["articles/oil-prices/index.html"], files["en/articles/oil-prices/index.html"]
	for _, want := range []string{
		`<img src="/img/vienna.jpg" alt="مقر أوبك في &#34;فيينا&#34; &lt; 1" loading="lazy"`,
		`<figcaption>اجتماع أوبك في فيينا</figcaption>`,
		`<meta property="og:image" content="` + hostRoot + `img/vienna.jpg">`,
		`<meta property="og:image" content="https://cdn.example.net/opec.jpg">`,
		`"image":["` + hostRoot + `img/vienna.jpg","https://cdn.example.net/opec.jpg"]`,
	} {
		if !strings.Contains(ar, want) {
			t.Errorf("Arabic article lacks %s", want)
		}
	}
	if !strings.Contains(en, `<figcaption lang="ar" dir="rtl">`) {
		t.Error("English article: caption not marked Arabic")
	}
	if !strings.Contains(files["articles/index.html"], `class="article-image article-image-small"`) {
		t.Error("list page has no picture")
	}
	if !strings.Contains(files["index.xml"], `<media:content url="`+hostRoot+`img/vienna.jpg" medium="image"><media:description>مقر أوبك في &#34;فيينا&#34; &lt; 1</media:description>`) {
		t.Errorf("feed has no picture:\n%s", files["index.xml"])
	}
	if files["img/vienna.jpg"] != "JPEG" {
		t.Error("local image not published")
	}
	var refused bool
	for _, e := range sum.Skipped {
		if strings.Contains(e.Error(), "bad.md") && strings.Contains(e.Error(), "javascript") {
			refused = true
		}
	}
	if !refused || strings.Contains(strings.Join(mapValues(files), ""), "javascript:alert") {
		t.Errorf("javascript: image not refused: %v", sum.Skipped)
	}
}

func mapValues(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}
