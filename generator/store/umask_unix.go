//go:build unix

package store

import (
	"io/fs"
	"syscall"
)

// umask is the process's file mode creation mask, read once at start-up
// (syscall.Umask can only read it by setting it, so it is read before any
// goroutine creates files).
var umask = func() fs.FileMode {
	m := syscall.Umask(0)
	syscall.Umask(m)
	return fs.FileMode(m)
}()
