package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// kill -9 at the swap of public/: a build is killed as soon as the marker
// file appears in its render folder, which publish.Install writes just
// before it swaps the new site in (and which the old site, swapped out into
// the render folder, carries until it is removed). After each kill public/
// must be a whole site, the old one or the new one, never none or a mix;
// the next build removes what the killed ones left. Builds not killed are
// watched through the swap instead: public/ must never be missing.
func TestKillDuringSwap(t *testing.T) {
	if testing.Short() {
		t.Skip("builds several sites in child processes")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := seedProject(t)
	if out, code := run(t, "build", "--root", dir); code != 0 {
		t.Fatalf("first build: exit %d\n%s", code, out)
	}
	seed, _ := os.ReadFile(filepath.Join(dir, "seeds", "seed.txt"))
	old, nw := 0, 0
	for k := 1; k <= 5; k++ {
		// Each build adds an article, so the new site differs from the old.
		name := fmt.Sprintf("added-%d", k)
		os.WriteFile(filepath.Join(dir, "seeds", name+".txt"), append([]byte(fmt.Sprintf("خبر إضافي رقم %d عن الاجتماع\n", k)), seed...), 0o644)
		cmd := exec.Command(exe, "build", "--root", dir)
		cmd.Env = append(os.Environ(), runMainEnv+"=1")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		// Odd builds are killed at the swap; even ones are watched all
		// along: public/ must never be missing, even for a moment (a kill
		// then would leave no site).
		kill := k%2 == 1
		killed, gap := false, false
	watch:
		for deadline := time.Now().Add(3 * time.Minute); time.Now().Before(deadline); {
			select {
			case <-done:
				break watch // finished (or, watched, past its swap)
			default:
			}
			if !kill {
				if _, err := os.Lstat(filepath.Join(dir, "public")); err != nil {
					gap = true
				}
				continue
			}
			if m, _ := filepath.Glob(filepath.Join(dir, ".public.tmp-*", ".jisr-site")); len(m) > 0 {
				cmd.Process.Signal(syscall.SIGKILL)
				<-done
				killed = true
				break
			}
		}
		if gap {
			t.Errorf("build %d: public/ was missing for a moment during the swap", k)
		}
		if kill && !killed {
			t.Logf("build %d ended before its swap was seen", k)
		}
		for _, f := range []string{".jisr-site", "index.html", "en/index.html", "articles/seed/index.html"} {
			if _, err := os.Stat(filepath.Join(dir, "public", f)); err != nil {
				t.Fatalf("after kill %d public/ is not a whole site: %v", k, err)
			}
		}
		_, err := os.Stat(filepath.Join(dir, "public", "articles", name, "index.html"))
		if err == nil {
			nw++
		} else {
			old++
		}
		if out, code := run(t, "check", "--links", "--root", dir); code != 0 {
			t.Fatalf("after kill %d public/ is not whole (links): exit %d\n%s", k, code, out)
		}
	}
	t.Logf("after the kills public/ held the old site %d times, the new one %d times", old, nw)
	if out, code := run(t, "build", "--root", dir); code != 0 {
		t.Fatalf("build after the kills: exit %d\n%s", code, out)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public.tmp-") {
			t.Errorf("a killed build's %s is left after the next build", e.Name())
		}
	}
}
