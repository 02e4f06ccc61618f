package render

import (
	"errors"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/internal/testenv"

	"github.com/jisr-news/jisr/static"
	"github.com/jisr-news/jisr/templates"
)

// The pages Preview renders for some articles are, byte for byte, the
// files Render writes for them, whether the site is rendered in shards or
// in one run: at the host's root, under a sub-path, offline, and without
// review pages. An article not in the tree gives nothing.
func TestPreviewIsRender(t *testing.T) {
	for _, c := range []struct {
		name   string
		site   Site
		review bool
	}{
		{"root, shards", Site{BaseURL: "https://example.org/", ShardSize: 4}, true},
		{"sub-path, one run", Site{BaseURL: "https://user.github.io/repo/", PageSize: 3}, true},
		{"offline", Site{BaseURL: "https://example.org/x/", Offline: true, ShardSize: 4}, true},
		{"no review pages", Site{BaseURL: "https://example.org/", ShardSize: 4}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs := shardProject(t, 23, c.review)
			c.site.TitleAR, c.site.TitleEN = "جسر", "Jisr"
			want, _, _ := renderAll(t, fs, c.site)
			in := Input{Fs: fs, ContentDir: "/p/content", TemplatesDir: "/p/templates", Templates: templates.FS, Static: static.FS}
			// a00 names the entity "build", a01 has a picture, a03 no date.
			got, err := Preview(in, c.site, []string{"a00", "a01", "a03", "a17", "gone"}, nil)
			if err != nil {
				t.Fatal(err)
			}
			perArticle := 2
			if c.review {
				perArticle = 3
			}
			if len(got) != 4*perArticle {
				t.Errorf("%d files, want %d: %v", len(got), 4*perArticle, keysOf(got))
			}
			gotTree, wantTree := map[string]string{}, map[string]string{}
			for name, data := range got {
				if !strings.Contains(name, "/a00") && !strings.Contains(name, "/a01") && !strings.Contains(name, "/a03") && !strings.Contains(name, "/a17") {
					t.Errorf("%s: not a page of the articles asked for", name)
				}
				gotTree[name] = string(data)
				if w, ok := want[name]; ok {
					wantTree[name] = w
				}
			}
			testenv.DiffTrees(t, "", "preview", "render", gotTree, wantTree)
		})
	}
}

// A project with layouts of its own gets no preview.
func TestPreviewOwnLayouts(t *testing.T) {
	fs := shardProject(t, 3, true)
	afero.WriteFile(fs, "/p/templates/layouts/page.html", []byte("{{ .Title }}"), 0o644)
	in := Input{Fs: fs, ContentDir: "/p/content", TemplatesDir: "/p/templates", Templates: templates.FS, Static: static.FS}
	if _, err := Preview(in, Site{}, []string{"a00"}, nil); !errors.Is(err, ErrNoPreview) {
		t.Fatalf("err %v, want ErrNoPreview", err)
	}
}

func keysOf(m map[string][]byte) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
