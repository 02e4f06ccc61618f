package main

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/jisr-news/jisr/generator/analyze/report"
	"github.com/jisr-news/jisr/generator/build"
	"github.com/jisr-news/jisr/generator/project"
)

// jisr analyze: entities, tags and dates of articles, for scripting and
// evaluation (issue 5). The work is in package analyze/report.
func init() {
	var asJSON, lines bool
	cmd := &cobra.Command{
		Use:   "analyze FILE...",
		Short: "Print the segments, entities, tags and date of articles",
		Long: `analyze reads article files (txt, md, json, jsonl) and prints, for each article, its
segments, its entities (character offsets, type, surface, Arabic and English names), its tags
with scores and its date. The project's gazetteer (<content>/` + project.GazetteerFile + `) and its reviewed
entity pages (<content>/` + project.TermsDir + `) extend the built-in one.

With --lines it reads one text per line from stdin instead and prints one JSON object per line.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := layout("")
			if err != nil {
				return fail(err)
			}
			_, an, err := build.NewAnalyzer(l)
			if err != nil {
				return fail(err)
			}
			if lines {
				if len(args) > 0 {
					return usage(errors.New("analyze --lines reads stdin and takes no FILE"))
				}
				return report.Lines(cmd.InOrStdin(), cmd.OutOrStdout(), an)
			}
			if len(args) == 0 {
				return usage(errors.New("analyze needs at least one FILE, or --lines"))
			}
			if err := report.Files(cmd.OutOrStdout(), an, l.Fs, args, asJSON); err != nil {
				return exitWith(ExitFailed, err)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON (one object per article)")
	cmd.Flags().BoolVar(&lines, "lines", false, "read one text per line from stdin; print one JSON object per line")
	root.AddCommand(cmd)
}
