package score

import (
	"fmt"
	"testing"
)

// TestCompounds checks that a word written as one on one side and as two
// or three on the other aligns whole, and that the explanation shows it
// once.
func TestCompounds(t *testing.T) {
	s := newTestScorer(t)
	c := s.NewCorpus(nil)
	a := s.Analyze("Visit our web site for health care news.")
	b := s.Analyze("Visit our website for healthcare news.")
	if f := s.Features(c, a, b); f.Align < 1-1e-9 || f.Unshared != 0 {
		t.Errorf("web site / website, health care / healthcare: Align = %v, Unshared = %v; want 1, 0", f.Align, f.Unshared)
	}
	e := s.Explain(c, a, b)
	if got := fmt.Sprint(e.Aligned); got != "[{web site website compound 1} {health care healthcare compound 1}]" {
		t.Errorf("aligned %s", got)
	}
	if len(e.OnlyA)+len(e.OnlyB) != 0 {
		t.Errorf("only in A %q, B %q; want none", e.OnlyA, e.OnlyB)
	}
	// The same the other way round, and a hashtag of three words.
	e = s.Explain(c, s.Analyze("Watch #newyorkcity marathon live"), s.Analyze("Watch the New York City marathon live"))
	if got := fmt.Sprint(e.Aligned); got != "[{newyorkcity new york city compound 1}]" {
		t.Errorf("aligned %s", got)
	}
	// Words that only share letters do not: "carpet" is not "car pet" when
	// the other side has no such run, and a run already aligned stays so.
	e = s.Explain(c, s.Analyze("The carpet was new."), s.Analyze("The car was new."))
	for _, p := range e.Aligned {
		if p.How == "compound" {
			t.Errorf("carpet / car: %v", p)
		}
	}
}
