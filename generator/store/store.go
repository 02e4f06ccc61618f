// Package store keeps the aligned segments of every article in the content
// tree, so that no translation is requested twice and no human correction is
// ever lost.
//
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
//	    ar: <Arabic source>
//	    en: <English>
//	    status: machine     # gist, machine, reviewed or stale
//	    engine: deepl       # who wrote en; "human" for a person
//	    model: ""           # the engine's model, when it has one
//	    reviewer: ""        # the translator's name, when known
//	    src: 3f2a…          # hash of ar (see Hash)
//	    sum: 9b1c…          # hash of en as jisr last wrote it
//
// Human edits. When the en text no longer matches sum, a person edited it
// in the file (in a pull request, say): Merge treats it as reviewed and keeps
// it. This is how direct editing of the store is detected.
//
// Files are written to a temporary file in the same directory and renamed
// into place, so a crash never leaves a half-written store.
package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path"

	"github.com/spf13/afero"
	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"

	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/generator/translate"
)

// FileName is the name of the segment file inside an article bundle.
const FileName = "segments.yaml"

// Segment is one stored, aligned segment.
type Segment struct {
	ID       string           `yaml:"id"`
	Kind     article.Kind     `yaml:"kind"`
	Block    int              `yaml:"block,omitempty"` // 1-based block number; 0 for the title
	AR       string           `yaml:"ar"`
	EN       string           `yaml:"en"`
	Status   translate.Status `yaml:"status"`
	Engine   string           `yaml:"engine,omitempty"`
	Model    string           `yaml:"model,omitempty"`
	Reviewer string           `yaml:"reviewer,omitempty"`
	Src      string           `yaml:"src"`
	Sum      string           `yaml:"sum,omitempty"`
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
	return path.Join(contentDir, "articles", id, FileName)
}

// Load reads a segment file. A missing file is an empty store, not an error.
func Load(fs afero.Fs, file string) (*File, error) {
	data, err := afero.ReadFile(fs, file)
	if os.IsNotExist(err) {
		return &File{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	var f File
	if err := yaml.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("store: %s: %w", file, err)
	}
	return &f, nil
}

// Save writes a segment file atomically: to a temporary file that is then
// renamed over the old one. Callers set Sum (Hash of EN) on every segment
// that an engine wrote.
func Save(fs afero.Fs, file string, f *File) error {
	data, err := Marshal(f)
	if err != nil {
		return fmt.Errorf("store: encode %s: %w", file, err)
	}
	return WriteFileAtomic(fs, file, data)
}

// Marshal renders a segment file, with a header comment for people who open
// it.
func Marshal(f *File) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("# jisr segment store: one entry per segment, Arabic source and English.\n" +
		"# Correct an \"en\" text here and jisr keeps it as reviewed. See ARCHITECTURE.md.\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteFileAtomic writes data to a temporary file beside name and renames it
// into place.
func WriteFileAtomic(fs afero.Fs, name string, data []byte) error {
	dir := path.Dir(name)
	if err := fs.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	tmp, err := afero.TempFile(fs, dir, ".tmp-"+path.Base(name)+"-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	tmpName := tmp.Name()
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		fs.Remove(tmpName)
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := tmp.Close(); err != nil {
		fs.Remove(tmpName)
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := fs.Rename(tmpName, name); err != nil {
		fs.Remove(tmpName)
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// Edited reports whether a person changed the English since jisr wrote it.
func (s *Segment) Edited() bool {
	return s.Sum != "" && s.EN != "" && Hash(s.EN) != s.Sum
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
func Merge(stored *File, fresh []article.Segment, give translate.Status) (segs []Segment, need []int) {
	return MergeWith(stored, fresh, give, nil)
}

// MergeWith is Merge with a translation memory: a fresh segment that its own
// article's store does not hold is looked up by source hash in mem, so a
// translation or review made in another article, or under the article's old
// ID after its seed was renamed, is reused instead of being asked for again.
func MergeWith(stored *File, fresh []article.Segment, give translate.Status, mem Memory) (segs []Segment, need []int) {
	byIDSrc := map[string]*Segment{}
	bySrc := map[string]*Segment{}
	byID := map[string]*Segment{}
	for i := range stored.Segments {
		s := &stored.Segments[i]
		if s.Edited() {
			s.Status, s.Engine, s.Model = translate.StatusReviewed, "human", ""
			s.Sum = ""
		}
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
			if o := byID[f.ID]; o != nil && o.EN != "" &&
				(o.Status == translate.StatusReviewed || o.Status == translate.StatusStale) {
				seg.EN, seg.Status, seg.Engine, seg.Model, seg.Reviewer = o.EN, translate.StatusStale, o.Engine, o.Model, o.Reviewer
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
		if s.EN == "" || s.Status == translate.StatusStale || s.Status == translate.StatusNone {
			continue
		}
		if s.Edited() {
			s.Status, s.Engine, s.Model, s.Sum = translate.StatusReviewed, "human", "", ""
		}
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
	dir := path.Join(contentDir, "articles")
	entries, err := afero.ReadDir(fs, dir)
	if err != nil {
		return files, errs
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		f, err := Load(fs, path.Join(dir, e.Name(), FileName))
		if err != nil {
			errs[e.Name()] = err
			continue
		}
		files[e.Name()] = f
	}
	return files, errs
}
