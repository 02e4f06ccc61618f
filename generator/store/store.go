// Package store owns the content tree's format: the files that are both
// the build's output and its memory. It is the one reader and the one
// writer of every file there (see pages.go for the map): the article
// bundle (this segment store, the index pages' front matter and the
// stored analysis), the entity and tag term pages and the review pages;
// Articles is the one walker over the bundles. The status ladder and the
// rule for hand edits live here too (status.go).
//
// The segment store keeps the aligned segments of every article, so that
// no translation is requested twice and no human correction is ever lost.
// In: the segments of a freshly parsed article and the stored file. Out: the
// merged segment list, with the segments that still need an engine marked.
//
// Format. content/articles/<id>/segments.yaml holds one YAML document:
//
//	article: <id>
//	segments:
//	  - id: p3-2            # see package article for the ID scheme
//	    kind: paragraph     # title, heading or paragraph
//	    block: 3            # block number: headings and paragraphs in order
//	    ar: |-
//	      <Arabic source>
//	    en: |-
//	      <English>
//	    status: machine     # gist, machine, stale or reviewed (Ladder)
//	    engine: deepl       # who wrote en; "human" for a person
//	    model: ""           # the engine's model, when it has one
//	    reviewer: ""        # the translator's name, when known
//	    src: 3f2a…          # hash of ar (see Hash)
//	    sum: 9b1c…          # hash of en as jisr last wrote it
//
// Texts (ar, en, old_ar) are written as YAML literal blocks ("|-": the
// text on the following lines, indented), where #, :, quotes and a leading
// - are plain text, so a person who edits a line in a text editor cannot
// cut it short. A text that a block cannot hold exactly (trailing spaces,
// control characters) is written double-quoted instead. Load refuses a
// text written on one line after "en:" that YAML would cut at " #", and
// every error names the file, line and column, and what to fix.
//
// Human edits. When the en text no longer matches sum, a person edited it
// in the file (in a pull request, say): Merge treats it as reviewed and keeps
// it (Segment.AdoptEdit).
//
// Files are written by Writer, to a temporary file in the same directory
// renamed into place, so a crash never leaves a half-written store.
package store

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path"

	"github.com/spf13/afero"
	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"

	"github.com/jisr-news/jisr/generator/article"
)

// FileName is the name of the segment file inside an article bundle.
const FileName = "segments.yaml"

// Segment is one stored, aligned segment.
type Segment struct {
	ID       string       `yaml:"id"`
	Kind     article.Kind `yaml:"kind"`
	Block    int          `yaml:"block,omitempty"` // 1-based block number; 0 for the title
	AR       string       `yaml:"ar"`
	EN       string       `yaml:"en"`
	Status   Status       `yaml:"status"`
	Engine   string       `yaml:"engine,omitempty"`
	Model    string       `yaml:"model,omitempty"`
	Reviewer string       `yaml:"reviewer,omitempty"`
	Src      string       `yaml:"src"`
	Sum      string       `yaml:"sum,omitempty"`
	// Stale holds, for a stale segment, the Arabic that the kept English
	// translated, so the translator can compare.
	OldAR string `yaml:"old_ar,omitempty"`
}

// File is the content of one segments.yaml.
type File struct {
	Article  string    `yaml:"article"`
	Segments []Segment `yaml:"segments"`
}

// Hash returns the short hash under which a text is stored: the first 16
// hex digits of the SHA-256 of its NFC form.
func Hash(s string) string {
	h := sha256.Sum256([]byte(norm.NFC.String(s)))
	return hex.EncodeToString(h[:8])
}

// Path returns the segment file's path for an article under contentDir.
func Path(contentDir, id string) string {
	return path.Join(ArticleDir(contentDir, id), FileName)
}

// Load reads a segment file. A missing file is an empty store, not an
// error. A file that does not parse, or that holds a text YAML would cut
// short, is a *ParseError naming its line and column.
func Load(fs afero.Fs, file string) (*File, error) {
	data, err := afero.ReadFile(fs, file)
	if os.IsNotExist(err) {
		return &File{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	f, err := Parse(file, data)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return f, nil
}

// Parse decodes the bytes of a segment file read from file (the name is
// for errors).
func Parse(file string, data []byte) (*File, error) {
	f, _, err := parse(file, data, false)
	return f, err
}

// ParseLines is Parse that also returns the lines SegmentLines returns for
// data, from the same one parse.
func ParseLines(file string, data []byte) (*File, map[string]int, error) {
	return parse(file, data, true)
}

func parse(file string, data []byte, withLines bool) (*File, map[string]int, error) {
	if f, lines, ok := decodeCanonical(data); ok {
		return f, lines, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, nil, parseError(file, data, 0, err)
	}
	if err := checkTexts(file, &doc); err != nil {
		return nil, nil, err
	}
	var f File
	if err := doc.Decode(&f); err != nil {
		return nil, nil, parseError(file, data, 0, err)
	}
	var lines map[string]int
	if withLines {
		lines = nodeLines(&doc)
	}
	return &f, lines, nil
}

// textKeys are the keys whose values are texts people read and edit.
var textKeys = map[string]bool{"ar": true, "en": true, "old_ar": true}

// checkTexts refuses a text written on one line (a plain YAML scalar) that
// YAML ended at a comment: "en: The coalition of 60 countries #1 priority"
// reads as "The coalition of 60 countries", silently. The person meant the
// whole line.
func checkTexts(file string, doc *yaml.Node) error {
	segs := mapValue(docRoot(doc), "segments")
	if segs == nil {
		return nil
	}
	for _, item := range segs.Content {
		for j := 0; j+1 < len(item.Content); j += 2 {
			k, v := item.Content[j], item.Content[j+1]
			if !textKeys[k.Value] || v.Kind != yaml.ScalarNode || v.Style != 0 || v.LineComment == "" {
				continue
			}
			return &ParseError{File: file, Line: v.Line, Column: v.Column,
				Msg: fmt.Sprintf("the %s text ends where %q starts: YAML reads \" #\" as the start of a comment, so the words after it would be lost", k.Value, v.LineComment),
				Fix: FixText}
		}
	}
	return nil
}

func docRoot(doc *yaml.Node) *yaml.Node {
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		return doc.Content[0]
	}
	return doc
}

func mapValue(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// SegmentLines maps each segment ID of a segment file to the line (1-based)
// of its English text (the line after "en: |-", or the "en:" line of a
// text on one line), or of its "id:" when it has no "en": the line a
// translator edits. It returns an empty map for a file it cannot parse.
func SegmentLines(data []byte) map[string]int {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil {
		return map[string]int{}
	}
	return nodeLines(&doc)
}

// nodeLines is SegmentLines of a parsed segment file.
func nodeLines(doc *yaml.Node) map[string]int {
	lines := map[string]int{}
	segs := mapValue(docRoot(doc), "segments")
	if segs == nil {
		return lines
	}
	for _, item := range segs.Content {
		id, line := "", 0
		for j := 0; j+1 < len(item.Content); j += 2 {
			switch item.Content[j].Value {
			case "id":
				id = item.Content[j+1].Value
				if line == 0 {
					line = item.Content[j].Line
				}
			case "en":
				line = item.Content[j].Line
				if v := item.Content[j+1]; v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
					line++ // the text starts on the line after "en: |-"
				}
			}
		}
		if id != "" {
			lines[id] = line
		}
	}
	return lines
}

// Save writes a segment file atomically (WriteFileAtomic), whether or not
// its bytes changed. Callers set Sum (Hash of EN) on every segment
// that an engine wrote.
func Save(fs afero.Fs, file string, f *File) error {
	data, err := Marshal(f)
	if err != nil {
		return fmt.Errorf("store: encode %s: %w", file, err)
	}
	return WriteFileAtomic(fs, file, data)
}

// Marshal renders a segment file, with a header comment for people who open
// it, and every text as a literal block (see the package comment). It is
// Encode without the lines.
func Marshal(f *File) ([]byte, error) {
	data, _ := Encode(f)
	return data, nil
}

// Merge aligns the fresh segments of an article with the stored ones and
// returns the new store content, together with the indexes of the segments
// that need the engine (their status is below what it gives).
//
// For each fresh segment it looks for a stored one, first with the same ID
// and source hash, then with the same source hash anywhere (the block moved),
// then with the same ID (the Arabic changed):
//   - same source: the stored English is kept. A hand-edited English is
//     marked reviewed, engine "human".
//   - changed source, stored segment reviewed (or stale): the old English
//     is kept, the status becomes stale and old_ar records what it
//     translated.
//   - otherwise the segment starts empty and needs the engine.
func Merge(stored *File, fresh []article.Segment, give Status) (segs []Segment, need []int) {
	return MergeWith(stored, fresh, give, nil)
}

// MergeWith is Merge with a translation memory: a fresh segment that its own
// article's store does not hold is looked up by source hash in mem, so a
// translation or review made in another article, or under the article's old
// ID after its seed was renamed, is reused instead of being asked for again.
func MergeWith(stored *File, fresh []article.Segment, give Status, mem Memory) (segs []Segment, need []int) {
	byIDSrc := map[string]*Segment{}
	bySrc := map[string]*Segment{}
	byID := map[string]*Segment{}
	for i := range stored.Segments {
		s := &stored.Segments[i]
		s.AdoptEdit()
		byIDSrc[s.ID+"\x00"+s.Src] = s
		if prev, ok := bySrc[s.Src]; !ok || s.Status.Rank() > prev.Status.Rank() {
			bySrc[s.Src] = s
		}
		byID[s.ID] = s
	}
	for _, f := range fresh {
		h := Hash(f.Text)
		seg := Segment{ID: f.ID, Kind: f.Kind, Block: f.Block, AR: f.Text, Src: h}
		old := byIDSrc[f.ID+"\x00"+h]
		if old == nil {
			old = bySrc[h]
		}
		if m, ok := mem[h]; old == nil && ok {
			old = &m
		}
		switch {
		case old != nil && old.EN != "":
			seg.EN, seg.Status, seg.Engine, seg.Model, seg.Reviewer, seg.Sum, seg.OldAR =
				old.EN, old.Status, old.Engine, old.Model, old.Reviewer, old.Sum, old.OldAR
		default:
			if o := byID[f.ID]; o != nil && o.EN != "" && o.Status.Human() {
				seg.EN, seg.Status, seg.Engine, seg.Model, seg.Reviewer = o.EN, StatusStale, o.Engine, o.Model, o.Reviewer
				seg.OldAR = o.OldAR
				if seg.OldAR == "" {
					seg.OldAR = o.AR
				}
				seg.Sum = Hash(seg.EN)
			}
		}
		if seg.Status.Rank() < give.Rank() {
			need = append(need, len(segs))
		}
		segs = append(segs, seg)
	}
	return segs, need
}

// Memory maps the source hash of a segment to the best stored translation of
// it (the highest status) across many articles. Stale segments are left
// out: their English translates other Arabic.
type Memory map[string]Segment

// Add puts the translated segments of f into the memory.
func (m Memory) Add(f *File) {
	for _, s := range f.Segments {
		if s.EN == "" || s.Status == StatusStale || s.Status == StatusNone {
			continue
		}
		s.AdoptEdit()
		if prev, ok := m[s.Src]; !ok || s.Status.Rank() > prev.Status.Rank() {
			s.OldAR = ""
			m[s.Src] = s
		}
	}
}

// LoadAll reads the segment file of every article under contentDir. It
// returns the files by article ID and one error for each file that could not
// be read; such a file must not be overwritten.
func LoadAll(fs afero.Fs, contentDir string) (map[string]*File, map[string]error) {
	files, errs := map[string]*File{}, map[string]error{}
	ids, err := Articles(fs, contentDir)
	if err != nil {
		return files, errs // no articles folder to read
	}
	for _, id := range ids {
		f, err := Load(fs, Path(contentDir, id))
		if err != nil {
			errs[id] = err
			continue
		}
		files[id] = f
	}
	return files, errs
}
