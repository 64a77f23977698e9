package shingle

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s in the comparison form every other function of this
// package works on:
//
//   - Unicode NFKC (compatibility composition: "ﬁ" -> "fi", full-width
//     "Ａ" -> "A", "…" -> "...", "½" -> "1⁄2");
//   - Unicode case folding: simple folding as ToLower(ToUpper(r)), which also
//     folds "ς" to "σ", "ſ" to "s", "ı" and "İ" to "i", plus the full folding
//     of "ß" and "ẞ" to "ss";
//   - typographic quotes folded to ASCII: ‘ ’ ‚ ‛ ‹ › ʼ ´ to ' and
//     “ ” „ ‟ « » to ";
//   - dashes folded to '-': hyphen, non-breaking hyphen, figure dash ‒,
//     en dash –, em dash —, horizontal bar ―, minus sign −, two- and three-em
//     dashes;
//   - every white space rune (tab, newline, NBSP, thin and ideographic
//     spaces...) to one ' ', without collapsing runs;
//   - invisible format characters (soft hyphen, zero-width space and joiners,
//     word joiner, byte order mark, bidi controls, variation selectors)
//     removed; invalid UTF-8 bytes become U+FFFD.
//
// Normalisation works segment by segment (a starter and the combining marks
// that follow it, as norm.NextBoundary defines them), which is what lets
// Analyzer.Tokens map every token back to its bytes in the original text;
// where case folding breaks a composition, the segment is normalised again,
// as NFKC_Casefold does. Folded ASCII text (no upper case, no tab or newline)
// is returned as is, without allocating.
func Normalize(s string) string {
	if isFolded(s) {
		return s
	}
	return string(appendNormalized(make([]byte, 0, len(s)+len(s)/8+8), s))
}

// isFolded reports whether s is ASCII with no upper-case letter and no white
// space other than ' ': then Normalize(s) == s.
func isFolded(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || asciiFold[c] != c {
			return false
		}
	}
	return true
}

// appendNormalized appends Normalize(s) to dst.
func appendNormalized(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		n := segmentLen(s, i)
		dst = appendSegment(dst, s[i:i+n])
		i += n
	}
	return dst
}

// segmentLen returns the length of the normalisation segment of s starting at
// i: one byte for ASCII followed by ASCII, one rune for an inert rune (see
// inert) followed by a safe start, else what norm.NextBoundary says.
func segmentLen(s string, i int) int {
	if s[i] < utf8.RuneSelf {
		if safeStart(s, i+1) {
			return 1
		}
	} else if r, size := utf8.DecodeRuneInString(s[i:]); inert(r) && safeStart(s, i+size) {
		return size
	}
	if n := norm.NFKC.NextBoundaryInString(s[i:], true); n > 0 {
		return n
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return size
}

// safeStart reports whether the rune at s[i:] starts a new normalisation
// segment whatever precedes it (or s ends at i): ASCII and inert runes never
// combine with what precedes them.
func safeStart(s string, i int) bool {
	if i >= len(s) || s[i] < utf8.RuneSelf {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return inert(r)
}

// inert reports whether r is a starter that NFKC leaves alone and that never
// combines with a neighbour, so that it is a segment of its own: Latin-1
// letters, basic Cyrillic, and the punctuation and spaces that foldSpecial
// maps. It is a fast path, not a complete list.
func inert(r rune) bool {
	switch {
	case r >= 0xC0 && r <= 0xFF, r >= 0x0400 && r <= 0x045F:
		return true
	case r >= 0x2010 && r <= 0x2026:
		return r != 0x2017 && r != 0x2024 && r != 0x2025 // double low line, one and two dot leaders decompose
	}
	switch r {
	case 0xA0, 0xAB, 0xBB, 0xAD, 0x2212:
		return true
	}
	return false
}

// appendSegment appends the normal form of one segment to dst.
func appendSegment(dst []byte, seg string) []byte {
	r, size := utf8.DecodeRuneInString(seg)
	if size == len(seg) {
		if r < utf8.RuneSelf {
			return append(dst, asciiFold[r])
		}
		if inert(r) {
			return appendFolded(dst, r)
		}
		if rep, ok := foldSpecial(r); ok {
			return append(dst, rep...) // before NFKC, which turns ´ into " ́"
		}
	}
	n0 := len(dst)
	dst = foldTail(norm.NFKC.AppendString(dst, seg), n0)
	if !norm.NFKC.IsNormal(dst[n0:]) {
		// Folding broke composition ("İ" + acute folds to "i" + acute, which
		// NFKC composes to "í"): normalise and fold again, as NFKC_Casefold
		// does.
		var tmp [64]byte
		t := append(tmp[:0], dst[n0:]...)
		dst = foldTail(norm.NFKC.Append(dst[:n0], t...), n0)
	}
	return dst
}

// foldTail case-folds dst[n0:] in place (appendFolded on each rune).
func foldTail(dst []byte, n0 int) []byte {
	var tmp [64]byte
	t := append(tmp[:0], dst[n0:]...)
	dst = dst[:n0]
	for i := 0; i < len(t); {
		r, size := utf8.DecodeRune(t[i:])
		i += size
		dst = appendFolded(dst, r)
	}
	return dst
}

// appendFolded appends the folded form of one rune (already NFKC) to dst.
func appendFolded(dst []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		return append(dst, asciiFold[r])
	}
	if rep, ok := foldSpecial(r); ok {
		return append(dst, rep...)
	}
	switch {
	case r >= 0xC0 && r <= 0xDE && r != 0xD7, r >= 0x0410 && r <= 0x042F:
		r += 0x20
	case r >= 0x0400 && r <= 0x040F:
		r += 0x50
	case r == 0xDF || r == 0x1E9E:
		return append(dst, "ss"...)
	case r >= 0xDF && r <= 0xFF, r >= 0x0430 && r <= 0x045F:
	default:
		r = unicode.ToLower(unicode.ToUpper(r))
	}
	return utf8.AppendRune(dst, r)
}

// foldSpecial returns the replacement of a rune that normalisation maps
// beyond NFKC and case folding: quotes, dashes, white space, invisible
// format characters and invalid bytes.
func foldSpecial(r rune) (string, bool) {
	switch r {
	case '\u2018', '\u2019', '\u201A', '\u201B', '\u2039', '\u203A', '\u02BC', '\u00B4':
		return "'", true
	case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB':
		return `"`, true
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\u2E3A', '\u2E3B':
		return "-", true
	case '\u2026':
		return "...", true
	case utf8.RuneError:
		return "\uFFFD", true
	}
	if unicode.IsSpace(r) {
		return " ", true
	}
	if unicode.Is(unicode.Cf, r) || r >= 0xFE00 && r <= 0xFE0F || r >= 0xE0100 && r <= 0xE01EF || r == 0x180E {
		return "", true
	}
	return "", false
}

// asciiFold maps an ASCII byte to its normal form: upper-case letters to
// lower case, white space to ' ', everything else to itself. Read-only.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(c)
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = byte(c) + 'a' - 'A'
	}
	for _, c := range "\t\n\v\f\r" {
		t[c] = ' '
	}
	return t
}()
