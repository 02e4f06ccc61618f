//go:build ignore

// arabic-speller trains the name speller of package arabic on every pair
// of generator/arabic/data/wikidata-names.tsv.gz (Wikidata, CC0) and
// writes its table, generator/arabic/data/speller.tsv.gz:
//
//	go run scripts/arabic-speller.go
//
// The held-out measurement (TestSpellingHeldOut) trains its own speller on
// 80% of the words instead.
package main

import (
	"log"
	"os"

	"github.com/jisr-news/jisr/generator/arabic"
)

func main() {
	s := arabic.TrainSpeller(arabic.NameWordPairs())
	f, err := os.CreateTemp("generator/arabic/data", ".speller-*")
	if err != nil {
		log.Fatal(err)
	}
	if err := s.WriteTable(f); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		log.Fatal(err)
	}
	if err := os.Rename(f.Name(), "generator/arabic/data/speller.tsv.gz"); err != nil {
		log.Fatal(err)
	}
}
