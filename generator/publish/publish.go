// Package publish holds the steps that follow the render: the files GitHub
// Pages needs (.nojekyll, CNAME) and the zip of an offline site.
//
// In: a built site folder on an afero filesystem and the project's
// settings. Out: the extra files written into the folder, or a zip archive
// written to an io.Writer that unpacks on any OS.
package publish

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/spf13/afero"
)

// Pages writes the files GitHub Pages reads into the site folder dir:
// an empty .nojekyll, so that Pages serves the files as they are (no
// Jekyll run, which would drop files and folders starting with "_"), and,
// when cname is set, a CNAME file naming the custom domain.
func Pages(fs afero.Fs, dir, cname string) error {
	if err := afero.WriteFile(fs, filepath.Join(dir, ".nojekyll"), nil, 0o644); err != nil {
		return fmt.Errorf("publish: .nojekyll: %w", err)
	}
	if cname == "" {
		return nil
	}
	host, err := CheckCNAME(cname)
	if err != nil {
		return err
	}
	if err := afero.WriteFile(fs, filepath.Join(dir, "CNAME"), []byte(host+"\n"), 0o644); err != nil {
		return fmt.Errorf("publish: CNAME: %w", err)
	}
	return nil
}

var hostname = regexp.MustCompile(`^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$`)

// CheckCNAME returns the custom domain of the cname setting in the form
// GitHub Pages expects: a bare host name, lower case. A URL with a scheme
// or path is refused, since Pages would ignore the file.
func CheckCNAME(cname string) (string, error) {
	h := strings.ToLower(strings.TrimSpace(cname))
	h = strings.TrimSuffix(h, ".")
	if !hostname.MatchString(h) {
		return "", fmt.Errorf("publish: cname %q is not a host name (expected e.g. news.example.org, without https:// or a path)", cname)
	}
	return h, nil
}

// ZipOptions configure Zip.
type ZipOptions struct {
	// Prefix is the folder the files are put in inside the archive, e.g.
	// "jisr-site"; empty puts them at the top.
	Prefix string
	// Modified is the time stamped on every entry. Zero means 1 January
	// 1980 (the first date zip can store), so the same site always gives
	// the same bytes.
	Modified time.Time
}

// ZipResult says what Zip wrote.
type ZipResult struct {
	Files int   // files in the archive
	Bytes int64 // uncompressed size
}

// Zip writes the site folder dir to w as a zip archive that unpacks and
// browses on any OS. Every path is checked first: it must be ASCII and
// valid on Windows (no reserved names or characters, no trailing dot or
// space, not too long), and no two paths may differ only in case; if any
// is not, nothing is written and the error lists them. Entries are sorted
// and stamped with a fixed time.
func Zip(fs afero.Fs, dir string, w io.Writer, o ZipOptions) (*ZipResult, error) {
	var files []string
	err := afero.Walk(fs, dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if !info.IsDir() {
			rel, err := filepath.Rel(dir, p)
			if err != nil {
				return err
			}
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("zip %s: %w", dir, err)
	}
	sort.Strings(files)
	prefix := strings.Trim(o.Prefix, "/")
	var bad []string
	seen := map[string]string{}
	for _, f := range files {
		name := path.Join(prefix, f)
		if reason := PortablePath(name); reason != "" {
			bad = append(bad, fmt.Sprintf("%s: %s", f, reason))
		}
		if other, ok := seen[strings.ToLower(name)]; ok {
			bad = append(bad, fmt.Sprintf("%s: same name as %s on a case-insensitive disk (Windows, macOS)", f, other))
		}
		seen[strings.ToLower(name)] = f
	}
	if len(bad) > 0 {
		return nil, fmt.Errorf("zip %s: %d paths would not unpack on every OS:\n  %s", dir, len(bad), strings.Join(bad, "\n  "))
	}
	mod := o.Modified
	if mod.IsZero() {
		mod = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	zw := zip.NewWriter(w)
	res := &ZipResult{}
	dirs := map[string]bool{}
	for _, f := range files {
		name := path.Join(prefix, f)
		// Folder entries first, so that every unzip tool creates them with
		// ordinary permissions.
		for d := path.Dir(name); d != "." && !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	var dirList []string
	for d := range dirs {
		dirList = append(dirList, d)
	}
	sort.Strings(dirList)
	for _, d := range dirList {
		h := &zip.FileHeader{Name: d + "/", Method: zip.Store, Modified: mod}
		h.SetMode(os.ModeDir | 0o755)
		if _, err := zw.CreateHeader(h); err != nil {
			return nil, fmt.Errorf("zip: %w", err)
		}
	}
	for _, f := range files {
		data, err := afero.ReadFile(fs, filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil {
			return nil, fmt.Errorf("zip: %w", err)
		}
		method := zip.Deflate
		switch strings.ToLower(path.Ext(f)) {
		case ".woff2", ".woff", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".zip", ".gz":
			method = zip.Store // already compressed
		}
		h := &zip.FileHeader{Name: path.Join(prefix, f), Method: method, Modified: mod}
		h.SetMode(0o644)
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return nil, fmt.Errorf("zip: %w", err)
		}
		if _, err := fw.Write(data); err != nil {
			return nil, fmt.Errorf("zip: %w", err)
		}
		res.Files++
		res.Bytes += int64(len(data))
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("zip: %w", err)
	}
	return res, nil
}

// WriteZip writes the site folder dir to the file zipFile on fs, through a
// temporary file renamed into place, so a failed zip leaves no partial
// archive. The archive's top folder is the file's name without ".zip".
func WriteZip(fs afero.Fs, dir, zipFile string) (*ZipResult, error) {
	if err := fs.MkdirAll(filepath.Dir(zipFile), 0o755); err != nil {
		return nil, fmt.Errorf("zip %s: %w", zipFile, err)
	}
	tmp, err := afero.TempFile(fs, filepath.Dir(zipFile), ".tmp-"+filepath.Base(zipFile))
	if err != nil {
		return nil, fmt.Errorf("zip %s: %w", zipFile, err)
	}
	defer fs.Remove(tmp.Name())
	prefix := strings.TrimSuffix(filepath.Base(zipFile), filepath.Ext(zipFile))
	res, err := Zip(fs, dir, tmp, ZipOptions{Prefix: prefix})
	if cerr := tmp.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("zip %s: %w", zipFile, cerr)
	}
	if err != nil {
		return nil, err
	}
	if err := fs.Rename(tmp.Name(), zipFile); err != nil {
		return nil, fmt.Errorf("zip %s: %w", zipFile, err)
	}
	return res, nil
}

var windowsReserved = regexp.MustCompile(`(?i)^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$`)

// maxPath is the path length Windows handles without long-path support
// (MAX_PATH is 260 including the drive and the final NUL); leave room for
// the folder the user unpacks into.
const maxPath = 200

// PortablePath returns why a slash-separated archive path would not unpack
// on every OS, or "" when it is fine.
func PortablePath(name string) string {
	if len(name) > maxPath {
		return fmt.Sprintf("longer than %d characters", maxPath)
	}
	for _, r := range name {
		if r > 0x7e || r < 0x20 {
			return fmt.Sprintf("non-ASCII character %q (zip tools and Windows may garble it)", r)
		}
		if strings.ContainsRune(`<>:"\|?*`, r) {
			return fmt.Sprintf("character %q is not allowed on Windows", r)
		}
	}
	for _, part := range strings.Split(name, "/") {
		if windowsReserved.MatchString(part) {
			return fmt.Sprintf("%q is a reserved name on Windows", part)
		}
		if strings.HasSuffix(part, ".") || strings.HasSuffix(part, " ") {
			return fmt.Sprintf("%q ends in a dot or space, which Windows drops", part)
		}
	}
	return ""
}
