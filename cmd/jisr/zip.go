package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/jisr-news/jisr/generator/build"
	"github.com/jisr-news/jisr/generator/project"
)

// addZipFlag adds --zip FILE to the build command.
func addZipFlag(cmd *cobra.Command) *string {
	var file string
	cmd.Flags().StringVar(&file, "zip", "", "also write the site to this zip file, relative to --root (implies --offline unless --offline=false is given)")
	return &file
}

// zipOptions builds the site for file:// when a zip is asked for, unless
// --offline was given explicitly: a zip is opened from disk.
func zipOptions(cmd *cobra.Command, o build.Options, file string) build.Options {
	o.Zip = file
	if file != "" && !cmd.Flags().Changed("offline") {
		offline := true
		o.Offline = &offline
	}
	return o
}

// writeZip zips the site a successful build wrote into the zip file the
// layout resolved (o.Zip, relative to --root).
func writeZip(cmd *cobra.Command, o build.Options) error {
	l, err := project.Resolve(o.Flags()) // no engine needed
	if err != nil {
		return err
	}
	res, err := (&build.Project{Layout: l}).WriteZip()
	if err != nil {
		return err
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s: %d files, %.1f MB unpacked\n", o.Zip, res.Files, float64(res.Bytes)/1e6)
	return nil
}
