package project

import (
	"errors"
	"io/fs"
	"path/filepath"
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/gazetteer"
)

// TestResolve covers --root, --config, --content (and the other path
// flags) and [paths], relative and absolute, and the origin of each path.
func TestResolve(t *testing.T) {
	type paths struct {
		config, seeds, content, out, templates, static, gazetteer, terms, manifest, zip string
	}
	type want struct {
		paths
		origin map[string]Origin
	}
	cases := []struct {
		name  string
		files map[string]string // config files to create
		flags Flags
		want  want
	}{
		{
			name:  "defaults under a relative root",
			flags: Flags{Root: "site"},
			want: want{paths: paths{config: "site/jisr.toml", seeds: "site/seeds", content: "site/content", out: "site/public",
				templates: "site/templates", static: "site/static", gazetteer: "site/content/_data/gazetteer.yaml",
				terms: "site/content/entities", manifest: "site/content/_data/manifest.json"},
				origin: map[string]Origin{NameConfig: FromDefault, NameSeeds: FromDefault, NameContent: FromDefault, NameGazetteer: FromDefault}},
		},
		{
			name:  "empty root is the working folder",
			flags: Flags{},
			want: want{paths: paths{config: "jisr.toml", seeds: "seeds", content: "content", out: "public", templates: "templates", static: "static",
				gazetteer: "content/_data/gazetteer.yaml", terms: "content/entities", manifest: "content/_data/manifest.json"}},
		},
		{
			name:  "relative --content joins --root, and the gazetteer and term pages follow it",
			flags: Flags{Root: "/p", Content: "elsewhere", Seeds: "in", Out: "../www", Zip: "site.zip"},
			want: want{paths: paths{config: "/p/jisr.toml", seeds: "/p/in", content: "/p/elsewhere", out: "/www",
				templates: "/p/templates", static: "/p/static", gazetteer: "/p/elsewhere/_data/gazetteer.yaml",
				terms: "/p/elsewhere/entities", manifest: "/p/elsewhere/_data/manifest.json", zip: "/p/site.zip"},
				origin: map[string]Origin{NameSeeds: FromFlag, NameContent: FromFlag, NameOut: FromFlag, NameGazetteer: FromFlag,
					NameTerms: FromFlag, NameManifest: FromFlag, NameZip: FromFlag, NameTemplates: FromDefault}},
		},
		{
			name:  "absolute flags are kept",
			flags: Flags{Root: "/p", Content: "/data/c", Out: "/srv/www"},
			want: want{paths: paths{config: "/p/jisr.toml", seeds: "/p/seeds", content: "/data/c", out: "/srv/www",
				templates: "/p/templates", static: "/p/static", gazetteer: "/data/c/_data/gazetteer.yaml",
				terms: "/data/c/entities", manifest: "/data/c/_data/manifest.json"}},
		},
		{
			name:  "[paths] in the default config, relative and absolute",
			files: map[string]string{"/p/jisr.toml": "[paths]\nseeds = \"articles\"\ncontent = \"/abs/content\"\nout = \"docs\"\ntemplates = \"theme/layouts\"\nstatic = \"theme/static\"\n"},
			flags: Flags{Root: "/p"},
			want: want{paths: paths{config: "/p/jisr.toml", seeds: "/p/articles", content: "/abs/content", out: "/p/docs",
				templates: "/p/theme/layouts", static: "/p/theme/static", gazetteer: "/abs/content/_data/gazetteer.yaml",
				terms: "/abs/content/entities", manifest: "/abs/content/_data/manifest.json"},
				origin: map[string]Origin{NameConfig: FromDefault, NameSeeds: FromConfig, NameContent: FromConfig, NameOut: FromConfig,
					NameTemplates: FromConfig, NameStatic: FromConfig, NameGazetteer: FromConfig, NameTerms: FromConfig}},
		},
		{
			name:  "relative --config is relative to --root, and its [paths] to the root too",
			files: map[string]string{"/p/conf/other.toml": "[paths]\ncontent = \"c2\"\n"},
			flags: Flags{Root: "/p", Config: "conf/other.toml"},
			want: want{paths: paths{config: "/p/conf/other.toml", seeds: "/p/seeds", content: "/p/c2", out: "/p/public",
				templates: "/p/templates", static: "/p/static", gazetteer: "/p/c2/_data/gazetteer.yaml",
				terms: "/p/c2/entities", manifest: "/p/c2/_data/manifest.json"},
				origin: map[string]Origin{NameConfig: FromFlag, NameContent: FromConfig, NameSeeds: FromDefault}},
		},
		{
			name:  "absolute --config; a flag wins over [paths]",
			files: map[string]string{"/etc/j.toml": "[paths]\ncontent = \"c2\"\nout = \"o2\"\n"},
			flags: Flags{Root: "/p", Config: "/etc/j.toml", Out: "o3"},
			want: want{paths: paths{config: "/etc/j.toml", seeds: "/p/seeds", content: "/p/c2", out: "/p/o3",
				templates: "/p/templates", static: "/p/static", gazetteer: "/p/c2/_data/gazetteer.yaml",
				terms: "/p/c2/entities", manifest: "/p/c2/_data/manifest.json"},
				origin: map[string]Origin{NameConfig: FromFlag, NameContent: FromConfig, NameOut: FromFlag}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := afero.NewMemMapFs()
			for name, data := range c.files {
				afero.WriteFile(fsys, name, []byte(data), 0o644)
			}
			c.flags.Fs = fsys
			l, err := Resolve(c.flags)
			if err != nil {
				t.Fatal(err)
			}
			got := paths{config: l.ConfigFile, seeds: l.Seeds, content: l.Content, out: l.Out, templates: l.Templates, static: l.Static,
				gazetteer: l.Gazetteer, terms: l.Terms, manifest: l.Manifest, zip: l.Zip}
			if w := c.want.paths; got != w {
				t.Errorf("got\n%+v\nwant\n%+v", got, w)
			}
			for name, o := range c.want.origin {
				if l.Origin[name] != o {
					t.Errorf("origin of %s: %s, want %s", name, l.Origin[name], o)
				}
			}
			for _, p := range l.Paths() {
				if p.From != l.Origin[p.Name] {
					t.Errorf("Paths: %s from %s, Origin says %s", p.Name, p.From, l.Origin[p.Name])
				}
			}
		})
	}
}

func TestResolveErrors(t *testing.T) {
	fsys := afero.NewMemMapFs()
	// A --config that does not exist is an error; the default one is not.
	_, err := Resolve(Flags{Fs: fsys, Root: "/p", Config: "nope.toml"})
	var ce *ConfigError
	if !errors.As(err, &ce) || ce.File != "/p/nope.toml" || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing --config: %v (%T), want a ConfigError naming /p/nope.toml that wraps ErrNotExist", err, err)
	}
	if _, err := Resolve(Flags{Fs: fsys, Root: "/p"}); err != nil {
		t.Errorf("missing default config: %v", err)
	}
	afero.WriteFile(fsys, "/p/jisr.toml", []byte("[paths]\ncontent = \"\"\n"), 0o644)
	if _, err := Resolve(Flags{Fs: fsys, Root: "/p"}); !IsConfigError(err) {
		t.Errorf("empty [paths] content: %v, want a ConfigError", err)
	}
}

// TestGazetteerPaths: the layout names the files the gazetteer reads,
// so that they cannot drift apart.
func TestGazetteerPaths(t *testing.T) {
	l, err := Resolve(Flags{Fs: afero.NewMemMapFs(), Root: "/p", Content: "c"})
	if err != nil {
		t.Fatal(err)
	}
	if l.Gazetteer != filepath.Join("/p/c", gazetteer.ProjectFile) || l.Terms != filepath.Join("/p/c", gazetteer.TermsDir) {
		t.Errorf("gazetteer %s, terms %s", l.Gazetteer, l.Terms)
	}
}
