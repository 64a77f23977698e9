package score

import "testing"

func newTestScorer(tb testing.TB) *Scorer {
	tb.Helper()
	s, err := New(Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return s
}
