package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// lineKind classifies a line for block structure. Plain text only uses
// lineText and lineBlank; the others are Markdown.
type lineKind uint8

const (
	lineText    lineKind = iota // prose or a list item
	lineBlank                   // nothing but white space and quote markers
	lineHeading                 // ATX heading: "# Title"
	lineFence                   // ``` or ~~~ code fence
	lineRule                    // thematic break: *** --- ___
	lineSetext1                 // === under a line: that line is a heading
	lineSetext2                 // --- under a line: heading, else a rule
	lineSkip                    // table delimiter row, link reference definition
	lineHTML                    // starts an HTML block, of the CommonMark type in fence
)

// line is one line of a plain-text or Markdown document.
type line struct {
	cs, ce  int // content: after quote markers, indentation and list marker; trailing white space trimmed
	depth   int // number of '>' quote markers
	indent  int // columns of indentation after the quote markers
	eindent int // column where the content starts (after a list marker), same origin as indent
	fence   int // length of the fence run of a lineFence ("```", "~~~~"), which starts at cs; level of a lineHeading; type of a lineHTML
	kind    lineKind
	item    bool // the line starts a list item
	ms      int  // of an item: where its marker starts
	num     int  // of an item numbered "N." or "N)": N; else -1
	// Set by newBlockStyle for blocks of two lines or more:
	ends  bool // the content ends a sentence
	full  bool // the next line's first word would not have fitted after this line
	width int  // column one past the content's last rune, same origin as indent
}

// nextLine returns the line starting at pos and the offset after its line
// break.
func nextLine(src string, pos int) (start, end, next int) {
	i := strings.IndexByte(src[pos:], '\n')
	if i < 0 {
		end = len(src)
		next = len(src)
	} else {
		end = pos + i
		next = end + 1
	}
	if end > pos && src[end-1] == '\r' {
		end--
	}
	return pos, end, next
}

// parseLine classifies src[start:end]. The quote-marker rule: up to three
// spaces, then '>' (or Usenet's "|>") and one optional space, repeated
// ("> >", ">>" and "> > " all give depth 2; in Markdown a quote in a list
// item may be indented more, see listItems). List markers (after any
// indentation): a number of one to three digits (nine in Markdown)
// followed by '.' or ')', or one of - * • – · ▪ ◦ ‣ ● ○ ■ (and + in
// Markdown), followed by white space and some text.
func parseLine(src string, start, end int, md bool) (l line) {
	readLine(&l, src, start, end, -1, md)
	classifyLine(src, &l, md, 0)
	return l
}

// classifyLine is parseLine after the line's quote markers and
// indentation are read (into l, by lineRest). In Markdown the line's
// container (a list item it is in; see listItems) has its content at
// column base: a leaf block (a heading, a fence, ...) may be indented up
// to three columns past it.
func classifyLine(src string, l *line, md bool, base int) {
	p, e, col := l.cs, l.ce, l.indent
	if p == e || !md && src[p:e] == "--" {
		// Blank, or an e-mail signature separator "-- ".
		l.kind = lineBlank
		return
	}
	if md && col-base < 4 && parseMarkdownLine(src, l) {
		return
	}
	if n := listMarker(src[p:e], md); n > 0 {
		q := p + n
		for q < e && (src[q] == ' ' || src[q] == '\t') {
			q++
		}
		l.item = true
		l.ms = p
		l.num = -1
		if c := src[p]; c >= '0' && c <= '9' {
			l.num = 0
			for i := p; i < e && src[i] >= '0' && src[i] <= '9'; i++ {
				l.num = l.num*10 + int(src[i]-'0')
			}
		}
		l.cs = q
		l.eindent = col + utf8.RuneCountInString(src[p:q])
		// In Markdown the item's first block, on its marker's line,
		// may be a block other than a paragraph: see
		// listItems.content.
	}
}

// lineContent reads the quote markers and indentation of src[start:end]
// and trims its trailing white space, as parseLine does; the line is
// lineBlank if nothing is left, lineText otherwise, never an item. It
// reads at most quotes quote markers (all if quotes < 0): a '>' after
// them is content.
func lineContent(src string, start, end, quotes int, md bool) (l line) {
	readLine(&l, src, start, end, quotes, md)
	return l
}

// readLine is lineContent into l, which is zero. Outside Markdown a line
// may also be quoted as Usenet readers quoted: with ": " or "| "
// (usenetMarker).
func readLine(l *line, src string, start, end, quotes int, md bool) {
	p, depth := start, 0
	for depth != quotes {
		q := quoteMarker(src, p, end)
		if q < 0 && !md {
			q = usenetMarker(src, p, end)
		}
		if q < 0 {
			break
		}
		depth++
		p = q
	}
	lineRest(l, src, p, end, depth)
}

// lineRest is readLine for the rest src[p:end] of a line after its depth
// quote markers.
func lineRest(l *line, src string, p, end, depth int) {
	l.depth = depth
	col := 0
	for p < end && (src[p] == ' ' || src[p] == '\t') {
		if src[p] == '\t' {
			col += 8 - col%8
		} else {
			col++
		}
		p++
	}
	e := end
	for e > p && isASCIISpace(src[e-1]) {
		e--
	}
	if e > p && src[e-1] >= utf8.RuneSelf {
		e = p + len(trimRightSpace(src[p:e]))
	}
	l.indent, l.eindent = col, col
	l.cs, l.ce = p, e
	if p == e {
		l.kind = lineBlank
	}
}

// quoteMarker returns the offset after the quote marker at p (up to three
// spaces, '>' or "|>", one optional space or tab), or -1 if there is none
// before end.
func quoteMarker(src string, p, end int) int {
	return quoteMarkerIndented(src, p, end, 3)
}

// quoteMarkerIndented is quoteMarker with up to spaces spaces before the
// '>' (a quote in a list item is indented to the item's text, and then up
// to three spaces more).
func quoteMarkerIndented(src string, p, end, spaces int) int {
	q := p
	for n := 0; n < spaces && q < end && src[q] == ' '; n++ {
		q++
	}
	if q+1 < end && src[q] == '|' && src[q+1] == '>' {
		q++ // Usenet "|> " quoting
	}
	if q >= end || src[q] != '>' {
		return -1
	}
	q++
	if q < end && (src[q] == ' ' || src[q] == '\t') {
		q++
	}
	return q
}

// usenetMarker returns the offset after a Usenet reader's quote marker at
// p (up to three spaces, ':' or '|', then a space, a tab, the end of the
// line, or the same marker again, a deeper quote: "::", "||"), or -1 if
// there is none. A '|' marks a quote only when the rest of the line has
// none: a line of a table ("| a | b |") or of a boxed signature is not
// quoted.
func usenetMarker(src string, p, end int) int {
	q := p
	for n := 0; n < 3 && q < end && src[q] == ' '; n++ {
		q++
	}
	if q >= end || src[q] != ':' && src[q] != '|' {
		return -1
	}
	c := src[q]
	q++
	switch {
	case q == end:
		return q
	case src[q] != ' ' && src[q] != '\t' && src[q] != c:
		return -1
	case c == '|' && strings.IndexByte(src[q:end], '|') >= 0 && src[q] != '|':
		return -1
	}
	if src[q] == ' ' || src[q] == '\t' {
		q++
	}
	return q
}

// listMarker returns the length of the list marker that s starts with, or
// 0. The marker must be followed by white space and then some text.
func listMarker(s string, md bool) int {
	n := 0
	if c := s[0]; c >= '0' && c <= '9' {
		max := 3
		if md {
			max = 9
		}
		for n < len(s) && n <= max && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n > max || n == len(s) || (s[n] != '.' && s[n] != ')') {
			return 0
		}
		n++
	} else if c < utf8.RuneSelf {
		if c != '-' && c != '*' && !(md && c == '+') {
			return 0
		}
		n = 1
	} else {
		r, size := utf8.DecodeRuneInString(s)
		switch r {
		case '•', '–', '·', '▪', '◦', '‣', '●', '○', '■':
			n = size
		default:
			return 0
		}
	}
	if n >= len(s) || (s[n] != ' ' && s[n] != '\t') {
		return 0
	}
	for i := n; i < len(s); i++ {
		if !isASCIISpace(s[i]) {
			return n
		}
	}
	return 0
}

// endsSentence reports whether s (trimmed) ends a sentence or a clause that
// stands alone: its last rune, after closing quotes and brackets, is one of
// . ! ? : ; … 。！？
func endsSentence(s string) bool {
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		switch r {
		case '"', '\'', ')', ']', '”', '’', '»', '*', '_':
			s = s[:len(s)-size]
			continue
		case '.', '!', '?', ':', ';', '…', '。', '！', '？':
			return true
		}
		return false
	}
	return false
}

// firstWordWidth returns the number of runes before the first white space.
func firstWordWidth(s string) int {
	n := 0
	for _, r := range s {
		if isSpaceRune(r) {
			break
		}
		n++
	}
	return n
}

// startCase reports whether s starts with a lower-case letter, and whether
// it starts with an upper-case or uncased letter (a sentence start).
func startCase(s string) (lower, upper bool) {
	r, _ := utf8.DecodeRuneInString(s)
	for r == '"' || r == '\'' || r == '(' || r == '“' || r == '‘' || r == '[' || r == '*' || r == '_' {
		s = s[utf8.RuneLen(r):]
		r, _ = utf8.DecodeRuneInString(s)
	}
	if unicode.IsLower(r) {
		return true, false
	}
	return false, unicode.IsLetter(r)
}
