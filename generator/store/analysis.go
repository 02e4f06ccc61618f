package store

import (
	"errors"
	"fmt"
	"io/fs"
	"path"

	"github.com/spf13/afero"
	"gopkg.in/yaml.v3"
)

// AnalysisFile is the name of the analysis file inside an article bundle.
const AnalysisFile = "analysis.yaml"

// Analysis is what the build's analysis found in one article, as the
// article was published: its entities with the place of every mention,
// its tags and its date. The build writes it; `jisr check --qa` and `jisr
// review export` read it instead of analyzing again, so they agree with
// the pages even when the gazetteer changed since. (Package qa converts
// it to and from analyze.Result; this package cannot import analyze,
// which reads the gazetteer, which reads term pages from here.)
type Analysis struct {
	Article  string   `yaml:"article"`
	Date     string   `yaml:"date,omitempty"` // 2006-01-02
	Entities []Entity `yaml:"entities,omitempty"`
	Tags     []Tag    `yaml:"tags,omitempty"`
}

// Entity is a person, place or organization that an article mentions.
type Entity struct {
	ID       string          `yaml:"id"`
	Type     string          `yaml:"type"`
	NameEN   string          `yaml:"name_en"`
	NameAR   string          `yaml:"name_ar"`
	Aliases  []string        `yaml:"aliases,omitempty"`
	Wikidata string          `yaml:"wikidata,omitempty"`
	Known    bool            `yaml:"known"`
	Mentions []EntityMention `yaml:"mentions"`
}

// EntityMention is one place an entity is named: a segment, and byte
// offsets in its Arabic text.
type EntityMention struct {
	Segment string `yaml:"segment"`
	Start   int    `yaml:"start"`
	End     int    `yaml:"end"`
	Surface string `yaml:"surface"`
}

// Tag is a topic assigned to an article.
type Tag struct {
	ID      string  `yaml:"id"`
	QCode   string  `yaml:"qcode,omitempty"`
	LabelEN string  `yaml:"label_en"`
	LabelAR string  `yaml:"label_ar"`
	Score   float64 `yaml:"score"`
}

// AnalysisPath returns an article's analysis file under contentDir.
func AnalysisPath(contentDir, id string) string {
	return path.Join(ArticleDir(contentDir, id), AnalysisFile)
}

// ReadAnalysis reads an article's stored analysis. It returns nil and no
// error when the bundle has none (a tree built before analysis was kept).
func ReadAnalysis(fsys afero.Fs, contentDir, id string) (*Analysis, error) {
	file := AnalysisPath(contentDir, id)
	data, err := afero.ReadFile(fsys, file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	var a Analysis
	if err := yaml.Unmarshal(data, &a); err != nil {
		return nil, fmt.Errorf("store: %w", parseError(file, data, 0, err))
	}
	if a.Article == "" {
		a.Article = id
	}
	return &a, nil
}

// WriteAnalysis writes an article's analysis file.
func (w *Writer) WriteAnalysis(a *Analysis) error {
	return w.write(path.Join(ArticlesSection, a.Article, AnalysisFile), EncodeAnalysis(a))
}
