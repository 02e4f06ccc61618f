package testenv

import (
	"sort"
	"testing"
)

// DiffTrees fails t for every file (path → content) that is in one of two
// trees and not the other, or differs between them, naming the first as
// gotName and the second as wantName and showing each side from a little
// before its first difference; it stops the test after a few differences.
// what prefixes each message.
func DiffTrees(t testing.TB, what, gotName, wantName string, got, want map[string]string) {
	t.Helper()
	var names []string
	for k := range got {
		names = append(names, k)
	}
	for k := range want {
		if _, ok := got[k]; !ok {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	bad := 0
	for _, k := range names {
		g, gok := got[k]
		w, wok := want[k]
		switch {
		case !gok:
			t.Errorf("%s%s: missing from the %s", what, k, gotName)
		case !wok:
			t.Errorf("%s%s: only in the %s", what, k, gotName)
		case g != w:
			t.Errorf("%s%s differs:\n--- %s\n%s\n--- %s\n%s", what, k, gotName, fromDiff(g, w), wantName, fromDiff(w, g))
		default:
			continue
		}
		if bad++; bad > 5 {
			t.Fatalf("%smore differences", what)
		}
	}
}

// fromDiff returns a from a little before where it first differs from b.
func fromDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return a[max(i-200, 0):min(i+400, len(a))]
}
