package source

import (
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"net/url"
	"path"
	"path/filepath"
	"strings"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/generator/safepath"
)

// images reads the image and images fields of front matter and records:
// each entry a string (the source) or a table {src or url, alt, caption}.
// The image field comes first. A source must be an http(s) URL, a site
// path starting with "/" and without ".." (served from static/), or a
// relative path (a file beside the seed, resolved by localImages); anything
// else (javascript:, data:, a site path out of the site) is an error that
// names the entry.
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
		// Alt and caption are one-line text fields: the rule of the title.
		img.Alt, img.Caption = metaLine(img.Alt), metaLine(img.Caption)
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
	case !strings.HasPrefix(src, "/"):
		// a file beside the seed: localImages checks it
	case strings.Contains("/"+u.Path+"/", "/../") || strings.Contains(u.Path, "\\"):
		return fmt.Errorf("path leaves the site")
	}
	return nil
}

// MaxImageBytes is the largest picture beside a seed that the build
// copies into the site: 20 MiB, room for a full-size press photo. A
// larger one is refused with a warning; put it on a server and give its
// URL instead.
const MaxImageBytes = 20 << 20

// maxImageBytes is MaxImageBytes; tests lower it.
var maxImageBytes int64 = MaxImageBytes

// ImageExtensions are the kinds of picture copied from beside a seed
// (case-insensitive). SVG is not among them: it can hold scripts, which
// would run on the site's own origin when the file is opened.
var ImageExtensions = []string{".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"}

// ImageDir is the folder of the published site that holds the pictures
// copied from beside the seeds: ImageDir/<article ID>/<name>.
const ImageDir = "images"

// localImages resolves the pictures of a (read from the seed file seed in
// the seeds folder root) that name a relative path: against the seed's
// folder. One that leads out of root, passes through a symbolic link, is
// not a regular file, is too large or of another kind is dropped, with a
// warning in a.Warnings naming the entry and the reason; the others get
// File (the path to copy) and Src (ImageDir/<ID>/<name>, as a site path).
// Names are the file's stem slugified, with its extension in lower case,
// numbered when two pictures of the article would share one.
func localImages(fs afero.Fs, root, seed string, a *article.Article) {
	kept := a.Images[:0]
	used := map[string]bool{}
	for i, img := range a.Images {
		if !isLocal(img.Src) {
			kept = append(kept, img)
			continue
		}
		file, err := checkLocalImage(fs, root, seed, img.Src)
		if err != nil {
			a.Warnings = append(a.Warnings, fmt.Sprintf("image %d (field image/images) %q refused: %v; the article is built without it", i+1, img.Src, err))
			continue
		}
		ext := strings.ToLower(path.Ext(file))
		stem := Slugify(strings.TrimSuffix(path.Base(file), path.Ext(file)))
		if stem == "" {
			stem = "image"
		}
		name := stem + ext
		for n := 2; used[name]; n++ {
			name = fmt.Sprintf("%s-%d%s", stem, n, ext)
		}
		used[name] = true
		img.File, img.Src = file, "/"+ImageDir+"/"+a.ID+"/"+name
		kept = append(kept, img)
	}
	a.Images = kept
}

// isLocal reports whether an image source (checked by checkImageSrc)
// names a file beside the seed: a path without scheme, host or leading
// slash.
func isLocal(src string) bool {
	u, err := url.Parse(src)
	return err == nil && u.Scheme == "" && u.Host == "" && !strings.HasPrefix(src, "/")
}

// checkLocalImage returns the path of the picture rel names beside seed,
// or why it is refused.
func checkLocalImage(fs afero.Fs, root, seed, rel string) (string, error) {
	if strings.Contains(rel, `\`) {
		return "", fmt.Errorf("it contains a backslash (use /)")
	}
	u, _ := url.Parse(rel) // checkImageSrc parsed it; a query or fragment is not part of a file name
	if u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("a file name has no query or fragment")
	}
	root = path.Clean(filepath.ToSlash(root))
	seedDir := path.Dir(filepath.ToSlash(seed))
	inRoot := strings.TrimPrefix(strings.TrimPrefix(seedDir, root), "/")
	inRoot = path.Join(inRoot, u.Path)
	file, err := safepath.Join(root, inRoot)
	if err != nil || inRoot == "." {
		return "", fmt.Errorf("it leads out of the seeds folder %s", path.Base(root))
	}
	ok := false
	for _, ext := range ImageExtensions {
		ok = ok || strings.EqualFold(path.Ext(file), ext)
	}
	if !ok {
		return "", fmt.Errorf("not a picture jisr copies (%s)", strings.Join(ImageExtensions, ", "))
	}
	// No element of the path may be a symbolic link: the seeds folder's
	// links are checked where they lead, but a picture is copied, so it
	// must be the file itself.
	cur := root
	for _, el := range strings.Split(inRoot, "/") {
		cur = path.Join(cur, el)
		st, err := lstat(fs, cur)
		if err != nil {
			if errors.Is(err, iofs.ErrNotExist) {
				return "", fmt.Errorf("no such file %s", shown(root, cur))
			}
			return "", fmt.Errorf("unreadable: %w", err)
		}
		if st.Mode()&iofs.ModeSymlink != 0 {
			return "", fmt.Errorf("%s is a symbolic link (put the file itself there)", shown(root, cur))
		}
		if cur == file {
			if !st.Mode().IsRegular() {
				return "", fmt.Errorf("%s is not a regular file", shown(root, cur))
			}
			if st.Size() > maxImageBytes {
				return "", fmt.Errorf("%w: %d bytes, over the limit of %d", ErrTooLarge, st.Size(), maxImageBytes)
			}
		}
	}
	return file, nil
}

// shown is how a message names p, a path in the seeds folder root: from
// the folder's own name (seeds/photos/a.jpg), as the build names the seed
// files, never the publisher's absolute path.
func shown(root, p string) string {
	return path.Join(path.Base(root), strings.TrimPrefix(strings.TrimPrefix(p, root), "/"))
}

// lstat is fs.Lstat where fs can tell links apart, else Stat.
func lstat(fs afero.Fs, p string) (iofs.FileInfo, error) {
	if l, ok := fs.(afero.Lstater); ok {
		st, _, err := l.LstatIfPossible(p)
		return st, err
	}
	return fs.Stat(p)
}

// ReadImage reads the picture at file (an Image.File that localImages
// checked), checking again that it is a regular file, not a link, and at
// most MaxImageBytes: it may have changed since.
func ReadImage(fs afero.Fs, file string) ([]byte, error) {
	st, err := lstat(fs, file)
	if err != nil {
		return nil, fmt.Errorf("image %s: %w", file, err)
	}
	if !st.Mode().IsRegular() || st.Size() > maxImageBytes {
		return nil, fmt.Errorf("image %s: not a regular file of at most %d bytes", file, maxImageBytes)
	}
	f, err := fs.Open(file)
	if err != nil {
		return nil, fmt.Errorf("image %s: %w", file, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxImageBytes+1))
	if err != nil {
		return nil, fmt.Errorf("image %s: %w", file, err)
	}
	if int64(len(data)) > maxImageBytes {
		return nil, fmt.Errorf("image %s: %w: over the limit of %d bytes", file, ErrTooLarge, maxImageBytes)
	}
	return data, nil
}
