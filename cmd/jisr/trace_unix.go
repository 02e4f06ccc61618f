//go:build unix

package main

import (
	"runtime"
	"syscall"
	"time"
)

// procUsage is the CPU time and peak RSS (bytes) of the process, from getrusage.
func procUsage() (time.Duration, int64, bool) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, 0, false
	}
	rss := int64(ru.Maxrss) << 10 // KB on Linux and the BSDs
	if runtime.GOOS == "darwin" {
		rss = int64(ru.Maxrss) // bytes on macOS
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), rss, true
}
