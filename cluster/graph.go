package cluster

import (
	"fmt"
	"math"
)

// graph holds the kept edges of a Build call twice: as a CSR adjacency for
// walking a node's neighbours, and as a list of pairs in processing order.
type graph struct {
	// off[u]..off[u+1] is node u's row in nbr and wt. Rows are sorted by
	// neighbour id.
	off []uint32
	nbr []int32
	wt  []uint32 // edge weight in units of 1/weightScale
	// pairs are the kept edges with a < b in processing order: by
	// decreasing score, then by (a, b).
	pairs []pair
}

type pair struct {
	a, b int32
	w    uint32
}

// kept reports whether e is used at this threshold.
func kept(e Edge, threshold float64) bool { return float64(e.Score) >= threshold }

// newGraph validates the edges and builds the graph of those at or above the
// threshold. The rows come out sorted by two stable counting-sort passes:
// the edge ends are first bucketed by neighbour, then dealt into their
// node's row in neighbour order.
func newGraph(n int, edges []Edge, threshold float64) (*graph, error) {
	off := make([]uint32, n+1)
	for i, e := range edges {
		if e.A < 0 || int(e.A) >= n || e.B < 0 || int(e.B) >= n {
			return nil, fmt.Errorf("%w %d (%d-%d): node out of range [0, %d)", ErrEdge, i, e.A, e.B, n)
		}
		if e.A == e.B {
			return nil, fmt.Errorf("%w %d (%d-%d): self-loop", ErrEdge, i, e.A, e.B)
		}
		if !(e.Score >= 0 && e.Score <= 1) {
			return nil, fmt.Errorf("%w %d (%d-%d): score %v not in [0, 1]", ErrEdge, i, e.A, e.B, e.Score)
		}
		if kept(e, threshold) {
			off[e.A+1]++
			off[e.B+1]++
		}
	}
	for u := 1; u <= n; u++ {
		off[u] += off[u-1]
	}
	ends := off[n]

	// Pass 1: bucket each edge end (node, score bits) by the node at the
	// other end.
	fill := make([]uint32, n)
	copy(fill, off[:n])
	from := make([]int32, ends)
	bits := make([]uint32, ends)
	for _, e := range edges {
		if !kept(e, threshold) {
			continue
		}
		s := e.Score
		if s == 0 {
			s = 0 // -0 sorts as 0
		}
		b := math.Float32bits(s)
		from[fill[e.B]], bits[fill[e.B]] = e.A, b
		fill[e.B]++
		from[fill[e.A]], bits[fill[e.A]] = e.B, b
		fill[e.A]++
	}

	// Pass 2: deal the ends into rows, visiting neighbours in id order.
	// wt holds the score bits until the last pass turns them to weights.
	copy(fill, off[:n])
	nbr := make([]int32, ends)
	wt := make([]uint32, ends)
	for v := range int32(n) {
		for p := off[v]; p < off[v+1]; p++ {
			u := from[p]
			nbr[fill[u]], wt[fill[u]] = v, bits[p]
			fill[u]++
		}
	}
	from, bits, fill = nil, nil, nil

	// byEnds lists the pairs in (a, b) order; keys[i] is
	// ^bits(score)<<32 | i, so sorting the keys ascending sorts the pairs
	// by decreasing score, then by (a, b).
	byEnds := make([]pair, 0, ends/2)
	keys := make([]uint64, 0, ends/2)
	for u := range int32(n) {
		for p := off[u]; p < off[u+1]; p++ {
			v, b := nbr[p], wt[p]
			if p > off[u] && nbr[p-1] == v {
				return nil, repeated(edges, threshold, u, v)
			}
			w := uint32(weight(float64(math.Float32frombits(b))))
			wt[p] = w
			if u < v {
				keys = append(keys, uint64(^b)<<32|uint64(len(byEnds)))
				byEnds = append(byEnds, pair{a: u, b: v, w: w})
			}
		}
	}
	sortKeys(keys)
	pairs := make([]pair, len(keys))
	for i, k := range keys {
		pairs[i] = byEnds[uint32(k)]
	}
	return &graph{off: off, nbr: nbr, wt: wt, pairs: pairs}, nil
}

// repeated returns the error for the kept pair u-v given twice, naming the
// second occurrence.
func repeated(edges []Edge, threshold float64, u, v int32) error {
	first := -1
	for i, e := range edges {
		if kept(e, threshold) && min(e.A, e.B) == min(u, v) && max(e.A, e.B) == max(u, v) {
			if first >= 0 {
				return fmt.Errorf("%w %d (%d-%d): repeats edge %d", ErrEdge, i, e.A, e.B, first)
			}
			first = i
		}
	}
	return fmt.Errorf("%w: %d-%d given twice", ErrEdge, u, v) // not reached
}

// row returns node u's neighbours and edge weights.
func (g *graph) row(u int32) ([]int32, []uint32) {
	lo, hi := g.off[u], g.off[u+1]
	return g.nbr[lo:hi], g.wt[lo:hi]
}
