package qa

import (
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"github.com/spf13/afero"
	"gopkg.in/yaml.v3"

	"github.com/jisr-news/jisr/generator/analyze"
	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/generator/translate"
)

// Statuses lists the segment statuses in the order reports show them.
var Statuses = []translate.Status{translate.StatusGist, translate.StatusMachine, translate.StatusStale, translate.StatusReviewed}

// ArticleReport is what QA found in one article.
type ArticleReport struct {
	ID       string
	File     string // path of its segments.yaml
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

// CheckProject loads every content/articles/<id>/segments.yaml under
// contentDir, analyzes its Arabic again (for the entity check) and checks
// every segment. A store that cannot be read is an error naming the file.
// It uses the embedded gazetteer; CheckProjectWith takes the project's.
func CheckProject(fs afero.Fs, contentDir string) (*Report, error) {
	return CheckProjectWith(fs, contentDir, analyze.Default())
}

// CheckProjectWith is CheckProject with the given analyzer, e.g. one from
// analyze.ForProject that knows the project's own gazetteer entries.
func CheckProjectWith(fs afero.Fs, contentDir string, an *analyze.Analyzer) (*Report, error) {
	dir := path.Join(contentDir, "articles")
	entries, err := afero.ReadDir(fs, dir)
	if err != nil {
		return nil, fmt.Errorf("qa: %w", err)
	}
	r := &Report{}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		file := store.Path(contentDir, e.Name())
		data, err := afero.ReadFile(fs, file)
		if err != nil {
			continue // a bundle without a store is not an article
		}
		f, err := store.Load(fs, file)
		if err != nil {
			return nil, fmt.Errorf("qa: %w", err)
		}
		if f.Article == "" {
			f.Article = e.Name()
		}
		ar := ArticleOf(f)
		a := Summarize(f, an.Analyze(ar))
		a.File = file
		a.Lines = SegmentLines(data)
		r.Articles = append(r.Articles, a)
	}
	sort.Slice(r.Articles, func(i, j int) bool { return r.Articles[i].ID < r.Articles[j].ID })
	return r, nil
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

// SegmentLines maps each segment ID of a segments.yaml file to the line
// (1-based) of its "en:" key, or of its "id:" when it has no "en". It
// returns an empty map for a file it cannot parse.
func SegmentLines(data []byte) map[string]int {
	lines := map[string]int{}
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return lines
	}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != "segments" {
			continue
		}
		for _, item := range root.Content[i+1].Content {
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
				}
			}
			if id != "" {
				lines[id] = line
			}
		}
	}
	return lines
}
