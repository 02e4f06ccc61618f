package render

import (
	"fmt"
	iofs "io/fs"
	"os"
	"runtime/debug"
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

// listsGCPercent is the garbage collector's GOGC during the lists run,
// when the environment sets none (Go's default is 100).
//
// Why: the lists run holds Hugo's state for every page of the site at
// once, the build's largest live heap (about 0.8 GB at 5,000 articles),
// and at GOGC=100 the heap grows to twice that before each collection, so
// the peak RSS was about 2.1 times the live heap. At 50 the heap grows by
// half the live heap instead; the collector runs about twice as often in
// that one run (ARCHITECTURE.md, "Where the time goes", gives the CPU it
// costs). Unlike a memory limit (GOMEMLIMIT), it stays proportional, so a
// site whose live heap is near any fixed limit does not collect without
// pause. A user's GOGC wins.
const listsGCPercent = 50

// lowerGC sets GOGC to listsGCPercent unless the environment sets GOGC,
// and returns the function that puts the previous value back.
func lowerGC() func() {
	if _, set := os.LookupEnv("GOGC"); set {
		return func() {}
	}
	old := debug.SetGCPercent(listsGCPercent)
	return func() { debug.SetGCPercent(old) }
}
