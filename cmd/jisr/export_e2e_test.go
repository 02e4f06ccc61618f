package main

import (
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"gopkg.in/yaml.v3"

	"github.com/jisr-news/jisr/generator/store"
)

// The end-to-end tests run jisr as its own process, as the Pages workflow
// does: the test binary is jisr when this variable is set (TestMain).
const runMainEnv = "JISR_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// base is the address GitHub Pages gives a project site, as in the README.
const base = "https://user.github.io/repo/"

// workflow is the Build step of .github/workflows/pages.yml, run as the
// workflow runs it (bash, in the project folder) with `go run ./cmd/jisr`
// replaced by this test binary acting as jisr.
type workflow struct {
	script        string
	failOnSkipped string // the job's FAIL_ON_SKIPPED
}

func loadWorkflow(t *testing.T) workflow {
	t.Helper()
	data, err := os.ReadFile("../../.github/workflows/pages.yml")
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Jobs map[string]struct {
			Env   map[string]string `yaml:"env"`
			Steps []struct {
				Name string `yaml:"name"`
				Run  string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatal(err)
	}
	job := wf.Jobs["build"]
	for _, s := range job.Steps {
		if s.Name == "Build" {
			if !strings.Contains(s.Run, "go run ./cmd/jisr build") {
				t.Fatalf("the workflow's Build step no longer runs the README's build command:\n%s", s.Run)
			}
			return workflow{script: strings.ReplaceAll(s.Run, "go run ./cmd/jisr", `"$JISR"`), failOnSkipped: job.Env["FAIL_ON_SKIPPED"]}
		}
	}
	t.Fatal("pages.yml has no Build step")
	return workflow{}
}

// deploy runs the Build step in dir and reports whether the workflow goes
// on to deploy public/ (the step succeeded), with its output.
func (w workflow) deploy(t *testing.T, dir string, failOnSkipped string) (bool, string) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", "-euo", "pipefail", "-c", w.script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), runMainEnv+"=1", "JISR="+exe, "BASE_URL="+base, "FAIL_ON_SKIPPED="+failOnSkipped)
	out, err := cmd.CombinedOutput()
	if err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatal(err)
		}
	}
	return err == nil, string(out)
}

// rec is a record of a newsroom CMS export, in SaudiNewsNet's shape.
type rec struct {
	ID            any      `json:"id,omitempty"`
	Source        string   `json:"source,omitempty"`
	URL           string   `json:"url,omitempty"`
	DateExtracted string   `json:"date_extracted,omitempty"`
	Date          string   `json:"date,omitempty"`
	Title         string   `json:"title"`
	Author        string   `json:"author,omitempty"`
	Tags          []string `json:"tags,omitempty"`
	Content       string   `json:"content"`
}

func writeExport(t *testing.T, file string, recs []rec) {
	t.Helper()
	var b strings.Builder
	for _, r := range recs {
		line, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// dayExport is one day of a CMS export as real ones come: ordinary
// articles, a titled cartoon and a photo caption with no text, control
// characters (\x1a, as 57 of 15,988 real articles carry) inside a
// paragraph and as a whole paragraph, markup in every field, a record
// exported twice, a very long headline, and one record with no key.
func dayExport() []rec {
	long := strings.Repeat("عنوان طويل جدا عن اجتماع الحكومة والبرلمان ", 12)
	return []rec{
		{Source: "okaz", URL: "https://example.org/a/1", DateExtracted: "2015-07-23 10:30:00", Title: "الحكومة تجتمع لبحث الموازنة", Author: "محرر",
			Content: "قال رئيس الوزراء إن الحكومة ستجتمع يوم الأحد لبحث الموازنة\x1a العامة.\n\x1a\x1a\x1a\x1a\nوأضاف أن الوزراء سيقدمون تقاريرهم إلى البرلمان في بغداد."},
		{Source: "<b>alriyadh</b>", URL: "https://example.org/a/2", DateExtracted: "2015-07-23 11:00:00", Title: "<script>alert(1)</script> أسعار النفط ترتفع",
			Author: `"><img src=x onerror=alert(1)>`, Tags: []string{"<i>اقتصاد</i>"},
			Content: "ارتفعت أسعار النفط <script>alert(2)</script> في الأسواق العالمية.\n&lt;img src=x onerror=alert(3)&gt; وقال محللون إن السوق مستقرة."},
		{Source: "okaz", URL: "https://example.org/a/3", DateExtracted: "2015-07-23 12:00:00", Title: "كاريكاتير اليوم", Content: ""},
		{Source: "okaz", URL: "https://example.org/a/4", DateExtracted: "2015-07-23 12:05:00", Title: "صورة من الحدث", Content: "\x1a\x1a \u200b\n\t\x1a"},
		{Source: "okaz", URL: "https://example.org/a/1", DateExtracted: "2015-07-23 10:30:00", Title: "الحكومة تجتمع لبحث الموازنة", Author: "محرر",
			Content: "قال رئيس الوزراء إن الحكومة ستجتمع يوم الأحد لبحث الموازنة\x1a العامة.\n\x1a\x1a\x1a\x1a\nوأضاف أن الوزراء سيقدمون تقاريرهم إلى البرلمان في بغداد."},
		{Source: "madina", URL: "https://example.org/a/5", DateExtracted: "2015-07-23 13:00:00", Title: long,
			Content: "أعلنت وزارة الصحة عن افتتاح مستشفى جديد في جدة. وقال الوزير إن المستشفى يخدم آلاف المرضى."},
		{Source: "madina", Title: "خبر بلا مفتاح", DateExtracted: "2015-07-23 14:00:00",
			Content: "قال المتحدث إن اللجنة ستعمل في الرياض حتى نهاية الشهر."},
	}
}

// unkeyedOf is the article of the record without id or url in file: its
// source is "file#text=<hash>".
func unkeyedOf(t *testing.T, dir, file string) string {
	return findArticle(t, dir, func(src string) bool { return strings.Contains(src, file+"#text=") })
}

// articleOf returns the ID of the published article whose recorded
// source ends with suffix ("" when none has).
func articleOf(t *testing.T, dir, suffix string) string {
	return findArticle(t, dir, func(src string) bool { return strings.HasSuffix(src, suffix) })
}

// findArticle returns the ID of the first article whose recorded source
// matches, or "".
func findArticle(t *testing.T, dir string, match func(source string) bool) string {
	t.Helper()
	osfs := afero.NewOsFs()
	content := filepath.Join(dir, "content")
	ids, err := store.Articles(osfs, content)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if p, err := store.ReadArticlePage(osfs, content, id, "ar"); err == nil && match(p.Jisr.Source) {
			return id
		}
	}
	return ""
}

func exists(dir, rel string) bool {
	_, err := os.Stat(filepath.Join(dir, rel))
	return err == nil
}

func read(t *testing.T, dir, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// siteIsClean checks what every deploy must give: the links check passes
// (README, "Checking links"), no control character and no markup from the
// export reached public/ or content/.
func siteIsClean(t *testing.T, dir string) {
	t.Helper()
	if out, code := run(t, "check", "--links", "--root", dir, "--base-url", base); code != 0 {
		t.Fatalf("jisr check --links: exit %d\n%s", code, out)
	}
	for _, tree := range []string{"public", "content"} {
		markup := tree == "public" // content/ holds the text as data
		filepath.WalkDir(filepath.Join(dir, tree), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.Contains(".html.xml.js.json.md.yaml.txt", filepath.Ext(p)) {
				return err
			}
			data, _ := os.ReadFile(p)
			s := string(data)
			if i := strings.IndexFunc(s, func(r rune) bool { return r < 0x20 && r != '\n' && r != '\t' && r != '\r' || r == 0x200b }); i >= 0 {
				t.Errorf("%s has a control or invisible character at byte %d", p, i)
			}
			for _, bad := range []string{"<script>alert", "<img src=x", "<b>alriyadh", "<i>اقتصاد"} {
				if markup && strings.Contains(s, bad) {
					t.Errorf("%s carries the export's markup %q as markup", p, bad)
				}
			}
			return nil
		})
	}
}

// hasReviewed reports whether segment id of f holds en, reviewed by a
// person.
func hasReviewed(f *store.File, id, en string) bool {
	for _, s := range f.Segments {
		if s.ID == id {
			return s.EN == en && s.Status == store.StatusReviewed && s.Engine == "human"
		}
	}
	return false
}

// TestDayExportDeploys follows the documented workflow on a day's export:
// the Pages workflow's Build step (README, "Publishing"), jisr check
// --links, then the README's ways of removing (a record deleted, jisr
// prune), renaming (the export file renamed) and correcting (segments.yaml
// edited by hand) an article, deploying after each, and asserts what the
// README says happens at each step.
func TestDayExportDeploys(t *testing.T) {
	wf := loadWorkflow(t)
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "seeds"), 0o755)
	export := filepath.Join(dir, "seeds", "2015-07-23.jsonl")
	recs := dayExport()
	writeExport(t, export, recs)

	// 1. The day's export deploys: records with no text and the copy are
	// listed and tolerated (exit 0, README's exit codes), even when the
	// workflow fails on skipped inputs.
	ok, out := wf.deploy(t, dir, "true")
	if !ok {
		t.Fatalf("the day's export does not deploy:\n%s", out)
	}
	for _, want := range []string{
		"seeds/2015-07-23.jsonl#url=https://example.org/a/3: no article text",
		"seeds/2015-07-23.jsonl#url=https://example.org/a/4: no article text",
		"seeds/2015-07-23.jsonl#url=https://example.org/a/1: a copy of an article already read",
		"3 inputs skipped (3 without article text, tolerated",
		"built 4 articles",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the build's summary lacks %q:\n%s", want, out)
		}
	}
	siteIsClean(t, dir)
	a, b, long, unkeyed := articleOf(t, dir, "#url=https://example.org/a/1"), articleOf(t, dir, "#url=https://example.org/a/2"),
		articleOf(t, dir, "#url=https://example.org/a/5"), unkeyedOf(t, dir, "2015-07-23.jsonl")
	if a == "" || b == "" || long == "" || unkeyed == "" {
		t.Fatalf("articles not in content/: a=%q b=%q long=%q unkeyed=%q", a, b, long, unkeyed)
	}
	for _, id := range []string{a, b, long} {
		if !exists(dir, "public/articles/"+id+"/index.html") || !exists(dir, "public/en/articles/"+id+"/index.html") {
			t.Errorf("article %s not published in both languages", id)
		}
	}
	// Markup in a tag is text: <i>اقتصاد</i> is the tag اقتصاد, not a
	// page "i-i" that every such tag would share.
	if pb, err := store.ReadArticlePage(afero.NewOsFs(), filepath.Join(dir, "content"), b, "ar"); err != nil || len(pb.Tags) == 0 || strings.Contains(strings.Join(pb.Tags, " "), "i-i") || exists(dir, "public/tags/i-i") {
		t.Errorf("the tag <i>اقتصاد</i> of %s: tags %v (%v)", b, pb, err)
	} else if tp := read(t, dir, "public/tags/"+pb.Tags[0]+"/index.html"); !strings.Contains(tp, "اقتصاد") {
		t.Errorf("the tag page %s does not show اقتصاد", pb.Tags[0])
	}
	home := read(t, dir, "public/index.html")
	if !strings.Contains(home, `href="/repo/articles/`+a+`/"`) {
		t.Errorf("the home page does not link to %s under /repo/", a)
	}
	page := read(t, dir, "public/articles/"+a+"/index.html")
	if !strings.Contains(page, "الموازنة العامة") || strings.Contains(page, "\x1a") {
		t.Errorf("the control character was not removed inside the paragraph of %s", a)
	}

	// 2. Correcting by hand (README, "Reviewing translations", 1): the
	// English of a segment typed into segments.yaml, with '#', ':' and
	// quotes, becomes reviewed, engine human, and is published as typed.
	storeFile := filepath.Join(dir, "content", "articles", a, store.FileName)
	data, _ := os.ReadFile(storeFile)
	// SegmentLines gives the line of the English text (the review page's
	// "line to edit"), under its "en: |-".
	line := store.SegmentLines(data)["p1-1"] - 1 // 0-based: the text's first line
	lines := strings.Split(string(data), "\n")
	if line < 1 || !strings.HasSuffix(lines[line-1], "en: |-") {
		t.Fatalf("line %d of %s does not follow an en: block, as the README describes:\n%s", line+1, storeFile, data)
	}
	indent := lines[line][:len(lines[line])-len(strings.TrimLeft(lines[line], " "))]
	edited := `The PM said: the government meets on Sunday #1 priority "the budget".`
	end := line + 1
	for end < len(lines) && strings.HasPrefix(lines[end], indent) {
		end++
	}
	good := append(append(append([]string{}, lines[:line]...), indent+edited), lines[end:]...)
	os.WriteFile(storeFile, []byte(strings.Join(good, "\n")), 0o644)
	if ok, out := wf.deploy(t, dir, wf.failOnSkipped); !ok || strings.Contains(out, store.FileName) {
		t.Fatalf("deploy after a hand edit:\n%s", out)
	}
	f, err := store.Load(afero.NewOsFs(), storeFile)
	if err != nil {
		t.Fatal(err)
	}
	if !hasReviewed(f, "p1-1", edited) {
		t.Errorf("hand edit not stored as reviewed by a person: %+v", f.Segments)
	}
	if en := read(t, dir, "public/en/articles/"+a+"/index.html"); !strings.Contains(en, "the government meets on Sunday #1 priority") {
		t.Errorf("the English page does not show the hand edit")
	}
	siteIsClean(t, dir)

	// A hand edit that breaks the file (the text typed back on the en:
	// line, where YAML would cut it at " #") is reported with the file and
	// line, the article keeps its published translations, and the build
	// exits 3, which the workflow tolerates by default (and fails on with
	// FAIL_ON_SKIPPED=true).
	broken := append(append(append([]string{}, lines[:line-1]...), strings.TrimSuffix(lines[line-1], "|-")+"The PM said #1 priority"), lines[end:]...)
	os.WriteFile(storeFile, []byte(strings.Join(broken, "\n")), 0o644)
	if ok, out := wf.deploy(t, dir, "true"); ok {
		t.Errorf("a broken store deployed with FAIL_ON_SKIPPED=true:\n%s", out)
	}
	ok, out = wf.deploy(t, dir, "false")
	if !ok || !strings.Contains(out, "::warning::") || !regexp.MustCompile(`content/articles/`+a+`/segments\.yaml:\d+:\d+: `).MatchString(out) {
		t.Errorf("a broken store: deploy %v\n%s", ok, out)
	}
	if !exists(dir, "public/en/articles/"+a+"/index.html") {
		t.Errorf("article %s left the site because its store broke", a)
	}
	os.WriteFile(storeFile, []byte(strings.Join(good, "\n")), 0o644)

	// 3. Removing a record (README, "Removing and renaming articles"): the
	// next build names it and still publishes it; jisr prune asks (refuses
	// off a terminal), then with --yes unpublishes it, keeps its store in
	// pruned/, and the next deploy has it nowhere.
	writeExport(t, export, append(append([]rec{}, recs[:1]...), recs[2:]...))
	ok, out = wf.deploy(t, dir, wf.failOnSkipped)
	if !ok || !strings.Contains(out, "have no seed any more") || !strings.Contains(out, "content/articles/"+b+" (seeds/2015-07-23.jsonl#url=https://example.org/a/2)") {
		t.Fatalf("deploy after removing a record does not name it:\n%s", out)
	}
	if !exists(dir, "public/articles/"+b+"/index.html") {
		t.Errorf("the removed record's article was unpublished by a build; the README says only prune does")
	}
	if out, code := run(t, "prune", "--root", dir); code != ExitUsage || !strings.Contains(out, b) {
		t.Errorf("prune off a terminal: exit %d\n%s", code, out)
	}
	if out, code := run(t, "prune", "--root", dir, "--yes"); code != 0 || !strings.Contains(out, "unpublished 1 articles") {
		t.Fatalf("prune --yes: exit %d\n%s", code, out)
	}
	if !exists(dir, "pruned/"+b+"/"+store.FileName) || exists(dir, "content/articles/"+b) || exists(dir, "content/review/"+b) {
		t.Errorf("prune: store not kept in pruned/, or bundle and review page left")
	}
	if ok, out := wf.deploy(t, dir, wf.failOnSkipped); !ok || strings.Contains(out, "no seed any more") {
		t.Fatalf("deploy after prune:\n%s", out)
	}
	if exists(dir, "public/articles/"+b) || exists(dir, "public/en/review/"+b) || strings.Contains(read(t, dir, "public/index.xml"), b) {
		t.Errorf("the pruned article %s is still on the site or in the feed", b)
	}
	siteIsClean(t, dir)

	// 4. Renaming the export: keyed records keep their article IDs, so
	// nothing moves and nothing is orphaned; the record with no key takes
	// a new ID, and its old one is listed for jisr prune (its translations
	// follow through the translation memory).
	renamed := filepath.Join(dir, "seeds", "okaz-day.jsonl")
	if err := os.Rename(export, renamed); err != nil {
		t.Fatal(err)
	}
	ok, out = wf.deploy(t, dir, wf.failOnSkipped)
	if !ok {
		t.Fatalf("deploy after renaming the export:\n%s", out)
	}
	for _, id := range []string{a, long} {
		if !exists(dir, "public/articles/"+id+"/index.html") || strings.Contains(out, "content/articles/"+id+" ") {
			t.Errorf("keyed article %s moved or was orphaned by the rename:\n%s", id, out)
		}
	}
	if got := articleOf(t, dir, "okaz-day.jsonl#url=https://example.org/a/1"); got != a {
		t.Errorf("after the rename the record is article %q, want %q", got, a)
	}
	// Its source is its text's hash, not its line, so the record deleted
	// before it (step 3) did not move it.
	hash := strings.TrimPrefix(unkeyed, "2015-07-23-")
	if !strings.Contains(out, "content/articles/"+unkeyed+" (seeds/2015-07-23.jsonl#text="+hash+")") || articleOf(t, dir, "okaz-day.jsonl#text="+hash) == "" {
		t.Errorf("the unkeyed record's old article %s is not listed for prune:\n%s", unkeyed, out)
	}
	if f, err := store.Load(afero.NewOsFs(), storeFile); err != nil || !hasReviewed(f, "p1-1", edited) {
		t.Errorf("the hand edit did not survive the rename: %v", err)
	}
	if out, code := run(t, "prune", "--root", dir, "--yes"); code != 0 || !strings.Contains(out, unkeyed) {
		t.Errorf("prune after the rename: exit %d\n%s", code, out)
	}

	// 5. Tags too long for a page name (a 100-word Arabic tag whose
	// English form is 499 bytes, a 315-byte Latin one): the record builds,
	// each tag gets a shortened page name (article.FitName) and shows whole,
	// and the build warns naming the seed and the tag; nothing is skipped,
	// so even FAIL_ON_SKIPPED=true deploys.
	current := append(append([]rec{}, recs[:1]...), recs[2:]...)
	arabTag, latinTag := strings.Repeat("اقتصاد ", 100), strings.Repeat("reform ", 45)
	current = append(current,
		rec{URL: "https://example.org/a/9", Title: "وسم طويل", Tags: []string{arabTag, latinTag}, Content: "قال الوزير إن البرلمان سيصوت غدا."})
	writeExport(t, renamed, current)
	ok, out = wf.deploy(t, dir, "true")
	if !ok || !strings.Contains(out, "warning: seeds/okaz-day.jsonl#url=https://example.org/a/9: the tag \"reform reform") || strings.Contains(out, "cannot be rendered") {
		t.Errorf("a record with over-long tags, FAIL_ON_SKIPPED=true: deploy %v\n%s", ok, out)
	}
	nine := articleOf(t, dir, "#url=https://example.org/a/9")
	if nine == "" || !exists(dir, "public/articles/"+nine+"/index.html") {
		t.Fatalf("the record with over-long tags was not built:\n%s", out)
	}
	p9, err := store.ReadArticlePage(afero.NewOsFs(), filepath.Join(dir, "content"), nine, "ar")
	if err != nil || len(p9.Tags) != 2 {
		t.Fatalf("tags of %s: %v %v", nine, p9, err)
	}
	for i, tag := range p9.Tags {
		whole := strings.TrimSpace([]string{arabTag, latinTag}[i])
		if len(tag) > 80 || !exists(dir, "public/tags/"+tag+"/index.html") {
			t.Errorf("tag %d: page name %q (%d bytes) not shortened or not published", i, tag, len(tag))
			continue
		}
		if tp := read(t, dir, "public/tags/"+tag+"/index.html"); !strings.Contains(tp, "<h1>"+whole) && !strings.Contains(tp, ">"+whole+"<") {
			t.Errorf("the page of tag %d does not show its whole name", i)
		}
	}
	if !exists(dir, "public/articles/"+a+"/index.html") || !exists(dir, "public/articles/"+long+"/index.html") {
		t.Errorf("the rest of the site was not built:\n%s", out)
	}

	// 6. A record that is skipped (a date that is no date): skipped with
	// its reason while the rest builds; exit 3, which the workflow
	// tolerates by default and fails on with FAIL_ON_SKIPPED=true.
	current = append(current, rec{URL: "https://example.org/a/10", Title: "تاريخ خطأ", Date: "yesterday", Content: "قال الوزير إن البرلمان سيصوت غدا."})
	writeExport(t, renamed, current)
	if ok, out := wf.deploy(t, dir, "true"); ok || !strings.Contains(out, "#url=https://example.org/a/10: date \"yesterday\" is not a date") {
		t.Errorf("a skipped record with FAIL_ON_SKIPPED=true: deploy %v\n%s", ok, out)
	}
	ok, out = wf.deploy(t, dir, "false")
	if !ok || !strings.Contains(out, "::warning::") {
		t.Errorf("a skipped record, by default: deploy %v\n%s", ok, out)
	}
	if !exists(dir, "public/articles/"+a+"/index.html") || !exists(dir, "public/articles/"+nine+"/index.html") {
		t.Errorf("the rest of the site was not built:\n%s", out)
	}
	siteIsClean(t, dir)
}
