package build

import (
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"sync"

	"github.com/jisr-news/jisr/generator/analyze"
	"github.com/jisr-news/jisr/generator/article"
	"github.com/jisr-news/jisr/generator/content"
	"github.com/jisr-news/jisr/generator/gazetteer"
	"github.com/jisr-news/jisr/generator/manifest"
	"github.com/jisr-news/jisr/generator/project"
	"github.com/jisr-news/jisr/generator/qa"
	"github.com/jisr-news/jisr/generator/source"
	"github.com/jisr-news/jisr/generator/store"
)

// Rebuilds that skip what did not change (the manifest, package
// manifest). Three levels, each safe on its own:
//
//  1. Nothing changed (Run): the digest of every input — seeds, the
//     content tree but the manifest, templates, static, the configuration
//     and options, jisr's build — equals the one the last successful
//     build recorded after it finished, and public/ is still what it
//     wrote: the build is a fixed point (TestRebuildIsStable), so it does
//     nothing and repeats the last summary.
//  2. An article whose seed, bundle files and the article-wide inputs
//     (manifest.File.Inputs) are unchanged is not analyzed again (its
//     analysis.yaml plus the weak entities the manifest keeps give the
//     analysis before dropWeakEntities) and not written again unless what
//     it would write changed (its segments after the merge, or the
//     entities that the counting across articles keeps).
//  3. When the digest of what Hugo reads equals the last render's and
//     public/ is still its output, the render is skipped.

// buildID identifies the jisr program that runs: its Go build ID when the
// executable has one (it changes with any change to the code or embedded
// data), else the SHA-256 of the executable, with the module's VCS
// settings. Computed once.
var buildID = sync.OnceValue(func() string {
	d := manifest.New().Add(runtime.Version())
	if bi, ok := debug.ReadBuildInfo(); ok {
		d.Add(bi.Main.Path + "@" + bi.Main.Version)
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
				d.Add(s.Key + "=" + s.Value)
			}
		}
	}
	exe, err := os.Executable()
	if err != nil {
		return d.Add("unknown:" + err.Error()).Sum()
	}
	if f, err := elf.Open(exe); err == nil {
		sec := f.Section(".note.go.buildid")
		if sec != nil {
			if b, err := sec.Data(); err == nil && len(b) > 16 {
				f.Close()
				return d.AddBytes(b).Sum()
			}
		}
		f.Close()
	}
	f, err := os.Open(exe)
	if err != nil {
		return d.Add("unknown:" + err.Error()).Sum()
	}
	defer f.Close()
	h := sha256.New()
	io.Copy(h, f)
	return d.Add(hex.EncodeToString(h.Sum(nil))).Sum()
})

// inputsDigest digests what every article's analysis and translation
// depend on besides its seed and its store: jisr's build, the engine, its
// model and status, the effective configuration, the drafts option and the
// project's gazetteer (its own file and the term pages people wrote; the
// embedded one is part of the build).
func (p *Project) inputsDigest() (string, error) {
	if p.inputs != "" {
		return p.inputs, nil
	}
	d := manifest.New().Add("inputs").Add(buildID())
	d.Add(p.Engine.Name()).Add(p.Engine.Model()).Add(string(p.Engine.Status()))
	d.Add(p.Fallback.Name()).Add(p.Fallback.Model())
	d.Add(fmt.Sprint(p.Drafts))
	if err := d.AddJSON(p.Config); err != nil {
		return "", err
	}
	if p.Gazetteer != gazetteer.Default() {
		if err := d.AddJSON(p.Gazetteer.Entries()); err != nil {
			return "", err
		}
	}
	p.inputs = d.Sum()
	return p.inputs, nil
}

// seedDigest digests an article as read from its seed.
func seedDigest(a *article.Article) (string, error) {
	d := manifest.New()
	if err := d.AddJSON(a); err != nil {
		return "", err
	}
	return d.Sum(), nil
}

// bundleDigest digests the files of an article's bundle.
func (p *Project) bundleDigest(id string) (string, error) {
	d := manifest.New()
	if err := d.AddTree(p.Fs, store.ArticleDir(p.Content, id), nil); err != nil {
		return "", err
	}
	return d.Sum(), nil
}

// inContent reports whether a path of the content tree (slash, relative)
// is an input: all but the manifest and temporary files.
func (p *Project) inContent(rel string) bool {
	return rel != filepath.ToSlash(project.ManifestFile) && !isTemp(rel)
}

func isTemp(rel string) bool {
	b := filepath.Base(rel)
	return len(b) > 5 && b[:5] == ".tmp-"
}

// beforeDigest digests every input of a build (level 1 above).
func (p *Project) beforeDigest() (string, error) {
	inputs, err := p.inputsDigest()
	if err != nil {
		return "", err
	}
	d := manifest.New().Add("before").Add(inputs)
	for _, t := range []struct {
		dir  string
		keep func(string) bool
	}{{p.Seeds, nil}, {p.Content, p.inContent}, {p.Templates, nil}, {p.Static, nil}} {
		if err := d.AddTree(p.Fs, t.dir, t.keep); err != nil {
			return "", err
		}
	}
	return d.Sum(), nil
}

// hugoDigest digests what Render gives Hugo (level 3): the content tree
// but the manifest (the stores as rendered follow from its bytes), the
// pictures, the folders left out, templates, static, the site settings and
// jisr's build (the embedded layouts).
func (p *Project) hugoDigest(skip []string) (string, error) {
	d := manifest.New().Add("hugo").Add(buildID())
	if err := d.AddJSON(p.Config); err != nil {
		return "", err
	}
	if err := d.AddJSON(skip); err != nil {
		return "", err
	}
	keys := make([]string, 0, len(p.extra))
	for k := range p.extra {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		d.Add(k).AddBytes(p.extra[k])
	}
	for _, t := range []struct {
		dir  string
		keep func(string) bool
	}{{p.Content, p.inContent}, {p.Templates, nil}, {p.Static, nil}} {
		if err := d.AddTree(p.Fs, t.dir, t.keep); err != nil {
			return "", err
		}
	}
	return d.Sum(), nil
}

// publicDigest digests the output folder.
func (p *Project) publicDigest() (string, error) {
	d := manifest.New().Add("public")
	if err := d.AddTree(p.Fs, p.Out, nil); err != nil {
		return "", err
	}
	return d.Sum(), nil
}

// reused is the analysis of an article that level 2 skips: its stored
// analysis with the weak entities put back, before dropWeakEntities.
func reusedAnalysis(stored *store.Analysis, weak []manifest.Weak) analyze.Result {
	res := qa.ResultOf(stored)
	for _, w := range weak { // ascending At: each goes back to its place
		e := qa.ResultOf(&store.Analysis{Entities: []store.Entity{w.Entity}}).Entities[0]
		at := min(max(w.At, 0), len(res.Entities))
		res.Entities = append(res.Entities[:at], append([]analyze.Entity{e}, res.Entities[at:]...)...)
	}
	return res
}

// weakOf lists the entities of before that after (a subsequence of it,
// dropWeakEntities' result) left out, with their index in before.
func weakOf(before, after []analyze.Entity) []manifest.Weak {
	var out []manifest.Weak
	j := 0
	for i, e := range before {
		if j < len(after) && after[j].ID == e.ID {
			j++
			continue
		}
		out = append(out, manifest.Weak{At: i, Entity: qa.Stored("", "", analyze.Result{Entities: []analyze.Entity{e}}).Entities[0]})
	}
	return out
}

// entityIDs lists the entity IDs of an analysis.
func entityIDs(es []analyze.Entity) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.ID
	}
	return out
}

func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// recordedSkip is a skipped input repeated from the manifest by a build
// that had nothing to do; it keeps whether the input had no text.
type recordedSkip struct {
	msg    string
	noText bool
}

func (r *recordedSkip) Error() string { return r.msg }
func (r *recordedSkip) Is(target error) bool {
	return r.noText && (errors.Is(target, source.ErrNoText) || errors.Is(target, source.ErrEmpty))
}

// recordSkips is the inverse of recordedSkip.
func recordSkips(errs []error) []manifest.Skip {
	var out []manifest.Skip
	for _, e := range errs {
		out = append(out, manifest.Skip{Message: e.Error(), NoText: NoText(e)})
	}
	return out
}

func replaySkips(rs []manifest.Skip) []error {
	var out []error
	for _, r := range rs {
		out = append(out, &recordedSkip{msg: r.Message, noText: r.NoText})
	}
	return out
}

// articleEntry is the manifest entry of a built page.
func (p *Project) articleEntry(pg content.Page, before []analyze.Entity) (manifest.Article, error) {
	seed, err := seedDigest(pg.Article)
	if err != nil {
		return manifest.Article{}, err
	}
	bundle, err := p.writtenDigest(pg.Article.ID) // session.go
	if err != nil {
		return manifest.Article{}, err
	}
	return manifest.Article{Seed: seed, Store: bundle, Weak: weakOf(before, pg.Analysis.Entities)}, nil
}

// reuse is what level 2 keeps of an unchanged article: its analysis
// before dropWeakEntities, and the entity IDs its analysis.yaml holds.
type reuse struct {
	analysis analyze.Result
	kept     []string
}

// reusable returns the articles that level 2 skips, by ID: those whose
// manifest entry matches their seed and their bundle's files as they are
// now, under the same article-wide inputs, with a store that reads and an
// analysis.yaml.
func (p *Project) reusable(arts []*article.Article, stores map[string]*store.File, bad map[string]error) (map[string]*reuse, error) {
	out := map[string]*reuse{}
	inputs, err := p.inputsDigest()
	if err != nil || p.manifest == nil || p.manifest.Inputs != inputs {
		return out, err
	}
	for _, a := range arts {
		entry, ok := p.manifest.Articles[a.ID]
		if !ok || bad[a.ID] != nil || stores[a.ID] == nil {
			continue
		}
		seed, err := seedDigest(a)
		if err != nil {
			return out, err
		}
		if seed != entry.Seed {
			continue
		}
		bundle, err := p.storedDigest(a.ID) // session.go
		if err != nil {
			return out, err
		}
		if bundle != entry.Store {
			continue
		}
		stored, err := p.storedAnalysis(a.ID)
		if err != nil || stored == nil {
			continue // analyzed again; a broken file is rewritten as a cold build would
		}
		res := reusedAnalysis(stored, entry.Weak)
		out[a.ID] = &reuse{analysis: res, kept: entityIDs(qa.ResultOf(stored).Entities)}
	}
	return out, nil
}
