package score

import (
	"strings"
	"testing"
)

// TestExplainOrder checks that the shared and aligned words are listed in
// A's order whichever way round the scorer takes the pair internally, for
// words holding a space (the amount "25 million") and for the runs of a
// compound ("web site").
func TestExplainOrder(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		a, b            string
		shared, aligned string
	}{
		{"On Monday the harbour board approved spending of $25 million on new cranes.",
			"The harbour board approved $25m for new cranes on Monday.",
			"monday harbour board approved 25 million/25m new cranes", ""},
		{"The harbour board approved $25m for new cranes on Monday.",
			"On Monday the harbour board approved spending of $25 million on new cranes.",
			"harbour board approved 25m/25 million new cranes monday", ""},
		{"The harbour board shows the cranes budget on the web site, officials said.",
			"Officials stated the harbour board website displays the cranes budget.",
			"harbour board cranes budget officials", "shows~displays web site~website"},
		{"Officials stated the harbour board website displays the cranes budget.",
			"The harbour board shows the cranes budget on the web site, officials said.",
			"officials harbour board cranes budget", "website~web site displays~shows"},
	}
	swapped := 0
	for _, tc := range cases {
		a, b := s.Analyze(tc.a), s.Analyze(tc.b)
		if !ordered(a, b) {
			swapped++
		}
		e := s.Explain(s.NewCorpus([]*Unit{a, b}), a, b)
		var shared, aligned []string
		for _, p := range e.Shared {
			if p.A == p.B {
				shared = append(shared, p.A)
			} else {
				shared = append(shared, p.A+"/"+p.B)
			}
		}
		for _, p := range e.Aligned {
			aligned = append(aligned, p.A+"~"+p.B)
		}
		if got := strings.Join(shared, " "); got != tc.shared {
			t.Errorf("Explain(%q, %q): shared\n %q, want\n %q", tc.a, tc.b, got, tc.shared)
		}
		if got := strings.Join(aligned, " "); got != tc.aligned {
			t.Errorf("Explain(%q, %q): aligned\n %q, want\n %q", tc.a, tc.b, got, tc.aligned)
		}
	}
	if swapped != 2 {
		t.Errorf("%d of the pairs taken the other way round, want 2: the test does not cover both paths", swapped)
	}
}
