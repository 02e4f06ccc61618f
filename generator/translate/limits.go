package translate

import "context"

// Limits say how an engine wants to be called. Zero fields mean "no limit"
// (MaxSegments, MaxChars) or "the caller decides" (Concurrency).
type Limits struct {
	// MaxSegments is the most texts worth sending in one Translate call.
	MaxSegments int
	// MaxChars is the most characters (runes) worth sending in one call.
	MaxChars int
	// Concurrency is how many Translate calls may run at once.
	Concurrency int
}

// Limited is implemented by engines that publish their Limits, so that a
// runner can cut batches and size its worker pool to fit the engine.
type Limited interface {
	Limits() Limits
}

// LimitsOf returns e's Limits, or the zero Limits when e publishes none.
func LimitsOf(e Engine) Limits {
	if l, ok := e.(Limited); ok {
		return l.Limits()
	}
	return Limits{}
}

// Split cuts n items into consecutive ranges [start, end) of at most
// maxItems items and maxChars characters, where size(i) is the characters
// item i costs. An item larger than maxChars makes a range on its own. A
// zero limit is no limit. Engines and runners share it, so that a batch
// is cut one way everywhere.
func Split(n, maxItems, maxChars int, size func(i int) int) [][2]int {
	var out [][2]int
	start, chars := 0, 0
	for i := 0; i < n; i++ {
		c := size(i)
		if i > start && ((maxItems > 0 && i-start >= maxItems) || (maxChars > 0 && chars+c > maxChars)) {
			out = append(out, [2]int{start, i})
			start, chars = i, 0
		}
		chars += c
	}
	if start < n {
		out = append(out, [2]int{start, n})
	}
	return out
}

// InBatches translates ar with send, one request per range that Split cuts
// at maxItems texts and maxChars characters (counted in runes), and returns
// the translations in order. The first error stops it and is returned as
// send gave it. Engines whose requests are one batch of texts share it.
func InBatches(ctx context.Context, ar []string, maxItems, maxChars int, send func(context.Context, []string) ([]string, error)) ([]string, error) {
	out := make([]string, 0, len(ar))
	for _, r := range Split(len(ar), maxItems, maxChars, func(i int) int { return len([]rune(ar[i])) }) {
		en, err := send(ctx, ar[r[0]:r[1]])
		if err != nil {
			return nil, err
		}
		out = append(out, en...)
	}
	return out, nil
}
