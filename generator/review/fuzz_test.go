package review

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/spf13/afero"
)

// importAnything imports data as the file name into the fixture's content
// tree and checks what must hold for any input: no panic, and no file
// written anywhere but the content tree's own stores.
func importAnything(t *testing.T, name string, data []byte) {
	fs := fixture(t)
	before := map[string]bool{}
	afero.Walk(fs, "/", func(p string, info os.FileInfo, err error) error {
		before[p] = true
		return nil
	})
	afero.WriteFile(fs, "/in/"+name, data, 0o644)
	res, err := Import(Options{Fs: fs, Content: "/c"}, "/in/"+name)
	if err == nil {
		for _, w := range res.Written {
			if !strings.HasPrefix(w, "/c/articles/") {
				t.Fatalf("import wrote %s", w)
			}
		}
	}
	afero.Walk(fs, "/", func(p string, info os.FileInfo, err error) error {
		if !before[p] && !strings.HasPrefix(p, "/in") && !strings.HasPrefix(p, "/c/articles/iraq/") {
			t.Fatalf("import created %s", p)
		}
		return nil
	})
}

func FuzzImportXLIFF(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ar" trgLang="en"><file id="iraq" original="articles/iraq/segments.yaml"><unit id="title"><segment state="final"><source>اتفاق أمني</source><target>Security pact</target></segment></unit></file></xliff>`))
	f.Add([]byte(`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1"><file id="../../v"><group><unit id="h2"><segment><source>لجنة في بغداد</source><target><ph/>x</target></segment><ignorable><source> </source></ignorable></unit></group></file></xliff>`))
	f.Add([]byte(`<!DOCTYPE x [<!ENTITY a "aaaa">]><xliff>&a;</xliff>`))
	f.Add([]byte(`<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="articles/iraq/segments.yaml" source-language="ar"><body><group><trans-unit id="h2" approved="yes"><source>لجنة في بغداد</source><target state="final">A <g id="1">committee</g></target><note from="jisr:en-hash">00</note></trans-unit></group></body></file></xliff>`))
	f.Fuzz(func(t *testing.T, data []byte) { importAnything(t, "x.xlf", data) })
}

func FuzzImportPO(f *testing.F) {
	f.Add([]byte("msgid \"\"\nmsgstr \"\"\n\"X-Jisr-Article: iraq\\n\"\n\"Last-Translator: A <a@b>\\n\"\n\n#. jisr-en-hash: 00\n#, fuzzy\nmsgctxt \"title\"\nmsgid \"اتفاق أمني\"\nmsgstr \"Security pact\"\n"))
	f.Add([]byte("msgctxt \"p1-1\"\nmsgid \"\\101\\n\"\n\"x\"\nmsgstr \"\\\"\"\n#~ msgid \"x\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) { importAnything(t, "iraq.po", data) })
}

func FuzzImportTMX(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><tmx version="1.4"><header srclang="ar" creationid="H"/><body><tu tuid="iraq/title"><prop type="x-jisr-article">iraq</prop><tuv xml:lang="ar"><seg>اتفاق أمني</seg></tuv><tuv xml:lang="en-US" changeid="C"><seg>Pact</seg></tuv></tu><tu><tuv lang="AR"><seg>لجنة في بغداد</seg></tuv><tuv lang="en"><seg>Committee <bpt>x</bpt>in</seg></tuv></tu></body></tmx>`))
	f.Fuzz(func(t *testing.T, data []byte) { importAnything(t, "x.tmx", data) })
}

// FuzzPOQuote: any text written into a PO string reads back unchanged.
func FuzzPOQuote(f *testing.F) {
	f.Add("قال \"الرئيس\"\n\t\\ \x01 \x7f")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		got, err := poUnquote(poQuote(s))
		if err != nil || got != s {
			t.Fatalf("poUnquote(poQuote(%q)) = %q, %v", s, got, err)
		}
	})
}
