package score

import "math"

// numFeatures is the length of Features.Vector.
const numFeatures = 21

// FeatureNames returns the names of the entries of Features.Vector, in
// order (the JSON names of the fields).
func FeatureNames() []string {
	return []string{"cosine", "align", "align_min", "char", "jaccard", "containment",
		"numbers", "names", "negation", "len_ratio", "identical", "lcs", "trigram", "unaligned", "unaligned_min", "len_diff", "soft", "soft_min", "gap", "unshared", "antonym"}
}

// Vector returns the features as the input of the learned combination, in
// the order of FeatureNames.
func (f Features) Vector() []float64 {
	v := f.array()
	return v[:]
}

func (f Features) array() [numFeatures]float64 {
	return [numFeatures]float64{f.Cosine, f.Align, f.AlignMin, f.Char, f.Jaccard, f.Containment,
		f.Numbers, f.Names, f.Negation, f.LenRatio, f.Identical, f.LCS, f.Trigram, f.Unaligned, f.UnalignedMin, f.LenDiff, f.Soft, f.SoftMin, f.Gap, f.Unshared, f.Antonym}
}

// probability is the learned combination: a gradient-boosted forest of
// complete binary regression trees of depth forestDepth on the logistic
// loss (Friedman 2001; second-order leaf values as in Chen & Guestrin
// 2016), p = σ(base + Σ tree(x)). The tables in model.go hold each tree's
// internal nodes in heap order (children of node i at 2i+1 and 2i+2; go
// left when x[feat] < thresh) and then its leaf values.
func (f Features) probability() float64 {
	v := f.array()
	var x [32]float32 // indexed by feature&31: no bounds check
	for i, y := range v {
		x[i] = float32(y)
	}
	const ni = 1<<forestDepth - 1
	const nl = 1 << forestDepth
	const nt = len(forestFeat) / ni
	z := float32(forestBase)
	// Four trees at a time: their descents are independent, so the CPU
	// overlaps them. The leaves are still added in tree order, so the sum
	// is the same to the bit.
	t := 0
	for ; t+4 <= nt; t += 4 {
		f0 := (*[ni]uint8)(forestFeat[t*ni:])
		f1 := (*[ni]uint8)(forestFeat[(t+1)*ni:])
		f2 := (*[ni]uint8)(forestFeat[(t+2)*ni:])
		f3 := (*[ni]uint8)(forestFeat[(t+3)*ni:])
		h0 := (*[ni]float32)(forestThresh[t*ni:])
		h1 := (*[ni]float32)(forestThresh[(t+1)*ni:])
		h2 := (*[ni]float32)(forestThresh[(t+2)*ni:])
		h3 := (*[ni]float32)(forestThresh[(t+3)*ni:])
		n0, n1, n2, n3 := 0, 0, 0, 0
		for range forestDepth {
			// Branch-free descent: left child 2n+1 when below the threshold.
			n0 = 2*n0 + 2 - b2i(x[f0[n0]&31] < h0[n0])
			n1 = 2*n1 + 2 - b2i(x[f1[n1]&31] < h1[n1])
			n2 = 2*n2 + 2 - b2i(x[f2[n2]&31] < h2[n2])
			n3 = 2*n3 + 2 - b2i(x[f3[n3]&31] < h3[n3])
		}
		z += forestLeaf[t*nl+n0-ni]
		z += forestLeaf[(t+1)*nl+n1-ni]
		z += forestLeaf[(t+2)*nl+n2-ni]
		z += forestLeaf[(t+3)*nl+n3-ni]
	}
	for ; t < nt; t++ {
		feat := forestFeat[t*ni : (t+1)*ni : (t+1)*ni]
		thresh := forestThresh[t*ni : (t+1)*ni : (t+1)*ni]
		n := 0
		for range forestDepth {
			n = 2*n + 2 - b2i(x[feat[n]&31] < thresh[n])
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
