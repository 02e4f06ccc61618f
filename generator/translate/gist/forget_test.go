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
	if e.g().cache.Len() == 0 {
		t.Fatal("no word was cached: the test cannot see Forget work")
	}
	e.Forget()
	if n := e.g().cache.Len(); n != 0 {
		t.Errorf("after Forget: %d cached words, want 0", n)
	}
	after, err := e.Translate(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, after) {
		t.Errorf("after Forget: %q, want %q", after, before)
	}
}
