package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/jisr-news/jisr/generator/build"
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
	if file != "" && !cmd.Flags().Changed("offline") {
		offline := true
		o.Offline = &offline
	}
	return o
}

// writeZip zips the site a successful build wrote.
func writeZip(cmd *cobra.Command, o build.Options, file string) error {
	p, err := build.Open(o)
	if err != nil {
		return err
	}
	res, err := p.WriteZip(file)
	if err != nil {
		return err
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s: %d files, %.1f MB unpacked\n", file, res.Files, float64(res.Bytes)/1e6)
	return nil
}
