package score

import (
	"testing"
)

// TestReversedMovement: a statement and its reverse are different, whatever
// the wording they share; rewordings that keep the direction, negations
// that restore it, and words of movement in other places are not reversals.
func TestReversedMovement(t *testing.T) {
	s := newTestScorer(t)
	tests := []struct {
		a, b     string
		reversed bool
	}{
		{"Shares of Acme rose 5 percent to 20 dollars on Monday.", "Shares of Acme fell 5 percent to 20 dollars on Monday.", true},
		{"Shares of Acme gained 5 percent to 20 dollars on Monday.", "Shares of Acme lost 5 percent to 20 dollars on Monday.", true},
		{"Shares of Acme climbed 5 percent on Monday.", "Shares of Acme dropped 5 percent on Monday.", true},
		{"Shares of Acme were up 5 percent on Monday.", "Shares of Acme were down 5 percent on Monday.", true},
		{"Singapore shares open lower on Friday", "Singapore shares open higher on Friday", true},
		{"Profits increased sharply in the third quarter.", "Profits decreased sharply in the third quarter.", true},
		// The same direction in other words.
		{"Shares of Acme rose 5 percent on Monday.", "Shares of Acme climbed 5 percent on Monday.", false},
		// A negation flip restores the sense.
		{"Shares of Acme did not rise on Monday.", "Shares of Acme fell on Monday.", false},
		// Words of movement in different places: no substitution.
		{"S&P 500 closes down 3, its longest losing streak in 36 years.", "S&P posts its longest losing streak in 36 years as investors gear up for the election.", false},
		// Both directions on one side.
		{"Shares rose in the morning and fell in the afternoon.", "Shares fell in the morning and rose in the afternoon.", false},
	}
	for _, tt := range tests {
		a, b := s.Analyze(tt.a), s.Analyze(tt.b)
		c := s.NewCorpus([]*Unit{a, b})
		f := s.Features(c, a, b)
		r := s.Score(c, a, b)
		if f.Reversed() != tt.reversed {
			t.Errorf("%q / %q: reversed %v, want %v", tt.a, tt.b, f.Reversed(), tt.reversed)
		}
		if tt.reversed && (r.Kind != Different || r.Score > ReversedScore) {
			t.Errorf("%q / %q: %s %.3f, want different at most %.2f", tt.a, tt.b, r.Kind, r.Score, ReversedScore)
		}
	}
}

// TestSwappedOrdinal: an ordinal that stands where the other side has
// another is a changed fact: the pair is no duplicate, as with a changed
// number. The same ordinal in words and digits is no change.
func TestSwappedOrdinal(t *testing.T) {
	s := newTestScorer(t)
	tests := []struct {
		a, b    string
		ordinal bool
	}{
		{"Acme's profit rose 5 percent in the third quarter.", "Acme's profit rose 5 percent in the fourth quarter.", true},
		{"Acme's profit rose 5 percent in the 3rd quarter.", "Acme's profit rose 5 percent in the 4th quarter.", true},
		{"She won the race for the second time on Sunday.", "She won the race for the first time on Sunday.", true},
		{"Acme's profit rose 5 percent in the third quarter.", "Acme's profit rose 5 percent in the 3rd quarter.", false},
		// Ordinals in different places: no substitution.
		{"First, the council voted to dredge the harbour in May.", "The council voted to dredge the harbour in May, a second vote said.", false},
	}
	for _, tt := range tests {
		a, b := s.Analyze(tt.a), s.Analyze(tt.b)
		c := s.NewCorpus([]*Unit{a, b})
		r := s.Score(c, a, b)
		if got := r.Features.Ordinal == 1; got != tt.ordinal {
			t.Errorf("%q / %q: ordinal %v, want %v", tt.a, tt.b, got, tt.ordinal)
		}
		if tt.ordinal && r.Kind == Duplicate {
			t.Errorf("%q / %q: duplicate, want no duplicate", tt.a, tt.b)
		}
	}
}

// TestNotReversed: idioms and particles that use words of movement for
// something else, and compound ordinals, are no swaps.
func TestNotReversed(t *testing.T) {
	s := newTestScorer(t)
	for _, tt := range [][2]string{
		{"The room fell silent when the verdict was read.", "The room grew silent when the verdict was read."},
		{"It is up to the council to decide the harbour fees.", "It is down to the council to decide the harbour fees."},
		{"The company fell short of its profit forecast.", "The company came up short of its profit forecast."},
		{"Stocks gave up early gains on Monday.", "Stocks lost early gains on Monday."},
		{"The bridge was built in the twenty-first century.", "The bridge was built in the 21st century."},
	} {
		a, b := s.Analyze(tt[0]), s.Analyze(tt[1])
		c := s.NewCorpus([]*Unit{a, b})
		if f := s.Features(c, a, b); f.Direction != 0 || f.Ordinal != 0 {
			t.Errorf("%q / %q: direction %v, ordinal %v; want neither", tt[0], tt[1], f.Direction, f.Ordinal)
		}
	}
}
