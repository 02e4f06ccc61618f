// Package project resolves a jisr project's layout: every folder and file
// the project uses, from the command-line flags, jisr.toml and the
// defaults. It is the one place that knows where things are; every command
// (build, serve, translate, check, review, analyze, build --zip) asks it.
//
// In: Flags (--root, --config and the path flags). Out: a Layout with the
// loaded configuration and absolute-or-root-joined paths, each with its
// Origin. Resolving creates no engine and no analyzer and writes nothing.
//
// Rules: --root is taken as given (relative to the working folder). Every
// other relative path, whether from a flag or from jisr.toml, is relative
// to the root; an absolute path is kept. A flag wins over jisr.toml, which
// wins over the default. The project's gazetteer, its entity term pages
// and the build manifest live in the content tree, so they follow
// --content and [paths] content.
package project

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/config"
	"github.com/jisr-news/jisr/generator/gazetteer"
)

// Flags are the command-line values that place the project. Empty fields
// are not given.
type Flags struct {
	Fs      afero.Fs // the project's filesystem; nil means the OS
	Root    string   // project folder; "" means "."
	Config  string   // config file; "" means <Root>/jisr.toml, optional
	Seeds   string
	Content string
	Out     string
	Zip     string // build --zip FILE; "" means no zip
}

// Origin says where a path of the layout came from.
type Origin int

const (
	// FromDefault: neither a flag nor jisr.toml named it.
	FromDefault Origin = iota
	// FromConfig: jisr.toml named it (or the folder it lives in). Such a
	// path must stay inside the project: a committed file must not make
	// jisr read or write elsewhere.
	FromConfig
	// FromFlag: the command line named it (or the folder it lives in); it
	// may point anywhere the user chooses.
	FromFlag
)

func (o Origin) String() string {
	switch o {
	case FromConfig:
		return "jisr.toml"
	case FromFlag:
		return "command line"
	}
	return "default"
}

// Names of the layout's paths, the keys of Layout.Origin and Path.Name.
const (
	NameConfig    = "config"
	NameSeeds     = "seeds"
	NameContent   = "content"
	NameOut       = "out"
	NameTemplates = "templates"
	NameStatic    = "static"
	NameGazetteer = "gazetteer"
	NameTerms     = "terms"
	NameManifest  = "manifest"
	NameZip       = "zip"
)

// Files and folders inside the content tree, relative to it.
const (
	// GazetteerFile holds the project's own gazetteer entries.
	GazetteerFile = gazetteer.ProjectFile
	// TermsDir holds one folder per entity with its term pages; the ones
	// a person wrote or reviewed extend the gazetteer.
	TermsDir = gazetteer.TermsDir
	// ManifestFile records what the last build produced, for rebuilds
	// that skip unchanged articles.
	ManifestFile = "_data/manifest.json"
)

// Layout is a resolved project. Paths are the root joined with the
// relative path, or the absolute path as given.
type Layout struct {
	Fs   afero.Fs
	Root string
	// ConfigFile is the config file read, or the default one looked for
	// (which may not exist).
	ConfigFile string
	Config     *config.Config

	Seeds, Content, Out, Templates, Static string
	// Gazetteer is the project gazetteer file (Content/GazetteerFile),
	// Terms the entity term pages folder (Content/TermsDir), Manifest the
	// build manifest (Content/ManifestFile).
	Gazetteer, Terms, Manifest string
	// Zip is the zip file to write, "" when none was asked for.
	Zip string

	// Origin says, for each name above (NameSeeds…), where its path came
	// from. Derived paths (gazetteer, terms, manifest) share the content
	// folder's origin.
	Origin map[string]Origin
}

// Path is one resolved path of a layout.
type Path struct {
	Name string // NameSeeds, NameContent…
	Path string
	From Origin
}

// Paths lists every path of the layout in a fixed order (Zip only when
// set), for checks that apply to all of them.
func (l *Layout) Paths() []Path {
	ps := []Path{
		{NameConfig, l.ConfigFile, l.Origin[NameConfig]},
		{NameSeeds, l.Seeds, l.Origin[NameSeeds]},
		{NameContent, l.Content, l.Origin[NameContent]},
		{NameOut, l.Out, l.Origin[NameOut]},
		{NameTemplates, l.Templates, l.Origin[NameTemplates]},
		{NameStatic, l.Static, l.Origin[NameStatic]},
		{NameGazetteer, l.Gazetteer, l.Origin[NameGazetteer]},
		{NameTerms, l.Terms, l.Origin[NameTerms]},
		{NameManifest, l.Manifest, l.Origin[NameManifest]},
	}
	if l.Zip != "" {
		ps = append(ps, Path{NameZip, l.Zip, l.Origin[NameZip]})
	}
	return ps
}

// Abs returns p relative to the project root (p itself when absolute or
// empty): the rule for every path the user gives.
func (l *Layout) Abs(p string) string { return join(l.Root, p) }

func join(root, p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(root, p)
}

// ConfigError is a jisr.toml that cannot be read or is invalid. It wraps
// the cause; File names the file.
type ConfigError struct {
	File string
	Err  error
}

func (e *ConfigError) Error() string { return e.Err.Error() }
func (e *ConfigError) Unwrap() error { return e.Err }

// Resolve loads the configuration and resolves every path of the project.
// A config file given with --config must exist; the default one is
// optional. The only error is a *ConfigError.
func Resolve(f Flags) (*Layout, error) {
	if f.Fs == nil {
		f.Fs = afero.NewOsFs()
	}
	if f.Root == "" {
		f.Root = "."
	}
	l := &Layout{Fs: f.Fs, Root: filepath.Clean(f.Root), Origin: map[string]Origin{}}
	l.ConfigFile, l.Origin[NameConfig] = filepath.Join(l.Root, config.FileName), FromDefault
	required := false
	if f.Config != "" {
		l.ConfigFile, l.Origin[NameConfig], required = l.Abs(f.Config), FromFlag, true
	}
	cfg, err := config.Load(f.Fs, l.ConfigFile, required)
	if err != nil {
		return nil, &ConfigError{File: l.ConfigFile, Err: err}
	}
	l.Config = cfg
	def := config.Default().Paths
	pick := func(name, flag, conf, dflt string) string {
		switch {
		case flag != "":
			l.Origin[name] = FromFlag
			return l.Abs(flag)
		case conf != dflt: // the same path as the default is no risk
			l.Origin[name] = FromConfig
		default:
			l.Origin[name] = FromDefault
		}
		return l.Abs(conf)
	}
	l.Seeds = pick(NameSeeds, f.Seeds, cfg.Paths.Seeds, def.Seeds)
	l.Content = pick(NameContent, f.Content, cfg.Paths.Content, def.Content)
	l.Out = pick(NameOut, f.Out, cfg.Paths.Out, def.Out)
	l.Templates = pick(NameTemplates, "", cfg.Paths.Templates, def.Templates)
	l.Static = pick(NameStatic, "", cfg.Paths.Static, def.Static)
	l.Gazetteer = filepath.Join(l.Content, filepath.FromSlash(GazetteerFile))
	l.Terms = filepath.Join(l.Content, filepath.FromSlash(TermsDir))
	l.Manifest = filepath.Join(l.Content, filepath.FromSlash(ManifestFile))
	for _, name := range []string{NameGazetteer, NameTerms, NameManifest} {
		l.Origin[name] = l.Origin[NameContent]
	}
	if f.Zip != "" {
		l.Zip, l.Origin[NameZip] = l.Abs(f.Zip), FromFlag
	}
	return l, nil
}

// IsConfigError reports whether err (or an error it wraps) is a
// *ConfigError.
func IsConfigError(err error) bool {
	var ce *ConfigError
	return errors.As(err, &ce)
}

// String describes the layout, one path a line, for -v style output and
// test failures.
func (l *Layout) String() string {
	s := fmt.Sprintf("root %s\n", l.Root)
	for _, p := range l.Paths() {
		s += fmt.Sprintf("%s %s (%s)\n", p.Name, p.Path, p.From)
	}
	return s
}
