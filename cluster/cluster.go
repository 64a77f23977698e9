// Package cluster groups units that say the same thing, given the scored
// pairs (edges) between them, without chaining unrelated units together.
//
// # Algorithm
//
// Build is agglomerative clustering with an average-linkage guard, the
// linkage of UPGMA (Sokal & Michener 1958, "A statistical method for
// evaluating systematic relationships", Univ. Kansas Sci. Bull. 38). Every
// node starts alone. Edges are taken by decreasing score (ties by the smaller
// endpoint, then the larger: the order is total, so the result is
// deterministic and does not depend on the order or orientation of the
// input). An edge between two different groups G1 and G2 merges them only if
// their average linkage
//
//	link(G1, G2) = Σ_{u∈G1, v∈G2} s(u,v) / (|G1|·|G2|)
//
// is at least Options.MinLink, where s(u,v) is the score of the edge u–v and
// 0 for pairs without an edge. Single linkage would merge on any one edge, so
// A~B and B~C would put A and C together even when A and C share nothing, and
// one chance shared sentence would glue two large clusters into one. Under
// average linkage the missing A–C edge counts as 0 and pulls the mean down:
// a third unit joins a pair only if it resembles the pair as a whole, and two
// clusters join only if most of their cross pairs are similar.
//
// The representative of a group is its medoid: the member with the highest
// sum of edge scores to the other members (ties: the smallest id).
//
// # Exact arithmetic
//
// Scores and MinLink are rounded to multiples of 2^-24 (weightScale) and the
// linkage sums are kept as integers, so every sum is exact, the comparison
// sum ≥ MinLink·|G1|·|G2| is done in 128-bit integers, and no decision
// depends on the order in which floating-point numbers were added.
//
// # Cost
//
// With n nodes and E edges, Build takes O(n + E log E) time and O(n + E)
// memory:
//   - the graph is stored in compressed sparse row (CSR) form, built by two
//     counting-sort passes in O(n + E), which leaves each row sorted by
//     neighbour and so exposes duplicate edges and the tie order;
//   - the edges are sorted once by (score, endpoints), by a radix sort on
//     64-bit keys: O(E);
//   - groups live in a union-find forest with path halving (amortised
//     O(log n) a find, near-constant in practice); each group of two
//     or more members keeps its adjacency: for each neighbouring group, the
//     sum of the edge scores between them (a short slice searched linearly
//     up to smallLinks neighbours, a hash map beyond), so the linkage of an
//     edge is one bounded lookup; two single nodes need none, as their only
//     link is the edge itself;
//   - merging moves the adjacency of the group with fewer edge ends into the
//     other and renames the moved neighbours' entries: O(1) per entry. An
//     edge end moves only when its group's edge-end count at least doubles,
//     so at most log2(2E) times, and all merges together cost O(E log E).
//
// The work is dominated by cache misses on random nodes; see
// BenchmarkBuild for the figures (about 1.3 s of CPU for 1M nodes and 2.4M
// edges on a shared 2-core machine).
//
// There is no step quadratic in n or in a group's size. Node ids are int32
// and at most 2^31-1 edges are accepted.
package cluster

import (
	"errors"
	"fmt"
	"math"
)

// Edge is an undirected similarity edge between nodes A and B (A != B, in
// either order) with a score in [0, 1].
type Edge struct {
	A, B  int32
	Score float32
}

// Options controls Build. The zero value is valid.
type Options struct {
	// Threshold: edges with a score below it are ignored, as if absent,
	// both as merge candidates and in the linkage sums (default 0: every
	// given edge is used).
	Threshold float64
	// MinLink is the average-linkage floor: two groups merge only if the
	// mean score over all their cross pairs (pairs with no edge count as 0)
	// is at least MinLink (default DefaultMinLink). It must be at most 1.
	// Two lone nodes merge only if their edge scores at least MinLink. A
	// negative MinLink turns the guard off (plain single linkage).
	MinLink float64
}

// DefaultMinLink is the MinLink used when Options.MinLink is 0.
const DefaultMinLink = 0.5

// Group is a cluster of two or more nodes.
type Group struct {
	Members []int32 // node ids, ascending
	Rep     int32   // the medoid: the member with the highest sum of edge scores to the other members; ties go to the smallest id
}

// Errors returned by Build, wrapped with the details.
var (
	ErrEdge    = errors.New("cluster: invalid edge")
	ErrOptions = errors.New("cluster: invalid options")
)

// weightScale is the fixed-point unit of scores: a score s is stored as the
// integer round(s·weightScale). 2^24 is float32's precision just below 1, so
// scores in [0.5, 1] are kept exactly.
const weightScale = 1 << 24

// weight returns x in units of 1/weightScale.
func weight(x float64) uint64 { return uint64(math.Round(x * weightScale)) }

// Build clusters n nodes (ids 0..n-1) joined by the given edges, as the
// package documentation describes, and returns the groups of two or more
// members ordered by their smallest member. Nodes without edges are not
// returned. Build returns an error naming the edge for an endpoint out of
// range, a self-loop, a score that is not in [0, 1], or the same pair given
// twice (in either orientation; edges below Threshold are not checked for
// repeats), and an error for invalid options.
func Build(n int, edges []Edge, opt Options) ([]Group, error) {
	if n < 0 || n > math.MaxInt32 {
		return nil, fmt.Errorf("%w: node count %d out of range [0, %d]", ErrOptions, n, math.MaxInt32)
	}
	if len(edges) > math.MaxInt32 {
		return nil, fmt.Errorf("%w: %d edges, at most %d supported", ErrEdge, len(edges), math.MaxInt32)
	}
	if math.IsNaN(opt.Threshold) {
		return nil, fmt.Errorf("%w: Threshold is NaN", ErrOptions)
	}
	minLink := opt.MinLink
	switch {
	case math.IsNaN(minLink) || minLink > 1:
		return nil, fmt.Errorf("%w: MinLink %v, want at most 1", ErrOptions, minLink)
	case minLink == 0:
		minLink = DefaultMinLink
	case minLink < 0:
		minLink = 0
	}
	g, err := newGraph(n, edges, opt.Threshold)
	if err != nil {
		return nil, err
	}
	a := newAgglomeration(g, weight(minLink))
	a.run()
	return a.groups(), nil
}
