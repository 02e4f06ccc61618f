// Package safepath keeps the paths that jisr makes from data inside the
// folders they belong to.
//
// jisr trusts its command line, and nothing else: article IDs, slugs and
// file names come from seeds, stores, front matter and translators' files,
// and a cloned repository may hold symbolic links. Every such name goes
// through CheckName or Join before it becomes a path, and every project
// folder that jisr reads or writes is checked with CheckLinks first, so
// that "..", an absolute path or a link cannot lead outside.
//
// In: names and paths, an afero filesystem and the folders to check. Out:
// nil, or a *NameError or *LinkError that names the offending name or link
// and says why it was refused.
//
// Why not os.Root: jisr's stages work on afero filesystems (in memory in
// tests and during the render), which os.Root cannot wrap. The checks here
// are the equivalent: names are validated lexically (filepath.IsLocal),
// and links are resolved (filepath.EvalSymlinks on the OS) and compared
// with the folder they sit in.
package safepath

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/spf13/afero"
)

// MaxName is the longest file name most filesystems accept, in bytes.
const MaxName = 255

// NameError is a name made from data that cannot be a file name.
type NameError struct {
	Kind   string // what the name is: "article ID", "file name", …
	Name   string
	Reason string
}

func (e *NameError) Error() string {
	return fmt.Sprintf("%s %q is not a safe file name: %s", e.Kind, e.Name, e.Reason)
}

// CheckName returns nil when name can be used as one element of a path:
// not empty, not "." or "..", without a slash, backslash, drive letter or
// control character, and at most MaxName bytes. kind says what the name
// is, for the message.
func CheckName(kind, name string) error {
	reason := ""
	switch {
	case name == "":
		reason = "it is empty"
	case name == "." || name == "..":
		reason = "it names a folder, not an entry in it"
	case strings.ContainsAny(name, `/\`):
		reason = "it contains a slash"
	case strings.IndexFunc(name, unicode.IsControl) >= 0:
		reason = "it contains a control character"
	case len(name) > MaxName:
		reason = fmt.Sprintf("it is longer than %d bytes", MaxName)
	case filepath.VolumeName(name) != "" || strings.Contains(name, ":") && os.PathSeparator == '\\':
		reason = "it names a drive"
	}
	if reason == "" {
		return nil
	}
	return &NameError{Kind: kind, Name: name, Reason: reason}
}

// Join joins root and rel, a slash-separated path made from data, and
// returns an error when rel is absolute, empty or climbs out of root with
// "..". The result is root joined with the cleaned rel.
func Join(root, rel string) (string, error) {
	if !filepath.IsLocal(filepath.FromSlash(rel)) || strings.Contains(rel, `\`) {
		return "", &NameError{Kind: "path", Name: rel, Reason: "it is not a relative path inside " + root}
	}
	return path.Join(root, rel), nil
}

// LinkError lists the symbolic links in a folder that lead outside it.
type LinkError struct {
	Dir   string
	Links []Link
}

// Link is one refused symbolic link.
type Link struct {
	Path   string // the link
	Target string // where it leads, as far as it could be resolved
}

func (e *LinkError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d symbolic links in %s lead outside it (jisr never follows them; replace each by the file itself):", len(e.Links), e.Dir)
	for _, l := range e.Links {
		fmt.Fprintf(&b, "\n  %s -> %s", l.Path, l.Target)
	}
	return b.String()
}

// CheckLinks walks each folder of dirs on fs and returns a *LinkError for
// the first folder that holds a symbolic link whose target is outside
// that folder (or cannot be resolved). A folder that does not exist is
// skipped. Links that stay inside are allowed.
func CheckLinks(fs afero.Fs, dirs ...string) error {
	for _, dir := range dirs {
		if dir == "" {
			continue
		}
		if _, err := fs.Stat(dir); errors.Is(err, os.ErrNotExist) {
			continue
		}
		real, err := resolve(fs, dir)
		if err != nil {
			return fmt.Errorf("check links in %s: %w", dir, err)
		}
		le := &LinkError{Dir: dir}
		err = afero.Walk(fs, dir, func(p string, info os.FileInfo, err error) error {
			if err != nil {
				return err
			}
			if info.Mode()&os.ModeSymlink == 0 {
				return nil
			}
			target, err := resolve(fs, p)
			if err != nil || !Within(real, target) {
				if target == "" {
					target, _ = readlink(fs, p)
				}
				le.Links = append(le.Links, Link{Path: p, Target: target})
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("check links in %s: %w", dir, err)
		}
		if len(le.Links) > 0 {
			sort.Slice(le.Links, func(i, j int) bool { return le.Links[i].Path < le.Links[j].Path })
			return le
		}
	}
	return nil
}

// Within reports whether p is dir or inside it, comparing cleaned paths.
func Within(dir, p string) bool {
	rel, err := filepath.Rel(filepath.Clean(dir), filepath.Clean(p))
	return err == nil && filepath.IsLocal(rel)
}

// Resolve returns p with every symbolic link resolved, for a path on fs
// that may not exist yet: the longest existing ancestor is resolved and
// the rest appended. On a filesystem without links it is p, absolute.
func Resolve(fs afero.Fs, p string) (string, error) {
	p, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for cur := p; ; cur = filepath.Dir(cur) {
		if _, err := fs.Stat(cur); err == nil {
			r, err := resolve(fs, cur)
			if err != nil {
				return "", err
			}
			return filepath.Join(r, rest), nil
		}
		if filepath.Dir(cur) == cur {
			return p, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
	}
}

// resolve resolves the links of an existing path: through the OS for the
// OS filesystem, else lexically from the link's text.
func resolve(fs afero.Fs, p string) (string, error) {
	if _, ok := fs.(*afero.OsFs); ok {
		r, err := filepath.EvalSymlinks(p)
		if err != nil {
			return "", err
		}
		return filepath.Abs(r)
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	t, err := readlink(fs, p)
	if err != nil || t == "" {
		return abs, nil // not a link
	}
	if !filepath.IsAbs(t) {
		t = filepath.Join(filepath.Dir(abs), t)
	}
	return filepath.Clean(t), nil
}

func readlink(fs afero.Fs, p string) (string, error) {
	if lr, ok := fs.(afero.LinkReader); ok {
		return lr.ReadlinkIfPossible(p)
	}
	return "", nil
}
