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
//	EXP=1 DEV=1 go test ./generator/analyze -run 'TestExp$' -v   # dev split inside train
func TestExp(t *testing.T) {
	if os.Getenv("EXP") == "" {
		t.Skip()
	}
	_, train, held := readANERcorp(t)
	if os.Getenv("DEV") != "" {
		// Choose changes on a dev part of the training data, never on
		// the held-out part: train on the first 80% of train, score on
		// the rest of it.
		train, held = ANERcorpSplit(train)
	}
	ep, _ := strconv.Atoi(os.Getenv("EPOCHS"))
	if ep == 0 {
		ep = 8
	}
	if v, err := strconv.ParseFloat(os.Getenv("MINMARGIN"), 32); err == nil {
		minMargin = float32(v)
	}
	if v, err := strconv.ParseFloat(os.Getenv("LONEMARGIN"), 32); err == nil {
		loneMargin = float32(v)
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
//	EXP=1 DEV=1 TYP=PERS go test ./generator/analyze -run TestExpErr -v
func TestExpErr(t *testing.T) {
	if os.Getenv("EXP") == "" {
		t.Skip()
	}
	_, train, held := readANERcorp(t)
	an := Default()
	if os.Getenv("DEV") != "" {
		// The errors of a model trained on the first 80% of train, on
		// the rest of train: look at these, not at the held-out part.
		train, held = ANERcorpSplit(train)
		an = New(Default().Gazetteer()).WithModel(TrainModel(New(Default().Gazetteer()), train, 8))
	}
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
				var gl []string
				for g := range gold {
					if p.start < g.end && g.start < p.end {
						gl = append(gl, g.typ+":"+join(s.Words[g.start:g.end]))
					}
				}
				t.Logf("FP %s | gold %v | ctx: %s", join(s.Words[p.start:p.end]), gl, join(s.Words[max(0, p.start-3):min(len(s.Words), p.end+2)]))
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

// TestExpCV scores a change by 4-fold cross-validation inside the
// training part of ANERcorp (the held-out part is never looked at):
// it trains on three quarters, scores on the fourth, and logs the mean
// micro F1 and precision.
//
//	EXP=1 go test ./generator/analyze -run TestExpCV -v
func TestExpCV(t *testing.T) {
	if os.Getenv("EXP") == "" {
		t.Skip()
	}
	_, train, _ := readANERcorp(t)
	if v, ok := os.LookupEnv("ORGRULE"); ok {
		defer func(old string) { orgRule = old }(orgRule)
		orgRule = v
	}
	if v, err := strconv.ParseFloat(os.Getenv("LONEMARGIN"), 32); err == nil {
		loneMargin = float32(v)
	}
	if v, err := strconv.ParseFloat(os.Getenv("MINMARGIN"), 32); err == nil {
		minMargin = float32(v)
	}
	ep, _ := strconv.Atoi(os.Getenv("EPOCHS"))
	if ep == 0 {
		ep = 8
	}
	const k = 4
	var sumF, sumP, sumOF, sumOR float64
	for fold := range k {
		lo, hi := len(train)*fold/k, len(train)*(fold+1)/k
		tr := append(append([]LabeledSentence(nil), train[:lo]...), train[hi:]...)
		m := TrainModel(New(Default().Gazetteer()), tr, ep)
		an := New(Default().Gazetteer()).WithModel(m)
		f, p := scoreQuiet(an, train[lo:hi])
		of, or := scoreType(an, train[lo:hi], "ORG")
		t.Logf("fold %d: F1 %.1f P %.1f (ORG F1 %.1f R %.1f)", fold, f, p, of, or)
		sumF += f
		sumP += p
		sumOF += of
		sumOR += or
	}
	t.Logf("mean F1 %.2f P %.2f ORG F1 %.2f R %.2f", sumF/k, sumP/k, sumOF/k, sumOR/k)
}

// scoreType returns the F1 and recall of an on sents for one type.
func scoreType(an *Analyzer, sents []LabeledSentence, typ string) (f, r float64) {
	var tp, fp, fn int
	for _, s := range sents {
		gold, pred := goldSpans(s), predict(an, s)
		for x := range pred {
			if x.typ != typ {
				continue
			}
			if gold[x] {
				tp++
			} else {
				fp++
			}
		}
		for g := range gold {
			if g.typ == typ && !pred[g] {
				fn++
			}
		}
	}
	_, r, f = prf(tp, fp, fn)
	return f, r
}

// scoreQuiet returns the micro F1 and precision of an on sents.
func scoreQuiet(an *Analyzer, sents []LabeledSentence) (f, p float64) {
	var tp, fp, fn int
	for _, s := range sents {
		gold, pred := goldSpans(s), predict(an, s)
		for x := range pred {
			if gold[x] {
				tp++
			} else {
				fp++
			}
		}
		for g := range gold {
			if !pred[g] {
				fn++
			}
		}
	}
	p, _, f = prf(tp, fp, fn)
	return f, p
}
