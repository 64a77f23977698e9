// Package similarity turns the terms of text units into L2-normalised TF-IDF
// vectors and scores pairs of units: cosine over term vectors, and Jaccard,
// containment and intersection size over sorted hash sets (word shingles).
//
// Inputs are plain values: term ids from a Vocabulary, and sorted, unique
// 64-bit shingle hashes. The package imports no other neardup package.
//
// The TF-IDF weighting agrees with james-bowman/nlp's CountVectoriser and
// TfidfTransformer (the reference, checked in the tests) when both use the
// same IDF formula; see Weighting for the formulas and for why this package
// has its own fast path.
package similarity
