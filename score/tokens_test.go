package score

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestAmounts(t *testing.T) {
	s := newTestScorer(t)
	tests := []struct {
		text string
		want string // the tokens' Norm=Term, "#" marking numbers
	}{
		{"$25m", "#25m=25000000"},
		{"$25 million", "#25 million=25000000"},
		{"$25-million deal", "#25 million=25000000 deal=deal"},
		{"$25,000,000", "#25,000,000=25000000"},
		{"1.76bn euros", "#1.76bn=1760000000 euros=euro"},
		{"1.76 billion euros", "#1.76 billion=1760000000 euros=euro"},
		{"24.5 mln barrels", "#24.5 mln=24500000 barrels=barrel"},
		{"£1.5tn", "#1.5tn=1500000000000"},
		{"€389M", "#389m=389000000"},
		{"$50k", "#50k=50000"},
		{"0.5 million", "#0.5 million=500000"},
		{"1.23456 thousand", "#1.23456 thousand=1234.56"},
		{"two million", "#two million=2000000"},
		{"one million", "#one million=1000000"},
		{"two hundred thousand", "#two hundred thousand=200000"},
		{"twenty-five", "#twenty five=25"},
		{"twenty five million", "#twenty five million=25000000"},
		// Ambiguous suffixes without a currency sign keep their words.
		{"the 100m sprint", "the=the 100m=100m sprint=sprint"},
		{"a 5k run", "a=a 5k=5k run=run"},
		// Magnitude words join only across spaces or a hyphen.
		{"25, million", "#25=25 million=million"},
		{"one of them", "one=one of=of them=them"},
		{"twenty", "twenty=twenti"},
		{"1.2.3 million", "#1.2.3=1.2.3 million=million"},
		// A share is one number however "per cent" is written.
		{"37 percent", "#37 percent=37%"},
		{"37 per cent", "#37 per cent=37%"},
		{"37%", "#37%=37%"},
		{"37 % rise", "#37%=37% rise=rise"},
		{"37 pct", "#37 pct=37%"},
		{"thirty percent", "#thirty percent=30%"},
		{"2.5 million percent", "#2.5 million percent=2500000%"},
		{"a 37-percent rise", "a=a #37 percent=37% rise=rise"},
		{"per cent", "per=per cent=cent"},
		// A month's abbreviation written with a day is the month.
		{"Nov. 11", "november=novemb #11=11"},
		{"on 5 Sept", "on=on #5=5 september=septemb"},
		{"Nov 8", "november=novemb #8=8"},
		{"the Dec. meeting", "the=the dec=dec meeting=meet"},
		{"mar 3", "march=march #3=3"},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range s.tokens(tt.text, nil) {
			mark := ""
			if tok.Number {
				mark = "#"
			}
			got = append(got, mark+tok.Norm+"="+tok.Term)
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%q: %s, want %s", tt.text, g, tt.want)
		}
	}
}

// TestAmountBound checks that a run of magnitude words stops joining at
// maxAmountDigits: each join copies the number, so an unbounded run of
// "million" would take time quadratic in its length.
func TestAmountBound(t *testing.T) {
	s := newTestScorer(t)
	toks := s.tokens("1"+strings.Repeat(" million", 20000), nil)
	if len(toks[0].Term) > maxAmountDigits || !toks[0].Number {
		t.Fatalf("first token %q (%d digits), want a number of at most %d digits", toks[0].Norm[:min(len(toks[0].Norm), 40)], len(toks[0].Term), maxAmountDigits)
	}
	if want := 20001 - (maxAmountDigits-1)/6; len(toks) != want {
		t.Errorf("%d tokens, want %d (the number joined with %d magnitude words, the rest words)", len(toks), want, (maxAmountDigits-1)/6)
	}
}

// TestAmountPairs checks that one sum written two ways is one number to
// the features, the duplicate rule and the explanation, and that
// different sums still differ.
func TestAmountPairs(t *testing.T) {
	s := newTestScorer(t)
	c := s.NewCorpus(nil)
	same := [][2]string{
		{"Shottracker raises $5m in seed funding from Magic Johnson.", "Shottracker raises $5 million in seed funding from Magic Johnson."},
		{"Revenue fell to $36.9bn from $39.3bn a year ago.", "Revenue fell to $36.9 billion from $39.3 billion a year ago."},
		{"Two million people voted in the referendum.", "2 million people voted in the referendum."},
		{"Twenty-five people were hurt in the blast.", "25 people were hurt in the blast."},
		{"Sales rose 37 per cent year-on-year.", "Sales rose 37% year-on-year."},
		{"Sales rose 37 percent year-on-year.", "Sales rose 37 pct year-on-year."},
		{"The latest shooting was on November 11 in Obetz.", "The latest shooting was on Nov. 11 in Obetz."},
	}
	for _, p := range same {
		a, b := s.Analyze(p[0]), s.Analyze(p[1])
		if f := s.Features(c, a, b); f.Numbers != 0 || f.Cosine < 1-1e-9 {
			t.Errorf("%q / %q: Numbers = %v, Cosine = %v; want 0, 1", p[0], p[1], f.Numbers, f.Cosine)
		}
		if r := s.Score(c, a, b); r.Kind != Duplicate {
			t.Errorf("%q / %q: %s (%.3f), want duplicate", p[0], p[1], r.Kind, r.Score)
		}
		if e := s.Explain(c, a, b); len(e.NumbersOnlyA)+len(e.NumbersOnlyB)+len(e.OnlyA)+len(e.OnlyB) != 0 {
			t.Errorf("%q / %q: explained as %q %q %q %q; want nothing on one side only", p[0], p[1], e.OnlyA, e.OnlyB, e.NumbersOnlyA, e.NumbersOnlyB)
		}
	}
	a, b := s.Analyze("It cost $25m to build."), s.Analyze("It cost $25bn to build.")
	if f := s.Features(c, a, b); f.Numbers != 1 {
		t.Errorf("$25m / $25bn: Numbers = %v, want 1", f.Numbers)
	}
	if e := s.Explain(c, a, b); fmt.Sprint(e.NumbersOnlyA, e.NumbersOnlyB) != "[25m] [25bn]" {
		t.Errorf("$25m / $25bn: numbers only in A, B: %q, %q; want [25m], [25bn]", e.NumbersOnlyA, e.NumbersOnlyB)
	}
	// A share is not a count.
	a, b = s.Analyze("Turnout was 40% in the north."), s.Analyze("Turnout was 40 in the north.")
	if f := s.Features(c, a, b); f.Numbers != 1 {
		t.Errorf("40%% / 40: Numbers = %v, want 1", f.Numbers)
	}
	// 25,000 and 25,000,000 share no prefix credit: numbers align whole.
	a, b = s.Analyze("The fund holds 25,000 dollars."), s.Analyze("The fund holds 25,000,000 dollars.")
	if f := s.Features(c, a, b); f.Align >= 1-1e-9 || f.Numbers != 1 {
		t.Errorf("25,000 / 25,000,000: Align = %v, Numbers = %v; want below 1 and 1", f.Align, f.Numbers)
	}
}

// FuzzAmounts checks that joining amounts keeps the tokens in order,
// inside the text and apart, and gives every joined number a canonical
// decimal term (with a '%' after it for a share).
func FuzzAmounts(f *testing.F) {
	for _, s := range []string{"$25 million", "1.76bn", "twenty-five million", "two hundred thousand", "€3.5 - billion", "100m", "0.0001 trillion", "9 thousand million billion"} {
		f.Add(s)
	}
	s := newTestScorer(f)
	f.Fuzz(func(t *testing.T, text string) {
		plain := s.an.Tokens(text, nil)
		toks := s.tokens(text, nil)
		if len(toks) > len(plain) {
			t.Fatalf("%d tokens joined into %d", len(plain), len(toks))
		}
		prev := 0
		for _, tok := range toks {
			if tok.Start < prev || tok.End < tok.Start || tok.End > len(text) {
				t.Fatalf("token %q at %d:%d after %d in %d bytes", tok.Norm, tok.Start, tok.End, prev, len(text))
			}
			prev = tok.End
			// (A share's term is the decimal and a '%': "37 per cent" is 37%.)
			if tok.Number && strings.ContainsAny(tok.Norm, " ") && !isDecimal(strings.TrimSuffix(tok.Term, "%")) {
				t.Fatalf("joined amount %q has term %q", tok.Norm, tok.Term)
			}
			if !utf8.ValidString(tok.Term) {
				t.Fatalf("term %q is not UTF-8", tok.Term)
			}
		}
	})
}
