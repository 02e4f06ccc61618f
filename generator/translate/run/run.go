// Package run fills the segment store with translations: it is what the
// build calls between store.Merge and store.Save.
//
// In: the segments that store.Merge said need the engine, from one article
// (Fill) or from many (Batch), the configured engine and the fallback
// engine (gist). Out: those segments with EN, Status, Engine, Model and Sum
// set, and Stats for the build summary.
//
// How it spends requests: identical Arabic texts are translated once;
// segments from all articles are cut into batches that fit the engine's
// Limits and sent by a pool of workers (default 8). Before sending to an
// engine that gives machine translations, known names and numbers are
// protected (see translate.Protector); a segment
// whose translation lacks one is retried alone once, and reported when it
// still lacks it. When the engine fails for a batch (after its own
// retries, or because its circuit breaker is open) the batch goes to the
// fallback engine and is marked with its status ("gist"), so that the next
// run upgrades it. A segment that no engine translated is left as it was:
// nothing stored is lost.
package run

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/generator/translate"
	"github.com/jisr-news/jisr/generator/translate/resilient"
)

// Defaults when neither Options nor the engine's Limits say.
const (
	DefaultBatchSize   = 50
	DefaultMaxChars    = 20000
	DefaultConcurrency = 8
)

// Progress receives progress: Start once with the number of segments,
// Add as they are done, Finish at the end. package progress implements
// it.
type Progress interface {
	Start(total int)
	Add(n int)
	Finish()
}

// Options tune a run. The zero value works.
type Options struct {
	// Protector protects names and numbers; nil protects numbers only.
	Protector *translate.Protector
	// BatchSize and MaxChars bound one engine call; 0 takes the engine's
	// Limits, else the defaults.
	BatchSize, MaxChars int
	// Concurrency is how many batches are in flight; 0 takes the engine's
	// Limits, else DefaultConcurrency.
	Concurrency int
	// Progress, when set, is told how many segments are done.
	Progress Progress
	// Log receives one line per distinct engine failure and per segment
	// that lacks a name or number; nil discards.
	Log io.Writer
}

// Miss is a segment whose translation lacks names or numbers of its
// source, even after a retry.
type Miss struct {
	ID      string   // segment ID
	AR      string   // Arabic source
	Missing []string // the names and numbers not found
}

// Stats say what a run did.
type Stats struct {
	Segments       int                      // segments asked for
	Unique         int                      // distinct Arabic texts among them
	Calls          int                      // Translate calls to the engine, retries alone included
	Requests       int64                    // HTTP requests, when the engine counts them
	ByStatus       map[translate.Status]int // segments written, by status
	ByEngine       map[string]int           // segments written, by engine
	Fallback       int                      // segments the fallback engine wrote
	FallbackEngine string                   // its name
	Retried        int                      // segments retried alone for a missing name or number
	Misses         []Miss                   // segments still lacking a name or number
	Errors         []string                 // distinct engine failures, in order
}

// Summary returns one line for logs, e.g. "120 segments (97 distinct):
// machine 100, gist 20; 3 calls, 3 requests; 20 fell back to gist".
func (s Stats) Summary() string {
	var st []string
	for k, v := range s.ByStatus {
		st = append(st, fmt.Sprintf("%s %d", k, v))
	}
	sort.Strings(st)
	line := fmt.Sprintf("%d segments (%d distinct): %s; %d calls, %d requests", s.Segments, s.Unique, strings.Join(st, ", "), s.Calls, s.Requests)
	if s.Fallback > 0 {
		line += fmt.Sprintf("; %d fell back to %s", s.Fallback, s.FallbackEngine)
	}
	if len(s.Misses) > 0 {
		line += fmt.Sprintf("; %d lack a name or number", len(s.Misses))
	}
	return line
}

// Fill translates segs[i] for every i in need (as store.Merge returns
// them) with eng, falling back to fallback when eng fails. It sets EN,
// Status, Engine, Model and Sum on each segment it fills. The error is
// non-nil only when the context ends or the fallback fails too; the
// segments filled so far keep their new values, the others their old.
func Fill(ctx context.Context, eng, fallback translate.Engine, segs []store.Segment, need []int, opts Options) (Stats, error) {
	b := NewBatch(eng, fallback, opts)
	b.Add(segs, need)
	return b.Run(ctx)
}

// Batch collects the segments of many articles so that they are translated
// together: 2,000 segments from 100 articles go out in full batches on all
// workers, not article by article.
type Batch struct {
	eng, fb translate.Engine
	opts    Options
	targets []*store.Segment
}

// NewBatch returns an empty batch for eng with fallback.
func NewBatch(eng, fallback translate.Engine, opts Options) *Batch {
	return &Batch{eng: eng, fb: fallback, opts: opts}
}

// Add queues segs[i] for every i in need. The batch keeps pointers into
// segs: do not append to segs before Run returns.
func (b *Batch) Add(segs []store.Segment, need []int) {
	for _, i := range need {
		b.targets = append(b.targets, &segs[i])
	}
}

// Len returns the number of queued segments.
func (b *Batch) Len() int { return len(b.targets) }

// unit is one distinct Arabic text and the segments that carry it.
type unit struct {
	ar   string
	sent string           // protected text
	exp  translate.Expect // what its English must contain
	segs []*store.Segment // every segment with this Arabic
}

// Run translates every queued segment; see Fill.
func (b *Batch) Run(ctx context.Context) (Stats, error) {
	st := Stats{Segments: len(b.targets), ByStatus: map[translate.Status]int{}, ByEngine: map[string]int{}, FallbackEngine: b.fbName()}
	lim := translate.LimitsOf(b.eng)
	size := first(b.opts.BatchSize, lim.MaxSegments, DefaultBatchSize)
	maxChars := first(b.opts.MaxChars, lim.MaxChars, DefaultMaxChars)
	workers := first(b.opts.Concurrency, lim.Concurrency, DefaultConcurrency)
	log := b.opts.Log
	if log == nil {
		log = io.Discard
	}

	// One unit per distinct Arabic text.
	var units []*unit
	byAR := map[string]*unit{}
	for _, s := range b.targets {
		u := byAR[s.AR]
		if u == nil {
			u = &unit{ar: s.AR, sent: s.AR}
			if b.eng.Status() != translate.StatusGist {
				// The offline engine has its own name and number
				// handling; only engines that give machine
				// translations get pre-edited text.
				u.sent, u.exp = b.opts.Protector.Protect(s.AR)
			}
			byAR[s.AR] = u
			units = append(units, u)
		}
		u.segs = append(u.segs, s)
	}
	st.Unique = len(units)

	// Batches that fit the engine.
	var batches [][]*unit
	for _, r := range translate.Split(len(units), size, maxChars, func(i int) int { return len([]rune(units[i].sent)) }) {
		batches = append(batches, units[r[0]:r[1]])
	}

	counter, counts := b.eng.(interface{ Requests() int64 })
	var before int64
	if counts {
		before = counter.Requests()
	}
	if p := b.opts.Progress; p != nil {
		p.Start(len(b.targets))
		defer p.Finish()
	}

	var (
		mu       sync.Mutex
		fatal    error
		errsSeen = map[string]bool{}
	)
	record := func(f func()) {
		mu.Lock()
		defer mu.Unlock()
		f()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	work := make(chan []*unit)
	var wg sync.WaitGroup
	for range min(workers, max(1, len(batches))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for bt := range work {
				if err := b.do(ctx, bt, &st, record, errsSeen, log); err != nil {
					record(func() {
						if fatal == nil {
							fatal = err
						}
					})
					cancel()
				}
			}
		}()
	}
	for _, bt := range batches {
		if ctx.Err() != nil {
			break
		}
		select {
		case work <- bt:
		case <-ctx.Done():
		}
	}
	close(work)
	wg.Wait()
	if fatal == nil && ctx.Err() != nil {
		fatal = ctx.Err()
	}
	if counts {
		st.Requests = counter.Requests() - before
	}
	return st, fatal
}

// do translates one batch and writes the results into its segments.
func (b *Batch) do(ctx context.Context, bt []*unit, st *Stats, record func(func()), errsSeen map[string]bool, log io.Writer) error {
	sent := make([]string, len(bt))
	for i, u := range bt {
		sent[i] = u.sent
	}
	out, err := b.call(ctx, sent)
	record(func() { st.Calls++ })
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		record(func() {
			msg := err.Error()
			if !errsSeen[msg] {
				errsSeen[msg] = true
				st.Errors = append(st.Errors, msg)
				fmt.Fprintf(log, "translate: %v; segments fall back to %s\n", err, b.fbName())
			}
		})
		return b.fallback(ctx, bt, st, record)
	}
	var empty []*unit
	for i, u := range bt {
		en := out[i]
		if en == "" && strings.TrimSpace(u.ar) != "" {
			empty = append(empty, u)
			continue
		}
		if miss := u.exp.Missing(en); len(miss) > 0 {
			record(func() { st.Retried++ })
			alone, err := b.call(ctx, []string{u.sent})
			record(func() { st.Calls++ })
			if err == nil && alone[0] != "" {
				if m2 := u.exp.Missing(alone[0]); len(m2) < len(miss) {
					en, miss = alone[0], m2
				}
			}
			if len(miss) > 0 {
				id := u.segs[0].ID
				record(func() {
					st.Misses = append(st.Misses, Miss{ID: id, AR: u.ar, Missing: miss})
					fmt.Fprintf(log, "translate: segment %s lacks %s in %q\n", id, strings.Join(miss, ", "), en)
				})
			}
		}
		b.write(u, en, b.eng, st, record)
	}
	if len(empty) > 0 {
		record(func() {
			fmt.Fprintf(log, "translate: %s returned %d empty translations; they fall back to %s\n", b.eng.Name(), len(empty), b.fbName())
		})
		return b.fallback(ctx, empty, st, record)
	}
	return nil
}

// call runs the engine and checks the count.
func (b *Batch) call(ctx context.Context, sent []string) ([]string, error) {
	out, err := b.eng.Translate(ctx, sent)
	if err == nil && len(out) != len(sent) {
		err = fmt.Errorf("engine %s returned %d texts for %d", b.eng.Name(), len(out), len(sent))
	}
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i] = clean(out[i])
	}
	return out, nil
}

func (b *Batch) fbName() string {
	if b.fb == nil {
		return "no engine"
	}
	return b.fb.Name()
}

// fallback translates a batch with the fallback engine, from the
// unprotected Arabic (the fallback has its own name handling).
func (b *Batch) fallback(ctx context.Context, bt []*unit, st *Stats, record func(func())) error {
	if b.fb == nil || b.fb == b.eng || b.fb.Name() == b.eng.Name() {
		return fmt.Errorf("translate: engine %s failed and there is no other engine to fall back to", b.eng.Name())
	}
	ar := make([]string, len(bt))
	for i, u := range bt {
		ar[i] = u.ar
	}
	out, err := b.fb.Translate(ctx, ar)
	if err == nil && len(out) != len(ar) {
		err = fmt.Errorf("returned %d texts for %d", len(out), len(ar))
	}
	if err != nil {
		return fmt.Errorf("translate: fallback engine %s: %w", b.fb.Name(), err)
	}
	for i, u := range bt {
		b.write(u, clean(out[i]), b.fb, st, record)
		n := len(u.segs)
		record(func() { st.Fallback += n })
	}
	return nil
}

// write stores en in every segment of u.
func (b *Batch) write(u *unit, en string, eng translate.Engine, st *Stats, record func(func())) {
	sum := store.Hash(en)
	for _, s := range u.segs {
		s.EN, s.Status, s.Engine, s.Model, s.Sum = en, eng.Status(), eng.Name(), eng.Model(), sum
		s.Reviewer, s.OldAR = "", ""
	}
	n := len(u.segs)
	record(func() {
		st.ByStatus[eng.Status()] += n
		st.ByEngine[eng.Name()] += n
	})
	if p := b.opts.Progress; p != nil {
		p.Add(n)
	}
}

// clean makes an engine's answer one line of plain text: control
// characters become spaces and runs of space collapse. It is still
// untrusted text: the content writer escapes it.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

func first(v ...int) int {
	for _, x := range v {
		if x > 0 {
			return x
		}
	}
	return 0
}

// IsBreakerOpen reports whether err says the engine's breaker was open.
func IsBreakerOpen(err error) bool { return errors.Is(err, resilient.ErrOpen) }
