package index

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortEntries compares sortEntries with a stable comparison sort on
// keys whose high halves collide often (few high values, random low
// halves) and on keys that repeat whole.
func TestSortEntries(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for _, c := range []struct {
		name       string
		n, hi, low int
	}{
		{"colliding high halves", 5000, 8, 1 << 30},
		{"repeated keys", 5000, 50, 3},
		{"uniform", 5000, 1 << 30, 1 << 30},
		{"one entry", 1, 4, 4},
		{"empty", 0, 1, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := make([]bandEntry, c.n)
			for i := range a {
				a[i] = bandEntry{key: uint64(rng.IntN(c.hi))<<32 | uint64(rng.IntN(c.low)), id: int32(i)}
			}
			want := slices.Clone(a)
			slices.SortStableFunc(want, func(x, y bandEntry) int { return cmp.Compare(x.key, y.key) })
			got := sortEntries(a, make([]bandEntry, len(a)))
			if !slices.Equal(got, want) {
				t.Errorf("sortEntries differs from a stable sort")
			}
		})
	}
}
