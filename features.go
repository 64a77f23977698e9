package neardup

import (
	"slices"

	"github.com/neardup/neardup/cluster"
	"github.com/neardup/neardup/index"
	"github.com/neardup/neardup/shingle"
	"github.com/neardup/neardup/similarity"
)

// Seeds of the hashes behind shingles, MinHash and verbatim keys. They are
// part of the index format: changing one changes every stored hash.
const (
	seedShingle  uint64 = 0x6e656172647570 // "neardup"
	seedMinHash  uint64 = 0x6d696e68617368 // "minhash"
	seedVerbatim uint64 = 0x766572626174   // "verbat"
)

// features are what a scan computes once per unit.
type features struct {
	terms    []string // stemmed content terms in order
	ids      []uint32 // the terms as vocabulary ids
	shingles []uint64 // sorted word-shingle hashes over the content terms
	sig      []uint64 // MinHash signature of the shingles
	verbatim uint64   // hash of the unit's normalised words, stop words included
	content  bool     // enough content words to be reported as a duplicate or paraphrase
}

// analyze computes the features of every unit, in parallel.
func (s *scanner) analyze() {
	s.feats = make([]features, len(s.units))
	parallel(len(s.units), s.opt.Workers, func(lo, hi int) {
		var toks []shingle.Token
		var norm []byte
		for i := lo; i < hi; i++ {
			f := &s.feats[i]
			toks = s.analyzer.Tokens(s.units[i].Text, toks[:0])
			norm = norm[:0]
			for _, t := range toks {
				norm = append(norm, t.Norm...)
				norm = append(norm, ' ')
				if !t.Stop {
					f.terms = append(f.terms, t.Term)
				}
			}
			f.verbatim = shingle.Hash64(string(norm), seedVerbatim)
			f.content = len(f.terms) >= s.opt.MinWords
			if !f.content {
				continue
			}
			f.shingles = shingle.WordShingles(f.terms, s.opt.ShingleSize, seedShingle, nil)
			f.sig = s.minhash.Sign(f.shingles, nil)
		}
	})
}

// boilerplateSet is the outcome of boilerplate detection.
type boilerplateSet struct {
	unit     []bool // unit i is boilerplate
	clusters []Cluster
}

// boilerplate finds units repeated verbatim (after normalisation) in at least
// Options.BoilerplateDocs documents that are either short (fewer than three
// times MinWords content words: navigation, bylines, "Subscribe to our
// newsletter") or spread over ten times that many documents (cookie notices,
// disclaimers). Longer text repeated in a few documents is a duplicate, not
// boilerplate: a wire story re-run by three sites must be reported as such.
func (s *scanner) boilerplate() boilerplateSet {
	b := boilerplateSet{unit: make([]bool, len(s.units))}
	groups := make(map[uint64][]int32)
	for i := range s.feats {
		k := s.feats[i].verbatim
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
		words := len(s.feats[g[0]].terms)
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
			c.Members = append(c.Members, Member{Unit: int(u), Score: 1})
		}
		b.clusters = append(b.clusters, c)
	}
	return b
}

// weigh assigns vocabulary ids, counts document frequencies over the content
// units and returns their TF-IDF vectors (empty for units that are not
// compared: too short, or boilerplate).
func (s *scanner) weigh(b boilerplateSet) []similarity.Vector {
	vocab := similarity.NewVocabulary()
	df := &similarity.DocFreq{}
	var uniq []uint32
	for i := range s.feats {
		f := &s.feats[i]
		if !f.content || b.unit[i] {
			f.content = false
			continue
		}
		f.ids = make([]uint32, len(f.terms))
		for j, t := range f.terms {
			f.ids[j] = vocab.ID(t)
		}
		uniq = append(uniq[:0], f.ids...)
		slices.Sort(uniq)
		df.Add(slices.Compact(uniq))
	}
	w := similarity.Weighting{Sublinear: true}
	vecs := make([]similarity.Vector, len(s.feats))
	parallel(len(s.feats), s.opt.Workers, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			if s.feats[i].content {
				w.Vector(s.feats[i].ids, df, &vecs[i])
			}
		}
	})
	return vecs
}

// candidates proposes the pairs to score: every pair whose TF-IDF cosine is
// at least candidateFloor (exact all-pairs search over the inverted index),
// and every pair sharing a MinHash band (near copies), restricted to the
// scope.
func (s *scanner) candidates(vecs []similarity.Vector) ([]index.Pair, error) {
	ap, err := index.AllPairs(vecs, index.AllPairsOptions{Threshold: candidateFloor, Workers: s.opt.Workers})
	if err != nil {
		return nil, err
	}
	width := lshBands * lshRows
	flat := make([]uint64, 0, len(s.feats)*width)
	ids := make([]int32, 0, len(s.feats))
	for i := range s.feats {
		if s.feats[i].content {
			flat = append(flat, s.feats[i].sig...)
			ids = append(ids, int32(i))
		}
	}
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

// scorePair computes the scores of units a and b.
func (s *scanner) scorePair(a, b int, vecs []similarity.Vector) (Scores, Kind) {
	fa, fb := &s.feats[a], &s.feats[b]
	sc := Scores{
		Cosine:      similarity.Cosine(vecs[a], vecs[b]),
		Jaccard:     similarity.Jaccard(fa.shingles, fb.shingles),
		Containment: similarity.Containment(fa.shingles, fb.shingles),
	}
	sc.Score = sc.Cosine
	switch {
	case fa.verbatim == fb.verbatim || sc.Jaccard >= s.opt.DuplicateThreshold:
		sc.Score = max(sc.Score, sc.Jaccard)
		return sc, Duplicate
	case sc.Score >= s.opt.Threshold:
		return sc, Paraphrase
	}
	return sc, Different
}

// score scores every candidate in parallel and keeps the pairs at or above
// the thresholds, in (A, B) order.
func (s *scanner) score(cands []index.Pair, vecs []similarity.Vector) []Pair {
	kept := make([][]Pair, (len(cands)+1023)/1024)
	parallel(len(kept), s.opt.Workers, func(lo, hi int) {
		for k := lo; k < hi; k++ {
			for _, c := range cands[k*1024 : min((k+1)*1024, len(cands))] {
				sc, kind := s.scorePair(int(c.A), int(c.B), vecs)
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
func (s *scanner) cluster(pairs []Pair, vecs []similarity.Vector) ([]Cluster, error) {
	edges := make([]cluster.Edge, len(pairs))
	for i, p := range pairs {
		edges[i] = cluster.Edge{A: int32(p.A), B: int32(p.B), Score: float32(p.Score)}
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
			sc, kind := s.scorePair(int(min(m, g.Rep)), int(max(m, g.Rep)), vecs)
			if kind != Duplicate {
				c.Kind = Paraphrase
			}
			c.Members = append(c.Members, Member{Unit: int(m), Score: sc.Score})
		}
		out = append(out, c)
	}
	return out, nil
}
