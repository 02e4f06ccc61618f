package store

import (
	"path"
	"sort"
	"strings"
)

// The pages of the content tree. Each type below is the front matter of
// one kind of page; package content fills them in, the Writer's methods
// write them, and the Read functions read them back. Hugo's layouts read
// the same keys.
//
//	articles/_index.{ar,en}.md           SectionPage
//	articles/<id>/index.{ar,en}.md       ArticlePage (no body: the text is in segments.yaml)
//	articles/<id>/segments.yaml          File (this package's store)
//	articles/<id>/analysis.yaml          Analysis
//	entities/<slug>/_index.{ar,en}.md    EntityPage
//	tags/<slug>/_index.{ar,en}.md        TagPage
//	review/_index.en.md                  ReviewIndex
//	review/<id>/index.en.md              ReviewPage

// The sections of the content tree.
const (
	ArticlesSection = "articles"
	EntitiesSection = "entities"
	TagsSection     = "tags"
	ReviewSection   = "review"
)

// Languages are the site's languages, in the order pages are written.
var Languages = []string{"ar", "en"}

// ArticleDir returns an article bundle's folder under contentDir.
func ArticleDir(contentDir, id string) string {
	return path.Join(contentDir, ArticlesSection, id)
}

// PagePath returns the index page of an article bundle in lang.
func PagePath(contentDir, id, lang string) string {
	return path.Join(ArticleDir(contentDir, id), "index."+lang+".md")
}

// TermPath returns the page of a term (section EntitiesSection or
// TagsSection) in lang.
func TermPath(contentDir, section, id, lang string) string {
	return path.Join(contentDir, section, id, "_index."+lang+".md")
}

// Mention is the per-article data that an entity term page shows.
type Mention struct {
	Count   int    `yaml:"count" json:"count"`
	Snippet string `yaml:"snippet,omitempty" json:"snippet,omitempty"`
}

// Provenance says how a page's English was made. Status is the page's
// weakest segment status, or StatusMixed when gist and machine are both
// present.
type Provenance struct {
	ID     string         `yaml:"id" json:"id"`
	Source string         `yaml:"source,omitempty" json:"source,omitempty"`
	Status string         `yaml:"status" json:"status"`
	Engine string         `yaml:"engine,omitempty" json:"engine,omitempty"`
	Model  string         `yaml:"model,omitempty" json:"model,omitempty"`
	Counts map[string]int `yaml:"counts" json:"counts"`
}

// ProvenanceOf summarizes the statuses and engines of an article's segments.
func ProvenanceOf(segs []Segment) Provenance {
	p := Provenance{Counts: map[string]int{}}
	engines := map[string]bool{}
	models := map[string]bool{}
	for _, s := range segs {
		p.Counts[string(s.Status)]++
		if s.Engine != "" && s.Engine != EngineHuman {
			engines[s.Engine] = true
		}
		if s.Model != "" {
			models[s.Model] = true
		}
	}
	st := StatusNone
	switch {
	case p.Counts[string(StatusGist)] > 0 && p.Counts[string(StatusMachine)] > 0:
		st = StatusMixed
	case p.Counts[string(StatusGist)] > 0:
		st = StatusGist
	case p.Counts[string(StatusMachine)] > 0:
		st = StatusMachine
	case p.Counts[string(StatusStale)] > 0:
		st = StatusStale
	case len(segs) > 0:
		st = StatusReviewed
	}
	p.Status = string(st)
	p.Engine = strings.Join(sortedKeys(engines), ", ")
	p.Model = strings.Join(sortedKeys(models), ", ")
	return p
}

func sortedKeys(m map[string]bool) []string {
	var s []string
	for k := range m {
		s = append(s, k)
	}
	sort.Strings(s)
	return s
}

// ArticlePage is the front matter of an article's index page in one
// language.
type ArticlePage struct {
	Title          string             `yaml:"title" json:"title"`
	Date           string             `yaml:"date,omitempty" json:"date,omitempty"`
	TranslationKey string             `yaml:"translationKey" json:"translationKey"`
	Lead           string             `yaml:"lead,omitempty" json:"lead,omitempty"`
	Author         string             `yaml:"author,omitempty" json:"author,omitempty"`
	Publisher      string             `yaml:"publisher,omitempty" json:"publisher,omitempty"`
	URL            string             `yaml:"source_url,omitempty" json:"source_url,omitempty"`
	Tags           []string           `yaml:"tags,omitempty" json:"tags,omitempty"`
	Entities       []string           `yaml:"entities,omitempty" json:"entities,omitempty"`
	Mentions       map[string]Mention `yaml:"mentions,omitempty" json:"mentions,omitempty"`
	// Images are the pictures' sources, the first leading (Hugo's own
	// partials read og:image and twitter:image from this key); Figures
	// hold each with its alt text and caption, in the same order.
	Images  []string   `yaml:"images,omitempty" json:"images,omitempty"`
	Figures []Figure   `yaml:"figures,omitempty" json:"figures,omitempty"`
	Jisr    Provenance `yaml:"jisr" json:"jisr"`
	// Build keeps the bundle's files (segments.yaml, analysis.yaml) out
	// of public/: the layouts read them, the site does not publish them.
	Build map[string]any `yaml:"build" json:"build"`
}

// SectionPage is the front matter of a section's list page.
type SectionPage struct {
	Title string `yaml:"title"`
}

// TermPage is the front matter of an entity term page, the fields that
// name the entity: the gazetteer reads them back from pages people wrote
// or reviewed (gazetteer.FromTermPages).
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

// Cooccurrence counts the articles that name an entity with another one.
type Cooccurrence struct {
	ID    string `yaml:"id"`
	Count int    `yaml:"count"`
}

// EntityPage is the front matter of an entity term page in one language.
type EntityPage struct {
	Title    string `yaml:"title"`
	TermPage `yaml:",inline"`
	// Gazetteer says the names come from the gazetteer, which people
	// keep; otherwise the English name is a transliteration.
	Gazetteer bool           `yaml:"gazetteer"`
	Cooccur   []Cooccurrence `yaml:"cooccur,omitempty"`
}

// TagPage is the front matter of a tag term page in one language.
type TagPage struct {
	Title     string `yaml:"title"`
	QCode     string `yaml:"qcode,omitempty"`
	LabelAR   string `yaml:"label_ar"`
	LabelEN   string `yaml:"label_en"`
	Generated bool   `yaml:"jisr_generated"`
}

// Finding is a QA finding as a review page shows it (package qa makes
// them).
type Finding struct {
	Segment string `yaml:"segment" json:"segment"`
	Check   string `yaml:"check" json:"check"`
	Message string `yaml:"message" json:"message"`
}

// ReviewPage is the front matter of an article's side-by-side review page.
// It carries only what Hugo cannot compute: the QA findings, the line of
// each segment's "en:" in segments.yaml, and the counts by status (keys
// from Ladder, and StatusUntranslated when some have no English).
type ReviewPage struct {
	Title          string         `yaml:"title" json:"title"`
	Date           string         `yaml:"date,omitempty" json:"date,omitempty"`
	TranslationKey string         `yaml:"translationKey" json:"translationKey"`
	Article        string         `yaml:"article" json:"article"`
	File           string         `yaml:"file" json:"file"`
	Counts         map[string]int `yaml:"counts" json:"counts"`
	Total          int            `yaml:"total" json:"total"`
	ReviewedPct    int            `yaml:"reviewed_pct" json:"reviewed_pct"`
	QA             []Finding      `yaml:"qa,omitempty" json:"qa,omitempty"`
	Lines          map[string]int `yaml:"lines,omitempty" json:"lines,omitempty"`
	Build          map[string]any `yaml:"build" json:"build"`
	Sitemap        map[string]any `yaml:"sitemap" json:"sitemap"`
	Outputs        []string       `yaml:"outputs" json:"outputs"`
}

// ReviewIndex is the front matter of the review dashboard.
type ReviewIndex struct {
	Title   string         `yaml:"title"`
	Build   map[string]any `yaml:"build"`
	Sitemap map[string]any `yaml:"sitemap"`
	Outputs []string       `yaml:"outputs"`
}

// Figure is an article picture in front matter: its source (a URL or a
// site path), alt text and caption.
type Figure struct {
	Src     string `yaml:"src" json:"src"`
	Alt     string `yaml:"alt,omitempty" json:"alt,omitempty"`
	Caption string `yaml:"caption,omitempty" json:"caption,omitempty"`
}
