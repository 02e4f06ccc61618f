package analyze

// Forget empties the analyzer's caches of clitic analyses (its own and
// its tagger's: about 50 MB after 1,000 articles), which the embedded
// analyzer would otherwise keep for the life of the process. Results do
// not change: the caches fill again as words come, and it may be called
// at any time. A build calls it when analysis is over, before the render
// (build.Run).
func (an *Analyzer) Forget() {
	an.cache.Clear()
	if an.tags != nil {
		an.tags.cache.Clear()
	}
}

// ReleaseEmbedded releases the embedded analyzer, its statistical tagger
// and its topic tagger (about 10 MB, and their caches), which the
// package otherwise keeps for the life of the process; they are read
// again, the same, when next used. Analyzers made before keep what they
// hold. A build calls it with its analyzer when analysis is over
// (build.releaseModels).
func ReleaseEmbedded() {
	defaultAn.Release()
	embeddedModel.Release()
	embeddedTagger.Release()
}
