package linkcheck

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

const testCache = "/cache/site.links"

// withCache is o with the test's cache.
func withCache(o Options, tag string) Options {
	o.Cache, o.CacheTag = testCache, tag
	return o
}

// same reports whether two reports say the same, Reused apart.
func same(a, b *Report) bool {
	x, y := *a, *b
	x.Reused, y.Reused = 0, 0
	return reflect.DeepEqual(x, y)
}

func check(t *testing.T, fs afero.Fs, o Options) *Report {
	t.Helper()
	rep, err := Check(fs, "/site", o)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// copySite copies the fixture's files with a change: edit gets each name
// and text and returns the new text, or false to leave the file out.
func copySite(t *testing.T, files map[string]string, edit func(name, text string) (string, bool)) afero.Fs {
	out := map[string]string{}
	for name, text := range files {
		if s, ok := edit(name, text); ok {
			out[name] = s
		}
	}
	return site(t, out)
}

// TestCacheAgreesWithFull checks every fixture site with a warm cache
// after each of these changes, and compares the report with a full check
// of the changed site: each file removed in turn (a target that unchanged
// pages link to), a broken link and a broken fragment added to each file,
// and the ids removed from each page (fragments into it from unchanged
// pages break).
func TestCacheAgreesWithFull(t *testing.T) {
	for _, tc := range fixtures() {
		t.Run(tc.name, func(t *testing.T) {
			names := make([]string, 0, len(tc.files))
			for n := range tc.files {
				names = append(names, n)
			}
			sort.Strings(names)
			fs := site(t, tc.files)
			full := check(t, fs, tc.opts)
			cold := check(t, fs, withCache(tc.opts, "v1"))
			warm := check(t, fs, withCache(tc.opts, "v1"))
			if !same(cold, full) || !same(warm, full) {
				t.Fatalf("with a cache:\n cold %+v\n warm %+v\nwant %+v", cold, warm, full)
			}
			if cold.Reused != 0 || warm.Reused != warm.Files {
				t.Fatalf("reused %d cold, %d of %d warm", cold.Reused, warm.Reused, warm.Files)
			}
			changes := map[string]func(name, text string) (string, bool){}
			for _, n := range names {
				changes["remove "+n] = func(name, text string) (string, bool) { return text, name != n }
				changes["broken link in "+n] = func(name, text string) (string, bool) {
					if name != n {
						return text, true
					}
					return text + "\n<a href=\"gone.html\">x</a> <link rel=stylesheet href=\"/gone.css\"> p{background:url(gone.png)} https://user.github.io/repo/gone/", true
				}
				changes["broken fragment in "+n] = func(name, text string) (string, bool) {
					if name != n {
						return text, true
					}
					return text + "\n<a href=\"#nowhere\">x</a><a href=\"index.html#nowhere\">y</a>", true
				}
				changes["ids removed from "+n] = func(name, text string) (string, bool) {
					if name != n {
						return text, true
					}
					return strings.NewReplacer(` id="`, ` data-x="`, ` name="`, ` data-y="`).Replace(text), true
				}
			}
			for what, edit := range changes {
				// Warm the cache on the fixture, then check the changed site.
				check(t, fs, withCache(tc.opts, "v1"))
				changed := copySite(t, tc.files, edit)
				if ok, _ := afero.DirExists(changed, "/site"); !ok {
					continue // the fixture's one file removed
				}
				if err := afero.WriteFile(changed, testCache, mustRead(t, fs, testCache), 0o644); err != nil {
					t.Fatal(err)
				}
				want := check(t, changed, tc.opts)
				got := check(t, changed, withCache(tc.opts, "v1"))
				if !same(got, want) {
					t.Errorf("%s: with the cache\n %+v\nwant\n %+v", what, got, want)
				}
			}
		})
	}
}

func mustRead(t *testing.T, fs afero.Fs, name string) []byte {
	t.Helper()
	b, err := afero.ReadFile(fs, name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCacheFindsBreaks is the two cases the cache must not hide, named:
// a broken link added to a changed page, and a page removed that an
// unchanged page links to.
func TestCacheFindsBreaks(t *testing.T) {
	files := map[string]string{
		"index.html":    page(`<a href="a.html">a</a>`, `<a href="b.html#x">b</a>`),
		"a.html":        page(`<a href="index.html">home</a>`),
		"b.html":        page(`<p id="x">`),
		"css/site.css":  "body{background:url(../c.png)}",
		"c.png":         "",
		"en/index.html": page(`<a href="../index.html">ar</a>`),
	}
	o := withCache(Options{Offline: true}, "v1")
	fs := site(t, files)
	if rep := check(t, fs, o); !rep.OK() {
		t.Fatalf("fixture not clean: %v", rep.Broken)
	}
	afero.WriteFile(fs, "/site/a.html", []byte(page(`<a href="index.html">home</a>`, `<a href="new.html">new</a>`)), 0o644)
	rep := check(t, fs, o)
	if got := urls(rep.Broken); strings.Join(got, "|") != "a.html new.html" || rep.Reused != rep.Files-1 {
		t.Errorf("broken link in a changed page: %v, %d of %d reused", got, rep.Reused, rep.Files)
	}
	afero.WriteFile(fs, "/site/a.html", []byte(files["a.html"]), 0o644)
	fs.Remove("/site/b.html")
	fs.Remove("/site/c.png")
	rep = check(t, fs, o)
	// a.html is back to bytes the cache no longer holds (it keeps the
	// last site's files only): read again.
	if got := urls(rep.Broken); strings.Join(got, "|") != "css/site.css ../c.png|index.html b.html#x" || rep.Reused != rep.Files-1 {
		t.Errorf("targets removed: %v, %d of %d reused", got, rep.Reused, rep.Files)
	}
}

// TestCacheNotTrusted: a cache of another tag, a damaged one or none at
// all is not used, and the check is the full one.
func TestCacheNotTrusted(t *testing.T) {
	tc := fixtures()[0]
	fs := site(t, tc.files)
	full := check(t, fs, tc.opts)
	check(t, fs, withCache(tc.opts, "v1"))
	good := mustRead(t, fs, testCache)
	for what, data := range map[string][]byte{
		"truncated": good[:len(good)/2],
		"garbage":   []byte("not a cache"),
		"empty":     nil,
	} {
		afero.WriteFile(fs, testCache, data, 0o644)
		if rep := check(t, fs, withCache(tc.opts, "v1")); rep.Reused != 0 || !same(rep, full) {
			t.Errorf("%s cache: %d reused, %+v", what, rep.Reused, rep)
		}
	}
	check(t, fs, withCache(tc.opts, "v1"))
	if rep := check(t, fs, withCache(tc.opts, "v2")); rep.Reused != 0 || !same(rep, full) {
		t.Errorf("cache of another tag: %d reused", rep.Reused)
	}
	fs.Remove(testCache)
	if rep := check(t, fs, withCache(tc.opts, "v2")); rep.Reused != 0 || !same(rep, full) {
		t.Errorf("no cache: %d reused", rep.Reused)
	}
	if info, err := fs.Stat(testCache); err != nil || info.Mode().Perm()&0o077 != 0o044 {
		t.Errorf("cache file written %v, %v (want an ordinary file)", info, err)
	}
}
