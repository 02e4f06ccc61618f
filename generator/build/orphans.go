package build

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/afero"
	"gopkg.in/yaml.v3"
)

// Orphans lists the articles in the content tree whose seed file no longer
// exists, as "content/articles/<id> (seeds/x.txt)". jisr never deletes them
// itself, since they may hold reviewed translations; the build summary names
// them so that a publisher who removed a seed knows which folder to delete.
// Articles written by hand (no jisr.source) are not orphans.
func (p *Project) Orphans() []string {
	dir := filepath.Join(p.Content, "articles")
	entries, err := afero.ReadDir(p.Fs, dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		data, err := afero.ReadFile(p.Fs, filepath.Join(dir, e.Name(), "index.ar.md"))
		if err != nil {
			continue
		}
		src := seedOf(data)
		if src == "" {
			continue
		}
		file := src
		if i := strings.LastIndexByte(file, '#'); i >= 0 {
			file = file[:i] // a record of a collection
		}
		if !filepath.IsAbs(file) {
			file = filepath.Join(p.Root, filepath.FromSlash(file))
		}
		if _, err := p.Fs.Stat(file); os.IsNotExist(err) {
			out = append(out, path.Join(filepath.ToSlash(filepath.Base(p.Content)), "articles", e.Name())+" ("+src+")")
		}
	}
	sort.Strings(out)
	return out
}

// seedOf reads jisr.source from an index file's front matter.
func seedOf(page []byte) string {
	rest, ok := bytes.CutPrefix(page, []byte("---\n"))
	if !ok {
		return ""
	}
	fm, _, ok := bytes.Cut(rest, []byte("\n---"))
	if !ok {
		return ""
	}
	var v struct {
		Jisr struct {
			Source string `yaml:"source"`
		} `yaml:"jisr"`
	}
	if yaml.Unmarshal(fm, &v) != nil {
		return ""
	}
	return v.Jisr.Source
}
