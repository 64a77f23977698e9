package index_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/neardup/neardup/index"
	"github.com/neardup/neardup/similarity"
)

// uniformVector has equal weights on terms and the given norm.
func uniformVector(terms []uint32, norm float64) similarity.Vector {
	w := float32(norm / math.Sqrt(float64(len(terms))))
	v := similarity.Vector{Terms: terms}
	for range terms {
		v.Weights = append(v.Weights, w)
	}
	return v
}

// TestAllPairsNormTolerance: vectors normalised only to within
// similarity.NormTolerance (which Check accepts) lose no pair to the size
// bounds. Two copies of one direction with norms 0.99995 and 1.00009 have
// cosine 1; the size filter once assumed norms of exactly 1 and dropped
// them, and random vectors scaled within the tolerance lost 4 pairs in
// 1,200 searches.
func TestAllPairsNormTolerance(t *testing.T) {
	terms := []uint32{1, 2, 3, 4}
	x, y := uniformVector(terms, 0.99995), uniformVector(append([]uint32(nil), terms...), 1.00009)
	for _, v := range []similarity.Vector{x, y} {
		if err := v.Check(); err != nil {
			t.Fatal(err)
		}
	}
	vecs := []similarity.Vector{x, y}
	for _, th := range []float64{1, similarity.Cosine(x, y)} {
		got, err := index.AllPairs(vecs, index.AllPairsOptions{Threshold: th})
		if err != nil {
			t.Fatal(err)
		}
		if d := diffPairs(got, bruteForce(vecs, th)); d != "" {
			t.Errorf("t=%v: %s", th, d)
		}
	}
	rng := rand.New(rand.NewPCG(7, 9))
	for trial := range 300 {
		vecs := randomVectors(rng, 60, 20+rng.IntN(200), 1+rng.IntN(20))
		for i := range vecs {
			s := 1 + (rng.Float64()*2-1)*0.99e-4
			for k := range vecs[i].Weights {
				vecs[i].Weights[k] = float32(float64(vecs[i].Weights[k]) * s)
			}
			if vecs[i].Check() != nil {
				vecs[i] = similarity.Vector{}
			}
		}
		th := similarity.Cosine(vecs[rng.IntN(60)], vecs[rng.IntN(60)])
		if !(th > 0) {
			th = 0.5
		}
		for _, tt := range []float64{th, math.Nextafter(th, 2), 0.3, 0.9} {
			if tt > 1 {
				continue
			}
			got, err := index.AllPairs(vecs, index.AllPairsOptions{Threshold: tt, Workers: 1 + trial%3})
			if err != nil {
				t.Fatal(err)
			}
			if d := diffPairs(got, bruteForce(vecs, tt)); d != "" {
				t.Fatalf("trial %d, t=%v: %s", trial, tt, d)
			}
		}
	}
}
