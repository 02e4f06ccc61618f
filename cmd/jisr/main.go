// Command jisr builds a bilingual Arabic/English news site from Arabic
// articles: seeds/ → content/ → public/. Run "jisr --help".
//
// Exit codes: 0 success; 1 the command failed (public/ is unchanged);
// 2 bad usage, configuration, or nothing to build; 3 the site was built but
// some inputs were skipped (each is listed with its path and reason).
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/jisr-news/jisr/generator/build"
	"github.com/jisr-news/jisr/generator/project"
	"github.com/jisr-news/jisr/generator/translate/engines"
)

// version is set at link time (-ldflags "-X main.version=v1.2.3"); otherwise
// the module version or VCS revision is reported.
var version = ""

// root is the jisr command; other files add subcommands in init.
var root = &cobra.Command{
	Use:   "jisr",
	Short: "jisr (جسر) builds bilingual Arabic/English news sites",
	Long: `jisr turns Arabic news articles (seeds/) into a static site with right-to-left
Arabic pages, their English translations, side-by-side views and index pages
for tags and named entities, in both languages. Hugo renders the site.

It works in the current folder, or in --root DIR: seeds/, content/,
templates/, static/ and jisr.toml are read there, and the site goes to public/.

Exit codes: 0 success; 1 failure (public/ unchanged); 2 bad usage or nothing
to build; 3 built, but some inputs were skipped.`,
	SilenceUsage:  true,
	SilenceErrors: true,
}

// projectFlags are the flags every project command shares.
type projectFlags struct {
	root, config, seeds, content, out, baseURL, engine, engineURL string
	offline, minify, drafts                                       bool
}

// hugoNames accepts Hugo's spellings of the flags that mean the same:
// --baseURL for --base-url, --destination for --out.
func hugoNames(_ *pflag.FlagSet, name string) pflag.NormalizedName {
	switch name {
	case "baseURL", "baseurl":
		name = "base-url"
	case "destination":
		name = "out"
	}
	return pflag.NormalizedName(name)
}

func (f *projectFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.seeds, "seeds", "", "folder of input articles (default seeds/)")
	fl.StringVar(&f.content, "content", "", "content tree folder (default content/)")
	fl.SetNormalizeFunc(hugoNames)
	fl.StringVarP(&f.out, "out", "d", "", "output folder (default public/; also --destination)")
	fl.StringVarP(&f.baseURL, "base-url", "b", "", "URL the site is published under, e.g. https://user.github.io/repo/ (also --baseURL)")
	fl.BoolVar(&f.minify, "minify", false, "minify the HTML, CSS, JS, JSON, SVG and XML with Hugo's minifier (default: [minify] minifyOutput)")
	fl.BoolVarP(&f.drafts, "buildDrafts", "D", false, "also build articles whose front matter says draft: true")
	fl.StringVar(&f.engine, "engine", "", "translation engine: gist (offline, default), google, google-cloud, libretranslate, deepl, azure, openai")
	fl.StringVar(&f.engineURL, "engine-url", "", "base URL of the engine's server (also JISR_ENGINE_URL)")
	fl.BoolVar(&f.offline, "offline", false, "make a site that browses from file:// (relative .html links)")
}

// options turns the flags into build options. The engines are listed here,
// explicitly: a library caller chooses its own list.
func (f *projectFlags) options(cmd *cobra.Command) build.Options {
	o := build.Options{Root: rootDir, ConfigFile: configFile, Seeds: f.seeds, Content: f.content, Out: f.out,
		BaseURL: f.baseURL, Engine: f.engine, EngineURL: f.engineURL, Engines: engines.Providers(), Log: cmd.ErrOrStderr()}
	if cmd.Flags().Changed("offline") {
		o.Offline = &f.offline
	}
	if cmd.Flags().Changed("minify") {
		o.Minify = &f.minify
	}
	o.Drafts = f.drafts
	return o
}

var rootDir, configFile string

// layout resolves the project's folders from --root, --config and the
// given --content (package project), for the commands that need no engine.
func layout(content string) (*project.Layout, error) {
	return project.Resolve(project.Flags{Root: rootDir, Config: configFile, Content: content})
}

func init() {
	root.PersistentFlags().StringVar(&rootDir, "root", ".", "project folder")
	root.PersistentFlags().StringVar(&configFile, "config", "", "config file (default <root>/jisr.toml)")
	root.AddCommand(&cobra.Command{
		Use:   "version",
		Short: "Print jisr's version",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, _ []string) {
			fmt.Fprintln(cmd.OutOrStdout(), "jisr", versionString())
		},
	})
	var f projectFlags
	var zipFile *string
	var strict bool
	buildCmd := &cobra.Command{
		Use:   "build",
		Short: "Build the site: seeds/ → content/ → public/",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o := zipOptions(cmd, f.options(cmd), *zipFile) // zip.go
			if cmd.Flags().Changed("strict") {
				o.Strict = &strict
			}
			sum, err := build.Run(cmd.Context(), o)
			if err == nil && *zipFile != "" {
				err = writeZip(cmd, o)
			}
			if sum != nil && err == nil {
				sum.Report(cmd.ErrOrStderr())
			}
			return exitWith(exitCode(sum, err), err)
		},
	}
	f.register(buildCmd)
	buildCmd.Flags().BoolVar(&strict, "strict", false, "exit 3 on any skipped input, also records with no text (default: [build] strict in jisr.toml)")
	zipFile = addZipFlag(buildCmd)
	root.AddCommand(buildCmd)
}

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			return bi.Main.Version
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				return "devel-" + s.Value[:12]
			}
		}
	}
	return "devel"
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	registerCheckFlags()
	// JISR_CPUPROFILE=FILE writes a CPU profile of the command, for
	// "go tool pprof"; it is how build speed is investigated. The heap
	// profile, JISR_MEMPROFILE=FILE, is written by the render, at the
	// end of its lists run (render.MemProfileEnv).
	if f := os.Getenv("JISR_CPUPROFILE"); f != "" {
		if out, err := os.Create(f); err == nil {
			pprof.StartCPUProfile(out)
			defer func() { pprof.StopCPUProfile(); out.Close() }()
		}
	}
	if os.Getenv("JISR_TRACE") != "" { // trace.go: what each stage costs
		root.SetErr(&traceWriter{w: os.Stderr, stamp: resourceStamp(time.Now())})
	}
	err := root.ExecuteContext(ctx)
	if err == nil {
		return
	}
	code := ExitUsage // cobra's own errors are usage errors
	var ee *exitError
	if errors.As(err, &ee) {
		code = ee.code
	}
	if ee == nil || ee.err != nil {
		fmt.Fprintln(os.Stderr, "jisr:", err)
	}
	pprof.StopCPUProfile()
	os.Exit(code)
}
