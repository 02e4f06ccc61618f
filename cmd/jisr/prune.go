package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/jisr-news/jisr/generator/build"
	"github.com/jisr-news/jisr/generator/prune"
	"github.com/jisr-news/jisr/generator/store"
)

func init() {
	var f projectFlags
	var yes, keepReviews bool
	cmd := &cobra.Command{
		Use:   "prune",
		Short: "Unpublish the articles whose seed or record is gone (the build lists them)",
		Long: `prune removes from content/ every article whose source is gone: its seed file
was deleted, or its record was deleted from a .json or .jsonl export (records
are known by their id or url, else by a hash of their title and text). It lists what it will
remove and asks on a terminal; --yes skips the question (needed when not on a
terminal).

Each removed article's segment store (its translations and reviews) is kept in
pruned/<id>/` + store.FileName + `; to restore the article, put its seed back and move
that file back to content/articles/<id>/ before building. With --keep-reviews
the store stays in content/articles/<id>/ instead (unpublished, still used as
translation memory). The term pages (entities/, tags/) are written again from
the stored analyses of the articles that remain, so a name only the removed
articles had loses its page. No engine is made: a missing engine key does not
matter. Run jisr build afterwards to update the site (public/).`,
		Example: `  jisr prune
  jisr prune --yes --keep-reviews`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			// No engine or analyzer: prune reads the seeds and the content
			// tree only, so a missing engine key never stops it.
			p, err := build.OpenLayout(f.options(cmd))
			if err != nil {
				return fail(err)
			}
			ids := map[string]string{}
			for _, o := range p.OrphanArticles() {
				ids[o.ID] = o.Source
			}
			out := cmd.OutOrStdout()
			if len(ids) == 0 {
				fmt.Fprintln(out, "nothing to prune: every article in the content tree has its source")
				return nil
			}
			o := prune.Options{Content: p.Content, Archive: filepath.Join(p.Root, "pruned"), KeepReviews: keepReviews}
			items, err := prune.Plan(p.Fs, o, ids)
			if err != nil {
				return exitWith(ExitFailed, err)
			}
			fmt.Fprintf(out, "%d articles have no source any more and will be unpublished:\n", len(items))
			for _, it := range items {
				fmt.Fprintf(out, "  %s (%s): %d segments, %d reviewed\n", it.ID, it.Source, it.Segments, it.Reviewed)
			}
			if keepReviews {
				fmt.Fprintln(out, "their stores stay in the content tree (--keep-reviews)")
			} else {
				fmt.Fprintf(out, "their stores are kept in %s\n", o.Archive)
			}
			if !yes {
				in, ok := cmd.InOrStdin().(*os.File)
				if !ok || !term.IsTerminal(int(in.Fd())) {
					return exitWith(ExitUsage, fmt.Errorf("not on a terminal: run jisr prune --yes to remove them"))
				}
				fmt.Fprint(out, "remove them? [y/N] ")
				line, _ := bufio.NewReader(in).ReadString('\n')
				if a := strings.ToLower(strings.TrimSpace(line)); a != "y" && a != "yes" {
					fmt.Fprintln(out, "nothing removed")
					return nil
				}
			}
			res, err := prune.Remove(p.Fs, o, items)
			fmt.Fprintf(out, "unpublished %d articles", res.Removed)
			switch {
			case res.TermsLeft != "":
				fmt.Fprintf(out, "; term pages left for the next build: %s", res.TermsLeft)
			case err == nil:
				fmt.Fprintf(out, "; term pages updated (%d files)", res.Terms)
			}
			fmt.Fprintln(out, "; run jisr build to update the site")
			if err != nil {
				return exitWith(ExitFailed, err)
			}
			return nil
		},
	}
	f.register(cmd)
	cmd.Flags().BoolVar(&yes, "yes", false, "remove without asking")
	cmd.Flags().BoolVar(&keepReviews, "keep-reviews", false, "leave each article's segment store in content/ (unpublished)")
	root.AddCommand(cmd)
}
