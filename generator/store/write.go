package store

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/safepath"
)

// File modes of what jisr writes: ordinary files and folders, readable by
// a web server that runs as another user. The process umask still applies
// (umask 077 gives 0600 and 0700), as for any program.
const (
	FileMode fs.FileMode = 0o644
	DirMode  fs.FileMode = 0o755
)

// Writer writes the files of a content tree under Dir of Fs: one method per
// kind of file, each the only writer of its format. A file is written only
// when its bytes change (the tree stays diff-friendly), atomically, with
// FileMode in folders of DirMode. Written counts the files changed.
type Writer struct {
	Fs      afero.Fs
	Dir     string
	Written int
}

// write puts data at rel (a slash path under Dir) unless it is already
// there.
func (w *Writer) write(rel string, data []byte) error {
	name, err := safepath.Join(w.Dir, rel) // IDs come from data: never leave Dir
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	if old, err := afero.ReadFile(w.Fs, name); err == nil && bytes.Equal(old, data) {
		return fixMode(w.Fs, name)
	}
	w.Written++
	return WriteFileAtomic(w.Fs, name, data)
}

// fixMode gives an unchanged file the ordinary mode, for trees that older
// versions of jisr wrote 0600.
func fixMode(fsys afero.Fs, name string) error {
	fi, err := fsys.Stat(name)
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if want := FileMode &^ umask; fi.Mode().Perm() != want {
		if err := fsys.Chmod(name, want); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
	}
	return nil
}

// WriteFileAtomic writes data to a temporary file beside name, renames it
// into place and gives it FileMode (less the umask), creating missing
// folders with DirMode. A crash leaves either the old file or the new one,
// never half of one; a failed write removes the temporary file.
func WriteFileAtomic(fsys afero.Fs, name string, data []byte) error {
	dir := path.Dir(name)
	if err := fsys.MkdirAll(dir, DirMode); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	tmp, tmpName, err := createTemp(fsys, dir, path.Base(name))
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		fsys.Remove(tmpName)
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := tmp.Close(); err != nil {
		fsys.Remove(tmpName)
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := fsys.Rename(tmpName, name); err != nil {
		fsys.Remove(tmpName)
		return fmt.Errorf("write %s: %w", name, err)
	}
	// The temporary file was created with FileMode, which the OS reduces
	// by the umask; chmod states it for filesystems that ignore the
	// creation mode.
	if err := fsys.Chmod(name, FileMode&^umask); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// createTemp creates a new file ".tmp-<base>-<random>" in dir with
// FileMode. afero.TempFile would create it 0600, and a rename keeps that.
func createTemp(fsys afero.Fs, dir, base string) (afero.File, string, error) {
	for range 100 {
		var b [6]byte
		if _, err := rand.Read(b[:]); err != nil {
			return nil, "", err
		}
		name := path.Join(dir, ".tmp-"+base+"-"+hex.EncodeToString(b[:]))
		f, err := fsys.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, FileMode)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, name, err
	}
	return nil, "", errors.New("no free temporary file name")
}
