// Package progress reports how far a translation run has got.
//
// In: the number of segments to translate, then counts of segments done.
// Out: on a terminal, a progress bar (github.com/schollz/progressbar/v3)
// with segments done and total, rate and ETA; anywhere else (CI, a log
// file, a pipe) plain log lines at every tenth of the work, with the same
// figures. A Reporter satisfies run.Progress.
package progress

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// Reporter shows progress. Its methods are safe for concurrent use.
type Reporter interface {
	Start(total int)
	Add(n int)
	Finish()
}

// New returns a bar when w is a terminal and log lines otherwise.
func New(w io.Writer, label string) Reporter {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return Bar(w, label)
	}
	return Lines(w, label)
}

// Bar returns a progress bar on w.
func Bar(w io.Writer, label string) Reporter { return &bar{w: w, label: label} }

type bar struct {
	mu    sync.Mutex
	w     io.Writer
	label string
	pb    *progressbar.ProgressBar
}

func (b *bar) Start(total int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.pb = progressbar.NewOptions(total,
		progressbar.OptionSetWriter(b.w),
		progressbar.OptionSetDescription(b.label),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("seg"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSetWidth(30),
		progressbar.OptionOnCompletion(func() { fmt.Fprintln(b.w) }),
	)
}

func (b *bar) Add(n int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.pb != nil {
		b.pb.Add(n)
	}
}

func (b *bar) Finish() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.pb != nil && !b.pb.IsFinished() {
		b.pb.Finish()
	}
}

// Lines returns a reporter that writes a line such as
//
//	translate: 400/2000 segments (20%), 31.5 segments/s, about 51s left
//
// at each tenth of the work, and a last line when done.
func Lines(w io.Writer, label string) Reporter {
	return &lines{w: w, label: label, now: time.Now}
}

type lines struct {
	mu          sync.Mutex
	w           io.Writer
	label       string
	now         func() time.Time
	start       time.Time
	total, done int
	step        int // the last tenth reported
	finished    bool
}

func (l *lines) Start(total int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.total, l.done, l.step, l.finished, l.start = total, 0, 0, false, l.now()
	if total > 0 {
		fmt.Fprintf(l.w, "%s: %d segments to translate\n", l.label, total)
	}
}

func (l *lines) Add(n int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.done += n
	if l.total <= 0 || l.done >= l.total {
		return
	}
	if step := l.done * 10 / l.total; step > l.step {
		l.step = step
		l.line()
	}
}

func (l *lines) Finish() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.finished || l.total <= 0 {
		return
	}
	l.finished = true
	l.line()
}

func (l *lines) line() {
	el := l.now().Sub(l.start)
	rate := 0.0
	if el > 0 {
		rate = float64(l.done) / el.Seconds()
	}
	msg := fmt.Sprintf("%s: %d/%d segments (%d%%), %.1f segments/s", l.label, l.done, l.total, l.done*100/l.total, rate)
	if l.done < l.total && rate > 0 {
		left := time.Duration(float64(l.total-l.done) / rate * float64(time.Second))
		msg += fmt.Sprintf(", about %s left", left.Round(time.Second))
	} else {
		msg += fmt.Sprintf(" in %s", el.Round(time.Millisecond))
	}
	fmt.Fprintln(l.w, msg)
}
