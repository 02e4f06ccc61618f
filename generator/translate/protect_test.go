package translate

import (
	"strings"
	"testing"
)

var testNames = []Name{
	{EN: "Joe Biden", AR: []string{"جو بايدن", "بايدن"}},
	{EN: "Baghdad", AR: []string{"بغداد"}},
	{EN: "Iraq", AR: []string{"العراق"}},
	{EN: "United Nations", AR: []string{"الأمم المتحدة"}},
	{EN: "Gaza", AR: []string{"غزة"}},
	{EN: "Jeddah", AR: []string{"جدة"}},
	{EN: "Muscat", AR: []string{"مسقط"}, Except: []string{"مسقط رأس"}},
}

func TestProtect(t *testing.T) {
	p := NewProtector(testNames)
	tests := []struct {
		name, in, want string
		names, nums    []string
	}{
		{"multi-word name", "قال جو بايدن إن", "قال Joe Biden إن", []string{"Joe Biden"}, nil},
		{"alias gives the same English", "وصل بايدن", "وصل Joe Biden", []string{"Joe Biden"}, nil},
		{"conjunction split off", "وبغداد", "و Baghdad", []string{"Baghdad"}, nil},
		{"conjunction and preposition", "وبغداد وفي غزة", "و Baghdad وفي Gaza", []string{"Baghdad", "Gaza"}, nil},
		{"ل + ال written لل", "للعراق", "ل Iraq", []string{"Iraq"}, nil},
		{"article kept in the name", "في العراق", "في Iraq", []string{"Iraq"}, nil},
		{"spelling variants normalize (hamza, diacritics)", "في غزّة والامم المتحدة", "في Gaza و United Nations", []string{"Gaza", "United Nations"}, nil},
		{"ه is not ة: جده is his grandfather, not Jeddah", "فوز جده وفي جدة", "فوز جده وفي Jeddah", []string{"Jeddah"}, nil},
		{"longest name wins", "جو بايدن وبايدن", "Joe Biden و Joe Biden", []string{"Joe Biden"}, nil},
		{"name not across punctuation", "جو، بايدن", "جو، Joe Biden", []string{"Joe Biden"}, nil},
		{"word with suffix left alone", "بغدادها", "بغدادها", nil, nil},
		{"Arabic-Indic digits", "قتل ١٥ شخصا", "قتل 15 شخصا", nil, []string{"15"}},
		{"Eastern digits and decimal sign", "نمو ۳٫٥٪", "نمو 3.5%", nil, []string{"3.5"}},
		{"thousands separator", "١٬٥٠٠ دولار و1,500", "1,500 دولار و1,500", nil, []string{"1500"}},
		{"Arabic comma between digit groups", "أكثر من 30،000 شخص، و٥، ٦", "أكثر من 30,000 شخص، و5، 6", nil, []string{"30000", "5", "6"}},
		{"exception phrase is not the name", "مسقط رأسه في مسقط", "مسقط رأسه في Muscat", []string{"Muscat"}, nil},
		{"nothing to protect", "صباح الخير", "صباح الخير", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, exp := p.Protect(tt.in)
			if got != tt.want {
				t.Errorf("Protect(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if strings.Join(exp.Names, "|") != strings.Join(tt.names, "|") {
				t.Errorf("names %q, want %q", exp.Names, tt.names)
			}
			if strings.Join(exp.Numbers, "|") != strings.Join(tt.nums, "|") {
				t.Errorf("numbers %q, want %q", exp.Numbers, tt.nums)
			}
		})
	}
}

func TestNilProtectorProtectsNumbersOnly(t *testing.T) {
	var p *Protector
	got, exp := p.Protect("في بغداد ٢٠٢٤")
	if got != "في بغداد 2024" || len(exp.Names) != 0 || strings.Join(exp.Numbers, "") != "2024" {
		t.Errorf("got %q %+v", got, exp)
	}
}

func TestMissing(t *testing.T) {
	tests := []struct {
		name string
		exp  Expect
		en   string
		want []string
	}{
		{"all there", Expect{Names: []string{"Joe Biden"}, Numbers: []string{"15"}}, "Joe Biden said 15 people died.", nil},
		{"name case-insensitive", Expect{Names: []string{"United Nations"}}, "the united nations said", nil},
		{"name lost", Expect{Names: []string{"Joe Biden"}}, "The president said", []string{"Joe Biden"}},
		{"number lost", Expect{Numbers: []string{"15", "2024"}}, "15 people in 2023", []string{"2024"}},
		{"thousands separators", Expect{Numbers: []string{"1500"}}, "1,500 dollars", nil},
		{"ألف written out", Expect{Numbers: []string{"50"}}, "50,000 people", nil},
		{"مليون with decimals", Expect{Numbers: []string{"1.5"}}, "1,500,000 dollars", nil},
		{"not a power of a thousand", Expect{Numbers: []string{"5"}}, "50 people", []string{"5"}},
		{"digit inside a longer number", Expect{Numbers: []string{"15"}}, "150 people", []string{"15"}},
		{"Arabic digits in the output", Expect{Numbers: []string{"15"}}, "١٥ people", nil},
		{"dot as thousands separator", Expect{Numbers: []string{"76.000"}}, "76,000 hectares", nil},
		{"space as thousands separator", Expect{Numbers: []string{"116123"}}, "call 116 123", nil},
		{"time with a dot", Expect{Numbers: []string{"5", "30"}}, "at 5.30pm", nil},
		{"leading zero", Expect{Numbers: []string{"2", "30"}}, "at 02:30 BST", nil},
		{"small number spelled out", Expect{Numbers: []string{"8", "4", "5"}}, "killed eight; lost four of five", nil},
		{"spelled-out word must be a word", Expect{Numbers: []string{"1"}}, "someone else", []string{"1"}},
		{"large numbers are not spelled out", Expect{Numbers: []string{"20"}}, "twenty people", []string{"20"}},
		{"a different figure is flagged", Expect{Numbers: []string{"1197"}}, "1,127 defections", []string{"1197"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.exp.Missing(tt.en)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Missing(%q) = %q, want %q", tt.en, got, tt.want)
			}
		})
	}
}
