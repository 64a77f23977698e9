package shingle

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
)

func TestNewMinHasher(t *testing.T) {
	for _, n := range []int{0, -1, MaxPermutations + 1} {
		if m, err := NewMinHasher(n, 1); m != nil || !errors.Is(err, ErrPermutations) {
			t.Errorf("NewMinHasher(%d) = %v, %v; want nil, ErrPermutations", n, m, err)
		}
	}
	for _, n := range []int{1, 3, 64, 129} {
		m, err := NewMinHasher(n, 5)
		if err != nil {
			t.Fatalf("NewMinHasher(%d): %v", n, err)
		}
		if m.Size() != n || m.Seed() != 5 {
			t.Errorf("NewMinHasher(%d, 5): Size() = %d, Seed() = %d", n, m.Size(), m.Seed())
		}
	}
}

// refSign is the slow, obviously right signature: for each permutation, the
// minimum of its values over the set.
func refSign(m *MinHasher, set []uint64) []uint64 {
	sig := make([]uint64, m.Size())
	for j, p := range m.perms {
		sig[j] = math.MaxUint64
		for _, x := range set {
			if v := (x ^ p.xor) * p.mul; v < sig[j] {
				sig[j] = v
			}
		}
	}
	return sig
}

func TestSign(t *testing.T) {
	set := []uint64{5, 1 << 63, 77, 5, 1<<64 - 1}
	for _, n := range []int{1, 3, 4, 7, 64, 129} {
		m, _ := NewMinHasher(n, 3)
		want := refSign(m, set)
		got := m.Sign(set, []uint64{9})
		if len(got) != n+1 || got[0] != 9 || !equalU64(got[1:], want) {
			t.Errorf("n=%d: Sign appended %x, want %x", n, got, want)
		}
		// order and repetition do not matter
		if perm := m.Sign([]uint64{1<<64 - 1, 77, 1 << 63, 5}, nil); !equalU64(perm, want) {
			t.Errorf("n=%d: signature depends on the order of the set", n)
		}
		empty := m.Sign(nil, nil)
		for j, v := range empty {
			if v != math.MaxUint64 {
				t.Errorf("n=%d: Sign(empty)[%d] = %#x, want MaxUint64", n, j, v)
			}
		}
	}
}

func TestEstimateJaccard(t *testing.T) {
	tests := []struct {
		name string
		a, b []uint64
		want float64
	}{
		{"empty", nil, nil, 0},
		{"equal", []uint64{1, 2, 3, 4}, []uint64{1, 2, 3, 4}, 1},
		{"half", []uint64{1, 2, 3, 4}, []uint64{1, 9, 3, 9}, 0.5},
		{"none", []uint64{1, 2}, []uint64{3, 4}, 0},
		{"common prefix", []uint64{1, 2, 3}, []uint64{1, 5}, 0.5},
	}
	for _, tt := range tests {
		if got := EstimateJaccard(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: EstimateJaccard(%v, %v) = %v, want %v", tt.name, tt.a, tt.b, got, tt.want)
		}
	}
}

// TestMinHashAccuracyArticle compares the MinHash estimate with the exact
// Jaccard similarity of the three rewordings of the seed article's pillar
// paragraph (lines 5, 60, 61) and the repeated headline, over word shingles
// of several sizes and character 5-grams, averaged over 30 seeds.
func TestMinHashAccuracyArticle(t *testing.T) {
	a := newAnalyzer(t, Options{})
	lines := articleLines(t)
	sets := map[string]func(line int) []uint64{
		"words k=1": func(n int) []uint64 { return WordShingles(a.Terms(lines[n-1], nil), 1, 11, nil) },
		"words k=2": func(n int) []uint64 { return WordShingles(a.Terms(lines[n-1], nil), 2, 11, nil) },
		"words k=3": func(n int) []uint64 { return WordShingles(a.Terms(lines[n-1], nil), 3, 11, nil) },
		"chars k=5": func(n int) []uint64 { return CharShingles(lines[n-1], 5, 11, nil) },
	}
	const perms, seeds = 128, 30
	for name, shingles := range sets {
		for _, pair := range [][2]int{{5, 60}, {5, 61}, {60, 61}, {3, 7}, {5, 17}} {
			x, y := shingles(pair[0]), shingles(pair[1])
			exact := jaccard(x, y)
			sd := math.Sqrt(exact * (1 - exact) / perms)
			sum := 0.0
			for seed := range uint64(seeds) {
				m, _ := NewMinHasher(perms, seed)
				est := EstimateJaccard(m.Sign(x, nil), m.Sign(y, nil))
				if math.Abs(est-exact) > 4.5*sd+1.0/perms {
					t.Errorf("%s, lines %d/%d, seed %d: estimate %.3f, exact %.3f (sd %.3f)", name, pair[0], pair[1], seed, est, exact, sd)
				}
				sum += est
			}
			if mean := sum / seeds; math.Abs(mean-exact) > 4*sd/math.Sqrt(seeds)+1e-9 {
				t.Errorf("%s, lines %d/%d: mean estimate %.4f, exact %.4f", name, pair[0], pair[1], mean, exact)
			}
		}
	}
}

// TestMinHashAccuracyRandom builds pairs of random sets with a known Jaccard
// similarity and checks that the estimates are unbiased and spread as the
// binomial formula predicts: neither bias nor correlation between the
// permutations.
func TestMinHashAccuracyRandom(t *testing.T) {
	const trials = 300
	state := uint64(12345)
	for _, perms := range []int{64, 128} {
		for _, c := range []struct{ shared, onlyA, onlyB int }{
			{5, 45, 50}, {30, 35, 35}, {50, 25, 25}, {80, 10, 10}, {190, 5, 5},
		} {
			exact := float64(c.shared) / float64(c.shared+c.onlyA+c.onlyB)
			var sum, sumSq float64
			for trial := range trials {
				var x, y []uint64
				for range c.shared {
					v := splitmix64(&state)
					x, y = append(x, v), append(y, v)
				}
				for range c.onlyA {
					x = append(x, splitmix64(&state))
				}
				for range c.onlyB {
					y = append(y, splitmix64(&state))
				}
				m, _ := NewMinHasher(perms, uint64(trial))
				est := EstimateJaccard(m.Sign(x, nil), m.Sign(y, nil))
				sum += est
				sumSq += (est - exact) * (est - exact)
			}
			variance := exact * (1 - exact) / float64(perms)
			mean, mse := sum/trials, sumSq/trials
			if math.Abs(mean-exact) > 4*math.Sqrt(variance/trials) {
				t.Errorf("%d perms, J=%.3f: mean estimate %.4f (bias beyond 4 standard errors)", perms, exact, mean)
			}
			if mse < 0.6*variance || mse > 1.5*variance {
				t.Errorf("%d perms, J=%.3f: mean squared error %.5f, binomial variance %.5f", perms, exact, mse, variance)
			}
		}
	}
}

// TestMinHashGolden pins signatures, shingles and hashes of the seed
// article's lines 5, 60 and 61: the same seed must give the same values in
// every process, on every platform and after every change to this package
// that does not mean to change them (then run go test -update and say so).
func TestMinHashGolden(t *testing.T) {
	a := newAnalyzer(t, Options{})
	lines := articleLines(t)
	m64, _ := NewMinHasher(64, 2024)
	var b strings.Builder
	for _, n := range []int{5, 60, 61} {
		terms := a.Terms(lines[n-1], nil)
		words := WordShingles(terms, 3, 1, nil)
		chars := CharShingles(lines[n-1], 5, 1, nil)
		fmt.Fprintf(&b, "line %d terms %s\n", n, strings.Join(terms, " "))
		fmt.Fprintf(&b, "line %d Hash64(first term, 1) %016x\n", n, Hash64(terms[0], 1))
		fmt.Fprintf(&b, "line %d word 3-shingles %d first %016x last %016x\n", n, len(words), words[0], words[len(words)-1])
		fmt.Fprintf(&b, "line %d char 5-shingles %d first %016x last %016x\n", n, len(chars), chars[0], chars[len(chars)-1])
		fmt.Fprintf(&b, "line %d minhash64 words %x\n", n, m64.Sign(words, nil))
		fmt.Fprintf(&b, "line %d minhash64 chars %x\n", n, m64.Sign(chars, nil))
	}
	checkGolden(t, "signatures.golden", []byte(b.String()))
}

func equalU64(a, b []uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
