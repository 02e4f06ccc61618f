package serve

import (
	"slices"
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/project"
)

// TestWatched: serve watches the config file the layout resolved, so a
// relative --config is relative to --root, not to the working folder.
func TestWatched(t *testing.T) {
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "/p/conf/site.toml", []byte("[paths]\ncontent = \"c2\"\n"), 0o644)
	l, err := project.Resolve(project.Flags{Fs: fsys, Root: "/p", Config: "conf/site.toml"})
	if err != nil {
		t.Fatal(err)
	}
	watch, ignore := Watched(l)
	for _, want := range []string{"/p/conf/site.toml", "/p/seeds", "/p/c2", "/p/templates", "/p/static"} {
		if !slices.Contains(watch, want) {
			t.Errorf("watch %v lacks %s", watch, want)
		}
	}
	if !slices.Equal(ignore, []string{"/p/public"}) {
		t.Errorf("ignore %v, want the output folder", ignore)
	}
}
