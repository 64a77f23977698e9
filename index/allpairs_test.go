package index_test

import (
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
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

// mixedParagraphs makes n paragraphs of 2-4 sentences drawn (seeded) from
// the seed article, so that paragraphs share sentences as real ones do.
func mixedParagraphs(t testing.TB, n int) []string {
	var sents []string
	for _, p := range paragraphs(t) {
		for s := range strings.SplitSeq(p, ". ") {
			if len(words(s)) >= 4 {
				sents = append(sents, s)
			}
		}
	}
	rng := rand.New(rand.NewPCG(9, 9))
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for range 2 + rng.IntN(3) {
			b.WriteString(sents[rng.IntN(len(sents))])
			b.WriteString(". ")
		}
		out[i] = b.String()
	}
	return out
}

// TestAllPairsPrunes: on paragraphs mixed from the article's sentences the
// answer equals brute force, while the index meets under half of all
// pairs and leaves over a quarter of the entries (the common terms) out.
func TestAllPairsPrunes(t *testing.T) {
	vecs := tfidf(mixedParagraphs(t, 1500), similarity.Weighting{Sublinear: true})
	all := int64(len(vecs) * (len(vecs) - 1) / 2)
	for _, th := range []float64{0.5, 0.8} {
		got, st, err := index.AllPairsWithStats(vecs, index.AllPairsOptions{Threshold: th})
		if err != nil {
			t.Fatal(err)
		}
		if d := diffPairs(got, bruteForce(vecs, th)); d != "" {
			t.Errorf("t=%v: %s", th, d)
		}
		if st.Candidates*2 > all || st.Verified > st.Candidates || st.Indexed*4 > st.Entries*3 {
			t.Errorf("t=%v: stats %+v, all pairs %d", th, st, all)
		}
		t.Logf("t=%v: %+v (all pairs %d)", th, st, all)
	}
}

// TestAllPairsPrefixThreshold: with a higher prefix threshold the answer
// lies between the exact answers at the two thresholds.
func TestAllPairsPrefixThreshold(t *testing.T) {
	vecs := tfidf(mixedParagraphs(t, 1500), similarity.Weighting{Sublinear: true})
	low, high := bruteForce(vecs, 0.4), bruteForce(vecs, 0.7)
	got, st, err := index.AllPairsWithStats(vecs, index.AllPairsOptions{Threshold: 0.4, PrefixThreshold: 0.7})
	if err != nil {
		t.Fatal(err)
	}
	if !subset(got, low) || !subset(high, got) {
		t.Errorf("PrefixThreshold 0.7: %d pairs, not between %d (t=0.7) and %d (t=0.4)", len(got), len(high), len(low))
	}
	t.Logf("t=0.4, prefix 0.7: %d pairs of %d (%d at 0.7); %+v", len(got), len(low), len(high), st)
	if _, err := index.AllPairs(vecs, index.AllPairsOptions{Threshold: 0.4, PrefixThreshold: 1.1}); err == nil {
		t.Error("PrefixThreshold 1.1 accepted")
	}
}

// subset reports whether every pair of a (sorted) is in b (sorted).
func subset(a, b []index.Pair) bool {
	i := 0
	for _, p := range a {
		for i < len(b) && (b[i].A < p.A || b[i].A == p.A && b[i].B < p.B) {
			i++
		}
		if i == len(b) || b[i] != p {
			return false
		}
	}
	return true
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
	if !subset(capped, exact) {
		t.Errorf("MaxDF 20 gave pairs not in the exact answer")
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

// TestAllPairsSparseIDs: term ids need not be dense; hashes as ids give
// the same answer as dense ids, without a table the size of the id space.
func TestAllPairsSparseIDs(t *testing.T) {
	vecs := tfidf(mixedParagraphs(t, 300), similarity.Weighting{})
	hashed := make([]similarity.Vector, len(vecs))
	for i, v := range vecs {
		m := map[uint32]float32{}
		for k, term := range v.Terms {
			m[uint32(mix(uint64(term))>>32)|1<<31] = v.Weights[k]
		}
		hashed[i] = normalise(m)
	}
	for _, th := range []float64{0.3, 0.7} {
		got, err := index.AllPairs(hashed, index.AllPairsOptions{Threshold: th})
		if err != nil {
			t.Fatal(err)
		}
		if d := diffPairs(got, bruteForce(hashed, th)); d != "" {
			t.Errorf("t=%v: %s", th, d)
		}
	}
}
