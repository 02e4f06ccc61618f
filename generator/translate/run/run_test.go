package run

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/generator/translate"
	"github.com/jisr-news/jisr/generator/translate/engines/libre"
)

// fakeGist stands in for the gist engine: "gist:" + the Arabic.
type fakeGist struct {
	calls atomic.Int32
	fail  bool
}

func (g *fakeGist) Name() string             { return "gist" }
func (g *fakeGist) Model() string            { return "" }
func (g *fakeGist) Status() translate.Status { return translate.StatusGist }
func (g *fakeGist) Translate(ctx context.Context, ar []string) ([]string, error) {
	g.calls.Add(1)
	if g.fail {
		return nil, errors.New("gist broke")
	}
	out := make([]string, len(ar))
	for i, s := range ar {
		out[i] = "gist:" + s
	}
	return out, nil
}

// libreServer is a LibreTranslate server that answers "EN<q>" after
// delay, or fails with status when fail is set. It counts requests and
// segments.
type libreServer struct {
	*httptest.Server
	requests, segments atomic.Int64
	fail               atomic.Int32 // HTTP status to fail with; 0 answers
	delay              time.Duration
}

func newLibre(t testing.TB, delay time.Duration) *libreServer {
	s := &libreServer{delay: delay}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.requests.Add(1)
		if st := s.fail.Load(); st != 0 {
			http.Error(w, "failing", int(st))
			return
		}
		var req struct{ Q []string }
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			http.Error(w, "bad", http.StatusBadRequest)
			return
		}
		s.segments.Add(int64(len(req.Q)))
		if s.delay > 0 {
			time.Sleep(s.delay)
		}
		out := make([]string, len(req.Q))
		for i, q := range req.Q {
			out[i] = "EN<" + q + ">"
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"translatedText": out})
	}))
	t.Cleanup(s.Close)
	return s
}

func newEngine(t testing.TB, url string, settings map[string]any) translate.Engine {
	s := map[string]any{"retries": 0, "backoff": "1ms", "timeout": "2s", "breaker_failures": 2, "concurrency": 8}
	for k, v := range settings {
		s[k] = v
	}
	e, err := libre.New(translate.Options{URL: url, Settings: s})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func articleSegs(id string, n int) []article.Segment {
	segs := []article.Segment{{ID: "title", Kind: article.KindTitle, Text: "عنوان " + id}}
	for i := 1; i <= n; i++ {
		segs = append(segs, article.Segment{ID: fmt.Sprintf("p%d-1", i), Kind: article.KindParagraph, Block: i,
			Text: fmt.Sprintf("الجملة %d من المقال %s", i, id)})
	}
	return segs
}

func TestWarmStoreMakesZeroRequests(t *testing.T) {
	srv := newLibre(t, 0)
	eng, fb := newEngine(t, srv.URL, nil), &fakeGist{}
	fs := afero.NewMemMapFs()
	file := store.Path("/content", "a1")
	fresh := articleSegs("a1", 5)

	for run := 1; run <= 2; run++ {
		stored, err := store.Load(fs, file)
		if err != nil {
			t.Fatal(err)
		}
		segs, need := store.Merge(stored, fresh, eng.Status())
		before := srv.requests.Load()
		segs, st, err := Fill(context.Background(), eng, fb, segs, need, Options{})
		if err != nil {
			t.Fatal(err)
		}
		sent := srv.requests.Load() - before
		switch run {
		case 1:
			if len(need) != 6 || sent == 0 || st.ByStatus[translate.StatusMachine] != 6 {
				t.Fatalf("cold run: need %d, %d requests, stats %+v", len(need), sent, st)
			}
			for i, s := range segs {
				if s.EN != "EN<"+fresh[i].Text+">" || s.Engine != "libretranslate" || s.Sum != store.Hash(s.EN) {
					t.Errorf("segment %d: %+v", i, s)
				}
			}
		case 2:
			if len(need) != 0 || sent != 0 || st.Calls != 0 {
				t.Fatalf("warm run: need %v, %d requests at the server, %d calls", need, sent, st.Calls)
			}
		}
		if err := store.Save(fs, file, &store.File{Article: "a1", Segments: segs}); err != nil {
			t.Fatal(err)
		}
	}
	if fb.calls.Load() != 0 {
		t.Errorf("fallback called %d times", fb.calls.Load())
	}
}

func TestBreakerFallsBackToGistAndNextRunUpgrades(t *testing.T) {
	srv := newLibre(t, 0)
	srv.fail.Store(http.StatusServiceUnavailable)
	eng, fb := newEngine(t, srv.URL, nil), &fakeGist{}
	fresh := articleSegs("a1", 9)
	// One segment was reviewed by a person: it must survive untouched.
	reviewed := store.Segment{ID: "p3-1", Kind: article.KindParagraph, Block: 3, AR: fresh[3].Text,
		EN: "A human translation", Status: translate.StatusReviewed, Engine: "human", Src: store.Hash(fresh[3].Text)}
	segs, need := store.Merge(&store.File{Segments: []store.Segment{reviewed}}, fresh, eng.Status())
	if len(need) != 9 {
		t.Fatalf("need %v", need)
	}
	var log strings.Builder
	segs, st, err := Fill(context.Background(), eng, fb, segs, need, Options{BatchSize: 1, Concurrency: 1, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	if srv.requests.Load() != 2 {
		t.Errorf("failing engine got %d requests; the breaker should stop it after 2", srv.requests.Load())
	}
	if st.Fallback != 9 || st.ByStatus[translate.StatusGist] != 9 || st.FallbackEngine != "gist" {
		t.Errorf("stats %+v", st)
	}
	if !strings.Contains(st.Summary(), "9 fell back to gist") {
		t.Errorf("summary %q", st.Summary())
	}
	if len(st.Errors) < 2 || !IsBreakerOpenMsg(st.Errors) || !strings.Contains(log.String(), "fall back to gist") {
		t.Errorf("errors %q, log %q", st.Errors, log.String())
	}
	for i, s := range segs {
		if i == 3 {
			if s.EN != reviewed.EN || s.Status != translate.StatusReviewed {
				t.Errorf("reviewed segment changed: %+v", s)
			}
			continue
		}
		if s.Status != translate.StatusGist || s.Engine != "gist" || s.EN != "gist:"+fresh[i].Text {
			t.Errorf("segment %d: %+v", i, s)
		}
	}

	// The engine is back: the next run upgrades every gist segment and
	// leaves the reviewed one alone.
	srv.fail.Store(0)
	eng = newEngine(t, srv.URL, nil)
	segs, need = store.Merge(&store.File{Segments: segs}, fresh, eng.Status())
	if len(need) != 9 {
		t.Fatalf("second run need %v, want the 9 gist segments", need)
	}
	if segs, _, err = Fill(context.Background(), eng, fb, segs, need, Options{}); err != nil {
		t.Fatal(err)
	}
	for i, s := range segs {
		if i != 3 && s.Status != translate.StatusMachine {
			t.Errorf("segment %d not upgraded: %+v", i, s)
		}
	}
	if segs[3].EN != reviewed.EN {
		t.Errorf("reviewed segment lost: %+v", segs[3])
	}
}

// IsBreakerOpenMsg reports whether one of the errors says the breaker is
// open.
func IsBreakerOpenMsg(errs []string) bool {
	for _, e := range errs {
		if strings.Contains(e, "breaker open") {
			return true
		}
	}
	return false
}

func TestFallbackFailureLeavesSegmentsAsTheyWere(t *testing.T) {
	srv := newLibre(t, 0)
	srv.fail.Store(http.StatusInternalServerError)
	eng := newEngine(t, srv.URL, nil)
	old := store.Segment{ID: "p1-1", AR: "أ", EN: "old gist", Status: translate.StatusGist, Engine: "gist", Src: store.Hash("أ")}
	segs := []store.Segment{old}
	var log strings.Builder
	segs, st, err := Fill(context.Background(), eng, &fakeGist{fail: true}, segs, []int{0}, Options{Log: &log})
	// Both engines failing is a per-segment failure, not a failed run.
	if err != nil {
		t.Fatalf("run failed: %v", err)
	}
	if segs[0] != old {
		t.Errorf("segment changed: %+v", segs[0])
	}
	if len(st.Untranslated) != 1 || st.Untranslated[0].ID != "p1-1" || !strings.Contains(st.Untranslated[0].Reason, "gist broke") {
		t.Errorf("untranslated %+v", st.Untranslated)
	}
	if !strings.Contains(log.String(), "p1-1 left untranslated") || !strings.Contains(st.Summary(), "1 left untranslated") {
		t.Errorf("log %q, summary %q", log.String(), st.Summary())
	}
}

// emptyFor is a gist-like engine that answers nothing for texts made only of
// control characters, as the real gist did for "\x1a\x1a\x1a\x1a".
type emptyFor struct{ fakeGist }

func (g *emptyFor) Translate(ctx context.Context, ar []string) ([]string, error) {
	out, err := g.fakeGist.Translate(ctx, ar)
	for i, s := range ar {
		if strings.TrimFunc(s, func(r rune) bool { return r < 0x20 }) == "" {
			out[i] = ""
		}
	}
	return out, err
}

// One segment that the only engine cannot translate must not fail the run:
// it is left untranslated and said so, and every other segment is filled.
func TestEmptyAnswerWithoutFallbackIsPerSegment(t *testing.T) {
	g := &emptyFor{}
	segs := []store.Segment{{ID: "a", AR: "أ"}, {ID: "b", AR: "\x1a\x1a\x1a\x1a"}, {ID: "c", AR: "ج"}}
	var log strings.Builder
	got, st, err := Fill(context.Background(), g, g, segs, []int{0, 1, 2}, Options{Log: &log})
	if err != nil {
		t.Fatalf("run failed: %v", err)
	}
	if got[0].EN != "gist:أ" || got[2].EN != "gist:ج" {
		t.Errorf("other segments not filled: %+v", got)
	}
	if got[1].EN != "" || got[1].Status != translate.StatusNone {
		t.Errorf("unusable segment written: %+v", got[1])
	}
	if len(st.Untranslated) != 1 || st.Untranslated[0].ID != "b" {
		t.Errorf("untranslated %+v", st.Untranslated)
	}
	if segs[0].EN != "" {
		t.Errorf("Fill wrote into its argument: %+v", segs[0])
	}
}

// A machine engine's empty answer falls back for that segment; when the
// fallback gives nothing either, the segment is left and reported.
func TestEmptyFromBothEngines(t *testing.T) {
	eng := &scripted{reply: func(ar []string) ([]string, error) {
		out := make([]string, len(ar))
		for i, s := range ar {
			if s != "\x1a" {
				out[i] = "EN " + s
			}
		}
		return out, nil
	}}
	segs := []store.Segment{{ID: "a", AR: "أ"}, {ID: "b", AR: "\x1a"}}
	got, st, err := Fill(context.Background(), eng, &emptyFor{}, segs, []int{0, 1}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got[0].Status != translate.StatusMachine || got[1].EN != "" || len(st.Untranslated) != 1 {
		t.Errorf("segments %+v, stats %+v", got, st)
	}
}

// A sink that fails (the disk is full) stops the run with its error.
func TestSinkErrorStopsRun(t *testing.T) {
	segs, need := store.Merge(&store.File{}, articleSegs("x", 30), translate.StatusGist)
	boom := errors.New("disk full")
	_, _, err := Fill(context.Background(), &fakeGist{}, &fakeGist{}, segs, need, Options{BatchSize: 5, Concurrency: 1,
		Sink: func([]Result) error { return boom }})
	if !errors.Is(err, boom) {
		t.Errorf("got %v", err)
	}
}

func TestBatchAcrossArticles(t *testing.T) {
	srv := newLibre(t, 0)
	eng := newEngine(t, srv.URL, map[string]any{"batch": 50})
	var all, orig [][]store.Segment
	var sinkCalls int
	b := NewBatch(eng, &fakeGist{}, Options{Sink: func(rs []Result) error {
		sinkCalls++ // calls never overlap
		for _, r := range rs {
			a, _ := strconv.Atoi(r.Key)
			all[a][r.Index] = r.Segment
		}
		return nil
	}})
	total := 0
	for a := range 100 {
		fresh := articleSegs(fmt.Sprint(a), 19)
		fresh[0].Text = "عنوان مشترك" // every article has the same title
		segs, need := store.Merge(&store.File{}, fresh, eng.Status())
		b.Add(fmt.Sprint(a), segs, need)
		orig = append(orig, segs)
		all = append(all, slices.Clone(segs))
		total += len(need)
	}
	if b.Len() != 2000 || total != 2000 {
		t.Fatalf("queued %d", b.Len())
	}
	st, err := b.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	unique := 1 + 100*19
	if st.Unique != unique || srv.segments.Load() != int64(unique) {
		t.Errorf("unique %d, server got %d segments; want %d", st.Unique, srv.segments.Load(), unique)
	}
	if want := int64((unique + 49) / 50); srv.requests.Load() != want || st.Requests != want {
		t.Errorf("%d requests (stats %d), want %d full batches", srv.requests.Load(), st.Requests, want)
	}
	for _, segs := range all {
		for _, s := range segs {
			if s.EN != "EN<"+s.AR+">" || s.Status != translate.StatusMachine {
				t.Fatalf("segment %+v", s)
			}
		}
	}
	if st.Segments != 2000 || st.ByStatus[translate.StatusMachine] != 2000 {
		t.Errorf("stats %+v", st)
	}
	// Results arrive through the sink, one call per batch; the slices
	// given to Add are never written.
	if want := int((unique + 49) / 50); sinkCalls != want {
		t.Errorf("%d sink calls, want one per batch (%d)", sinkCalls, want)
	}
	for _, segs := range orig {
		for _, s := range segs {
			if s.EN != "" {
				t.Fatalf("Add's slice was written: %+v", s)
			}
		}
	}
}

// scripted is an engine whose answers a test writes.
type scripted struct {
	mu    sync.Mutex
	calls [][]string
	reply func(ar []string) ([]string, error)
}

func (s *scripted) Name() string             { return "scripted" }
func (s *scripted) Model() string            { return "m1" }
func (s *scripted) Status() translate.Status { return translate.StatusMachine }
func (s *scripted) Translate(ctx context.Context, ar []string) ([]string, error) {
	s.mu.Lock()
	s.calls = append(s.calls, append([]string(nil), ar...))
	s.mu.Unlock()
	return s.reply(ar)
}

func TestNamesAndNumbersCheckedAndRetried(t *testing.T) {
	names := translate.NewProtector([]translate.Name{{EN: "Baghdad", AR: []string{"بغداد"}}})
	eng := &scripted{reply: func(ar []string) ([]string, error) {
		out := make([]string, len(ar))
		for i, s := range ar {
			switch {
			case strings.Contains(s, "Baghdad") && len(ar) > 1:
				out[i] = "in the capital" // the batch answer loses the name
			case strings.Contains(s, "Baghdad"):
				out[i] = "in Baghdad" // alone it keeps it
			case strings.Contains(s, "15"):
				out[i] = "fifteen killed" // never keeps the number
			default:
				out[i] = "ok"
			}
		}
		return out, nil
	}}
	segs := []store.Segment{{ID: "a", AR: "في بغداد"}, {ID: "b", AR: "قتل ١٥"}, {ID: "c", AR: "نعم"}}
	var log strings.Builder
	segs, st, err := Fill(context.Background(), eng, &fakeGist{}, segs, []int{0, 1, 2}, Options{Protector: names, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	if eng.calls[0][0] != "في Baghdad" || eng.calls[0][1] != "قتل 15" {
		t.Errorf("engine got %q, want protected text", eng.calls[0])
	}
	if segs[0].EN != "in Baghdad" || segs[1].EN != "fifteen killed" || segs[2].EN != "ok" {
		t.Errorf("segments %q %q %q", segs[0].EN, segs[1].EN, segs[2].EN)
	}
	if st.Retried != 2 || st.Calls != 3 {
		t.Errorf("retried %d, calls %d; want 2 and 3", st.Retried, st.Calls)
	}
	if len(st.Misses) != 1 || st.Misses[0].ID != "b" || strings.Join(st.Misses[0].Missing, ",") != "15" {
		t.Errorf("misses %+v", st.Misses)
	}
	if !strings.Contains(log.String(), "segment b lacks 15") {
		t.Errorf("log %q", log.String())
	}
	if segs[0].Model != "m1" || segs[0].Engine != "scripted" {
		t.Errorf("provenance %+v", segs[0])
	}
}

func TestWrongCountAndEmptyAnswersFallBack(t *testing.T) {
	tests := []struct {
		name  string
		reply func(ar []string) ([]string, error)
		want  []translate.Status
	}{
		{"short answer", func(ar []string) ([]string, error) { return ar[:1], nil },
			[]translate.Status{translate.StatusGist, translate.StatusGist}},
		{"one empty", func(ar []string) ([]string, error) { return []string{"fine", " \n"}, nil },
			[]translate.Status{translate.StatusMachine, translate.StatusGist}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			segs := []store.Segment{{ID: "a", AR: "أ"}, {ID: "b", AR: "ب"}}
			segs, st, err := Fill(context.Background(), &scripted{reply: tt.reply}, &fakeGist{}, segs, []int{0, 1}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for i, s := range segs {
				if s.Status != tt.want[i] || s.EN == "" {
					t.Errorf("segment %d: %+v", i, s)
				}
			}
			if st.Fallback == 0 {
				t.Errorf("stats %+v", st)
			}
		})
	}
}

func TestCleanAnswers(t *testing.T) {
	segs := []store.Segment{{ID: "a", AR: "أ"}}
	eng := &scripted{reply: func([]string) ([]string, error) { return []string{"  two\nlines\t<b>x</b>\x00 "}, nil }}
	segs, _, err := Fill(context.Background(), eng, &fakeGist{}, segs, []int{0}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// One line, controls gone; markup stays text for the writer to escape.
	if segs[0].EN != "two lines <b>x</b>" {
		t.Errorf("got %q", segs[0].EN)
	}
}

func TestCancelled(t *testing.T) {
	srv := newLibre(t, 200*time.Millisecond)
	eng := newEngine(t, srv.URL, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	segs := []store.Segment{{ID: "a", AR: "أ"}}
	fb := &fakeGist{}
	segs, _, err := Fill(ctx, eng, fb, segs, []int{0}, Options{})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("got %v", err)
	}
	if fb.calls.Load() != 0 || segs[0].EN != "" {
		t.Errorf("cancelled run fell back or wrote: %+v", segs[0])
	}
}

type countProgress struct {
	total, done int
	finished    bool
	mu          sync.Mutex
}

func (p *countProgress) Start(n int) { p.total = n }
func (p *countProgress) Add(n int)   { p.mu.Lock(); p.done += n; p.mu.Unlock() }
func (p *countProgress) Finish()     { p.finished = true }

func TestProgressCountsSegments(t *testing.T) {
	srv := newLibre(t, 0)
	eng := newEngine(t, srv.URL, nil)
	segs, need := store.Merge(&store.File{}, articleSegs("x", 30), eng.Status())
	p := &countProgress{}
	segs, _, err := Fill(context.Background(), eng, &fakeGist{}, segs, need, Options{Progress: p, BatchSize: 7})
	if err != nil {
		t.Fatal(err)
	}
	if p.total != 31 || p.done != 31 || !p.finished {
		t.Errorf("progress %+v", p)
	}
}

func TestText(t *testing.T) {
	srv := newLibre(t, 0)
	eng := newEngine(t, srv.URL, nil)
	in := "\ufeffقال الرئيس\n\nفي بغداد ٣ قتلى\r\nقال الرئيس\n"
	var out, log strings.Builder
	st, err := Text(context.Background(), eng, &fakeGist{}, strings.NewReader(in), &out, Standard(nil, &log))
	if err != nil {
		t.Fatal(err)
	}
	want := "EN<قال الرئيس>\n\nEN<في Baghdad 3 قتلى>\nEN<قال الرئيس>\n"
	if out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
	if srv.segments.Load() != 2 || st.Unique != 2 || st.Segments != 3 {
		t.Errorf("server got %d segments; stats %+v", srv.segments.Load(), st)
	}
	if !strings.Contains(log.String(), "3/3 segments") {
		t.Errorf("progress log %q", log.String())
	}
}

func TestGistPrimaryGetsRawText(t *testing.T) {
	g := &recordingGist{}
	segs := []store.Segment{{ID: "a", AR: "في العراق ٣ قتلى"}}
	segs, _, err := Fill(context.Background(), g, g, segs, []int{0}, Standard(nil, io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.got) != 1 || g.got[0] != "في العراق ٣ قتلى" || segs[0].Status != translate.StatusGist {
		t.Errorf("gist got %q; segment %+v", g.got, segs[0])
	}
}

type recordingGist struct {
	fakeGist
	got []string
}

func (g *recordingGist) Translate(ctx context.Context, ar []string) ([]string, error) {
	g.got = append(g.got, ar...)
	return g.fakeGist.Translate(ctx, ar)
}
