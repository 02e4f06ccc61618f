package source

import (
	"io/fs"
	"path/filepath"
)

type iofsInfo = fs.FileInfo

var skipDir = filepath.SkipDir
