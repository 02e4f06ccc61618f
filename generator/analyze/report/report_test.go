package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/analyze"
)

func TestLines(t *testing.T) {
	in := "التقى الرئيس الروسي فلاديمير بوتين نظيره التركي في موسكو.\n\nوصل وفد من الأمم المتحدة إلى بغداد الأحد 27 سبتمبر 2015.\n"
	var out bytes.Buffer
	if err := Lines(strings.NewReader(in), &out, analyze.Default()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d output lines, want 3:\n%s", len(lines), out.String())
	}
	var rs []Article
	for _, l := range lines {
		var r Article
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		rs = append(rs, r)
	}
	if len(rs[1].Segments) != 0 || len(rs[1].Entities) != 0 {
		t.Errorf("empty line: %+v", rs[1])
	}
	if rs[2].Date != "2015-09-27" {
		t.Errorf("date %q", rs[2].Date)
	}
	want := map[string]string{"Vladimir Putin": "فلاديمير بوتين", "Moscow": "موسكو"}
	for _, e := range rs[0].Entities {
		if w, ok := want[e.NameEN]; ok {
			delete(want, e.NameEN)
			m := e.Mentions[0]
			seg := []rune(rs[0].Segments[0].Text)
			if got := string(seg[m.Start:m.End]); got != w || m.Surface != w {
				t.Errorf("%s: characters %d-%d give %q, surface %q", e.NameEN, m.Start, m.End, got, m.Surface)
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("not found: %v in %+v", want, rs[0].Entities)
	}
}

func TestFiles(t *testing.T) {
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "/a.txt", []byte("اجتماع في الرياض\n\nاجتمع وزير الخارجية السعودي عادل الجبير مع نظيره في الرياض.\n"), 0o644)
	var out bytes.Buffer
	err := Files(&out, analyze.Default(), fsys, []string{"/a.txt", "/missing.txt"}, true)
	if err == nil || !strings.Contains(err.Error(), "/missing.txt") {
		t.Errorf("err = %v, want one naming the missing file", err)
	}
	var r Article
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("%v in %s", err, out.String())
	}
	names := map[string]bool{}
	for _, e := range r.Entities {
		names[e.NameEN] = true
	}
	if !names["Riyadh"] || !names["Adel al-Jubeir"] {
		t.Errorf("entities %v", names)
	}
	out.Reset()
	if err := Files(&out, analyze.Default(), fsys, []string{"/a.txt"}, false); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Adel al-Jubeir") {
		t.Errorf("text output:\n%s", out.String())
	}
}
