package build

import (
	"context"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/tools/txtar"

	"github.com/jisr-news/jisr/generator/publish"
	"github.com/jisr-news/jisr/generator/translate"
	"github.com/jisr-news/jisr/generator/translate/engines"
)

// The output folder is replaced only when jisr made it: a path that is the
// project, a parent of it, or one of its folders, or a jisr.toml path that
// leads outside the project, is refused before anything is written, and
// nothing is lost (issue: "--out deletes whatever folder it points at").
func TestOutputFolderRefused(t *testing.T) {
	for _, tt := range []struct {
		name, out, toml string
		want            string
	}{
		{"parent", "..", "", "project folder"},
		{"root", ".", "", "project folder"},
		{"content", "content", "", "content"},
		{"seeds", "seeds", "", "seeds"},
		{"static", "static", "", "static"},
		{"templates", "templates", "", "templates"},
		{"inside seeds", "seeds/public", "", "inside the project folder"},
		{"toml sibling", "", "[paths]\nout = \"../sib\"\n", "jisr.toml"},
		{"not made by jisr", "/sib", "", publish.Marker},
		{"a project elsewhere", "/other", "", "content/"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fs := loadTxtar(t, "testdata/site.txtar")
			buildSite(t, fs, Options{}) // a content tree with a store to lose
			afero.WriteFile(fs, "/sib/keep.txt", []byte("mine"), 0o644)
			afero.WriteFile(fs, "/other/content/x.md", []byte("mine"), 0o644)
			if tt.toml != "" {
				afero.WriteFile(fs, "/p/jisr.toml", []byte(tt.toml), 0o644)
			}
			var before []string
			afero.Walk(fs, "/", func(p string, info os.FileInfo, err error) error {
				if err == nil && !info.IsDir() && !strings.HasPrefix(p, "/p/public/") {
					before = append(before, p)
				}
				return nil
			})
			_, err := Run(context.Background(), Options{Fs: fs, Root: "/p", Out: tt.out})
			var ue *SetupError
			if !errors.As(err, &ue) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("build --out %q = %v, want a usage error naming %q", tt.out, err, tt.want)
			}
			for _, f := range before {
				if ok, _ := afero.Exists(fs, f); !ok {
					t.Errorf("%s was deleted", f)
				}
			}
		})
	}
}

// An output folder that jisr made (it holds the marker), an empty one, or
// one given on the command line outside the project is replaced; the next
// build removes what killed builds left beside it.
func TestOutputFolderReplaced(t *testing.T) {
	fs := loadTxtar(t, "testdata/site.txtar")
	fs.MkdirAll("/elsewhere/site", 0o755)
	buildSite(t, fs, Options{Out: "/elsewhere/site"})
	if ok, _ := afero.Exists(fs, "/elsewhere/site/"+publish.Marker); !ok {
		t.Fatal("the built site has no marker")
	}
	fs.MkdirAll("/elsewhere/.site.tmp-123456", 0o755)
	fs.MkdirAll("/elsewhere/.site.tmp-42.old", 0o755)
	afero.WriteFile(fs, "/elsewhere/.site.tmp-x/keep", nil, 0o644)
	buildSite(t, fs, Options{Out: "/elsewhere/site"}) // replaces its own site
	entries, _ := afero.ReadDir(fs, "/elsewhere")
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != ".site.cache .site.tmp-x site" {
		t.Errorf("beside the site after a second build: %v, want the site, its caches and the unrelated .site.tmp-x", names)
	}
}

// writeProject writes the test site onto the OS under a fresh folder and
// returns the project folder.
func writeProject(t *testing.T) string {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Join(t.TempDir(), "p")
	for _, f := range ar.Files {
		p := filepath.Join(root, f.Name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// Symbolic links in content/, static/ or templates/ that lead outside
// their folder are refused with their names: the build neither writes
// through them nor publishes what they point at.
func TestSymlinksOutsideRefused(t *testing.T) {
	for _, tt := range []struct{ link, target string }{
		{"content/articles/iraq", "OUTSIDE"},
		{"static/passwd.txt", "/etc/passwd"},
		{"templates/layouts/_partials/x.html", "/etc/passwd"},
	} {
		t.Run(tt.link, func(t *testing.T) {
			root := writeProject(t)
			outside := t.TempDir()
			target := strings.ReplaceAll(tt.target, "OUTSIDE", outside)
			link := filepath.Join(root, tt.link)
			os.MkdirAll(filepath.Dir(link), 0o755)
			if err := os.Symlink(target, link); err != nil {
				t.Fatal(err)
			}
			_, err := Run(context.Background(), Options{Root: root})
			var ue *SetupError
			if !errors.As(err, &ue) || !strings.Contains(err.Error(), tt.link) {
				t.Fatalf("build = %v, want a usage error naming %s", err, tt.link)
			}
			if entries, _ := os.ReadDir(outside); len(entries) > 0 {
				t.Errorf("the build wrote %d files outside the project", len(entries))
			}
			if _, err := os.Stat(filepath.Join(root, "public", "passwd.txt")); err == nil {
				t.Error("a linked file was published")
			}
		})
	}
}

// markupEngine answers every segment with markup and entities, as a
// hostile or careless engine might.
type markupEngine struct{}

func (markupEngine) Name() string             { return "test-markup" }
func (markupEngine) Model() string            { return "" }
func (markupEngine) Status() translate.Status { return translate.StatusMachine }
func (markupEngine) Translate(_ context.Context, ar []string) ([]string, error) {
	out := make([]string, len(ar))
	for i := range ar {
		out[i] = `AT&T <img src=x onerror=alert(1)> &lt;script&gt;alert(2)&lt;/script&gt; <b>bold</b>`
	}
	return out, nil
}

// Every feed parses as XML, and no markup from an article or an engine
// reaches a title or description as markup: an RSS description is HTML to
// a feed reader, so what it holds after XML decoding must be text only;
// an Atom summary is type="text" (issue: "&" made the feeds ill-formed,
// and &lt;img&gt; in an article arrived as <img> in <description>).
func TestFeedsCarryText(t *testing.T) {
	fs := loadTxtar(t, "testdata/site.txtar")
	afero.WriteFile(fs, "/p/seeds/xss.md", []byte("---\ntitle: شركة AT&T و <b>عنوان</b>\ndate: 2017-01-01\n---\n"+
		"قالت شركة AT&T إن &lt;img src=x onerror=alert(1)&gt; و <script>alert(3)</script> نص.\n"), 0o644)
	eng := append(engines.Providers(), translate.Provider{Name: "test-markup",
		New: func(translate.Options) (translate.Engine, error) { return markupEngine{}, nil }})
	buildSite(t, fs, Options{BaseURL: "https://example.org/news/", Engine: "test-markup", Engines: eng})
	for _, feed := range []string{"index.xml", "atom.xml", "en/index.xml", "en/atom.xml"} {
		data := read(t, fs, "/p/public/"+feed)
		d := xml.NewDecoder(strings.NewReader(data)) // strict: entities, nesting
		var path []string
		texts := 0
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s is not well-formed XML: %v\n%s", feed, err, data)
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				path = append(path, tok.Name.Local)
				if tok.Name.Local == "summary" || (tok.Name.Local == "title" && path[0] == "feed") {
					for _, a := range tok.Attr {
						if a.Name.Local == "type" && a.Value != "text" {
							t.Errorf("%s: <%s type=%q>, want text", feed, tok.Name.Local, a.Value)
						}
					}
				}
			case xml.EndElement:
				path = path[:len(path)-1]
			case xml.CharData:
				if len(path) == 0 {
					continue
				}
				el := path[len(path)-1]
				if el != "description" && el != "summary" && el != "title" {
					continue
				}
				s := string(tok)
				if el == "description" && path[0] == "rss" {
					// A reader renders it as HTML: it must hold no element.
					if n := htmlElements(s); n != "" {
						t.Errorf("%s: <description> carries the element <%s> as markup: %q", feed, n, s)
					}
				}
				if strings.Contains(s, "alert") {
					texts++
				}
			}
		}
		if texts == 0 {
			t.Errorf("%s: the article's text is not in the feed at all:\n%s", feed, data)
		}
	}
}

// htmlElements returns the name of the first element in an HTML fragment,
// or "".
func htmlElements(s string) string {
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return "unparsable"
	}
	for _, n := range nodes {
		if n.Type == html.ElementNode {
			return n.Data
		}
	}
	return ""
}
