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
