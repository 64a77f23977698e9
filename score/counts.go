package score

// CorpusOf returns a corpus of n units whose document frequencies are the
// counts in df, for a caller that keeps the counts itself: an archive on
// disk whose frequencies are updated as documents are added and removed.
// The IDF blend is the one documented on Corpus, with N = n.
//
// df is used as it is, not copied: it must hold the count of every term of
// the units that will be scored in the corpus (a term missing from it
// counts 0), and must not change while the corpus is in use. Calling Add
// on the result changes df.
func (s *Scorer) CorpusOf(n int, df map[uint32]uint32) *Corpus {
	if df == nil {
		df = make(map[uint32]uint32)
	}
	return &Corpus{docs: max(n, 0), df: df, m: s.opt.Background, bgN: float64(s.lex.docs)}
}
