package gist

// Forget empties the cache of word analyses of the engine's glosser
// (shared by every engine of the process: about 30 MB after 1,000
// articles), which would otherwise stay for the life of the process.
// Translations do not change: the cache fills again as words come, and
// it may be called at any time. A build calls it when translation is
// over, before the render (build.Run).
func (e *Engine) Forget() {
	l := defaultG
	if e.freedict {
		l = fdG
	}
	if l.Held() { // a released glosser is not read again to be emptied
		if g := l.Get().g; g != nil {
			g.cache.Clear()
		}
	}
}
