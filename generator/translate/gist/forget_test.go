package gist

import (
	"context"
	"reflect"
	"testing"
)

// Forget empties the glosser's word cache and leaves translations as
// they were.
func TestForgetEmptiesCache(t *testing.T) {
	e, err := NewWithoutFreeDict()
	if err != nil {
		t.Fatal(err)
	}
	in := []string{"وصل وزير الخارجية إلى القاهرة أمس"}
	before, err := e.Translate(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if e.g.cached.Load() == 0 {
		t.Fatal("no word was cached: the test cannot see Forget work")
	}
	e.Forget()
	left := 0
	e.g.cache.Range(func(any, any) bool { left++; return true })
	if n := e.g.cached.Load(); n != 0 || left != 0 {
		t.Errorf("after Forget: counter %d, %d entries; want 0, 0", n, left)
	}
	after, err := e.Translate(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, after) {
		t.Errorf("after Forget: %q, want %q", after, before)
	}
}
