package source

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/jisr-news/jisr/generator/article"
)

// images reads the image and images fields of front matter and records:
// each entry a string (the source) or a table {src or url, alt, caption}.
// The image field comes first. A source must be an http(s) URL or a site
// path without ".." (served from static/); anything else (javascript:,
// data:, a path out of the site) is an error that names the entry.
func images(one any, list []any) ([]article.Image, error) {
	var all []any
	if one != nil {
		all = append(all, one)
	}
	all = append(all, list...)
	var out []article.Image
	for i, v := range all {
		var img article.Image
		switch x := v.(type) {
		case string:
			img.Src = x
		case map[string]any:
			for _, k := range []string{"src", "url"} {
				if s, ok := x[k].(string); ok && img.Src == "" {
					img.Src = s
				}
			}
			img.Alt, _ = x["alt"].(string)
			img.Caption, _ = x["caption"].(string)
		default:
			return nil, fmt.Errorf("image %d: want a URL or a table with src, alt and caption, got %T", i+1, v)
		}
		img.Src = strings.TrimSpace(Clean(img.Src))
		img.Alt, img.Caption = oneLine(img.Alt), oneLine(img.Caption)
		if img.Src == "" {
			return nil, fmt.Errorf("image %d has no src", i+1)
		}
		if err := checkImageSrc(img.Src); err != nil {
			return nil, fmt.Errorf("image %d %q: %w", i+1, img.Src, err)
		}
		out = append(out, img)
	}
	return out, nil
}

func checkImageSrc(src string) error {
	u, err := url.Parse(src)
	if err != nil {
		return fmt.Errorf("not a URL: %w", err)
	}
	switch {
	case u.Scheme == "http" || u.Scheme == "https":
		if u.Host == "" {
			return fmt.Errorf("URL without a host")
		}
	case u.Scheme != "" || u.Host != "":
		return fmt.Errorf("only http(s) URLs or site paths are allowed")
	case strings.Contains("/"+u.Path+"/", "/../") || strings.Contains(u.Path, "\\"):
		return fmt.Errorf("path leaves the site")
	}
	return nil
}
