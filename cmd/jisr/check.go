package main

import (
	"fmt"
	"sort"

	"github.com/spf13/cobra"

	"github.com/jisr-news/jisr/generator/build"
)

// A check is one kind of verification that "jisr check" runs. Each kind
// lives in its own file (check_links.go, check_qa.go) and registers itself
// in init with addCheck; "jisr check" runs the ones whose flag is set, or
// all of them when none is.
type check struct {
	// flag is the check's flag name, e.g. "links" for --links.
	flag, usage string
	// run performs the check on the resolved project and reports its
	// findings on cmd's output. It returns the number of problems found.
	run func(cmd *cobra.Command, p *build.Project) (problems int, err error)
}

var checks = map[string]*check{}

func addCheck(c *check) { checks[c.flag] = c }

func init() {
	var f projectFlags
	enabled := map[string]*bool{}
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Check the built site and the translations",
		Long: `check verifies the project. Each flag selects a check; with none, every check runs.
It exits 1 when a check finds a problem.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			p, err := build.Open(f.options(cmd))
			if err != nil {
				return fail(err)
			}
			var names []string
			for name := range checks {
				names = append(names, name)
			}
			sort.Strings(names)
			any := false
			for _, name := range names {
				any = any || *enabled[name]
			}
			total := 0
			for _, name := range names {
				if any && !*enabled[name] {
					continue
				}
				n, err := checks[name].run(cmd, p)
				if err != nil {
					return exitWith(ExitFailed, fmt.Errorf("check --%s: %w", name, err))
				}
				total += n
			}
			if total > 0 {
				return exitWith(ExitFailed, fmt.Errorf("%d problems found", total))
			}
			return nil
		},
	}
	f.register(cmd)
	root.AddCommand(cmd)
	checkCmd = cmd
	checkEnabled = enabled
}

var (
	checkCmd     *cobra.Command
	checkEnabled map[string]*bool
)

// registerCheckFlags adds each registered check's flag; main calls it
// before executing, after every file's init has registered its checks.
func registerCheckFlags() {
	for name, c := range checks {
		if checkCmd.Flags().Lookup(name) == nil {
			checkEnabled[name] = checkCmd.Flags().Bool(name, false, c.usage)
		}
	}
}
