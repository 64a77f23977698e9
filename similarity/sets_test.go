package similarity_test

import (
	"math/rand/v2"
	"testing"

	"github.com/neardup/neardup/similarity"
)

func TestSets(t *testing.T) {
	tests := []struct {
		name                 string
		a, b                 []uint64
		inter                int
		jaccard, containment float64
	}{
		{"both empty", nil, nil, 0, 0, 0},
		{"one empty", []uint64{1, 2}, nil, 0, 0, 0},
		{"identical", []uint64{1, 5, 9}, []uint64{1, 5, 9}, 3, 1, 1},
		{"disjoint", []uint64{1, 3}, []uint64{2, 4}, 0, 0, 0},
		{"half", []uint64{1, 2, 3}, []uint64{2, 3, 4}, 2, 0.5, 2.0 / 3},
		{"subset", []uint64{2, 3}, []uint64{1, 2, 3, 4, 5, 6}, 2, 2.0 / 6, 1},
		{"superset", []uint64{1, 2, 3, 4, 5, 6}, []uint64{6}, 1, 1.0 / 6, 1},
		{"extremes", []uint64{0, 1 << 63, ^uint64(0)}, []uint64{0, ^uint64(0)}, 2, 2.0 / 3, 1},
		{"interleaved", []uint64{1, 3, 5, 7, 9}, []uint64{2, 3, 4, 7, 10, 11}, 2, 2.0 / 9, 2.0 / 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, swap := range []bool{false, true} {
				a, b := tt.a, tt.b
				if swap {
					a, b = b, a
				}
				if got := similarity.Intersect(a, b); got != tt.inter {
					t.Errorf("Intersect(%v, %v) = %d, want %d", a, b, got, tt.inter)
				}
				if got := similarity.Jaccard(a, b); got != tt.jaccard {
					t.Errorf("Jaccard(%v, %v) = %v, want %v", a, b, got, tt.jaccard)
				}
				if got := similarity.Containment(a, b); got != tt.containment {
					t.Errorf("Containment(%v, %v) = %v, want %v", a, b, got, tt.containment)
				}
			}
		})
	}
}

// TestAtLeast checks AtLeast, which stops early, against Intersect on
// random small sets, for every k around the answer.
func TestAtLeast(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	set := func() []uint32 {
		var s []uint32
		for x := uint32(0); x < 30; x++ {
			if r.IntN(3) == 0 {
				s = append(s, x)
			}
		}
		return s
	}
	for range 5000 {
		a, b := set(), set()
		n := similarity.Intersect(a, b)
		for k := 0; k <= n+2; k++ {
			if got, want := similarity.AtLeast(a, b, k), n >= k; got != want {
				t.Fatalf("AtLeast(%v, %v, %d) = %v, want %v (%d shared)", a, b, k, got, want, n)
			}
		}
	}
}
