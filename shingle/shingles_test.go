package shingle

import (
	"maps"
	"math/bits"
	"slices"
	"strings"
	"testing"
)

// refWordShingles is the slow, obviously right word shingler: every window of
// k terms (or all of them when there are fewer), hashed by the formula in
// WordShingles' doc comment, into a map.
func refWordShingles(terms []string, k int, seed uint64) []uint64 {
	if k < 1 {
		k = 1
	}
	var windows [][]string
	switch {
	case len(terms) == 0:
	case len(terms) < k:
		windows = append(windows, terms)
	default:
		for i := 0; i+k <= len(terms); i++ {
			windows = append(windows, terms[i:i+k])
		}
	}
	set := map[uint64]bool{}
	for _, w := range windows {
		x := seed ^ uint64(len(w))*wySecret3
		for _, t := range w {
			hi, lo := bits.Mul64(x^Hash64(t, seed), wySecret1)
			x = hi ^ lo
		}
		hi, lo := bits.Mul64(x^wySecret0, wySecret2)
		set[hi^lo] = true
	}
	return slices.Sorted(maps.Keys(set))
}

// refCharShingles is the slow, obviously right character shingler.
func refCharShingles(s string, k int, seed uint64) []uint64 {
	if k < 1 {
		k = 1
	}
	runes := []rune(strings.Join(strings.Fields(Normalize(s)), " "))
	set := map[uint64]bool{}
	switch {
	case len(runes) == 0:
	case len(runes) < k:
		set[Hash64(string(runes), seed)] = true
	default:
		for i := 0; i+k <= len(runes); i++ {
			set[Hash64(string(runes[i:i+k]), seed)] = true
		}
	}
	return slices.Sorted(maps.Keys(set))
}

func TestWordShingles(t *testing.T) {
	h := func(terms ...string) uint64 { return refWordShingles(terms, len(terms), 7)[0] }
	tests := []struct {
		name  string
		terms []string
		k     int
		want  []uint64 // as a set; compared sorted
	}{
		{"none", nil, 3, nil},
		{"fewer than k", []string{"china", "allianc"}, 3, []uint64{h("china", "allianc")}},
		{"exactly k", []string{"a", "b", "c"}, 3, []uint64{h("a", "b", "c")}},
		{"sliding", []string{"a", "b", "c", "d"}, 2, []uint64{h("a", "b"), h("b", "c"), h("c", "d")}},
		{"duplicates removed", []string{"a", "b", "a", "b", "a"}, 2, []uint64{h("a", "b"), h("b", "a")}},
		{"k below 1 is 1", []string{"x", "y", "x"}, 0, []uint64{h("x"), h("y")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := slices.Sorted(slices.Values(tt.want))
			if got := WordShingles(tt.terms, tt.k, 7, nil); !slices.Equal(got, want) {
				t.Errorf("WordShingles(%q, %d) = %x, want %x", tt.terms, tt.k, got, want)
			}
		})
	}
	// Order matters, and shingles of different lengths differ.
	if h("a", "b") == h("b", "a") || h("a") == h("a", "a") || h("ab") == h("a", "b") {
		t.Error("shingle hash ignores order or length")
	}
}

func TestCharShingles(t *testing.T) {
	h := func(s string) uint64 { return Hash64(s, 7) }
	tests := []struct {
		name, s string
		k       int
		want    []uint64
	}{
		{"empty", "", 3, nil},
		{"blank", " \t\n\u00a0", 3, nil},
		{"short", " Ab ", 3, []uint64{h("ab")}},
		{"runes not bytes", "\u00e9t\u00e9", 2, []uint64{h("\u00e9t"), h("t\u00e9")}},
		{"spaces collapsed", "a \n\t b", 3, []uint64{h("a b")}},
		{"normalised", "\u201cA\u201d", 3, []uint64{h(`"a"`)}},
		{"duplicates removed", "abab", 2, []uint64{h("ab"), h("ba")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := slices.Sorted(slices.Values(tt.want))
			if got := CharShingles(tt.s, tt.k, 7, nil); !slices.Equal(got, want) {
				t.Errorf("CharShingles(%q, %d) = %x, want %x", tt.s, tt.k, got, want)
			}
		})
	}
}

// TestShinglesAgreeWithReference runs the fast shinglers and the references
// over every line of the seed article, for several k, appending to a
// non-empty dst.
func TestShinglesAgreeWithReference(t *testing.T) {
	a := newAnalyzer(t, Options{})
	prefix := []uint64{42, 1}
	for i, line := range articleLines(t) {
		terms := a.Terms(line, nil)
		for k := range 6 {
			got := WordShingles(terms, k, uint64(i), slices.Clone(prefix))
			if want := append(slices.Clone(prefix), refWordShingles(terms, k, uint64(i))...); !slices.Equal(got, want) {
				t.Errorf("line %d: WordShingles(k=%d) differs from the reference", i+1, k)
			}
			got = CharShingles(line, k, uint64(i), slices.Clone(prefix))
			if want := append(slices.Clone(prefix), refCharShingles(line, k, uint64(i))...); !slices.Equal(got, want) {
				t.Errorf("line %d: CharShingles(k=%d) differs from the reference", i+1, k)
			}
		}
	}
}

// TestShinglesOnArticle checks what the shingles say about the seed article:
// the repeated headline (lines 3 and 7) has identical shingle sets, the three
// rewordings of the pillar paragraph (lines 5, 60, 61) share some, and an
// unrelated line shares none.
func TestShinglesOnArticle(t *testing.T) {
	a := newAnalyzer(t, Options{})
	lines := articleLines(t)
	sh := func(n int) []uint64 { return WordShingles(a.Terms(lines[n-1], nil), 2, 1, nil) }
	if j := jaccard(sh(3), sh(7)); j != 1 {
		t.Errorf("Jaccard(line 3, line 7) = %v, want 1", j)
	}
	if j := jaccard(sh(5), sh(61)); j < 0.1 || j > 0.6 {
		t.Errorf("Jaccard(line 5, line 61) = %v, want a partial overlap", j)
	}
	if j := jaccard(sh(5), sh(17)); j != 0 {
		t.Errorf("Jaccard(line 5, line 17) = %v, want 0", j)
	}
}

// jaccard returns |a ∩ b| / |a ∪ b| of two sorted sets (1 for two empty sets).
func jaccard(a, b []uint64) float64 {
	i, j, inter := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			inter++
			i++
			j++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 1
	}
	return float64(inter) / float64(union)
}
