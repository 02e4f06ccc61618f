package publish

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

func TestPages(t *testing.T) {
	tests := []struct {
		cname, want, err string
	}{
		{"", "", ""},
		{"news.example.org", "news.example.org\n", ""},
		{" News.Example.ORG. ", "news.example.org\n", ""},
		{"https://news.example.org/", "", "not a host name"},
		{"news.example.org/path", "", "not a host name"},
		{"localhost", "", "not a host name"},
		{"bad_host.example.org", "", "not a host name"},
	}
	for _, tc := range tests {
		t.Run(tc.cname, func(t *testing.T) {
			fs := afero.NewMemMapFs()
			fs.MkdirAll("/site", 0o755)
			err := Pages(fs, "/site", tc.cname)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if ok, _ := afero.Exists(fs, "/site/.nojekyll"); !ok {
				t.Error(".nojekyll missing")
			}
			got, err := afero.ReadFile(fs, "/site/CNAME")
			if tc.want == "" {
				if err == nil {
					t.Errorf("CNAME written without a cname: %q", got)
				}
				return
			}
			if string(got) != tc.want {
				t.Errorf("CNAME = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestPortablePath(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
	}{
		{"site/articles/iraq.html", true},
		{"site/fonts/noto-naskh-arabic-400.woff2", true},
		{"site/tags/عراق/index.html", false},
		{"site/tags/caf\u00e9.html", false},
		{"site/a:b.html", false},
		{"site/what?.html", false},
		{"site/con/index.html", false},
		{"site/NUL.txt", false},
		{"site/console/index.html", true},
		{"site/trailing./x", false},
		{"site/" + strings.Repeat("a", 250), false},
	}
	for _, tc := range tests {
		if got := PortablePath(tc.name); (got == "") != tc.ok {
			t.Errorf("PortablePath(%q) = %q, want ok=%v", tc.name, got, tc.ok)
		}
	}
}

func siteFs(t *testing.T, files map[string]string) afero.Fs {
	t.Helper()
	fs := afero.NewMemMapFs()
	for n, d := range files {
		if err := afero.WriteFile(fs, "/p/public/"+n, []byte(d), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return fs
}

func TestZip(t *testing.T) {
	files := map[string]string{
		"index.html":            "<p>ar</p>",
		"en/index.html":         "<p>en</p>",
		"articles/iraq.html":    strings.Repeat("<p>text</p>", 100),
		"fonts/noto.woff2":      "\x00\x01binary",
		".nojekyll":             "",
		"css/jisr.css":          "body{}",
		"en/articles/iraq.html": "<p>en article</p>",
	}
	fs := siteFs(t, files)
	var a, b bytes.Buffer
	res, err := Zip(fs, "/p/public", &a, ZipOptions{Prefix: "jisr-site"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Files != len(files) {
		t.Errorf("files = %d, want %d", res.Files, len(files))
	}
	if _, err := Zip(fs, "/p/public", &b, ZipOptions{Prefix: "jisr-site"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two zips of the same site differ")
	}
	zr, err := zip.NewReader(bytes.NewReader(a.Bytes()), int64(a.Len()))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	dirs := 0
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "jisr-site/") {
			t.Errorf("%s is not under the prefix folder", f.Name)
		}
		if strings.HasSuffix(f.Name, "/") {
			dirs++
			if !f.Mode().IsDir() {
				t.Errorf("%s: mode %v", f.Name, f.Mode())
			}
			continue
		}
		if f.Modified.Year() != 1980 {
			t.Errorf("%s: modified %v, want the fixed 1980 stamp", f.Name, f.Modified)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		got[strings.TrimPrefix(f.Name, "jisr-site/")] = string(data)
		if strings.HasSuffix(f.Name, ".woff2") && f.Method != zip.Store {
			t.Errorf("%s is compressed again", f.Name)
		}
	}
	for n, d := range files {
		if got[n] != d {
			t.Errorf("%s: got %q, want %q", n, got[n], d)
		}
	}
	if dirs < 5 { // jisr-site, en, en/articles, articles, fonts, css
		t.Errorf("only %d folder entries", dirs)
	}
}

func TestZipRefusesNonPortablePaths(t *testing.T) {
	fs := siteFs(t, map[string]string{
		"index.html":              "x",
		"tags/عراق/index.html":    "x",
		"Tags/a.html":             "x",
		"tags/a.html":             "x",
		"entities/aux/index.html": "x",
	})
	var buf bytes.Buffer
	_, err := Zip(fs, "/p/public", &buf, ZipOptions{})
	if err == nil {
		t.Fatal("zip with non-portable paths succeeded")
	}
	for _, want := range []string{"tags/عراق/index.html: non-ASCII", "same name as", "entities/aux/index.html", "3 paths"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if buf.Len() != 0 {
		t.Error("bytes written despite the error")
	}
}

func TestWriteZip(t *testing.T) {
	fs := siteFs(t, map[string]string{"index.html": "x", "en/index.html": "y"})
	res, err := WriteZip(fs, "/p/public", "/p/dist/site.zip")
	if err != nil {
		t.Fatal(err)
	}
	if res.Files != 2 {
		t.Errorf("files = %d", res.Files)
	}
	data, err := afero.ReadFile(fs, "/p/dist/site.zip")
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if zr.File[len(zr.File)-1].Name != "site/index.html" && zr.File[len(zr.File)-2].Name != "site/index.html" {
		var names []string
		for _, f := range zr.File {
			names = append(names, f.Name)
		}
		t.Errorf("entries %v: want them under site/", names)
	}
	entries, _ := afero.ReadDir(fs, "/p/dist")
	if len(entries) != 1 {
		t.Errorf("temporary files left in /p/dist: %d entries", len(entries))
	}
}
