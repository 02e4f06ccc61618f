package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jisr-news/jisr/generator/analyze"
	"github.com/jisr-news/jisr/generator/build"
	"github.com/jisr-news/jisr/generator/project"
	"github.com/jisr-news/jisr/generator/review"
	"github.com/jisr-news/jisr/generator/store"
)

// reviewProject resolves the layout (--root, --config, --content) and the
// project's analyzer; review needs no engine.
func reviewProject(content string) (*project.Layout, *analyze.Analyzer, error) {
	l, err := layout(content)
	if err != nil {
		return nil, nil, err
	}
	_, an, err := build.NewAnalyzer(l)
	return l, an, err
}

func init() {
	reviewCmd := &cobra.Command{
		Use:   "review",
		Short: "Export translations to XLIFF, PO or TMX for review, and import them back",
		Long: `review moves the translations of the content store (content/articles/*/` + store.FileName + `)
to and from translators' tools.

  jisr review export --format xliff --out review/       one XLIFF 2.1 file per article
  jisr review export --format po --out review/          one PO file per article
  jisr review export --format tmx --out review/         the reviewed pairs as a TMX 1.4 memory
  jisr review import [--reviewer NAME] FILE|FOLDER...   .xlf/.xliff, .po or .tmx (a folder: all of them in it)

Import checks every unit first: an unknown segment, or an Arabic source that
changed since the export, is a conflict and is not applied. Edited or
confirmed targets become reviewed, and no later build overwrites them.
Exit codes: 0 done; 1 failure (nothing written); 2 bad usage; 3 applied, but
some units were conflicts (each is listed).`,
	}

	var content, format, out, articles, translator string
	exportCmd := &cobra.Command{
		Use:   "export",
		Short: "Write the translations as XLIFF 2.1, PO or TMX 1.4 files",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f := review.Format(strings.ToLower(format))
			switch f {
			case review.XLIFF, review.XLIFF12, review.PO, review.TMX:
			default:
				return usage(fmt.Errorf("--format %q: use xliff, xliff12, po or tmx", format))
			}
			l, an, err := reviewProject(content)
			if err != nil {
				return fail(err)
			}
			o := review.Options{Fs: l.Fs, Content: l.Content, Translator: translator, Analyzer: an}
			for _, a := range strings.Split(articles, ",") {
				if a = strings.TrimSpace(a); a != "" {
					o.Articles = append(o.Articles, a)
				}
			}
			files, err := review.Export(o, f, l.Abs(out))
			if err != nil {
				return exitWith(ExitFailed, err)
			}
			for _, f := range files {
				fmt.Fprintln(cmd.OutOrStdout(), f)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "exported %d files; after editing: jisr review import FILE... (or the folder)\n", len(files))
			return nil
		},
	}
	fl := exportCmd.Flags()
	fl.StringVar(&format, "format", "xliff", "file format: xliff (2.1), xliff12 (XLIFF 1.2, for OmegaT and older tools), po or tmx (1.4)")
	fl.StringVar(&out, "out", "review", "folder to write the files into, relative to --root like every project path")
	fl.StringVar(&articles, "article", "", "comma-separated article IDs to export (default all)")
	fl.StringVar(&translator, "translator", "", "translator's name to write into the files (XLIFF note, PO Last-Translator)")
	fl.StringVar(&content, "content", "", "content tree folder (default content/)")

	var icontent, reviewer string
	var dryRun bool
	importCmd := &cobra.Command{
		Use:   "import FILE|FOLDER...",
		Short: "Bring edited XLIFF, PO or TMX files (or a folder of them) back into the content store",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			files, err := importFiles(args) // review_files.go: a folder gives its files
			if err != nil {
				return usage(err)
			}
			l, an, err := reviewProject(icontent)
			if err != nil {
				return fail(err)
			}
			res, err := review.Import(review.Options{Fs: l.Fs, Content: l.Content, Reviewer: reviewer, DryRun: dryRun, Analyzer: an}, files...)
			if err != nil {
				return exitWith(ExitFailed, err)
			}
			w := cmd.OutOrStdout()
			for _, c := range res.Applied {
				what := "edited"
				if c.Confirmed {
					what = "confirmed"
				}
				by := ""
				if c.Reviewer != "" {
					by = " by " + c.Reviewer
				}
				fmt.Fprintf(w, "%s#%s: %s%s\n", c.Article, c.Segment, what, by)
			}
			for _, c := range res.Conflicts {
				fmt.Fprintf(w, "conflict: %s\n", c)
			}
			verb := "applied"
			if dryRun {
				verb = "would apply"
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "%s %d segments as reviewed; %d unchanged; %d conflicts", verb, len(res.Applied), res.Unchanged, len(res.Conflicts))
			if res.Unmatched > 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "; %d memory units match no article", res.Unmatched)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "; %d stores written\n", len(res.Written))
			if len(res.Conflicts) > 0 {
				return exitWith(ExitSkipped, fmt.Errorf("%d conflicts were not applied", len(res.Conflicts)))
			}
			return nil
		},
	}
	fl = importCmd.Flags()
	fl.StringVar(&reviewer, "reviewer", "", "name recorded on every imported segment (default: the name the file carries)")
	fl.BoolVar(&dryRun, "dry-run", false, "report what would change without writing")
	fl.StringVar(&icontent, "content", "", "content tree folder (default content/)")

	reviewCmd.AddCommand(exportCmd, importCmd)
	root.AddCommand(reviewCmd)
}
