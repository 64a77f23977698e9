package score

import "math"

// numFeatures is the length of Features.Vector.
const numFeatures = 18

// FeatureNames returns the names of the entries of Features.Vector, in
// order (the JSON names of the fields).
func FeatureNames() []string {
	return []string{"cosine", "align", "align_min", "char", "jaccard", "containment",
		"numbers", "names", "negation", "len_ratio", "identical", "lcs", "trigram", "unaligned", "unaligned_min", "len_diff", "soft", "soft_min"}
}

// Vector returns the features as the input of the learned combination, in
// the order of FeatureNames.
func (f Features) Vector() []float64 {
	v := f.array()
	return v[:]
}

func (f Features) array() [numFeatures]float64 {
	return [numFeatures]float64{f.Cosine, f.Align, f.AlignMin, f.Char, f.Jaccard, f.Containment,
		f.Numbers, f.Names, f.Negation, f.LenRatio, f.Identical, f.LCS, f.Trigram, f.Unaligned, f.UnalignedMin, f.LenDiff, f.Soft, f.SoftMin}
}

// probability is the learned combination: a gradient-boosted forest of
// complete binary regression trees of depth forestDepth on the logistic
// loss (Friedman 2001; second-order leaf values as in Chen & Guestrin
// 2016), p = σ(base + Σ tree(x)). The tables in model.go hold each tree's
// internal nodes in heap order (children of node i at 2i+1 and 2i+2; go
// left when x[feat] < thresh) and then its leaf values.
func (f Features) probability() float64 {
	v := f.array()
	var x [numFeatures]float32
	for i, y := range v {
		x[i] = float32(y)
	}
	const ni = 1<<forestDepth - 1
	const nl = 1 << forestDepth
	z := float32(forestBase)
	for t := 0; t < len(forestFeat)/ni; t++ {
		feat := forestFeat[t*ni : (t+1)*ni : (t+1)*ni]
		thresh := forestThresh[t*ni : (t+1)*ni : (t+1)*ni]
		n := 0
		for range forestDepth {
			// Branch-free descent: left child 2n+1 when below the threshold.
			n = 2*n + 2 - b2i(x[feat[n]] < thresh[n])
		}
		z += forestLeaf[t*nl+n-ni]
	}
	return 1 / (1 + math.Exp(-float64(z)))
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
