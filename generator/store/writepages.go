package store

import (
	"fmt"
	"path"

	"github.com/spf13/afero"
)

// WriteStore writes an article's segments.yaml (see Marshal).
func (w *Writer) WriteStore(f *File) error {
	_, err := w.WriteStoreLines(f)
	return err
}

// WriteStoreLines is WriteStore that also returns the line of each
// segment's English text in the file it wrote (see Encode), for the review
// page, so the store is encoded once.
func (w *Writer) WriteStoreLines(f *File) (map[string]int, error) {
	data, lines := Encode(f)
	return lines, w.write(path.Join(ArticlesSection, f.Article, FileName), data)
}

// WriteArticlePage writes an article's index page in lang, its front
// matter as JSON (see marshalJSONFrontMatter).
func (w *Writer) WriteArticlePage(id, lang string, p *ArticlePage) error {
	return w.writeJSONPage(path.Join(ArticlesSection, id, "index."+lang+".md"), p)
}

// WriteSection writes a section's list page in lang.
func (w *Writer) WriteSection(section, lang string, p *SectionPage) error {
	return w.writePage(path.Join(section, "_index."+lang+".md"), p)
}

// WriteEntityPage writes an entity term page in lang, unless a person
// wrote the one in place (see WriteTagPage).
func (w *Writer) WriteEntityPage(id, lang string, p *EntityPage) error {
	return w.writeTerm(path.Join(EntitiesSection, id, "_index."+lang+".md"), p)
}

// WriteTagPage writes a tag term page in lang, unless a person wrote the
// one in place: a page without "jisr_generated: true" is theirs and is
// never overwritten.
func (w *Writer) WriteTagPage(id, lang string, p *TagPage) error {
	return w.writeTerm(path.Join(TagsSection, id, "_index."+lang+".md"), p)
}

// WriteReviewIndex writes the review dashboard's page.
func (w *Writer) WriteReviewIndex(p *ReviewIndex) error {
	return w.writePage(path.Join(ReviewSection, "_index.en.md"), p)
}

// WriteReviewPage writes an article's review page, its front matter as
// JSON (see marshalJSONFrontMatter).
func (w *Writer) WriteReviewPage(id string, p *ReviewPage) error {
	return w.writeJSONPage(path.Join(ReviewSection, id, "index.en.md"), p)
}

// RemoveReview removes the review section (when review pages are off).
func (w *Writer) RemoveReview() error {
	return w.Fs.RemoveAll(path.Join(w.Dir, ReviewSection))
}

func (w *Writer) writePage(rel string, v any) error {
	data, err := marshalFrontMatter(v)
	if err != nil {
		return fmt.Errorf("store: encode %s: %w", rel, err)
	}
	return w.write(rel, data)
}

func (w *Writer) writeJSONPage(rel string, v any) error {
	data, err := marshalJSONFrontMatter(v)
	if err != nil {
		return fmt.Errorf("store: encode %s: %w", rel, err)
	}
	return w.write(rel, data)
}

func (w *Writer) writeTerm(rel string, v any) error {
	if old, err := afero.ReadFile(w.Fs, path.Join(w.Dir, rel)); err == nil && !generated(old) {
		return nil
	}
	return w.writePage(rel, v)
}

// PruneTerms removes the term pages of section that jisr generated for
// terms keep does not hold. Term pages that people wrote are kept.
func (w *Writer) PruneTerms(section string, keep func(id string) bool) error {
	ids, err := Terms(w.Fs, w.Dir, section)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if keep(id) {
			continue
		}
		data, err := afero.ReadFile(w.Fs, TermPath(w.Dir, section, id, "ar"))
		if err != nil || !generated(data) {
			continue
		}
		if err := w.Fs.RemoveAll(path.Join(w.Dir, section, id)); err != nil {
			return fmt.Errorf("store: remove %s/%s: %w", section, id, err)
		}
		w.Written++
	}
	return nil
}
