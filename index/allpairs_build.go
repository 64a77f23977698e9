package index

import (
	"math"
	"slices"

	"github.com/neardup/neardup/similarity"
)

// posting is one indexed entry: the vector y (by processing number), its
// weight in the list's dimension j, and ||y_{<j}||, the norm of y's
// entries in more frequent dimensions (L2AP's prefix norm).
type posting struct {
	id int32
	w  float32
	pn float32
}

// apIndex is the All-Pairs index over one set of vectors. Vectors are
// renumbered in processing order p = 0..n-1 (decreasing max weight) and
// dimensions in rank order (decreasing document frequency); see the
// comment at the top of allpairs.go.
type apIndex struct {
	tp    float64   // prefix threshold less boundSlack: where vectors are cut
	nmax  float64   // largest vector norm (1 up to rounding), for Cauchy-Schwarz
	order []int32   // processing number -> index into the caller's vectors
	off   []int     // entries of vector p: ent[off[p]:off[p+1]]
	split []int     // ent[off[p]:split[p]] is the prefix, the rest indexed
	ent   []uint64  // rank<<32 | float32 bits of the weight, rank ascending per vector
	ps    []float64 // ps[p] bounds x·y⁻ for y = p and any later x
	mw    []float32 // mw[p], the largest weight of vector p
	maxw  []float64 // maxw[rank], the largest weight of the dimension
	plist []int     // posting list of rank r: post[plist[r]:plist[r+1]]
	post  []posting // sorted by id within each list
}

func entry(rank uint32, w float32) uint64 { return uint64(rank)<<32 | uint64(math.Float32bits(w)) }
func entryRank(e uint64) uint32           { return uint32(e >> 32) }
func entryWeight(e uint64) float64        { return float64(math.Float32frombits(uint32(e))) }

// build ranks dimensions and vectors, cuts every vector into its prefix and
// suffix for threshold tp, and indexes the suffixes.
func build(vecs []similarity.Vector, tp float64) *apIndex {
	ix := &apIndex{tp: tp}

	// Document frequency and largest weight of every term.
	nd := 0
	for _, v := range vecs {
		if k := len(v.Terms); k > 0 {
			nd = max(nd, int(v.Terms[k-1])+1)
		}
	}
	df := make([]int32, nd)
	maxw := make([]float32, nd)
	for _, v := range vecs {
		for k, t := range v.Terms {
			df[t]++
			maxw[t] = max(maxw[t], v.Weights[k])
		}
		ix.nmax = max(ix.nmax, v.Norm())
	}

	// Rank the terms that occur: most frequent first, ties by term id.
	terms := make([]uint32, 0, nd)
	for t, f := range df {
		if f > 0 {
			terms = append(terms, uint32(t))
		}
	}
	slices.SortFunc(terms, func(a, b uint32) int {
		if df[a] != df[b] {
			return int(df[b]) - int(df[a])
		}
		return int(a) - int(b)
	})
	rank := make([]uint32, nd)
	ix.maxw = make([]float64, len(terms))
	for r, t := range terms {
		rank[t] = uint32(r)
		ix.maxw[r] = float64(maxw[t])
	}

	// Order the non-empty vectors by decreasing max weight, ties by index:
	// the bits of a positive float32 sort like its value.
	keys := make([]uint64, 0, len(vecs))
	for i, v := range vecs {
		if len(v.Weights) > 0 {
			keys = append(keys, uint64(^math.Float32bits(slices.Max(v.Weights)))<<32|uint64(i))
		}
	}
	slices.Sort(keys)
	n := len(keys)
	ix.order = make([]int32, n)
	ix.mw = make([]float32, n)
	ix.off = make([]int, n+1)
	for p, k := range keys {
		ix.order[p] = int32(uint32(k))
		ix.mw[p] = math.Float32frombits(^uint32(k >> 32))
		ix.off[p+1] = ix.off[p] + len(vecs[ix.order[p]].Terms)
	}

	// Entries in rank order, and the cut of each vector.
	ix.ent = make([]uint64, ix.off[n])
	ix.split = make([]int, n)
	ix.ps = make([]float64, n)
	counts := make([]int, len(terms)+1)
	for p := range n {
		v := vecs[ix.order[p]]
		e := ix.ent[ix.off[p]:ix.off[p+1]]
		for k, t := range v.Terms {
			e[k] = entry(rank[t], v.Weights[k])
		}
		slices.Sort(e)
		k, ps := ix.cut(e, float64(ix.mw[p]))
		ix.split[p] = ix.off[p] + k
		ix.ps[p] = ps
		for _, x := range e[k:] {
			counts[entryRank(x)+1]++
		}
	}

	// Posting lists of the suffixes, filled in processing order so each
	// list is sorted by id.
	for r := range len(terms) {
		counts[r+1] += counts[r]
	}
	ix.plist = counts
	ix.post = make([]posting, counts[len(terms)])
	fill := slices.Clone(counts[:len(terms)])
	for p := range n {
		var sq float64
		for _, x := range ix.ent[ix.off[p]:ix.split[p]] {
			sq += entryWeight(x) * entryWeight(x)
		}
		for _, x := range ix.ent[ix.split[p]:ix.off[p+1]] {
			r := entryRank(x)
			ix.post[fill[r]] = posting{id: int32(p), w: math.Float32frombits(uint32(x)), pn: float32(math.Sqrt(sq))}
			fill[r]++
			sq += entryWeight(x) * entryWeight(x)
		}
	}
	return ix
}

// cut returns the number k of leading (most frequent) entries of a vector
// that can stay out of the index for threshold tp, and the bound ps on
// their dot product with any later vector:
//
//	ps = min( Σ_{j<k} y_j · min(maxw[j], mw),  nmax · sqrt(Σ_{j<k} y_j²) ) < tp,
//
// k being the longest prefix whose bound stays below tp. nmax, the largest
// norm of any vector (1 up to rounding), makes the Cauchy-Schwarz bound
// hold for vectors normalised only to within similarity.NormTolerance.
func (ix *apIndex) cut(e []uint64, mw float64) (int, float64) {
	var b1, sq, ps float64
	for k, x := range e {
		w := entryWeight(x)
		b1 += w * min(ix.maxw[entryRank(x)], mw)
		sq += w * w
		b := min(b1, ix.nmax*math.Sqrt(sq))
		if b >= ix.tp {
			return k, ps
		}
		ps = b
	}
	return len(e), ps
}
