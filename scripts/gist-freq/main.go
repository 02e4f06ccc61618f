// Command gist-freq counts the Arabic words of the SaudiNewsNet corpus and
// reports how many of their tokens the gist translator glosses, with the
// most frequent words it does not know yet: the work list for the
// hand-written lexicon.
//
// In: the corpus zips (default ../shared/data/saudinewsnet/*.zip, each one
// JSON array of records with a "content" field). Out, on stdout: the token
// coverage, then "count<TAB>word" for the top unknown words. The corpus
// may not be copied into jisr (CC BY-NC-SA): this output is a work list
// for a person and is never committed.
//
// Usage: go run ./scripts/gist-freq [-top 500] [-freedict] [-glob '../shared/data/saudinewsnet/*.zip']
package main

import (
	"archive/zip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/jisr-news/jisr/generator/arabic"
	"github.com/jisr-news/jisr/generator/translate/gist"
)

func main() {
	glob := flag.String("glob", "../shared/data/saudinewsnet/*.zip", "corpus zip files")
	top := flag.Int("top", 500, "how many unknown words to list")
	textFile := flag.String("text", "", "a plain-text file to count instead of the corpus")
	withFD := flag.Bool("freedict", false, "also count words found only in an installed FreeDict")
	flag.Parse()

	counts := map[string]int{}
	count := func(text string) {
		for _, t := range arabic.Tokenize(text) {
			if arabic.HasArabic(t.Text) {
				counts[arabic.Normalize(t.Text)]++
			}
		}
	}
	if *textFile != "" {
		b, err := os.ReadFile(*textFile)
		if err != nil {
			log.Fatal(err)
		}
		count(string(b))
	} else {
		files, err := filepath.Glob(*glob)
		if err != nil || len(files) == 0 {
			log.Fatalf("gist-freq: no corpus files match %s", *glob)
		}
		for _, f := range files {
			if err := readZip(f, count); err != nil {
				log.Fatalf("gist-freq: %s: %v", f, err)
			}
		}
	}

	newEngine := gist.NewWithoutFreeDict
	if *withFD {
		newEngine = gist.New
	}
	e, err := newEngine()
	if err != nil {
		log.Fatal(err)
	}
	total, known := 0, 0
	unknown := map[string]int{}
	for w, c := range counts {
		total += c
		if e.Known(w) {
			known += c
			continue
		}
		unknown[key(w, counts)] += c
	}
	fmt.Printf("# %d tokens, %d types; gist glosses %.2f%% of tokens\n", total, len(counts), 100*float64(known)/float64(total))
	type kv struct {
		k string
		c int
	}
	var list []kv
	for k, c := range unknown {
		list = append(list, kv{k, c})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].c > list[j].c || list[i].c == list[j].c && list[i].k < list[j].k })
	cum := known
	for i, x := range list {
		if i >= *top {
			break
		}
		cum += x.c
		fmt.Printf("%d\t%s\t%.2f%%\n", x.c, x.k, 100*float64(cum)/float64(total))
	}
}

// key groups an unknown word with its clitic-free form: a proclitic is
// removed only when the rest is itself a more frequent word of the corpus,
// so وزير stays whole while والحكومة becomes حكومه.
func key(w string, counts map[string]int) string {
	for _, p := range []string{"وبال", "وال", "بال", "فال", "كال", "لل", "ال", "وب", "ول", "و", "ب", "ل", "ف"} {
		rest, ok := strings.CutPrefix(w, p)
		if !ok || len([]rune(rest)) < 2 {
			continue
		}
		if p == "لل" {
			rest = "ال" + rest
		}
		if counts[rest] > counts[w] || counts["ال"+rest] > counts[w] {
			return key(rest, counts)
		}
	}
	return w
}

func readZip(path string, count func(string)) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return err
	}
	defer zr.Close()
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		var recs []struct {
			Title   string `json:"title"`
			Content string `json:"content"`
		}
		if err := json.Unmarshal(b, &recs); err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		for _, r := range recs {
			count(r.Title)
			count(r.Content)
		}
	}
	return nil
}
