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
// run upgrades it.
//
// Failure is per segment, never per run. An empty answer (after clean) for
// one segment sends that segment alone to the fallback engine; when the
// fallback also gives nothing, fails, or is the same engine, the segment is
// left as it was (untranslated, or with its old English), listed in
// Stats.Untranslated and logged, and the run goes on. Only a cancelled
// context or a failing Sink ends a run early.
//
// Results. Add copies the segments it queues; the caller's slices are never
// written. Each finished batch is handed to Options.Sink as it finishes
// (one call at a time), so a caller can store the work as it is done and an
// interruption loses at most the batches in flight.
package run

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
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
	// Sink, when set, receives the segments of every finished batch, as
	// the batch finishes; calls never overlap. An error from it stops the
	// run and is returned by Run.
	Sink Sink
}

// Result is one finished segment: Key and Index say where it came from (the
// key and the index in the slice given to Add), Segment is its new value.
type Result struct {
	Key     string
	Index   int
	Segment store.Segment
}

// Sink receives the results of one finished batch.
type Sink func([]Result) error

// Left is a segment that no engine translated in a run: it keeps what it
// had (often nothing), and the next run tries it again.
type Left struct {
	Key, ID string // the key given to Add and the segment ID
	AR      string // its Arabic
	Reason  string
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
	Untranslated   []Left                   // segments no engine translated; they keep what they had
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
	if len(s.Untranslated) > 0 {
		line += fmt.Sprintf("; %d left untranslated (no engine gave a usable answer)", len(s.Untranslated))
	}
	return line
}

// Fill translates segs[i] for every i in need (as store.Merge returns
// them) with eng, falling back to fallback when eng fails, and returns a
// copy of segs with EN, Status, Engine, Model and Sum set on each segment
// it filled; segs itself is not written. The error is non-nil only when the
// context ends or the Sink fails; the returned segments then hold what was
// finished before.
func Fill(ctx context.Context, eng, fallback translate.Engine, segs []store.Segment, need []int, opts Options) ([]store.Segment, Stats, error) {
	out := slices.Clone(segs)
	next := opts.Sink
	opts.Sink = func(rs []Result) error {
		for _, r := range rs {
			out[r.Index] = r.Segment
		}
		if next != nil {
			return next(rs)
		}
		return nil
	}
	b := NewBatch(eng, fallback, opts)
	b.Add("", segs, need)
	st, err := b.Run(ctx)
	return out, st, err
}

// Batch collects the segments of many articles so that they are translated
// together: 2,000 segments from 100 articles go out in full batches on all
// workers, not article by article.
type Batch struct {
	eng, fb translate.Engine
	opts    Options
	targets []target
}

// target is one queued segment and where it came from.
type target struct {
	key   string
	index int
	seg   store.Segment
}

// NewBatch returns an empty batch for eng with fallback.
func NewBatch(eng, fallback translate.Engine, opts Options) *Batch {
	return &Batch{eng: eng, fb: fallback, opts: opts}
}

// Add queues a copy of segs[i] for every i in need, under key (an article
// ID, say); results come back to Options.Sink with the same key and index.
func (b *Batch) Add(key string, segs []store.Segment, need []int) {
	for _, i := range need {
		b.targets = append(b.targets, target{key: key, index: i, seg: segs[i]})
	}
}

// Len returns the number of queued segments.
func (b *Batch) Len() int { return len(b.targets) }

// unit is one distinct Arabic text and the segments that carry it.
type unit struct {
	ar   string
	sent string           // protected text
	exp  translate.Expect // what its English must contain
	segs []int            // indexes in Batch.targets of every segment with this Arabic
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
	for ti := range b.targets {
		s := &b.targets[ti].seg
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
		u.segs = append(u.segs, ti)
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
		sinkMu   sync.Mutex
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
				var done []Result
				err := b.do(ctx, bt, &st, record, errsSeen, log, &done)
				// Hand over what the batch finished, even when it was
				// cut short, so that it is kept.
				if b.opts.Sink != nil && len(done) > 0 {
					sinkMu.Lock()
					if serr := b.opts.Sink(done); serr != nil {
						err = errors.Join(err, fmt.Errorf("storing translations: %w", serr))
					}
					sinkMu.Unlock()
				}
				if err != nil {
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

// do translates one batch and appends its finished segments to done. It
// returns an error only when the context ended.
func (b *Batch) do(ctx context.Context, bt []*unit, st *Stats, record func(func()), errsSeen map[string]bool, log io.Writer, done *[]Result) error {
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
		return b.fallback(ctx, bt, st, record, log, done)
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
				id := b.targets[u.segs[0]].seg.ID
				record(func() {
					st.Misses = append(st.Misses, Miss{ID: id, AR: u.ar, Missing: miss})
					fmt.Fprintf(log, "translate: segment %s lacks %s in %q\n", id, strings.Join(miss, ", "), en)
				})
			}
		}
		b.write(u, en, b.eng, st, record, done)
	}
	if len(empty) > 0 {
		record(func() {
			fmt.Fprintf(log, "translate: %s returned %d empty translations; they fall back to %s\n", b.eng.Name(), len(empty), b.fbName())
		})
		return b.fallback(ctx, empty, st, record, log, done)
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
// unprotected Arabic (the fallback has its own name handling). A segment
// the fallback cannot translate is left as it was and listed in
// st.Untranslated; the error is only the context's.
func (b *Batch) fallback(ctx context.Context, bt []*unit, st *Stats, record func(func()), log io.Writer, done *[]Result) error {
	if b.fb == nil || b.fb == b.eng || b.fb.Name() == b.eng.Name() {
		b.leave(bt, fmt.Sprintf("engine %s gave no usable answer and there is no other engine to fall back to", b.eng.Name()), st, record, log)
		return nil
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
		if ctx.Err() != nil {
			return ctx.Err()
		}
		b.leave(bt, fmt.Sprintf("fallback engine %s: %v", b.fb.Name(), err), st, record, log)
		return nil
	}
	var left []*unit
	for i, u := range bt {
		en := clean(out[i])
		if en == "" && strings.TrimSpace(u.ar) != "" {
			left = append(left, u)
			continue
		}
		b.write(u, en, b.fb, st, record, done)
		n := len(u.segs)
		record(func() { st.Fallback += n })
	}
	if len(left) > 0 {
		b.leave(left, fmt.Sprintf("engines %s and %s gave no usable answer", b.eng.Name(), b.fb.Name()), st, record, log)
	}
	return nil
}

// leave records the segments of units that no engine translated: they
// keep their old values and are reported.
func (b *Batch) leave(us []*unit, reason string, st *Stats, record func(func()), log io.Writer) {
	n := 0
	record(func() {
		for _, u := range us {
			for _, ti := range u.segs {
				t := b.targets[ti]
				st.Untranslated = append(st.Untranslated, Left{Key: t.key, ID: t.seg.ID, AR: t.seg.AR, Reason: reason})
				fmt.Fprintf(log, "translate: segment %s left untranslated: %s\n", where(t.key, t.seg.ID), reason)
				n++
			}
		}
	})
	if p := b.opts.Progress; p != nil {
		p.Add(n)
	}
}

func where(key, id string) string {
	if key == "" {
		return id
	}
	return key + " " + id
}

// write stores en in every segment of u and appends them to done.
func (b *Batch) write(u *unit, en string, eng translate.Engine, st *Stats, record func(func()), done *[]Result) {
	sum := store.Hash(en)
	for _, ti := range u.segs {
		t := &b.targets[ti]
		s := &t.seg
		s.EN, s.Status, s.Engine, s.Model, s.Sum = en, eng.Status(), eng.Name(), eng.Model(), sum
		s.Reviewer, s.OldAR = "", ""
		*done = append(*done, Result{Key: t.key, Index: t.index, Segment: *s})
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
