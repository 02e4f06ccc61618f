package prune_test

import (
	"context"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"golang.org/x/tools/txtar"

	"github.com/jisr-news/jisr/generator/build"
	"github.com/jisr-news/jisr/generator/prune"
	"github.com/jisr-news/jisr/generator/store"
)

func project(t *testing.T) afero.Fs {
	t.Helper()
	ar, err := txtar.ParseFile("../build/testdata/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fs := afero.NewMemMapFs()
	for _, f := range ar.Files {
		afero.WriteFile(fs, path.Join("/p", f.Name), f.Data, 0o644)
	}
	return fs
}

func run(t *testing.T, fs afero.Fs) *build.Summary {
	t.Helper()
	var log strings.Builder
	sum, err := build.Run(context.Background(), build.Options{Fs: fs, Root: "/p", Log: &log})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, log.String())
	}
	return sum
}

// review marks the iraq article's title as reviewed by a person.
func review(t *testing.T, fs afero.Fs) {
	t.Helper()
	file := store.Path("/p/content", "iraq")
	f, err := store.Load(fs, file)
	if err != nil {
		t.Fatal(err)
	}
	f.Segments[0].EN, f.Segments[0].Status, f.Segments[0].Engine = "A reviewed title", store.StatusReviewed, "human"
	f.Segments[0].Sum = store.Hash(f.Segments[0].EN)
	if err := store.Save(fs, file, f); err != nil {
		t.Fatal(err)
	}
}

// A deleted seed's article is listed, pruned (its review kept in the
// archive), and the next build succeeds without it.
func TestPruneThenBuild(t *testing.T) {
	for _, keep := range []bool{false, true} {
		t.Run(map[bool]string{false: "archive", true: "keep-reviews"}[keep], func(t *testing.T) {
			fs := project(t)
			run(t, fs)
			review(t, fs)
			fs.Remove("/p/seeds/iraq.txt")
			p, err := build.Open(build.Options{Fs: fs, Root: "/p"})
			if err != nil {
				t.Fatal(err)
			}
			ids := map[string]string{}
			for _, o := range p.OrphanArticles() {
				ids[o.ID] = o.Source
			}
			o := prune.Options{Content: "/p/content", Archive: "/p/pruned", KeepReviews: keep}
			items, err := prune.Plan(fs, o, ids)
			if err != nil {
				t.Fatal(err)
			}
			if len(items) != 1 || items[0].ID != "iraq" || items[0].Reviewed != 1 {
				t.Fatalf("plan %+v", items)
			}
			if res, err := prune.Remove(fs, o, items); err != nil || res.Removed != 1 {
				t.Fatalf("removed %+v: %v", res, err)
			}
			sum := run(t, fs)
			if len(sum.Orphans) != 0 {
				t.Errorf("orphans after prune: %v", sum.Orphans)
			}
			if ok, _ := afero.Exists(fs, "/p/public/articles/iraq/index.html"); ok {
				t.Errorf("pruned article still published")
			}
			if ok, _ := afero.Exists(fs, "/p/public/en/review/iraq/index.html"); ok {
				t.Errorf("pruned article's review page still published")
			}
			kept := "/p/pruned/iraq/segments.yaml"
			if keep {
				kept = "/p/content/articles/iraq/segments.yaml"
			}
			f, err := store.Load(fs, kept)
			if err != nil || len(f.Segments) == 0 || f.Segments[0].EN != "A reviewed title" {
				t.Errorf("review not kept in %s: %v", kept, err)
			}
		})
	}
}

// Deleting an article folder by hand (as the summary once advised) must not
// fail the next build on links to its review page.
func TestDeleteFolderByHandThenBuild(t *testing.T) {
	fs := project(t)
	run(t, fs)
	fs.Remove("/p/seeds/iraq.txt")
	fs.RemoveAll("/p/content/articles/iraq")
	run(t, fs)
}

// On the OS file system too, with ordinary modes.
func TestRemoveOnDisk(t *testing.T) {
	root := t.TempDir()
	fs := afero.NewOsFs()
	content := filepath.Join(root, "content")
	f := &store.File{Article: "x", Segments: []store.Segment{{ID: "title", AR: "أ", EN: "A", Status: store.StatusReviewed}}}
	if err := store.Save(fs, store.Path(content, "x"), f); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(content, "articles/x/index.ar.md"), []byte("---\n---\n"), 0o644)
	o := prune.Options{Content: content, Archive: filepath.Join(root, "pruned")}
	items, _ := prune.Plan(fs, o, map[string]string{"x": "seeds/x.txt"})
	if _, err := prune.Remove(fs, o, items); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(content, "articles/x")); !os.IsNotExist(err) {
		t.Errorf("article folder still there: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "pruned/x/segments.yaml")); err != nil {
		t.Errorf("archive: %v", err)
	}
}

// Prune updates the term pages itself: an entity or tag that only the
// pruned article named loses its page, the others stay, and the next
// build has nothing left to change in the content tree.
func TestPruneUpdatesTerms(t *testing.T) {
	fs := project(t)
	run(t, fs)
	run(t, fs) // a second build changes nothing: the baseline
	iraq, err := store.ReadAnalysis(fs, "/p/content", "iraq")
	if err != nil || iraq == nil {
		t.Fatalf("analysis of iraq: %v", err)
	}
	oil, err := store.ReadAnalysis(fs, "/p/content", "oil-prices")
	if err != nil || oil == nil {
		t.Fatalf("analysis of oil-prices: %v", err)
	}
	kept := map[string]bool{}
	for _, e := range oil.Entities {
		kept[store.EntitiesSection+"/"+e.ID] = true
	}
	for _, tg := range oil.Tags {
		kept[store.TagsSection+"/"+tg.ID] = true
	}
	var gone []string
	for _, e := range iraq.Entities {
		if !kept[store.EntitiesSection+"/"+e.ID] {
			gone = append(gone, store.EntitiesSection+"/"+e.ID)
		}
	}
	for _, tg := range iraq.Tags {
		if !kept[store.TagsSection+"/"+tg.ID] {
			gone = append(gone, store.TagsSection+"/"+tg.ID)
		}
	}
	if len(gone) == 0 || len(kept) == 0 {
		t.Fatalf("the fixture must have terms of iraq alone (%v) and of oil-prices (%v)", gone, kept)
	}
	for _, d := range gone {
		if ok, _ := afero.DirExists(fs, "/p/content/"+d); !ok {
			t.Fatalf("%s has no term page before pruning", d)
		}
	}

	fs.Remove("/p/seeds/iraq.txt")
	o := prune.Options{Content: "/p/content", Archive: "/p/pruned"}
	items, err := prune.Plan(fs, o, map[string]string{"iraq": "seeds/iraq.txt"})
	if err != nil {
		t.Fatal(err)
	}
	res, err := prune.Remove(fs, o, items)
	if err != nil || res.Removed != 1 || res.TermsLeft != "" || res.Terms == 0 {
		t.Fatalf("remove: %+v, %v", res, err)
	}
	for _, d := range gone {
		if ok, _ := afero.Exists(fs, "/p/content/"+d); ok {
			t.Errorf("%s still has a term page after prune", d)
		}
	}
	for d := range kept {
		if ok, _ := afero.DirExists(fs, "/p/content/"+d); !ok {
			t.Errorf("%s lost its term page", d)
		}
	}
	if sum := run(t, fs); sum.Written != 0 {
		t.Errorf("the build after prune changed %d content files; prune should have left nothing to update", sum.Written)
	}
}

// A published article without a stored analysis (a tree older than
// analysis.yaml): prune cannot know its terms, leaves the term pages to the
// next build and says why.
func TestPruneTermsLeftWithoutAnalysis(t *testing.T) {
	fs := project(t)
	run(t, fs)
	fs.Remove(store.AnalysisPath("/p/content", "oil-prices"))
	o := prune.Options{Content: "/p/content", Archive: "/p/pruned"}
	items, _ := prune.Plan(fs, o, map[string]string{"iraq": "seeds/iraq.txt"})
	res, err := prune.Remove(fs, o, items)
	if err != nil || res.Removed != 1 || !strings.Contains(res.TermsLeft, "oil-prices") || res.Terms != 0 {
		t.Fatalf("remove: %+v, %v", res, err)
	}
}

// termFiles returns every file of the term sections (entities/, tags/)
// with its bytes.
func termFiles(t *testing.T, fs afero.Fs) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, sec := range []string{store.EntitiesSection, store.TagsSection} {
		afero.Walk(fs, path.Join("/p/content", sec), func(p string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() {
				b, _ := afero.ReadFile(fs, p)
				out[p] = string(b)
			}
			return nil
		})
	}
	return out
}

// Prune writes the term pages the next build would: an entity the
// gazetteer does not know keeps its page only while MinUnknownArticles
// articles name it, so when one of its two articles is pruned its page
// goes at once, and the build after the prune changes no term page.
func TestPruneAppliesTheBuildsRuleForUnknownEntities(t *testing.T) {
	fs := afero.NewMemMapFs()
	name := "قال المهندس خالد الزهراني إن المشروع سينتهي في الرياض. وأضاف الزهراني أن العمل مستمر.\n"
	afero.WriteFile(fs, "/p/seeds/a.txt", []byte(name+"وتحدث عن الطقس في جدة.\n"), 0o644)
	afero.WriteFile(fs, "/p/seeds/b.txt", []byte(name+"وتحدث عن الاقتصاد في مكة.\n"), 0o644)
	afero.WriteFile(fs, "/p/seeds/c.txt", []byte("قال الوزير إن المشروع سينتهي في الرياض.\n"), 0o644)
	run(t, fs)
	const page = "/p/content/" + store.EntitiesSection + "/khalid-al-zahrani"
	if ok, _ := afero.DirExists(fs, page); !ok {
		t.Fatalf("the fixture must give the unknown name a page (two articles name it): %v", termFiles(t, fs))
	}
	fs.Remove("/p/seeds/a.txt")
	o := prune.Options{Content: "/p/content", Archive: "/p/pruned"}
	items, err := prune.Plan(fs, o, map[string]string{"a": "seeds/a.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := prune.Remove(fs, o, items); err != nil {
		t.Fatal(err)
	}
	if ok, _ := afero.Exists(fs, page); ok {
		t.Errorf("%s kept its page after prune: one article names it now (MinUnknownArticles is %d)", page, build.MinUnknownArticles)
	}
	after := termFiles(t, fs)
	run(t, fs)
	rebuilt := termFiles(t, fs)
	for f, b := range rebuilt {
		if after[f] != b {
			t.Errorf("the build after prune wrote %s", f)
		}
	}
	for f := range after {
		if _, ok := rebuilt[f]; !ok {
			t.Errorf("the build after prune removed %s", f)
		}
	}
}
