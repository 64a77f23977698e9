package neardup

import (
	"github.com/neardup/neardup/corpus"
	"github.com/neardup/neardup/score"
)

// Scope selects which pairs a scan reports.
type Scope string

const (
	ScopeAll    Scope = "all"    // pairs inside one document and between documents
	ScopeWithin Scope = "within" // only pairs inside one document
	ScopeAcross Scope = "across" // only pairs between different documents
)

// Options controls a scan. The zero value is valid: every field documents the
// default it stands for when left zero. A value outside a field's range is
// an error from Scan, not replaced by the default.
type Options struct {
	// Unit is the unit of comparison: corpus.Paragraph (default) or corpus.Sentence.
	Unit corpus.Mode
	// Language is the snowball stemmer language (default "english").
	Language string
	// Scope selects within-document, cross-document or all pairs (default all).
	Scope Scope
	// MinWords is the number of distinct content words (words that are
	// neither stop words nor numbers in digits) a unit needs to be reported as a
	// duplicate or paraphrase: 1 or more (0: DefaultMinWords, 5).
	// Verbatim repeats of shorter units still count as boilerplate.
	MinWords int
	// Threshold is the scorer's calibrated confidence at or above which a
	// pair is a paraphrase, in (0,1] (0: DefaultThreshold, chosen on the
	// training splits of the paraphrase benchmarks: see docs/quality.md).
	Threshold float64
	// DuplicateThreshold is the word-sequence similarity, 2·LCS/(|A|+|B|)
	// over the token sequences, at or above which a pair with no differing
	// number or negation counts as a near-identical duplicate, in (0,1]
	// (0: DefaultDuplicateThreshold).
	DuplicateThreshold float64
	// BoilerplateDocs is the number of distinct documents a unit must repeat
	// verbatim in before it is boilerplate: 2 or more (0:
	// DefaultBoilerplateDocs, 3).
	BoilerplateDocs int
	// Workers is the number of goroutines used (0 or less: GOMAXPROCS).
	// The result does not depend on it.
	Workers int
}

// Defaults.
const (
	DefaultThreshold          = score.DefaultThreshold
	DefaultDuplicateThreshold = score.DefaultDuplicateThreshold
	DefaultMinWords           = 5
	DefaultBoilerplateDocs    = 3
)
