package score

import (
	"fmt"
	"math"
	"slices"
	"testing"
)

func TestEnumeration(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"3. Security guarantees", 2},
		{"  12) Strategic depth", 5},
		{"202.\tAnd all Fathers", 4},
		{"2024. A year", 0},       // four digits: a year, not an item number
		{"3.5 million people", 0}, // a decimal number
		{"3 people died", 0},
		{"3.", 0},
		{"3. ", 0}, // nothing follows
		{"Security", 0},
		{"", 0},
	} {
		if got := enumeration(c.text); got != c.want {
			t.Errorf("enumeration(%q) = %d, want %d", c.text, got, c.want)
		}
	}
}

// TestAnalyzeEnumeration checks that an item number opening a unit is not
// one of its words: two items of a list numbered alike do not share a
// number.
func TestAnalyzeEnumeration(t *testing.T) {
	s := newTestScorer(t)
	a := s.Analyze("3. Security guarantees – Optimizing cybercrime coordination and law enforcement efforts.")
	b := s.Analyze("Security guarantees – Optimizing cybercrime coordination and law enforcement efforts.")
	if a.tokens != b.tokens || len(a.numbers()) != 0 || a.seqHash != b.seqHash {
		t.Errorf("numbered item: %d tokens, numbers %v; want %d tokens, none, same sequence", a.tokens, a.numbers(), b.tokens)
	}
	if n := s.Analyze("3 people died in the fire."); len(n.numbers()) != 1 {
		t.Errorf("a sentence opening with a count lost its number: %v", n.numbers())
	}
}

// TestNumbersCanonical checks that a number written two ways is one
// number: the Numbers feature and the duplicate rule compare canonical
// forms, while a different number still counts.
func TestNumbersCanonical(t *testing.T) {
	s := newTestScorer(t)
	c := s.NewCorpus(nil)
	a := s.Analyze("Sales rose to 12,000 units last year, up 2.50 percent.")
	b := s.Analyze("Sales climbed to 12000 units last year, up 2.5 percent.")
	if f := s.Features(c, a, b); f.Numbers != 0 {
		t.Errorf("12,000/12000 and 2.50/2.5: Numbers = %v, want 0", f.Numbers)
	}
	if r := s.Score(c, a, b); r.Kind != Duplicate {
		t.Errorf("one word reworded, numbers written differently: %s (%.3f), want duplicate", r.Kind, r.Score)
	}
	d := s.Analyze("Sales climbed to 13,000 units last year, up 2.5 percent.")
	if f := s.Features(c, a, d); f.Numbers != 2.0/3 {
		t.Errorf("12,000 against 13,000: Numbers = %v, want 2/3 (one of three distinct numbers shared)", f.Numbers)
	}
	if r := s.Score(c, a, d); r.Kind == Duplicate {
		t.Errorf("a changed number: %s, want not duplicate", r.Kind)
	}
	// A number word is its number; "one" is not a number.
	w2 := s.Analyze("Two teachers and one priest are awaiting trial, twelve days after the raid.")
	d2 := s.Analyze("2 teachers and one priest are awaiting trial, 12 days after the raid.")
	if f := s.Features(c, w2, d2); f.Numbers != 0 || f.Cosine < 1-1e-9 || f.Names != 0 {
		t.Errorf("two/2, twelve/12: Numbers = %v, Cosine = %v, Names = %v; want 0, 1, 0", f.Numbers, f.Cosine, f.Names)
	}
	if r := s.Score(c, w2, d2); r.Kind != Duplicate {
		t.Errorf("numbers written as words on one side: %s (%.3f), want duplicate", r.Kind, r.Score)
	}
	if w, d := s.Analyze("Port strike ends after three weeks").ContentWords(), s.Analyze("Port strike ends after 3 weeks").ContentWords(); w != 5 || d != 4 {
		t.Errorf("content words: %d with \"three\", %d with \"3\"; want 5 and 4 (a number word is a word, digits are not)", w, d)
	}
	// Both spellings of one number: the word still counts.
	if n := s.Analyze("Port strike ends after three (3) weeks").ContentWords(); n != 5 {
		t.Errorf("content words with \"three (3)\": %d, want 5", n)
	}
	if n := len(s.Analyze("No one said one thing.").numbers()); n != 0 {
		t.Errorf("\"one\" counted as a number (%d numbers)", n)
	}
	if e := s.Explain(c, w2, s.Analyze("Three teachers and one priest are awaiting trial, 12 days after the raid.")); fmt.Sprint(e.NumbersOnlyA, e.NumbersOnlyB) != "[two] [three]" {
		t.Errorf("two/three: numbers only in A, B: %q, %q; want [two], [three]", e.NumbersOnlyA, e.NumbersOnlyB)
	}
	// The explanation names the numbers as written, compared canonically.
	e := s.Explain(c, a, d)
	if fmt.Sprint(e.NumbersOnlyA, e.NumbersOnlyB) != "[12,000] [13,000]" {
		t.Errorf("numbers only in A, B: %q, %q; want [12,000], [13,000]", e.NumbersOnlyA, e.NumbersOnlyB)
	}
	if e := s.Explain(c, a, b); len(e.NumbersOnlyA)+len(e.NumbersOnlyB) != 0 {
		t.Errorf("12,000/12000 and 2.50/2.5: numbers only in A, B: %q, %q; want none", e.NumbersOnlyA, e.NumbersOnlyB)
	}
}

// TestUnalignedShape checks Gap and Unshared on a clause one side
// adds (an MRPC pair labelled "not equivalent").
func TestUnalignedShape(t *testing.T) {
	s := newTestScorer(t)
	short := "Sammy Sosa was suspended for eight games by major league baseball Friday for using a corked bat."
	long := "Sammy Sosa was suspended for eight games by major league baseball Friday for using a corked bat, and he immediately appealed the decision."
	a, b := s.Analyze(short), s.Analyze(long)
	c := s.NewCorpus([]*Unit{a, b})
	f := s.Features(c, a, b)
	// "immediately appealed decision": three content tokens in a row,
	// "and he" and "the" between them being stop words.
	if want := math.Log1p(3); math.Abs(f.Gap-want) > 1e-12 {
		t.Errorf("Gap = %v, want ln 4 = %v", f.Gap, want)
	}
	if want := 3.0 / float64(b.nt); math.Abs(f.Unshared-want) > 1e-12 {
		t.Errorf("Unshared = %v, want 3/%d", f.Unshared, b.nt)
	}
	if g := s.Features(c, b, a); g != f {
		t.Errorf("features depend on the order of the pair: %+v vs %+v", f, g)
	}
	same := s.Features(c, a, s.Analyze(short))
	if same.Gap != 0 || same.Unshared != 0 {
		t.Errorf("identical units: Gap %v, Unshared %v; want 0", same.Gap, same.Unshared)
	}
}

func TestOpensSentence(t *testing.T) {
	s := newTestScorer(t)
	for _, c := range []struct {
		text string
		want []uint32 // token indexes that open a sentence
	}{
		{"The parade moved west. It went through the district.", []uint32{4}},
		{"U.S. President George W. Bush met Mr. Goh on Monday.", nil},
		{"Shares rose 3 percent. 12 analysts agreed!  Did they?", []uint32{3, 6}}, // "3 percent" is one number
		{"He came at 3 p.m. and left. then he slept.", nil},                       // lower case after '.'
		{"first line\nsecond line", []uint32{2}},
		{"The firm, Acme Inc. The rest followed.", []uint32{4}}, // "The" after "Inc."
	} {
		if got := s.Analyze(c.text).starts(); !slices.Equal(got, c.want) {
			t.Errorf("%q: sentences open at tokens %v, want %v", c.text, got, c.want)
		}
	}
}

// TestGapSentences checks that a sentence one side adds to a paragraph
// is not a gap, while a clause added inside a sentence is (a sentence
// counts while at least half of its content is aligned, and the sentences
// that do not count are left out only while they hold less than half of
// the side's content).
func TestGapSentences(t *testing.T) {
	s := newTestScorer(t)
	base := "We are therefore also liberal in what we accept. Immediates are not encoded as vector types. Your life would be very empty if you had nothing to regret."
	added := "We are therefore also liberal in what we accept. Immediates are not encoded as vector types. Their HTTP client may be unable to read this while they are still writing their request. Your life would be very empty if you had nothing to regret."
	clause := "We are therefore also liberal in what we accept. Immediates are not encoded as vector types, which keeps the bytecode compact. Your life would be very empty if you had nothing to regret."
	shared := "We are therefore also liberal in what we accept. Their HTTP client may be unable to read this while they are still writing their request. Vests are to suits as seat-belts are to cars."
	a := s.Analyze(base)
	for _, c := range []struct {
		text string
		want int
	}{
		{added, 0},  // the whole added sentence is left out
		{clause, 3}, // keeps bytecode compact
		// One sentence of three shared: not one paragraph with another
		// added, so the unaligned sentences count (the longest has seven
		// content words: HTTP client unable read still writing request).
		{shared, 7},
	} {
		b := s.Analyze(c.text)
		f := s.Features(s.NewCorpus([]*Unit{a, b}), a, b)
		if want := math.Log1p(float64(c.want)); math.Abs(f.Gap-want) > 1e-12 {
			t.Errorf("%q: Gap = %v (a run of %.0f), want %d", c.text, f.Gap, math.Expm1(f.Gap), c.want)
		}
	}
}

// TestAntonym checks the antonym feature on words WordNet opposes, and
// that words found on both sides do not count.
func TestAntonym(t *testing.T) {
	s := newTestScorer(t)
	for _, c := range []struct {
		a, b string
		want float64
	}{
		{"A man is playing a guitar.", "A woman is playing a guitar.", 1},
		{"A girl is riding a horse.", "A boy is riding a horse.", 1},
		{"The team won the final.", "The team lost the final.", 1},
		{"A man is playing a guitar.", "A man is playing a violin.", 0},
		{"A man and a woman are dancing.", "A woman and a man dance.", 0}, // both on both sides
	} {
		a, b := s.Analyze(c.a), s.Analyze(c.b)
		if got := s.Features(s.NewCorpus([]*Unit{a, b}), a, b).Antonym; got != c.want {
			t.Errorf("Antonym(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
