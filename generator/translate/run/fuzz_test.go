package run

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/jisr-news/jisr/generator/store"
	"github.com/jisr-news/jisr/generator/translate"
	"github.com/jisr-news/jisr/generator/translate/gist"
)

var (
	gistOnce sync.Once
	gistEng  *gist.Engine
	gistErr  error
)

// echo is a machine engine whose answers are the fuzzer's bytes: an engine
// response can be anything.
type echo struct{ reply string }

func (e echo) Name() string             { return "echo" }
func (e echo) Model() string            { return "" }
func (e echo) Status() translate.Status { return translate.StatusMachine }
func (e echo) Translate(_ context.Context, ar []string) ([]string, error) {
	out := make([]string, len(ar))
	for i := range ar {
		out[i] = e.reply
	}
	return out, nil
}

// FuzzRunGist feeds the real gist engine, through the runner, arbitrary
// segments (one a line), and a machine engine arbitrary answers. The run
// must complete: every segment is either translated or listed as left
// untranslated, and no English holds a control character.
//
//	go test -run '^$' -fuzz '^FuzzRunGist$' -fuzztime 10s ./generator/translate/run
func FuzzRunGist(f *testing.F) {
	for _, s := range []string{
		"\x1a\x1a\x1a\x1a",
		"قال الرئيس إن ٣ وزراء استقالوا\n\x00\x01\n\u200f\u202e",
		"في بغداد\n\n\n" + strings.Repeat("ب", 300),
		"\ufeff\u200b\u2066x\u2069",
		"<script>alert(1)</script>\n&lt;img&gt;",
	} {
		f.Add(s, "fine")
		f.Add(s, "\x00\x1a")
	}
	gistOnce.Do(func() { gistEng, gistErr = gist.New() })
	if gistErr != nil {
		f.Fatal(gistErr)
	}
	f.Fuzz(func(t *testing.T, text, reply string) {
		if !utf8.ValidString(text) {
			return // the source stage decodes to valid UTF-8 before this
		}
		var segs []store.Segment
		var need []int
		for i, l := range strings.Split(text, "\n") {
			if len(segs) == 50 {
				break
			}
			need = append(need, len(segs))
			segs = append(segs, store.Segment{ID: fmt.Sprintf("p%d-1", i+1), AR: l, Src: store.Hash(l)})
		}
		for _, eng := range []translate.Engine{gistEng, echo{reply}} {
			got, st, err := Fill(context.Background(), eng, gistEng, segs, need, Options{BatchSize: 7})
			if err != nil {
				t.Fatalf("%s: run failed: %v", eng.Name(), err)
			}
			left := map[string]bool{}
			for _, l := range st.Untranslated {
				left[l.ID] = true
			}
			for _, s := range got {
				if s.EN == "" && strings.TrimSpace(s.AR) != "" && !left[s.ID] {
					t.Errorf("%s: segment %s (%q) neither translated nor reported", eng.Name(), s.ID, s.AR)
				}
				if strings.ContainsFunc(s.EN, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
					t.Errorf("%s: control character in %q", eng.Name(), s.EN)
				}
			}
		}
	})
}
