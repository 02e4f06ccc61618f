package arabic

import (
	"hash/maphash"
	"sync"
)

// Memo remembers a value per word for the analyses that are costly and
// asked for again and again (a word's clitic analyses, its gloss, its
// spelling): at most a bound of words, never evicted, since the
// vocabulary of news is bounded. Safe for concurrent use; a value is
// made by the caller's function, outside any lock, so two goroutines
// may make the value of one word at once and one of the two is kept
// (the function must give the same value for the same word).
//
// Written here rather than with sync.Map: the analyzer, the tagger and
// gist look up every token, and sync.Map's untyped keys (an interface
// comparison per probe) and trie of nodes cost more than the analyses
// they saved on a cold build (profiled: about 1 µs a look-up at 200,000
// words). A Memo is a plain map per shard, each behind its own
// read-write lock.
type Memo[V any] struct {
	seed   maphash.Seed
	max    int // words per shard
	shards [memoShards]memoShard[V]
}

type memoShard[V any] struct {
	mu sync.RWMutex
	m  map[string]V
	_  [32]byte // one shard a cache line: the locks of two shards do not share one
}

const memoShards = 32

// NewMemo returns an empty Memo that remembers at most max words.
func NewMemo[V any](max int) *Memo[V] {
	return &Memo[V]{seed: maphash.MakeSeed(), max: (max + memoShards - 1) / memoShards}
}

// Get returns the value remembered for word, else make(word), which it
// remembers while the Memo has room.
func (m *Memo[V]) Get(word string, make func(string) V) V {
	sh := &m.shards[maphash.String(m.seed, word)%memoShards]
	sh.mu.RLock()
	v, ok := sh.m[word]
	sh.mu.RUnlock()
	if ok {
		return v
	}
	v = make(word)
	sh.mu.Lock()
	if old, ok := sh.m[word]; ok {
		v = old // made meanwhile by another goroutine: one value per word
	} else if len(sh.m) < m.max {
		if sh.m == nil {
			sh.m = map[string]V{}
		}
		sh.m[word] = v
	}
	sh.mu.Unlock()
	return v
}

// Len returns how many words m remembers.
func (m *Memo[V]) Len() int {
	n := 0
	for i := range m.shards {
		sh := &m.shards[i]
		sh.mu.RLock()
		n += len(sh.m)
		sh.mu.RUnlock()
	}
	return n
}

// Clear forgets every word, so that the garbage collector can free the
// values; m fills again as words are asked for.
func (m *Memo[V]) Clear() {
	for i := range m.shards {
		sh := &m.shards[i]
		sh.mu.Lock()
		sh.m = nil
		sh.mu.Unlock()
	}
}
