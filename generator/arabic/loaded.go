package arabic

import (
	"sync"
	"sync/atomic"
)

// Loaded is a value built from jisr's embedded data (a model, a table, a
// lexicon) on first use and kept until Release; the first use after a
// Release builds it again, the same. A build releases what only its
// stages before the render use (build.releaseModels), so that the render
// does not carry them, and `jisr serve`'s next build reads them again.
// Safe for concurrent use. In place of sync.Once, which cannot let go of
// its value.
type Loaded[T any] struct {
	build func() T
	mu    sync.Mutex
	v     atomic.Pointer[T]
}

// NewLoaded returns a Loaded whose value build makes.
func NewLoaded[T any](build func() T) *Loaded[T] {
	return &Loaded[T]{build: build}
}

// Get returns the value, building it on the first use after NewLoaded or
// Release.
func (l *Loaded[T]) Get() T {
	if p := l.v.Load(); p != nil {
		return *p
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if p := l.v.Load(); p != nil {
		return *p
	}
	v := l.build()
	l.v.Store(&v)
	return v
}

// Release drops the value; whoever still holds it keeps it.
func (l *Loaded[T]) Release() { l.v.Store(nil) }

// Held reports whether the value is built (for tests).
func (l *Loaded[T]) Held() bool { return l.v.Load() != nil }

// ReleaseEmbedded releases the package's embedded tables: the speller and
// the name-word counts. They are read again when next used.
func ReleaseEmbedded() {
	speller.Release()
	nameWords.Release()
}
