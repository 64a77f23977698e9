package score

import (
	"math"
	"slices"
	"testing"
)

// FuzzFeatures analyses two arbitrary texts and checks what every pair
// must satisfy: sentence starts inside the unit and ascending, features
// finite and in their documented ranges, the same whichever way round the
// pair is given, and a score in [0,1]; FactsDiffer and OtherNumbers
// symmetric and false for a unit with itself (OtherNumbers implying
// FactsDiffer), one NumbersKey for one set of numbers, a frame no longer than the unit and the same each
// time.
func FuzzFeatures(f *testing.F) {
	for _, seed := range [][2]string{
		{"3. Security guarantees – Optimizing cybercrime coordination.", "3. Strategic depth – Cooperation in security."},
		{"U.S. President George W. Bush met Mr. Goh. Then he left!", "Mr. Goh met Bush.\nThey talked?"},
		{"A man is playing a guitar.", "A woman is playing a guitar."},
		{"", "."},
		{"12) ", "1. 2. 3."},
		{"Shares rose 3.5 pct to 1,200 dlrs. 12 analysts agreed.", "Shares fell 3,5 pct."},
		{"Ünïcödé. Ωmega! 東京は晴れ。", "ünicode omega"},
	} {
		f.Add(seed[0], seed[1])
	}
	s, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, x, y string) {
		a, b := s.Analyze(x), s.Analyze(y)
		for _, u := range []*Unit{a, b} {
			prev := uint32(0)
			for _, i := range u.starts() {
				if i <= prev || i >= u.tokens {
					t.Fatalf("%q: sentence starts %v outside 1..%d or not ascending", u.text, u.starts(), u.tokens-1)
				}
				prev = i
			}
		}
		if FactsDiffer(a, b) != FactsDiffer(b, a) || FactsDiffer(a, a) {
			t.Fatalf("FactsDiffer not symmetric, or a unit's facts differ from its own")
		}
		if OtherNumbers(a, b) != OtherNumbers(b, a) || OtherNumbers(a, a) || OtherNumbers(a, b) && !FactsDiffer(a, b) {
			t.Fatalf("OtherNumbers not symmetric, true of a unit and itself, or without FactsDiffer")
		}
		if slices.Equal(a.numbers(), b.numbers()) && a.NumbersKey() != b.NumbersKey() {
			t.Fatalf("one set of numbers, two NumbersKeys")
		}
		for _, u := range []*Unit{a, b} {
			if f, w := u.Frame(); w > int(u.tokens) || f != frameOf(s.Analyze(u.text)) {
				t.Fatalf("%q: frame of %d words in %d tokens, or another frame the second time", u.text, w, u.tokens)
			}
		}
		c := s.NewCorpus([]*Unit{a, b})
		fa, fb := s.Features(c, a, b), s.Features(c, b, a)
		if fa != fb {
			t.Fatalf("features depend on the order of the pair:\n%+v\n%+v", fa, fb)
		}
		v := fa.Vector()
		for i, name := range FeatureNames() {
			switch x := v[i]; {
			case math.IsNaN(x) || math.IsInf(x, 0) || x < 0:
				t.Fatalf("%s = %v", name, x)
			case x > 1 && !unbounded[name]:
				t.Fatalf("%s = %v, above 1", name, x)
			}
		}
		if r := s.Score(c, a, b); !(r.Score >= 0 && r.Score <= 1) || fa.Reversed() && (r.Score > ReversedScore || r.Kind != Different) {
			t.Fatalf("score %v, %s (reversed %v)", r.Score, r.Kind, fa.Reversed())
		}
		if self := s.Features(c, a, a); fa.Direction != 0 && fa.Direction != 1 || fa.Ordinal != 0 && fa.Ordinal != 1 || self.Direction != 0 || self.Ordinal != 0 {
			t.Fatalf("direction %v, ordinal %v, or a unit differs from itself", fa.Direction, fa.Ordinal)
		}
	})
}

func frameOf(u *Unit) uint64 { f, _ := u.Frame(); return f }

// unbounded are the features documented as ln(1+x) of a count or mass.
var unbounded = map[string]bool{"names": true, "unaligned": true, "unaligned_min": true, "len_diff": true, "gap": true}
