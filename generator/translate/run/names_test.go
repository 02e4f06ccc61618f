package run

import (
	"strings"
	"testing"

	"github.com/jisr-news/jisr/generator/gazetteer"
)

func TestProtectorFromGazetteer(t *testing.T) {
	g, err := gazetteer.New([]gazetteer.Entry{
		{Type: gazetteer.Place, EN: "Muscat", AR: "مسقط", Except: []string{"مسقط رأس"}},
		{Type: gazetteer.Person, EN: "Vladimir Putin", AR: "فلاديمير بوتين", Aliases: []string{"بوتين"}, Short: []string{"فلاديمير"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	p := NewProtector(g)
	tests := []struct{ in, want, names string }{
		{"التقى بوتين في مسقط", "التقى Vladimir Putin في Muscat", "Vladimir Putin|Muscat"},
		{"مسقط رأسه", "مسقط رأسه", ""},
		{"قال فلاديمير", "قال فلاديمير", ""}, // a short form alone is not enough
	}
	for _, tt := range tests {
		got, exp := p.Protect(tt.in)
		if got != tt.want || strings.Join(exp.Names, "|") != tt.names {
			t.Errorf("Protect(%q) = %q %q, want %q %q", tt.in, got, exp.Names, tt.want, tt.names)
		}
	}
}

func TestDefaultGazetteerNames(t *testing.T) {
	p := NewProtector(nil)
	got, exp := p.Protect("انفجار في العراق")
	if !strings.Contains(got, "Iraq") || len(exp.Names) != 1 {
		t.Errorf("default gazetteer: %q %+v", got, exp)
	}
}

// BenchmarkProtectDefaultGazetteer measures name and number protection of
// one news sentence with the embedded gazetteer.
func BenchmarkProtectDefaultGazetteer(b *testing.B) {
	p := NewProtector(nil)
	s := "وقال وزير الخارجية العراقي في بغداد إن ٣ قتلى سقطوا في الموصل، فيما دعت الأمم المتحدة إلى التهدئة"
	b.ResetTimer()
	for range b.N {
		p.Protect(s)
	}
}
