package arabic

import "testing"

func TestTransliterate(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"سعد الحديثي", "Saad al-Hadithi"},
		{"العبادي", "al-Abadi"},
		{"بوتين", "Putin"},
		{"محمد عبد الله الرشيد", "Mohammed Abdullah al-Rashid"},
		{"عبد العزيز", "Abdulaziz"},
		{"جعفر", "Jafar"},
		{"وزارة", "Wazara"},
		{"Reuters", "Reuters"},
		{"سعْد", "Saad"},
		{"عمّان", "Amman"},
	} {
		if got := Transliterate(c.in); got != c.want {
			t.Errorf("Transliterate(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
