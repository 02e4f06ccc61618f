//go:build !linux

package publish

import "errors"

// exchange is not available outside Linux; Install falls back to two
// renames (see Install).
func exchange(a, b string) error { return errors.ErrUnsupported }
