package qa

import (
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"sort"
	"strings"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/analyze"
	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/generator/translate"
)

// Statuses lists the segment statuses in the order reports show them: the
// store's ladder.
var Statuses = store.Ladder

// ArticleReport is what QA found in one article.
type ArticleReport struct {
	ID       string
	File     string // path of its segment store
	Title    string // English title, else the Arabic one
	Counts   map[translate.Status]int
	Total    int
	Findings []Finding
	// Lines gives, for each segment ID, the line of its "en:" key in File:
	// the line a translator edits.
	Lines map[string]int
}

// Reviewed returns the share of reviewed segments, 0 to 100, rounded down.
func (a *ArticleReport) Reviewed() int {
	if a.Total == 0 {
		return 0
	}
	return 100 * a.Counts[translate.StatusReviewed] / a.Total
}

// Report is what QA found in a content tree.
type Report struct {
	Articles []ArticleReport // sorted by ID
}

// Totals returns the segments by status over all articles, and their sum.
func (r *Report) Totals() (map[translate.Status]int, int) {
	c, n := map[translate.Status]int{}, 0
	for _, a := range r.Articles {
		for k, v := range a.Counts {
			c[k] += v
		}
		n += a.Total
	}
	return c, n
}

// Findings returns the number of findings over all articles.
func (r *Report) Findings() int {
	n := 0
	for _, a := range r.Articles {
		n += len(a.Findings)
	}
	return n
}

// Unreviewed returns the number of segments that are not reviewed (stale
// segments count: their Arabic changed since review).
func (r *Report) Unreviewed() int {
	c, n := r.Totals()
	return n - c[translate.StatusReviewed]
}

// Write prints the report as `jisr check --qa` shows it: a line per
// article with its counts, then one line per finding with the file and line
// to edit and, when link is not nil, the review page's link to the
// segment.
func (r *Report) Write(w io.Writer, link func(articleID, segmentID string) string) {
	for _, a := range r.Articles {
		fmt.Fprintf(w, "%s: %d segments, %d%% reviewed (%s); %d QA findings\n", a.ID, a.Total, a.Reviewed(), countsString(a.Counts), len(a.Findings))
		for _, f := range a.Findings {
			loc := a.File
			if l := a.Lines[f.Segment]; l > 0 {
				loc = fmt.Sprintf("%s:%d", a.File, l)
			}
			fmt.Fprintf(w, "  %s [%s] %s: %s", loc, f.Segment, f.Check, f.Message)
			if link != nil {
				fmt.Fprintf(w, "\n    %s", link(a.ID, f.Segment))
			}
			fmt.Fprintln(w)
		}
	}
	c, n := r.Totals()
	pct := 0
	if n > 0 {
		pct = 100 * c[translate.StatusReviewed] / n
	}
	fmt.Fprintf(w, "total: %d articles, %d segments, %d%% reviewed (%s); %d QA findings\n", len(r.Articles), n, pct, countsString(c), r.Findings())
}

func countsString(c map[translate.Status]int) string {
	var parts []string
	for _, s := range Statuses {
		parts = append(parts, fmt.Sprintf("%s %d", s, c[s]))
	}
	return strings.Join(parts, ", ")
}

// Analyzer analyzes a segmented article; *analyze.Analyzer is one. QA
// calls it only for an article whose bundle has no stored analysis (a
// content tree written before analysis was kept).
type Analyzer interface {
	Analyze(a *article.Article) analyze.Result
}

// Bundle is one stored article as QA and the review exports read it.
type Bundle struct {
	ID       string
	File     string // path of its segment store
	Store    *store.File
	Analysis analyze.Result // as the build stored it
	Lines    map[string]int // see store.SegmentLines
}

// Load reads the bundle of article id under contentDir: its store and
// the analysis the build stored with it, so that what QA reports agrees
// with the published pages. Only when the bundle has no analysis does an
// analyze the Arabic again (an nil means analyze.Default). It returns nil
// and no error for a folder without a store.
func Load(fs afero.Fs, contentDir, id string, an Analyzer) (*Bundle, error) {
	file := store.Path(contentDir, id)
	data, err := afero.ReadFile(fs, file)
	if errors.Is(err, iofs.ErrNotExist) {
		return nil, nil // a bundle without a store is not an article
	}
	if err != nil {
		return nil, fmt.Errorf("qa: %w", err)
	}
	f, lines, err := store.ParseLines(file, data) // one parse gives the segments and their lines
	if err != nil {
		return nil, fmt.Errorf("qa: %w", err)
	}
	if f.Article == "" {
		f.Article = id
	}
	b := &Bundle{ID: id, File: file, Store: f, Lines: lines}
	stored, err := store.ReadAnalysis(fs, contentDir, id)
	if err != nil {
		return nil, fmt.Errorf("qa: %w", err)
	}
	if stored != nil {
		b.Analysis = ResultOf(stored)
	} else {
		if an == nil {
			an = analyze.Default()
		}
		b.Analysis = an.Analyze(ArticleOf(f))
	}
	return b, nil
}

// CheckProject checks every article of the content tree under contentDir
// against the analysis the build stored. A store that cannot be read is
// an error naming the file. It uses the embedded gazetteer for bundles
// without a stored analysis; CheckProjectWith takes the project's.
func CheckProject(fs afero.Fs, contentDir string) (*Report, error) {
	return CheckProjectWith(fs, contentDir, nil)
}

// CheckProjectWith is CheckProject with the analyzer for bundles that
// have no stored analysis, e.g. one from analyze.ForProject that knows the
// project's own gazetteer entries; nil means analyze.Default.
func CheckProjectWith(fs afero.Fs, contentDir string, an Analyzer) (*Report, error) {
	ids, err := store.MustArticles(fs, contentDir)
	if err != nil {
		return nil, fmt.Errorf("qa: %w", err)
	}
	r := &Report{}
	for _, id := range ids {
		b, err := Load(fs, contentDir, id, an)
		if err != nil {
			return nil, err
		}
		if b == nil {
			continue
		}
		a := Summarize(b.Store, b.Analysis)
		a.File, a.Lines = b.File, b.Lines
		r.Articles = append(r.Articles, a)
	}
	sort.Slice(r.Articles, func(i, j int) bool { return r.Articles[i].ID < r.Articles[j].ID })
	return r, nil
}

// Stored converts an article's analysis into the form the build stores in
// its bundle (store.Analysis), with the article's date (2006-01-02, or "").
func Stored(id, date string, res analyze.Result) *store.Analysis {
	a := &store.Analysis{Article: id, Date: date}
	for _, e := range res.Entities {
		se := store.Entity{ID: e.ID, Type: string(e.Type), NameEN: e.NameEN, NameAR: e.NameAR,
			Aliases: e.Aliases, Wikidata: e.Wikidata, Known: e.Known, Mentions: []store.EntityMention{}}
		for _, m := range e.Mentions {
			se.Mentions = append(se.Mentions, store.EntityMention{Segment: m.Segment, Start: m.Start, End: m.End, Surface: m.Surface})
		}
		a.Entities = append(a.Entities, se)
	}
	for _, t := range res.Tags {
		a.Tags = append(a.Tags, store.Tag{ID: t.ID, QCode: t.QCode, LabelEN: t.LabelEN, LabelAR: t.LabelAR, Score: t.Score})
	}
	return a
}

// ResultOf converts a stored analysis back (the inverse of Stored).
func ResultOf(a *store.Analysis) analyze.Result {
	var res analyze.Result
	for _, e := range a.Entities {
		ae := analyze.Entity{ID: e.ID, Type: analyze.Type(e.Type), NameEN: e.NameEN, NameAR: e.NameAR,
			Aliases: e.Aliases, Wikidata: e.Wikidata, Known: e.Known}
		for _, m := range e.Mentions {
			ae.Mentions = append(ae.Mentions, analyze.Mention{Segment: m.Segment, Start: m.Start, End: m.End, Surface: m.Surface})
		}
		res.Entities = append(res.Entities, ae)
	}
	for _, t := range a.Tags {
		res.Tags = append(res.Tags, analyze.Tag{ID: t.ID, QCode: t.QCode, LabelEN: t.LabelEN, LabelAR: t.LabelAR, Score: t.Score})
	}
	return res
}

// Shown returns findings as a review page shows them (without the article,
// which the page names).
func Shown(fs []Finding) []store.Finding {
	var out []store.Finding
	for _, f := range fs {
		out = append(out, store.Finding{Segment: f.Segment, Check: f.Check, Message: f.Message})
	}
	return out
}

// Summarize counts the statuses of a stored article and checks it.
func Summarize(f *store.File, res analyze.Result) ArticleReport {
	a := ArticleReport{ID: f.Article, Counts: map[translate.Status]int{}, Total: len(f.Segments)}
	for _, s := range f.Segments {
		a.Counts[s.Status]++
		if s.ID == "title" {
			a.Title = s.EN
			if a.Title == "" {
				a.Title = s.AR
			}
		}
	}
	a.Findings = CheckArticle(f, res)
	return a
}

// ArticleOf rebuilds the segmented Arabic article that a store was made
// from, so that analysis can run on a content tree without the seeds.
func ArticleOf(f *store.File) *article.Article {
	a := &article.Article{ID: f.Article}
	for _, s := range f.Segments {
		seg := article.Segment{ID: s.ID, Kind: s.Kind, Block: s.Block, Text: s.AR}
		if s.Kind == article.KindTitle || s.ID == "title" {
			a.Title = s.AR
			continue
		}
		if n := len(a.Blocks); n == 0 || a.Blocks[n-1].Segments[0].Block != s.Block {
			a.Blocks = append(a.Blocks, article.Block{Kind: s.Kind})
		}
		b := &a.Blocks[len(a.Blocks)-1]
		if b.Text != "" {
			b.Text += " "
		}
		b.Text += s.AR
		b.Segments = append(b.Segments, seg)
	}
	return a
}
