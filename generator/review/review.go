// Package review moves translations between jisr's segment store and the
// files that translators' tools read: XLIFF 2.1, gettext PO and TMX 1.4.
//
// In (Export): the content tree's segment stores. Out: one XLIFF or PO
// file per article, or one TMX translation memory of the reviewed pairs.
// In (Import): such files, edited. Out: the segment stores, updated
// atomically, with every edited or confirmed segment marked reviewed.
//
// # Workflow
//
//	jisr review export --format xliff --out review/   # review/<article>.xlf
//	(edit in OmegaT, Okapi, Poedit, a text editor…)
//	jisr review import review/*.xlf                   # conflicts are listed, not applied
//	jisr build                                        # any engine: reviewed segments are kept
//
// # Status mapping
//
// XLIFF 2.1 has four states; jisr's status goes into the standard
// subState attribute too ("jisr:gist"), so that nothing is lost:
//
//	jisr status   XLIFF state   PO          TMX
//	gist          initial       #, fuzzy    not exported
//	machine       translated    #, fuzzy    not exported
//	stale         translated    #, fuzzy    not exported (#| msgid: old Arabic)
//	reviewed      final         (no flag)   exported
//
// `--format xliff12` writes XLIFF 1.2 instead (OmegaT's native filter and
// older tools read only 1.2); its state mapping is in xliff12.go (final
// for reviewed, translated + mt-suggestion for machine,
// needs-review-translation for gist and stale). Import tells the two
// versions apart by their namespace.
//
// On import, a segment becomes reviewed (engine "human") when its target
// differs from the stored English, or when the file confirms it unchanged:
// XLIFF state reviewed or final, a PO entry without the fuzzy flag, any TMX
// unit (a translation memory holds human translations).
//
// # Translator's name
//
// The reviewer recorded is, first, the --reviewer flag of `jisr review
// import` (Options.Reviewer); else, in XLIFF, a <note category="translator">
// of the unit or else of the <file> (`jisr review export --translator NAME`
// writes the file's note); in PO, the Last-Translator header; in TMX, the
// target <tuv>'s or the <tu>'s changeid, else its creationid, else the
// header's creationid.
//
// # Privacy
//
// Only a display name is stored and published: Import drops e-mail
// addresses from every name it records (see DisplayName), so a PO file's
// "Last-Translator: Name <mail>" is stored as "Name".
//
// # Conflicts
//
// A unit whose segment ID moved (blocks were inserted or removed in the
// Arabic since the export) is re-anchored by its Arabic: it applies to the
// one segment of its article with that source. When none or several have
// it, it is a conflict.
//
// Import validates everything before it writes anything. These are
// conflicts, reported with their file and segment, and not applied: an
// article or segment ID that the store does not have; a source that no
// longer equals the current Arabic (it changed since the export); an English
// that a person changed in the store since the export (known from the
// exported English's hash, kept in a note, an extracted comment or a prop);
// two different targets for one segment in one import; for a TMX unit
// without jisr IDs, matched by its Arabic, a reviewed segment whose English
// differs. The rest is applied, and each changed store is written
// atomically (package store).
//
// # Editing the store by hand
//
// A translator may also edit the "en:" line of a segment in
// the article's segment store (store.FileName) directly (in a pull request, say):
// the store keeps a hash of the English it wrote ("sum"), so the next build
// sees the change and marks the segment reviewed, engine "human" (see
// package store). The review pages give each segment's file and line.
package review

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/spf13/afero"
	"golang.org/x/text/unicode/norm"

	"github.com/jisr-news/jisr/generator/qa"
	"github.com/jisr-news/jisr/generator/safepath"
	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/generator/translate"
)

// Format is an exchange file format.
type Format string

// The formats jisr exports and imports.
const (
	XLIFF Format = "xliff"
	// XLIFF12 is XLIFF 1.2, for tools that do not read 2.x (OmegaT's
	// native filter); files end in .xlf too and are told apart on import
	// by their namespace.
	XLIFF12 Format = "xliff12"
	PO      Format = "po"
	TMX     Format = "tmx"
)

// Formats lists the formats by name.
var Formats = []Format{XLIFF, XLIFF12, PO, TMX}

// TMXFile is the name of the translation memory that Export writes.
const TMXFile = "jisr-reviewed.tmx"

// Options configure Export and Import.
type Options struct {
	Fs      afero.Fs // nil means the OS
	Content string   // the content tree (content/)
	// Articles limits an export to these article IDs; empty means all.
	Articles []string
	// Translator is written into exported files as the translator's name
	// (XLIFF file note, PO Last-Translator), for the tool to keep.
	Translator string
	// Reviewer, on import, is the name recorded on every applied segment,
	// whatever the files say.
	Reviewer string
	// DryRun makes Import report without writing.
	DryRun bool
	// MaxFileSize is the largest exchange file Import reads, in bytes;
	// 0 means MaxImportSize.
	MaxFileSize int64
	// Analyzer finds the entities for the QA notes of an article whose
	// bundle has no stored analysis (a tree built before analysis was
	// kept); the build's stored analysis is used otherwise, so exports
	// agree with the published pages. nil means analyze.Default; pass
	// analyze.ForProject's to include the project's own entries.
	Analyzer qa.Analyzer
}

func (o *Options) fs() afero.Fs {
	if o.Fs == nil {
		return afero.NewOsFs()
	}
	return o.Fs
}

// article is one stored article with what the exporters show.
type storedArticle struct {
	file  string // path of the segment store
	rel   string // articles/<id>/<store.FileName>, relative to the content tree
	store *store.File
	qa    map[string][]qa.Finding
	lines map[string]int
}

// loadArticles reads the stores of the content tree, with their QA
// findings; ids limits them when not empty.
func loadArticles(fs afero.Fs, content string, ids []string, an qa.Analyzer) ([]*storedArticle, error) {
	want := map[string]bool{}
	for _, id := range ids {
		if err := safepath.CheckName("article ID", id); err != nil {
			return nil, fmt.Errorf("review: %w", err)
		}
		want[id] = true
	}
	filter := len(want) > 0
	all, err := store.MustArticles(fs, content)
	if err != nil {
		return nil, fmt.Errorf("review: read the content tree: %w", err)
	}
	var out []*storedArticle
	for _, id := range all {
		if filter && !want[id] {
			continue
		}
		a, err := loadArticle(fs, content, id, an)
		if err != nil {
			return nil, err
		}
		if a != nil {
			out = append(out, a)
			delete(want, id)
		}
	}
	if len(want) > 0 {
		var missing []string
		for id := range want {
			missing = append(missing, id)
		}
		sort.Strings(missing)
		return nil, fmt.Errorf("review: no article %s in %s", strings.Join(missing, ", "), path.Join(content, store.ArticlesSection))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].store.Article < out[j].store.Article })
	return out, nil
}

// loadArticle reads one article's bundle (qa.Load): its store and its
// stored analysis; nil when it has no store.
func loadArticle(fs afero.Fs, content, id string, an qa.Analyzer) (*storedArticle, error) {
	b, err := qa.Load(fs, content, id, an)
	if err != nil || b == nil {
		return nil, err
	}
	f := b.Store
	// The article is the folder it is in, whatever the file's article
	// field says: export names its files after it and import finds the
	// store by it.
	f.Article = id
	// An English edited by hand since the last build is a person's work:
	// mark it reviewed now, as store.Merge will at the next build, so that
	// it is exported as such and an import never overwrites it. (Merge
	// itself is not called: it would also re-align the segments, which an
	// import must not do.)
	f.AdoptEdits()
	a := &storedArticle{file: b.File, rel: path.Join(store.ArticlesSection, id, store.FileName), store: f,
		qa: map[string][]qa.Finding{}, lines: b.Lines}
	for _, fd := range qa.CheckArticle(f, b.Analysis) {
		a.qa[fd.Segment] = append(a.qa[fd.Segment], fd)
	}
	return a, nil
}

// Export writes the exchange files of format into dir and returns their
// paths.
func Export(o Options, format Format, dir string) ([]string, error) {
	fs := o.fs()
	if err := safepath.CheckLinks(fs, o.Content); err != nil {
		return nil, fmt.Errorf("review: %w", err)
	}
	arts, err := loadArticles(fs, o.Content, o.Articles, o.Analyzer)
	if err != nil {
		return nil, err
	}
	var files []string
	write := func(name string, data []byte) error {
		p, err := safepath.Join(dir, name)
		if err != nil {
			return fmt.Errorf("review: %w", err)
		}
		if err := store.WriteFileAtomic(fs, p, data); err != nil {
			return fmt.Errorf("review: %w", err)
		}
		files = append(files, p)
		return nil
	}
	switch format {
	case XLIFF, XLIFF12:
		export := exportXLIFF
		if format == XLIFF12 {
			export = exportXLIFF12
		}
		for _, a := range arts {
			data, err := export(a, o.Translator)
			if err != nil {
				return files, fmt.Errorf("review: %s: %w", a.file, err)
			}
			if err := write(a.store.Article+".xlf", data); err != nil {
				return files, err
			}
		}
	case PO:
		for _, a := range arts {
			if err := write(a.store.Article+".po", exportPO(a, o.Translator)); err != nil {
				return files, err
			}
		}
	case TMX:
		data, err := exportTMX(arts)
		if err != nil {
			return nil, fmt.Errorf("review: tmx: %w", err)
		}
		if err := write(TMXFile, data); err != nil {
			return files, err
		}
	default:
		return nil, fmt.Errorf("review: unknown format %q (use xliff, xliff12, po or tmx)", format)
	}
	return files, nil
}

// unit is one translation read from an exchange file.
type unit struct {
	file      string // the file it came from, for messages
	article   string // "" for a TMX unit without jisr IDs: matched by source
	segment   string
	source    string
	target    string
	confirmed bool   // the file marks it reviewed
	reviewer  string // the translator's name, when the file gives one
	base      string // hash of the English at export; "" when unknown
}

// Change is one segment that Import updates.
type Change struct {
	File     string // the exchange file
	Article  string
	Segment  string
	Old, New string // the English before and after
	Reviewer string
	// Confirmed says the English is unchanged and the file marked it
	// reviewed.
	Confirmed bool
}

// Conflict is a unit that Import did not apply, with the reason.
type Conflict struct {
	File    string
	Article string
	Segment string
	Reason  string
}

func (c Conflict) String() string {
	return fmt.Sprintf("%s: %s#%s: %s", c.File, c.Article, c.Segment, c.Reason)
}

// Result reports what Import did.
type Result struct {
	Applied   []Change
	Conflicts []Conflict
	Unchanged int      // units that changed nothing
	Unmatched int      // TMX units whose Arabic is in no article
	Written   []string // stores written
}

// Importable reports whether Import reads the file name: its extension
// is .xlf, .xliff, .po or .tmx, in any case.
func Importable(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".xlf", ".xliff", ".po", ".tmx":
		return true
	}
	return false
}

// Import reads the exchange files (the format is known from the extension:
// .xlf or .xliff, .po, .tmx), checks every unit against the store, and
// applies the ones without conflict. An unreadable or malformed file is an
// error, and then nothing is written.
func Import(o Options, files ...string) (*Result, error) {
	fs := o.fs()
	if err := safepath.CheckLinks(fs, o.Content); err != nil {
		return nil, fmt.Errorf("review: %w", err)
	}
	var units []unit
	for _, f := range files {
		data, err := readLimited(fs, f, o.MaxFileSize)
		if err != nil {
			return nil, fmt.Errorf("review: %w", err)
		}
		var us []unit
		switch ext := strings.ToLower(path.Ext(f)); ext {
		case ".xlf", ".xliff":
			if bytes.Contains(data, []byte(XLIFF12Namespace)) {
				us, err = parseXLIFF12(data)
			} else {
				us, err = parseXLIFF(data)
			}
		case ".po":
			us, err = parsePO(data, strings.TrimSuffix(path.Base(f), path.Ext(f)))
		case ".tmx":
			us, err = parseTMX(data)
		default:
			return nil, fmt.Errorf("review: %s: unknown file type %q (want .xlf, .xliff, .po or .tmx)", f, ext)
		}
		if err != nil {
			return nil, fmt.Errorf("review: %s: %w", f, err)
		}
		for i := range us {
			us[i].file = f
			if o.Reviewer != "" {
				us[i].reviewer = o.Reviewer
			}
			us[i].reviewer = DisplayName(us[i].reviewer)
		}
		units = append(units, us...)
	}

	res := &Result{}
	arts := map[string]*storedArticle{}
	get := func(id string) (*storedArticle, error) {
		if a, ok := arts[id]; ok {
			return a, nil
		}
		a, err := loadArticle(fs, o.Content, id, o.Analyzer)
		arts[id] = a
		return a, err
	}
	// Units without IDs are matched by their Arabic across every article.
	var bySource map[string][]segRef
	applied := map[segRef]string{} // target applied in this import
	orig := map[segRef]store.Segment{}
	changed := map[string]bool{}
	for _, u := range units {
		refs := []segRef{}
		src := canonical(u.source) // the unit's Arabic, compared in canonical form
		if u.article == "" {
			if bySource == nil {
				var err error
				if bySource, err = indexSources(fs, o.Content, get); err != nil {
					return nil, err
				}
			}
			refs = bySource[src]
			if len(refs) == 0 {
				res.Unmatched++
				continue
			}
		} else {
			if err := safepath.CheckName("article ID", u.article); err != nil {
				res.Conflicts = append(res.Conflicts, Conflict{u.file, u.article, u.segment, err.Error()})
				continue
			}
			a, err := get(u.article)
			if err != nil {
				return nil, err
			}
			if a == nil {
				res.Conflicts = append(res.Conflicts, Conflict{u.file, u.article, u.segment, "unknown article: no " + store.Path(o.Content, u.article)})
				continue
			}
			i := indexOf(a.store, u.segment)
			if i < 0 || canonical(a.store.Segments[i].AR) != src {
				// The ID moved (blocks inserted or removed since the
				// export): re-anchor by the Arabic when exactly one
				// segment of the article has it.
				if j, n := bySourceIn(a.store, src); n == 1 {
					i = j
				} else if i < 0 {
					reason := "unknown segment ID"
					if n > 1 {
						reason = fmt.Sprintf("unknown segment ID, and %d segments have its Arabic", n)
					}
					res.Conflicts = append(res.Conflicts, Conflict{u.file, u.article, u.segment, reason})
					continue
				}
			}
			refs = append(refs, segRef{u.article, i})
		}
		for _, r := range refs {
			a := arts[r.article]
			s := &a.store.Segments[r.index]
			// Compare with the store as it was before this import, so that
			// files exported together do not conflict with each other.
			o, ok := orig[r]
			if !ok {
				o = *s
				orig[r] = o
			}
			conflict := func(reason string) {
				res.Conflicts = append(res.Conflicts, Conflict{u.file, r.article, s.ID, reason})
			}
			target := strings.TrimSpace(u.target)
			switch {
			case src != canonical(o.AR):
				conflict(fmt.Sprintf("the Arabic changed since the export; it is now «%s»", o.AR))
				continue
			case target == "", target == o.EN && (!u.confirmed || o.Status == translate.StatusReviewed):
				res.Unchanged++
				continue
			}
			if prev, ok := applied[r]; ok {
				if prev != target {
					conflict(fmt.Sprintf("two different targets in this import; kept %q", prev))
				} else {
					res.Unchanged++
				}
				continue
			}
			human := o.Status.Human()
			switch {
			case target != o.EN && u.base != "" && store.Hash(o.EN) != u.base && human:
				conflict(fmt.Sprintf("the English was changed in the store since the export; it is now %q", o.EN))
				continue
			case target != o.EN && u.article == "" && o.Status == translate.StatusReviewed:
				conflict(fmt.Sprintf("the reviewed English %q differs from the translation memory's %q", o.EN, target))
				continue
			}
			applied[r] = target
			res.Applied = append(res.Applied, Change{File: u.file, Article: r.article, Segment: s.ID,
				Old: s.EN, New: target, Reviewer: u.reviewer, Confirmed: target == s.EN})
			s.EN, s.Status, s.Engine, s.Model = target, translate.StatusReviewed, "human", ""
			s.Reviewer, s.OldAR, s.Sum = u.reviewer, "", store.Hash(target)
			changed[r.article] = true
		}
	}
	if o.DryRun {
		return res, nil
	}
	ids := make([]string, 0, len(changed))
	for id := range changed {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		a := arts[id]
		if err := store.Save(fs, a.file, a.store); err != nil {
			return res, fmt.Errorf("review: %w", err)
		}
		res.Written = append(res.Written, a.file)
	}
	return res, nil
}

// MaxImportSize is the largest exchange file that Import reads: 32 MiB,
// about a hundred times the XLIFF of a long article. Past it, Import fails
// naming the file, before reading it into memory (a 150 MB file would
// otherwise take about a gigabyte); export such work by --article.
const MaxImportSize = 32 << 20

// ErrTooLarge is wrapped by the error of a file over the size limit.
var ErrTooLarge = errors.New("file too large")

// readLimited reads file, failing when it holds more than max bytes
// (MaxImportSize when max is 0).
func readLimited(fs afero.Fs, file string, max int64) ([]byte, error) {
	if max <= 0 {
		max = MaxImportSize
	}
	f, err := fs.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%s: %w: more than %d bytes, the limit for an import file (export fewer articles per file with --article)", file, ErrTooLarge, max)
	}
	return data, nil
}

// DisplayName is the part of a translator's name that jisr stores and
// publishes: e-mail addresses are dropped, whether in angle brackets
// ("Huda Ali <huda@example.org>", as PO's Last-Translator gives it) or
// bare; what is left is trimmed. A name that is only an address becomes
// "" (no reviewer shown).
func DisplayName(name string) string {
	name = angleAddr.ReplaceAllString(name, " ")
	var words []string
	for _, w := range strings.Fields(name) {
		if !strings.Contains(w, "@") {
			words = append(words, w)
		}
	}
	return strings.Trim(strings.Join(words, " "), " ,;()")
}

var angleAddr = regexp.MustCompile(`<[^<>]*>`)

type segRef struct {
	article string
	index   int
}

// bySourceIn returns the index of a segment of f whose Arabic, in
// canonical form, is want (already canonical), and how many segments have
// it.
func bySourceIn(f *store.File, want string) (int, int) {
	at, n := -1, 0
	for i, s := range f.Segments {
		if canonical(s.AR) == want {
			at, n = i, n+1
		}
	}
	return at, n
}

func indexOf(f *store.File, id string) int {
	for i, s := range f.Segments {
		if s.ID == id {
			return i
		}
	}
	return -1
}

// indexSources maps the canonical Arabic of every segment of the content
// tree to where it is.
func indexSources(fs afero.Fs, content string, get func(string) (*storedArticle, error)) (map[string][]segRef, error) {
	entries, err := afero.ReadDir(fs, path.Join(content, "articles"))
	if err != nil {
		return nil, fmt.Errorf("review: read the content tree: %w", err)
	}
	idx := map[string][]segRef{}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		a, err := get(e.Name())
		if err != nil {
			return nil, err
		}
		if a == nil {
			continue
		}
		for i, s := range a.store.Segments {
			k := canonical(s.AR)
			idx[k] = append(idx[k], segRef{e.Name(), i})
		}
	}
	return idx, nil
}

// canonical is the form in which sources are compared: NFC, whitespace
// runs as one space, and characters that XML cannot carry replaced as
// encoding/xml replaces them.
func canonical(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	var out strings.Builder
	d := xml.NewDecoder(strings.NewReader("<x>" + b.String() + "</x>"))
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		if cd, ok := tok.(xml.CharData); ok {
			out.Write(cd)
		}
	}
	// Whitespace runs count as one space: tools may re-space a source
	// when they split and join segments.
	return strings.Join(strings.Fields(norm.NFC.String(out.String())), " ")
}

// statusNote describes a segment's provenance for a note or comment.
func statusNote(s *store.Segment) string {
	n := string(s.Status)
	if n == "" {
		n = "untranslated"
	}
	if s.Engine != "" {
		n += "; engine " + s.Engine
		if s.Model != "" {
			n += " (" + s.Model + ")"
		}
	}
	return n
}
