package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// run executes the jisr command tree with args and returns its output and
// exit code, as main would report them.
func run(t *testing.T, args ...string) (string, int) {
	t.Helper()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&out)
	registerCheckFlags()
	root.SetArgs(args)
	defer resetFlags(root)
	err := root.Execute()
	code := 0
	if err != nil {
		code = 2
		var ee *exitError
		if errors.As(err, &ee) {
			code = ee.code
		}
		out.WriteString(err.Error())
	}
	return out.String(), code
}

// resetFlags puts every flag back to its default, since cobra keeps flag
// values (even --help) between executions of the same command tree.
func resetFlags(c *cobra.Command) {
	reset := func(f *pflag.Flag) {
		f.Value.Set(f.DefValue)
		f.Changed = false
	}
	c.Flags().VisitAll(reset)
	c.PersistentFlags().VisitAll(reset)
	for _, sub := range c.Commands() {
		resetFlags(sub)
	}
}

func TestVersionAndHelp(t *testing.T) {
	if out, code := run(t, "version"); code != 0 || !strings.HasPrefix(out, "jisr ") {
		t.Errorf("version: %q %d", out, code)
	}
	if out, code := run(t, "build", "--help"); code != 0 || !strings.Contains(out, "--base-url") || !strings.Contains(out, "--engine-url") {
		t.Errorf("build --help: %q %d", out, code)
	}
}

func TestBuildExitCodes(t *testing.T) {
	empty := t.TempDir()
	if out, code := run(t, "build", "--root", empty); code != 2 || !strings.Contains(out, "nothing to build") {
		t.Errorf("empty project: exit %d, output %q", code, out)
	}

	dir := seedProject(t)
	os.WriteFile(filepath.Join(dir, "seeds", "bad.txt"), []byte{0, 1, 2, 3}, 0o644)
	out, code := run(t, "build", "--root", dir)
	if code != 3 {
		t.Errorf("one bad seed: exit %d, want 3; output:\n%s", code, out)
	}
	if !strings.Contains(out, "bad.txt: binary") || !strings.Contains(out, "built 1 articles") {
		t.Errorf("summary does not name the bad file or the build:\n%s", out)
	}
	for _, f := range []string{"public/index.html", "public/en/index.html", "public/articles/seed/index.html", "content/articles/seed/segments.yaml"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("missing %s", f)
		}
	}
	if _, code := run(t, "build", "--root", dir, "--engine", "nope"); code != 2 {
		t.Errorf("unknown engine: exit %d, want 2", code)
	}
}
