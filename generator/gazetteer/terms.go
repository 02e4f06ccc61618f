package gazetteer

import (
	"bytes"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/spf13/afero"
	"gopkg.in/yaml.v3"
)

// TermsDir is where the content tree keeps entity term pages, relative to
// the project root: one folder per entity ID with _index.ar.md and
// _index.en.md.
const TermsDir = "content/entities"

// TermPage is the front matter of an entity term page, the fields that
// name the entity: package content writes it (with more fields for the
// layouts), FromTermPages reads it back.
type TermPage struct {
	Type     string   `yaml:"type"`
	NameAR   string   `yaml:"name_ar"`
	NameEN   string   `yaml:"name_en"`
	Aliases  []string `yaml:"aliases_ar,omitempty"`
	Wikidata string   `yaml:"wikidata,omitempty"`
	// Reviewed is for people: true on a generated page adopts its names
	// as a gazetteer entry. jisr always writes false, so that what
	// analysis guessed never feeds back into the next analysis.
	Reviewed bool `yaml:"reviewed_name"`
	// Generated marks a page that jisr wrote and may rewrite or remove; a
	// page without it is a person's.
	Generated bool `yaml:"jisr_generated"`
}

// FromTermPages reads the entity term pages under dir (see TermsDir) and
// returns an entry for each page a person wrote or reviewed: front matter
// with jisr_generated false or reviewed_name true. Its folder name is the
// ID, so a reviewed page corrects the entity it names (its English name,
// aliases, Wikidata ID), and a page for a new entity adds it. Pages jisr
// generated and nobody reviewed are skipped: they hold what analysis
// guessed. The Arabic page (_index.ar.md) is read, else the English one.
// A missing dir gives no entries and no error.
func FromTermPages(fsys afero.Fs, dir string) ([]Entry, error) {
	infos, err := afero.ReadDir(fsys, dir)
	if err != nil {
		return nil, nil
	}
	var names []string
	for _, fi := range infos {
		if fi.IsDir() {
			names = append(names, fi.Name())
		}
	}
	sort.Strings(names)
	var out []Entry
	for _, id := range names {
		var data []byte
		var file string
		for _, f := range []string{"_index.ar.md", "_index.en.md", "_index.md"} {
			file = path.Join(dir, id, f)
			if data, err = afero.ReadFile(fsys, file); err == nil {
				break
			}
		}
		if err != nil {
			continue // a folder without a page
		}
		fm, err := termFrontMatter(data)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: term page %s: %w", file, err)
		}
		if fm.Generated && !fm.Reviewed {
			continue
		}
		if Slug(id) != id {
			return nil, fmt.Errorf("gazetteer: term page %s: folder %q is not an ASCII slug", file, id)
		}
		e := Entry{ID: id, Type: normType(fm.Type), EN: strings.TrimSpace(fm.NameEN), AR: strings.TrimSpace(fm.NameAR),
			Aliases: fm.Aliases, Wikidata: fm.Wikidata}
		if e.Type == "" {
			return nil, fmt.Errorf("gazetteer: term page %s: type must be PERSON, PLACE or ORGANIZATION", file)
		}
		out = append(out, e)
	}
	return out, nil
}

// termFrontMatter parses the YAML front matter between "---" lines.
func termFrontMatter(data []byte) (TermPage, error) {
	var fm TermPage
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !bytes.HasPrefix(data, []byte("---")) {
		return fm, fmt.Errorf("no YAML front matter")
	}
	rest := data[3:]
	end := bytes.Index(rest, []byte("\n---"))
	if end < 0 {
		return fm, fmt.Errorf("front matter not closed")
	}
	if err := yaml.Unmarshal(rest[:end], &fm); err != nil {
		return fm, err
	}
	return fm, nil
}
