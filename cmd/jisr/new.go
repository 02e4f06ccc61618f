package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/jisr-news/jisr/generator/project"
)

// jisr new article NAME: a new seed and its sidecar (project.WriteNewArticle).
func init() {
	newCmd := &cobra.Command{
		Use:   "new",
		Short: "Create new content: jisr new article NAME",
	}
	var title, date string
	articleCmd := &cobra.Command{
		Use:   "article NAME",
		Short: "Write seeds/NAME.txt and its sidecar seeds/NAME.yaml (a draft)",
		Long: `article writes a new seed into the seeds folder: NAME.txt, one paragraph a line,
with a placeholder to replace, and its sidecar NAME.yaml with the title, date,
slug, tags and draft: true. Drafts are left out of builds until the draft line
is removed, or built with --buildDrafts. Existing files are never overwritten.`,
		Example: `  jisr new article budget-vote --title "البرلمان يقر الموازنة"`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := layout("")
			if err != nil {
				return fail(err)
			}
			d := time.Now().UTC()
			if date != "" {
				if d, err = time.Parse("2006-01-02", date); err != nil {
					return usage(fmt.Errorf("--date %q: use 2006-01-02", date))
				}
			}
			files, err := project.WriteNewArticle(l, project.NewArticle{Name: args[0], Title: title, Date: d})
			if err != nil {
				if errors.Is(err, project.ErrBadName) {
					return usage(err)
				}
				return exitWith(ExitFailed, err)
			}
			for _, f := range files {
				fmt.Fprintln(cmd.OutOrStdout(), f)
			}
			return nil
		},
	}
	articleCmd.Flags().StringVar(&title, "title", "", "the Arabic headline")
	articleCmd.Flags().StringVar(&date, "date", "", "publication date, 2006-01-02 (default today, UTC)")
	newCmd.AddCommand(articleCmd)
	root.AddCommand(newCmd)
}
