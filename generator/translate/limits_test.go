package translate

import (
	"reflect"
	"testing"
)

func TestSplit(t *testing.T) {
	sizes := []int{3, 3, 3, 10, 1, 1}
	size := func(i int) int { return sizes[i] }
	tests := []struct {
		name            string
		n, items, chars int
		want            [][2]int
	}{
		{"no limits", 6, 0, 0, [][2]int{{0, 6}}},
		{"by items", 6, 4, 0, [][2]int{{0, 4}, {4, 6}}},
		{"by chars, oversized alone", 6, 0, 6, [][2]int{{0, 2}, {2, 3}, {3, 4}, {4, 6}}},
		{"both", 6, 1, 100, [][2]int{{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}}},
		{"empty", 0, 2, 2, nil},
	}
	for _, tt := range tests {
		if got := Split(tt.n, tt.items, tt.chars, size); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Split = %v, want %v", tt.name, got, tt.want)
		}
	}
}
