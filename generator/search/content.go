package search

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"sort"
	"time"

	"github.com/spf13/afero"
	"gopkg.in/yaml.v3"

	"github.com/jisr-news/jisr/generator/store"
)

// FromContent returns the docs of the site that Hugo renders from the
// content tree dir (as package content writes it): every article of
// articles/<id>/ in Arabic and English, with its text from segments.yaml,
// and every entity and tag term page in both languages. It reads the tree,
// not this run's seeds, so articles kept only in content/ are searchable
// too. Articles come newest first, then entities, then tags.
func FromContent(fs afero.Fs, dir string, offline bool) ([]Doc, error) {
	type art struct {
		id   string
		date time.Time
		docs []Doc
	}
	var arts []art
	ids, err := subdirs(fs, path.Join(dir, "articles"))
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		base := path.Join(dir, "articles", id)
		var fm [2]struct {
			Title string `yaml:"title"`
			Date  string `yaml:"date"`
		}
		ok := true
		for i, lang := range []string{"ar", "en"} {
			found, err := frontMatter(fs, path.Join(base, "index."+lang+".md"), &fm[i])
			if err != nil {
				return nil, err
			}
			ok = ok && found
		}
		if !ok {
			continue // not an article bundle
		}
		f, err := store.Load(fs, path.Join(base, store.FileName))
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		var ar, en []string
		if f != nil {
			for _, s := range f.Segments {
				if s.ID == "title" {
					continue
				}
				ar, en = append(ar, s.AR), append(en, s.EN)
			}
		}
		a := art{id: id}
		a.date, _ = time.Parse("2006-01-02", fm[0].Date)
		a.docs = []Doc{
			{Kind: KindArticle, Lang: "ar", Path: PagePath("ar", "articles", id, offline), Title: fm[0].Title, Meta: fm[0].Date, Text: ar},
			{Kind: KindArticle, Lang: "en", Path: PagePath("en", "articles", id, offline), Title: fm[1].Title, Meta: fm[0].Date, Text: en},
		}
		arts = append(arts, a)
	}
	sort.SliceStable(arts, func(i, j int) bool {
		if !arts[i].date.Equal(arts[j].date) {
			return arts[i].date.After(arts[j].date)
		}
		return arts[i].id < arts[j].id
	})
	var docs []Doc
	for _, a := range arts {
		docs = append(docs, a.docs...)
	}
	for _, section := range []string{"entities", "tags"} {
		ids, err := subdirs(fs, path.Join(dir, section))
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			var fm [2]struct {
				Title   string   `yaml:"title"`
				Type    string   `yaml:"type"`
				NameAR  string   `yaml:"name_ar"`
				NameEN  string   `yaml:"name_en"`
				Aliases []string `yaml:"aliases_ar"`
				LabelAR string   `yaml:"label_ar"`
				LabelEN string   `yaml:"label_en"`
			}
			ok := true
			for i, lang := range []string{"ar", "en"} {
				found, err := frontMatter(fs, path.Join(dir, section, id, "_index."+lang+".md"), &fm[i])
				if err != nil {
					return nil, err
				}
				ok = ok && found
			}
			if !ok {
				continue
			}
			kind, names := KindEntity, append([]string{fm[0].NameAR, fm[0].NameEN}, fm[0].Aliases...)
			if section == "tags" {
				kind, names = KindTag, []string{fm[0].LabelAR, fm[0].LabelEN}
			}
			names = append(names, fm[0].Title, fm[1].Title)
			for i, lang := range []string{"ar", "en"} {
				docs = append(docs, Doc{Kind: kind, Lang: lang, Path: PagePath(lang, section, id, offline), Title: fm[i].Title, Meta: fm[0].Type, Text: names, Names: names})
			}
		}
	}
	return docs, nil
}

// subdirs lists the folders in dir, sorted; none when dir is missing.
func subdirs(fs afero.Fs, dir string) ([]string, error) {
	infos, err := afero.ReadDir(fs, dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	var out []string
	for _, fi := range infos {
		if fi.IsDir() {
			out = append(out, fi.Name())
		}
	}
	sort.Strings(out)
	return out, nil
}

// frontMatter decodes the YAML front matter ("---" lines) of file into v;
// it reports false when the file does not exist.
func frontMatter(fs afero.Fs, file string, v any) (bool, error) {
	data, err := afero.ReadFile(fs, file)
	if os.IsNotExist(err) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("search: %w", err)
	}
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	if !ok {
		return false, fmt.Errorf("search: %s: no YAML front matter", file)
	}
	if bytes.HasPrefix(rest, []byte("---")) {
		return true, nil // empty
	}
	end := bytes.Index(rest, []byte("\n---"))
	if end < 0 {
		return false, fmt.Errorf("search: %s: front matter not closed", file)
	}
	if err := yaml.Unmarshal(rest[:end+1], v); err != nil {
		return false, fmt.Errorf("search: %s: %w", file, err)
	}
	return true, nil
}
