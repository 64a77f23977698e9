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
	info  []vecInfo // by processing number
	ent   []uint64  // rank<<32 | float32 bits of the weight, rank ascending per vector
	maxw  []float64 // maxw[rank], the largest weight of the dimension
	plist []int     // posting list of rank r: post[plist[r]:plist[r+1]]
	post  []posting // sorted by id within each list
}

// vecInfo is what probing needs of a vector, in one cache line's share:
// verification reads it for vectors met at random.
type vecInfo struct {
	off   int     // its entries are ent[off:off+n]
	n     int32   // number of entries
	split int32   // ent[off:off+split] is the prefix y⁻, the rest indexed
	ps    float32 // bound on x·y⁻ for any later x, rounded up
	mw    float32 // largest weight
	pre   float32 // ||y⁻||, rounded up
	rsplt uint32  // rank of the first indexed entry: y⁻ has the ranks below it
}

func (v *vecInfo) entries(ent []uint64) []uint64 { return ent[v.off : v.off+int(v.n)] }

func entry(rank uint32, w float32) uint64 { return uint64(rank)<<32 | uint64(math.Float32bits(w)) }
func entryRank(e uint64) uint32           { return uint32(e >> 32) }
func entryWeight(e uint64) float64        { return float64(math.Float32frombits(uint32(e))) }

// build ranks dimensions and vectors, cuts every vector into its prefix and
// suffix for threshold tp, and indexes the suffixes.
func build(vecs []similarity.Vector, tp float64) *apIndex {
	ix := &apIndex{tp: tp}

	// Document frequency and largest weight of every term. Term ids are
	// used as array indexes when they are dense (from a Vocabulary);
	// sparse ids (hashes, say) are first numbered through a map, so a
	// large id cannot make a huge allocation.
	nd, entries := 0, 0
	for _, v := range vecs {
		if k := len(v.Terms); k > 0 {
			nd = max(nd, int(v.Terms[k-1])+1)
			entries += k
		}
	}
	var sparse map[uint32]uint32
	dim := func(t uint32) uint32 { return t }
	if nd > 2*entries+1<<16 {
		sparse = make(map[uint32]uint32)
		for _, v := range vecs {
			for _, t := range v.Terms {
				if _, ok := sparse[t]; !ok {
					sparse[t] = uint32(len(sparse))
				}
			}
		}
		nd = len(sparse)
		dim = func(t uint32) uint32 { return sparse[t] }
	}
	df := make([]int32, nd)
	maxw := make([]float32, nd)
	for _, v := range vecs {
		for k, t := range v.Terms {
			t = dim(t)
			df[t]++
			maxw[t] = max(maxw[t], v.Weights[k])
		}
		ix.nmax = max(ix.nmax, v.Norm())
	}

	// Rank the terms that occur: most frequent first, ties by dense id.
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
	ix.info = make([]vecInfo, n)
	total := 0
	for p, k := range keys {
		ix.order[p] = int32(uint32(k))
		m := len(vecs[ix.order[p]].Terms)
		ix.info[p] = vecInfo{off: total, n: int32(m), mw: math.Float32frombits(^uint32(k >> 32))}
		total += m
	}

	// Entries in rank order, and the cut of each vector.
	ix.ent = make([]uint64, total)
	counts := make([]int, len(terms)+1)
	for p := range n {
		v := vecs[ix.order[p]]
		vi := &ix.info[p]
		e := vi.entries(ix.ent)
		for k, t := range v.Terms {
			e[k] = entry(rank[dim(t)], v.Weights[k])
		}
		slices.Sort(e)
		k, ps := ix.cut(e, float64(vi.mw))
		vi.split = int32(k)
		vi.ps = roundUp(ps)
		var sq float64
		for _, x := range e[:k] {
			sq += entryWeight(x) * entryWeight(x)
		}
		vi.pre = roundUp(math.Sqrt(sq))
		vi.rsplt = math.MaxUint32
		if k < len(e) {
			vi.rsplt = entryRank(e[k])
		}
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
		e := ix.info[p].entries(ix.ent)
		var sq float64
		for _, x := range e[:ix.info[p].split] {
			sq += entryWeight(x) * entryWeight(x)
		}
		for _, x := range e[ix.info[p].split:] {
			r := entryRank(x)
			ix.post[fill[r]] = posting{id: int32(p), w: math.Float32frombits(uint32(x)), pn: roundUp(math.Sqrt(sq))}
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

// roundUp returns the smallest float32 >= x, so a bound stays a bound.
func roundUp(x float64) float32 {
	f := float32(x)
	if float64(f) < x {
		f = math.Nextafter32(f, float32(math.Inf(1)))
	}
	return f
}
