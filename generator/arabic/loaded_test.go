package arabic

import (
	"sync"
	"sync/atomic"
	"testing"
)

// A Loaded builds its value once, however many goroutines ask, and again
// after Release; Release of the speller and the name words leaves their
// answers as they were.
func TestLoaded(t *testing.T) {
	var builds atomic.Int32
	l := NewLoaded(func() *int { builds.Add(1); v := 7; return &v })
	if l.Held() {
		t.Fatal("held before any use")
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() { defer wg.Done(); _ = *l.Get() }()
	}
	wg.Wait()
	if n := builds.Load(); n != 1 || !l.Held() {
		t.Fatalf("%d builds (held %v), want 1", n, l.Held())
	}
	first := l.Get()
	l.Release()
	if l.Held() {
		t.Fatal("held after Release")
	}
	if again := l.Get(); again == first || *again != 7 || builds.Load() != 2 {
		t.Errorf("after Release: %d builds, same value %v; want a second build", builds.Load(), again == first)
	}

	word := "هاميلتون"
	spelled, count := DefaultSpeller().Spell(word), NameWordCount(Normalize("محمد"))
	ReleaseEmbedded()
	if speller.Held() || nameWords.Held() {
		t.Fatal("ReleaseEmbedded kept the speller or the name words")
	}
	if s, c := DefaultSpeller().Spell(word), NameWordCount(Normalize("محمد")); s != spelled || c != count {
		t.Errorf("after ReleaseEmbedded: %q, %d; want %q, %d", s, c, spelled, count)
	}
}
