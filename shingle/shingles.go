package shingle

import (
	"slices"
	"unicode/utf8"
)

// WordShingles appends to dst the set of hashes of the word shingles of terms
// and returns the extended slice (pass dst[:0] to reuse its storage). A
// shingle is a run of k consecutive terms (Broder 1997, "On the resemblance
// and containment of documents"); fewer than k terms (but at least one) make
// one shingle of all of them, no terms make none. k < 1 counts as 1. The
// appended part is sorted ascending with duplicates removed.
//
// The hash of the shingle t_1 ... t_m under seed is
//
//	x_0 = seed ⊕ m·c3,  x_j = mum(x_{j-1} ⊕ Hash64(t_j, seed), c1),  H = mum(x_m ⊕ c0, c2)
//
// where mum is wyhash's multiply-fold (see Hash64) and c0..c3 are wyhash's
// secret: each term is hashed once, whatever k.
func WordShingles(terms []string, k int, seed uint64, dst []uint64) []uint64 {
	k = max(k, 1)
	n := len(terms)
	if n == 0 {
		return dst
	}
	m := min(k, n)
	base := len(dst)
	for _, t := range terms {
		dst = append(dst, Hash64(t, seed))
	}
	// In place: shingle i needs the term hashes i..i+m-1, and overwrites the
	// hash of term i, which no later shingle needs.
	out := dst[base:]
	for i := range n - m + 1 {
		out[i] = combine(out[i:i+m], seed)
	}
	return sortUnique(dst[:base+n-m+1], base)
}

// combine returns the shingle hash of the term hashes g (see WordShingles).
func combine(g []uint64, seed uint64) uint64 {
	x := seed ^ uint64(len(g))*wySecret3
	for _, h := range g {
		x = mix(x^h, wySecret1)
	}
	return mix(x^wySecret0, wySecret2)
}

// CharShingles appends to dst the set of hashes of the character k-grams of
// s and returns the extended slice (pass dst[:0] to reuse its storage). The
// k-grams are runs of k runes of Normalize(s) with white space trimmed and
// every run of white space collapsed to one ' '; a text of fewer than k runes
// (but at least one) is one k-gram, an empty or blank text has none; k < 1
// counts as 1. Each k-gram is hashed as Hash64(kgram, seed). The appended part
// is sorted ascending with duplicates removed.
func CharShingles(s string, k int, seed uint64, dst []uint64) []uint64 {
	k = max(k, 1)
	b := collapseSpace(appendNormalized(make([]byte, 0, len(s)+len(s)/8+8), s))
	if len(b) == 0 {
		return dst
	}
	base := len(dst)
	// [i, j) holds k runes (fewer at the end of a short text).
	i, j := 0, 0
	for range k {
		if j == len(b) {
			break
		}
		_, size := utf8.DecodeRune(b[j:])
		j += size
	}
	for {
		dst = append(dst, wyhash(b[i:j], seed))
		if j == len(b) {
			break
		}
		_, size := utf8.DecodeRune(b[i:])
		i += size
		_, size = utf8.DecodeRune(b[j:])
		j += size
	}
	return sortUnique(dst, base)
}

// collapseSpace trims ' ' from both ends of b and collapses runs of ' ' to
// one, in place (b is normal form: all white space is ' ').
func collapseSpace(b []byte) []byte {
	n := 0
	space := false
	for _, c := range b {
		if c == ' ' {
			space = n > 0
			continue
		}
		if space {
			b[n] = ' '
			n++
			space = false
		}
		b[n] = c
		n++
	}
	return b[:n]
}

// sortUnique sorts s[base:] and removes its duplicates.
func sortUnique(s []uint64, base int) []uint64 {
	slices.Sort(s[base:])
	return s[:base+len(slices.Compact(s[base:]))]
}
