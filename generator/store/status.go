package store

// The status ladder. Every stored English segment has a status that says
// how much it can be trusted, and who may overwrite it:
//
//	gist < machine < stale < reviewed
//
// An engine overwrites a segment only when it gives a higher rank than the
// one stored (gist engine: gist; HTTP engines: machine), so stale and
// reviewed segments, which are a person's work, are never overwritten.
// Stale is a reviewed segment whose Arabic changed after review: the old
// English is kept, with the Arabic it translated (old_ar), for the
// translator to compare.
//
// Package translate re-exports these names for engines; templates and
// reports take their order from Ladder.

// Status is the quality level of a stored English segment.
type Status string

// Statuses, from weakest to strongest.
const (
	StatusNone     Status = ""
	StatusGist     Status = "gist"
	StatusMachine  Status = "machine"
	StatusStale    Status = "stale"
	StatusReviewed Status = "reviewed"
	// StatusMixed is not a segment's status: it is a page's (see
	// ProvenanceOf) when gist and machine segments are both present.
	StatusMixed Status = "mixed"
	// StatusUntranslated names, in counts, segments with no English yet.
	StatusUntranslated Status = "untranslated"
)

// EngineHuman is the engine recorded for English that a person wrote.
const EngineHuman = "human"

// Ladder lists the segment statuses from weakest to strongest, the order
// in which reports and review pages show them.
var Ladder = []Status{StatusGist, StatusMachine, StatusStale, StatusReviewed}

// Rank orders statuses: a segment is re-translated only when the engine
// gives a higher rank than the one stored. Stale and reviewed are human
// work and rank above every engine.
func (s Status) Rank() int {
	for i, l := range Ladder {
		if s == l {
			return i + 1
		}
	}
	return 0
}

// Human reports whether s is a person's work (stale or reviewed), which
// no engine overwrites.
func (s Status) Human() bool {
	return s == StatusStale || s == StatusReviewed
}

// Edited reports whether a person changed the English since jisr wrote it:
// the text no longer matches the hash jisr recorded (sum).
func (s *Segment) Edited() bool {
	return s.Sum != "" && s.EN != "" && Hash(s.EN) != s.Sum
}

// AdoptEdit applies the rule for hand edits: an English that a person
// changed in the store becomes reviewed, engine "human", and loses its
// hash (a reviewed text is a person's, whatever it says). It reports
// whether s was edited. This is the only place the rule is written.
func (s *Segment) AdoptEdit() bool {
	if !s.Edited() {
		return false
	}
	s.Status, s.Engine, s.Model, s.Sum = StatusReviewed, EngineHuman, "", ""
	return true
}

// AdoptEdits applies AdoptEdit to every segment of f and returns how many
// were edited.
func (f *File) AdoptEdits() int {
	n := 0
	for i := range f.Segments {
		if f.Segments[i].AdoptEdit() {
			n++
		}
	}
	return n
}
