package index_test

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/neardup/neardup/index"
	"github.com/neardup/neardup/similarity"
)

var thresholds = []float64{0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1}

// TestAllPairsArticle: on the seed article's paragraphs AllPairs returns
// exactly the brute-force pairs, for every threshold, weighting and
// worker count.
func TestAllPairsArticle(t *testing.T) {
	paras := paragraphs(t)
	for _, w := range []similarity.Weighting{{}, {Sublinear: true, IDF: similarity.IDFUnshifted}} {
		vecs := tfidf(paras, w)
		for _, th := range thresholds {
			want := bruteForce(vecs, th)
			for _, workers := range []int{1, 4} {
				got, st, err := index.AllPairsWithStats(vecs, index.AllPairsOptions{Threshold: th, Workers: workers})
				if err != nil {
					t.Fatal(err)
				}
				if d := diffPairs(got, want); d != "" {
					t.Errorf("%+v t=%v workers=%d: %s", w, th, workers, d)
				}
				if st.Pairs != int64(len(got)) || st.Verified < st.Pairs || st.Candidates < st.Verified || st.Indexed > st.Entries {
					t.Errorf("%+v t=%v: inconsistent stats %+v", w, th, st)
				}
			}
		}
	}
	// The headline repeated at lines 3 and 7 must pair, with cosine 1.
	vecs := tfidf(paras, similarity.Weighting{})
	got, err := index.AllPairs(vecs, index.AllPairsOptions{Threshold: 0.99})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(got, func(p index.Pair) bool { return paras[p.A] == paras[p.B] && p.Cosine == 1 }) {
		t.Errorf("repeated headline not found at t=0.99: %+v", got)
	}
}

// TestAllPairsRandom compares with brute force on random zipfian vectors
// with planted near-copies.
func TestAllPairsRandom(t *testing.T) {
	for seed := range uint64(6) {
		rng := rand.New(rand.NewPCG(seed, 7))
		n := 200 + rng.IntN(400)
		vecs := randomVectors(rng, n, 50+rng.IntN(2000), 5+rng.IntN(40))
		for _, th := range thresholds {
			want := bruteForce(vecs, th)
			var ref []index.Pair
			for _, workers := range []int{1, 4} {
				got, err := index.AllPairs(vecs, index.AllPairsOptions{Threshold: th, Workers: workers})
				if err != nil {
					t.Fatal(err)
				}
				if d := diffPairs(got, want); d != "" {
					t.Errorf("seed %d n=%d t=%v workers=%d: %s", seed, n, th, workers, d)
				}
				if ref != nil && !slices.Equal(got, ref) {
					t.Errorf("seed %d t=%v: workers 1 and 4 differ", seed, th)
				}
				ref = got
			}
		}
	}
}

// TestAllPairsPrunes checks that the index does less than brute force: on
// random zipfian vectors at t=0.5 fewer than a fifth of all pairs are even
// met, and the common dimensions are largely left out of the index.
func TestAllPairsPrunes(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	vecs := randomVectors(rng, 2000, 5000, 30)
	_, st, err := index.AllPairsWithStats(vecs, index.AllPairsOptions{Threshold: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	all := int64(len(vecs) * (len(vecs) - 1) / 2)
	if st.Candidates*5 > all || st.Indexed >= st.Entries {
		t.Errorf("stats %+v: candidates %d of %d pairs, indexed %d of %d entries", st, st.Candidates, all, st.Indexed, st.Entries)
	}
	t.Logf("%+v (all pairs %d)", st, all)
}

// TestAllPairsMaxDF: a cap on list length gives a subset of the exact
// answer and counts what it skipped.
func TestAllPairsMaxDF(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	vecs := randomVectors(rng, 1000, 300, 20)
	exact, err := index.AllPairs(vecs, index.AllPairsOptions{Threshold: 0.3})
	if err != nil {
		t.Fatal(err)
	}
	capped, st, err := index.AllPairsWithStats(vecs, index.AllPairsOptions{Threshold: 0.3, MaxDF: 20})
	if err != nil {
		t.Fatal(err)
	}
	if st.Skipped == 0 {
		t.Errorf("MaxDF 20 skipped no list: %+v", st)
	}
	i := 0
	for _, p := range capped {
		for i < len(exact) && (exact[i].A < p.A || exact[i].A == p.A && exact[i].B < p.B) {
			i++
		}
		if i == len(exact) || exact[i] != p {
			t.Fatalf("capped pair %+v not in the exact answer", p)
		}
	}
	t.Logf("MaxDF 20: %d of %d pairs (%+v)", len(capped), len(exact), st)
}

func TestAllPairsEdgeCases(t *testing.T) {
	one := similarity.Vector{Terms: []uint32{4}, Weights: []float32{1}}
	tests := []struct {
		name string
		vecs []similarity.Vector
		t    float64
		want []index.Pair
	}{
		{"no vectors", nil, 0.5, nil},
		{"all empty", []similarity.Vector{{}, {}, {}}, 0.1, nil},
		{"empty among equal", []similarity.Vector{one, {}, one}, 1, []index.Pair{{A: 0, B: 2, Cosine: 1}}},
		{"threshold 1 needs identical", []similarity.Vector{
			one, {Terms: []uint32{4, 5}, Weights: []float32{0.6, 0.8}}, one, one,
		}, 1, []index.Pair{{A: 0, B: 2, Cosine: 1}, {A: 0, B: 3, Cosine: 1}, {A: 2, B: 3, Cosine: 1}}},
		{"cosine exactly at threshold", []similarity.Vector{
			{Terms: []uint32{1, 2}, Weights: []float32{0.6, 0.8}}, {Terms: []uint32{1, 3}, Weights: []float32{0.6, 0.8}},
		}, float64(float32(0.6)) * float64(float32(0.6)), []index.Pair{{A: 0, B: 1, Cosine: 0.36}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := index.AllPairs(tt.vecs, index.AllPairsOptions{Threshold: tt.t})
			if err != nil {
				t.Fatal(err)
			}
			if d := diffPairs(got, tt.want); d != "" {
				t.Errorf("AllPairs: %s", d)
			}
		})
	}
}

func TestAllPairsErrors(t *testing.T) {
	ok := []similarity.Vector{{Terms: []uint32{1}, Weights: []float32{1}}}
	tests := []struct {
		name string
		vecs []similarity.Vector
		opt  index.AllPairsOptions
		want error
	}{
		{"zero threshold", ok, index.AllPairsOptions{}, index.ErrThreshold},
		{"threshold above 1", ok, index.AllPairsOptions{Threshold: 1.5}, index.ErrThreshold},
		{"NaN threshold", ok, index.AllPairsOptions{Threshold: nan()}, index.ErrThreshold},
		{"unsorted vector", []similarity.Vector{{Terms: []uint32{2, 1}, Weights: []float32{0.6, 0.8}}}, index.AllPairsOptions{Threshold: 0.5}, similarity.ErrUnsorted},
		{"unnormalised vector", []similarity.Vector{{Terms: []uint32{1, 2}, Weights: []float32{1, 1}}}, index.AllPairsOptions{Threshold: 0.5}, similarity.ErrNotUnitLen},
		{"negative weight", []similarity.Vector{{Terms: []uint32{1}, Weights: []float32{-1}}}, index.AllPairsOptions{Threshold: 0.5}, similarity.ErrWeight},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := index.AllPairs(tt.vecs, tt.opt); !errors.Is(err, tt.want) {
				t.Errorf("AllPairs error = %v, want %v", err, tt.want)
			}
		})
	}
	for _, opt := range []index.AllPairsOptions{{Threshold: 0.5, MaxDF: -1}, {Threshold: 0.5, Workers: -2}} {
		if _, err := index.AllPairs(ok, opt); err == nil {
			t.Errorf("AllPairs(%+v) accepted", opt)
		}
	}
}

func nan() float64 { z := 0.0; return z / z }
