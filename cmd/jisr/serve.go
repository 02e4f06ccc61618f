package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/jisr-news/jisr/generator/build"
	"github.com/jisr-news/jisr/generator/project"
	"github.com/jisr-news/jisr/generator/serve"
)

func init() {
	var f projectFlags
	var addr string
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Build the site, serve it at http://127.0.0.1:1313/ and rebuild on changes",
		Long: `serve builds the site, serves it on --addr (127.0.0.1:1313), and rebuilds it
whenever a file changes in seeds/, content/, templates/, static/ or jisr.toml.
Open pages reload by themselves. The preview is served at the root of the
server, whatever the base URL in jisr.toml; --offline is ignored.

An edited article shows first on its own pages (its page in each language
and its review page, new sentences as gist until the build translates
them), within a few seconds, while the rest of the site (lists, feeds,
search index, link check) is rebuilt; then every page reloads again.
Changes to templates/, static/ or jisr.toml reload once the whole site is
rebuilt.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o := f.options(cmd)
			o.BaseURL = "http://" + addr + "/"
			offline := false
			o.Offline = &offline
			l, err := project.Resolve(o.Flags())
			if err != nil {
				return fail(err)
			}
			log := cmd.ErrOrStderr()
			// The session keeps, between builds, what Prepare read and the
			// embedded models, so that an edit reads and analyzes only
			// what changed (build.Session).
			o.Session = build.NewSession()
			rebuild := func(ctx context.Context) error {
				sum, err := build.Run(ctx, o)
				if err == nil {
					sum.Report(log)
				}
				return err
			}
			if err := rebuild(cmd.Context()); err != nil {
				if exitCode(nil, err) == ExitUsage {
					return fail(err)
				}
				// Serve anyway: the next save may fix it.
				fmt.Fprintf(log, "build failed: %v\n", err)
			}
			if err := o.Session.Warm(cmd.Context(), o); err != nil {
				fmt.Fprintf(log, "serve: %v (the first edit reads every article)\n", err)
			}
			preview := func(ctx context.Context, changed []string) (map[string][]byte, error) {
				pv, err := build.Preview(ctx, o, changed) // also makes the session forget them
				if err != nil {
					return nil, err
				}
				return pv.Pages, nil
			}
			watch, ignore := serve.Watched(l)
			srv := serve.New(serve.Options{
				Addr:    addr,
				Dir:     l.Out,
				Watch:   watch,
				Ignore:  ignore,
				Written: []string{l.Content}, // the build writes the content tree
				Build:   rebuild,
				Preview: preview,
				Log:     log,
			})
			if err := srv.Run(cmd.Context()); err != nil {
				return exitWith(ExitFailed, err)
			}
			return nil
		},
	}
	f.register(cmd)
	cmd.Flags().StringVar(&addr, "addr", serve.DefaultAddr, "address to listen on")
	root.AddCommand(cmd)
}
