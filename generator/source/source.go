// Package source reads input articles through afero.
//
// In: files in the seeds folder. Out: *article.Article values with their
// metadata, blocks and segments, and one error per file or record that could
// not be read, naming it and the reason.
//
// Formats:
//   - .txt: a plain Arabic article, one block per line (package segment
//     detects headings). Metadata comes from a sidecar file with the same
//     stem, .yaml, .yml or .toml, holding the front matter fields below.
//   - .md: YAML (---) or TOML (+++) front matter with title, date, tags,
//     entities, author, source, slug, url; a Markdown body.
//   - .json: one record or an array of records; .jsonl: one record a line.
//     Records have title, body or content, date, author, url, tags, source
//     (the shape of a newsroom CMS export such as SaudiNewsNet).
//
// Every file is decoded by Decode (UTF-8 with or without BOM, UTF-16 with a
// BOM, Windows-1256), normalized to NFC with "\n" line endings.
//
// Title. When the input gives none, the headline is derived from the lead
// (see DeriveTitle). When a .txt file has no sidecar title and its first line
// looks like a heading, that line is the title.
//
// Date. Metadata wins; otherwise, for CMS records, date_extracted with its
// time of day; otherwise the first date in the title and body, Gregorian
// or Hijri (dates.Choose); otherwise the article is undated. File times are
// never used.
package source

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	iofs "io/fs"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
	"github.com/spf13/afero"
	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"

	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/generator/dates"
	"github.com/jisr-news/jisr/generator/segment"
)

// Error is a failure to read one input file or record.
type Error struct {
	Path   string // the file, with "#N" for record N (1-based) of a collection
	Reason error
}

func (e *Error) Error() string { return e.Path + ": " + e.Reason.Error() }
func (e *Error) Unwrap() error { return e.Reason }

// Extensions lists the article formats, by file extension.
var Extensions = []string{".txt", ".md", ".json", ".jsonl"}

func isSidecar(name string) bool {
	ext := path.Ext(name)
	return ext == ".yaml" || ext == ".yml" || ext == ".toml"
}

// ReadDir reads every article file under dir, recursively, in lexical order.
// Files it does not know (and .txt sidecars) are ignored. It returns the
// articles that could be read and one *Error for each file or record that
// could not; an error reading dir itself is returned as the only error.
//
// Two inputs that give one article ID: the first is kept; a second one
// with the same text is ErrDuplicate (tolerated), one with another text
// an error asking for a distinct slug.
//
// Symlinks: a link inside dir that points outside it (or cannot be
// resolved) is refused with an error naming it, and never read, whether it
// is an article or a sidecar; links that stay inside are read. Size: a file
// over MaxFileBytes is refused with its size (see ReadFile).
func ReadDir(fs afero.Fs, dir string) ([]*article.Article, []error) {
	return ReadDirCached(fs, dir, nil)
}

// ReadDirCached is ReadDir for a process that reads the same folder again
// (jisr serve): a file whose own stamp and its sidecars' are those c
// recorded when it last read it (Cache) is not read again; its articles
// are what reading it gave then, as new values. A nil c reads every file.
func ReadDirCached(fs afero.Fs, dir string, c *Cache) ([]*article.Article, []error) {
	var files []string
	var errs []error
	refused := map[string]bool{}
	err := afero.Walk(fs, dir, func(p string, info iofsInfo, err error) error {
		if err != nil {
			return err
		}
		if info.Mode()&iofs.ModeSymlink != 0 {
			if err := linkInside(fs, dir, p); err != nil {
				refused[p] = true
				errs = append(errs, &Error{p, err})
				return nil
			}
		}
		if info.IsDir() {
			if p != dir && strings.HasPrefix(info.Name(), ".") {
				return skipDir
			}
			return nil
		}
		if strings.HasPrefix(info.Name(), ".") || isSidecar(p) {
			return nil
		}
		for _, ext := range Extensions {
			if strings.EqualFold(path.Ext(p), ext) {
				files = append(files, p)
			}
		}
		return nil
	})
	if err != nil {
		return nil, []error{fmt.Errorf("read seeds folder %s: %w", dir, err)}
	}
	sort.Strings(files)
	var arts []*article.Article
	ids := map[string]*article.Article{}
	for _, f := range files {
		if refused[f] {
			continue
		}
		as, err := c.readFile(fs, f, refused)
		if err != nil {
			errs = append(errs, unjoin(err)...)
		}
		for _, a := range as {
			localImages(fs, dir, f, a) // images.go: pictures beside the seed
			if prev, dup := ids[a.ID]; dup {
				if same(prev, a) {
					errs = append(errs, &Error{a.Source, fmt.Errorf("%w (%s): %w of its own", ErrDuplicate, prev.Source, ErrNoText)})
				} else {
					errs = append(errs, &Error{a.Source, fmt.Errorf("article ID %q is already used by %s; set a distinct slug", a.ID, prev.Source)})
				}
				continue
			}
			ids[a.ID] = a
			arts = append(arts, a)
		}
	}
	return arts, errs
}

// ErrDuplicate is a record or file that gives an article already read,
// with the same ID, title, date and text (a CMS that exported one story
// twice). It also wraps ErrNoText: the copy adds no article text, and is
// tolerated as an empty record is. The same ID with another text is a
// conflict, reported as an error of its own.
var ErrDuplicate = errors.New("a copy of an article already read")

// same reports whether two articles with one ID say the same thing.
func same(a, b *article.Article) bool {
	return a.Title == b.Title && a.Date.Equal(b.Date) && a.Author == b.Author && a.URL == b.URL && a.Text() == b.Text()
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// MaxFileBytes is the largest seed file jisr reads (an article, a
// collection or a sidecar): 256 MiB, room for a 50 MB article or a
// 100,000-record export, and a clear error instead of running out of
// memory on anything larger. Split a larger export into several files.
const MaxFileBytes = 256 << 20

// maxFileBytes is MaxFileBytes; tests lower it.
var maxFileBytes int64 = MaxFileBytes

// ErrTooLarge and ErrOutside classify refused seed files.
var (
	ErrTooLarge = errors.New("file too large")
	ErrOutside  = errors.New("symbolic link to a file outside the seeds folder")
)

// linkInside reports, for the symlink p under root, whether it resolves
// to a path inside root.
func linkInside(fs afero.Fs, root, p string) error {
	var target, base string
	if _, ok := fs.(*afero.OsFs); ok {
		t, err := filepath.EvalSymlinks(p)
		if err != nil {
			return fmt.Errorf("%w: %v", ErrOutside, err)
		}
		b, err := filepath.EvalSymlinks(root)
		if err != nil {
			return fmt.Errorf("%w: %v", ErrOutside, err)
		}
		target, base = t, b
	} else {
		lr, ok := fs.(afero.LinkReader)
		if !ok {
			return ErrOutside
		}
		t, err := lr.ReadlinkIfPossible(p)
		if err != nil {
			return fmt.Errorf("%w: %v", ErrOutside, err)
		}
		if !filepath.IsAbs(t) {
			t = filepath.Join(filepath.Dir(p), t)
		}
		target, base = filepath.Clean(t), filepath.Clean(root)
	}
	rel, err := filepath.Rel(base, target)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return fmt.Errorf("%w (it points to %s); copy the file into the seeds folder instead", ErrOutside, target)
	}
	return nil
}

// readSeed reads a seed file, refusing one over maxFileBytes.
func readSeed(fs afero.Fs, file string) ([]byte, error) {
	if st, err := fs.Stat(file); err == nil && st.Size() > maxFileBytes {
		return nil, fmt.Errorf("%w: %d bytes, over the limit of %d (split it into several files)", ErrTooLarge, st.Size(), maxFileBytes)
	}
	return afero.ReadFile(fs, file)
}

// ReadFile reads one article file. Collections may yield some articles and
// an error joining one *Error per bad record. A file over MaxFileBytes is
// refused (ErrTooLarge).
func ReadFile(fs afero.Fs, file string) ([]*article.Article, error) {
	return readFile(fs, file, nil)
}

// readFile is ReadFile, refusing the sidecars in refused.
func readFile(fs afero.Fs, file string, refused map[string]bool) ([]*article.Article, error) {
	data, err := readSeed(fs, file)
	if errors.Is(err, ErrTooLarge) {
		return nil, &Error{file, err}
	}
	if err != nil {
		return nil, &Error{file, fmt.Errorf("unreadable: %w", err)}
	}
	text, _, err := Decode(data)
	if err != nil {
		return nil, &Error{file, err}
	}
	stem := strings.TrimSuffix(path.Base(file), path.Ext(file))
	switch strings.ToLower(path.Ext(file)) {
	case ".txt":
		meta, err := sidecar(fs, file, refused)
		if err != nil {
			return nil, err
		}
		a := &article.Article{Source: file}
		if err := meta.apply(a); err != nil {
			return nil, &Error{file, err}
		}
		a.Blocks = segment.Lines(text)
		if a.Title == "" && len(a.Blocks) > 1 && a.Blocks[0].Kind == article.KindHeading {
			a.Title = a.Blocks[0].Text
			a.Blocks = a.Blocks[1:]
		}
		return one(a, stem)
	case ".md":
		fm, body, err := splitFrontMatter(text)
		if err != nil {
			return nil, &Error{file, err}
		}
		a := &article.Article{Source: file}
		if err := fm.apply(a); err != nil {
			return nil, &Error{file, err}
		}
		a.Blocks = segment.Markdown(body)
		return one(a, stem)
	case ".json":
		var recs []json.RawMessage
		t := strings.TrimSpace(text)
		if strings.HasPrefix(t, "[") {
			if err := json.Unmarshal([]byte(t), &recs); err != nil {
				return nil, &Error{file, fmt.Errorf("invalid JSON: %w", err)}
			}
		} else {
			recs = []json.RawMessage{json.RawMessage(t)}
		}
		return records(file, stem, recs, func(i int) string { return fmt.Sprintf("%s#%d", file, i+1) })
	case ".jsonl":
		var recs []json.RawMessage
		var lines []int
		for i, l := range strings.Split(text, "\n") {
			if strings.TrimSpace(l) != "" {
				recs = append(recs, json.RawMessage(l))
				lines = append(lines, i+1)
			}
		}
		return records(file, stem, recs, func(i int) string { return fmt.Sprintf("%s#%d", file, lines[i]) })
	}
	return nil, &Error{file, errors.New("unknown format")}
}

func one(a *article.Article, stem string) ([]*article.Article, error) {
	if err := finish(a, stem, ""); err != nil {
		return nil, &Error{a.Source, err}
	}
	return []*article.Article{a}, nil
}

// record is a CMS export record.
type record struct {
	meta
	ID            json.RawMessage `json:"id"`
	Body          string          `json:"body"`
	Content       string          `json:"content"`
	DateExtracted string          `json:"date_extracted"`
}

func records(file, stem string, recs []json.RawMessage, where func(int) string) ([]*article.Article, error) {
	var arts []*article.Article
	var errs []error
	for i, raw := range recs {
		var r record
		if err := json.Unmarshal(raw, &r); err != nil {
			errs = append(errs, &Error{where(i), fmt.Errorf("invalid JSON record: %w", err)})
			continue
		}
		id, key := recordKey(r, stem)
		a := &article.Article{Source: where(i)}
		if key != "" {
			a.Source = file + "#" + key
		}
		if err := r.meta.apply(a); err != nil {
			errs = append(errs, &Error{a.Source, err})
			continue
		}
		body := r.Body
		if body == "" {
			body = r.Content
		}
		// JSON escapes can carry any character: the same rule as Decode.
		body = normalize(body)
		a.Blocks = segment.Lines(body)
		text := ""
		if id == "" {
			// No stable key: the ID still does not depend on the record's
			// position, but on the file name and the record's text.
			text = shortHash(a.Title + "\n" + body)
			id = stem + "-" + text
		}
		if err := finish(a, id, r.DateExtracted); err != nil {
			errs = append(errs, &Error{a.Source, err}) // named by its line
			continue
		}
		if text != "" {
			// Nor does its Source: a reordered export changes no page.
			a.Source = file + "#text=" + text
		}
		arts = append(arts, a)
	}
	return arts, errors.Join(errs...)
}

// recordKey returns a record's stable key and the article ID made from it.
// The key is the record's "id" (a string or a number), else its "url";
// a record with neither has no stable key ("", ""): its errors name it by
// its position ("file.jsonl#<line>", or "file.json#<n>"), and its article
// by the hash of its title and text (Article.Source "file.jsonl#text=<hash>",
// the end of its ID), which the export's order does not change.
// A keyed record's ID depends on the key alone, not on the file's name, so
// renaming the export does not move the article: "r-<id as a slug>" (or
// "r-" and a hash when the id makes no short ASCII slug), "u-<hash of the
// url>". Its Source is "file.jsonl#id=<id>" or "file.jsonl#url=<url>".
func recordKey(r record, stem string) (id, key string) {
	if rid := strings.TrimSpace(Clean(rawID(r.ID))); rid != "" {
		if s := Slugify(rid); s != "" && len(s) <= 64 {
			return "r-" + s, "id=" + rid
		}
		return "r-" + longHash(rid), "id=" + rid
	}
	if u := strings.TrimSpace(Clean(r.URL)); u != "" {
		return "u-" + longHash(u), "url=" + u
	}
	return "", ""
}

// rawID reads a JSON "id" that is a string or a number.
func rawID(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	return ""
}

func longHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:6])
}

// finish checks the body, derives the title, date and ID, and segments.
func finish(a *article.Article, stem, fallbackDate string) error {
	if len(a.Blocks) == 0 {
		return ErrNoText
	}
	if a.Title == "" {
		a.Title = DeriveTitle(a.Lead())
		if a.Title == "" {
			a.Title = DeriveTitle(a.Blocks[0].Text)
		}
		a.TitleDerived = true
	}
	if a.Date.IsZero() {
		if t, fromText, ok := dates.Choose(a.Title+"\n"+a.Text(), fallbackDate); ok {
			a.Date, a.DateFromText = t, fromText
		}
	}
	switch {
	case a.Slug != "":
		a.ID = Slugify(a.Slug)
	default:
		a.ID = Slugify(stem)
	}
	if a.ID == "" {
		a.ID = "a-" + shortHash(stem)
	}
	// An ID too long for a file name is shortened (content warns when it
	// writes the article); one that fits never changes.
	a.ID, _ = article.FitName(a.ID)
	segment.Article(a)
	return nil
}

// DeriveTitle makes a headline from a lead paragraph: its first sentence,
// cut at the last clause comma (، or ,) within the first MaxTitleWords words,
// else after MaxTitleWords words with an ellipsis; final punctuation is
// dropped.
func DeriveTitle(lead string) string {
	sents := segment.Sentences(lead)
	if len(sents) == 0 {
		return ""
	}
	words := strings.Fields(sents[0])
	if len(words) > MaxTitleWords {
		cut := -1
		for i := 2; i < MaxTitleWords; i++ { // at least three words
			if strings.HasSuffix(words[i], "،") || strings.HasSuffix(words[i], ",") {
				cut = i
			}
		}
		if cut >= 0 {
			words = words[:cut+1]
		} else {
			words = append(words[:MaxTitleWords:MaxTitleWords], "…")
		}
	}
	return strings.TrimRightFunc(strings.Join(words, " "), func(r rune) bool {
		return r == '،' || r == ',' || r == '.' || r == '؛' || r == ':' || unicode.IsSpace(r)
	})
}

// MaxTitleWords bounds a derived headline.
const MaxTitleWords = 14

// Slugify makes an ASCII slug: lower-case letters, digits, '-' and '_';
// other characters become '-', runs collapse. Non-ASCII input gives "".
func Slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'):
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimRight(b.String(), "-")
}

func shortHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:4])
}

// meta holds the metadata fields of front matter, sidecars and records.
type meta struct {
	Title    string   `yaml:"title" toml:"title" json:"title"`
	Date     any      `yaml:"date" toml:"date" json:"date"`
	Tags     []string `yaml:"tags" toml:"tags" json:"tags"`
	Entities []string `yaml:"entities" toml:"entities" json:"entities"`
	Author   string   `yaml:"author" toml:"author" json:"author"`
	Source   string   `yaml:"source" toml:"source" json:"source"`
	Slug     string   `yaml:"slug" toml:"slug" json:"slug"`
	URL      string   `yaml:"url" toml:"url" json:"url"`
	Draft    bool     `yaml:"draft" toml:"draft" json:"draft"`
	// Image is one picture: a URL or path, or a table with src (or url),
	// alt and caption; Images is a list of either. See images.go.
	Image  any   `yaml:"image" toml:"image" json:"image"`
	Images []any `yaml:"images" toml:"images" json:"images"`
}

// oneLine cleans a metadata field by Clean's rule and makes it one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(Clean(s)), " ")
}

// metaLine is the rule for the one-line text fields of an article (title,
// tags, entities, author, source, slug): oneLine, with markup removed by
// PlainText.
func metaLine(s string) string {
	return oneLine(PlainText(Clean(s)))
}

// PlainText returns the text of a one-line field that may carry HTML, as
// CMS exports do (<i>اقتصاد</i>, AT&amp;T): elements and comments are
// removed, their text kept, and character references decoded once
// (&amp;lt; gives "&lt;"); what is not markup ("a < b", "AT&T") stays as it
// is. Its result is text, escaped again wherever it is written. The HTML
// tokenizer of golang.org/x/net/html reads tags as browsers do, which a
// hand-written pattern would not (attributes holding ">", comments).
func PlainText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	hidden := "" // inside <script> or <style>, whose text no reader sees
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if hidden == "" {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			// Inline elements (<i>, <b>, <a>) join their text to what is
			// beside them; a line break or block parts words (oneLine
			// folds the spaces).
			name, _ := z.TagName()
			switch n := string(name); n {
			case "script", "style":
				if tt == html.StartTagToken {
					hidden = n
				} else if hidden == n {
					hidden = ""
				}
			case "br", "p", "div", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6":
				b.WriteByte(' ')
			}
		}
	}
}

func (m *meta) apply(a *article.Article) error {
	a.Title = strings.TrimSpace(norm.NFC.String(metaLine(m.Title)))
	a.Author, a.Publisher, a.Slug, a.URL = metaLine(m.Author), metaLine(m.Source), metaLine(m.Slug), strings.TrimSpace(Clean(m.URL))
	for i, t := range m.Tags {
		m.Tags[i] = metaLine(t)
	}
	for i, e := range m.Entities {
		m.Entities[i] = metaLine(e)
	}
	a.Tags, a.Entities = m.Tags, m.Entities
	a.Draft = m.Draft
	imgs, err := images(m.Image, m.Images)
	if err != nil {
		return err
	}
	a.Images = imgs
	switch d := m.Date.(type) {
	case nil:
	case time.Time:
		a.Date = d.UTC()
	case toml.LocalDate:
		a.Date = d.AsTime(time.UTC)
	case toml.LocalDateTime:
		a.Date = d.AsTime(time.UTC)
	case string:
		if strings.TrimSpace(d) == "" {
			break
		}
		t, ok := dates.Parse(d)
		if !ok {
			return fmt.Errorf("date %q is not a date (use 2006-01-02)", d)
		}
		a.Date = t
	default:
		return fmt.Errorf("date has an unexpected type %T", d)
	}
	return nil
}

// splitFrontMatter separates YAML (---) or TOML (+++) front matter from a
// Markdown body.
func splitFrontMatter(text string) (*meta, string, error) {
	m := &meta{}
	for _, delim := range []string{"---", "+++"} {
		if !strings.HasPrefix(text, delim+"\n") {
			continue
		}
		rest := text[len(delim)+1:]
		end := strings.Index(rest, "\n"+delim)
		if end < 0 {
			return nil, "", fmt.Errorf("front matter opened with %s is never closed", delim)
		}
		fm, body := rest[:end], rest[end+len(delim)+1:]
		body = strings.TrimPrefix(body, "\n")
		var err error
		if delim == "---" {
			err = yaml.Unmarshal([]byte(fm), m)
		} else {
			err = toml.Unmarshal([]byte(fm), m)
		}
		if err != nil {
			return nil, "", fmt.Errorf("front matter: %w", err)
		}
		return m, body, nil
	}
	return m, text, nil
}

// sidecar reads the .yaml, .yml or .toml file beside a .txt article.
func sidecar(fs afero.Fs, file string, refused map[string]bool) (*meta, error) {
	base := strings.TrimSuffix(file, path.Ext(file))
	m := &meta{}
	for _, ext := range []string{".yaml", ".yml", ".toml"} {
		if refused[base+ext] {
			return nil, &Error{base + ext, ErrOutside}
		}
		data, err := readSeed(fs, base+ext)
		if errors.Is(err, ErrTooLarge) {
			return nil, &Error{base + ext, err}
		}
		if err != nil {
			continue
		}
		text, _, err := Decode(data)
		if err != nil {
			return nil, &Error{base + ext, err}
		}
		if ext == ".toml" {
			err = toml.Unmarshal([]byte(text), m)
		} else {
			err = yaml.Unmarshal([]byte(text), m)
		}
		if err != nil {
			return nil, &Error{base + ext, fmt.Errorf("sidecar: %w", err)}
		}
		return m, nil
	}
	return m, nil
}
