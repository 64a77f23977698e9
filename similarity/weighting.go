package similarity

import (
	"math"
	"slices"
)

// IDF selects the inverse document frequency formula. With N documents and
// a term in df of them:
//
//	IDFSmooth     idf = ln((1+N)/(1+df)) + 1   scikit-learn's default (smooth_idf=True)
//	IDFUnshifted  idf = ln((1+N)/(1+df))       james-bowman/nlp's TfidfTransformer
//	IDFNone       idf = 1                      plain term frequency
//
// The +1 of IDFSmooth keeps terms found in every document (idf 0 under
// IDFUnshifted) in the vector with a small weight, so two units made only
// of common words can still match. Adding 1 to N and df acts as if one
// extra document held every term once, and keeps a term unseen in the
// corpus (df 0) finite.
type IDF uint8

const (
	IDFSmooth    IDF = iota // ln((1+N)/(1+df)) + 1 (default)
	IDFUnshifted            // ln((1+N)/(1+df))
	IDFNone                 // 1
)

// Weighting turns the terms of one unit into an L2-normalised TF-IDF vector
// (Salton & Buckley 1988, "Term-weighting approaches in automatic text
// retrieval"). The weight of term t in a unit where it occurs tf times is
//
//	w_t = tf'(t) · idf(t),   tf' = tf, or 1 + ln(tf) when Sublinear,
//
// with idf as selected by IDF, and the vector is then divided by its L2 norm
// sqrt(Σ w_t²), so that Cosine is a plain dot product. Terms whose weight is
// not positive (idf 0 under IDFUnshifted for a term in every document, or a
// DocFreq counting a term in more documents than it has) are left out. The
// zero Weighting is scikit-learn TfidfVectorizer's default: raw tf, smooth
// idf, L2 norm.
//
// Why not call james-bowman/nlp, which the tests use as the reference: nlp
// builds a sparse term-document matrix through map-based DOK and CSR
// formats in float64, refits on every call, and has no way to vectorise one
// unit against a fixed document frequency table; this path sorts the unit's
// term ids in the caller's buffer and allocates nothing. BenchmarkTFIDF,
// text of the 36 paragraphs of testdata/cambodia-article.txt to TF-IDF
// vectors with the same tokeniser on both sides (go test -run - -bench
// TFIDF -benchmem ./similarity/, 2-core AMD EPYC):
//
//	nlp   CountVectoriser + TfidfTransformer   285 µs/op   220 kB/op   343 allocs/op
//	ours  Vocabulary + DocFreq + Vector         69 µs/op    15 kB/op    50 allocs/op
//
// of which Vector itself is 15 µs and 0 allocs (5.8 µs with VectorTable),
// the rest tokenising; the allocations left are the tests' tokeniser's.
type Weighting struct {
	// Sublinear replaces tf by 1 + ln(tf), so a word repeated in a unit
	// counts less than linearly.
	Sublinear bool
	// IDF is the idf formula (default IDFSmooth).
	IDF IDF
}

// TermIDF returns idf(t) for the formula selected by w.IDF, with N and
// df(t) taken from df (a nil df counts as no documents).
func (w Weighting) TermIDF(df *DocFreq, t uint32) float64 {
	n := 0
	if df != nil {
		n = df.N
	}
	return w.idf(n, df.Freq(t))
}

func (w Weighting) idf(n, df int) float64 {
	switch w.IDF {
	case IDFNone:
		return 1
	case IDFUnshifted:
		return math.Log(float64(1+n) / float64(1+df))
	}
	return math.Log(float64(1+n)/float64(1+df)) + 1
}

// IDFTable returns idf(t) for every term t < len(df.DF), for VectorTable:
// computing the logarithms once per term rather than once per occurrence.
func (w Weighting) IDFTable(df *DocFreq) []float64 {
	tab := make([]float64, len(df.DF))
	for t, f := range df.DF {
		tab[t] = w.idf(df.N, int(f))
	}
	return tab
}

// Vector writes into dst the normalised TF-IDF vector of one unit whose
// terms (with repeats, in any order) are given, IDF from df. It reuses
// dst's slices and allocates only when they are too short for the unit's
// distinct terms. A unit with no terms, or none of positive weight, gives
// the empty vector. terms is not modified.
func (w Weighting) Vector(terms []uint32, df *DocFreq, dst *Vector) {
	w.vector(terms, df, nil, dst)
}

// VectorTable is Vector with idf read from a table made by IDFTable for the
// same df; terms past the end of the table get idf for df(t) = 0.
func (w Weighting) VectorTable(terms []uint32, idf []float64, df *DocFreq, dst *Vector) {
	w.vector(terms, df, idf, dst)
}

func (w Weighting) vector(terms []uint32, df *DocFreq, table []float64, dst *Vector) {
	ts := append(dst.Terms[:0], terms...)
	slices.Sort(ts)
	ws := slices.Grow(dst.Weights[:0], len(ts))
	n := 0
	if df != nil {
		n = df.N
	}
	// Compress runs of equal ids in place: ts[k] is the k-th distinct term.
	var sum float64
	k := 0
	for i := 0; i < len(ts); {
		t := ts[i]
		j := i + 1
		for j < len(ts) && ts[j] == t {
			j++
		}
		tf := float64(j - i)
		i = j
		if w.Sublinear {
			tf = 1 + math.Log(tf)
		}
		var idf float64
		if int(t) < len(table) {
			idf = table[t]
		} else {
			idf = w.idf(n, df.Freq(t))
		}
		x := tf * idf
		if !(x > 0) || math.IsInf(x, 0) {
			continue
		}
		ts[k] = t
		ws = append(ws, float32(x))
		sum += x * x
		k++
	}
	ts = ts[:k]
	if k > 0 {
		// Scale the float32 weights by the norm of the float64 ones:
		// the relative error stays within float32 rounding.
		inv := 1 / math.Sqrt(sum)
		for i, x := range ws {
			ws[i] = float32(float64(x) * inv)
		}
	}
	dst.Terms, dst.Weights = ts, ws
}
