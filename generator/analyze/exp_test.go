package analyze

import (
	"os"
	"strconv"
	"testing"
)

// TestExp trains a tagger in memory on the training part of ANERcorp
// (EPOCHS, default 8) and scores it on the held-out part: the loop used
// to try features before retraining the shipped model.
//
//	EXP=1 go test ./generator/analyze -run 'TestExp$' -v
func TestExp(t *testing.T) {
	if os.Getenv("EXP") == "" {
		t.Skip()
	}
	_, train, held := readANERcorp(t)
	ep, _ := strconv.Atoi(os.Getenv("EPOCHS"))
	if ep == 0 {
		ep = 8
	}
	m := TrainModel(New(Default().Gazetteer()), train, ep)
	an := New(Default().Gazetteer()).WithModel(m)
	score(t, "held", an, held)
	docSize = 10
	defer func() { docSize = 1 }()
	score(t, "held doc10", an, held)
}

// TestExpErr prints the held-out spans of type TYP (PERS, LOC, ORG) that
// the shipped analyzer misses (and, with FP=1, the ones it invents):
//
//	EXP=1 TYP=PERS go test ./generator/analyze -run TestExpErr -v
func TestExpErr(t *testing.T) {
	if os.Getenv("EXP") == "" {
		t.Skip()
	}
	_, _, held := readANERcorp(t)
	an := Default()
	var preds []map[span]bool
	for i := 0; i < len(held); i += 10 {
		preds = append(preds, predictDoc(an, held[i:min(i+10, len(held))])...)
	}
	typ := os.Getenv("TYP")
	for i, s := range held {
		gold := goldSpans(s)
		for g := range gold {
			if g.typ == typ && !preds[i][g] {
				var pr []string
				for p := range preds[i] {
					if p.start < g.end && g.start < p.end {
						pr = append(pr, p.typ+":"+join(s.Words[p.start:p.end]))
					}
				}
				t.Logf("FN %s | pred %v | ctx: %s", join(s.Words[g.start:g.end]), pr, join(s.Words[max(0, g.start-3):min(len(s.Words), g.end+2)]))
			}
		}
		for p := range preds[i] {
			if p.typ == typ && !gold[p] && os.Getenv("FP") != "" {
				t.Logf("FP %s | ctx: %s", join(s.Words[p.start:p.end]), join(s.Words[max(0, p.start-3):min(len(s.Words), p.end+2)]))
			}
		}
	}
}

func join(ws []string) string {
	out := ""
	for i, w := range ws {
		if i > 0 {
			out += " "
		}
		out += w
	}
	return out
}
