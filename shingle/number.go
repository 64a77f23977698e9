package shingle

// appendCanonicalNumber appends the canonical form of the number w to dst. w
// is what the scanner accepts as a number: digits with '.' or ',' between
// them. The decimal separator is found, grouping separators are removed,
// leading zeros of the integer part and trailing zeros of the fraction are
// dropped, and the decimal separator is written '.':
//
//	12,000 -> 12000    1.000.000 -> 1000000    12,000.50 -> 12000.5
//	2.50 -> 2.5        2,5 -> 2.5              12.000,50 -> 12000.5
//	007 -> 7           3.0 -> 3
//
// The decimal separator is the last separator when the other kind occurs
// before it; a lone ',' followed by exactly three digits groups thousands
// (1,000), any other lone ',' or '.' is decimal (2,5; 1.000 is one), and
// several of one kind group thousands. Grouped digits must come in threes
// after a first group of one to three; numbers that break these rules
// (1.2.3, 192.168.0.1, 1,2,3) and numbers with non-ASCII digits are kept as
// they are.
func appendCanonicalNumber(dst, w []byte) []byte {
	dots, commas, last := 0, 0, -1
	for i, c := range w {
		switch {
		case c == '.':
			dots++
			last = i
		case c == ',':
			commas++
			last = i
		case c < '0' || c > '9':
			return append(dst, w...)
		}
	}
	dec := -1
	var group byte
	switch {
	case last < 0:
	case dots > 0 && commas > 0:
		if w[last] == '.' && dots == 1 {
			dec, group = last, ','
		} else if w[last] == ',' && commas == 1 {
			dec, group = last, '.'
		} else {
			return append(dst, w...)
		}
	case commas == 1 && len(w)-last-1 != 3, dots == 1:
		dec = last
	default:
		group = w[last]
	}
	whole, frac := w, w[:0]
	if dec >= 0 {
		whole, frac = w[:dec], w[dec+1:]
	}
	if group != 0 && !grouped(whole, group) {
		return append(dst, w...)
	}
	n0 := len(dst)
	for _, c := range whole {
		if c == group || c == '0' && len(dst) == n0 {
			continue
		}
		dst = append(dst, c)
	}
	if len(dst) == n0 {
		dst = append(dst, '0')
	}
	for len(frac) > 0 && frac[len(frac)-1] == '0' {
		frac = frac[:len(frac)-1]
	}
	if len(frac) > 0 {
		dst = append(dst, '.')
		dst = append(dst, frac...)
	}
	return dst
}

// grouped reports whether w is digits grouped in threes by sep after a first
// group of one to three digits.
func grouped(w []byte, sep byte) bool {
	n := 0 // digits in the current group
	first := true
	for _, c := range w {
		if c != sep {
			n++
			continue
		}
		if first && (n < 1 || n > 3) || !first && n != 3 {
			return false
		}
		first, n = false, 0
	}
	return !first && n == 3 || first && n > 0
}

// CanonicalNumber returns the canonical form of w, digits with '.' or ','
// between them, as Token.Term gives it for a number ("12,000" -> "12000",
// "2,5" -> "2.5"); anything else is returned as it is.
func CanonicalNumber(w string) string {
	var arr [64]byte
	return string(appendCanonicalNumber(arr[:0], []byte(w)))
}
