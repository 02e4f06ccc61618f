package main

import (
	"bytes"
	"fmt"
	"io"
	"sync"
	"time"
)

// JISR_TRACE=1 starts every line a command logs with the time since it
// started, the CPU it has used and its peak resident memory so far:
//
//	[  12.3s wall   20.1s cpu   450 MB] prepared content in 12.3s; …
//
// so that one run tells what each stage costs (scripts/hostile-load.sh
// reads it). Like JISR_CPUPROFILE, it is for measuring, and changes
// nothing but the log.

// traceWriter writes to w, starting each line with stamp().
type traceWriter struct {
	mu    sync.Mutex
	w     io.Writer
	stamp func() string
	mid   bool // the last write ended inside a line
}

func (t *traceWriter) Write(b []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	var out []byte
	for rest := b; len(rest) > 0; {
		if !t.mid {
			out = append(out, t.stamp()...)
		}
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			out, t.mid = append(out, rest...), true
			break
		}
		out, rest, t.mid = append(out, rest[:i+1]...), rest[i+1:], false
	}
	if _, err := t.w.Write(out); err != nil {
		return 0, err
	}
	return len(b), nil
}

// resourceStamp returns the stamp of JISR_TRACE: wall time since start,
// and where the system tells them, CPU (user and system) and peak
// RSS of the process (procUsage).
func resourceStamp(start time.Time) func() string {
	return func() string {
		wall := time.Since(start).Seconds()
		cpu, rss, ok := procUsage()
		if !ok {
			return fmt.Sprintf("[%7.1fs wall] ", wall)
		}
		return fmt.Sprintf("[%7.1fs wall %7.1fs cpu %6d MB] ", wall, cpu.Seconds(), rss>>20)
	}
}
