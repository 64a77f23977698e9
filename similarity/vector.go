package similarity

import (
	"errors"
	"fmt"
	"math"
)

// Vector is a sparse term vector: Terms are term ids in strictly increasing
// order and Weights[i] is the weight of Terms[i]. Vectors made by
// Weighting.Vector have positive weights and unit L2 norm, or are empty (a
// unit with no terms); the empty vector has cosine 0 with everything.
type Vector struct {
	Terms   []uint32
	Weights []float32
}

// Len returns the number of non-zero entries.
func (v Vector) Len() int { return len(v.Terms) }

// Norm returns the L2 norm sqrt(Σ w²), accumulated in float64.
func (v Vector) Norm() float64 {
	var s float64
	for _, w := range v.Weights {
		s += float64(w) * float64(w)
	}
	return math.Sqrt(s)
}

// Errors returned by Vector.Check.
var (
	ErrUnsorted   = errors.New("similarity: vector terms not strictly increasing")
	ErrLength     = errors.New("similarity: vector terms and weights differ in length")
	ErrWeight     = errors.New("similarity: vector weight not positive and finite")
	ErrNotUnitLen = errors.New("similarity: vector not L2-normalised")
)

// NormTolerance is how far from 1 the L2 norm of a non-empty vector may be
// for Check to accept it as normalised: float32 weights give norms within
// about 1e-7 of 1, so this only catches vectors that were never normalised.
const NormTolerance = 1e-4

// Check reports whether v is a well-formed normalised vector: terms and
// weights of equal length, terms strictly increasing, weights positive and
// finite, and norm within NormTolerance of 1 unless v is empty.
func (v Vector) Check() error {
	if len(v.Terms) != len(v.Weights) {
		return fmt.Errorf("%w: %d terms, %d weights", ErrLength, len(v.Terms), len(v.Weights))
	}
	for i, w := range v.Weights {
		if i > 0 && v.Terms[i] <= v.Terms[i-1] {
			return fmt.Errorf("%w: term %d at %d after %d", ErrUnsorted, v.Terms[i], i, v.Terms[i-1])
		}
		if !(w > 0) || math.IsInf(float64(w), 0) {
			return fmt.Errorf("%w: %v for term %d", ErrWeight, w, v.Terms[i])
		}
	}
	if len(v.Terms) > 0 {
		if n := v.Norm(); math.Abs(n-1) > NormTolerance {
			return fmt.Errorf("%w: norm %v", ErrNotUnitLen, n)
		}
	}
	return nil
}

// Cosine returns the cosine similarity of two normalised vectors: their dot
// product Σ a_t·b_t over the terms t they share, found by a merge join of the
// two sorted term lists (O(|a|+|b|), no allocation) and accumulated in
// float64 in increasing term order, so the result is the same bit for bit
// whichever code calls it. Rounding can push the dot product of a vector with
// itself a hair past 1; the result is clamped to [-1, 1]. Cosine with an
// empty vector is 0.
func Cosine(a, b Vector) float64 {
	// Malformed vectors (more terms than weights) are cut to their
	// weights rather than read out of range.
	at, bt := a.Terms[:min(len(a.Terms), len(a.Weights))], b.Terms[:min(len(b.Terms), len(b.Weights))]
	aw, bw := a.Weights[:len(at)], b.Weights[:len(bt)]
	var s float64
	i, j := 0, 0
	for i < len(at) && j < len(bt) {
		x, y := at[i], bt[j]
		switch {
		case x == y:
			s += float64(aw[i]) * float64(bw[j])
			i++
			j++
		case x < y:
			i++
		default:
			j++
		}
	}
	return min(max(s, -1), 1)
}
