package similarity_test

import (
	"errors"
	"math"
	"testing"

	"github.com/neardup/neardup/similarity"
)

func vec(terms []uint32, weights ...float32) similarity.Vector {
	return similarity.Vector{Terms: terms, Weights: weights}
}

func TestCosine(t *testing.T) {
	s := float32(math.Sqrt(0.5))
	tests := []struct {
		name string
		a, b similarity.Vector
		want float64
	}{
		{"both empty", vec(nil), vec(nil), 0},
		{"one empty", vec([]uint32{1}, 1), vec(nil), 0},
		{"same single", vec([]uint32{7}, 1), vec([]uint32{7}, 1), 1},
		{"disjoint", vec([]uint32{1, 2}, s, s), vec([]uint32{3, 4}, s, s), 0},
		{"half overlap", vec([]uint32{1, 2}, s, s), vec([]uint32{2, 3}, s, s), float64(s) * float64(s)},
		{"weighted", vec([]uint32{0, 5}, 0.6, 0.8), vec([]uint32{5, 9}, 0.8, 0.6), 0.8 * 0.8},
		{"extreme ids", vec([]uint32{0, math.MaxUint32}, s, s), vec([]uint32{math.MaxUint32}, 1), float64(s)},
		{"more terms than weights", similarity.Vector{Terms: []uint32{1, 2}, Weights: []float32{1}}, vec([]uint32{1, 2}, s, s), float64(s)},
		// 1.0000001 from rounding: clamped.
		{"clamped", vec([]uint32{1, 2}, 0.70710677, 0.7071068), vec([]uint32{1, 2}, 0.70710677, 0.7071068), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := similarity.Cosine(tt.a, tt.b); math.Abs(got-tt.want) > 1e-7 {
				t.Errorf("Cosine(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
			if got, rev := similarity.Cosine(tt.a, tt.b), similarity.Cosine(tt.b, tt.a); got != rev {
				t.Errorf("Cosine not symmetric: %v vs %v", got, rev)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		v    similarity.Vector
		want error
	}{
		{"empty", vec(nil), nil},
		{"unit", vec([]uint32{1, 4}, 0.6, 0.8), nil},
		{"lengths", similarity.Vector{Terms: []uint32{1, 2}, Weights: []float32{1}}, similarity.ErrLength},
		{"unsorted", vec([]uint32{4, 1}, 0.6, 0.8), similarity.ErrUnsorted},
		{"repeated term", vec([]uint32{1, 1}, 0.6, 0.8), similarity.ErrUnsorted},
		{"zero weight", vec([]uint32{1, 2}, 1, 0), similarity.ErrWeight},
		{"negative weight", vec([]uint32{1, 2}, 0.6, -0.8), similarity.ErrWeight},
		{"NaN weight", vec([]uint32{1}, float32(math.NaN())), similarity.ErrWeight},
		{"infinite weight", vec([]uint32{1}, float32(math.Inf(1))), similarity.ErrWeight},
		{"not normalised", vec([]uint32{1, 2}, 1, 1), similarity.ErrNotUnitLen},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.v.Check(); !errors.Is(err, tt.want) {
				t.Errorf("%v.Check() = %v, want %v", tt.v, err, tt.want)
			}
		})
	}
}

// TestCosineReference compares Cosine with a map-based dot product over
// every pair of the article's paragraph vectors.
func TestCosineReference(t *testing.T) {
	_, docs := termIDs(paragraphs(t))
	var df similarity.DocFreq
	for _, d := range docs {
		df.Add(d)
	}
	vecs := make([]similarity.Vector, len(docs))
	for i, d := range docs {
		similarity.Weighting{}.Vector(d, &df, &vecs[i])
	}
	for i := range vecs {
		m := map[uint32]float64{}
		for k, term := range vecs[i].Terms {
			m[term] = float64(vecs[i].Weights[k])
		}
		for j := range vecs {
			var want float64
			for k, term := range vecs[j].Terms {
				want += m[term] * float64(vecs[j].Weights[k])
			}
			want = min(want, 1)
			if got := similarity.Cosine(vecs[i], vecs[j]); math.Abs(got-want) > 1e-12 {
				t.Errorf("Cosine(para %d, para %d) = %v, want %v", i, j, got, want)
			}
		}
	}
}
