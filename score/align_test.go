package score

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestCompounds checks that a word written as one on one side and as two
// or three on the other aligns whole, and that the explanation shows it
// once.
func TestCompounds(t *testing.T) {
	s := newTestScorer(t)
	c := s.NewCorpus(nil)
	a := s.Analyze("Visit our web site for health care news.")
	b := s.Analyze("Visit our website for healthcare news.")
	if f := s.Features(c, a, b); f.Align < 1-1e-9 || f.Unshared != 0 {
		t.Errorf("web site / website, health care / healthcare: Align = %v, Unshared = %v; want 1, 0", f.Align, f.Unshared)
	}
	e := s.Explain(c, a, b)
	if got := fmt.Sprint(e.Aligned); got != "[{web site website compound 1} {health care healthcare compound 1}]" {
		t.Errorf("aligned %s", got)
	}
	if len(e.OnlyA)+len(e.OnlyB) != 0 {
		t.Errorf("only in A %q, B %q; want none", e.OnlyA, e.OnlyB)
	}
	// The same the other way round, and a hashtag of three words.
	e = s.Explain(c, s.Analyze("Watch #newyorkcity marathon live"), s.Analyze("Watch the New York City marathon live"))
	if got := fmt.Sprint(e.Aligned); got != "[{newyorkcity new york city compound 1}]" {
		t.Errorf("aligned %s", got)
	}
	// Words that only share letters do not: "carpet" is not "car pet" when
	// the other side has no such run, and a run already aligned stays so.
	e = s.Explain(c, s.Analyze("The carpet was new."), s.Analyze("The car was new."))
	for _, p := range e.Aligned {
		if p.How == "compound" {
			t.Errorf("carpet / car: %v", p)
		}
	}
}

// TestLCS checks the bit-parallel LCS against the textbook table on
// random sequences: small alphabets (many matches), lengths around the
// 64-bit word boundaries, and sides of very different length.
func TestLCS(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var sc pairScratch
	for _, n := range []int{1, 2, 63, 64, 65, 127, 128, 129, 200, 700} {
		for _, m := range []int{1, 5, 63, 64, 65, 130, 300} {
			for _, alpha := range []uint32{2, 5, 40, 1 << 20} {
				a, b := make([]uint32, n), make([]uint32, m)
				for i := range a {
					a[i] = rng.Uint32N(alpha)
				}
				for i := range b {
					b[i] = rng.Uint32N(alpha)
				}
				want := lcsTable(a, b)
				for _, pair := range [][2][]uint32{{a, b}, {b, a}} {
					x, y := pair[0], pair[1]
					if len(x) < len(y) {
						x, y = y, x
					}
					if got := lcs(x, y, &sc); got != want {
						t.Fatalf("lcs(n=%d, m=%d, alphabet %d) = %d, want %d", len(x), len(y), alpha, got, want)
					}
				}
			}
		}
	}
}

// lcsTable is the textbook full-table LCS.
func lcsTable(a, b []uint32) int {
	t := make([][]int, len(a)+1)
	for i := range t {
		t[i] = make([]int, len(b)+1)
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				t[i][j] = t[i-1][j-1] + 1
			default:
				t[i][j] = max(t[i-1][j], t[i][j-1])
			}
		}
	}
	return t[len(a)][len(b)]
}
