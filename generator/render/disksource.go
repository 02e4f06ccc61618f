package render

import (
	"fmt"
	iofs "io/fs"
	"os"
	"sort"

	"github.com/spf13/afero"
)

// SourceDirEnv names the environment variable that says where the Hugo
// source of the largest runs is kept while Hugo reads it (diskSource): a
// folder of temporary files, the system's (os.TempDir) when unset.
const SourceDirEnv = "JISR_RENDER_TMP"

// diskSource moves a Hugo run's source from mem, an in-memory filesystem,
// to a new temporary folder on disk, and returns that folder as a
// filesystem with the same paths, and a function that removes it. mem is
// emptied as its files are written out.
//
// Why: the lists run's source (every article page's front matter and the
// teaser, items and charts fragments of every list) is about 30 KB per
// article, 150 MB at 5,000 articles, all of it live on the Go heap for the
// whole run, which is the build's peak; on disk it costs the page cache,
// not the heap, and Hugo reads each file when it needs it. The files are
// named, and hold bytes, exactly as in mem, and Hugo sorts what it lists,
// so the site is the same (TestShardsGiveTheSameSite).
func diskSource(mem afero.Fs) (afero.Fs, func(), error) {
	dir, err := os.MkdirTemp(os.Getenv(SourceDirEnv), "jisr-hugo-")
	if err != nil {
		return nil, nil, fmt.Errorf("render: a folder for Hugo's source: %w", err)
	}
	done := func() { os.RemoveAll(dir) }
	disk := afero.NewBasePathFs(afero.NewOsFs(), dir)
	var files []string
	err = afero.Walk(mem, "/", func(name string, info iofs.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			files = append(files, name)
		}
		return err
	})
	sort.Strings(files)
	for _, name := range files {
		if err != nil {
			break
		}
		var data []byte
		if data, err = afero.ReadFile(mem, name); err == nil {
			if err = writeFile(disk, name, data); err == nil {
				err = mem.Remove(name) // its bytes may go now
			}
		}
	}
	if err != nil {
		done()
		return nil, nil, fmt.Errorf("render: Hugo's source to %s: %w", dir, err)
	}
	return disk, done, nil
}
