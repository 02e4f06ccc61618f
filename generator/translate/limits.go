package translate

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
