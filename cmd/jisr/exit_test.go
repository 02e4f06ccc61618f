package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jisr-news/jisr/generator/build"
	"github.com/jisr-news/jisr/generator/project"
)

// TestErrorChain: UsageError and the exit error keep the chain, so
// errors.Is and errors.As see the cause through them.
func TestErrorChain(t *testing.T) {
	cause := fmt.Errorf("read seeds: %w", fs.ErrPermission)
	err := usage(cause)
	var ue *UsageError
	if !errors.Is(err, fs.ErrPermission) || !errors.As(err, &ue) || ue.Err != cause {
		t.Errorf("usage(%v) = %v: the chain is lost", cause, err)
	}
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != ExitUsage {
		t.Errorf("usage error exits %v", err)
	}

	// A --config that does not exist: a usage error naming the file,
	// through which the *project.ConfigError and fs.ErrNotExist show.
	_, err = build.Open(build.Options{Root: t.TempDir(), ConfigFile: "nope.toml"})
	err = fail(err)
	var ce *project.ConfigError
	if !errors.As(err, &ee) || ee.code != ExitUsage || !errors.As(err, &ce) || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing --config: %v, want exit 2 wrapping a ConfigError and ErrNotExist", err)
	}
	if exitCode(nil, fmt.Errorf("render: %w", errors.New("boom"))) != ExitFailed {
		t.Error("a plain failure does not exit 1")
	}
	if exitCode(nil, fmt.Errorf("open: %w", &build.SetupError{Err: build.ErrNothingToBuild})) != ExitUsage {
		t.Error("a wrapped setup error does not exit 2")
	}
}

// TestStrict: a record with no text is reported and skipped, and the
// build exits 0; --strict, or [build] strict = true, makes it exit 3.
func TestStrict(t *testing.T) {
	dir := seedProject(t)
	os.WriteFile(filepath.Join(dir, "seeds", "cartoon.json"), []byte(`{"title": "كاريكاتير اليوم", "body": ""}`), 0o644)
	out, code := run(t, "build", "--root", dir)
	if code != 0 || !strings.Contains(out, "cartoon.json#1: no article text") || !strings.Contains(out, "1 without article text, tolerated") {
		t.Errorf("default: exit %d, want 0 with the skip reported\n%s", code, out)
	}
	if out, code := run(t, "build", "--root", dir, "--strict"); code != ExitSkipped || !strings.Contains(out, "cartoon.json#1: no article text") {
		t.Errorf("--strict: exit %d, want 3\n%s", code, out)
	}
	os.WriteFile(filepath.Join(dir, "jisr.toml"), []byte("[build]\nstrict = true\n"), 0o644)
	if out, code := run(t, "build", "--root", dir); code != ExitSkipped {
		t.Errorf("[build] strict = true: exit %d, want 3\n%s", code, out)
	}
	if out, code := run(t, "build", "--root", dir, "--strict=false"); code != 0 {
		t.Errorf("--strict=false over [build] strict: exit %d, want 0\n%s", code, out)
	}
}

// TestUnknownConfigKey: a misspelt jisr.toml key is a usage error that
// names it, not silence.
func TestUnknownConfigKey(t *testing.T) {
	dir := seedProject(t)
	os.WriteFile(filepath.Join(dir, "jisr.toml"), []byte("[paths]\ncontnet = \"c\"\n"), 0o644)
	for _, args := range [][]string{{"build"}, {"review", "export"}, {"check", "--links"}, {"analyze", "--lines"}} {
		out, code := run(t, append(args, "--root", dir)...)
		if code != ExitUsage || !strings.Contains(out, `line 2: unknown key "paths.contnet"`) {
			t.Errorf("%v with a misspelt key: exit %d\n%s", args, code, out)
		}
	}
}
