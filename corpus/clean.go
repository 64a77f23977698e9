package corpus

import (
	"unicode"
	"unicode/utf8"
)

// A unit's comparison text ("clean text") is built from pieces of the
// source: runs copied byte for byte (verbatim), single spaces standing for
// collapsed white space, line breaks and stripped markers, and replacement
// text such as a decoded HTML entity standing for its source bytes. The
// pieces map any position of the clean text back to a byte offset of the
// source, which is how units cut out of the clean text (sentences, inline
// list items) get exact Start and End offsets.
//
// When the clean text is one verbatim run (the common case for plain text
// written with single spaces) it is a substring of the source: no bytes are
// copied and no string is allocated.

// piece maps the clean text from c up to the next piece's c to the source.
type piece struct {
	c        int  // start in the clean text
	o        int  // start in the source
	ol       int  // length in the source
	verbatim bool // the clean bytes are the source bytes (clean length == ol)
}

// builder accumulates the clean text of one unit. The zero value is not
// usable: set src and call reset.
type builder struct {
	src    string
	buf    []byte // the clean text once it is not a single verbatim piece
	mat    bool   // buf holds the clean text
	n      int    // clean length
	pieces []piece
	// pending white space: the source range it stands for, or sp < 0.
	sp, spEnd int
	// hint is the expected clean length, for sizing buf.
	hint int
}

func (b *builder) reset() {
	b.buf = b.buf[:0]
	b.mat = false
	b.n = 0
	b.pieces = b.pieces[:0]
	b.sp = -1
}

// empty reports whether nothing but white space has been added.
func (b *builder) empty() bool { return b.n == 0 }

// span returns the source range of the text added since reset: from the
// first piece's start to the last piece's end.
func (b *builder) span() (int, int) {
	if len(b.pieces) == 0 {
		return 0, 0
	}
	last := b.pieces[len(b.pieces)-1]
	return b.pieces[0].o, last.o + last.ol
}

// materialise copies the single verbatim piece into buf so that more pieces
// can follow it.
func (b *builder) materialise() {
	if b.mat {
		return
	}
	b.mat = true
	b.buf = b.buf[:0]
	if cap(b.buf) < b.hint {
		b.buf = make([]byte, 0, b.hint)
	}
	if len(b.pieces) > 0 {
		p := b.pieces[0]
		b.buf = append(b.buf, b.src[p.o:p.o+p.ol]...)
	}
}

// space records white space standing for src[s:e]. Leading white space is
// dropped, runs are collapsed to one space, and trailing white space is
// dropped because a pending space is only written before more content.
func (b *builder) space(s, e int) {
	if b.n == 0 {
		return
	}
	if b.sp < 0 {
		b.sp, b.spEnd = s, e
		return
	}
	if e > b.spEnd {
		b.spEnd = e
	}
}

// flushSpace writes the pending space before content starting at source
// offset next (verbatim content) or -1 (replacement content).
func (b *builder) flushSpace(next int) {
	if b.sp < 0 {
		return
	}
	s, e := b.sp, b.spEnd
	b.sp = -1
	if last := len(b.pieces) - 1; e-s == 1 && b.src[s] == ' ' && next == e && last >= 0 {
		if p := &b.pieces[last]; p.verbatim && p.o+p.ol == s {
			// A single source space between two verbatim runs stays verbatim.
			p.ol++
			if b.mat {
				b.buf = append(b.buf, ' ')
			}
			b.n++
			return
		}
	}
	b.materialise()
	b.pieces = append(b.pieces, piece{c: b.n, o: s, ol: e - s})
	b.buf = append(b.buf, ' ')
	b.n++
}

// lit appends src[s:e] verbatim; it holds no white space but single spaces
// between words.
func (b *builder) lit(s, e int) {
	if s >= e {
		return
	}
	if b.n > 0 && b.src[s]&0xC0 == 0x80 && !b.follows(s) {
		// A continuation byte that does not follow its source bytes:
		// only in invalid UTF-8, where stripped markup between two stray
		// bytes ("\xc2`\x85`") would join them into a rune, white space
		// (U+0085) among them. A space keeps them apart.
		b.space(s, s)
	}
	b.flushSpace(s)
	if last := len(b.pieces) - 1; last >= 0 {
		if p := &b.pieces[last]; p.verbatim && p.o+p.ol == s {
			p.ol += e - s
			if b.mat {
				b.buf = append(b.buf, b.src[s:e]...)
			}
			b.n += e - s
			return
		}
		b.materialise()
	}
	b.pieces = append(b.pieces, piece{c: b.n, o: s, ol: e - s, verbatim: true})
	if b.mat {
		b.buf = append(b.buf, b.src[s:e]...)
	}
	b.n += e - s
}

// follows reports whether the clean text ends with a verbatim piece that
// ends at source offset s.
func (b *builder) follows(s int) bool {
	last := len(b.pieces) - 1
	return last >= 0 && b.pieces[last].verbatim && b.pieces[last].o+b.pieces[last].ol == s && b.sp < 0
}

// repl appends r, which stands for src[s:e] (a decoded entity, an escaped
// character). White space in r is collapsed like any other.
func (b *builder) repl(r string, s, e int) {
	if r == "" {
		return
	}
	if isSpaceString(r) {
		b.space(s, e)
		return
	}
	lead := len(r) - len(trimLeftSpace(r))
	if lead > 0 {
		b.space(s, s)
		r = r[lead:]
	}
	trail := len(trimRightSpace(r))
	rest := r[trail:]
	r = r[:trail]
	b.flushSpace(-1)
	b.materialise()
	b.pieces = append(b.pieces, piece{c: b.n, o: s, ol: e - s})
	for i := 0; i < len(r); {
		j := i
		for j < len(r) && !isSpaceAt(r, j) {
			_, size := utf8.DecodeRuneInString(r[j:])
			j += size
		}
		b.buf = append(b.buf, r[i:j]...)
		b.n += j - i
		if j == len(r) {
			break
		}
		for j < len(r) && isSpaceAt(r, j) {
			_, size := utf8.DecodeRuneInString(r[j:])
			j += size
		}
		if j < len(r) {
			b.buf = append(b.buf, ' ')
			b.n++
		}
		i = j
	}
	if rest != "" {
		b.space(e, e)
	}
}

// text appends src[s:e] with white space collapsed. Runs of words separated
// by single spaces are appended in one piece.
func (b *builder) text(s, e int) {
	src := b.src
	i := s
	for i < e {
		k := spaceRun(src, i, e)
		if k > i {
			b.space(i, k)
			i = k
			continue
		}
		j := i + verbatimRun(src[i:e])
		b.lit(i, j)
		i = j
	}
}

// verbatimRun returns the length of the longest prefix of s that holds no
// white space but single ' ' between other bytes. This is the hot loop of
// splitting. It takes eight bytes at a time while they are printable ASCII
// with single spaces (SWAR: the bytes of a uint64 compared in parallel),
// and goes byte by byte for eight bytes when they are not; FuzzVerbatimRun
// checks it against verbatimRunSlow.
func verbatimRun(s string) int {
	const (
		lo7    = 0x7f7f7f7f7f7f7f7f
		hi     = 0x8080808080808080
		spaces = 0x2020202020202020
		below  = 0x5f5f5f5f5f5f5f5f // 0x80 - 0x21: (b&0x7f)+below has bit 7 set iff b >= 0x21
	)
	j := 0
	for {
		prev := false // s[j-1] is a space taken without looking at s[j]
		for j+8 <= len(s) {
			w := load64(s, j)
			if w&hi != 0 {
				break
			}
			if low := ^((w & lo7) + below) & hi; low != 0 {
				x := w ^ spaces
				sp := ^(((x & lo7) + lo7) | x | lo7) // bit 7 of each byte that is ' '
				if low != sp || sp&(sp>>8) != 0 || prev && sp&0x80 != 0 {
					break
				}
				prev = sp>>63 != 0
			} else {
				prev = false
			}
			j += 8
		}
		if prev && (j == len(s) || isSpaceAt(s, j)) {
			return j - 1
		}
		if j == len(s) {
			return j
		}
		for end := min(j+8, len(s)); j < end; {
			c := s[j]
			if c > ' ' && c < 0xC2 {
				j++ // printable ASCII or a continuation byte
				continue
			}
			if c == ' ' {
				if j+1 < len(s) && !isSpaceAt(s, j+1) {
					j += 2 // a single space between words
					continue
				}
				return j
			}
			if byteClass[c]&classSpace != 0 || byteClass[c]&classSpaceLead != 0 && isSpaceAt(s, j) {
				return j
			}
			j++
		}
	}
}

// verbatimRunSlow is the obviously right verbatimRun, for tests.
func verbatimRunSlow(s string) int {
	for j := 0; j < len(s); {
		if isSpaceAt(s, j) {
			if s[j] == ' ' && j > 0 && j+1 < len(s) && !isSpaceAt(s, j+1) {
				j++
				continue
			}
			return j
		}
		_, size := utf8.DecodeRuneInString(s[j:])
		j += size
	}
	return len(s)
}

// load64 reads eight bytes of s at j, little-endian (one load on amd64 and
// arm64).
func load64(s string, j int) uint64 {
	s = s[j : j+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// spaceRun returns the end of the white space in src[i:e] starting at i (i
// itself when there is none).
func spaceRun(src string, i, e int) int {
	for i < e {
		c := src[i]
		if c < utf8.RuneSelf {
			if !isASCIISpace(c) {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:e])
		if !isSpaceRune(r) {
			return i
		}
		i += size
	}
	return i
}

// result returns the clean text and its pieces. The pieces are owned by the
// builder and valid until the next reset.
func (b *builder) result() (string, []piece) {
	b.sp = -1
	if b.n == 0 {
		return "", nil
	}
	if !b.mat {
		p := b.pieces[0]
		return b.src[p.o : p.o+p.ol], b.pieces
	}
	return string(b.buf[:b.n]), b.pieces
}

// mapper maps clean-text positions of one unit to source offsets. Queries
// are fastest in increasing order.
type mapper struct {
	pieces []piece
	k      int // piece of the last query
}

// find returns the index of the piece holding clean position p.
func (m *mapper) find(p int) int {
	ps := m.pieces
	k := m.k
	if k >= len(ps) || ps[k].c > p {
		k = 0
	}
	for k+1 < len(ps) && ps[k+1].c <= p {
		k++
	}
	m.k = k
	return k
}

// start returns the source offset of the byte at clean position p.
func (m *mapper) start(p int) int {
	q := m.pieces[m.find(p)]
	if q.verbatim {
		return q.o + p - q.c
	}
	return q.o
}

// end returns the source offset one past the byte at clean position p-1.
func (m *mapper) end(p int) int {
	q := m.pieces[m.find(p-1)]
	if q.verbatim {
		return q.o + p - q.c
	}
	return q.o + q.ol
}

// Byte classes for the scanning loops.
const (
	classSpace     = 1 // ASCII white space
	classSpaceLead = 2 // may start a multi-byte white space rune (U+0085, U+00A0, U+1680, U+2000-U+205F, U+3000, U+FEFF)
	classStop      = 4 // '.', '!', '?', or may start '…', '。', '！', '？'
)

// byteClass maps a byte to its classes. It is a constant string, not a
// table variable, so that it cannot be modified; TestByteClass checks it.
const byteClass = "" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x01\x01\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x01\x04\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x04\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x04" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x00\x00\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x00\x02\x06\x06\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x06\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// isSpaceRune reports white space for collapsing: Unicode white space and
// the byte order mark (and zero-width no-break space) U+FEFF.
func isSpaceRune(r rune) bool {
	return unicode.IsSpace(r) || r == '\uFEFF'
}

func isSpaceAt(s string, i int) bool {
	if c := s[i]; c < utf8.RuneSelf {
		return isASCIISpace(c)
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isSpaceRune(r)
}

func isSpaceString(s string) bool {
	for i := 0; i < len(s); {
		if !isSpaceAt(s, i) {
			return false
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return true
}

func trimLeftSpace(s string) string {
	for len(s) > 0 && isSpaceAt(s, 0) {
		_, size := utf8.DecodeRuneInString(s)
		s = s[size:]
	}
	return s
}

func trimRightSpace(s string) string {
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		if !isSpaceRune(r) {
			break
		}
		s = s[:len(s)-size]
	}
	return s
}
