package gist

import (
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/jisr-news/jisr/generator/arabic"
)

func TestTopGlosses(t *testing.T) {
	path := os.Getenv("GIST_TOP")
	if path == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(path)
	g, _ := defaultGlosser()
	c := map[string]int{}
	for _, tk := range arabic.Tokenize(string(b)) {
		if arabic.HasArabic(tk.Text) {
			c[tk.Text]++
		}
	}
	type kv struct {
		k string
		n int
	}
	var l []kv
	for k, n := range c {
		l = append(l, kv{k, n})
	}
	sort.Slice(l, func(i, j int) bool { return l[i].n > l[j].n })
	var sb strings.Builder
	for _, x := range l[250:700] {
		sb.WriteString(x.k + "=" + g.gloss(x.k) + "; ")
	}
	t.Log(sb.String())
}
