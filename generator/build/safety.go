package build

import (
	"fmt"

	"github.com/jisr-news/jisr/generator/project"
	"github.com/jisr-news/jisr/generator/publish"
	"github.com/jisr-news/jisr/generator/safepath"
)

// checkFolders refuses a project whose folders would let the build delete
// or write what it must not (see ARCHITECTURE.md, "Security"): an output
// folder that jisr did not make or that holds the project (publish.CheckOut);
// a folder from jisr.toml that leads outside the project; a symbolic link
// in content/, static/ or templates/ that leads outside its folder. Only
// paths given on the command line (p.Origin, from package project) may
// point outside the project.
func (p *Project) checkFolders() error {
	keep := []string{p.Seeds, p.Content, p.Static, p.Templates}
	if err := publish.CheckOut(p.Fs, publish.OutDir{Root: p.Root, Dir: p.Out,
		FromCommandLine: p.Origin[project.NameOut] == project.FromFlag, Keep: keep}); err != nil {
		return &SetupError{err}
	}
	root, err := safepath.Resolve(p.Fs, p.Root)
	if err != nil {
		return fmt.Errorf("project folder: %w", err)
	}
	for _, f := range []struct {
		name, dir string
		flag      bool
	}{{"seeds", p.Seeds, p.Origin[project.NameSeeds] == project.FromFlag}, {"content", p.Content, p.Origin[project.NameContent] == project.FromFlag}, {"static", p.Static, p.Origin[project.NameStatic] == project.FromFlag}, {"templates", p.Templates, p.Origin[project.NameTemplates] == project.FromFlag}} {
		if f.flag {
			continue
		}
		real, err := safepath.Resolve(p.Fs, f.dir)
		if err != nil {
			return fmt.Errorf("%s folder: %w", f.name, err)
		}
		if !safepath.Within(root, real) {
			return &SetupError{fmt.Errorf("%s folder %s refused: the path comes from jisr.toml (or a link) and leads outside the project %s (only a path given on the command line may)", f.name, f.dir, p.Root)}
		}
	}
	if err := safepath.CheckLinks(p.Fs, p.Content, p.Static, p.Templates); err != nil {
		return &SetupError{err}
	}
	return nil
}
