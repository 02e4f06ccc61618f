package source

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"

	"github.com/jisr-news/jisr/generator/article"
)

const arText = "اتفق العراق وروسيا الأحد ٢٧ سبتمبر/ أيلول 2015، على تبادل المعلومات.\nعنوان فرعي\nفقرة ثانية."

func TestDecode(t *testing.T) {
	utf16le, _ := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte(arText))
	utf16be, _ := xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte(arText))
	// Windows-1256 has no Arabic-Indic digits.
	cpText := strings.ReplaceAll(arText, "٢٧", "27")
	cp1256, err := charmap.Windows1256.NewEncoder().Bytes([]byte(cpText))
	if err != nil {
		t.Fatal(err)
	}
	// "é" as e + combining acute must come out composed (NFC).
	decomposed := "cafe\u0301 " + arText
	tests := []struct {
		name    string
		in      []byte
		want    string
		enc     string
		wantErr error
	}{
		{"utf8", []byte(arText), arText, EncUTF8, nil},
		{"utf8 bom", append([]byte{0xEF, 0xBB, 0xBF}, arText...), arText, EncUTF8BOM, nil},
		{"utf16le bom", utf16le, arText, EncUTF16LE, nil},
		{"utf16be bom", utf16be, arText, EncUTF16BE, nil},
		{"windows-1256", cp1256, cpText, EncWindows1256, nil},
		{"crlf", []byte(strings.ReplaceAll(arText, "\n", "\r\n")), arText, EncUTF8, nil},
		{"cr", []byte(strings.ReplaceAll(arText, "\n", "\r")), arText, EncUTF8, nil},
		{"nfc", []byte(decomposed), "café " + arText, EncUTF8, nil},
		{"empty", []byte{}, "", "", ErrEmpty},
		{"whitespace only", []byte(" \n\t\n"), "", "", ErrEmpty},
		{"binary png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), "", "", ErrBinary},
		{"binary control chars", []byte("\x01\x02\x03\x04\x05\x06ab"), "", "", ErrBinary},
		{"latin-1 is not arabic", []byte("caf\xe9 cr\xe8me br\xfbl\xe9e na\xefve"), "", "", ErrUndecodable},
		{"utf16 odd length", []byte{0xFF, 0xFE, 0x41}, "", "", ErrUndecodable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := Decode(tt.in)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want || enc != tt.enc {
				t.Errorf("got %q (%s), want %q (%s)", got, enc, tt.want, tt.enc)
			}
		})
	}
}

func TestDeriveTitle(t *testing.T) {
	tests := []struct{ lead, want string }{
		{"اتفق العراق وكل من روسيا وإيران وسوريا الأحد 27 سبتمبر/ أيلول 2015، على تبادل المعلومات الاستخباراتية بهدف ملاحقة تنظيم الدولة الإسلامية، وذلك مع تزايد القلق.",
			"اتفق العراق وكل من روسيا وإيران وسوريا الأحد 27 سبتمبر/ أيلول 2015"},
		{"قصير جدا. وجملة ثانية.", "قصير جدا"},
		{"واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة أحد اثنا ثلاثة أربعة خمسة ستة.",
			"واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة أحد اثنا ثلاثة أربعة …"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := DeriveTitle(tt.lead); got != tt.want {
			t.Errorf("DeriveTitle(%q)\n got %q\nwant %q", tt.lead, got, tt.want)
		}
	}
}

func TestSlugify(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"000_9d8ced74e5524e3c", "000_9d8ced74e5524e3c"},
		{"Hello World!", "hello-world"},
		{"  --a--b--  ", "a-b"},
		{"مقال", ""},
		{"2015 مقال news", "2015-news"},
	} {
		if got := Slugify(tt.in); got != tt.want {
			t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func writeFiles(t *testing.T, files map[string]string) afero.Fs {
	fs := afero.NewMemMapFs()
	for name, data := range files {
		if err := afero.WriteFile(fs, name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return fs
}

func TestReadFormats(t *testing.T) {
	fs := writeFiles(t, map[string]string{
		"/s/plain.txt":     "الفقرة الأولى في 3 يونيو 2014 تبدأ هنا وتستمر طويلا. وجملة ثانية.\nعنوان فرعي\nفقرة أخيرة.",
		"/s/side.txt":      "فقرة بلا تاريخ.\nعنوان\nفقرة.",
		"/s/side.yaml":     "title: عنوان من الملف الجانبي\ndate: 2020-01-02\ntags: [سياسة]\n",
		"/s/tomlside.txt":  "فقرة.",
		"/s/tomlside.toml": "title = \"عنوان تومل\"\ndate = 2021-03-04\n",
		"/s/titled.txt":    "عنوان في السطر الأول\nالفقرة الأولى.\nالفقرة الثانية.",
		"/s/post.md":       "---\ntitle: مقال ماركداون\ndate: 2019-05-06\nslug: my-post\nauthor: كاتب\nsource: وكالة\ntags: [أ, ب]\nentities: [بوتين]\n---\n# عنوان\n\nفقرة **أولى**.\n\nفقرة ثانية.\n",
		"/s/tpost.md":      "+++\ntitle = \"تومل\"\ndate = \"2018-07-08\"\n+++\nنص.\n",
		"/s/coll.json":     `[{"title":"أ","content":"نص أول.","date":"2015-07-21","url":"http://x/1","tags":["t"]},{"title":"ب","body":"نص ثان.","date_extracted":"2015-07-22 10:00:00"}]`,
		"/s/one.json":      `{"title":"وحيد","body":"نص."}`,
		"/s/lines.jsonl":   "{\"title\":\"س\",\"content\":\"نص.\"}\n\n{bad json}\n{\"title\":\"ص\",\"content\":\"\"}\n{\"title\":\"ع\",\"content\":\"نص ثالث.\"}\n",
		"/s/empty.txt":     "",
		"/s/bin.txt":       "\x00\x01\x02binary",
		"/s/badfm.md":      "---\ntitle: [unclosed\n---\nنص.",
		"/s/baddate.md":    "---\ndate: yesterday\n---\nنص.",
		"/s/notes.csv":     "ignored",
		"/s/.hidden.txt":   "ignored",
	})
	arts, errs := ReadDir(fs, "/s")
	byID := map[string]*article.Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	date := func(a *article.Article) string {
		if a == nil || a.Date.IsZero() {
			return ""
		}
		return a.Date.Format("2006-01-02")
	}
	check := func(id, title, d string) *article.Article {
		t.Helper()
		a := byID[id]
		if a == nil {
			t.Errorf("article %s missing; have %v", id, keys(byID))
			return nil
		}
		if a.Title != title || date(a) != d {
			t.Errorf("%s: title %q date %q; want %q %q", id, a.Title, date(a), title, d)
		}
		return a
	}
	if a := check("plain", "الفقرة الأولى في 3 يونيو 2014 تبدأ هنا وتستمر طويلا", "2014-06-03"); a != nil {
		if !a.TitleDerived || !a.DateFromText || len(a.Blocks) != 3 || a.Blocks[1].Kind != article.KindHeading {
			t.Errorf("plain: %+v", a)
		}
	}
	if a := check("side", "عنوان من الملف الجانبي", "2020-01-02"); a != nil && (len(a.Tags) != 1 || a.TitleDerived) {
		t.Errorf("side: tags %v", a.Tags)
	}
	check("tomlside", "عنوان تومل", "2021-03-04")
	if a := check("titled", "عنوان في السطر الأول", ""); a != nil && len(a.Blocks) != 2 {
		t.Errorf("titled: %d blocks", len(a.Blocks))
	}
	if a := check("my-post", "مقال ماركداون", "2019-05-06"); a != nil {
		if a.Author != "كاتب" || a.Publisher != "وكالة" || len(a.Entities) != 1 || a.Blocks[0].Kind != article.KindHeading || a.Blocks[1].Text != "فقرة أولى." {
			t.Errorf("my-post: %+v", a)
		}
	}
	check("tpost", "تومل", "2018-07-08")
	if len(arts) != 11 {
		t.Errorf("got %d articles, want 11: %v", len(arts), keys(byID))
	}
	// Collections: IDs from URL (u-…) or the file name and content hash,
	// dates from metadata.
	var coll []*article.Article
	for _, a := range arts {
		if strings.HasPrefix(a.Source, "/s/coll.json#") {
			coll = append(coll, a)
		}
	}
	if len(coll) != 2 || date(coll[0])+date(coll[1]) != "2015-07-212015-07-22" && date(coll[1])+date(coll[0]) != "2015-07-212015-07-22" {
		t.Errorf("collection dates wrong: %d articles", len(coll))
	}
	wantErrs := map[string]string{
		"/s/empty.txt":     "empty file",
		"/s/bin.txt":       "binary",
		"/s/badfm.md":      "front matter",
		"/s/baddate.md":    "not a date",
		"/s/lines.jsonl#3": "invalid JSON",
		"/s/lines.jsonl#4": "no article text",
	}
	got := map[string]string{}
	for _, e := range errs {
		var se *Error
		if !errors.As(e, &se) {
			t.Errorf("error without a path: %v", e)
			continue
		}
		got[se.Path] = e.Error()
	}
	for p, want := range wantErrs {
		if !strings.Contains(got[p], want) || !strings.HasPrefix(got[p], p+": ") {
			t.Errorf("error for %s = %q, want it to name the file and contain %q", p, got[p], want)
		}
	}
	if len(got) != len(wantErrs) {
		t.Errorf("errors: %v", got)
	}
}

func keys(m map[string]*article.Article) []string {
	var s []string
	for k := range m {
		s = append(s, k)
	}
	return s
}

func TestReadDirMissing(t *testing.T) {
	_, errs := ReadDir(afero.NewMemMapFs(), "/nope")
	if len(errs) != 1 || !errors.Is(errs[0], os.ErrNotExist) {
		t.Errorf("errs = %v", errs)
	}
}

func TestSeed(t *testing.T) {
	arts, err := ReadFile(afero.NewOsFs(), "../../seeds/000_9d8ced74e5524e3c.txt")
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	if want := time.Date(2015, 9, 27, 0, 0, 0, 0, time.UTC); !a.Date.Equal(want) {
		t.Errorf("date = %v, want %v", a.Date, want)
	}
	var heads []string
	for _, b := range a.Blocks {
		if b.Kind == article.KindHeading {
			heads = append(heads, b.Text)
		}
	}
	want := []string{"لجنة استخباراتية فى بغداد", "مخاوف روسيا", "بوتين: الأسد يستحق دعم أمريكا", "الدعم الروسي للأسد"}
	if strings.Join(heads, "|") != strings.Join(want, "|") {
		t.Errorf("headings = %q, want %q", heads, want)
	}
	if a.ID != "000_9d8ced74e5524e3c" || !strings.HasPrefix(a.Lead(), "اتفق العراق") {
		t.Errorf("id %q lead %q", a.ID, a.Lead())
	}
}
