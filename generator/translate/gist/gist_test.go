package gist

import (
	"context"
	"testing"

	"github.com/jisr-news/jisr/generator/translate"
)

func TestDataWellFormed(t *testing.T) {
	_, errs := loadLexicon(true)
	for _, err := range errs {
		t.Error(err)
	}
}

func TestProvider(t *testing.T) {
	e, err := Provider().New(translate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if e.Name() != "gist" || e.Status() != translate.StatusGist || e.Model() == "" {
		t.Errorf("engine = %s %s %s", e.Name(), e.Status(), e.Model())
	}
	out, err := e.Translate(context.Background(), []string{"قال الرئيس", ""})
	if err != nil || len(out) != 2 {
		t.Fatalf("Translate = %v, %v", out, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := e.Translate(ctx, []string{"قال"}); err == nil {
		t.Error("Translate with a cancelled context succeeded")
	}
}
