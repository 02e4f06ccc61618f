package prune_test

import (
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/build"
	"github.com/jisr-news/jisr/generator/prune"
)

// Prune sorts the remaining articles by their source strings ("#id=10"
// before "#id=9"), not in the build's order (file by file, each file's
// records in their order). WriteTerms keeps an entity's first spelling, so
// this test has records 9, 10 and 11 spell one unknown name two ways and
// wants the term pages prune writes to be the ones the next build writes:
// the build's spelling merge gives every article the same spelling before
// WriteTerms, so the order does not show.
func TestPruneTermsInTheBuildsOrder(t *testing.T) {
	fs := afero.NewMemMapFs()
	rec := func(id, text string) string {
		return `{"id":"` + id + `","title":"خبر ` + id + `","content":"` + text + `"}` + "\n"
	}
	afero.WriteFile(fs, "/p/seeds/day.jsonl", []byte(
		rec("9", "قال المهندس خالد الزهراني إن المشروع سينتهي في الرياض. وأضاف الزهراني أن العمل مستمر.")+
			rec("10", "قال المهندس خالد الزهرانى إن المشروع سينتهي في الرياض. وأضاف الزهرانى أن العمل مستمر في جدة.")+
			rec("11", "قال المهندس خالد الزهرانى إن الطقس في مكة معتدل. وأضاف الزهرانى أن العمل مستمر.")+
			rec("12", "قال الوزير إن المشروع سينتهي في الدمام.")), 0o644)
	run(t, fs)
	afero.WriteFile(fs, "/p/seeds/day.jsonl", []byte(
		rec("9", "قال المهندس خالد الزهراني إن المشروع سينتهي في الرياض. وأضاف الزهراني أن العمل مستمر.")+
			rec("10", "قال المهندس خالد الزهرانى إن المشروع سينتهي في الرياض. وأضاف الزهرانى أن العمل مستمر في جدة.")+
			rec("11", "قال المهندس خالد الزهرانى إن الطقس في مكة معتدل. وأضاف الزهرانى أن العمل مستمر.")), 0o644)
	o := prune.Options{Content: "/p/content", Archive: "/p/pruned"}
	ids := orphans(t, fs)
	if len(ids) != 1 {
		t.Fatalf("orphans after removing record 12: %v", ids)
	}
	items, err := prune.Plan(fs, o, ids)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := prune.Remove(fs, o, items); err != nil {
		t.Fatal(err)
	}
	after := termFiles(t, fs)
	run(t, fs)
	rebuilt := termFiles(t, fs)
	for f, b := range rebuilt {
		if after[f] != b {
			t.Errorf("the build after prune rewrote %s:\n--- prune\n%s\n--- build\n%s", f, after[f], b)
		}
	}
	for f := range after {
		if _, ok := rebuilt[f]; !ok {
			t.Errorf("the build after prune removed %s", f)
		}
	}
}

// orphans is what jisr prune plans from: the build's orphan articles.
func orphans(t *testing.T, fs afero.Fs) map[string]string {
	t.Helper()
	p, err := build.OpenLayout(build.Options{Fs: fs, Root: "/p"})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	for _, o := range p.OrphanArticles() {
		ids[o.ID] = o.Source
	}
	return ids
}
