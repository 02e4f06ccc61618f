// Package article defines the document model that every pipeline stage
// shares.
//
// In: nothing; it is a vocabulary. Out: Article, Block and Segment values.
// The source stage produces Articles with Blocks; the segment stage splits
// each Block into Segments with stable IDs; later stages (analyze,
// translate, store, content) read them.
//
// Segment IDs. Blocks are numbered 1..N in document order, headings and
// paragraphs sharing one counter. A heading block k has the single segment
// "h<k>"; sentence j of paragraph block k is "p<k>-<j>"; the title is
// "title". Editing the text of one paragraph therefore never changes the ID
// of a segment in another paragraph. Inserting or deleting a whole block
// shifts the numbers after it; the store then still finds every stored
// translation by the hash of its Arabic source, so no work is lost (see
// package store).
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Kind says what a block or segment is.
type Kind string

// The kinds of blocks and segments.
const (
	KindTitle     Kind = "title"
	KindHeading   Kind = "heading"
	KindParagraph Kind = "paragraph"
)

// Segment is the unit of translation: one heading, or one sentence of a
// paragraph.
type Segment struct {
	ID    string // stable ID, see the package doc
	Kind  Kind
	Block int    // 1-based block number; 0 for the title
	Text  string // Arabic source text, NFC
}

// Block is a heading or a paragraph of an article's body.
type Block struct {
	Kind     Kind
	Text     string
	Segments []Segment
}

// Article is one parsed input article.
type Article struct {
	// ID names the article in the content store: content/articles/<ID>/.
	// It is ASCII, taken from the slug, else from the file name (for a
	// record of a collection: its key, else the file name and a hash of
	// its text; see package source).
	ID string
	// Source is the path of the input file; for a record of a collection
	// with the record's key: "file.jsonl#id=12", "#url=…", or "#text=<hash>"
	// for a record with neither.
	Source string
	// Title is the Arabic headline. TitleDerived says it was derived from
	// the lead because the input gave none.
	Title        string
	TitleDerived bool
	// Date is the publication date; zero when the article is undated.
	Date time.Time
	// DateFromText says the date was found in the text, not in metadata.
	DateFromText bool
	Author       string
	Publisher    string // "source" in front matter: the newspaper or agency
	URL          string
	Slug         string
	Tags         []string // tags given by the input (front matter, CMS)
	Entities     []string // entity names given by the input
	Draft        bool     // draft: true in the metadata; left out unless drafts are built
	Images       []Image  // pictures given by the input, the first one leading
	Blocks       []Block
	// Warnings are problems that did not stop the article, such as a
	// picture beside the seed that was refused; the build logs them.
	Warnings []string
}

// Lead returns the first paragraph, or "".
func (a *Article) Lead() string {
	for _, b := range a.Blocks {
		if b.Kind == KindParagraph {
			return b.Text
		}
	}
	return ""
}

// Segments returns every segment of the article in reading order, the title
// first.
func (a *Article) Segments() []Segment {
	segs := []Segment{{ID: "title", Kind: KindTitle, Text: a.Title}}
	for _, b := range a.Blocks {
		segs = append(segs, b.Segments...)
	}
	return segs
}

// Text returns the body as plain text, blocks separated by blank lines. It
// is linear in the body's size (one allocation).
func (a *Article) Text() string {
	n := 0
	for _, b := range a.Blocks {
		n += len(b.Text) + 2
	}
	var s strings.Builder
	s.Grow(n)
	for i, b := range a.Blocks {
		if i > 0 {
			s.WriteString("\n\n")
		}
		s.WriteString(b.Text)
	}
	return s.String()
}

// Limits of what can be rendered. An article over one of them is skipped
// with its reason (see Check) while the rest of the site builds.
const (
	// MaxNameBytes bounds a name that becomes a file or folder name in the
	// content tree and the site (an article ID, a tag or an entity ID):
	// file systems refuse names over 255 bytes, and an offline site adds
	// ".html" to it.
	MaxNameBytes = 255 - len(".html")
	// MaxSegments bounds an article's segments, the title included: Hugo
	// refuses a data file with more than 10,000 collections ("too many
	// YAML aliases"), and the segment store holds one per segment; the bound
	// keeps a margin below that.
	MaxSegments = 9000
)

// CutNameBytes bounds a name FitName had to shorten: its head and the
// "--" and hash that follow it.
const CutNameBytes = 80

// FitName returns a generated name (an article ID, a tag or entity ID, made
// by a slug rule) that can be a file name. A name within MaxNameBytes comes
// back unchanged, so no published URL moves; a longer one is cut at the last
// '-' (a word boundary) within its first CutNameBytes-10 bytes, or else on a
// rune boundary, and gets "--" and 8 hex digits of the SHA-256 of the whole
// name: the same long name always gives the same short one, and two long
// names that share their first words stay apart. cut reports whether the
// name was shortened. The slug rules never make "--" (they collapse runs
// of hyphens), so a shortened name is recognizable (Shortened).
func FitName(name string) (fitted string, cut bool) {
	if len(name) <= MaxNameBytes {
		return name, false
	}
	h := sha256.Sum256([]byte(name))
	head := name[:CutNameBytes-10]
	for len(head) > 0 && !utf8.ValidString(head) {
		head = head[:len(head)-1]
	}
	if i := strings.LastIndexByte(head, '-'); i > 0 {
		head = head[:i]
	}
	return strings.TrimRight(head, "-") + "--" + hex.EncodeToString(h[:4]), true
}

// Shortened reports whether a name is one FitName cut: it ends in "--" and
// 8 hex digits.
func Shortened(name string) bool {
	i := len(name) - 10
	if i < 1 || name[i:i+2] != "--" {
		return false
	}
	_, err := hex.DecodeString(name[i+2:])
	return err == nil && strings.ToLower(name[i+2:]) == name[i+2:]
}

// ErrUnrenderable classifies the errors of Check.
var ErrUnrenderable = errors.New("cannot be rendered")

// Check reports whether an article with this ID, number of segments and
// generated names (tag and entity IDs) can be rendered. The error names
// the offending name or count and wraps ErrUnrenderable.
func Check(id string, segments int, names ...string) error {
	if len(id) > MaxNameBytes {
		return fmt.Errorf("%w: its ID is %d bytes long (at most %d; set a shorter slug or file name)", ErrUnrenderable, len(id), MaxNameBytes)
	}
	if segments > MaxSegments {
		return fmt.Errorf("%w: %d segments (at most %d; split the article)", ErrUnrenderable, segments, MaxSegments)
	}
	for _, n := range names {
		if len(n) > MaxNameBytes {
			return fmt.Errorf("%w: the name %.40q… is %d bytes long (at most %d)", ErrUnrenderable, n, len(n), MaxNameBytes)
		}
	}
	return nil
}

// Image is a picture of the article, as the input gives it (front matter
// image/images, CMS records): Src is an http(s) URL or a site path (served
// from the project's static/ folder), Alt its text alternative and Caption
// its caption, both in the input's language.
type Image struct {
	Src, Alt, Caption string
	// File is set for a picture beside the seed: the checked file (a
	// path in the seeds' filesystem) that the build publishes at Src.
	File string
}
