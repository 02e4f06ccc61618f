//go:build !unix

package store

// umask is zero where the OS has none (Windows ignores Unix modes).
const umask = 0
