package neardup

import (
	"slices"

	"github.com/neardup/neardup/index"
	"github.com/neardup/neardup/similarity"
)

// Candidate generation
// ====================
//
// The scorer is far too costly to run on every pair (10^6 units make
// 5·10^11 pairs; it scores about 5·10^4 pairs a second a core), so three
// indexes propose the pairs worth scoring, each for one kind of likeness:
//
//   - near copies: MinHash LSH over the word bigrams of each half of each
//     unit (see nearKeys), which finds pairs whose halves are both alike,
//     not pairs that share one sentence;
//   - rewordings: index.SentencePairs, pairs of units that say at least two
//     of their sentences alike (two of the three rarest content words of
//     each sentence in common), or, for units of one sentence, that share
//     two of its rarest content words; one chance shared sentence does not
//     make a candidate, so the work stays linear in the corpus where the
//     pairs that share one sentence grow with its square;
//   - every pair whose TF-IDF cosine over content terms reaches
//     candidateFloor, exactly (index.AllPairs), among all the units of a
//     corpus of at most exactUnits compared units, and among the short
//     units (shortSentences) of a larger one: the search misses nothing a
//     cosine can see, but its cost grows with the square of the corpus
//     when the vocabulary stops growing (see index/allpairs.go), while two
//     sentences are too few for the shared-sentence keys.
//
// On the approximate path, pairs of multi-sentence units that clearly only
// partly overlap (fewer than prefilterCoverage of the sentences of either
// unit said in the other; see partialOverlap) are dropped before scoring,
// unless the near-copy index found them: scorePair would turn a
// paraphrase verdict on them into Different, and a near-identical
// duplicate covers its sentences (each sentence's terms are looked up in
// the whole other unit). On the generated corpus this drops 30% of the
// candidates at 10^5 paragraphs and three quarters at 10^6 (the pairs that
// grow with the square of the corpus), and no pair that scoring keeps.
//
// TestCandidatesRecall measures the pairs the approximate path reports
// against those of the exact path on the generated corpus of 10^4
// paragraphs; TestApproximatePath checks that it finds the clusters of the
// exact path on the real articles of the scan tests. Figures are in
// docs/performance.md.

// prefilterCoverage is the sentence coverage (see partialOverlap) below
// which a pair of multi-sentence units found by the shared-sentence keys
// or the exact search is dropped unscored on the approximate path. It is
// below partialCoverage because a heavily reworded pair can still get a
// duplicate verdict, which partialOverlap does not overrule: on the
// generated corpus of 10^6 paragraphs, 87 of the pairs with coverage in
// [0.6, 0.75) are such duplicates, none below 0.6 once the near-copy
// candidates are exempt.
const prefilterCoverage = 0.6

// nearStrong is the number of near-copy bands two units must share for
// their pair to skip the partial-overlap prefilter: one shared band is
// often chance (a common phrase in both halves), two rarely are, while
// halves at Jaccard 0.8 share two or more of the 16 bands with
// probability 0.998.
const nearStrong = 2

// isNear reports whether p is among the near-copy candidates (sorted).
func isNear(near []index.Pair, p index.Pair) bool {
	_, ok := slices.BinarySearchFunc(near, p, func(x, y index.Pair) int {
		if x.A != y.A {
			return int(x.A - y.A)
		}
		return int(x.B - y.B)
	})
	return ok
}

// ctxErr returns the scan's context error, if any (nil without a context).
func (s *scanner) ctxErr() error {
	if s.ctx == nil {
		return nil
	}
	return s.ctx.Err()
}

// exactUnits is the number of compared units up to which the exact cosine
// search adds its candidates: below it the search costs well under a
// second, above it its cost grows with the square of the corpus on text
// drawn from a closed vocabulary.
const exactUnits = 20_000

// candidates proposes the pairs of compared originals (see copies.go) to
// score (see the comment above), restricted to the scope, sorted by (A, B).
func (s *scanner) candidates() ([]index.Pair, error) {
	var ids []int32
	for i := range s.su {
		if s.content[i] && s.copies.original(i) {
			ids = append(ids, int32(i))
		}
	}
	near, strong, err := s.nearCopies(ids)
	if err != nil {
		return nil, err
	}
	if err := s.ctxErr(); err != nil {
		return nil, err
	}
	shared, _, err := index.SentencePairs(s.sent.indexInput(len(s.units), ids), index.SentenceOptions{Workers: s.opt.Workers})
	if err != nil {
		return nil, err
	}
	if err := s.ctxErr(); err != nil {
		return nil, err
	}
	all := append(near, shared...)
	exact := ids
	if len(ids) > s.exactUnits {
		exact = s.short(ids)
	}
	ap, err := index.AllPairs(s.vectors(exact), index.AllPairsOptions{Threshold: candidateFloor, Workers: s.opt.Workers, Context: s.ctx})
	if err != nil {
		return nil, err
	}
	for _, p := range ap {
		all = append(all, index.Pair{A: exact[p.A], B: exact[p.B]})
	}
	slices.SortFunc(all, func(x, y index.Pair) int {
		if x.A != y.A {
			return int(x.A - y.A)
		}
		return int(x.B - y.B)
	})
	all = slices.CompactFunc(all, func(x, y index.Pair) bool { return x.A == y.A && x.B == y.B })
	prefilter := len(ids) > s.exactUnits
	drop := make([]bool, len(all))
	parallel(len(all), s.opt.Workers, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			a, b := int(all[i].A), int(all[i].B)
			same := s.udoc[a] == s.udoc[b]
			drop[i] = (s.opt.Scope == ScopeWithin && !same) || (s.opt.Scope == ScopeAcross && same) ||
				prefilter && s.multi[a] && s.multi[b] && !isNear(strong, all[i]) &&
					max(s.sentenceCoverage(a, b), s.sentenceCoverage(b, a)) < prefilterCoverage
		}
	})
	out := all[:0]
	for i, p := range all {
		if !drop[i] {
			out = append(out, index.Pair{A: p.A, B: p.B})
		}
	}
	return slices.Clip(out), nil
}

// Near-copy banding: nearBands bands, each of nearRows MinHash values of
// each half of a unit.
const (
	nearBands = 16
	nearRows  = 2
)

// nearKeys sets the near-copy band keys of the unit whose tokens (and
// their term hashes) p holds.
//
// Plain MinHash LSH over a unit's word bigrams meets a pair with
// probability 1-(1-J^r)^b for bigram Jaccard J; on a large corpus the many
// pairs that share one sentence (J 0.1-0.4) then outnumber the near copies
// (J 0.7-1). Here the bigram sequence is cut in two halves by position and
// a band is nearRows MinHash values of each half, so a pair shares a band
// with probability J1^r·J2^r for the Jaccards J1, J2 of the halves: both
// halves must be alike. An edit or two shifts the cut by a token or two, so
// near copies keep J1, J2 close to J: with 16 bands of 2+2 rows, halves at
// 0.8 meet with probability 0.9998, 0.7 with 0.988, 0.6 with 0.89 (exact
// copies and most near copies are also met by the shared-sentence keys),
// while a shared sentence inside one half (J1 0.5, J2 0.02) is met with
// probability 0.0016. Bigrams are over every token, stop words included,
// hashed from the stemmed terms.
func (s *scanner) nearKeys(p *profiler, keys []uint64) {
	p.grams = p.grams[:0]
	for k := 1; k < len(p.toks); k++ {
		if p.toks[k-1].Stop && p.toks[k].Stop {
			continue
		}
		p.grams = append(p.grams, uint64(p.hash[k-1])<<32|uint64(p.hash[k]))
	}
	if len(p.toks) == 1 {
		p.grams = append(p.grams, uint64(p.hash[0]))
	}
	h1, h2 := p.grams[:len(p.grams)/2], p.grams[len(p.grams)/2:]
	if len(h1) == 0 {
		h1 = h2
	}
	w := nearBands * nearRows
	p.sig = s.minhash.Sign(h1, p.sig[:0])
	p.sig = s.minhash.Sign(h2, p.sig)
	for b := range keys {
		k := uint64(b) + seedMinHash
		for r := range nearRows {
			k = mix64(k ^ p.sig[b*nearRows+r])
			k = mix64(k ^ p.sig[w+b*nearRows+r])
		}
		keys[b] = k
	}
}

// mix64 is the splitmix64 finaliser (Steele, Lea & Flood 2014).
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// nearCopies returns the pairs of the units in ids (ascending) that share
// a near-copy band key, as unit indexes, and those of them that share at
// least nearStrong bands. It consumes s.near.
func (s *scanner) nearCopies(ids []int32) (pairs, strong []index.Pair, err error) {
	// Move the compared units' keys to the front, in place: ids[k] >= k.
	flat := s.near
	s.near = nil
	for k, u := range ids {
		copy(flat[k*nearBands:(k+1)*nearBands], flat[int(u)*nearBands:])
	}
	flat = flat[:len(ids)*nearBands]
	lsh := index.LSH{Bands: nearBands, Rows: 1, Workers: s.opt.Workers}
	lp, _, err := lsh.Pairs(flat, len(ids))
	if err != nil {
		return nil, nil, err
	}
	for _, p := range lp {
		ka, kb := flat[int(p.A)*nearBands:][:nearBands], flat[int(p.B)*nearBands:][:nearBands]
		n := 0
		for b := range ka {
			if ka[b] == kb[b] {
				n++
			}
		}
		if n >= nearStrong {
			strong = append(strong, index.Pair{A: ids[p.A], B: ids[p.B]})
		}
	}
	for i := range lp {
		lp[i].A, lp[i].B = ids[lp[i].A], ids[lp[i].B]
	}
	return lp, strong, nil
}

// shortSentences is the number of sentences with content terms up to which
// a unit counts as short: short units are compared with each other by the
// exact cosine search on corpora of any size, since two sentences are too
// few for the shared-sentence keys to be sure to meet a rewording.
const shortSentences = 2

// short returns the units of ids that have at most shortSentences
// sentences with content terms.
func (s *scanner) short(ids []int32) []int32 {
	var out []int32
	for _, u := range ids {
		lo, hi := s.sent.sentences(int(u))
		n := 0
		for k := lo; k < hi; k++ {
			if len(s.sent.sentence(k)) > 0 {
				n++
			}
		}
		if n <= shortSentences {
			out = append(out, u)
		}
	}
	return out
}

// vectors returns the TF-IDF vectors of the units in ids over dense term
// ids, for the exact cosine search.
func (s *scanner) vectors(ids []int32) []similarity.Vector {
	vecs := make([]similarity.Vector, len(ids))
	parallel(len(ids), s.opt.Workers, func(lo, hi int) {
		for k := lo; k < hi; k++ {
			var w []float32
			vecs[k].Terms, w = s.corpus.Vector(s.su[ids[k]], nil)
			vecs[k].Weights = w
		}
	})
	// Term ids are hashes; the index wants dense ids. Renumber in unit
	// order, so the numbering, and so the result, is deterministic.
	dense := make(map[uint32]uint32)
	for i := range vecs {
		ids := make([]uint32, len(vecs[i].Terms))
		for k, t := range vecs[i].Terms {
			d, ok := dense[t]
			if !ok {
				d = uint32(len(dense))
				dense[t] = d
			}
			ids[k] = d
		}
		vecs[i].Terms, vecs[i].Weights = sortByID(ids, vecs[i].Weights)
	}
	return vecs
}

// sortByID sorts the parallel slices ids and ws by id.
func sortByID(ids []uint32, ws []float32) ([]uint32, []float32) {
	idx := make([]int, len(ids))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return int(ids[a]) - int(ids[b]) })
	oi, ow := make([]uint32, len(ids)), make([]float32, len(ids))
	for k, i := range idx {
		oi[k], ow[k] = ids[i], ws[i]
	}
	return oi, ow
}
