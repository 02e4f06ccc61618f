//go:build !unix

package main

import "time"

// procUsage is not measured here: JISR_TRACE stamps the wall time alone.
func procUsage() (time.Duration, int64, bool) { return 0, 0, false }
