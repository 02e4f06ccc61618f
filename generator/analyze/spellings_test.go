package analyze

import (
	"testing"

	"github.com/jisr-news/jisr/generator/article"
)

// TestSpellingsOneArticle: a new name written with and without hamzas in
// one article is one entity.
func TestSpellingsOneArticle(t *testing.T) {
	segs := []article.Segment{
		{ID: "p1", Kind: article.KindParagraph, Text: "قال المدرب أندرو أكسوم إن الفريق جاهز."},
		{ID: "p2", Kind: article.KindParagraph, Text: "وأضاف المدرب اندرو اكسوم أن المباراة صعبة."},
	}
	var got []Entity
	for _, e := range Default().Entities(segs) {
		if e.Type == Person && !e.Known {
			got = append(got, e)
		}
	}
	if len(got) != 1 || len(got[0].Mentions) != 2 {
		t.Fatalf("want one new person with two mentions, got %+v", got)
	}
}

func person(id, ar string) Entity {
	return Entity{ID: id, Type: Person, NameEN: id, NameAR: ar, Mentions: []Mention{{Segment: "p1", Surface: ar}}}
}

// TestMergeSpellings: across articles the spellings of one new name get
// one ID: the one a term page already has, else the commonest; other
// types, other names and known entities keep theirs.
func TestMergeSpellings(t *testing.T) {
	mk := func() []Result {
		return []Result{
			{Entities: []Entity{person("andrew-aksom", "أندرو أكسوم")}},
			{Entities: []Entity{person("andrew-aksum", "اندرو اكسوم"), {ID: "andrew-aksum-place", Type: Place, NameAR: "اندرو اكسوم"}}},
			{Entities: []Entity{person("andrew-aksum", "اندرو اكسوم"), person("sami-ali", "سامي علي")}},
			{Entities: []Entity{{ID: "ahmed", Type: Person, NameAR: "أحمد", Known: true}, person("ahmad", "احمد")}},
		}
	}
	for _, tc := range []struct {
		inUse []string
		want  string
	}{
		{nil, "andrew-aksum"},                      // two articles against one
		{[]string{"andrew-aksom"}, "andrew-aksom"}, // an existing page is never renamed
		{[]string{"x", "andrew-aksum"}, "andrew-aksum"},
	} {
		rs := mk()
		MergeSpellings(len(rs), func(i int) *Result { return &rs[i] }, tc.inUse)
		for i := range 3 {
			if e := rs[i].Entities[0]; e.ID != tc.want || e.NameEN != tc.want {
				t.Errorf("inUse %v: article %d: got %s (%s), want %s", tc.inUse, i, e.ID, e.NameEN, tc.want)
			}
		}
		if id := rs[1].Entities[1].ID; id != "andrew-aksum-place" {
			t.Errorf("a place of the same name was renamed %s", id)
		}
		if id := rs[2].Entities[1].ID; id != "sami-ali" {
			t.Errorf("another name was renamed %s", id)
		}
		if rs[3].Entities[0].ID != "ahmed" || rs[3].Entities[1].ID != "ahmad" {
			t.Errorf("a known entity took part: %+v", rs[3].Entities)
		}
	}
	// Order of the results does not matter.
	rs := mk()
	rs[0], rs[2] = rs[2], rs[0]
	MergeSpellings(len(rs), func(i int) *Result { return &rs[i] }, nil)
	if rs[2].Entities[0].ID != "andrew-aksum" {
		t.Errorf("reordered: got %s", rs[2].Entities[0].ID)
	}
	// Two spellings that meet in one article become one entity there.
	rs = []Result{
		{Entities: []Entity{person("andrew-aksom", "أندرو أكسوم"), person("sami-ali", "سامي علي"), person("andrew-aksum", "اندرو اكسوم")}},
		{Entities: []Entity{person("andrew-aksum", "اندرو اكسوم")}},
	}
	MergeSpellings(len(rs), func(i int) *Result { return &rs[i] }, nil)
	if es := rs[0].Entities; len(es) != 2 || es[0].ID != "andrew-aksum" || len(es[0].Mentions) != 2 {
		t.Errorf("one article: got %+v", es)
	}
}
