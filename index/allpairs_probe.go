package index

import (
	"cmp"
	"context"
	"math"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/neardup/neardup/similarity"
)

// pruned marks in the accumulator a vector that cannot reach the threshold.
const pruned = -1.0

// candidate is a vector met while probing, with its partial dot product.
type candidate struct {
	y int32
	a float64
}

// prober is one worker's state: a dense accumulator over vector numbers,
// the numbers it touched, the pairs found and the counts.
type prober struct {
	ix      *apIndex
	vecs    []similarity.Vector
	t       float64
	maxDF   int
	acc     []float64 // by vector number; 0 untouched, pruned, or the partial dot product
	dense   []float64 // by rank: the weights of the vector being probed, else 0
	cum     []float64 // cum[k]: Σ x_i² over the vector's first k entries, k <= len
	surv    []candidate
	touched []int32
	pairs   []Pair
	st      AllPairsStats
}

// probeAll probes every vector against the index with the given number of
// workers and returns the pairs, unsorted, and the counts.
func (ix *apIndex) probeAll(ctx context.Context, vecs []similarity.Vector, t float64, maxDF, workers int) ([]Pair, AllPairsStats) {
	n := len(ix.order)
	workers = max(1, min(workers, (n+probeChunk-1)/probeChunk))
	probers := make([]*prober, workers)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range probers {
		pr := &prober{ix: ix, vecs: vecs, t: t, maxDF: maxDF, acc: make([]float64, n), dense: make([]float64, len(ix.maxw))}
		probers[w] = pr
		wg.Go(func() {
			for {
				lo := int(next.Add(probeChunk)) - probeChunk
				if lo >= n || ctx != nil && ctx.Err() != nil {
					return
				}
				for p := lo; p < min(lo+probeChunk, n); p++ {
					pr.probe(int32(p))
				}
			}
		})
	}
	wg.Wait()
	var st AllPairsStats
	total := 0
	for _, pr := range probers {
		total += len(pr.pairs)
	}
	pairs := make([]Pair, 0, total)
	for _, pr := range probers {
		pairs = append(pairs, pr.pairs...)
		st.Scanned += pr.st.Scanned
		st.Candidates += pr.st.Candidates
		st.Verified += pr.st.Verified
		st.Skipped += pr.st.Skipped
	}
	return pairs, st
}

// probe finds the pairs of vector p with the vectors numbered before it.
//
// It walks p's entries from the rarest dimension while the rest of p could
// still reach the threshold (rs >= tb), accumulating from the posting
// lists. Exactness: let x = p and y < p with x·y >= t, W the dimensions x
// walked and U the rest (rs(U) < t). If x and y shared no dimension in W,
// x·y <= rs(U) < t. So they share some d in W; if d is in y⁺ the pair is
// met. Otherwise d is in y⁻, so every dimension of y⁺ is rarer than d and,
// since W holds all of x's dimensions rarer than d, any shared dimension
// of y⁺ is in W, and met; if there is none, x·y = x·y⁻ <= ps(y) < t.
func (pr *prober) probe(p int32) {
	ix := pr.ix
	tb := pr.t - boundSlack
	ent := ix.info[p].entries(ix.ent)

	// rs1 = Σ x_d·maxw[d] and sq = Σ x_d² over the dimensions not yet
	// walked; the remaining part of any x·y is at most
	// min(rs1, nmax·sqrt(sq)).
	var rs1, sq float64
	for _, e := range ent {
		w := entryWeight(e)
		rs1 += w * ix.maxw[entryRank(e)]
		sq += w * w
	}
	acc := pr.acc
	k := len(ent) - 1
	for ; k >= 0; k-- {
		if min(rs1, ix.nmax*math.Sqrt(max(sq, 0))) < ix.tp {
			break
		}
		r, w := entryRank(ent[k]), entryWeight(ent[k])
		// ||x_{<j}||: the norm of x's entries more frequent than this one.
		xpn := math.Sqrt(max(sq-w*w, 0))
		list := ix.post[ix.plist[r]:ix.plist[r+1]]
		if pr.maxDF > 0 && len(list) > pr.maxDF {
			pr.st.Skipped++
		} else {
			n := 0
			for _, q := range list {
				if q.id >= p {
					break
				}
				n++
				a := acc[q.id]
				if a < 0 {
					continue // pruned
				}
				// Weights are positive, so a float32 product in
				// float64 is never 0: acc 0 means untouched.
				if a == 0 {
					pr.touched = append(pr.touched, q.id)
				}
				a += w * float64(q.w)
				// a is x·y over every dimension from this one to
				// the rarest; the rest is at most ||x_{<j}||·||y_{<j}||.
				if a+xpn*float64(q.pn) < tb {
					a = pruned
				}
				acc[q.id] = a
			}
			pr.st.Scanned += int64(n)
		}
		rs1 -= w * ix.maxw[r]
		sq -= w * w
	}
	rest := 0.0
	cx := -1 // x did not walk its dimensions of rank <= cx
	if k >= 0 {
		rest = min(rs1, ix.nmax*math.Sqrt(max(sq, 0)))
		cx = int(entryRank(ent[k]))
	}

	// Verify, in two passes.
	//
	// 1. Bounds. The part of x·y that A[y] lacks lies in y⁻ (ranks below
	// rsplt(y)) and in x's unwalked part U (ranks <= cx) met with y⁺:
	//
	//	x·y <= A[y] + min(ps(y), ||y⁻||·||x_{rank<rsplt(y)}||) + [rsplt(y) <= cx]·rest
	//
	// and the size bounds |y| >= (t/(mw(x)·nmax))², |x| >= (t/(mw(y)·nmax))²
	// (x·y <= mw(x)·Σy <= mw(x)·sqrt(|y|)·||y||, and ||y|| <= nmax: vectors
	// normalised only to within NormTolerance must not lose pairs).
	mwx := float64(ix.info[p].mw) * ix.nmax
	minY := (tb / mwx) * (tb / mwx)
	lenX := float64(len(ent))
	cum := pr.cum[:0]
	var s float64
	for _, e := range ent {
		cum = append(cum, s)
		s += entryWeight(e) * entryWeight(e)
	}
	cum = append(cum, s)
	pr.cum = cum
	surv := pr.surv[:0]
	for _, y := range pr.touched {
		a := acc[y]
		acc[y] = 0
		if a < 0 {
			continue
		}
		yi := &ix.info[y]
		var u float64 // bound on the part in U(x) ∩ y⁺
		if cx >= 0 && int64(yi.rsplt) <= int64(cx) {
			u = rest
		}
		if a+float64(yi.ps)+u < tb {
			continue
		}
		// ||x_{rank<rsplt(y)}||: x's entries before its first of rank >= rsplt.
		k, _ := slices.BinarySearchFunc(ent, yi.rsplt, func(e uint64, r uint32) int { return cmp.Compare(entryRank(e), r) })
		if a+float64(yi.pre)*math.Sqrt(cum[k])+u < tb {
			continue
		}
		mwy := float64(yi.mw) * ix.nmax
		if float64(yi.n) < minY || lenX < (tb/mwy)*(tb/mwy) {
			continue
		}
		surv = append(surv, candidate{y: y, a: a})
	}
	pr.surv = surv
	pr.st.Verified += int64(len(surv))

	// 2. Complete the dot product: A[y] holds the shared dimensions x
	// walked and y indexed; the others are y's prefix and y's dimensions
	// x did not walk, both at the start of y's rank-ordered entries,
	// looked up in x spread out by rank. Only pairs that reach the
	// threshold are scored with similarity.Cosine, for the exact value a
	// brute-force loop computes.
	dense := pr.dense
	for _, e := range ent {
		dense[entryRank(e)] = entryWeight(e)
	}
	for _, c := range surv {
		yi := &ix.info[c.y]
		ye := yi.entries(ix.ent)
		ys := int(yi.split)
		a := c.a
		for k, e := range ye {
			r := entryRank(e)
			if k >= ys && int(r) > cx {
				break
			}
			a += dense[r] * entryWeight(e)
		}
		if a < tb {
			continue
		}
		ox, oy := ix.order[p], ix.order[c.y]
		cs := similarity.Cosine(pr.vecs[ox], pr.vecs[oy])
		if cs >= pr.t {
			pr.pairs = append(pr.pairs, Pair{A: min(ox, oy), B: max(ox, oy), Cosine: float32(cs)})
		}
	}
	for _, e := range ent {
		dense[entryRank(e)] = 0
	}
	pr.st.Candidates += int64(len(pr.touched))
	pr.touched = pr.touched[:0]
}
