package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/jisr-news/jisr/generator/build"
)

// "jisr check --links": every internal href and src of the built site
// resolves (from file:// with --offline, else under the base URL), and
// nothing is loaded from another host. See generator/linkcheck.
func init() {
	addCheck(&check{
		flag:  "links",
		usage: "check that every internal link and resource in the built site resolves, and list resources from other hosts",
		run: func(cmd *cobra.Command, p *build.Project) (int, error) {
			rep, err := p.CheckLinks("")
			if err != nil {
				return 0, fmt.Errorf("%w (build the site first)", err)
			}
			rep.Write(cmd.OutOrStdout())
			return len(rep.Broken) + len(rep.External), nil
		},
	})
}
