package shingle

import (
	"strings"
	"testing"
)

// tw is a wanted token: its surface in the text (located by searching after
// the previous token), Norm, Term and flags.
type tw struct {
	surf, norm, term string
	stop, number     bool
}

// wantTokens builds the expected tokens of text, locating each surface after
// the end of the previous one.
func wantTokens(t *testing.T, text string, ws []tw) []Token {
	t.Helper()
	var out []Token
	at := 0
	for _, w := range ws {
		i := strings.Index(text[at:], w.surf)
		if i < 0 {
			t.Fatalf("test bug: %q not in %q after byte %d", w.surf, text, at)
		}
		start := at + i
		at = start + len(w.surf)
		out = append(out, Token{Start: start, End: at, Norm: w.norm, Term: w.term, Stop: w.stop, Number: w.number})
	}
	return out
}

func newAnalyzer(t testing.TB, opt Options) *Analyzer {
	t.Helper()
	a, err := NewAnalyzer(opt)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []tw
	}{
		{"empty", "", "", nil},
		{"punctuation only", "", " -- ... !? ", nil},
		{"possessive and stop words", "", "China's alliance with Cambodia", []tw{
			{"China's", "china", "china", false, false},
			{"alliance", "alliance", "allianc", false, false},
			{"with", "with", "with", true, false},
			{"Cambodia", "cambodia", "cambodia", false, false},
		}},
		{"curly possessive", "", "Cambodia\u2019s heavy reliance", []tw{
			{"Cambodia\u2019s", "cambodia", "cambodia", false, false},
			{"heavy", "heavy", "heavi", false, false},
			{"reliance", "reliance", "relianc", false, false},
		}},
		{"plural possessive", "", "the countries' ties", []tw{
			{"the", "the", "the", true, false},
			{"countries", "countries", "countri", false, false},
			{"ties", "ties", "tie", false, false},
		}},
		{"hyphenated words split", "", "China-Cambodia non-involvement", []tw{
			{"China", "china", "china", false, false},
			{"Cambodia", "cambodia", "cambodia", false, false},
			{"non", "non", "non", false, false},
			{"involvement", "involvement", "involv", false, false},
		}},
		{"abbreviations", "", "U.S.-led initiatives, e.g. the U.K. and U.S", []tw{
			{"U.S.", "us", "us", false, false},
			{"led", "led", "led", false, false},
			{"initiatives", "initiatives", "initi", false, false},
			{"e.g.", "eg", "eg", false, false},
			{"the", "the", "the", true, false},
			{"U.K.", "uk", "uk", false, false},
			{"and", "and", "and", true, false},
			{"U.S", "us", "us", false, false},
		}},
		{"initial is not an abbreviation", "", "Wong, L. (2023", []tw{
			{"Wong", "wong", "wong", false, false},
			{"L", "l", "l", false, false},
			{"2023", "2023", "2023", false, true},
		}},
		{"contractions", "", "Don\u2019t stop; it's what's left, let's go", []tw{
			{"Don\u2019t", "don't", "don't", true, false},
			{"stop", "stop", "stop", false, false},
			{"it's", "it's", "it's", true, false},
			{"what's", "what's", "what's", true, false},
			{"left", "left", "left", false, false},
			{"let's", "let's", "let's", true, false},
			{"go", "go", "go", false, false},
		}},
		{"apostrophe inside a word", "", "o'clock O'Brien 'quoted'", []tw{
			{"o'clock", "o'clock", "o'clock", false, false},
			{"O'Brien", "o'brien", "o'brien", false, false},
			{"quoted", "quoted", "quot", false, false},
		}},
		{"money and percent", "", "past $12 billion in 2023; more than 40% of FDI", []tw{
			{"past", "past", "past", false, false},
			{"12", "12", "12", false, true},
			{"billion", "billion", "billion", false, false},
			{"in", "in", "in", true, false},
			{"2023", "2023", "2023", false, true},
			{"more", "more", "more", true, false},
			{"than", "than", "than", true, false},
			{"40", "40", "40", false, true},
			{"of", "of", "of", true, false},
			{"FDI", "fdi", "fdi", false, false},
		}},
		{"number formats", "", "1,000 12,000.50 2.50 007 1.000.000 2,5 1.2.3 3.0.", []tw{
			{"1,000", "1,000", "1000", false, true},
			{"12,000.50", "12,000.50", "12000.5", false, true},
			{"2.50", "2.50", "2.5", false, true},
			{"007", "007", "7", false, true},
			{"1.000.000", "1.000.000", "1000000", false, true},
			{"2,5", "2,5", "2.5", false, true},
			{"1.2.3", "1.2.3", "1.2.3", false, true},
			{"3.0", "3.0", "3", false, true},
		}},
		{"number then words", "", "the 1990's 12th COVID-19 mp3", []tw{
			{"the", "the", "the", true, false},
			{"1990's", "1990", "1990", false, true},
			{"12th", "12th", "12th", false, false},
			{"COVID", "covid", "covid", false, false},
			{"19", "19", "19", false, true},
			{"mp3", "mp3", "mp3", false, false},
		}},
		{"url and e-mail are words", "", "https://www.scmp.com/news/china-diplomacy mail@gt.cn", []tw{
			{"https", "https", "https", false, false},
			{"www", "www", "www", false, false},
			{"scmp", "scmp", "scmp", false, false},
			{"com", "com", "com", false, false},
			{"news", "news", "news", false, false},
			{"china", "china", "china", false, false},
			{"diplomacy", "diplomacy", "diplomaci", false, false},
			{"mail", "mail", "mail", false, false},
			{"gt", "gt", "gt", false, false},
			{"cn", "cn", "cn", false, false},
		}},
		{"normalisation changes byte lengths", "", "\u201c\ufb01nd\u201d \uff26\uff55\uff4c\uff4c\u2014\u00bd Caf\u00e9s", []tw{
			{"\ufb01nd", "find", "find", false, false},
			{"\uff26\uff55\uff4c\uff4c", "full", "full", false, false},
			{"\u00bd", "1\u20442", "1\u20442", false, false},
			{"Caf\u00e9s", "caf\u00e9s", "caf\u00e9", false, false},
		}},
		{"combining marks and invisible characters", "", "Cafe\u0301 co\u00adoperation", []tw{
			{"Cafe\u0301", "caf\u00e9", "caf\u00e9", false, false},
			{"co\u00adoperation", "cooperation", "cooper", false, false},
		}},
		{"ideographs are single tokens", "", "\u4e60\u8fd1\u5e73visit", []tw{
			{"\u4e60", "\u4e60", "\u4e60", false, false},
			{"\u8fd1", "\u8fd1", "\u8fd1", false, false},
			{"\u5e73", "\u5e73", "\u5e73", false, false},
			{"visit", "visit", "visit", false, false},
		}},
		{"french elision", "french", "L\u2019alliance qu'il jusqu'\u00e0 aujourd'hui", []tw{
			{"L", "l", "l", true, false},
			{"alliance", "alliance", "allianc", false, false},
			{"qu", "qu", "qu", true, false},
			{"il", "il", "il", true, false},
			{"jusqu", "jusqu", "jusqu", false, false},
			{"\u00e0", "\u00e0", "\u00e0", true, false},
			{"aujourd'hui", "aujourd'hui", "aujourd'hui", false, false},
		}},
		{"none keeps every word unstemmed", "none", "The alliances' growth", []tw{
			{"The", "the", "the", false, false},
			{"alliances", "alliances", "alliances", false, false},
			{"growth", "growth", "growth", false, false},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newAnalyzer(t, Options{Language: tt.lang})
			want := wantTokens(t, tt.text, tt.want)
			got := a.Tokens(tt.text, nil)
			if !equalTokens(got, want) {
				t.Errorf("Tokens(%q) =\n%s\nwant\n%s", tt.text, formatTokens(tt.text, got), formatTokens(tt.text, want))
			}
		})
	}
}

// TestTokensOffsets pins the offsets of tokens whose normal form is longer or
// shorter than the original, as literal numbers.
func TestTokensOffsets(t *testing.T) {
	a := newAnalyzer(t, Options{})
	text := "\ufb01\u2019s \uff21\uff22 \u201cx\u201d e\u0301"
	// ﬁ U+FB01 3 bytes, ’ 3, s 1 | space | Ａ 3, Ｂ 3 | space | “ 3, x 1, ” 3 | space | e 1, U+0301 2
	want := []Token{
		{Start: 0, End: 7, Norm: "fi", Term: "fi"},
		{Start: 8, End: 14, Norm: "ab", Term: "ab"},
		{Start: 18, End: 19, Norm: "x", Term: "x"},
		{Start: 23, End: 26, Norm: "\u00e9", Term: "\u00e9"},
	}
	if got := a.Tokens(text, nil); !equalTokens(got, want) {
		t.Errorf("Tokens(%q) =\n%s\nwant\n%s", text, formatTokens(text, got), formatTokens(text, want))
	}
}

// TestTokensAppend checks that Tokens appends to dst.
func TestTokensAppend(t *testing.T) {
	a := newAnalyzer(t, Options{})
	dst := []Token{{Norm: "keep"}}
	got := a.Tokens("two words", dst)
	if len(got) != 3 || got[0].Norm != "keep" || got[1].Norm != "two" || got[2].Norm != "words" {
		t.Errorf("Tokens(%q, [keep]) = %+v, want keep, two, words", "two words", got)
	}
}

func TestCanonicalNumber(t *testing.T) {
	tests := []struct{ in, want string }{
		{"0", "0"}, {"000", "0"}, {"12", "12"}, {"007", "7"}, {"2023", "2023"},
		{"1,000", "1000"}, {"12,000", "12000"}, {"1,234,567", "1234567"},
		{"2.5", "2.5"}, {"2.50", "2.5"}, {"3.0", "3"}, {"0.05", "0.05"}, {"1.000", "1"},
		{"2,5", "2.5"}, {"2,50", "2.5"}, {"1,0000", "1"},
		{"1.000.000", "1000000"}, {"12,000.50", "12000.5"}, {"12.000,50", "12000.5"},
		{"1,000,000.25", "1000000.25"}, {"1.234.567,8", "1234567.8"},
		{"1.2.3", "1.2.3"}, {"192.168.0.1", "192.168.0.1"}, {"1,2,3", "1,2,3"},
		{"1234,567.5", "1234,567.5"}, {"1.2,3.4", "1.2,3.4"}, {"1,000,00", "1,000,00"},
		{"\u0663\u0664", "\u0663\u0664"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := string(appendCanonicalNumber(nil, []byte(tt.in))); got != tt.want {
				t.Errorf("appendCanonicalNumber(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := CanonicalNumber(tt.in); got != tt.want {
				t.Errorf("CanonicalNumber(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func equalTokens(a, b []Token) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func formatTokens(text string, toks []Token) string {
	var b strings.Builder
	for _, t := range toks {
		surf := "<out of range>"
		if 0 <= t.Start && t.Start <= t.End && t.End <= len(text) {
			surf = text[t.Start:t.End]
		}
		b.WriteString("\t")
		b.WriteString(strings.Join([]string{quote(surf), itoa(t.Start) + "-" + itoa(t.End), quote(t.Norm), quote(t.Term)}, " "))
		if t.Stop {
			b.WriteString(" stop")
		}
		if t.Number {
			b.WriteString(" number")
		}
		b.WriteString("\n")
	}
	return b.String()
}
