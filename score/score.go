package score

import (
	"errors"
	"fmt"
	"math"
	"sync"

	"github.com/neardup/neardup/shingle"
)

// Options configures a Scorer. The zero value is valid: every field states
// the default a zero stands for.
type Options struct {
	// Language is the snowball stemmer language (default "english"). The
	// synonym and background tables are English: for another language they
	// are not used and IDF comes from the corpus alone.
	Language string
	// Threshold is the Score at or above which a pair is a paraphrase, in
	// (0,1] (0: DefaultThreshold).
	Threshold float64
	// DuplicateThreshold is the token-sequence similarity (Features.LCS:
	// 2·|longest common subsequence| / (|A|+|B|) over the words, stop words
	// included) at or above which a pair with no differing number, no
	// negation flip and no antonyms across the sides is a duplicate:
	// near-identical wording, copied or
	// lightly edited, in (0,1] (0: DefaultDuplicateThreshold). At 0.8 a
	// sentence of ten words may differ in two, a paragraph in one word of
	// ten.
	DuplicateThreshold float64
	// Background is the weight m of the background document frequencies in
	// pseudo-documents (default DefaultBackground); see Corpus.
	Background float64
}

// Defaults. The thresholds were chosen on the training splits by
// internal/gen/train; docs/quality.md gives the precision and recall.
const (
	DefaultThreshold          = modelThreshold
	DefaultDuplicateThreshold = 0.8
	DefaultBackground         = 200
)

// Kinds of verdict.
const (
	Duplicate  = "duplicate"  // near-identical wording
	Paraphrase = "paraphrase" // same content, reworded
	Different  = "different"  // neither
)

// ErrOptions reports an invalid option.
var ErrOptions = errors.New("score: invalid options")

// Scorer analyses units and scores pairs of them. It is safe for concurrent
// use. Apart from its vocabulary, which learns every distinct word Analyze
// meets (about 100 bytes a word, growing with the vocabulary of the text,
// not its length) and never changes what a word maps to, it is immutable.
// A Unit may be scored by any Scorer with the same options: it refers to
// the vocabulary that made it.
type Scorer struct {
	opt   Options
	an    *shingle.Analyzer
	lex   *lexicon
	voc   *vocab    // the words of the units analysed so far
	pool  sync.Pool // *scratch for Analyze
	fpool sync.Pool // *pairScratch for Score
}

// New returns a Scorer for the options.
func New(opt Options) (*Scorer, error) {
	if opt.Language == "" {
		opt.Language = "english"
	}
	if opt.Threshold == 0 {
		opt.Threshold = DefaultThreshold
	}
	if opt.DuplicateThreshold == 0 {
		opt.DuplicateThreshold = DefaultDuplicateThreshold
	}
	if opt.Background == 0 {
		opt.Background = DefaultBackground
	}
	switch {
	case !(opt.Threshold > 0 && opt.Threshold <= 1): // NaN too
		return nil, fmt.Errorf("%w: threshold %v: want a number in (0,1]", ErrOptions, opt.Threshold)
	case !(opt.DuplicateThreshold > 0 && opt.DuplicateThreshold <= 1):
		return nil, fmt.Errorf("%w: duplicate threshold %v: want a number in (0,1]", ErrOptions, opt.DuplicateThreshold)
	case opt.Background < 0 || math.IsNaN(opt.Background) || math.IsInf(opt.Background, 0):
		return nil, fmt.Errorf("%w: background weight %v", ErrOptions, opt.Background)
	}
	an, err := shingle.NewAnalyzer(shingle.Options{Language: opt.Language})
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrOptions, err)
	}
	s := &Scorer{opt: opt, an: an, voc: newVocab()}
	if opt.Language == "english" {
		s.lex, err = decodeLexicon(synonymsBin, backgroundBin, embeddingsBin)
		if err != nil {
			return nil, err
		}
		s.lex.dirs, s.lex.ords = directionTerms(an), ordinalTerms(an)
		s.lex.particles, s.lex.idioms = termSet(an, particleWords), termSet(an, idiomWords)
	} else {
		s.lex = &lexicon{docs: 1}
	}
	return s, nil
}

// Options returns the options in force, defaults filled in.
func (s *Scorer) Options() Options { return s.opt }

// Result is the verdict on one pair.
type Result struct {
	Score       float64  `json:"score"`       // calibrated probability that the pair says the same thing
	Cosine      float64  `json:"cosine"`      // TF-IDF cosine over content terms
	Jaccard     float64  `json:"jaccard"`     // Jaccard of word-bigram sets
	Containment float64  `json:"containment"` // share of the smaller unit's word bigrams found in the other
	Kind        string   `json:"verdict"`     // Duplicate, Paraphrase or Different
	Features    Features `json:"features"`
}

// Score scores a pair of units in a corpus. It is safe for concurrent use.
func (s *Scorer) Score(c *Corpus, a, b *Unit) Result {
	return s.result(s.Features(c, a, b))
}

// result turns features into a verdict.
func (s *Scorer) result(f Features) Result {
	r := Result{
		Score:       f.probability(),
		Cosine:      f.Cosine,
		Jaccard:     f.Jaccard,
		Containment: f.Containment,
		Features:    f,
	}
	if f.Identical == 1 {
		// The same words in the same order: no model needed to be sure.
		r.Score = 1
	}
	if f.Reversed() {
		r.Score = min(r.Score, ReversedScore)
	}
	r.Kind = s.kind(f, r.Score)
	return r
}

// ReversedScore bounds the score of a pair that reverses a movement
// (Features.Reversed): "Shares of Acme rose 5 percent." / "Shares of Acme
// fell 5 percent." share every other word, and the learned combination,
// which has seen few such pairs, scores them 0.9 or more. Of the 33 pairs
// of the four training splits that reverse a movement, 2 are labelled
// paraphrases (both of Twitter URL; MRPC 0 of 9, PAN 0 of 3, STS-B 0 of
// 16 scored 3.5 or more), and the score stays a probability.
const ReversedScore = 0.3

// Reversed reports whether the pair reverses a movement (Direction) with
// no negation flip to restore it ("did not rise" / "fell").
func (f Features) Reversed() bool { return f.Direction == 1 && f.Negation == 0 }

// kind decides the verdict: a duplicate is near-identical wording with no
// differing number, no negation flip and no antonyms across the sides
// ("The team will win the final." / "... lose ..." says the opposite in
// near-identical words); a paraphrase scores at or above the threshold.
func (s *Scorer) kind(f Features, p float64) string {
	switch {
	case f.Identical == 1 || f.LCS >= s.opt.DuplicateThreshold && f.Numbers == 0 && f.Negation == 0 && f.Antonym == 0 && f.Direction == 0 && f.Ordinal == 0:
		return Duplicate
	case p >= s.opt.Threshold:
		return Paraphrase
	}
	return Different
}
