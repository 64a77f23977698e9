package score

import (
	"slices"
	"strings"
)

// WordPair is a word of one side aligned with a word of the other.
type WordPair struct {
	A          string  `json:"a"`
	B          string  `json:"b"`
	How        string  `json:"how"`        // "same", "compound", "synonym" (WordNet), "stem prefix" or "word vector"
	Similarity float64 `json:"similarity"` // the alignment credit: 1 for the same term, else below 1
}

// Explanation says why a pair scored as it did.
type Explanation struct {
	Result
	Shared  []WordPair `json:"shared"`  // content words with the same term on both sides, in A's order
	Aligned []WordPair `json:"aligned"` // content words matched otherwise, in A's order
	OnlyA   []string   `json:"only_a"`  // content words of A left unaligned, in order
	OnlyB   []string   `json:"only_b"`  // content words of B left unaligned, in order
	// Numbers found on one side only (as normalised).
	NumbersOnlyA []string `json:"numbers_only_a"`
	NumbersOnlyB []string `json:"numbers_only_b"`
}

// Explain scores the pair like Score and lists the word alignment behind
// it. It re-tokenises both texts to recover the words, so it is for
// showing a user one pair, not for bulk scoring. It is safe for concurrent
// use.
func (s *Scorer) Explain(c *Corpus, a, b *Unit) Explanation {
	swapped := !ordered(a, b)
	if swapped {
		a, b = b, a
	}
	sc := &pairScratch{}
	f := s.features(c, a, b, sc)
	e := Explanation{Result: s.result(f), Shared: []WordPair{}, Aligned: []WordPair{}}
	wa, na := s.surfaces(a)
	wb, nb := s.surfaces(b)
	for i, t := range a.terms() {
		j := sc.pa[i]
		if j < 0 {
			continue
		}
		p := WordPair{A: wa[t], B: wb[b.terms()[j]], Similarity: sc.ma[i]}
		switch sc.how[i] {
		case matchCompound:
			continue // below, once per run
		case matchSame:
			p.How = "same"
			e.Shared = append(e.Shared, p)
			continue
		case matchSynonym:
			p.How = "synonym"
		case matchPrefix:
			p.How = "stem prefix"
		case matchVector:
			p.How = "word vector"
		}
		e.Aligned = append(e.Aligned, p)
	}
	for _, m := range sc.cmp {
		p := WordPair{How: "compound", Similarity: 1}
		if m.inA {
			p.A, p.B = sc.a.norm[m.word], runText(&sc.b, m)
		} else {
			p.A, p.B = runText(&sc.a, m), sc.b.norm[m.word]
		}
		e.Aligned = append(e.Aligned, p)
	}
	at := s.wordOrder(a)
	for _, ps := range [][]WordPair{e.Shared, e.Aligned} {
		slices.SortStableFunc(ps, func(x, y WordPair) int { return at(x.A) - at(y.A) })
	}
	e.OnlyA = s.unalignedWords(a, sc.ma)
	e.OnlyB = s.unalignedWords(b, sc.mb)
	e.NumbersOnlyA = onlyIn(a.numbers(), b.numbers(), na)
	e.NumbersOnlyB = onlyIn(b.numbers(), a.numbers(), nb)
	if swapped {
		e.swap(s, b)
	}
	return e
}

// runText is the words of the run of a compound match, as normalised,
// joined by spaces.
func runText(sd *side, m compoundMatch) string {
	var words []string
	for _, z := range sd.idx[m.start : m.start+m.n] {
		words = append(words, sd.norm[z])
	}
	return strings.Join(words, " ")
}

// surfaces maps the unit's term ids to the first word (normal form) that
// gave each, and its number ids (of the canonical number) to the first
// spelling of each number.
func (s *Scorer) surfaces(u *Unit) (words, numbers map[uint32]string) {
	words, numbers = map[uint32]string{}, map[uint32]string{}
	for _, t := range s.tokens(u.text, nil) {
		term, num := scoreTerm(&t)
		if num {
			if id := termID(term); numbers[id] == "" { // the canonical number's term, as in the unit
				numbers[id] = t.Norm
			}
		}
		if t.Stop {
			continue
		}
		if id := termID(term); words[id] == "" {
			words[id] = t.Norm
		}
	}
	return words, numbers
}

// contentWords returns the normal forms of the unit's content words, in
// order.
func (s *Scorer) contentWords(u *Unit) []string {
	var out []string
	for _, t := range s.tokens(u.text, nil) {
		if !t.Stop {
			out = append(out, t.Norm)
		}
	}
	return out
}

// unalignedWords lists, in text order and once each, the content words
// whose term got no alignment credit.
func (s *Scorer) unalignedWords(u *Unit, credit []float64) []string {
	out := []string{}
	seen := map[uint32]bool{}
	for _, t := range s.tokens(u.text, nil) {
		if t.Stop {
			continue
		}
		term, _ := scoreTerm(&t)
		id := termID(term)
		i, ok := slices.BinarySearch(u.terms(), id)
		if !ok || credit[i] != 0 || seen[id] {
			continue
		}
		seen[id] = true
		out = append(out, t.Norm)
	}
	return out
}

// onlyIn lists the numbers of ids missing from other, in id order mapped
// to their text, sorted as text.
func onlyIn(ids, other []uint32, text map[uint32]string) []string {
	out := []string{}
	for _, id := range ids {
		if _, ok := slices.BinarySearch(other, id); !ok {
			out = append(out, text[id])
		}
	}
	slices.Sort(out)
	return out
}

// swap turns an explanation of (b, a) into one of (a, b); a is the unit
// that is now A.
func (e *Explanation) swap(s *Scorer, a *Unit) {
	e.OnlyA, e.OnlyB = e.OnlyB, e.OnlyA
	e.NumbersOnlyA, e.NumbersOnlyB = e.NumbersOnlyB, e.NumbersOnlyA
	at := s.wordOrder(a)
	for _, ps := range [][]WordPair{e.Shared, e.Aligned} {
		for i := range ps {
			ps[i].A, ps[i].B = ps[i].B, ps[i].A
		}
		slices.SortStableFunc(ps, func(x, y WordPair) int { return at(x.A) - at(y.A) })
	}
}

// wordOrder returns the position in u's content words of an entry of
// Shared or Aligned on u's side: the first occurrence of a word, or of a
// run of words (a compound's "web site") its longest leading part that is
// one word of u (a word may hold a space: the amount "25 million"). An
// entry found nowhere sorts last.
func (s *Scorer) wordOrder(u *Unit) func(w string) int {
	words := s.contentWords(u)
	pos := map[string]int{}
	for i, w := range words {
		if _, ok := pos[w]; !ok {
			pos[w] = i
		}
	}
	return func(w string) int {
		for {
			if i, ok := pos[w]; ok {
				return i
			}
			j := strings.LastIndexByte(w, ' ')
			if j < 0 {
				return len(words)
			}
			w = w[:j]
		}
	}
}
