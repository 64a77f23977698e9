package main

import (
	"math"

	"github.com/neardup/neardup/score"
)

// model is a logistic regression in the raw feature scale: p = σ(b + w·x).
type model struct {
	w []float64 // one per feature of score.FeatureNames (0 for unused ones)
	b float64
}

func (m *model) predict(x []float64) float64 {
	z := m.b
	for i, v := range x {
		z += m.w[i] * v
	}
	return 1 / (1 + math.Exp(-z))
}

// fit fits the features feats on the pairs for which use(set, i) holds,
// each set weighing its setWeight (1 unless set) in total: a forest
// (fitForest, with per-set offsets beside its first boost.offsetTrees
// trees), or with -learner lr a logistic regression (fitLogistic).
func fit(sets []*set, feats []int, lambda float64, use func(si, i int) bool) predictor {
	if learner == "gbdt" {
		xs, ys, ws, gs := rows(sets, nil, use)
		p := boost
		if p.offsetTrees > 0 {
			p.group = gs
		}
		var wsum float64
		for _, w := range ws {
			wsum += w
		}
		for i := range ws {
			ws[i] *= float64(len(ws)) / wsum
		}
		return fitForest(xs, ys, ws, feats, p)
	}
	return fitLogistic(sets, feats, lambda, use)
}

// rows gathers the used rows (the features feats of each, or all when
// nil), their targets and weights (every set summing to 1), and the index
// of each row's set (-1 for the random pairings).
func rows(sets []*set, feats []int, use func(si, i int) bool) (xs [][]float64, ys, ws []float64, gs []int) {
	for si, st := range sets {
		g := si
		if negatives(st) {
			g = -1
		}
		n := 0
		for i := range st.y {
			if use(si, i) {
				n++
			}
		}
		sw := 1.0
		if v, ok := setWeight[st.name]; ok {
			sw = v
		}
		for i := range st.y {
			if !use(si, i) {
				continue
			}
			w := sw / float64(n)
			if st.xs != nil {
				xs = append(xs, pick(st.xs[i], feats))
				ys = append(ys, st.y[i])
				ws = append(ws, w*smallWeight)
				gs = append(gs, g)
				w *= 1 - smallWeight
			}
			xs = append(xs, pick(st.x[i], feats))
			ys = append(ys, st.y[i])
			ws = append(ws, w)
			gs = append(gs, g)
		}
	}
	return xs, ys, ws, gs
}

// pick returns the features feats of x, or x when feats is nil.
func pick(x []float64, feats []int) []float64 {
	if feats == nil {
		return x
	}
	row := make([]float64, len(feats))
	for j, f := range feats {
		row[j] = x[f]
	}
	return row
}

func fitLogistic(sets []*set, feats []int, lambda float64, use func(si, i int) bool) *model {
	d := len(feats)
	xs, ys, ws, _ := rows(sets, feats, use)
	// Standardise.
	mu, sd := make([]float64, d), make([]float64, d)
	var wsum float64
	for i, x := range xs {
		wsum += ws[i]
		for j := range x {
			mu[j] += ws[i] * x[j]
		}
	}
	for j := range mu {
		mu[j] /= wsum
	}
	for i, x := range xs {
		for j := range x {
			sd[j] += ws[i] * (x[j] - mu[j]) * (x[j] - mu[j])
		}
	}
	for j := range sd {
		sd[j] = math.Sqrt(sd[j] / wsum)
		if sd[j] < 1e-9 {
			sd[j] = 1
		}
	}
	for _, x := range xs {
		for j := range x {
			x[j] = (x[j] - mu[j]) / sd[j]
		}
	}
	// Newton's method on [w, b] (b last, unpenalised).
	beta := make([]float64, d+1)
	for it := 0; it < 50; it++ {
		g := make([]float64, d+1)
		h := make([][]float64, d+1)
		for j := range h {
			h[j] = make([]float64, d+1)
		}
		for i, x := range xs {
			z := beta[d]
			for j, v := range x {
				z += beta[j] * v
			}
			p := 1 / (1 + math.Exp(-z))
			r := ws[i] * (p - ys[i])
			q := ws[i] * p * (1 - p)
			for j := 0; j <= d; j++ {
				xj := 1.0
				if j < d {
					xj = x[j]
				}
				g[j] += r * xj
				for l := 0; l <= j; l++ {
					xl := 1.0
					if l < d {
						xl = x[l]
					}
					h[j][l] += q * xj * xl
				}
			}
		}
		for j := 0; j < d; j++ {
			g[j] += lambda * beta[j]
			h[j][j] += lambda
		}
		for j := 0; j <= d; j++ {
			for l := j + 1; l <= d; l++ {
				h[j][l] = h[l][j]
			}
		}
		step := solve(h, g)
		var norm float64
		for j := range beta {
			beta[j] -= step[j]
			norm += step[j] * step[j]
		}
		if norm < 1e-14 {
			break
		}
	}
	m := &model{w: make([]float64, len(score.FeatureNames())), b: beta[d]}
	for j, f := range feats {
		m.w[f] = beta[j] / sd[j]
		m.b -= beta[j] * mu[j] / sd[j]
	}
	return m
}

// solve solves a·x = b by Gaussian elimination with partial pivoting.
func solve(a [][]float64, b []float64) []float64 {
	n := len(b)
	m := make([][]float64, n)
	for i := range a {
		m[i] = append(append([]float64(nil), a[i]...), b[i])
	}
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		m[c], m[p] = m[p], m[c]
		if math.Abs(m[c][c]) < 1e-300 {
			continue
		}
		for r := c + 1; r < n; r++ {
			f := m[r][c] / m[c][c]
			for k := c; k <= n; k++ {
				m[r][k] -= f * m[c][k]
			}
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		s := m[r][n]
		for k := r + 1; k < n; k++ {
			s -= m[r][k] * x[k]
		}
		if m[r][r] != 0 {
			x[r] = s / m[r][r]
		}
	}
	return x
}
