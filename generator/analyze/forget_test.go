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

// ReleaseEmbedded lets go of the embedded analyzer and taggers; the next
// Default reads them again and finds the same entities and tags.
func TestReleaseEmbeddedReadsAgain(t *testing.T) {
	a := &article.Article{ID: "a", Title: "وصل وزير الخارجية السعودي إلى القاهرة",
		Blocks: []article.Block{{Kind: article.KindParagraph, Segments: []article.Segment{{ID: "p1-1", Kind: article.KindParagraph,
			Text: "والتقى بالرئيس المصري عبد الفتاح السيسي. وارتفعت أسعار النفط اليوم، وقالت أوبك إن إنتاج النفط سيزيد، وتراجع سعر برميل النفط"}}}}}
	before := Default().Analyze(a)
	if len(before.Entities) < 2 || len(before.Tags) == 0 {
		t.Fatalf("found %v: the test needs entities and tags to compare", before)
	}
	ReleaseEmbedded()
	if defaultAn.Held() || embeddedModel.Held() || embeddedTagger.Held() {
		t.Fatal("ReleaseEmbedded kept the analyzer or a tagger")
	}
	if after := Default().Analyze(a); !reflect.DeepEqual(before, after) {
		t.Errorf("after ReleaseEmbedded:\n%v\nwant\n%v", after, before)
	}
}
