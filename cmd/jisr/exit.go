package main

import (
	"errors"
	"fmt"

	"github.com/jisr-news/jisr/generator/build"
)

// Exit codes of jisr commands (README, "Exit codes").
const (
	ExitOK      = 0 // done
	ExitFailed  = 1 // the command failed; public/ is unchanged
	ExitUsage   = 2 // bad flags or configuration, or nothing to build
	ExitSkipped = 3 // done, but some inputs were skipped (or, for review import, were conflicts)
)

// UsageError is a problem with the command line, the configuration or the
// project layout. It wraps the cause, so errors.Is and errors.As see
// through it.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// exitCode maps a command's summary and error to the documented exit
// code: the library's setup errors (build.IsSetup) are usage errors; a
// build that skipped inputs it must not tolerate (Summary.Failing, which
// --strict widens to every skip) exits 3.
func exitCode(s *build.Summary, err error) int {
	var ue *UsageError
	switch {
	case errors.As(err, &ue) || build.IsSetup(err):
		return ExitUsage
	case err != nil:
		return ExitFailed
	case len(s.Failing()) > 0:
		return ExitSkipped
	}
	return ExitOK
}

// exitError carries an exit code out of a command; it wraps the error.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// exitWith returns nil for ExitOK, else an error that makes main exit
// with code.
func exitWith(code int, err error) error {
	if code == ExitOK {
		return nil
	}
	return &exitError{code, err}
}

// fail ends a command on err with the code exitCode gives it.
func fail(err error) error { return exitWith(exitCode(nil, err), err) }

// usage ends a command with a usage error.
func usage(err error) error { return exitWith(ExitUsage, &UsageError{err}) }
