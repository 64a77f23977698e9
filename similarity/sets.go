package similarity

import "cmp"

// Intersect returns |a ∩ b| for two sets given as sorted slices of unique
// values (hashes, term ids), by a merge join (O(|a|+|b|), no allocation).
func Intersect[T cmp.Ordered](a, b []T) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		x, y := a[i], b[j]
		switch {
		case x == y:
			n++
			i++
			j++
		case x < y:
			i++
		default:
			j++
		}
	}
	return n
}

// AtLeast reports whether two sets given as sorted slices of unique values
// share at least k of them, stopping as soon as the answer is known: when
// k are found, or when too few are left on either side.
func AtLeast[T cmp.Ordered](a, b []T, k int) bool {
	n, i, j := 0, 0, 0
	for n < k && n+min(len(a)-i, len(b)-j) >= k {
		x, y := a[i], b[j]
		switch {
		case x == y:
			n++
			i++
			j++
		case x < y:
			i++
		default:
			j++
		}
	}
	return n >= k
}

// Jaccard returns the Jaccard similarity |a ∩ b| / |a ∪ b| of two sets given
// as sorted slices of unique hashes (Jaccard 1901; for word shingles, Broder
// 1997, "On the resemblance and containment of documents"). Two empty sets
// give 0: an empty unit resembles nothing.
func Jaccard(a, b []uint64) float64 {
	in := Intersect(a, b)
	u := len(a) + len(b) - in
	if u == 0 {
		return 0
	}
	return float64(in) / float64(u)
}

// Containment returns |a ∩ b| / min(|a|, |b|): the share of the smaller set
// found in the larger, 1 when one unit is copied whole into the other
// (Broder 1997 defines it against one named set; the symmetric min form
// suits pairs without a direction). Either set empty gives 0.
func Containment(a, b []uint64) float64 {
	m := min(len(a), len(b))
	if m == 0 {
		return 0
	}
	return float64(Intersect(a, b)) / float64(m)
}
