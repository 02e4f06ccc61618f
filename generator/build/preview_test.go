package build

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/internal/testenv"
)

// previewSite is the incremental test site with jisr's layouts only (a
// project's own layouts get no preview), in shards of one article or in
// one run.
func previewSite(t *testing.T, sharded bool) afero.Fs {
	t.Helper()
	if sharded {
		return shardedSite(t)
	}
	fs := incrementalSite(t)
	fs.RemoveAll("/p/templates")
	return fs
}

// preview runs Preview on fs (the project at /p) for the changed paths,
// and checks that it wrote nothing into the project.
func preview(t *testing.T, fs afero.Fs, o Options, changed ...string) *Previewed {
	t.Helper()
	before := tree(t, fs, "/p")
	o.Fs, o.Root = fs, "/p"
	pv, err := Preview(context.Background(), o, changed)
	if err != nil {
		t.Fatalf("preview: %v", err)
	}
	testenv.DiffTrees(t, "the project after the preview: ", "after", "before", tree(t, fs, "/p"), before)
	return pv
}

// An edited seed and a translator's edit of a segment store are
// previewed: the edited article's pages show the edit, and they are, byte
// for byte, the pages the build that follows writes; nothing else is
// rendered, and the preview writes nothing (content/, the manifest and
// public/ are those of the last build, and the build after it equals a
// cold one).
func TestPreviewIsTheBuild(t *testing.T) {
	for _, sharded := range []bool{true, false} {
		name := "one run"
		if sharded {
			name = "shards"
		}
		t.Run(name, func(t *testing.T) {
			fs := previewSite(t, sharded)
			o := Options{}
			buildSite(t, fs, o)
			const edit = "أبدى رئيس نادي الوحدة الأستاذ هشام مرسي تفاؤله بالموسم الجديد. وقال هشام مرسي إن الفريق جاهز تماما.\n"
			afero.WriteFile(fs, "/p/seeds/club.txt", []byte(edit), 0o644)
			pv := preview(t, fs, o, "/p/seeds/club.txt")
			if strings.Join(pv.Articles, ",") != "club" {
				t.Fatalf("previewed %v, want the edited article only", pv.Articles)
			}
			page := string(pv.Pages["/articles/club/index.html"])
			if !strings.Contains(page, "بالموسم الجديد") || strings.Contains(page, "بالموسم المقبل") {
				t.Errorf("the preview does not show the edit:\n%s", page)
			}
			for _, want := range []string{"/articles/club/index.html", "/en/articles/club/index.html", "/en/review/club/index.html"} {
				if _, ok := pv.Pages[want]; !ok {
					t.Errorf("no %s in the preview: %v", want, keysOf(pv.Pages))
				}
			}
			equalsCold(t, fs, o, "after the preview of a seed")
			samePages(t, fs, pv)

			// A translator corrects a sentence in the store.
			file := "/p/content/articles/iraq/segments.yaml"
			data := read(t, fs, file)
			i := strings.Index(data, "    en: ")
			j := strings.Index(data[i:], "\n")
			edited := data[:i] + "    en: Corrected by a translator" + data[i+j:]
			afero.WriteFile(fs, file, []byte(edited), 0o644)
			pv = preview(t, fs, o, file)
			if strings.Join(pv.Articles, ",") != "iraq" {
				t.Fatalf("previewed %v, want iraq", pv.Articles)
			}
			if en := string(pv.Pages["/en/articles/iraq/index.html"]); !strings.Contains(en, "Corrected by a translator") {
				t.Errorf("the preview does not show the translator's edit")
			}
			equalsCold(t, fs, o, "after the preview of a store")
			samePages(t, fs, pv)
		})
	}
}

// samePages fails unless every page of pv is the file public/ holds.
func samePages(t *testing.T, fs afero.Fs, pv *Previewed) {
	t.Helper()
	for name, data := range pv.Pages {
		if got := read(t, fs, "/p/public"+name); got != string(data) {
			t.Errorf("%s: the preview differs from the build", name)
		}
	}
}

// With an engine other than gist, the preview shows the gist for the new
// sentences (the build asks the engine) and sends nothing to the engine.
func TestPreviewAsksNoEngine(t *testing.T) {
	fs := previewSite(t, true)
	c := &countingEngine{}
	o := Options{Engines: withCounting(c), Engine: "test-count"}
	buildSite(t, fs, o)
	c.take()
	const added = "وأكد المدرب أن اللاعبين في حالة جيدة."
	afero.WriteFile(fs, "/p/seeds/club.txt", []byte("أبدى رئيس نادي الوحدة الأستاذ هشام مرسي تفاؤله بالموسم المقبل. وقال هشام مرسي إن الفريق جاهز.\n"+added+"\n"), 0o644)
	pv := preview(t, fs, o, "/p/seeds/club.txt")
	if sent := c.take(); len(sent) != 0 {
		t.Errorf("the preview sent %q to the engine", sent)
	}
	page := string(pv.Pages["/en/review/club/index.html"])
	if !strings.Contains(page, "gist") {
		t.Errorf("the new sentence is not shown as a gist:\n%s", page)
	}
	buildSite(t, fs, o)
	if sent := c.take(); len(sent) != 1 || sent[0] != added {
		t.Errorf("the build sent %q, want the new sentence", sent)
	}
}

// Templates, static files, the configuration and the gazetteer change
// more than some pages: no preview.
func TestNoPreview(t *testing.T) {
	fs := previewSite(t, true)
	buildSite(t, fs, Options{})
	for _, changed := range []string{"/p/templates/layouts/page.html", "/p/static/x.css", "/p/jisr.toml", "/p/content/_data/gazetteer.yaml", "/p/content/tags/x/_index.ar.md"} {
		_, err := Preview(context.Background(), Options{Fs: fs, Root: "/p"}, []string{"/p/seeds/club.txt", changed})
		if !errors.Is(err, ErrNoPreview) {
			t.Errorf("%s: err %v, want ErrNoPreview", changed, err)
		}
	}
	// A project with layouts of its own.
	afero.WriteFile(fs, "/p/templates/layouts/page.html", []byte("{{ .Title }}"), 0o644)
	buildSite(t, fs, Options{})
	afero.WriteFile(fs, "/p/seeds/club.txt", []byte("تعديل في النص.\n"), 0o644)
	if _, err := Preview(context.Background(), Options{Fs: fs, Root: "/p"}, []string{"/p/seeds/club.txt"}); !errors.Is(err, ErrNoPreview) {
		t.Errorf("own layouts: err %v, want ErrNoPreview", err)
	}
}

func keysOf[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
