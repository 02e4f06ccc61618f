package analyze

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/internal/testenv"
)

// realRecord is one SaudiNewsNet record.
type realRecord struct{ URL, Title, Content string }

// realRecords reads the records of one SaudiNewsNet zip (../shared/data,
// CC BY-NC-SA, never shipped), in file order; it skips the test when the
// corpus is missing.
func realRecords(t testing.TB, file string) []realRecord {
	t.Helper()
	zr, err := zip.OpenReader(testenv.SharedData(t, "saudinewsnet/"+file))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var recs []realRecord
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		if err := json.Unmarshal(b, &recs); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
	}
	return recs
}

// realDay reads one day of SaudiNewsNet as articles of one segment per
// paragraph.
func realDay(t testing.TB, day string) [][]article.Segment {
	var out [][]article.Segment
	for _, r := range realRecords(t, day+".zip") {
		var segs []article.Segment
		for i, p := range strings.Split(r.Title+"\n"+r.Content, "\n") {
			if p = strings.TrimSpace(p); p != "" {
				segs = append(segs, article.Segment{ID: fmt.Sprint("p", i), Kind: article.KindParagraph, Text: p})
			}
		}
		if len(segs) > 0 {
			out = append(out, segs)
		}
	}
	return out
}

// TestRealDayPages lists the entity pages that one real day of news
// (SaudiNewsNet, 2015-07-21) would get: every gazetteer entity, and each
// name found by the tagger that passes PageWorthy and that two or more
// articles name (the build's MinUnknownArticles). It prints the tagger's
// pages, for judging by the rules of PageWorthy's doc (run only with
// JISR_PAGES=1):
//
//	JISR_PAGES=1 go test ./generator/analyze -run RealDayPages -v
//	JISR_PAGES=1 JISR_DAY=2015-07-23 go test ./generator/analyze -run RealDayPages -v
//
// and logs the counts. It asserts nothing about quality: that is judged
// by reading the list.
func TestRealDayPages(t *testing.T) {
	if os.Getenv("JISR_PAGES") == "" {
		t.Skip("about a minute on 2,953 articles: set JISR_PAGES=1")
	}
	day := "2015-07-21"
	if d := os.Getenv("JISR_DAY"); d != "" {
		day = d // another day (2015-07-22 … 24) to judge rules on news not looked at
	}
	arts := realDay(t, day)
	an := Default()
	known := map[string]bool{}
	type cand struct {
		e        Entity
		articles int
	}
	unknown := map[string]*cand{}
	rejected := map[string]int{}
	// As the build does: the spellings of one new name get one ID
	// across the day (MergeSpellings), then PageWorthy and two articles.
	results := make([]Result, len(arts))
	ids := map[string]bool{}
	for i, segs := range arts {
		results[i].Entities = an.Entities(segs)
		for _, e := range results[i].Entities {
			ids[e.ID] = !e.Known
		}
	}
	MergeSpellings(len(results), func(i int) *Result { return &results[i] }, nil)
	merged := 0
	for _, r := range results {
		for _, e := range r.Entities {
			if ids[e.ID] {
				ids[e.ID] = false
			}
		}
	}
	for _, left := range ids {
		if left {
			merged++ // an unknown ID no article has any more
		}
	}
	t.Logf("spellings merged: %d IDs of new names joined another", merged)
	for _, r := range results {
		for _, e := range r.Entities {
			if e.Known {
				known[e.ID] = true
				continue
			}
			if ok, why := PageWorthy(e); !ok {
				rejected[why]++
				continue
			}
			c := unknown[e.ID]
			if c == nil {
				c = &cand{e: e}
				unknown[e.ID] = c
			}
			c.articles++
		}
	}
	var pages []*cand
	for _, c := range unknown {
		if c.articles >= 2 {
			pages = append(pages, c)
		}
	}
	sort.Slice(pages, func(i, j int) bool {
		if pages[i].articles != pages[j].articles {
			return pages[i].articles > pages[j].articles
		}
		return pages[i].e.ID < pages[j].e.ID
	})
	t.Logf("%d articles: %d gazetteer entity pages, %d tagger pages (of %d tagger names; rejected by PageWorthy: %v)",
		len(arts), len(known), len(pages), len(unknown), rejected)
	if os.Getenv("JISR_PAGES") != "" {
		for _, c := range pages {
			t.Logf("%3d %-12s %s | %s", c.articles, c.e.Type, c.e.NameAR, c.e.NameEN)
		}
	}
}
