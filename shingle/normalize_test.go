package shingle

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"folded ASCII unchanged", "china's alliance, 2023.", "china's alliance, 2023."},
		{"ASCII case", "China-Cambodia U.S.", "china-cambodia u.s."},
		{"ASCII white space", "a\tb\nc\r\nd", "a b c  d"},
		{"curly single quotes", "China\u2019s \u2018alliance\u2019", "china's 'alliance'"},
		{"curly double quotes", "\u201cDiamond Hexagon\u201d \u201ex\u201f", `"diamond hexagon" "x"`},
		{"guillemets", "\u00abpaix\u00bb", `"paix"`},
		{"modifier apostrophe and acute", "don\u02bct isn\u00b4t", "don't isn't"},
		{"dashes", "a\u2010b\u2011c\u2012d\u2013e\u2014f\u2015g\u2212h", "a-b-c-d-e-f-g-h"},
		{"ellipsis", "wait\u2026", "wait..."},
		{"spaces", "a\u00a0b\u2009c\u202fd\u3000e\u2028f", "a b c d e f"},
		{"invisible removed", "co\u00adoper\u200bation\ufeff\u200d", "cooperation"},
		{"ligatures", "\ufb01nd \ufb02ow e\ufb00ort", "find flow effort"},
		{"full width", "\uff26\uff55\uff4c\uff4c \uff11\uff12", "full 12"},
		{"combining acute composes", "Cafe\u0301", "caf\u00e9"},
		{"precomposed accents fold", "\u00c9T\u00c9 \u00c0 Z\u00dcRICH", "\u00e9t\u00e9 \u00e0 z\u00fcrich"},
		{"sharp s", "Stra\u00dfe STRA\u1e9eE", "strasse strasse"},
		{"greek final sigma", "\u03a3\u03af\u03c3\u03c5\u03c6\u03bf\u03c2", "\u03c3\u03af\u03c3\u03c5\u03c6\u03bf\u03c3"},
		{"cyrillic", "\u041a\u0418\u0422\u0410\u0419 \u0401\u043b\u043a\u0430", "\u043a\u0438\u0442\u0430\u0439 \u0451\u043b\u043a\u0430"},
		{"hungarian", "\u0150R\u00dcLT \u0170Z", "\u0151r\u00fclt \u0171z"},
		{"kelvin and micro", "\u212a \u00b5m", "k \u03bcm"},
		{"dotted capital I", "\u0130stanbul", "istanbul"},
		{"fraction", "\u00bd", "1\u20442"},
		{"superscript", "m\u00b2", "m2"},
		{"invalid UTF-8", "a\xffb", "a\ufffdb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestNormalizeIdempotent checks Normalize(Normalize(s)) == Normalize(s) and
// that the result is NFKC, on the seed article and tricky strings.
func TestNormalizeIdempotent(t *testing.T) {
	for _, s := range append(articleLines(t), normalizeSeeds...) {
		n := Normalize(s)
		if n2 := Normalize(n); n2 != n {
			t.Errorf("Normalize(Normalize(%q)) = %q, want %q", s, n2, n)
		}
		if !norm.NFKC.IsNormalString(n) {
			t.Errorf("Normalize(%q) = %q is not NFKC", s, n)
		}
		if !utf8.ValidString(n) {
			t.Errorf("Normalize(%q) = %q is not valid UTF-8", s, n)
		}
	}
}

// normalizeSeeds are inputs that exercise the slow paths of normalisation.
var normalizeSeeds = []string{
	"China\u2019s \u201cDiamond Hexagon\u201d \u2013 U.S.-led",
	"\ufb01nd \uff26\uff55\uff4c\uff4c e\u0301\u0323 \u1100\u1161 \u00bd \u2474",
	"Stra\u00dfe \u03a3\u03af\u03c3\u03c5\u03c6\u03bf\u03c2 \u0130 \u212b \u2126",
	"a\u0301\u0302\u0303\u0304\u0305\u0306\u0307 x\xff\xfe",
	"\u041a\u0418\u0422\u0410\u0419 \u00e9t\u00e9 \u00d1and\u00fa \u0150r\u00fclt",
	"\u2024\u2025\u2017 \u33c2 \u2105 \ufdfa",
}

func TestNormalizeNoAllocForFoldedASCII(t *testing.T) {
	s := "china's alliance with cambodia serves as a pillar"
	if n := testing.AllocsPerRun(100, func() { _ = Normalize(s) }); n != 0 {
		t.Errorf("Normalize(folded ASCII) allocates %v times, want 0", n)
	}
}
