package score

import (
	"regexp"
	"slices"
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
		shared, aligned []string // entries expected, in this order (others may come between)
	}{
		{"On Monday the harbour board approved spending of $25 million on new cranes.",
			"The harbour board approved $25m for new cranes on Monday.",
			[]string{"monday", "harbour", "board", "approved", "25 million/25m", "new", "cranes"}, nil},
		{"The harbour board approved $25m for new cranes on Monday.",
			"On Monday the harbour board approved spending of $25 million on new cranes.",
			[]string{"harbour", "board", "approved", "25m/25 million", "new", "cranes", "monday"}, nil},
		{"The harbour board shows the cranes budget on the web site, officials said.",
			"Officials stated the harbour board website displays the cranes budget.",
			[]string{"harbour", "board", "cranes", "budget", "officials"}, []string{"shows/displays", "web site/website"}},
		{"Officials stated the harbour board website displays the cranes budget.",
			"The harbour board shows the cranes budget on the web site, officials said.",
			[]string{"officials", "harbour", "board", "cranes", "budget"}, []string{"website/web site", "displays/shows"}},
	}
	swapped := 0
	for _, tc := range cases {
		a, b := s.Analyze(tc.a), s.Analyze(tc.b)
		if !ordered(a, b) {
			swapped++
		}
		e := s.Explain(s.NewCorpus([]*Unit{a, b}), a, b)
		for _, l := range []struct {
			name string
			got  []WordPair
			want []string
		}{{"shared", e.Shared, tc.shared}, {"aligned", e.Aligned, tc.aligned}} {
			var got []string
			for _, p := range l.got {
				if p.A == p.B {
					got = append(got, p.A)
				} else {
					got = append(got, p.A+"/"+p.B)
				}
			}
			if !inOrderOf(tc.a, l.got) || !subsequence(l.want, got) {
				t.Errorf("Explain(%q, %q): %s %q, want in A's order, with %q", tc.a, tc.b, l.name, got, l.want)
			}
		}
	}
	if swapped != 2 {
		t.Errorf("%d of the pairs taken the other way round, want 2: the test does not cover both paths", swapped)
	}
}

// inOrderOf reports whether the A sides of ps occur in text in that
// order, each first found as a whole word.
func inOrderOf(text string, ps []WordPair) bool {
	text = strings.ToLower(text)
	prev := -1
	for _, p := range ps {
		loc := regexp.MustCompile(`\b` + regexp.QuoteMeta(p.A) + `\b`).FindStringIndex(text)
		if loc == nil || loc[0] < prev {
			return false
		}
		prev = loc[0]
	}
	return true
}

// subsequence reports whether want occurs in got in order.
func subsequence(want, got []string) bool {
	for _, w := range want {
		i := slices.Index(got, w)
		if i < 0 {
			return false
		}
		got = got[i+1:]
	}
	return true
}
