package neardup

import (
	"slices"

	"github.com/neardup/neardup/corpus"
	"github.com/neardup/neardup/shingle"
)

// partialCoverage is the share of its sentences that at least one unit of
// a pair of multi-sentence units must find said in the other for the pair
// to be a paraphrase.
const partialCoverage = 0.6

// sentenceMatch is the share of a sentence's content terms that must occur
// in the other unit for the sentence to count as said there too.
const sentenceMatch = 0.5

// partialOverlap reports whether two multi-sentence units merely share part
// of their content: fewer than partialCoverage of the sentences of either
// unit are said in the other. Paragraphs that share one sentence of four
// (a quotation, a stock phrase) are related, not rewordings of each other;
// a rewording keeps most of the sentences of at least one side (synonyms,
// a reordered, dropped or added sentence). Sentences count equally,
// whatever their length, so that one long shared sentence cannot pass for
// the whole paragraph. Sentence mode reports the shared sentence itself.
func (s *scanner) partialOverlap(a, b int) bool {
	ta, sa := s.sentenceTerms(s.units[a].Text)
	tb, sb := s.sentenceTerms(s.units[b].Text)
	return max(sentenceCoverage(ta, sa, tb), sentenceCoverage(tb, sb, ta)) < partialCoverage
}

// sentenceTerms returns the hashes of the content terms of text, and for
// each sentence the end of its run in the hashes.
func (s *scanner) sentenceTerms(text string) (terms []uint64, ends []int) {
	toks := s.analyzer.Tokens(text, nil)
	k := 0
	for _, sent := range corpus.SplitText(text, corpus.Sentence) {
		for ; k < len(toks) && toks[k].Start < sent.End; k++ {
			if !toks[k].Stop {
				terms = append(terms, shingle.Hash64(toks[k].Term, 0))
			}
		}
		ends = append(ends, len(terms))
	}
	for ; k < len(toks); k++ {
		if !toks[k].Stop {
			terms = append(terms, shingle.Hash64(toks[k].Term, 0))
		}
	}
	if len(ends) > 0 {
		ends[len(ends)-1] = len(terms)
	}
	return terms, ends
}

// sentenceCoverage is the share of the sentences of a (terms ta, runs
// ending at ends) whose content terms occur in tb for at least
// sentenceMatch of their number. Sentences without content terms do not
// count.
func sentenceCoverage(ta []uint64, ends []int, tb []uint64) float64 {
	set := slices.Clone(tb)
	slices.Sort(set)
	said, counted, lo := 0, 0, 0
	for _, hi := range ends {
		if hi > lo {
			found := 0
			for _, t := range ta[lo:hi] {
				if _, ok := slices.BinarySearch(set, t); ok {
					found++
				}
			}
			counted++
			if float64(found) >= sentenceMatch*float64(hi-lo) {
				said++
			}
		}
		lo = hi
	}
	if counted == 0 {
		return 0
	}
	return float64(said) / float64(counted)
}

// figureShare is the share of a unit's content tokens that are numbers above
// which the numbers are what the unit says.
const figureShare = 0.25

// differentFigures reports whether two units state different figures with
// the same wording: both give numbers, they share none, and numbers make up
// at least figureShare of the content of one of them. Earnings lines ("Shr
// 69 cts vs 63 cts" against "Shr 14 cts vs 13 cts"), scores and tables share
// their wording template, not their facts.
func (s *scanner) differentFigures(a, b int) bool {
	na, ca := s.figures(s.units[a].Text)
	nb, cb := s.figures(s.units[b].Text)
	if len(na) == 0 || len(nb) == 0 {
		return false
	}
	for _, x := range na {
		if slices.Contains(nb, x) {
			return false
		}
	}
	return float64(len(na)) >= figureShare*float64(ca) || float64(len(nb)) >= figureShare*float64(cb)
}

// figures returns the canonical numbers of text and its count of content
// tokens (numbers included).
func (s *scanner) figures(text string) (nums []string, content int) {
	for _, t := range s.analyzer.Tokens(text, nil) {
		switch {
		case t.Number:
			nums = append(nums, t.Term)
			content++
		case !t.Stop:
			content++
		}
	}
	return nums, content
}

// contentWords counts the distinct content words of text: stemmed terms
// that are neither stop words nor numbers. "Shr 69 cts vs 63 cts" has three
// (shr, ct, vs): a line of a table, too thin to be called a paraphrase of
// another however alike their wording.
func (s *scanner) contentWords(text string) int {
	var seen [64]uint64
	n := 0
	for _, t := range s.analyzer.Tokens(text, nil) {
		if t.Stop || t.Number {
			continue
		}
		h := shingle.Hash64(t.Term, 0)
		if n < len(seen) && slices.Contains(seen[:n], h) {
			continue
		}
		if n < len(seen) {
			seen[n] = h
		}
		n++
		if n >= 64 {
			return n
		}
	}
	return n
}
