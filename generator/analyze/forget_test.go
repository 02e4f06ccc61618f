package analyze

import (
	"reflect"
	"testing"

	"github.com/jisr-news/jisr/generator/article"
)

// Forget empties the word caches and leaves results as they were.
func TestForgetEmptiesCaches(t *testing.T) {
	an := New(Default().g)
	segs := []article.Segment{{ID: "p1-1", Text: "وصل وزير الخارجية السعودي إلى القاهرة والتقى بالرئيس المصري في قصر الاتحادية"}}
	before := an.Entities(segs)
	if an.cache.Len() == 0 {
		t.Fatal("no word was cached: the test cannot see Forget work")
	}
	an.Forget()
	if n := an.cache.Len() + an.tags.cache.Len(); n != 0 {
		t.Errorf("after Forget: %d cached words, want 0", n)
	}
	if after := an.Entities(segs); !reflect.DeepEqual(before, after) {
		t.Errorf("entities after Forget:\n%v\nwant\n%v", after, before)
	}
}
