package index_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/neardup/neardup/index"
	"github.com/neardup/neardup/similarity"
)

// mix is splitmix64's finaliser, the tests' hash.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// minhash appends the k-value MinHash signature of set to sigs: value i is
// the minimum over the set of a hash seeded with i (Broder 1997).
func minhash(sigs []uint64, set []uint64, k int) []uint64 {
	for i := range k {
		m := uint64(math.MaxUint64)
		for _, x := range set {
			m = min(m, mix(x^mix(uint64(i)+1)))
		}
		sigs = append(sigs, m)
	}
	return sigs
}

// referenceLSH is the obviously-right banding: a map from each band's
// values to its members, every pair of every bucket.
func referenceLSH(sigs []uint64, n, bands, rows int) []index.Pair {
	seen := map[[2]int32]bool{}
	for b := range bands {
		buckets := map[string][]int32{}
		for i := range n {
			row := sigs[(i*bands+b)*rows : (i*bands+b+1)*rows]
			if !slices.ContainsFunc(row, func(v uint64) bool { return v != math.MaxUint64 }) {
				continue
			}
			key := fmt.Sprint(row)
			buckets[key] = append(buckets[key], int32(i))
		}
		for _, m := range buckets {
			for x := range m {
				for y := x + 1; y < len(m); y++ {
					seen[[2]int32{m[x], m[y]}] = true
				}
			}
		}
	}
	var out []index.Pair
	for p := range seen {
		out = append(out, index.Pair{A: p[0], B: p[1]})
	}
	slices.SortFunc(out, func(p, q index.Pair) int {
		if p.A != q.A {
			return int(p.A - q.A)
		}
		return int(p.B - q.B)
	})
	return out
}

// plantedSets makes pairs of sets (2i, 2i+1) of random 64-bit elements with
// Jaccard exactly j = inter/(inter+2·diff).
func plantedSets(rng *rand.Rand, pairs, inter, diff int) [][]uint64 {
	var sets [][]uint64
	for range pairs {
		common := make([]uint64, inter)
		for i := range common {
			common[i] = rng.Uint64()
		}
		for range 2 {
			s := slices.Clone(common)
			for range diff {
				s = append(s, rng.Uint64())
			}
			slices.Sort(s)
			sets = append(sets, s)
		}
	}
	return sets
}

// TestLSHProbability measures how often planted pairs of known Jaccard
// similarity become candidates with 20 bands of 5 rows, against
// P(s) = 1-(1-s^5)^20: 0.9996 at 0.8, 0.47 at 0.5, 0.006 at 0.2.
func TestLSHProbability(t *testing.T) {
	const bands, rows, pairs = 20, 5, 1000
	tests := []struct {
		inter, diff int
		lo, hi      float64
	}{
		{80, 10, 0.99, 1},    // s = 0.8
		{50, 25, 0.35, 0.60}, // s = 0.5
		{20, 40, 0, 0.03},    // s = 0.2
	}
	for _, tt := range tests {
		s := float64(tt.inter) / float64(tt.inter+2*tt.diff)
		t.Run(fmt.Sprintf("jaccard %.1f", s), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(tt.inter), 1))
			sets := plantedSets(rng, pairs, tt.inter, tt.diff)
			var sigs []uint64
			for _, set := range sets {
				if got := similarity.Jaccard(sets[0], sets[1]); math.Abs(got-s) > 1e-9 {
					t.Fatalf("planted Jaccard %v, want %v", got, s)
				}
				sigs = minhash(sigs, set, bands*rows)
			}
			got, _, err := index.LSH{Bands: bands, Rows: rows}.Pairs(sigs, len(sets))
			if err != nil {
				t.Fatal(err)
			}
			found := 0
			for _, p := range got {
				if p.A%2 == 0 && p.B == p.A+1 {
					found++
				}
			}
			rate := float64(found) / pairs
			want := 1 - math.Pow(1-math.Pow(s, rows), bands)
			t.Logf("jaccard %.1f: %d of %d planted pairs found (%.4f; theory %.4f); %d candidates in all", s, found, pairs, rate, want, len(got))
			if rate < tt.lo || rate > tt.hi {
				t.Errorf("jaccard %.1f: found %.4f of planted pairs, want in [%v, %v] (theory %.4f)", s, rate, tt.lo, tt.hi, want)
			}
		})
	}
}

// TestLSHReference: with buckets under MaxBucket, LSH equals the map-based
// banding exactly, on the article's word-trigram shingles and on random
// near-duplicate sets, for any worker count.
func TestLSHReference(t *testing.T) {
	paras := paragraphs(t)
	var sets [][]uint64
	for _, p := range paras {
		sets = append(sets, shingles(words(p), 3))
	}
	rng := rand.New(rand.NewPCG(5, 6))
	sets = append(sets, plantedSets(rng, 200, 30, 4)...)
	sets = append(sets, nil, nil) // empty units: all-MaxUint64 signatures
	for _, bands := range []struct{ b, r int }{{20, 5}, {16, 4}, {8, 1}} {
		var sigs []uint64
		for _, s := range sets {
			sigs = minhash(sigs, s, bands.b*bands.r)
		}
		want := referenceLSH(sigs, len(sets), bands.b, bands.r)
		for _, workers := range []int{1, 3} {
			got, st, err := index.LSH{Bands: bands.b, Rows: bands.r, MaxBucket: 1 << 20, Workers: workers}.Pairs(sigs, len(sets))
			if err != nil {
				t.Fatal(err)
			}
			if d := diffPairs(got, want); d != "" {
				t.Errorf("%d×%d workers=%d: %s", bands.b, bands.r, workers, d)
			}
			if st.Oversized != 0 || st.Dropped != 0 || st.Emitted < int64(len(got)) {
				t.Errorf("%d×%d: stats %+v", bands.b, bands.r, st)
			}
		}
	}
	// Every pair of paragraphs with shingle Jaccard >= 0.8 is a candidate.
	var sigs []uint64
	for _, s := range sets[:len(paras)] {
		sigs = minhash(sigs, s, 100)
	}
	got, _, err := index.LSH{Bands: 20, Rows: 5}.Pairs(sigs, len(paras))
	if err != nil {
		t.Fatal(err)
	}
	high := 0
	for a := range paras {
		for b := a + 1; b < len(paras); b++ {
			if similarity.Jaccard(sets[a], sets[b]) >= 0.8 {
				high++
				if !slices.Contains(got, index.Pair{A: int32(a), B: int32(b)}) {
					t.Errorf("paragraphs %d and %d (Jaccard %.2f) not candidates", a, b, similarity.Jaccard(sets[a], sets[b]))
				}
			}
		}
	}
	if high == 0 {
		t.Error("the article has no pair with Jaccard >= 0.8 (its repeated headline)")
	}
}

// shingles returns the sorted unique hashes of the k-word shingles.
func shingles(ws []string, k int) []uint64 {
	var out []uint64
	for i := 0; i+k <= len(ws); i++ {
		var h uint64 = 14695981039346656037
		for _, w := range ws[i : i+k] {
			for _, c := range []byte(w + " ") {
				h = (h ^ uint64(c)) * 1099511628211
			}
		}
		out = append(out, h)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func TestLSHOversized(t *testing.T) {
	const copies = 10
	sig := []uint64{1, 2, 3, 4}
	var sigs []uint64
	for range copies {
		sigs = append(sigs, sig...)
	}
	sigs = append(sigs, 9, 9, 9, 9) // a unit alone in its buckets
	tests := []struct {
		name      string
		maxBucket int
		want      []index.Pair
		st        index.LSHStats
	}{
		{"window 3", 3, window(copies, 3), index.LSHStats{Buckets: 2, Oversized: 2, Dropped: 2 * (45 - 17), Emitted: 2 * 17}},
		{"window 2 chains", 2, window(copies, 2), index.LSHStats{Buckets: 2, Oversized: 2, Dropped: 2 * (45 - 9), Emitted: 2 * 9}},
		{"fits", copies, window(copies, copies), index.LSHStats{Buckets: 2, Emitted: 2 * 45}},
		{"default fits", 0, window(copies, copies), index.LSHStats{Buckets: 2, Emitted: 2 * 45}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, st, err := index.LSH{Bands: 2, Rows: 2, MaxBucket: tt.maxBucket}.Pairs(sigs, copies+1)
			if err != nil {
				t.Fatal(err)
			}
			if d := diffPairs(got, tt.want); d != "" {
				t.Errorf("pairs: %s", d)
			}
			if st != tt.st {
				t.Errorf("stats = %+v, want %+v", st, tt.st)
			}
		})
	}
}

// window lists the pairs (a, b) of 0..n-1 with 0 < b-a < w.
func window(n, w int) []index.Pair {
	var out []index.Pair
	for a := range n {
		for b := a + 1; b < n && b < a+w; b++ {
			out = append(out, index.Pair{A: int32(a), B: int32(b)})
		}
	}
	return out
}

func TestLSHErrors(t *testing.T) {
	tests := []struct {
		name string
		l    index.LSH
		sigs []uint64
		n    int
	}{
		{"no bands", index.LSH{Rows: 2}, make([]uint64, 4), 2},
		{"no rows", index.LSH{Bands: 2}, make([]uint64, 4), 2},
		{"short", index.LSH{Bands: 2, Rows: 2}, make([]uint64, 7), 2},
		{"long", index.LSH{Bands: 2, Rows: 2}, make([]uint64, 12), 2},
		{"negative n", index.LSH{Bands: 2, Rows: 2}, nil, -1},
		{"negative max bucket", index.LSH{Bands: 2, Rows: 2, MaxBucket: -1}, make([]uint64, 8), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, err := tt.l.Pairs(tt.sigs, tt.n); err == nil {
				t.Errorf("%+v.Pairs(%d values, %d) accepted", tt.l, len(tt.sigs), tt.n)
			}
		})
	}
	_, _, err := index.LSH{Bands: 2, Rows: 2}.Pairs(make([]uint64, 7), 2)
	if !errors.Is(err, index.ErrSignatures) {
		t.Errorf("error %v, want ErrSignatures", err)
	}
	if got, _, err := (index.LSH{Bands: 3, Rows: 1}).Pairs(nil, 0); err != nil || got != nil {
		t.Errorf("no units: %v, %v; want nil, nil", got, err)
	}
}
