package main

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestForestLearnsInteraction fits a forest to a label that needs two
// features together (x0 > 0.5 and x1 > 0.5) with 10% label noise and checks
// the fitted probabilities against the true ones.
func TestForestLearnsInteraction(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var xs [][]float64
	var ys, ws []float64
	truth := func(x []float64) float64 {
		if x[0] > 0.5 && x[1] > 0.5 {
			return 0.9
		}
		return 0.1
	}
	for range 4000 {
		x := []float64{r.Float64(), r.Float64(), r.Float64()}
		y := 0.0
		if r.Float64() < truth(x) {
			y = 1
		}
		xs, ys, ws = append(xs, x), append(ys, y), append(ws, 1)
	}
	f := fitForest(xs, ys, ws, []int{0, 1, 2}, boostParams{trees: 100, depth: 3, rate: 0.1, lambda: 1, minHess: 0.002, bins: 32})
	for _, x := range [][]float64{{0.9, 0.9, 0.5}, {0.9, 0.1, 0.5}, {0.1, 0.9, 0.5}, {0.2, 0.2, 0.9}} {
		if got, want := f.predict(x), truth(x); math.Abs(got-want) > 0.08 {
			t.Errorf("predict(%v) = %.3f, want about %.2f", x, got, want)
		}
	}
}

// TestLogisticRecoversWeights fits a logistic regression to labels drawn
// from known weights and checks that it recovers them.
func TestLogisticRecoversWeights(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	st := &set{name: "synthetic"}
	for range 20000 {
		x := []float64{r.NormFloat64(), r.NormFloat64()}
		p := 1 / (1 + math.Exp(-(0.5 + 2*x[0] - 1*x[1])))
		y := 0.0
		if r.Float64() < p {
			y = 1
		}
		st.x, st.y, st.label = append(st.x, x), append(st.y, y), append(st.label, y)
	}
	m := fitLogistic([]*set{st}, []int{0, 1}, 1e-6, func(int, int) bool { return true })
	want := []float64{2, -1}
	for i, w := range want {
		if math.Abs(m.w[i]-w) > 0.1 {
			t.Errorf("w[%d] = %.3f, want %.1f", i, m.w[i], w)
		}
	}
	if math.Abs(m.b-0.5) > 0.1 {
		t.Errorf("bias = %.3f, want 0.5", m.b)
	}
}

// TestForestSetOffsets fits a forest with a logit offset per group on two
// groups that share one law, logit 4·(x0 - 0.5), but label it one logit
// apart (+1 and -1): the offsets recover the disagreement, and the forest
// alone predicts the shared law between them.
func TestForestSetOffsets(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	var xs [][]float64
	var ys, ws []float64
	var group []int
	for i := range 20000 {
		g := i % 2
		x := []float64{r.Float64(), r.Float64()}
		z := 4*(x[0]-0.5) + 1 - 2*float64(g)
		y := 0.0
		if r.Float64() < 1/(1+math.Exp(-z)) {
			y = 1
		}
		xs, ys, ws, group = append(xs, x), append(ys, y), append(ws, 1), append(group, g)
	}
	f := fitForest(xs, ys, ws, []int{0, 1}, boostParams{trees: 100, depth: 2, rate: 0.1, lambda: 1, minHess: 0.002, bins: 32, group: group, offsetTrees: 100})
	if len(f.offsets) != 2 || math.Abs(f.offsets[0]-1) > 0.15 || math.Abs(f.offsets[1]+1) > 0.15 {
		t.Errorf("offsets = %.3f, want about [+1 -1]", f.offsets)
	}
	for _, x0 := range []float64{0.2, 0.5, 0.8} {
		want := 1 / (1 + math.Exp(-4*(x0-0.5)))
		if got := f.predict([]float64{x0, 0.5}); math.Abs(got-want) > 0.06 {
			t.Errorf("predict(%.1f) = %.3f, want about %.3f (the shared law)", x0, got, want)
		}
	}
	// Without offsets the same rows give the pooled law, the mean of the
	// two groups' probabilities: flatter (0.725 at 0.8 against 0.769).
	pooled := fitForest(xs, ys, ws, []int{0, 1}, boostParams{trees: 100, depth: 2, rate: 0.1, lambda: 1, minHess: 0.002, bins: 32})
	if pooled.offsets != nil {
		t.Errorf("offsets %v without groups", pooled.offsets)
	}
	if got := pooled.predict([]float64{0.8, 0.5}); math.Abs(got-0.725) > 0.03 {
		t.Errorf("pooled predict(0.8) = %.3f, want about 0.725", got)
	}
	// Offsets dropped after 100 of 200 trees: the offsets are kept as they
	// were, and the later trees move the forest to the pooled law.
	late := fitForest(xs, ys, ws, []int{0, 1}, boostParams{trees: 200, depth: 2, rate: 0.1, lambda: 1, minHess: 0.002, bins: 32, group: group, offsetTrees: 100})
	if len(late.offsets) != 2 || math.Abs(late.offsets[0]-1) > 0.15 || math.Abs(late.offsets[1]+1) > 0.15 {
		t.Errorf("dropped offsets = %.3f, want about [+1 -1]", late.offsets)
	}
	if got := late.predict([]float64{0.8, 0.5}); math.Abs(got-0.725) > 0.03 {
		t.Errorf("predict(0.8) after the offsets = %.3f, want about 0.725 (pooled)", got)
	}
}
