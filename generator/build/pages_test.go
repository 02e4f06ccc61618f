package build

import (
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// smallPages builds the test site with one article per list page.
func smallPages(t *testing.T, offline bool) map[string]string {
	t.Helper()
	fs := loadTxtar(t, "testdata/site.txtar")
	cfg := read(t, fs, "/p/jisr.toml")
	if err := afero.WriteFile(fs, "/p/jisr.toml", []byte("page_size = 1\n"+cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	buildSite(t, fs, Options{Offline: &offline})
	return siteFiles(t, fs)
}

var pagerLink = regexp.MustCompile(`<a class="pager-(prev|next)" rel="(?:prev|next)" href="([^"]+)"`)

// pagerLinks returns the newer/older links of a page.
func pagerLinks(body string) map[string]string {
	out := map[string]string{}
	for _, m := range pagerLink.FindAllStringSubmatch(body, -1) {
		out[m[1]] = m[2]
	}
	return out
}

func TestListsPaginated(t *testing.T) {
	for _, offline := range []bool{false, true} {
		files := smallPages(t, offline)
		// Each list with two articles has two pages, linked both ways;
		// the links resolve to built files (over file://: relative .html).
		lists := map[string]string{"index.html": "page/2/index.html", "en/articles/index.html": "en/articles/page/2/index.html",
			"entities/iraq/index.html": "", "tags/economy/index.html": ""}
		if offline {
			delete(lists, "entities/iraq/index.html")
			delete(lists, "tags/economy/index.html")
			lists["entities/iraq.html"], lists["tags/economy.html"] = "", ""
		}
		for first, second := range lists {
			body, ok := files[first]
			if !ok {
				t.Errorf("offline=%v: %s missing", offline, first)
				continue
			}
			links := pagerLinks(body)
			if second == "" { // a term of one article: one page, no pager
				if len(links) != 0 || strings.Contains(body, `class="pager"`) {
					t.Errorf("offline=%v: %s has a pager: %v", offline, first, links)
				}
				continue
			}
			next := resolve(first, links["next"], offline)
			if next != second || links["prev"] != "" {
				t.Errorf("offline=%v: %s: links %v, next resolves to %q, want %q", offline, first, links, next, second)
			}
			body2, ok := files[second]
			if !ok {
				t.Errorf("offline=%v: %s missing", offline, second)
				continue
			}
			links2 := pagerLinks(body2)
			if back := resolve(second, links2["prev"], offline); back != first || links2["next"] != "" {
				t.Errorf("offline=%v: %s: links %v, prev resolves to %q, want %q", offline, second, links2, back, first)
			}
			if strings.Count(body, `class="teaser`)+strings.Count(body, "<li>\n") > 2 {
				t.Errorf("offline=%v: %s lists more than one article", offline, first)
			}
		}
		for name := range files {
			if strings.Contains(name, "page/1/") || strings.HasSuffix(name, "page/1.html") {
				t.Errorf("offline=%v: redirect %s written", offline, name)
			}
		}
	}
}

// resolve turns a link found in page from into a file of the site.
func resolve(from, href string, offline bool) string {
	if href == "" {
		return ""
	}
	var p string
	if offline {
		p = path.Join(path.Dir(from), href)
	} else {
		p = strings.TrimPrefix(href, "/news/")
	}
	if p == "." || p == "" || strings.HasSuffix(href, "/") {
		p = path.Join(p, "index.html")
	}
	return strings.TrimPrefix(p, "./")
}

func TestDashboardMostWorkFirst(t *testing.T) {
	files := smallPages(t, false)
	work := map[string]int{} // review page → segments not reviewed
	for name, body := range files {
		if !strings.HasPrefix(name, "en/review/") || name == "en/review/index.html" || strings.Contains(name, "/page/") {
			continue
		}
		// The page's own counts: every segment of the test site is unreviewed.
		work["/news/"+strings.TrimSuffix(name, "index.html")] = strings.Count(body, `<tr id="seg-`)
	}
	if len(work) != 2 {
		t.Fatalf("review pages %v, want 2", work)
	}
	row := regexp.MustCompile(`<th scope="row"><a href="([^"]+)"`)
	var order []string
	for _, f := range []string{"en/review/index.html", "en/review/page/2/index.html"} {
		for _, m := range row.FindAllStringSubmatch(files[f], -1) {
			order = append(order, m[1])
		}
	}
	if len(order) != 2 || work[order[0]] < work[order[1]] || work[order[0]] == work[order[1]] && order[0] > order[1] {
		t.Errorf("dashboard order %v, work left %v: want the most work left first, one article per page", order, work)
	}
}
