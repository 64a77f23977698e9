package shingle

import (
	"unicode"
	"unicode/utf8"
)

// class is the role of a rune of normal-form text in tokenisation.
type class uint8

const (
	clSep    class = iota // separates tokens
	clLetter              // letters and combining marks
	clDigit               // decimal digits
	clIdeo                // Han, Hiragana, Katakana: each rune a token of its own
	clApos                // ' joins letters: don't, o'clock, China's
	clDot                 // . joins digits (2.5) and single letters (U.S.)
	clComma               // , joins digits (12,000)
	clEnd                 // past the end of the text
)

// asciiClass is the class of every ASCII byte. Read-only.
var asciiClass = func() (t [utf8.RuneSelf]class) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = clLetter, clLetter
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = clDigit
	}
	t['\''], t['.'], t[','] = clApos, clDot, clComma
	return t
}()

// classify returns the class of a non-ASCII rune.
func classify(r rune) class {
	switch {
	case r >= 0xC0 && r <= 0x24F:
		if r == 0xD7 || r == 0xF7 { // × ÷
			return clSep
		}
		return clLetter
	case r >= 0x400 && r <= 0x481:
		return clLetter
	case unicode.IsLetter(r):
		if r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)) {
			return clIdeo
		}
		return clLetter
	case unicode.IsMark(r):
		return clLetter
	case unicode.IsDigit(r):
		return clDigit
	}
	return clSep
}

// scanner splits a text into tokens. After next returns true, [ns, ne) is
// the token's span in the normal form, buf its surface form (valid until the
// next call) and number whether it is a number. Scanners are pooled with
// their buffers.
type scanner struct {
	v      view
	lang   *language
	p      int
	ns, ne int
	buf    []byte
	number bool
}

// reset prepares sc to scan text in lang.
func (sc *scanner) reset(text string, lang *language) {
	sc.v.reset(text)
	sc.lang, sc.p, sc.ns, sc.ne, sc.buf, sc.number = lang, 0, 0, 0, sc.buf[:0], false
}

// classAt returns the class and byte length of the rune at p.
func (sc *scanner) classAt(p int) (class, int) {
	b := sc.v.b
	if p >= len(b) {
		return clEnd, 0
	}
	if c := b[p]; c < utf8.RuneSelf {
		return asciiClass[c], 1
	}
	r, size := utf8.DecodeRune(b[p:])
	return classify(r), size
}

// next finds the next token; it reports false at the end of the text.
func (sc *scanner) next() bool {
	b := sc.v.b
	for sc.p < len(b) {
		if c := b[sc.p]; c < utf8.RuneSelf { // fast path for ASCII
			if cl := asciiClass[c]; cl == clLetter || cl == clDigit {
				sc.word()
				return true
			}
			sc.p++
			continue
		}
		cl, size := sc.classAt(sc.p)
		switch cl {
		case clLetter, clDigit:
			sc.word()
			return true
		case clIdeo:
			sc.ns = sc.p
			sc.buf = append(sc.buf[:0], sc.v.b[sc.p:sc.p+size]...)
			sc.p += size
			sc.extend()
			sc.number = false
			return true
		}
		sc.p += size
	}
	return false
}

// word scans the word starting at sc.p: letters and digits, joined by an
// apostrophe between a letter or digit and a letter, or by '.' and ','
// between digits; or an abbreviation of single letters and dots.
func (sc *scanner) word() {
	sc.ns = sc.p
	if sc.abbreviation() {
		return
	}
	b := sc.v.b
	buf := sc.buf[:0]
	prev := clSep
	digits := true
loop:
	for sc.p < len(b) {
		if c := b[sc.p]; c < utf8.RuneSelf { // fast path for ASCII letters and digits
			switch asciiClass[c] {
			case clLetter:
				buf = append(buf, c|0x20)
				digits, prev = false, clLetter
				sc.p++
				continue
			case clDigit:
				buf = append(buf, c)
				prev = clDigit
				sc.p++
				continue
			}
		}
		cl, size := sc.classAt(sc.p)
		switch cl {
		case clLetter, clDigit:
			buf = append(buf, b[sc.p:sc.p+size]...)
			digits = digits && cl == clDigit
			prev = cl
			sc.p += size
			continue
		case clApos:
			if next, _ := sc.classAt(sc.p + 1); (prev == clLetter || prev == clDigit) && next == clLetter {
				if sc.lang.elision && frenchElision(buf) {
					break loop // l'état: "l" is a token, the apostrophe a separator
				}
				buf = append(buf, '\'')
				digits = false
				prev = cl
				sc.p++
				continue
			}
		case clDot, clComma:
			if next, _ := sc.classAt(sc.p + 1); prev == clDigit && next == clDigit {
				buf = append(buf, b[sc.p])
				prev = cl
				sc.p++
				continue
			}
		}
		break
	}
	sc.buf = buf
	if n := len(buf); sc.extend() {
		digits = digits && isDigits(sc.buf[n:])
	}
	buf = sc.buf
	if len(buf) > 2 && buf[len(buf)-1] == 's' && buf[len(buf)-2] == '\'' &&
		(sc.lang.keepS == nil || !sc.lang.keepS(buf)) {
		buf = buf[:len(buf)-2] // possessive: China's -> china
		digits = isDigits(buf) // 1990's -> 1990
	}
	sc.buf, sc.number = buf, digits
}

// abbreviation scans an abbreviation of two or more single letters each
// followed by a dot (the last dot optional): "U.S.", "e.g.", "U.S"; its
// surface form is the letters alone ("us", "eg"). It reports false, leaving
// sc.p alone, when the text at sc.p is not one.
func (sc *scanner) abbreviation() bool {
	b := sc.v.b
	buf := sc.buf[:0]
	q, end, n := sc.p, sc.p, 0
	for {
		cl, size := sc.classAt(q)
		if cl != clLetter {
			break
		}
		after := q + size
		cl2, _ := sc.classAt(after)
		if cl2 == clDot {
			buf = appendLower(buf, b[q:after])
			n++
			q, end = after+1, after+1
			continue
		}
		if n > 0 && cl2 != clLetter && cl2 != clDigit && cl2 != clIdeo {
			buf = appendLower(buf, b[q:after])
			n++
			end = after
		}
		break
	}
	if n < 2 {
		return false
	}
	sc.p, sc.buf, sc.number = end, buf, false
	sc.extend()
	return true
}

// extend ends the token at sc.p, or, when sc.p is inside the expansion of an
// original segment, at the end of that segment, appending the rest of the
// expansion to the token ("½" -> "1⁄2" is one token). It reports whether it
// appended anything.
func (sc *scanner) extend() bool {
	p := sc.p
	for !sc.v.boundary(sc.p) {
		sc.p++
	}
	sc.buf = append(sc.buf, sc.v.b[p:sc.p]...)
	sc.ne = sc.p
	return sc.p > p
}

// appendLower appends the bytes of one rune to buf, folding ASCII case (the
// normal form of non-ASCII text is folded already).
func appendLower(buf, r []byte) []byte {
	if len(r) == 1 {
		return append(buf, asciiFold[r[0]])
	}
	return append(buf, r...)
}

// isDigits reports whether w is a number: ASCII digits, '.' and ','.
func isDigits(w []byte) bool {
	if len(w) == 0 {
		return false
	}
	for _, c := range w {
		if (c < '0' || c > '9') && c != '.' && c != ',' {
			return false
		}
	}
	return true
}
