package gist

import (
	"context"
	"reflect"
	"testing"
)

// ReleaseEmbedded lets go of the glosser; an engine made before reads it
// again on its next use and translates as before.
func TestReleaseEmbeddedReadsAgain(t *testing.T) {
	e, err := NewWithoutFreeDict()
	if err != nil {
		t.Fatal(err)
	}
	in := []string{"وصل وزير الخارجية الأمريكي إلى الرياض يوم الأحد والتقى هاميلتون"}
	before, err := e.Translate(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	model := e.Model()
	ReleaseEmbedded()
	if defaultG.Held() || fdG.Held() {
		t.Fatal("ReleaseEmbedded kept a glosser")
	}
	e.Forget() // must not read the lexicon again only to empty it
	if defaultG.Held() {
		t.Error("Forget read the released glosser again")
	}
	after, err := e.Translate(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, after) || e.Model() != model {
		t.Errorf("after ReleaseEmbedded: %q (%s), want %q (%s)", after, e.Model(), before, model)
	}
	if !defaultG.Held() {
		t.Error("the engine translated without reading the glosser again")
	}
}
