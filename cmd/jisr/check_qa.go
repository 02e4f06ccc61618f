package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/jisr-news/jisr/generator/build"
	"github.com/jisr-news/jisr/generator/qa"
)

// The translation checks: --qa lists what QA finds (it informs and never
// fails: its checks have false alarms, see generator/qa), and
// --require-reviewed fails while any segment is not reviewed, so that a
// publisher can gate a deploy on it. --require-reviewed runs only when
// asked for.
func init() {
	addCheck(&check{flag: "qa", usage: "list the translations' QA findings (numbers, dates, names, quotes…) with the file, line and review page of each", run: checkQA})
	addCheck(&check{flag: "require-reviewed", usage: "fail while any segment is not reviewed (gist, machine or stale)", run: checkReviewed})
}

func projectQA(p *build.Project) (*qa.Report, error) {
	r, err := qa.CheckProjectWith(p.Fs, p.Content, p.Analyzer)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("no content tree in %s: run jisr build first", p.Content)
	}
	return r, err
}

func checkQA(cmd *cobra.Command, p *build.Project) (int, error) {
	r, err := projectQA(p)
	if err != nil {
		return 0, err
	}
	r.Write(cmd.OutOrStdout(), p.ReviewLink)
	return 0, nil
}

func checkReviewed(cmd *cobra.Command, p *build.Project) (int, error) {
	if on := checkEnabled["require-reviewed"]; on == nil || !*on {
		return 0, nil
	}
	r, err := projectQA(p)
	if err != nil {
		return 0, err
	}
	n := r.Unreviewed()
	w := cmd.OutOrStdout()
	for _, a := range r.Articles {
		if left := a.Total - a.Counts["reviewed"]; left > 0 {
			fmt.Fprintf(w, "not reviewed: %s: %d of %d segments (%s)\n", a.ID, left, a.Total, p.ReviewLink(a.ID, ""))
		}
	}
	if n == 0 {
		fmt.Fprintln(w, "every segment is reviewed")
	}
	return n, nil
}
