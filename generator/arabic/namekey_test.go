package arabic

import "testing"

func TestNameKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"جدة", "جدة"},
		{"جده", "جده"},
		{"غزّة", "غزة"},
		{"مصطفى", "مصطفي"},
		{"الأمم المتحدة", "الامم المتحدة"},
		{"٢٠٢٤", "2024"},
	}
	for _, tt := range tests {
		if got := NameKey(tt.in); got != tt.want {
			t.Errorf("NameKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if NameKey("جدة") == NameKey("جده") {
		t.Error("ة and ه fold together")
	}
}
