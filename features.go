package neardup

import (
	"slices"

	"github.com/neardup/neardup/cluster"
	"github.com/neardup/neardup/corpus"
	"github.com/neardup/neardup/index"
	"github.com/neardup/neardup/score"
	"github.com/neardup/neardup/similarity"
)

// seedMinHash seeds the MinHash permutations behind the near-copy sketch.
const seedMinHash uint64 = 0x6d696e68617368 // "minhash"

// analyze runs the scorer's analysis over every unit, in parallel, and marks
// the units with enough content words to be compared.
func (s *scanner) analyze() {
	s.su = make([]*score.Unit, len(s.units))
	s.content = make([]bool, len(s.units))
	s.multi = make([]bool, len(s.units))
	parallel(len(s.units), s.opt.Workers, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			s.su[i] = s.scorer.Analyze(s.units[i].Text)
			s.content[i] = s.contentWords(s.units[i].Text) >= s.opt.MinWords
			if s.content[i] && s.opt.Unit == corpus.Paragraph {
				s.multi[i] = len(corpus.SplitText(s.units[i].Text, corpus.Sentence)) > 1
			}
		}
	})
}

// boilerplateSet is the outcome of boilerplate detection.
type boilerplateSet struct {
	unit     []bool // unit i is boilerplate
	clusters []Cluster
}

// boilerplate finds units repeated verbatim (same words, whatever the case,
// punctuation and spacing) in at least Options.BoilerplateDocs documents that
// are either short (fewer than three times MinWords content words:
// navigation, bylines, "Subscribe to our newsletter") or spread over ten
// times that many documents (cookie notices, disclaimers). Longer text
// repeated in a few documents is a duplicate, not boilerplate: a wire story
// re-run by three sites must be reported as such.
func (s *scanner) boilerplate() boilerplateSet {
	b := boilerplateSet{unit: make([]bool, len(s.units))}
	groups := make(map[uint64][]int32)
	for i, u := range s.su {
		if u.Words() == 0 {
			continue
		}
		k := u.Fingerprint()
		groups[k] = append(groups[k], int32(i))
	}
	var found [][]int32
	for _, g := range groups {
		if len(g) < s.opt.BoilerplateDocs {
			continue
		}
		docs := 1
		for j := 1; j < len(g); j++ {
			if s.udoc[g[j]] != s.udoc[g[j-1]] {
				docs++
			}
		}
		words := s.su[g[0]].Words()
		if docs < s.opt.BoilerplateDocs || (words >= 3*s.opt.MinWords && docs < 10*s.opt.BoilerplateDocs) {
			continue
		}
		found = append(found, g)
	}
	slices.SortFunc(found, func(x, y []int32) int { return int(x[0] - y[0]) })
	for _, g := range found {
		c := Cluster{Kind: Boilerplate, Rep: int(g[0])}
		for _, u := range g {
			b.unit[u] = true
			s.content[u] = false
			c.Members = append(c.Members, Member{Unit: int(u), Score: 1})
		}
		b.clusters = append(b.clusters, c)
	}
	return b
}

// weigh counts document frequencies over the content units and returns
// their TF-IDF vectors over dense term ids (empty for units that are not
// compared: too short, or boilerplate), for the candidate search.
func (s *scanner) weigh() []similarity.Vector {
	var content []*score.Unit
	for i, u := range s.su {
		if s.content[i] {
			content = append(content, u)
		}
	}
	s.corpus = s.scorer.NewCorpus(content)
	vecs := make([]similarity.Vector, len(s.su))
	parallel(len(s.su), s.opt.Workers, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			if s.content[i] {
				var w []float32
				vecs[i].Terms, w = s.corpus.Vector(s.su[i], nil)
				vecs[i].Weights = w
			}
		}
	})
	// Term ids are hashes; the index wants dense ids. Renumber in unit
	// order, so the numbering, and so the result, is deterministic.
	dense := make(map[uint32]uint32)
	for i := range vecs {
		if !s.content[i] {
			continue
		}
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

// candidates proposes the pairs to score: every pair whose TF-IDF cosine is
// at least candidateFloor (exact all-pairs search over the inverted index),
// and every pair sharing a MinHash band over word shingles (near copies),
// restricted to the scope.
func (s *scanner) candidates(vecs []similarity.Vector) ([]index.Pair, error) {
	ap, err := index.AllPairs(vecs, index.AllPairsOptions{Threshold: candidateFloor, Workers: s.opt.Workers})
	if err != nil {
		return nil, err
	}
	width := lshBands * lshRows
	var ids []int32
	for i := range s.su {
		if s.content[i] {
			ids = append(ids, int32(i))
		}
	}
	flat := make([]uint64, len(ids)*width)
	parallel(len(ids), s.opt.Workers, func(lo, hi int) {
		for k := lo; k < hi; k++ {
			s.minhash.Sign(s.su[ids[k]].Shingles(), flat[k*width:k*width:(k+1)*width])
		}
	})
	lsh := index.LSH{Bands: lshBands, Rows: lshRows}
	lp, _, err := lsh.Pairs(flat, len(ids))
	if err != nil {
		return nil, err
	}
	for i := range lp {
		lp[i].A, lp[i].B = ids[lp[i].A], ids[lp[i].B]
	}
	all := append(ap, lp...)
	slices.SortFunc(all, func(x, y index.Pair) int {
		if x.A != y.A {
			return int(x.A - y.A)
		}
		return int(x.B - y.B)
	})
	all = slices.CompactFunc(all, func(x, y index.Pair) bool { return x.A == y.A && x.B == y.B })
	out := all[:0]
	for _, p := range all {
		same := s.udoc[p.A] == s.udoc[p.B]
		if (s.opt.Scope == ScopeWithin && !same) || (s.opt.Scope == ScopeAcross && same) {
			continue
		}
		out = append(out, p)
	}
	return out, nil
}

// scorePair scores units a and b with the scorer.
func (s *scanner) scorePair(a, b int) (Scores, Kind) {
	r := s.scorer.Score(s.corpus, s.su[a], s.su[b])
	kind := Kind(r.Kind)
	switch {
	case kind == Different:
	case r.Features.Numbers > 0 && s.differentFigures(a, b):
		kind = Different
	case kind == Paraphrase && s.multi[a] && s.multi[b] && s.partialOverlap(a, b):
		kind = Different
	}
	return Scores{Score: r.Score, Cosine: r.Cosine, Jaccard: r.Jaccard, Containment: r.Containment}, kind
}

// score scores every candidate in parallel and keeps the pairs at or above
// the thresholds, in (A, B) order.
func (s *scanner) score(cands []index.Pair) []Pair {
	const chunk = 1024
	kept := make([][]Pair, (len(cands)+chunk-1)/chunk)
	parallel(len(kept), s.opt.Workers, func(lo, hi int) {
		for k := lo; k < hi; k++ {
			for _, c := range cands[k*chunk : min((k+1)*chunk, len(cands))] {
				sc, kind := s.scorePair(int(c.A), int(c.B))
				if kind != Different {
					kept[k] = append(kept[k], Pair{A: int(c.A), B: int(c.B), Kind: kind, Scores: sc})
				}
			}
		}
	})
	var out []Pair
	for _, k := range kept {
		out = append(out, k...)
	}
	return out
}

// cluster groups the kept pairs with average linkage and names each group's
// representative and kind.
func (s *scanner) cluster(pairs []Pair) ([]Cluster, error) {
	edges := make([]cluster.Edge, len(pairs))
	for i, p := range pairs {
		edges[i] = cluster.Edge{A: int32(p.A), B: int32(p.B), Score: float32(min(max(p.Score, 0), 1))}
	}
	groups, err := cluster.Build(len(s.units), edges, cluster.Options{MinLink: minLinkShare * s.opt.Threshold})
	if err != nil {
		return nil, err
	}
	out := make([]Cluster, 0, len(groups))
	for _, g := range groups {
		c := Cluster{Kind: Duplicate, Rep: int(g.Rep)}
		for _, m := range g.Members {
			if m == g.Rep {
				c.Members = append(c.Members, Member{Unit: int(m), Score: 1})
				continue
			}
			sc, kind := s.scorePair(int(min(m, g.Rep)), int(max(m, g.Rep)))
			if kind != Duplicate {
				c.Kind = Paraphrase
			}
			c.Members = append(c.Members, Member{Unit: int(m), Score: sc.Score})
		}
		out = append(out, c)
	}
	return out, nil
}
