package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/safepath"
)

// Marker is the file that jisr writes into every site it builds. The build
// replaces an output folder only when it holds this file, is empty, or
// does not exist: a folder that jisr did not make is never deleted.
const Marker = ".jisr-site"

// markerText is the marker's content, for a person who finds it.
const markerText = "This folder was made by jisr build, which replaces it on every build.\n" +
	"Remove this file and jisr will refuse to replace the folder.\n"

// ProjectFolders are the folders of a project that an output folder may
// never be or hold, wherever it is.
var ProjectFolders = []string{"content", "seeds", "static", "templates"}

// OutDir is an output folder to check with CheckOut.
type OutDir struct {
	Root string // the project folder
	Dir  string // the output folder (absolute, or relative to the working directory)
	// FromCommandLine says the path was given on the command line, the
	// only place jisr trusts to point outside the project; a path from
	// jisr.toml must stay inside it.
	FromCommandLine bool
	// Keep lists the project's own folders (content, seeds, static,
	// templates, wherever the configuration puts them), which the output
	// folder may neither be nor hold.
	Keep []string
}

// OutError says why an output folder was refused.
type OutError struct {
	Dir    string
	Reason string
}

func (e *OutError) Error() string {
	return fmt.Sprintf("output folder %s refused: %s", e.Dir, e.Reason)
}

// CheckOut returns an *OutError when the build must not replace o.Dir:
// when it is the project folder or one of its ancestors; when it is or
// holds one of o.Keep (or is inside one) or a folder named content, seeds, static or
// templates; when it came from jisr.toml and leads outside the project;
// when it is a file; or when it exists, is not empty and holds no Marker.
// Links are resolved before paths are compared.
func CheckOut(fs afero.Fs, o OutDir) error {
	refuse := func(format string, a ...any) error {
		return &OutError{Dir: o.Dir, Reason: fmt.Sprintf(format, a...)}
	}
	root, err := safepath.Resolve(fs, o.Root)
	if err != nil {
		return fmt.Errorf("output folder: %w", err)
	}
	dir, err := safepath.Resolve(fs, o.Dir)
	if err != nil {
		return fmt.Errorf("output folder: %w", err)
	}
	if safepath.Within(dir, root) {
		return refuse("it is the project folder %s or one of its parents, which jisr would delete", o.Root)
	}
	if !o.FromCommandLine && !safepath.Within(root, dir) {
		return refuse("the path comes from jisr.toml and leads outside the project %s (only a path given on the command line may)", o.Root)
	}
	for _, k := range o.Keep {
		if k == "" {
			continue
		}
		kr, err := safepath.Resolve(fs, k)
		if err != nil {
			return fmt.Errorf("output folder: %w", err)
		}
		if safepath.Within(dir, kr) {
			return refuse("it is or holds the project folder %s, which the build would delete", k)
		}
		if safepath.Within(kr, dir) {
			return refuse("it is inside the project folder %s, which the build reads", k)
		}
	}
	info, err := fs.Stat(o.Dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("output folder: %w", err)
	}
	if !info.IsDir() {
		return refuse("it is a file, not a folder")
	}
	for _, name := range ProjectFolders {
		if ok, _ := afero.DirExists(fs, filepath.Join(o.Dir, name)); ok {
			return refuse("it holds a %s/ folder, so it looks like a project, not a built site", name)
		}
	}
	entries, err := afero.ReadDir(fs, o.Dir)
	if err != nil {
		return fmt.Errorf("output folder: %w", err)
	}
	if len(entries) == 0 {
		return nil
	}
	if ok, _ := afero.Exists(fs, filepath.Join(o.Dir, Marker)); ok {
		return nil
	}
	return refuse("it is not empty and was not made by jisr (it has no %s file); empty or remove it, or choose another folder", Marker)
}

// TempDir makes the folder that a new site is rendered into, beside the
// output folder dir, after removing what killed builds left there (see
// IsLeftover). The caller removes it when the build fails.
func TempDir(fs afero.Fs, dir string) (string, error) {
	parent := filepath.Dir(dir)
	if err := fs.MkdirAll(parent, 0o755); err != nil {
		return "", fmt.Errorf("output folder: %w", err)
	}
	if err := RemoveLeftovers(fs, dir); err != nil {
		return "", err
	}
	tmp, err := afero.TempDir(fs, parent, tempPrefix(dir))
	if err != nil {
		return "", fmt.Errorf("output folder: %w", err)
	}
	if err := fs.Chmod(tmp, 0o755); err != nil { // TempDir makes it 0700
		return "", fmt.Errorf("output folder: %w", err)
	}
	return tmp, nil
}

func tempPrefix(dir string) string { return "." + filepath.Base(dir) + ".tmp-" }

// IsLeftover reports whether name, an entry beside the output folder dir,
// is a render folder of a build that was killed: ".<out>.tmp-<digits>",
// or the same with ".old" (the old site moved aside by the fallback swap).
func IsLeftover(dir, name string) bool {
	rest, ok := strings.CutPrefix(name, tempPrefix(dir))
	if !ok {
		return false
	}
	rest = strings.TrimSuffix(rest, ".old")
	if rest == "" {
		return false
	}
	for _, r := range rest {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// RemoveLeftovers removes the render folders that killed builds left
// beside the output folder dir (see IsLeftover). Two builds of one project
// must not run at once.
func RemoveLeftovers(fs afero.Fs, dir string) error {
	entries, err := afero.ReadDir(fs, filepath.Dir(dir))
	if err != nil {
		return fmt.Errorf("output folder: %w", err)
	}
	for _, e := range entries {
		if e.IsDir() && IsLeftover(dir, e.Name()) {
			if err := fs.RemoveAll(filepath.Join(filepath.Dir(dir), e.Name())); err != nil {
				return fmt.Errorf("remove the leftover of a killed build: %w", err)
			}
		}
	}
	return nil
}

// Install puts the site rendered in tmp (made by TempDir) in the place of
// the output folder dir and removes the old site. It writes the Marker
// into tmp first and checks again that dir is one jisr may replace.
//
// On Linux, with the OS filesystem, the two folders are exchanged in one
// atomic step (renameat2 with RENAME_EXCHANGE), so there is no moment
// without a site. Elsewhere (other systems, filesystems without the
// exchange, in-memory filesystems) the old folder is renamed aside and the
// new one renamed in: a kill between the two renames leaves no dir, but
// the old site is still beside it as ".<out>.tmp-<n>.old" (removed by the
// next build).
func Install(fs afero.Fs, tmp, dir string) error {
	if err := afero.WriteFile(fs, filepath.Join(tmp, Marker), []byte(markerText), 0o644); err != nil {
		return fmt.Errorf("install %s: %w", dir, err)
	}
	info, err := fs.Stat(dir)
	if errors.Is(err, os.ErrNotExist) {
		if err := fs.Rename(tmp, dir); err != nil {
			return fmt.Errorf("install %s: %w", dir, err)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("install %s: %w", dir, err)
	}
	if !info.IsDir() {
		return &OutError{Dir: dir, Reason: "it is a file, not a folder"}
	}
	if ok, _ := afero.Exists(fs, filepath.Join(dir, Marker)); !ok {
		if empty, _ := afero.IsEmpty(fs, dir); !empty {
			return &OutError{Dir: dir, Reason: fmt.Sprintf("it is not empty and was not made by jisr (it has no %s file)", Marker)}
		}
	}
	if _, ok := fs.(*afero.OsFs); ok {
		if err := exchange(tmp, dir); err == nil {
			return fs.RemoveAll(tmp) // now the old site
		}
	}
	old := tmp + ".old"
	if err := fs.Rename(dir, old); err != nil {
		return fmt.Errorf("install %s: %w", dir, err)
	}
	if err := fs.Rename(tmp, dir); err != nil {
		fs.Rename(old, dir)
		return fmt.Errorf("install %s: %w", dir, err)
	}
	return fs.RemoveAll(old)
}
