package run

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/jisr-news/jisr/generator/gazetteer"
	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/generator/translate"
	"github.com/jisr-news/jisr/generator/translate/progress"
)

// Standard returns the options a build or a command uses: names from the
// gazetteer g (nil: the embedded one), progress on log (a bar when log is
// a terminal), failures logged to log.
func Standard(g *gazetteer.Gazetteer, log io.Writer) Options {
	return Options{Protector: NewProtector(g), Progress: progress.New(log, "translate"), Log: log}
}

// Text translates in, one Arabic text a line, and writes one English line
// per input line to out, in order: blank lines stay blank, identical lines
// are sent once. It uses no store. This is "jisr translate --text".
func Text(ctx context.Context, eng, fallback translate.Engine, in io.Reader, out io.Writer, opts Options) (Stats, error) {
	var segs []store.Segment
	var need []int
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for sc.Scan() {
		line := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if line != "" {
			need = append(need, len(segs))
		}
		segs = append(segs, store.Segment{ID: fmt.Sprintf("line-%d", len(segs)+1), AR: line})
	}
	if err := sc.Err(); err != nil {
		return Stats{}, fmt.Errorf("reading input: %w", err)
	}
	segs, st, err := Fill(ctx, eng, fallback, segs, need, opts)
	if err != nil {
		return st, err
	}
	w := bufio.NewWriter(out)
	for _, s := range segs {
		w.WriteString(s.EN)
		w.WriteByte('\n')
	}
	return st, w.Flush()
}
