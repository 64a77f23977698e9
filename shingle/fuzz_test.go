package shingle

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// fuzzSeeds are the seed article's lines and inputs that exercise the
// tokeniser's corners.
func fuzzSeeds(t testing.TB) []string {
	seeds := append(articleLines(t), normalizeSeeds...)
	return append(seeds,
		"U.S.-led e.g. a.b.com U.S's I.B.M.'s", "$12,000.50 1.2.3 2,5 1990's 007",
		"l'\u00e9tat qu'il aujourd'hui", "\u00bd \u2474 \u33c2 \u2105 \u2488\u2489", "'s s' '' 'a' a'",
		"\u4e60\u8fd1\u5e73\u8a2a\u554f\u30ab\u30f3\u30dc\u30b8\u30a2", "a\u0301.b\u0301. \u0130.\u0130.",
		strings.Repeat("x", 100)+" "+strings.Repeat("\u00e9", 40), "\xff\xfe'\xc3",
	)
}

// FuzzTokens checks, for any input and every language, that analysis does
// not panic, that tokens lie inside the text, in order, without overlap, with
// non-empty forms; that numbers are digits; that Terms agrees with Tokens;
// that the cache changes nothing; and that Normalize is idempotent.
func FuzzTokens(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	for _, tt := range languageSentences {
		f.Add(tt.text)
	}
	analyzers := map[string][2]*Analyzer{}
	for _, lang := range Languages() {
		analyzers[lang] = [2]*Analyzer{newAnalyzer(f, Options{Language: lang, CacheSize: 16}), newAnalyzer(f, Options{Language: lang, CacheSize: -1})}
	}
	f.Fuzz(func(t *testing.T, text string) {
		for lang, pair := range analyzers {
			a, uncached := pair[0], pair[1]
			toks := a.Tokens(text, nil)
			end := 0
			for i, tok := range toks {
				if tok.Start < end || tok.End <= tok.Start || tok.End > len(text) {
					t.Fatalf("%s: token %d %+v: span out of order or bounds (previous end %d, len %d) in %q", lang, i, tok, end, len(text), text)
				}
				end = tok.End
				if tok.Norm == "" || tok.Term == "" || !utf8.ValidString(tok.Norm) {
					t.Fatalf("%s: token %d %+v: empty or invalid form in %q", lang, i, tok, text)
				}
				if tok.Number && strings.IndexFunc(tok.Norm, func(r rune) bool { return !unicode.IsDigit(r) && r != '.' && r != ',' }) >= 0 {
					t.Fatalf("%s: token %d %+v: number with a non-digit in %q", lang, i, tok, text)
				}
			}
			var want []string
			for _, tok := range toks {
				if !tok.Stop {
					want = append(want, tok.Term)
				}
			}
			if got := a.Terms(text, nil); !slices.Equal(got, want) {
				t.Fatalf("%s: Terms(%q) = %q, want the terms of Tokens %q", lang, text, got, want)
			}
			if got := uncached.Tokens(text, nil); !equalTokens(got, toks) {
				t.Fatalf("%s: Tokens(%q) differ with and without the cache", lang, text)
			}
		}
		n := Normalize(text)
		if !utf8.ValidString(n) {
			t.Fatalf("Normalize(%q) = %q is not valid UTF-8", text, n)
		}
		if n2 := Normalize(n); n2 != n {
			t.Fatalf("Normalize is not idempotent on %q: %q then %q", text, n, n2)
		}
	})
}

// FuzzShingles checks the fast shinglers against the map-based references.
func FuzzShingles(f *testing.F) {
	for i, s := range fuzzSeeds(f) {
		f.Add(s, uint8(i%7), uint64(i))
	}
	f.Fuzz(func(t *testing.T, s string, k uint8, seed uint64) {
		kk := int(k%12) - 1 // -1..10: k < 1 counts as 1
		terms := strings.Fields(s)
		if got, want := WordShingles(terms, kk, seed, nil), refWordShingles(terms, kk, seed); !slices.Equal(got, want) {
			t.Fatalf("WordShingles(%q, %d, %d) = %x, want %x", terms, kk, seed, got, want)
		}
		if got, want := CharShingles(s, kk, seed, nil), refCharShingles(s, kk, seed); !slices.Equal(got, want) {
			t.Fatalf("CharShingles(%q, %d, %d) = %x, want %x", s, kk, seed, got, want)
		}
	})
}

// refView is the slow, obviously right map from normal form to original
// text: every byte of the normal form with the original span of the segment
// it came from (ASCII kept as it is, as view keeps it).
func refView(text string) (b []byte, start, end []int) {
	for i := 0; i < len(text); {
		n := segmentLen(text, i)
		n0 := len(b)
		if n == 1 && text[i] < utf8.RuneSelf {
			b = append(b, text[i])
		} else {
			b = appendSegment(b, text[i:i+n])
		}
		for range len(b) - n0 {
			start, end = append(start, i), append(end, i+n)
		}
		i += n
	}
	return b, start, end
}

// FuzzView checks the anchor-based offset map of view against refView: the
// same normal form, the same boundaries at rune starts, and the same original
// span for runs between boundaries, asked for in any order.
func FuzzView(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var v view
		v.reset(text)
		b, start, end := refView(text)
		if string(v.b) != string(b) {
			t.Fatalf("normal form of %q = %q, want %q", text, v.b, b)
		}
		var bounds []int
		for p := 0; p <= len(b); p++ {
			if p < len(b) && !utf8.RuneStart(b[p]) {
				continue // the scanner asks only at rune starts
			}
			want := p == 0 || p == len(b) || start[p] != start[p-1]
			if got := v.boundary(p); got != want {
				t.Fatalf("boundary(%d) in %q = %v, want %v", p, text, got, want)
			}
			if want {
				bounds = append(bounds, p)
			}
		}
		check := func(i, j int) {
			ns, ne := bounds[i], bounds[j]
			if ns >= ne {
				return
			}
			gs, ge := v.span(ns, ne)
			if gs != start[ns] || ge != end[ne-1] {
				t.Fatalf("span(%d, %d) in %q = %d, %d; want %d, %d", ns, ne, text, gs, ge, start[ns], end[ne-1])
			}
		}
		for i := range bounds {
			for j := i + 1; j < len(bounds) && j <= i+3; j++ {
				check(i, j)
			}
		}
		for i := len(bounds) - 1; i > 0; i-- { // backwards, to move the cursor back
			check(i-1, i)
			check(0, i)
		}
	})
}
