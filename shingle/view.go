package shingle

import "unicode/utf8"

// view is a text prepared for scanning: its normal form, and the map from
// normal-form bytes back to original bytes.
//
// The normal form is the text with every non-ASCII normalisation segment
// replaced by its Normalize form; ASCII is copied as it is (the scanner folds
// its case as it copies words). Most segments map byte for byte: ASCII, and a
// single rune whose normal form is a single rune of the same length ("É" ->
// "é", "Ж" -> "ж", "é" itself). Only the others (curly quotes and dashes
// that shrink to ASCII, ligatures that expand, combining sequences that
// compose, invisible characters that vanish) get an anchor; between anchors,
// normal and original offsets differ by a constant. Building a view is
// therefore a copy for ASCII text and nearly one for typical prose.
type view struct {
	b       []byte
	anchors []anchor // sorted by n (and so by ne); none overlap
	cur     int      // seek's cursor
}

// anchor maps the normal-form bytes [n, ne) to the original bytes [o, oe).
type anchor struct{ n, ne, o, oe int32 }

// maxText is the longest text a view maps: offsets are kept as int32.
const maxText = 1<<31 - 1

// reset prepares v for text.
func (v *view) reset(text string) {
	b, an := v.b[:0], v.anchors[:0]
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && text[j] < utf8.RuneSelf {
			j++
		}
		if j < len(text) && j > i && !safeStart(text, j) {
			j-- // the last ASCII byte starts the segment of the marks after it
		}
		b = append(b, text[i:j]...)
		if i = j; i == len(text) {
			break
		}
		n := segmentLen(text, i)
		if n == 1 && text[i] < utf8.RuneSelf { // ASCII after all: keep it as it is
			b = append(b, text[i])
			i++
			continue
		}
		n0 := len(b)
		b = appendSegment(b, text[i:i+n])
		if !sameSize(text[i:i+n], b[n0:]) {
			an = append(an, anchor{n: int32(n0), ne: int32(len(b)), o: int32(i), oe: int32(i + n)})
		}
		i += n
	}
	v.b, v.anchors, v.cur = b, an, 0
}

// sameSize reports whether the segment seg and its normal form norm are each
// one rune of the same byte length.
func sameSize(seg string, norm []byte) bool {
	if len(seg) != len(norm) {
		return false
	}
	_, n := utf8.DecodeRuneInString(seg)
	_, m := utf8.DecodeRune(norm)
	return n == len(seg) && m == len(norm)
}

// seek returns the index of the first anchor that ends after p (len(anchors)
// if none does). Tokens come in order, so the cursor it keeps makes a scan's
// calls amortised O(1).
func (v *view) seek(p int) int {
	an, k := v.anchors, v.cur
	for k > 0 && int(an[k-1].ne) > p {
		k--
	}
	for k < len(an) && int(an[k].ne) <= p {
		k++
	}
	v.cur = k
	return k
}

// span returns the original byte span of the normal-form bytes [ns, ne),
// which start and end at boundaries.
func (v *view) span(ns, ne int) (start, end int) {
	an := v.anchors
	if len(an) == 0 {
		return ns, ne
	}
	switch k := v.seek(ns); {
	case k < len(an) && int(an[k].n) <= ns: // inside anchor k
		start = int(an[k].o)
	case k > 0: // after anchor k-1
		start = ns - int(an[k-1].ne) + int(an[k-1].oe)
	default:
		start = ns
	}
	switch k := v.seek(ne - 1); {
	case k < len(an) && int(an[k].n) <= ne-1:
		end = int(an[k].oe)
	case k > 0:
		end = ne - int(an[k-1].ne) + int(an[k-1].oe)
	default:
		end = ne
	}
	return start, end
}

// boundary reports whether normal-form offset p is not strictly inside the
// expansion of one original segment. Tokens start and end only at
// boundaries: a token boundary inside a segment (between the "27" and "日"
// of "㏺" -> "27日") would give two tokens the same original span.
func (v *view) boundary(p int) bool {
	if len(v.anchors) == 0 {
		return true
	}
	k := v.seek(p)
	return k == len(v.anchors) || p <= int(v.anchors[k].n)
}
