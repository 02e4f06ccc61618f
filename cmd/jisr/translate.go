package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/jisr-news/jisr/generator/build"
	trun "github.com/jisr-news/jisr/generator/translate/run"
)

func init() {
	var f projectFlags
	var text bool
	var shard string
	cmd := &cobra.Command{
		Use:   "translate",
		Short: "Fill the translation store in content/ without rendering; --text translates stdin",
		Long: `translate reads the articles in seeds/, translates every segment that the store
in content/ lacks (or holds only as gist when the engine does better), and writes
the store, without rendering the site. A warm store sends no request.

With --text it reads Arabic text on standard input, one segment a line, and
writes one English line per input line to standard output, with the configured
engine and no store. Progress and the summary go to standard error.

With --shard K/N it translates only the articles of shard K of N (chosen by a
hash of the article ID) and writes only their segments.yaml, so that N jobs (a CI
matrix) can translate an archive in parallel from one checkout; the union of
their content/articles folders is the store one run writes. Run jisr build after
the union to write the pages.

The engine fails over to the offline gist engine when it keeps failing; those
segments are marked gist so that the next run upgrades them.`,
		Example: `  jisr translate --engine deepl
  jisr translate --shard 2/8 --engine deepl
  echo "قال الرئيس إن ٣ وزراء استقالوا" | jisr translate --text --engine openai --engine-url http://127.0.0.1:11434/v1/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o := f.options(cmd)
			var sh build.Shard
			if shard != "" {
				var err error
				if sh, err = build.ParseShard(shard); err != nil {
					return usage(fmt.Errorf("--shard: %w", err))
				}
				if text {
					return usage(errors.New("--shard and --text cannot be used together"))
				}
			}
			p, err := build.Open(o)
			if err != nil {
				return fail(err)
			}
			if shard != "" {
				sum, err := p.TranslateShard(cmd.Context(), sh)
				if sum != nil {
					sum.ReportTranslate(cmd.ErrOrStderr())
				}
				return exitWith(exitCode(sum, err), err)
			}
			if !text {
				sum, _, err := p.Prepare(cmd.Context())
				if sum != nil {
					sum.ReportTranslate(cmd.ErrOrStderr())
				}
				return exitWith(exitCode(sum, err), err)
			}
			st, err := trun.Text(cmd.Context(), p.Engine, p.Fallback, cmd.InOrStdin(), cmd.OutOrStdout(), trun.Standard(p.Gazetteer, cmd.ErrOrStderr()))
			if st.Segments > 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "translate: engine %s: %s\n", p.Engine.Name(), st.Summary())
			}
			if err != nil {
				return exitWith(ExitFailed, err)
			}
			return nil
		},
	}
	f.register(cmd)
	cmd.Flags().StringVar(&shard, "shard", "", "translate only shard `K/N` of the articles (by article ID hash) and write only their segments.yaml")
	cmd.Flags().BoolVar(&text, "text", false, "translate Arabic lines from stdin to English lines on stdout; no store")
	root.AddCommand(cmd)
}
