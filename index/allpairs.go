package index

// All-pairs cosine similarity search
// ==================================
//
// AllPairs returns every pair (x, y) of unit-length vectors with
// cos(x, y) = x·y >= t, exactly, for corpora where comparing all n²/2 pairs
// is out of the question (10^6 paragraphs is 5·10^11 pairs). It follows
// All-Pairs (Bayardo, Ma & Srikant, "Scaling Up All Pairs Similarity
// Search", WWW 2007) with the l2-norm bounds of L2AP (Anastasiu & Karypis,
// "L2AP: Fast Cosine Similarity Search With Prefix L-2 Norm Bounds", ICDE
// 2014). All weights are positive.
//
// Notation. Dimensions (terms) are ranked by document frequency, most
// frequent first, and every vector's entries are visited in that rank
// order. maxw[d] is the largest weight of dimension d over the corpus;
// mw(x) the largest weight in x. Vectors are numbered in decreasing order
// of mw, so a vector only meets vectors numbered before it with mw >= its
// own.
//
// 1. Indexing: each vector is cut in two. Walking y's entries from the most
// frequent dimension, keep the running bound
//
//	b(y, k) = min( Σ_{j<=k} y_j · min(maxw[j], mw(y)),      (All-Pairs-2)
//	               sqrt(Σ_{j<=k} y_j²) )                      (L2AP)
//
// and stop at the first entry k where b >= t. Entries before k, the prefix
// y⁻, stay out of the index; entries from k on, the suffix y⁺, go into
// the posting list of their dimension. For any later vector x (mw(x) <=
// mw(y), ||x|| = 1) the prefix alone cannot reach t:
//
//	x·y⁻ <= Σ y_j · min(maxw[j], mw(x)) <= first term of b
//	x·y⁻ <= ||x|| · ||y⁻|| = ||y⁻||                  (Cauchy-Schwarz)
//
// so x·y⁻ <= ps(y) := b(y, k-1) < t. Frequent terms come first, so they are
// the ones left out: the posting lists of the commonest words hold only
// the vectors made almost wholly of common words, and stay short. The
// vectors are fixed and the IDF is known beforehand, so maxw and the order
// are computed once over the whole corpus and every vector is indexed
// before probing starts.
//
// 2. Probing: each vector x walks its own entries from the rarest
// dimension, adding x_d·y_d to an accumulator A[y] for every y numbered
// before x in the posting list of d, while the rest of x can still reach t:
//
//	rs(x) = min( Σ_{d not yet walked} x_d · maxw[d],  ||x_{not yet walked}|| )
//
// Once rs < t it stops: no vector met only in the remaining (frequent)
// dimensions can reach t. Exactness: if x·y >= t, x and y share a
// dimension that is in y⁺ and walked by x (the rarest dimensions of each
// overlap, since both are cut in the same global order; the proof is in
// the comment of probe). Only rare-side dimensions are ever walked, on
// either side, so frequent terms cost nothing twice. On meeting y in the
// list of dimension j, A[y] is x·y over the dimensions from j to the
// rarest, and the rest is at most ||x_{<j}||·||y_{<j}|| (Cauchy-Schwarz
// over the more frequent dimensions; each posting stores ||y_{<j}||, as
// L2AP does); when A[y] plus that is below t, y is marked dead.
//
// 3. Verification: A[y] counts only shared dimensions both walked and
// indexed. The rest of x·y lies in y⁻ or in x's unwalked part U, so
//
//	x·y <= A[y] + min(ps(y), ||y⁻||·||x_{ranks of y⁻}||) + rs(U)·[U meets y⁺]
//
// and candidates whose bound is below t are dropped. Vectors with too few
// entries are dropped too (x·y <= mw(x)·Σ_j y_j <= mw(x)·sqrt(|y|), so
// |y| >= (t/mw(x))² and symmetrically). For the survivors the missing part
// is added from y's rank-ordered entries (its prefix and the dimensions x
// did not walk are both at their start) against x spread out densely by
// rank; only pairs that then reach t are scored with similarity.Cosine on
// the caller's vectors, so the reported cosine is the very value a
// brute-force loop would compute, bit for bit.
//
// Parallelism and determinism: probing only reads the index, so vectors are
// handed to Workers goroutines in chunks; each has its own accumulator
// (dense []float64 of n entries, reset through the list of touched ids).
// The candidate set of a vector does not depend on who probes it, and the
// pairs are sorted by (A, B) at the end, so the result is identical for
// any worker count. Bounds are compared with t minus boundSlack so that
// float rounding in a bound can only let a candidate through, never drop a
// pair; the final test is similarity.Cosine >= t.
//
// Cost, and the limit of exactness. Pairs that share a rare-side term are
// met; for flat vectors of ~30 terms the l2 bound leaves about t² of each
// vector's mass out, so at t = 0.5 three quarters of the terms are walked
// and more than half indexed. Where the vocabulary keeps growing with the
// corpus (real text) posting lists grow slowly; where it stops growing,
// every list grows with n and the work grows with n². The generated
// benchmark corpus (../shared/bench, sentences drawn from a fixed pool of
// 90k) is such a case. Measured there (BenchmarkAllPairs, 2 shared cores,
// content words, sublinear TF-IDF), t = 0.5:
//
//	n      scanned   candidates  verified   pairs    time
//	10k    3.1 M     2.9 M       0.32 M     1,882    0.08-0.12 s
//	100k   313 M     293 M       30 M       46,362   ~10-16 s (busy machine)
//
// so 1M paragraphs would take about 100 times the 100k figure (and there
// are 3 million pairs >= 0.5 among them, mostly paragraphs that share one
// of their sentences by chance). For that scale
// AllPairsOptions.PrefixThreshold keeps the guarantee for high cosines and
// gives up only part of the pairs below it (figures in its comment);
// MaxDF is the blunter knob.

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"

	"github.com/neardup/neardup/similarity"
)

// boundSlack is subtracted from the threshold before comparing bounds, so
// that float rounding in a bound (sums of up to thousands of float32
// products in float64, about 1e-13) cannot drop a pair.
const boundSlack = 1e-6

// probeChunk is the number of consecutive vectors a worker claims at a
// time: small enough to balance the load (later vectors scan longer lists),
// large enough that the shared counter is not contended.
const probeChunk = 64

// ErrThreshold is returned for a threshold outside (0, 1].
var ErrThreshold = errors.New("index: threshold must be in (0, 1]")

// AllPairsOptions controls AllPairs.
type AllPairsOptions struct {
	// Threshold is the cosine threshold t, 0 < t <= 1 (required): every
	// pair with cosine >= t is returned.
	Threshold float64
	// Workers is the number of goroutines probing the index (default
	// GOMAXPROCS). The result does not depend on it.
	Workers int
	// PrefixThreshold, when above Threshold, cuts the vectors (what is
	// indexed, how far a probe walks) as if the threshold were
	// PrefixThreshold, while admitting, verifying and reporting at
	// Threshold. Every pair with cosine >= PrefixThreshold is still found;
	// a pair between the two is found when the two vectors share a term in
	// the rarer parts kept for PrefixThreshold, as paraphrases, which share
	// most of their rare words, usually do. Default (0, or anything <=
	// Threshold): Threshold, exact. Measured on the generated corpus
	// (BenchmarkAllPairs, Threshold 0.5; recall against the exact answer,
	// and against the planted paraphrases):
	//
	//	n     PrefixThreshold  scanned  time     recall  paraphrase recall
	//	100k  exact (0.5)      313 M    ~15 s    1       0.995
	//	100k  0.7              53 M     ~10 s    0.9999  0.995
	//	100k  0.8              15 M     ~3 s     0.998   0.991
	//	1M    0.9              243 M    ~130 s   -       0.974 (3.08 M pairs)
	//
	// (2 cores shared with other jobs; times are rough.)
	PrefixThreshold float64
	// MaxDF, when positive, skips posting lists with more than MaxDF
	// entries while probing. This gives up exactness: a pair whose only
	// walked, indexed shared terms all have longer lists is missed. On
	// corpora whose vocabulary stops growing every list grows with the
	// corpus and that is most pairs: on the generated 100k corpus at
	// t = 0.5, MaxDF 300 keeps 58% of the pairs and MaxDF 100 28%, while
	// no list is longer than 1,000. PrefixThreshold is the better knob.
	// Default 0: no limit.
	MaxDF int
	// Context, when set, stops the search once it is done: AllPairs then
	// returns its error (checked every probeChunk vectors per worker).
	Context context.Context
}

// AllPairsStats counts the work AllPairs did.
type AllPairsStats struct {
	Vectors    int   // non-empty vectors
	Entries    int64 // non-zero entries over all vectors
	Indexed    int64 // entries in the index (suffixes); the rest stay in prefixes
	Scanned    int64 // posting entries visited while probing
	Candidates int64 // distinct (x, y) pairs met in the index
	Verified   int64 // candidates that passed the bounds and were scored
	Pairs      int64 // pairs with cosine >= threshold
	Skipped    int64 // posting lists skipped for MaxDF (once per probe)
}

// AllPairs returns every pair of vecs with cosine >= opt.Threshold, sorted
// by (A, B), each with its cosine as similarity.Cosine computes it. The
// vectors must be L2-normalised with positive weights (as
// similarity.Weighting makes them); empty vectors match nothing. See the
// comment at the top of this file for the algorithm.
func AllPairs(vecs []similarity.Vector, opt AllPairsOptions) ([]Pair, error) {
	pairs, _, err := AllPairsWithStats(vecs, opt)
	return pairs, err
}

// AllPairsWithStats is AllPairs, also returning counts of the work done.
func AllPairsWithStats(vecs []similarity.Vector, opt AllPairsOptions) ([]Pair, AllPairsStats, error) {
	t := opt.Threshold
	if !(t > 0 && t <= 1) {
		return nil, AllPairsStats{}, fmt.Errorf("%w: got %v", ErrThreshold, t)
	}
	tp := max(t, opt.PrefixThreshold)
	if !(tp <= 1) {
		return nil, AllPairsStats{}, fmt.Errorf("%w: PrefixThreshold %v", ErrThreshold, opt.PrefixThreshold)
	}
	if opt.MaxDF < 0 {
		return nil, AllPairsStats{}, fmt.Errorf("index: MaxDF %d is negative", opt.MaxDF)
	}
	if opt.Workers < 0 {
		return nil, AllPairsStats{}, fmt.Errorf("index: Workers %d is negative", opt.Workers)
	}
	if len(vecs) > math.MaxInt32 {
		return nil, AllPairsStats{}, fmt.Errorf("index: %d vectors, at most %d", len(vecs), math.MaxInt32)
	}
	for i, v := range vecs {
		if err := v.Check(); err != nil {
			return nil, AllPairsStats{}, fmt.Errorf("index: vector %d: %w", i, err)
		}
	}
	workers := opt.Workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ix := build(vecs, tp-boundSlack)
	pairs, st := ix.probeAll(opt.Context, vecs, t, opt.MaxDF, workers)
	if opt.Context != nil && opt.Context.Err() != nil {
		return nil, AllPairsStats{}, opt.Context.Err()
	}
	sortPairs(pairs)
	st.Vectors = len(ix.order)
	st.Entries = int64(len(ix.ent))
	st.Indexed = int64(len(ix.post))
	st.Pairs = int64(len(pairs))
	return pairs, st, nil
}
