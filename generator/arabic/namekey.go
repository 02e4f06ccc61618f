package arabic

// NameKey returns the matching key of a name: Normalize, except that ة
// stays distinct from ه. Names need the difference where common words
// do not: جدة is Jeddah, جده "his grandfather"; both Normalize to جده.
// News text writes ة reliably, so little recall is lost.
func NameKey(s string) string { return fold(s, keepTaMarbuta) }
