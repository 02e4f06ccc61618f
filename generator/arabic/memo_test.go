package arabic

import (
	"fmt"
	"sync"
	"testing"
)

// A Memo makes each word's value once, keeps at most its bound of words
// (the others are made again on every Get, with the same value), and
// forgets them all on Clear.
func TestMemo(t *testing.T) {
	m := NewMemo[string](64)
	made := map[string]int{}
	var mu sync.Mutex
	mk := func(w string) string {
		mu.Lock()
		made[w]++
		mu.Unlock()
		return "v" + w
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 1000 {
				w := fmt.Sprint(i % 500)
				if v := m.Get(w, mk); v != "v"+w {
					t.Errorf("goroutine %d: Get(%q) = %q", g, w, v)
					return
				}
			}
		}()
	}
	wg.Wait()
	if n := m.Len(); n == 0 || n > 64 {
		t.Errorf("%d words kept, want 1 to 64", n)
	}
	again := 0
	for _, n := range made {
		if n > 1 {
			again++
		}
	}
	if again == 0 {
		t.Error("every word was made once: the bound kept nothing out")
	}
	m.Clear()
	if n := m.Len(); n != 0 {
		t.Errorf("after Clear: %d words, want 0", n)
	}
	if v := m.Get("1", mk); v != "v1" {
		t.Errorf("after Clear: Get = %q", v)
	}
}

// Within its bound a Memo makes each word's value once.
func TestMemoMakesOnce(t *testing.T) {
	m := NewMemo[int](1 << 10)
	calls := 0
	for range 3 {
		for i := range 100 {
			m.Get(fmt.Sprint(i), func(string) int { calls++; return i })
		}
	}
	if calls != 100 {
		t.Errorf("%d values made for 100 words asked 3 times, want 100", calls)
	}
}
