package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jisr-news/jisr/generator/build"
	"github.com/jisr-news/jisr/generator/gazetteer"
	trun "github.com/jisr-news/jisr/generator/translate/run"
)

func init() {
	var f projectFlags
	var text bool
	cmd := &cobra.Command{
		Use:   "translate",
		Short: "Fill the translation store in content/ without rendering; --text translates stdin",
		Long: `translate reads the articles in seeds/, translates every segment that the store
in content/ lacks (or holds only as gist when the engine does better), and writes
the store, without rendering the site. A warm store sends no request.

With --text it reads Arabic text on standard input, one segment a line, and
writes one English line per input line to standard output, with the configured
engine and no store. Progress and the summary go to standard error.

The engine fails over to the offline gist engine when it keeps failing; those
segments are marked gist so that the next run upgrades them.`,
		Example: `  jisr translate --engine deepl
  echo "قال الرئيس إن ٣ وزراء استقالوا" | jisr translate --text --engine openai --engine-url http://127.0.0.1:11434/v1/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o := f.options(cmd)
			p, err := build.Open(o)
			if err != nil {
				return exitWith(build.ExitCode(nil, err), err)
			}
			if !text {
				sum, _, err := p.Prepare(cmd.Context())
				if sum != nil {
					reportTranslate(cmd, sum)
				}
				return exitWith(build.ExitCode(sum, err), err)
			}
			g, err := gazetteer.LoadProject(p.Fs, p.Root)
			if err != nil {
				return exitWith(build.ExitUsage, err)
			}
			st, err := trun.Text(cmd.Context(), p.Engine, p.Fallback, cmd.InOrStdin(), cmd.OutOrStdout(), trun.Standard(g, cmd.ErrOrStderr()))
			if st.Segments > 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "translate: engine %s: %s\n", p.Engine.Name(), st.Summary())
			}
			if err != nil {
				return exitWith(build.ExitFailed, err)
			}
			return nil
		},
	}
	f.register(cmd)
	cmd.Flags().BoolVar(&text, "text", false, "translate Arabic lines from stdin to English lines on stdout; no store")
	root.AddCommand(cmd)
}

// reportTranslate prints what jisr translate did.
func reportTranslate(cmd *cobra.Command, s *build.Summary) {
	w := cmd.ErrOrStderr()
	keys := make([]string, 0, len(s.Statuses))
	for k := range s.Statuses {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var st []string
	for _, k := range keys {
		st = append(st, fmt.Sprintf("%s %d", k, s.Statuses[k]))
	}
	fmt.Fprintf(w, "translated %d articles; segments: %s; engine %s: %d requests", s.Articles, strings.Join(st, ", "), s.Engine, s.Requests)
	if s.Fallback > 0 {
		fmt.Fprintf(w, "; %d segments fell back to gist (the next run retries them)", s.Fallback)
	}
	fmt.Fprintf(w, "; %d content files changed\n", s.Written)
	for _, e := range s.Skipped {
		fmt.Fprintf(w, "skipped: %v\n", e)
	}
}
