package score

import (
	"math"
	"slices"
)

// Confusion holds binary classification counts and the measures derived
// from them.
type Confusion struct {
	Threshold float64 `json:"threshold"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	TN        int     `json:"tn"`
	FN        int     `json:"fn"`
	Accuracy  float64 `json:"accuracy"`
	Precision float64 `json:"precision"` // TP/(TP+FP), 0 when nothing is predicted positive
	Recall    float64 `json:"recall"`    // TP/(TP+FN), 0 when there are no positives
	F1        float64 `json:"f1"`        // harmonic mean of precision and recall
}

func (c *Confusion) finish() {
	n := c.TP + c.FP + c.TN + c.FN
	if n > 0 {
		c.Accuracy = float64(c.TP+c.TN) / float64(n)
	}
	if c.TP+c.FP > 0 {
		c.Precision = float64(c.TP) / float64(c.TP+c.FP)
	}
	if c.TP+c.FN > 0 {
		c.Recall = float64(c.TP) / float64(c.TP+c.FN)
	}
	if c.Precision+c.Recall > 0 {
		c.F1 = 2 * c.Precision * c.Recall / (c.Precision + c.Recall)
	}
}

// Summary describes how well scores agree with labels.
type Summary struct {
	Pairs     int  `json:"pairs"`
	Positives int  `json:"positives"` // labels >= 0.5 for binary labels
	Graded    bool `json:"graded"`    // labels other than 0 and 1 were seen
	// At is at the given decisions (the configured threshold and rules).
	At Confusion `json:"at_threshold"`
	// BestAccuracy and BestF1 are at the score threshold that maximises
	// each on this data (an oracle: it flatters).
	BestAccuracy Confusion `json:"best_accuracy"`
	BestF1       Confusion `json:"best_f1"`
	// AUC is the area under the ROC curve (Mann-Whitney U, ties counting
	// one half); nil when only one class is present.
	AUC *float64 `json:"roc_auc,omitempty"`
	// Pearson (linear) and Spearman (rank, ties averaged) correlations of
	// score and label, for graded labels only; nil when undefined.
	Pearson  *float64 `json:"pearson,omitempty"`
	Spearman *float64 `json:"spearman,omitempty"`
	// Calibration: how far the scores are from being probabilities on this
	// data. The outcome of a pair is 1 or 0 for binary labels and the
	// label over the largest label for graded ones.
	Calibration Calibration `json:"calibration"`
}

// Calibration compares scores, read as probabilities, with outcomes.
type Calibration struct {
	// Brier is the mean squared difference of score and outcome (0 is
	// perfect; a constant 0.5 scores 0.25).
	Brier float64 `json:"brier"`
	// ECE is the expected calibration error: over the bins, the share of
	// pairs in a bin times |mean score − mean outcome| in it.
	ECE float64 `json:"ece"`
	// Bins are the pairs by score in tenths ([0,0.1), …, [0.9,1]), empty
	// bins left out: the reliability diagram.
	Bins []CalibrationBin `json:"bins"`
}

// CalibrationBin is one bin of a reliability diagram.
type CalibrationBin struct {
	Lo      float64 `json:"lo"`
	Hi      float64 `json:"hi"`
	Pairs   int     `json:"pairs"`
	Score   float64 `json:"mean_score"`
	Outcome float64 `json:"mean_outcome"`
}

// calibrationBins is the number of equal-width score bins of Calibration.
const calibrationBins = 10

// calibrate measures scores in [0,1] against outcomes in [0,1].
func calibrate(scores, outcome []float64) Calibration {
	var c Calibration
	var n [calibrationBins]int
	var ss, so [calibrationBins]float64
	for i, p := range scores {
		d := p - outcome[i]
		c.Brier += d * d
		b := min(max(int(p*calibrationBins), 0), calibrationBins-1)
		n[b]++
		ss[b] += p
		so[b] += outcome[i]
	}
	if len(scores) == 0 {
		return c
	}
	c.Brier /= float64(len(scores))
	for b := range n {
		if n[b] == 0 {
			continue
		}
		k := float64(n[b])
		bin := CalibrationBin{Lo: float64(b) / calibrationBins, Hi: float64(b+1) / calibrationBins, Pairs: n[b], Score: ss[b] / k, Outcome: so[b] / k}
		c.ECE += k / float64(len(scores)) * math.Abs(bin.Score-bin.Outcome)
		c.Bins = append(c.Bins, bin)
	}
	return c
}

// Summarize measures scores against labels. positive[i] is the decision
// made for pair i at the configured threshold, which At records. Binary measures treat a
// label >= 0.5 as positive when labels are 0/1; for graded labels (any
// label other than 0 and 1) they use label >= half the largest label.
func Summarize(scores, labels []float64, positive []bool, threshold float64) Summary {
	s := Summary{Pairs: len(scores)}
	if len(scores) == 0 || len(labels) != len(scores) || len(positive) != len(scores) {
		return s
	}
	cut, top := 0.5, 0.0
	for _, l := range labels {
		if l != 0 && l != 1 {
			s.Graded = true
		}
		top = max(top, l)
	}
	if s.Graded {
		cut = top / 2
	}
	truth := make([]bool, len(labels))
	outcome := make([]float64, len(labels))
	for i, l := range labels {
		truth[i] = l >= cut
		if truth[i] {
			s.Positives++
		}
		switch {
		case !s.Graded:
			outcome[i] = l
		case top > 0:
			outcome[i] = l / top
		}
	}
	s.Calibration = calibrate(scores, outcome)
	s.At = confusionOf(truth, func(i int) bool { return positive[i] })
	s.At.Threshold = threshold
	s.BestAccuracy, s.BestF1 = bestThresholds(scores, truth)
	s.AUC = finite(auc(scores, truth))
	if s.Graded {
		s.Pearson = finite(pearson(scores, labels))
		s.Spearman = finite(pearson(ranks(scores), ranks(labels)))
	}
	return s
}

// finite returns &x, or nil for NaN.
func finite(x float64) *float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return &x
}

func confusionOf(truth []bool, pred func(int) bool) Confusion {
	var c Confusion
	for i, t := range truth {
		p := pred(i)
		switch {
		case p && t:
			c.TP++
		case p:
			c.FP++
		case t:
			c.FN++
		default:
			c.TN++
		}
	}
	c.finish()
	return c
}

// bestThresholds sweeps every distinct score as a threshold (predict
// positive when score >= threshold) and returns the confusions with the
// best accuracy and the best F1; ties go to the lower threshold.
func bestThresholds(scores []float64, truth []bool) (acc, f1 Confusion) {
	idx := make([]int, len(scores))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmpFloat(scores[b], scores[a]) })
	var pos int
	for _, t := range truth {
		if t {
			pos++
		}
	}
	// Start with everything negative (threshold above the top score).
	cur := Confusion{Threshold: 1, TN: len(truth) - pos, FN: pos}
	if len(idx) > 0 {
		cur.Threshold = math.Nextafter(scores[idx[0]], math.Inf(1))
	}
	cur.finish()
	acc, f1 = cur, cur
	for k := 0; k < len(idx); {
		th := scores[idx[k]]
		for k < len(idx) && scores[idx[k]] == th {
			if truth[idx[k]] {
				cur.TP++
				cur.FN--
			} else {
				cur.FP++
				cur.TN--
			}
			k++
		}
		cur.Threshold = th
		cur.finish()
		if cur.Accuracy >= acc.Accuracy {
			acc = cur
		}
		if cur.F1 >= f1.F1 {
			f1 = cur
		}
	}
	return acc, f1
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// auc is the probability that a random positive scores above a random
// negative, ties counting one half.
func auc(scores []float64, truth []bool) float64 {
	r := ranks(scores)
	var pos, neg, sum float64
	for i, t := range truth {
		if t {
			pos++
			sum += r[i]
		} else {
			neg++
		}
	}
	if pos == 0 || neg == 0 {
		return math.NaN()
	}
	return (sum - pos*(pos+1)/2) / (pos * neg)
}

// ranks returns 1-based ranks, ties getting the mean of their ranks.
func ranks(x []float64) []float64 {
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmpFloat(x[a], x[b]) })
	r := make([]float64, len(x))
	for i := 0; i < len(idx); {
		j := i
		for j < len(idx) && x[idx[j]] == x[idx[i]] {
			j++
		}
		mean := float64(i+j+1) / 2 // ranks i+1..j
		for k := i; k < j; k++ {
			r[idx[k]] = mean
		}
		i = j
	}
	return r
}

// pearson is the correlation coefficient; NaN when either side is
// constant.
func pearson(x, y []float64) float64 {
	n := float64(len(x))
	if n == 0 {
		return math.NaN()
	}
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= n
	my /= n
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return math.NaN()
	}
	return sxy / math.Sqrt(sxx*syy)
}
