package gazetteer

import (
	"fmt"
	"path"
	"strings"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/store"
)

// TermsDir is where a content tree keeps entity term pages, relative to
// the content folder (the project's layout resolves it): one folder per
// entity ID with _index.ar.md and _index.en.md.
const TermsDir = store.EntitiesSection

// TermPage is the front matter of an entity term page, the fields that
// name the entity (package store owns the format).
type TermPage = store.TermPage

// FromTermPages reads the entity term pages under dir (see TermsDir) and
// returns an entry for each page a person wrote or reviewed: front matter
// with jisr_generated false or reviewed_name true. Its folder name is the
// ID, so a reviewed page corrects the entity it names (its English name,
// aliases, Wikidata ID), and a page for a new entity adds it. Pages jisr
// generated and nobody reviewed are skipped: they hold what analysis
// guessed. The Arabic page (_index.ar.md) is read, else the English one.
// A missing dir gives no entries and no error.
func FromTermPages(fsys afero.Fs, dir string) ([]Entry, error) {
	names, err := store.Terms(fsys, path.Dir(dir), path.Base(dir))
	if err != nil {
		return nil, nil
	}
	var out []Entry
	for _, id := range names {
		fm, file, err := store.ReadTermPage(fsys, dir, id)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: term page: %w", err)
		}
		if file == "" {
			continue // a folder without a page
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
