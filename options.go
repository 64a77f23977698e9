package neardup

import "github.com/neardup/neardup/corpus"

// Scope selects which pairs a scan reports.
type Scope string

const (
	ScopeAll    Scope = "all"    // pairs inside one document and between documents
	ScopeWithin Scope = "within" // only pairs inside one document
	ScopeAcross Scope = "across" // only pairs between different documents
)

// Options controls a scan. The zero value is valid: every field documents the
// default it stands for when left zero.
type Options struct {
	// Unit is the unit of comparison: corpus.Paragraph (default) or corpus.Sentence.
	Unit corpus.Mode
	// Language is the snowball stemmer language (default "english").
	Language string
	// Scope selects within-document, cross-document or all pairs (default all).
	Scope Scope
	// MinWords is the number of content words (after stop words are dropped)
	// a unit needs to be reported as a duplicate or paraphrase (default 5).
	// Verbatim repeats of shorter units still count as boilerplate.
	MinWords int
	// Threshold is the combined score at or above which a pair is a
	// paraphrase (default DefaultThreshold).
	Threshold float64
	// DuplicateThreshold is the word-shingle Jaccard at or above which a
	// pair counts as a near-identical duplicate (default DefaultDuplicateThreshold).
	DuplicateThreshold float64
	// ShingleSize is the number of words in a shingle (default 3).
	ShingleSize int
	// BoilerplateDocs is the number of distinct documents a unit must repeat
	// verbatim in before it is boilerplate (default 3).
	BoilerplateDocs int
	// Workers is the number of goroutines used (default GOMAXPROCS). The
	// result does not depend on it.
	Workers int
}

// Defaults.
const (
	DefaultThreshold          = 0.5
	DefaultDuplicateThreshold = 0.8
	DefaultMinWords           = 5
	DefaultShingleSize        = 3
	DefaultBoilerplateDocs    = 3
)
