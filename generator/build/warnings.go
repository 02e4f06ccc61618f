package build

import (
	"fmt"
	"path/filepath"
	"strings"
)

// projectMark stands for the project's folder in the warnings the manifest
// records (manifest.Site.Warnings), so that the committed file names no
// absolute path and reads the same in every checkout; replayWarnings puts
// the folder back. Braces, not angle brackets: encoding/json escapes those.
const projectMark = "{project}"

// warn writes one warning of Prepare to the log, "warning: <msg>", and
// keeps msg for the manifest (recordSite), so that a build with nothing to
// do (unchanged) repeats it: its cause is still in the inputs. Only
// warnings that every build of the same inputs prints go through here
// (not those about public/, which a cold build has not got), so that a
// cold and an incremental build record the same manifest.
func (p *Project) warn(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	fmt.Fprintf(p.Log, "warning: %s\n", msg)
	p.warnings = append(p.warnings, msg)
}

// rootPrefix is the project's folder with a trailing separator, or ""
// when it is the file system's root (nothing to hide then).
func (p *Project) rootPrefix() string {
	root := filepath.Clean(p.Root)
	if p.Root == "" || root == string(filepath.Separator) || root == "." {
		return ""
	}
	return root + string(filepath.Separator)
}

// recordWarnings returns the warnings Prepare printed, in the order it
// printed them (seed order: deterministic), with the project's folder
// replaced by projectMark.
func (p *Project) recordWarnings() []string {
	var out []string
	pre := p.rootPrefix()
	for _, w := range p.warnings {
		if pre != "" {
			w = strings.ReplaceAll(w, pre, projectMark+string(filepath.Separator))
		}
		out = append(out, w)
	}
	return out
}

// replayWarnings prints recorded warnings (recordWarnings) as the build
// that recorded them printed them, with this project's folder.
func (p *Project) replayWarnings(ws []string) {
	pre := p.rootPrefix()
	for _, w := range ws {
		if pre != "" {
			w = strings.ReplaceAll(w, projectMark+string(filepath.Separator), pre)
		}
		fmt.Fprintf(p.Log, "warning: %s\n", w)
	}
}
