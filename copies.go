package neardup

import (
	"slices"

	"github.com/neardup/neardup/cluster"
)

// Exact copies
// ============
//
// A unit whose text is byte for byte that of an earlier unit is a copy of
// it (of the first unit with that text: its original). Copies are
// analysed once, searched for candidates and scored once, and clustered
// once, through their original; the report gets them back:
//
//   - the original stands for its copies in candidate search and scoring:
//     a copy scores with any third unit exactly as its original does (same
//     text, same corpus counts: copies still count in the document
//     frequencies), so scoring it again would only repeat the work, and a
//     text repeated n times would make n²/2 pairs of its own and n times
//     the candidates of every unit like it (10^4 copies of one paragraph in
//     one file took 10 minutes, 14.5 GB and a 40 GB JSON report before);
//   - each copy is reported as one pair with its original (an identical
//     pair: score 1, a duplicate), not with every other copy; a pair found
//     between two originals is reported once, for the originals;
//   - clustering sees one node per distinct text, and each cluster gets the
//     copies of its members back, each with the score of its original to
//     the representative; an original whose copies pair with nothing else
//     is a cluster of its copies.
//
// With Options.Scope within or across, a copy is a copy only within its
// own document, so that the scope decides about originals exactly as it
// would about their copies. Units of reference lists are not copies:
// whether a unit is in a reference list depends on its neighbours, not its
// text. Boilerplate (copies in many documents) is found before and apart
// from this, over all units.

// copySet links each unit to its original and the copies of an original in
// unit order.
type copySet struct {
	of   []int32 // of[u]: the original of u (u itself if u is one)
	next []int32 // next[u]: the next copy of u's original after u, or -1
}

// findCopies returns the copies among the scan's units.
func (s *scanner) findCopies() copySet {
	type key struct {
		doc  int32
		text string
	}
	n := len(s.units)
	c := copySet{of: make([]int32, n), next: make([]int32, n)}
	first := make(map[key]int32, n)
	last := make(map[int32]int32) // original -> its last copy so far
	for u := range int32(n) {
		c.of[u], c.next[u] = u, -1
		if s.units[u].Reference {
			continue
		}
		k := key{doc: -1, text: s.units[u].Text}
		if s.opt.Scope != ScopeAll {
			k.doc = s.udoc[u]
		}
		o, ok := first[k]
		if !ok {
			first[k] = u
			continue
		}
		c.of[u] = o
		prev, ok := last[o]
		if !ok {
			prev = o
		}
		c.next[prev] = u
		last[o] = u
	}
	return c
}

// original reports whether unit u is an original (not a copy).
func (c *copySet) original(u int) bool { return c.of[u] == int32(u) }

// hasCopies reports whether original u has copies.
func (c *copySet) hasCopies(u int) bool { return c.next[u] >= 0 }

// all returns original u and its copies, in unit order.
func (c *copySet) all(u int) []int32 {
	out := []int32{int32(u)}
	for v := c.next[u]; v >= 0; v = c.next[v] {
		out = append(out, v)
	}
	return out
}

// copiesPair reports whether the copies of an original pair with it under
// the scan's scope: they share its document when the scope is not all, so
// they pair unless the scope is across.
func (s *scanner) copiesPair() bool { return s.opt.Scope != ScopeAcross }

// withCopies returns the kept pairs of originals with, for every compared
// original that has copies, a pair of it with each copy (scored once: an
// identical pair), in (A, B) order.
func (s *scanner) withCopies(pairs []Pair) []Pair {
	if !s.copiesPair() {
		return pairs
	}
	out := slices.Clone(pairs)
	for u := range s.units {
		if !s.content[u] || !s.copies.original(u) || !s.copies.hasCopies(u) {
			continue
		}
		sc, kind := s.scorePair(u, u)
		if kind == Different {
			continue
		}
		for v := s.copies.next[u]; v >= 0; v = s.copies.next[v] {
			out = append(out, Pair{A: u, B: int(v), Kind: kind, Scores: sc})
		}
	}
	sortPairs(out)
	return out
}

// expandCopies turns the groups of originals that clustering made into
// clusters with their copies, and adds a cluster for every original that
// is in no group and pairs with its copies in all (the kept pairs with the
// copy pairs, withCopies). Clusters are ordered by their first member,
// members in unit order. score(m) gives the score and verdict of original
// m against its group's representative.
func (s *scanner) expandCopies(groups []cluster.Group, all []Pair, score func(g cluster.Group, m int32) (Scores, Kind)) []Cluster {
	grouped := make([]bool, len(s.units))
	out := make([]Cluster, len(groups))
	parallel(len(groups), s.opt.Workers, func(lo, hi int) {
		for gi := lo; gi < hi; gi++ {
			g := groups[gi]
			c := Cluster{Kind: Duplicate, Rep: int(g.Rep), Members: make([]Member, 0, len(g.Members))}
			for _, m := range g.Members {
				grouped[m] = true
				var sc Scores
				var kind Kind
				if m == g.Rep {
					sc, kind = Scores{Score: 1}, Duplicate
				} else {
					sc, kind = score(g, m)
				}
				if kind != Duplicate {
					c.Kind = Paraphrase
				}
				for _, v := range s.copies.all(int(m)) {
					if v == g.Rep {
						c.Members = append(c.Members, Member{Unit: int(v), Score: 1})
						continue
					}
					c.Members = append(c.Members, Member{Unit: int(v), Score: sc.Score})
				}
			}
			if len(c.Members) > len(g.Members) {
				slices.SortFunc(c.Members, func(x, y Member) int { return x.Unit - y.Unit })
			}
			out[gi] = c
		}
	})
	added := false
	for u := range s.units {
		if grouped[u] || !s.copies.original(u) || !s.copies.hasCopies(u) {
			continue
		}
		p, ok := findPair(all, u, int(s.copies.next[u]))
		if !ok {
			continue // not compared, not paired under the scope, or different
		}
		c := Cluster{Kind: p.Kind, Rep: u}
		for _, v := range s.copies.all(u) {
			m := Member{Unit: int(v), Score: p.Score}
			if int(v) == u {
				m.Score = 1
			}
			c.Members = append(c.Members, m)
		}
		out = append(out, c)
		added = true
	}
	if added {
		slices.SortStableFunc(out, func(x, y Cluster) int { return x.Members[0].Unit - y.Members[0].Unit })
	}
	return out
}
