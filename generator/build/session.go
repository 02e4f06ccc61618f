package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/spf13/afero"

	"github.com/jisr-news/jisr/generator/content"
	"github.com/jisr-news/jisr/generator/project"
	"github.com/jisr-news/jisr/generator/source"
	"github.com/jisr-news/jisr/generator/store"
)

// Session keeps, between the builds and previews of one long-running
// process (jisr serve: Options.Session), what Prepare read of each
// article, so that after an edit it reads only the files that changed:
//
//   - each seed file's articles (source.Cache);
//   - each article bundle's segments.yaml as parsed, its analysis.yaml as
//     decoded and the digest of its files (bundleDigest), and each review
//     folder's digest (reviewDigest);
//   - the bytes of each picture beside the seeds.
//
// Each is kept under a stamp of the files it came from (their names,
// sizes, modification times and modes, taken with Stat and ReadDir before
// they are read, so that a change after the stamp makes the next one
// differ), and used only while the stamp is the same; Forget drops what
// came from the paths a watcher reports changed, in case a change kept
// its stamp. What Prepare writes it reads back into the session (it is
// the edited article's, and read anyway for the manifest's digests). So
// a Prepare with a session reads the same bytes as one without, and
// gives the same result (TestSessionEqualsCold).
//
// The session also keeps the embedded models loaded after a build
// (releasePrepared skips releaseModels): loading them again costs about
// 0.5 s a build.
//
// A Session belongs to one project (the first Options it is used with);
// used with another layout it starts empty. Safe for concurrent use.
type Session struct {
	mu      sync.Mutex
	layout  string // the folders it was used with (bind)
	content string // the content folder of that layout
	seeds   *source.Cache
	bundles map[string]bundleState // article ID → its bundle as last read
	reviews map[string]stamped     // article ID → its review folder's digest
	images  map[string]imageState  // picture file → its bytes
}

// bundleState is what a session keeps of an article bundle, read when
// its files had stamp. Empty fields were not read.
type bundleState struct {
	stamp    string
	stored   *store.File     // segments.yaml, as Load gave it (never changed: handed out as copies)
	digest   string          // bundleDigest
	analysis *store.Analysis // analysis.yaml; nil with readAn: there is none
	readAn   bool
}

// stamped is a digest taken while its files had stamp.
type stamped struct{ stamp, digest string }

// imageState is a picture's bytes, read while it had stamp.
type imageState struct {
	stamp string
	data  []byte
}

// NewSession returns an empty session.
func NewSession() *Session {
	return &Session{seeds: source.NewCache(), bundles: map[string]bundleState{}, reviews: map[string]stamped{}, images: map[string]imageState{}}
}

// bind ties the session to the project laid out by l, emptying it when
// it was used with another layout.
func (s *Session) bind(l *project.Layout) {
	key := strings.Join([]string{l.Root, l.Seeds, l.Content}, "\x00")
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.layout != key {
		s.layout, s.content = key, l.Content
		s.seeds = source.NewCache()
		s.bundles, s.reviews, s.images = map[string]bundleState{}, map[string]stamped{}, map[string]imageState{}
	}
}

// fork returns a session that starts with what s holds and keeps what it
// records to itself, for a Prepare whose writes are not the project's
// (Preview writes into memory). The seed cache is shared: seeds are never
// written, and what it keeps is checked against their stamps.
func (s *Session) fork() *Session {
	s.mu.Lock()
	defer s.mu.Unlock()
	return &Session{layout: s.layout, content: s.content, seeds: s.seeds, bundles: maps.Clone(s.bundles), reviews: maps.Clone(s.reviews), images: maps.Clone(s.images)}
}

// Forget drops what the session keeps of the files at paths (as a
// watcher reports them: seeds, files of an article or review bundle,
// pictures) and of the folders that hold them, so that the next Prepare
// reads them whatever their stamps say. Paths outside the project's seeds
// and content folders need no forgetting: Prepare reads them every time.
func (s *Session) Forget(paths []string) {
	if s == nil {
		return
	}
	s.seeds.Forget(paths...)
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range paths {
		delete(s.images, p)
		// A file of an article or review folder: content/<section>/<id>/…
		rel, err := filepath.Rel(s.content, p)
		if s.content == "" || err != nil || !filepath.IsLocal(rel) {
			continue
		}
		parts := strings.Split(filepath.ToSlash(rel), "/")
		if len(parts) < 2 {
			continue
		}
		switch parts[0] {
		case store.ArticlesSection:
			delete(s.bundles, parts[1])
		case store.ReviewSection:
			delete(s.reviews, parts[1])
		}
	}
}

// SeedReads reports how many seed files the session let Prepare read
// since it was made (for tests).
func (s *Session) SeedReads() int { return s.seeds.Reads() }

// Warm reads into the session what a Prepare of the project o names
// would read of every article (its seeds, bundles, review folders and
// pictures), and loads the embedded models by analyzing the start of the
// first article and glossing its title, without writing anything, so that the
// first edit after it is prepared as the later ones are. jisr serve calls
// it after its first build (which, when nothing changed, does not run
// Prepare). What a build read before is only looked at again.
func (s *Session) Warm(ctx context.Context, o Options) error {
	o.Session = s
	o.Log = nil
	p, err := Open(o)
	if err != nil {
		return fmt.Errorf("warm: %w", err)
	}
	arts, _ := p.readSeeds()
	if len(arts) > 0 {
		a := *arts[0] // its first blocks: enough to load every model
		a.Blocks = a.Blocks[:min(len(a.Blocks), 3)]
		p.Analyzer.Analyze(&a)
		p.Analyzer.Forget()
		if _, err := p.Fallback.Translate(ctx, []string{arts[0].Title}); err != nil {
			return fmt.Errorf("warm: %w", err)
		}
	}
	stores, _ := p.loadStores()
	for id := range stores {
		if _, err := p.storedDigest(id); err != nil {
			return fmt.Errorf("warm: %w", err)
		}
		p.storedAnalysis(id)
		if p.Config.Review.Pages {
			p.cachedReviewDigest(id, false)
		}
	}
	for _, a := range arts {
		for _, img := range a.Images {
			if img.File != "" {
				p.readImage(img.File)
			}
		}
	}
	return nil
}

// treeStamp stamps the files under dir: each one's path, size,
// modification time and mode, from one walk (Lstat, ReadDir: nothing is
// read). A missing folder has a stamp of its own; "" means it could not
// be walked (nothing is kept under it then).
func treeStamp(fsys afero.Fs, dir string) string {
	var b strings.Builder
	err := afero.Walk(fsys, dir, func(p string, info fs.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b.WriteString(filepath.ToSlash(rel) + source.Stamp(info) + "\n")
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return "missing"
	}
	if err != nil {
		return ""
	}
	return b.String()
}

// bundle returns what the session keeps of article id's bundle while its
// files have stamp (false when nothing, or under another stamp).
func (s *Session) bundle(id, stamp string) (bundleState, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.bundles[id]
	return b, ok && stamp != "" && b.stamp == stamp
}

// setBundle records what was read of article id's bundle under b.stamp,
// keeping what was read before under the same stamp.
func (s *Session) setBundle(id string, b bundleState) {
	if b.stamp == "" {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old, ok := s.bundles[id]
	if ok && old.stamp == b.stamp {
		if b.stored == nil {
			b.stored = old.stored
		}
		if b.digest == "" {
			b.digest = old.digest
		}
		if !b.readAn {
			b.analysis, b.readAn = old.analysis, old.readAn
		}
	}
	s.bundles[id] = b
}

// bundleStamp is the stamp of article id's bundle as this Prepare first
// looked at it (p.stamps), taken once: nothing writes a bundle before
// reusable has read it.
func (p *Project) bundleStamp(id string) string {
	if st, ok := p.stamps[id]; ok {
		return st
	}
	if p.stamps == nil {
		p.stamps = map[string]string{}
	}
	st := treeStamp(p.Fs, store.ArticleDir(p.Content, id))
	p.stamps[id] = st
	return st
}

// loadStores is store.LoadAll, through the session when there is one:
// the segment store of a bundle whose files kept their stamp is the one
// read before (a copy: MergeWith adopts hand edits in place). A store
// that does not read is never kept, so it is read, and reported, again.
func (p *Project) loadStores() (map[string]*store.File, map[string]error) {
	if p.sess == nil {
		return store.LoadAll(p.Fs, p.Content)
	}
	p.stamps = map[string]string{}
	files, errs := map[string]*store.File{}, map[string]error{}
	ids, err := store.Articles(p.Fs, p.Content)
	if err != nil {
		return files, errs
	}
	for _, id := range ids {
		st := p.bundleStamp(id)
		b, ok := p.sess.bundle(id, st)
		if !ok || b.stored == nil {
			f, err := store.Load(p.Fs, store.Path(p.Content, id))
			if err != nil {
				errs[id] = err
				continue
			}
			b = bundleState{stamp: st, stored: f}
			p.sess.setBundle(id, b)
		}
		files[id] = &store.File{Article: b.stored.Article, Segments: slices.Clone(b.stored.Segments)}
	}
	return files, errs
}

// storedDigest is bundleDigest of an unchanged bundle: through the
// session, the digest taken while its files had the stamp they have.
func (p *Project) storedDigest(id string) (string, error) {
	if p.sess == nil {
		return p.bundleDigest(id)
	}
	st := p.bundleStamp(id)
	if b, ok := p.sess.bundle(id, st); ok && b.digest != "" {
		return b.digest, nil
	}
	d, err := p.bundleDigest(id)
	if err != nil {
		return "", err
	}
	p.sess.setBundle(id, bundleState{stamp: st, digest: d})
	return d, nil
}

// storedAnalysis is store.ReadAnalysis of an unchanged bundle, through
// the session. A file that does not read is not kept.
func (p *Project) storedAnalysis(id string) (*store.Analysis, error) {
	if p.sess == nil {
		return store.ReadAnalysis(p.Fs, p.Content, id)
	}
	st := p.bundleStamp(id)
	if b, ok := p.sess.bundle(id, st); ok && b.readAn {
		return b.analysis, nil
	}
	a, err := store.ReadAnalysis(p.Fs, p.Content, id)
	if err != nil {
		return nil, err
	}
	p.sess.setBundle(id, bundleState{stamp: st, analysis: a, readAn: true})
	return a, nil
}

// writtenDigest is bundleDigest of a bundle Prepare has just written;
// with a session, the bundle's store and analysis are read back into it
// (stamped first), so that the next Prepare need not read them.
func (p *Project) writtenDigest(id string) (string, error) {
	if p.sess == nil {
		return p.bundleDigest(id)
	}
	st := treeStamp(p.Fs, store.ArticleDir(p.Content, id))
	p.stamps[id] = st
	d, err := p.bundleDigest(id)
	if err != nil {
		return "", err
	}
	b := bundleState{stamp: st, digest: d}
	if f, err := store.Load(p.Fs, store.Path(p.Content, id)); err == nil {
		b.stored = f
	}
	if a, err := store.ReadAnalysis(p.Fs, p.Content, id); err == nil {
		b.analysis, b.readAn = a, true
	}
	p.sess.setBundle(id, b)
	return d, nil
}

// cachedReviewDigest is reviewDigest through the session: the digest
// taken while the review folder had the stamp it has, unless written (the
// page was just written: its digest is taken again, and kept).
func (p *Project) cachedReviewDigest(id string, written bool) string {
	if p.sess == nil {
		return p.reviewDigest(id)
	}
	st := treeStamp(p.Fs, filepath.Join(p.Content, content.ReviewSection, id))
	p.sess.mu.Lock()
	r, ok := p.sess.reviews[id]
	p.sess.mu.Unlock()
	if !written && ok && st != "" && r.stamp == st {
		return r.digest
	}
	d := p.reviewDigest(id)
	if st != "" && d != "" {
		p.sess.mu.Lock()
		p.sess.reviews[id] = stamped{st, d}
		p.sess.mu.Unlock()
	}
	return d
}

// readImage is source.ReadImage through the session: the bytes read
// while the picture had the stamp it has.
func (p *Project) readImage(file string) ([]byte, error) {
	if p.sess == nil {
		return source.ReadImage(p.Fs, file)
	}
	st := ""
	if fi, err := lstatFs(p.Fs, file); err == nil {
		st = fmt.Sprintf("%d:%d:%o", fi.Size(), fi.ModTime().UnixNano(), uint32(fi.Mode()))
	}
	p.sess.mu.Lock()
	img, ok := p.sess.images[file]
	p.sess.mu.Unlock()
	if ok && st != "" && img.stamp == st {
		return img.data, nil
	}
	data, err := source.ReadImage(p.Fs, file)
	if err == nil && st != "" {
		p.sess.mu.Lock()
		p.sess.images[file] = imageState{st, data}
		p.sess.mu.Unlock()
	}
	return data, err
}

// lstatFs is Lstat where fsys can tell links apart, else Stat.
func lstatFs(fsys afero.Fs, p string) (fs.FileInfo, error) {
	if l, ok := fsys.(afero.Lstater); ok {
		fi, _, err := l.LstatIfPossible(p)
		return fi, err
	}
	return fsys.Stat(p)
}
