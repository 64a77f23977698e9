package index_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/neardup/neardup/index"
)

// FuzzAllPairs: on random vectors AllPairs equals brute force, with any
// threshold and worker count, and a higher PrefixThreshold gives a
// subset that still holds every pair at or above it.
func FuzzAllPairs(f *testing.F) {
	f.Add(uint64(1), uint8(40), uint16(30), uint8(8), uint8(128), uint8(1))
	f.Add(uint64(2), uint8(200), uint16(5), uint8(3), uint8(250), uint8(3))
	f.Add(uint64(3), uint8(120), uint16(2000), uint8(40), uint8(20), uint8(2))
	f.Add(uint64(4), uint8(2), uint16(1), uint8(1), uint8(255), uint8(0))
	f.Fuzz(func(t *testing.T, seed uint64, n uint8, dims uint16, size uint8, th uint8, workers uint8) {
		rng := rand.New(rand.NewPCG(seed, uint64(n)))
		vecs := randomVectors(rng, int(n), int(dims)+2, int(size%64)+1)
		threshold := (float64(th) + 1) / 256
		want := bruteForce(vecs, threshold)
		got, err := index.AllPairs(vecs, index.AllPairsOptions{Threshold: threshold, Workers: int(workers % 5)})
		if err != nil {
			t.Fatal(err)
		}
		if d := diffPairs(got, want); d != "" {
			t.Fatalf("n=%d dims=%d t=%v: %s", n, dims, threshold, d)
		}
		one, err := index.AllPairs(vecs, index.AllPairsOptions{Threshold: threshold, Workers: 1})
		if err != nil || !slices.Equal(one, got) {
			t.Fatalf("Workers 1 differs from %d (%v)", workers%5, err)
		}
		// A higher prefix threshold lands between the exact answers.
		tp := min(1, threshold+0.3)
		approx, err := index.AllPairs(vecs, index.AllPairsOptions{Threshold: threshold, PrefixThreshold: tp})
		if err != nil || !subset(approx, got) || !subset(bruteForce(vecs, tp), approx) {
			t.Fatalf("PrefixThreshold %v: %d pairs not between exact answers (%v)", tp, len(approx), err)
		}
	})
}
