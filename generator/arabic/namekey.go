package arabic

import "strings"

// NameKey returns the matching key of a name: Normalize, except that ة
// stays distinct from ه. Names need the difference where common words
// do not: جدة is Jeddah, جده "his grandfather"; both Normalize to جده.
// News text writes ة reliably, so little recall is lost.
func NameKey(s string) string {
	parts := strings.Split(s, "ة")
	for i, p := range parts {
		parts[i] = Normalize(p)
	}
	return strings.Join(parts, "ة")
}
