package index

import (
	"cmp"
	"slices"
)

// Pair is a candidate pair of units, by their index in the input, with
// A < B. Cosine is their exact cosine for AllPairs, and 0 for LSH.
type Pair struct {
	A, B   int32
	Cosine float32
}

func comparePairs(p, q Pair) int {
	if c := cmp.Compare(p.A, q.A); c != 0 {
		return c
	}
	return cmp.Compare(p.B, q.B)
}

// sortPairs sorts by (A, B).
func sortPairs(ps []Pair) { slices.SortFunc(ps, comparePairs) }
