// Package report prints what analysis finds in articles, for the
// "jisr analyze" command and for scripts and evaluation.
//
// In: article files (read by package source) or one Arabic text per line.
// Out: per article, its segments, its entities with character offsets,
// type, surface and canonical Arabic and English names, its tags with
// scores and its date, as JSON (one indented object per article, or one
// compact object per line with Lines) or as readable text.
package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/analyze"
	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/generator/dates"
	"github.com/jisr-news/jisr/generator/segment"
	"github.com/jisr-news/jisr/generator/source"
)

// Article is the report on one article.
type Article struct {
	ID       string        `json:"id,omitempty"`
	Source   string        `json:"source,omitempty"`
	Date     string        `json:"date,omitempty"` // YYYY-MM-DD, "" when undated
	Segments []Segment     `json:"segments"`
	Entities []Entity      `json:"entities"`
	Tags     []analyze.Tag `json:"tags"`
}

// Segment is one segment of the article.
type Segment struct {
	ID   string `json:"id"`
	Kind string `json:"kind"`
	Text string `json:"text"`
}

// Entity is one entity with its mentions.
type Entity struct {
	ID       string    `json:"id"`
	Type     string    `json:"type"`
	NameAR   string    `json:"name_ar"`
	NameEN   string    `json:"name_en"`
	Wikidata string    `json:"wikidata,omitempty"`
	Known    bool      `json:"known"`
	Mentions []Mention `json:"mentions"`
}

// Mention is one occurrence: Start and End are character (code point)
// offsets in the segment's text, End exclusive.
type Mention struct {
	Segment string `json:"segment"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Surface string `json:"surface"`
}

// Make analyzes a segmented article with an and builds its report.
func Make(an *analyze.Analyzer, a *article.Article) Article {
	res := an.Analyze(a)
	r := Article{ID: a.ID, Source: a.Source, Segments: []Segment{}, Entities: []Entity{}, Tags: res.Tags}
	if r.Tags == nil {
		r.Tags = []analyze.Tag{}
	}
	if !a.Date.IsZero() {
		r.Date = a.Date.Format("2006-01-02")
	}
	text := map[string]string{}
	for _, s := range a.Segments() {
		if s.Text == "" {
			continue
		}
		text[s.ID] = s.Text
		r.Segments = append(r.Segments, Segment{ID: s.ID, Kind: string(s.Kind), Text: s.Text})
	}
	for _, e := range res.Entities {
		re := Entity{ID: e.ID, Type: string(e.Type), NameAR: e.NameAR, NameEN: e.NameEN, Wikidata: e.Wikidata, Known: e.Known, Mentions: []Mention{}}
		for _, m := range e.Mentions {
			t := text[m.Segment]
			start := utf8.RuneCountInString(t[:m.Start])
			re.Mentions = append(re.Mentions, Mention{Segment: m.Segment, Start: start,
				End: start + utf8.RuneCountInString(m.Surface), Surface: m.Surface})
		}
		r.Entities = append(r.Entities, re)
	}
	return r
}

// Files reads each file with package source, analyzes its articles and
// writes their reports to w: indented JSON objects when asJSON, else
// text. A file that cannot be read is reported in the returned error
// (naming the file) after the others are done.
func Files(w io.Writer, an *analyze.Analyzer, fsys afero.Fs, files []string, asJSON bool) error {
	var errs []string
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	for _, f := range files {
		arts, err := source.ReadFile(fsys, f)
		if err != nil {
			errs = append(errs, err.Error())
		}
		for _, a := range arts {
			r := Make(an, a)
			if asJSON {
				if err := enc.Encode(r); err != nil {
					return err
				}
			} else {
				Text(w, r)
			}
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("analyze: %s", strings.Join(errs, "; "))
	}
	return nil
}

// Lines reads one Arabic text per line from r and writes one compact JSON
// report per line to w, in the same order; an empty line gives a report
// with no segments. The text is split into sentences by package segment
// and its date is looked for in the text.
func Lines(r io.Reader, w io.Writer, an *analyze.Analyzer) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		a := &article.Article{ID: fmt.Sprintf("line-%d", n)}
		if line != "" {
			a.Blocks = []article.Block{{Kind: article.KindParagraph, Text: line}}
			segment.Article(a)
			if t, ok := dates.Find(line); ok {
				a.Date, a.DateFromText = t, true
			}
		}
		if err := enc.Encode(Make(an, a)); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("analyze --lines: line %d: %w", n+1, err)
	}
	return nil
}

// Text writes a report as readable text.
func Text(w io.Writer, r Article) {
	fmt.Fprintf(w, "# %s", r.ID)
	if r.Source != "" {
		fmt.Fprintf(w, " (%s)", r.Source)
	}
	if r.Date != "" {
		fmt.Fprintf(w, " %s", r.Date)
	}
	fmt.Fprintf(w, "\n%d segments\n", len(r.Segments))
	for _, e := range r.Entities {
		known := ""
		if !e.Known {
			known = " [unreviewed]"
		}
		var forms []string
		seen := map[string]bool{}
		for _, m := range e.Mentions {
			if !seen[m.Surface] {
				seen[m.Surface] = true
				forms = append(forms, m.Surface)
			}
		}
		fmt.Fprintf(w, "  %-12s %-30s %s ×%d%s: %s\n", e.Type, e.NameEN, e.NameAR, len(e.Mentions), known, strings.Join(forms, "، "))
	}
	for _, t := range r.Tags {
		fmt.Fprintf(w, "  tag %-30s %s %.2f\n", t.LabelEN, t.LabelAR, t.Score)
	}
}
