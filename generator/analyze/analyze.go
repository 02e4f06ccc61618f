// Package analyze finds the named entities and topic tags of an article.
//
// In: a segmented article.Article. Out: a Result with its entities (each
// with its mentions by segment and byte offset) and its tags.
package analyze

import (
	"github.com/jisr-news/jisr/generator/article"
)

// Type is an entity type.
type Type string

// Entity types.
const (
	Person       Type = "PERSON"
	Place        Type = "PLACE"
	Organization Type = "ORGANIZATION"
)

// Mention is one occurrence of an entity in a segment.
type Mention struct {
	Segment    string `json:"segment"` // segment ID
	Start, End int    `json:"-"`       // byte offsets in the segment's Arabic text
	Surface    string `json:"surface"` // the text as written
}

// Entity is a person, place or organization that an article mentions.
type Entity struct {
	// ID is the entity's ASCII slug, made from its English name; it names
	// its taxonomy term page.
	ID       string    `json:"id"`
	Type     Type      `json:"type"`
	NameEN   string    `json:"name_en"`
	NameAR   string    `json:"name_ar"`
	Aliases  []string  `json:"aliases,omitempty"`
	Wikidata string    `json:"wikidata,omitempty"`
	Known    bool      `json:"known"` // false: found by context rules; English name unreviewed
	Mentions []Mention `json:"mentions"`
}

// Tag is a topic assigned to an article.
type Tag struct {
	ID      string  `json:"id"` // ASCII slug, names the term page
	QCode   string  `json:"qcode,omitempty"`
	LabelEN string  `json:"label_en"`
	LabelAR string  `json:"label_ar"`
	Score   float64 `json:"score"`
}

// Result is what analysis found in one article.
type Result struct {
	Entities []Entity `json:"entities"`
	Tags     []Tag    `json:"tags"`
}

// Analyze finds the entities and tags of a segmented article.
func Analyze(a *article.Article) Result {
	return Result{}
}
