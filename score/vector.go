package score

import "math"

// numFeatures is the length of Features.Vector.
const numFeatures = 19

// FeatureNames returns the names of the entries of Features.Vector, in
// order (the JSON names of the fields).
func FeatureNames() []string {
	return []string{"cosine", "align", "align_min", "char", "jaccard", "containment",
		"numbers", "names", "negation", "len_ratio", "identical", "lcs", "trigram", "unaligned", "unaligned_min", "len_diff", "embed", "soft", "soft_min"}
}

// Vector returns the features as the input of the learned combination, in
// the order of FeatureNames.
func (f Features) Vector() []float64 {
	v := f.array()
	return v[:]
}

func (f Features) array() [numFeatures]float64 {
	return [numFeatures]float64{f.Cosine, f.Align, f.AlignMin, f.Char, f.Jaccard, f.Containment,
		f.Numbers, f.Names, f.Negation, f.LenRatio, f.Identical, f.LCS, f.Trigram, f.Unaligned, f.UnalignedMin, f.LenDiff, f.Embed, f.Soft, f.SoftMin}
}

// probability is the logistic model: σ(b + Σ wᵢ·xᵢ), weights from model.go.
func (f Features) probability() float64 {
	v := f.array()
	w := modelWeights()
	z := modelBias
	for i, x := range v {
		z += w[i] * x
	}
	return 1 / (1 + math.Exp(-z))
}
