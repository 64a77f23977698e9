package main

import (
	"math"
	"math/rand/v2"
	"slices"
)

// forest is a gradient-boosted ensemble of complete binary regression
// trees on the logistic loss (Friedman 2001, with the second-order leaf
// values of Chen & Guestrin 2016): p = σ(base + Σ tree(x)).
//
// A tree of depth D is stored as its 2^D−1 internal nodes in heap order
// (children of node i at 2i+1 and 2i+2; go left when x[feat] < thresh)
// followed by 2^D leaf values. A node that does not split has threshold
// +Inf.
type forest struct {
	depth  int
	base   float64
	feat   []uint8   // per internal node, all trees
	thresh []float64 // per internal node
	leaf   []float64 // per leaf, all trees
	// offsets are the per-set logit offsets fitted beside the first trees
	// (boostParams.group), by set index, as they were when dropped. predict
	// does not use them: they measure how far the sets' labels disagree.
	offsets []float64
}

func (f *forest) predict(x []float64) float64 {
	z := f.base
	ni := 1<<f.depth - 1
	nl := 1 << f.depth
	for t := 0; t*ni < len(f.feat); t++ {
		n := 0
		for d := 0; d < f.depth; d++ {
			k := t*ni + n
			if x[f.feat[k]] < f.thresh[k] {
				n = 2*n + 1
			} else {
				n = 2*n + 2
			}
		}
		z += f.leaf[t*nl+n-ni]
	}
	return 1 / (1 + math.Exp(-z))
}

// boostParams are the training settings.
type boostParams struct {
	trees     int
	depth     int
	rate      float64 // shrinkage
	lambda    float64 // L2 on leaf values
	minHess   float64 // least hessian mass in a child, as a share of the total
	bins      int     // candidate thresholds per feature (quantiles)
	subLabel  string
	subsample float64 // share of rows each tree is fitted on (0 or 1: all)
	// group, when set, is each row's set (-1: none). The first
	// offsetTrees trees are then fitted beside a logit offset per set,
	// the offsets' weighted mean held at 0, so that they fit what the sets'
	// labels agree on while each offset takes up how far its set's labels
	// sit above or below the others'; the trees after them fit the
	// disagreement from the features, to one calibration for all sets.
	group       []int
	offsetTrees int
}

// fitForest fits the features feats (others are ignored: never split on)
// on weighted, possibly soft-labelled rows.
func fitForest(xs [][]float64, ys, ws []float64, feats []int, p boostParams) *forest {
	n := len(xs)
	// Candidate thresholds: weighted quantiles of each feature.
	cuts := make([][]float64, len(xs[0]))
	for _, j := range feats {
		vals := make([]float64, n)
		for i, x := range xs {
			vals[i] = x[j]
		}
		slices.Sort(vals)
		vals = slices.Compact(vals)
		var c []float64
		for b := 1; b < p.bins; b++ {
			k := b * len(vals) / p.bins
			if k > 0 && k < len(vals) {
				t := (vals[k-1] + vals[k]) / 2
				if len(c) == 0 || t > c[len(c)-1] {
					c = append(c, t)
				}
			}
		}
		cuts[j] = c
	}
	// Bin every value once.
	binOf := make([][]uint8, len(xs[0]))
	for _, j := range feats {
		binOf[j] = make([]uint8, n)
		for i, x := range xs {
			binOf[j][i] = uint8(sortSearch(cuts[j], x[j]))
		}
	}
	var wsum, ysum float64
	for i := range ys {
		wsum += ws[i]
		ysum += ws[i] * ys[i]
	}
	prior := min(max(ysum/wsum, 1e-6), 1-1e-6)
	fr := &forest{depth: p.depth, base: math.Log(prior / (1 - prior))}
	z := make([]float64, n)
	for i := range z {
		z[i] = fr.base
	}
	var off *setOffsets
	if p.group != nil {
		off = newSetOffsets(p.group, ws)
	}
	g, h := make([]float64, n), make([]float64, n)
	node := make([]int, n) // current node of each row within the tree being built
	ni := 1<<p.depth - 1
	minH := p.minHess
	rng := rand.New(rand.NewPCG(uint64(n), 11))
	for t := 0; t < p.trees; t++ {
		if off != nil && t == p.offsetTrees {
			fr.offsets = off.drop(z)
			off = nil
		}
		var htot float64
		for i := range z {
			node[i] = 0
			if p.subsample > 0 && p.subsample < 1 && rng.Float64() >= p.subsample {
				g[i], h[i] = 0, 0
				continue
			}
			pr := 1 / (1 + math.Exp(-z[i]))
			g[i] = ws[i] * (pr - ys[i])
			h[i] = ws[i] * pr * (1 - pr)
			htot += h[i]
		}
		feat := make([]uint8, ni)
		thresh := make([]float64, ni)
		for d := 0; d < p.depth; d++ {
			first := 1<<d - 1
			width := 1 << d
			// Histograms per node at this level and feature.
			type cell struct{ g, h float64 }
			hist := make([][][]cell, width)
			for k := range hist {
				hist[k] = make([][]cell, len(xs[0]))
				for _, j := range feats {
					hist[k][j] = make([]cell, len(cuts[j])+1)
				}
			}
			for i := range xs {
				k := node[i] - first
				for _, j := range feats {
					c := &hist[k][j][binOf[j][i]]
					c.g += g[i]
					c.h += h[i]
				}
			}
			for k := 0; k < width; k++ {
				var G, H float64
				j0 := feats[0]
				for _, c := range hist[k][j0] {
					G += c.g
					H += c.h
				}
				bestGain, bestF, bestB := 0.0, -1, 0
				for _, j := range feats {
					var gl, hl float64
					for b := 0; b < len(cuts[j]); b++ {
						gl += hist[k][j][b].g
						hl += hist[k][j][b].h
						gr, hr := G-gl, H-hl
						if hl < minH*htot || hr < minH*htot {
							continue
						}
						gain := gl*gl/(hl+p.lambda) + gr*gr/(hr+p.lambda) - G*G/(H+p.lambda)
						if gain > bestGain {
							bestGain, bestF, bestB = gain, j, b
						}
					}
				}
				nd := first + k
				if bestF < 0 {
					feat[nd], thresh[nd] = uint8(feats[0]), math.Inf(1)
				} else {
					feat[nd], thresh[nd] = uint8(bestF), cuts[bestF][bestB]
				}
			}
			for i, x := range xs {
				nd := node[i]
				if x[feat[nd]] < thresh[nd] {
					node[i] = 2*nd + 1
				} else {
					node[i] = 2*nd + 2
				}
			}
		}
		lg := make([]float64, ni+1)
		lh := make([]float64, ni+1)
		for i := range xs {
			lg[node[i]-ni] += g[i]
			lh[node[i]-ni] += h[i]
		}
		leaf := make([]float64, ni+1)
		for l := range leaf {
			leaf[l] = -p.rate * lg[l] / (lh[l] + p.lambda)
		}
		for i := range xs {
			z[i] += leaf[node[i]-ni]
		}
		if off != nil {
			fr.base += off.step(z, ys, ws)
		}
		fr.feat = append(fr.feat, feat...)
		fr.thresh = append(fr.thresh, thresh...)
		fr.leaf = append(fr.leaf, leaf...)
	}
	if off != nil {
		fr.offsets = off.off
	}
	return fr
}

// setOffsets are logit offsets per set fitted beside a forest's trees
// (boostParams.group): row i's margin is the trees' sum plus off[group[i]]
// (nothing for group -1).
type setOffsets struct {
	group []int
	off   []float64 // per set
	w     []float64 // per set, the total weight of its rows
}

func newSetOffsets(group []int, ws []float64) *setOffsets {
	ng := 0
	for _, g := range group {
		ng = max(ng, g+1)
	}
	o := &setOffsets{group: group, off: make([]float64, ng), w: make([]float64, ng)}
	for i, g := range group {
		if g >= 0 {
			o.w[g] += ws[i]
		}
	}
	return o
}

// step takes one Newton step on each offset given the margins z, then
// moves the offsets' weighted mean to the trees' base: it updates z and
// returns what the base gains.
func (o *setOffsets) step(z, ys, ws []float64) float64 {
	gs, hs := make([]float64, len(o.off)), make([]float64, len(o.off))
	for i, g := range o.group {
		if g < 0 {
			continue
		}
		pr := 1 / (1 + math.Exp(-z[i]))
		gs[g] += ws[i] * (pr - ys[i])
		hs[g] += ws[i] * pr * (1 - pr)
	}
	var m, wt float64
	step := make([]float64, len(o.off))
	for k := range o.off {
		step[k] = -gs[k] / (hs[k] + 1e-9)
		m += o.w[k] * (o.off[k] + step[k])
		wt += o.w[k]
	}
	m /= wt
	for k := range o.off {
		step[k] -= m
		o.off[k] += step[k]
	}
	for i, g := range o.group {
		if g >= 0 {
			z[i] += step[g] + m
		} else {
			z[i] += m
		}
	}
	return m
}

// drop takes the offsets out of the margins z and returns them.
func (o *setOffsets) drop(z []float64) []float64 {
	for i, g := range o.group {
		if g >= 0 {
			z[i] -= o.off[g]
		}
	}
	return o.off
}

// sortSearch returns the number of cuts <= v: the bin of v.
func sortSearch(cuts []float64, v float64) int {
	lo, hi := 0, len(cuts)
	for lo < hi {
		m := (lo + hi) / 2
		if cuts[m] <= v {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
