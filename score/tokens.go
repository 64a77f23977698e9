package score

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/neardup/neardup/shingle"
)

// tokens is the analyzer's Tokens as the scorer reads them: an
// abbreviated month with a day is the month (spellMonths), and amounts
// are joined: a number and the magnitude words after it become one number
// token whose Term is the amount in digits, so that the ways news copy
// writes one sum agree:
//
//	$25m, $25 million, $25-million, $25,000,000      -> 25000000
//	1.76bn, 1.76 billion, 1.76 bln                   -> 1760000000
//	two million, 2 million, two-thousand             -> 2000000, 2000
//	twenty-five, twenty five                         -> 25
//
// A number is digits or a number word (numberWord; "one" too when a
// magnitude word follows). The suffixes "bn", "bln", "mn", "mln", "tn" and
// "trn" scale the digits they are written onto; "m", "b" and "k" only with
// a currency sign just before the digits ("$25m", but "100m sprint" and
// "5k run" keep their words). Words join only across spaces or a hyphen.
// The joined token spans all its words; its Norm is their norms with a
// space between ("25 million"), the text compare shows.
func (s *Scorer) tokens(text string, dst []shingle.Token) []shingle.Token {
	n0 := len(dst)
	dst = s.an.Tokens(text, dst)
	s.spellMonths(text, dst[n0:])
	return dst[:n0+len(joinAmounts(text, dst[n0:]))]
}

// monthNames maps the abbreviations of month names to the names.
var monthNames = map[string]string{
	"jan": "january", "feb": "february", "mar": "march", "apr": "april",
	"jun": "june", "jul": "july", "aug": "august", "sep": "september",
	"sept": "september", "oct": "october", "nov": "november", "dec": "december",
}

// spellMonths gives an abbreviated month name written with a day ("Nov.
// 11", "11 Nov") the analysis of the full name: "Nov. 11" and "November 11"
// are one date. Without a number beside it the word keeps its own reading
// ("mar", "jan" and "dec" are words and names too).
func (s *Scorer) spellMonths(text string, toks []shingle.Token) {
	for i := range toks {
		t := &toks[i]
		if t.Number || t.Stop || len(t.Norm) < 3 || len(t.Norm) > 4 || strings.IndexByte("adfjmnos", t.Norm[0]) < 0 {
			continue
		}
		full, ok := monthNames[t.Norm]
		if !ok {
			continue
		}
		dated := i+1 < len(toks) && toks[i+1].Number && dateGap(text[t.End:toks[i+1].Start], true) ||
			i > 0 && toks[i-1].Number && dateGap(text[toks[i-1].End:t.Start], false)
		if !dated {
			continue
		}
		var one [1]shingle.Token
		if m := s.an.Tokens(full, one[:0]); len(m) == 1 {
			t.Norm, t.Term, t.Stop = m[0].Norm, m[0].Term, m[0].Stop
		}
	}
}

// dateGap reports whether between, the text between a month's name and
// the number beside it, joins them: spaces, after the name (dot true) a
// dot first.
func dateGap(between string, dot bool) bool {
	if dot {
		between = strings.TrimPrefix(between, ".")
	}
	return between != "" && strings.TrimLeft(between, " \u00a0") == ""
}

// magnitudes are the words that scale the number before them, by their
// power of ten.
var magnitudes = map[string]int{
	"hundred": 2, "thousand": 3, "million": 6, "billion": 9, "trillion": 12,
	"mn": 6, "mln": 6, "bn": 9, "bln": 9, "tn": 12, "trn": 12,
}

// maxAmountDigits bounds the digits of a joined amount: "1 million
// million ..." stops joining there instead of growing a number without
// end (each join copies it).
const maxAmountDigits = 40

// suffixes are the magnitudes written onto digits ("25m", "1.2bn"); the
// ambiguous ones (metres, bytes, thousands) only after a currency sign.
var suffixes = map[string]struct {
	pow      int
	currency bool
}{
	"mn": {6, false}, "mln": {6, false}, "bn": {9, false}, "bln": {9, false},
	"tn": {12, false}, "trn": {12, false},
	"k": {3, true}, "m": {6, true}, "b": {9, true},
}

// unitWord returns the digit of a number word one to nine, the words that
// may follow a tens word ("twenty-five").
func unitWord(w string) (string, bool) {
	if w == "one" {
		return "1", true
	}
	d, ok := numberWord(w)
	return d, ok && len(d) == 1
}

// joinAmounts joins the amounts of toks (see tokens) in place and returns
// the shortened slice.
func joinAmounts(text string, toks []shingle.Token) []shingle.Token {
	out := 0
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		val, ok := amount(text, t)
		if !ok {
			if out != i {
				toks[out] = *t
			}
			out++
			continue
		}
		j := i // last token joined
		// A tens word: "twenty" to "ninety" (numberWord gives 20 to 90).
		tens := !t.Number && len(val) == 2 && val[1] == '0' && val[0] >= '2'
		if tens && j+1 < len(toks) && joins(text, &toks[j], &toks[j+1]) {
			if u, isUnit := unitWord(toks[j+1].Norm); isUnit && !toks[j+1].Stop {
				val = val[:1] + u
				j++
			}
		}
		for j+1 < len(toks) && joins(text, &toks[j], &toks[j+1]) && !toks[j+1].Number {
			pow, isMag := magnitudes[toks[j+1].Norm]
			if !isMag || len(val)+pow > maxAmountDigits {
				break
			}
			v, scaled := scale(val, pow)
			if !scaled {
				break
			}
			val = v
			j++
		}
		_, word := numberWord(t.Norm)
		suffixed := !t.Number && !word && t.Norm != "one"
		end, pct := toks[j].End, false
		if k := percent(text, toks, j); k > 0 {
			pct, j = true, j+k
			end = toks[j].End
		} else if e := percentSign(text, end); e > end && (j+1 == len(toks) || e <= toks[j+1].Start) {
			// (Not a '%' the next token's span holds: the analyzer reads
			// "%" and a combining mark after it as one segment.)
			pct, end = true, e
		}
		nt := *t
		if j > i || suffixed || pct {
			norms := make([]string, 0, j-i+1)
			for _, x := range toks[i : j+1] {
				norms = append(norms, x.Norm)
			}
			norm := strings.Join(norms, " ")
			if pct {
				val += "%"
				if end > toks[j].End {
					norm += "%"
				}
			}
			nt = shingle.Token{Start: t.Start, End: end, Norm: norm, Term: val, Number: true}
		}
		toks[out] = nt
		out++
		i = j
	}
	return toks[:out]
}

// percent returns how many tokens after toks[j] say "per cent" ("percent",
// "pct", "per cent"), joined to it by spaces or a hyphen, or 0.
func percent(text string, toks []shingle.Token, j int) int {
	if j+1 >= len(toks) || !joins(text, &toks[j], &toks[j+1]) {
		return 0
	}
	switch toks[j+1].Norm {
	case "percent", "pct":
		return 1
	case "per":
		if j+2 < len(toks) && toks[j+2].Norm == "cent" && joins(text, &toks[j+1], &toks[j+2]) {
			return 2
		}
	}
	return 0
}

// percentSign returns the end of a '%' that follows text[:end], spaces
// allowed between ("12%", "12 %"), or end.
func percentSign(text string, end int) int {
	i := end
	for {
		switch {
		case strings.HasPrefix(text[i:], " "):
			i++
			continue
		case strings.HasPrefix(text[i:], "\u00a0"):
			i += len("\u00a0")
			continue
		case strings.HasPrefix(text[i:], "%"):
			return i + 1
		}
		return end
	}
}

// amount returns the value in digits of a token that can start an
// amount: a number, a number word ("one" included), or digits with a
// magnitude suffix ("$25m": 25000000).
func amount(text string, t *shingle.Token) (string, bool) {
	switch {
	case t.Number:
		return t.Term, isDecimal(t.Term)
	case t.Stop || t.Norm == "":
		return "", false
	}
	if c := t.Norm[0]; c < '0' || c > '9' {
		// Most tokens: a number word or nothing.
		switch {
		case len(t.Norm) < 3 || len(t.Norm) > 9 || c != 'o' && c != 't' && c != 'f' && c != 's' && c != 'e' && c != 'n':
			return "", false
		case t.Norm == "one":
			return "1", true
		}
		return numberWord(t.Norm)
	}
	n := strings.IndexFunc(t.Norm, func(r rune) bool { return r < '0' || r > '9' })
	if n <= 0 {
		return "", false
	}
	for n < len(t.Norm) && (t.Norm[n] == '.' || t.Norm[n] == ',' || t.Norm[n] >= '0' && t.Norm[n] <= '9') {
		n++
	}
	suf, ok := suffixes[t.Norm[n:]]
	if !ok || suf.currency && !afterCurrency(text, t.Start) {
		return "", false
	}
	return scale(shingle.CanonicalNumber(t.Norm[:n]), suf.pow)
}

// afterCurrency reports whether a currency sign ends text[:i].
func afterCurrency(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.Is(unicode.Sc, r)
}

// joins reports whether the words t and next may be read as one amount:
// only spaces or one hyphen between them.
func joins(text string, t, next *shingle.Token) bool {
	hyphen := false
	for _, r := range text[t.End:next.Start] {
		switch {
		case r == '-' || r == '‐' || r == '‑':
			if hyphen {
				return false
			}
			hyphen = true
		case unicode.IsSpace(r):
		default:
			return false
		}
	}
	return true
}

// isDecimal reports whether c is a canonical decimal number: digits, at
// most one '.' with digits after it.
func isDecimal(c string) bool {
	whole, frac, dot := strings.Cut(c, ".")
	return whole != "" && allDigits(whole) && (!dot || frac != "" && allDigits(frac))
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// scale returns the canonical decimal c times 10^pow, canonical: no
// leading zeros, no trailing zeros after the point. It fails on anything
// that is not a canonical decimal.
func scale(c string, pow int) (string, bool) {
	if !isDecimal(c) {
		return "", false
	}
	whole, frac, _ := strings.Cut(c, ".")
	var b strings.Builder
	b.WriteString(whole)
	for k := range pow {
		if k < len(frac) {
			b.WriteByte(frac[k])
		} else {
			b.WriteByte('0')
		}
	}
	v := strings.TrimLeft(b.String(), "0")
	if v == "" {
		v = "0"
	}
	if pow < len(frac) {
		v += "." + frac[pow:]
	}
	return v, true
}
