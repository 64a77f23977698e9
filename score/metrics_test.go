package score

import (
	"math"
	"testing"
)

func TestSummarizeBinary(t *testing.T) {
	scores := []float64{0.9, 0.8, 0.7, 0.6, 0.2}
	labels := []float64{1, 0, 1, 0, 0}
	pos := []bool{true, true, true, false, false} // threshold 0.65
	got := Summarize(scores, labels, pos, 0.65)
	auc := 5.0 / 6
	want := Summary{
		Pairs: 5, Positives: 2,
		At:           Confusion{Threshold: 0.65, TP: 2, FP: 1, TN: 2, Accuracy: 0.8, Precision: 2.0 / 3, Recall: 1, F1: 0.8},
		BestAccuracy: Confusion{Threshold: 0.7, TP: 2, FP: 1, TN: 2, Accuracy: 0.8, Precision: 2.0 / 3, Recall: 1, F1: 0.8},
		BestF1:       Confusion{Threshold: 0.7, TP: 2, FP: 1, TN: 2, Accuracy: 0.8, Precision: 2.0 / 3, Recall: 1, F1: 0.8},
		AUC:          &auc,
	}
	if !summariesEqual(got, want) {
		t.Errorf("Summarize = %+v\nwant %+v", got, want)
	}
}

func TestSummarizeGraded(t *testing.T) {
	// Ranks of scores with a tie: 1, 2.5, 2.5, 4; of labels 1..4.
	// Spearman = 4.5 / sqrt(4.5 · 5).
	got := Summarize([]float64{1, 2, 2, 3}, []float64{1, 2, 3, 4}, make([]bool, 4), 0.5)
	sp := 4.5 / math.Sqrt(4.5*5)
	if !got.Graded || got.Spearman == nil || math.Abs(*got.Spearman-sp) > 1e-12 {
		t.Errorf("Spearman = %v, want %v (graded %v)", deref(got.Spearman), sp, got.Graded)
	}
	// Labels 0-5: positive when >= 2 (half the top label).
	if got.Positives != 3 {
		t.Errorf("Positives = %d, want 3", got.Positives)
	}
	lin := Summarize([]float64{0.9, 0.1, 0.5}, []float64{5, 1, 3}, make([]bool, 3), 0.5)
	if lin.Pearson == nil || math.Abs(*lin.Pearson-1) > 1e-12 {
		t.Errorf("Pearson of a linear relation = %v, want 1", deref(lin.Pearson))
	}
}

// TestCalibration checks the Brier score, the reliability bins and the
// expected calibration error against values worked by hand.
func TestCalibration(t *testing.T) {
	// Outcomes 0, 1, 1, 1. Squared errors .0025 .7225 .0025 .0225: Brier
	// .1875. One pair per bin, |score - outcome| .05 .85 .05 .15: ECE .275.
	got := Summarize([]float64{0.05, 0.15, 0.95, 0.85}, []float64{0, 1, 1, 1}, make([]bool, 4), 0.5).Calibration
	want := Calibration{Brier: 0.1875, ECE: 0.275, Bins: []CalibrationBin{
		{Lo: 0, Hi: 0.1, Pairs: 1, Score: 0.05, Outcome: 0},
		{Lo: 0.1, Hi: 0.2, Pairs: 1, Score: 0.15, Outcome: 1},
		{Lo: 0.8, Hi: 0.9, Pairs: 1, Score: 0.85, Outcome: 1},
		{Lo: 0.9, Hi: 1, Pairs: 1, Score: 0.95, Outcome: 1},
	}}
	if !calibrationEqual(got, want) {
		t.Errorf("Calibration = %+v\nwant %+v", got, want)
	}
	// Two pairs in one bin: its mean score .75 against outcome .5; a
	// score of exactly 1 falls in the top bin.
	got = Summarize([]float64{0.72, 0.78, 1}, []float64{1, 0, 1}, make([]bool, 3), 0.5).Calibration
	want = Calibration{Brier: (0.0784 + 0.6084) / 3, ECE: 2.0 / 3 * 0.25, Bins: []CalibrationBin{
		{Lo: 0.7, Hi: 0.8, Pairs: 2, Score: 0.75, Outcome: 0.5},
		{Lo: 0.9, Hi: 1, Pairs: 1, Score: 1, Outcome: 1},
	}}
	if !calibrationEqual(got, want) {
		t.Errorf("Calibration = %+v\nwant %+v", got, want)
	}
	// Graded labels are scaled by the largest: outcomes .25 and 1.
	g := Summarize([]float64{0.2, 0.8}, []float64{1, 4}, make([]bool, 2), 0.5).Calibration
	if math.Abs(g.Brier-(0.0025+0.04)/2) > 1e-12 {
		t.Errorf("graded Brier = %v, want %v", g.Brier, (0.0025+0.04)/2)
	}
}

func calibrationEqual(a, b Calibration) bool {
	if math.Abs(a.Brier-b.Brier) > 1e-12 || math.Abs(a.ECE-b.ECE) > 1e-12 || len(a.Bins) != len(b.Bins) {
		return false
	}
	for i, x := range a.Bins {
		y := b.Bins[i]
		if x.Pairs != y.Pairs || math.Abs(x.Lo-y.Lo) > 1e-12 || math.Abs(x.Hi-y.Hi) > 1e-12 ||
			math.Abs(x.Score-y.Score) > 1e-12 || math.Abs(x.Outcome-y.Outcome) > 1e-12 {
			return false
		}
	}
	return true
}

func TestSummarizeDegenerate(t *testing.T) {
	got := Summarize([]float64{0.3, 0.4}, []float64{1, 1}, []bool{false, true}, 0.35)
	if got.AUC != nil {
		t.Errorf("AUC with one class = %v, want nil", *got.AUC)
	}
	if got.Pearson != nil || got.Spearman != nil {
		t.Errorf("correlations for binary labels should be nil")
	}
	if got.At.Recall != 0.5 || got.At.Precision != 1 {
		t.Errorf("At = %+v, want precision 1 recall 0.5", got.At)
	}
	if z := Summarize(nil, nil, nil, 0.5); z.Pairs != 0 || z.AUC != nil {
		t.Errorf("Summarize(nil) = %+v", z)
	}
}

// TestAUCReference checks auc against the definition: the share of
// (positive, negative) pairs ordered right, ties counting one half.
func TestAUCReference(t *testing.T) {
	scores := []float64{0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.9, 0.05, 0.6, 0.6}
	truth := []bool{false, true, false, true, false, true, true, false, false, true}
	var num, den float64
	for i := range scores {
		for j := range scores {
			if !truth[i] || truth[j] {
				continue
			}
			den++
			switch {
			case scores[i] > scores[j]:
				num++
			case scores[i] == scores[j]:
				num += 0.5
			}
		}
	}
	if got, want := auc(scores, truth), num/den; math.Abs(got-want) > 1e-12 {
		t.Errorf("auc = %v, want %v", got, want)
	}
}

func deref(p *float64) float64 {
	if p == nil {
		return math.NaN()
	}
	return *p
}

func summariesEqual(a, b Summary) bool {
	eqp := func(x, y *float64) bool {
		return x == nil && y == nil || x != nil && y != nil && math.Abs(*x-*y) < 1e-12
	}
	eqc := func(x, y Confusion) bool {
		return x.TP == y.TP && x.FP == y.FP && x.TN == y.TN && x.FN == y.FN && math.Abs(x.Threshold-y.Threshold) < 1e-12 &&
			math.Abs(x.Accuracy-y.Accuracy) < 1e-12 && math.Abs(x.Precision-y.Precision) < 1e-12 &&
			math.Abs(x.Recall-y.Recall) < 1e-12 && math.Abs(x.F1-y.F1) < 1e-12
	}
	return a.Pairs == b.Pairs && a.Positives == b.Positives && a.Graded == b.Graded &&
		eqc(a.At, b.At) && eqc(a.BestAccuracy, b.BestAccuracy) && eqc(a.BestF1, b.BestF1) &&
		eqp(a.AUC, b.AUC) && eqp(a.Pearson, b.Pearson) && eqp(a.Spearman, b.Spearman)
}
