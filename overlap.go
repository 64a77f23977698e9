package neardup

import (
	"cmp"
	"slices"

	"github.com/neardup/neardup/score"
)

// partialCoverage is the share of its sentences that at least one unit of
// a pair of multi-sentence units must find said in the other for the pair
// to be a paraphrase. A rewording (synonyms, a reordered, dropped or added
// sentence) says every sentence of its shorter side in the other: 99.3% of
// the planted pairs of the generated 10^5 corpus reach 0.75. Two of three
// sentences in common (0.67) is, in a large corpus, mostly chance: at
// 10^6 paragraphs 0.6 let 17,000 such pairs through as paraphrases, 0.75
// lets 3,000 (docs/performance.md).
const partialCoverage = 0.75

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
//
// This reads exact content terms; scorePair asks it only when the
// scorer's own reading (score.Features.Said, where synonyms, stems and
// compounds count) finds the pair partial too: a paragraph reworded
// sentence by sentence ("resigned" / "quit", "pillar" / "foundation")
// shares few exact terms in any sentence.
func (s *scanner) partialOverlap(a, b int) bool {
	return max(s.sentenceCoverage(a, b), s.sentenceCoverage(b, a)) < partialCoverage
}

// sentenceCoverage is the share of the sentences of unit a whose content
// terms (see sentenceProfile) occur in unit b for at least sentenceMatch of
// their number. Sentences without content terms do not count.
func (s *scanner) sentenceCoverage(a, b int) float64 {
	var set termSet
	tb := s.sent.unitTerms(b)
	if !set.fill(tb) {
		// Too many terms for the small set: sort a copy.
		sorted := slices.Clone(tb)
		slices.Sort(sorted)
		return s.coverage(a, func(t uint32) bool {
			_, ok := slices.BinarySearch(sorted, t)
			return ok
		})
	}
	return s.coverage(a, set.has)
}

// coverage is sentenceCoverage with the membership test in.
func (s *scanner) coverage(a int, in func(uint32) bool) float64 {
	lo, hi := s.sent.sentences(a)
	said, counted := 0, 0
	for k := lo; k < hi; k++ {
		ta := s.sent.sentence(k)
		if len(ta) == 0 {
			continue
		}
		found := 0
		for _, t := range ta {
			if in(t) {
				found++
			}
		}
		counted++
		if float64(found) >= sentenceMatch*float64(len(ta)) {
			said++
		}
	}
	if counted == 0 {
		return 0
	}
	return float64(said) / float64(counted)
}

// termSet is a small open-addressing hash set of term hashes (linear
// probing, load at most 1/2) that lives on the stack: the membership test
// of sentenceCoverage, which runs for every candidate pair.
type termSet struct {
	keys [termSetSize]uint32
	used [termSetSize / 64]uint64
}

const termSetSize = 256

// fill puts the terms in the set; it reports false, leaving the set
// unusable, when there are more than termSetSize/2 of them.
func (t *termSet) fill(terms []uint32) bool {
	if len(terms) > termSetSize/2 {
		return false
	}
	for _, x := range terms {
		i := t.slot(x)
		t.keys[i] = x
		t.used[i/64] |= 1 << (i % 64)
	}
	return true
}

// slot returns the slot of x: its own or the free one where it goes.
func (t *termSet) slot(x uint32) int {
	i := int((x * 0x9e3779b1) >> 24)
	for t.used[i/64]&(1<<(i%64)) != 0 && t.keys[i] != x {
		i = (i + 1) % termSetSize
	}
	return i
}

func (t *termSet) has(x uint32) bool {
	i := t.slot(x)
	return t.used[i/64]&(1<<(i%64)) != 0
}

// figureShare is the share of a unit's content tokens that are numbers above
// which the numbers are what the unit says. The scorer's tokens, which it
// is a share of, count words that the shingle analyzer's stop list left out
// ("vs"), so 0.2 of them is about what 0.25 of the shingle tokens was
// before the rule read numbers as the scorer does (2026-11-27; see
// docs/quality.md, "scan's different-figures rule").
const figureShare = 0.2

// differentFigures reports whether two units state different figures with
// the same wording: both give numbers, they share none (numbers, the share
// of numbers on one side only that the scorer measures, is 1), and numbers
// make up at least figureShare of the content tokens of one of them.
// Earnings lines ("Shr 69 cts vs 63 cts" against "Shr 14 cts vs 13 cts"),
// scores and tables share their wording template, not their facts. Numbers
// are read as the scorer reads them: "two cts" gives the number 2, "$25
// million" one amount.
func (s *scanner) differentFigures(a, b int, numbers float64) bool {
	if numbers < 1 {
		return false
	}
	na, ca := s.su[a].Figures()
	nb, cb := s.su[b].Figures()
	if na == 0 || nb == 0 {
		return false
	}
	return float64(na) >= figureShare*float64(ca) || float64(nb) >= figureShare*float64(cb)
}

// minFillings is the number of ways, at least, in which the compared units
// fill a frame (score.Unit.Frame) for it to be a template, and
// minFrameWords the words a frame needs: a line of names alone ("New York
// Rangers Messier Kovalev") has a frame of none, shared by any other.
const (
	minFillings   = 3
	minFrameWords = 2
)

// templates marks the compared units whose wording is a template (see
// templated) among the compared units. Wire copy, tables and forms state
// one kind of fact in one house phrasing ("Shr 12 cts vs 10 cts", "X Corp
// said its board declared a quarterly dividend of N cts per share,
// payable DATE to holders of record DATE", "X contributed to this
// story"); a unit so worded and one that gives other numbers or other
// names state other facts, however alike their words (scorePair).
func (s *scanner) templates() []bool {
	var idx []int
	var units []*score.Unit
	for i, u := range s.su {
		if s.content[i] {
			idx = append(idx, i)
			units = append(units, u)
		}
	}
	out := make([]bool, len(s.su))
	for j, t := range templated(units) {
		out[idx[j]] = t
	}
	return out
}

// templated reports which of units are worded in a template: a frame
// (score.Unit.Frame: the wording with its runs of numbers and names left
// out) of at least minFrameWords words that units fill in at least
// minFillings different ways (distinct FactsKeys: the same facts
// repeated, copies and near-copies, count once).
func templated(units []*score.Unit) []bool {
	type use struct {
		frame, facts uint64
		unit         int
	}
	uses := make([]use, 0, len(units))
	for i, u := range units {
		if f, words := u.Frame(); words >= minFrameWords {
			uses = append(uses, use{f, u.FactsKey(), i})
		}
	}
	slices.SortFunc(uses, func(a, b use) int {
		return cmp.Or(cmp.Compare(a.frame, b.frame), cmp.Compare(a.facts, b.facts))
	})
	out := make([]bool, len(units))
	for i := 0; i < len(uses); {
		j, fillings := i+1, 1
		for ; j < len(uses) && uses[j].frame == uses[i].frame; j++ {
			if uses[j].facts != uses[j-1].facts {
				fillings++
			}
		}
		if fillings >= minFillings {
			for _, u := range uses[i:j] {
				out[u.unit] = true
			}
		}
		i = j
	}
	return out
}

// restated marks the units that the kept paraphrase pairs restate with
// other figures at least minFillings-1 different ways: two partners in
// such pairs (otherNumbers: each gives a number the other lacks, and they
// share no rare one) that give other numbers than each other too. With
// the unit itself, the form is filled minFillings ways: a template whose frame the wording
// varies too much for templates to see ("The central bank said it
// provided 240 million pounds of help to the money market in the morning
// session", "... had given the money market 95 million pounds of
// assistance ...", "In the morning session the central bank provided help
// worth 130 million pounds ..."; market reports, bond issues, polls). Two
// partners of which one only adds a figure to the other ("770 dead", "770
// dead on March 3") are one filling: a story updated once (643 dead, then
// 770) stays a paraphrase, however many copies of either version there
// are. It returns pairs without those of a marked unit that give other
// numbers (otherFigures), which scorePair also turns down from then on
// (the price: docs/quality.md, "Kept: restated with other figures").
func (s *scanner) restated(pairs []Pair) []Pair {
	partners := make(map[int][]*score.Unit)
	for _, p := range pairs {
		if p.Kind == Paraphrase && s.otherNumbers(p.A, p.B) {
			partners[p.A] = append(partners[p.A], s.su[p.B])
			partners[p.B] = append(partners[p.B], s.su[p.A])
		}
	}
	s.restate = make([]bool, len(s.su))
	for u, ps := range partners {
		s.restate[u] = fillings(ps)
	}
	out := pairs[:0]
	for _, p := range pairs {
		if !s.otherFigures(p.A, p.B) {
			out = append(out, p)
		}
	}
	return out
}

// maxFillingScan bounds the partners fillings compares each other partner
// with: a unit restated so often is found among the first few.
const maxFillingScan = 64

// fillings reports whether two of the units ps, the partners that give a
// unit other numbers, give other numbers than each other too
// (score.OtherNumbers): with the unit, minFillings fillings. Partners with
// one set of numbers (NumbersKey) are compared once. It reorders ps.
func fillings(ps []*score.Unit) bool {
	if len(ps) < minFillings-1 {
		return false
	}
	slices.SortFunc(ps, func(a, b *score.Unit) int { return cmp.Compare(a.NumbersKey(), b.NumbersKey()) })
	ps = slices.CompactFunc(ps, func(a, b *score.Unit) bool { return a.NumbersKey() == b.NumbersKey() })
	for i := 0; i < len(ps) && i < maxFillingScan; i++ {
		for j := i + 1; j < len(ps); j++ {
			if score.OtherNumbers(ps[i], ps[j]) {
				return true
			}
		}
	}
	return false
}

// otherFigures reports whether one of units a and b is restated with other
// numbers (restated) and the two give other numbers.
func (s *scanner) otherFigures(a, b int) bool {
	return s.restate != nil && (s.restate[a] || s.restate[b]) && s.otherNumbers(a, b)
}

// rareFigure is the share of the compared units, at most, that give a
// number besides the two units of a pair for the pair to share a rare
// figure (otherNumbers).
const rareFigure = 1.0 / 2000

// otherNumbers reports whether units a and b give other numbers
// (score.OtherNumbers) and share no rare one: a figure that few other
// units give ("3,302,000 short tons", "15.8 mln bpd"; not a year or a
// round number) is one event's, told twice with other details. In a
// small corpus a number is rare when no other unit gives it.
func (s *scanner) otherNumbers(a, b int) bool {
	return score.OtherNumbers(s.su[a], s.su[b]) && !score.SharedNumber(s.su[a], s.su[b], s.rareNumber)
}

// rareNumber reports whether at most rareFigure of the compared units
// give the number term besides the two of a pair (rareIn).
func (s *scanner) rareNumber(term uint32) bool { return rareIn(s.corpus, term) }

// rareIn reports whether at most rareFigure of the units that c counts
// give the number term besides the two of a pair.
func rareIn(c *score.Corpus, term uint32) bool {
	return float64(c.DocFreq(term)-2) <= rareFigure*float64(c.Docs())
}
