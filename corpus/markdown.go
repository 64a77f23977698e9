package corpus

import "strings"

// Markdown is split like plain text (paragraph.go: the same line-break
// heuristics, list items, '>' blockquotes as Quoted units), with these
// CommonMark-ish additions at the block level:
//
//   - ATX headings ("## Title ##") and setext headings (a line underlined
//     with === or ---) are KindHeading units;
//   - fenced code blocks (``` or ~~~) are skipped: code is not prose to
//     compare, and copied code would dominate a prose report. Indented code
//     blocks are not recognised (scraped Markdown indents prose too);
//   - thematic breaks (*** --- ___), table delimiter rows (|---|:--:|), link
//     reference definitions ("[id]: http://...") and YAML front matter
//     between --- lines at the top are skipped; a footnote definition
//     ("[^1]: text") is a paragraph of its text;
//   - "+" is a list marker too;
//   - HTML blocks of CommonMark types 1 and 2 are skipped: from a line that
//     starts with <script, <style or <textarea (case-insensitive, followed
//     by white space, '>' or the line's end) to the line that contains
//     </script>, </style>, </textarea> or </pre> (type 1: any of them ends
//     the block, as in CommonMark), and from a line that starts with <!--
//     to the line that contains -->. <pre> blocks stay text, as in HTML.
//     Whole lines go: text after the end marker on its line is part of the
//     block. A block is only recognised when it is closed, by a line
//     indented less than four columns, with no code fence (and in a
//     document with front matter no --- or ... line) before its end, and
//     when its lines do not contain the other type's end marker before its
//     start marker (a "-->" inside a script, a "</script>" inside a
//     comment); otherwise its first line is dropped and the rest stays text
//     as before. A one-line block is text whose tags markdown_inline.go drops
//     (script, style and textarea with their content);
//   - a pipe table row (a line with a '|' that is followed by a delimiter
//     row, or follows one through lines with pipes, or comes maxTableScan
//     lines with pipes after the last line without one) is a KindListItem
//     unit of its own, header row included: its cells' text, joined by a
//     space. The pipes go, as all markup does; a '|' escaped as "\|"
//     stays in its cell.
//
// Inline markup is removed from Text (markdown_inline.go); offsets still
// point into the original Markdown.

// parseMarkdownLine classifies the content of l (indented less than four
// columns) and reports whether it is Markdown structure rather than text.
func parseMarkdownLine(src string, l *line) bool {
	if htmlBlockLine(src, l) {
		return true
	}
	s := src[l.cs:l.ce]
	switch s[0] {
	case '`', '~':
		if n := fenceRun(s); n > 0 {
			l.kind = lineFence
			l.fence = n
			return true
		}
	case '#':
		n := runLen(s, '#')
		if n > 6 || (n < len(s) && s[n] != ' ' && s[n] != '\t') {
			return false
		}
		c, e := l.cs+n, l.ce
		for c < e && (src[c] == ' ' || src[c] == '\t') {
			c++
		}
		// A closing run of '#' preceded by a space (or all of it) goes.
		k := e
		for k > c && src[k-1] == '#' {
			k--
		}
		if k == c || src[k-1] == ' ' || src[k-1] == '\t' {
			e = k
			for e > c && (src[e-1] == ' ' || src[e-1] == '\t') {
				e--
			}
		}
		l.kind = lineHeading
		l.fence = n // the heading's level
		l.cs, l.ce = c, e
		return true
	case '=':
		if runLen(s, '=') == len(s) {
			l.kind = lineSetext1
			return true
		}
	case '[':
		if i := strings.Index(s, "]:"); i > 1 && strings.IndexByte(s[1:i], ']') < 0 {
			if s[1] != '^' {
				l.kind = lineSkip // a link reference definition
				return true
			}
			// A footnote "[^1]: text": the text is prose.
			c := l.cs + i + 2
			for c < l.ce && (src[c] == ' ' || src[c] == '\t') {
				c++
			}
			if c == l.ce {
				l.kind = lineBlank
				return true
			}
			l.cs = c
		}
	case '<':
		if strings.HasPrefix(s, "<!--") && strings.HasSuffix(s, "-->") {
			l.kind = lineSkip
			return true
		}
	}
	if s[0] == '-' && len(s) >= 2 && runLen(s, '-') == len(s) {
		l.kind = lineSetext2
		return true
	}
	if isRule(s) {
		l.kind = lineRule
		return true
	}
	if isTableDelimiter(s) {
		l.kind = lineSkip
		return true
	}
	if tableRow(src, l) {
		// Each row starts a unit, as a list item does (paragraph.go),
		// whatever its first cell; it has no marker and no number.
		l.item = true
		l.ms = l.cs
		l.num = -1
	}
	return false
}

// fenceRun returns the length of the code fence run that s (a line's
// content) starts with, or 0 if s is not a fence line.
func fenceRun(s string) int {
	if s[0] != '`' && s[0] != '~' {
		return 0
	}
	n := runLen(s, s[0])
	if n >= 3 && (s[0] == '~' || strings.IndexByte(s[n:], '`') < 0) {
		return n
	}
	return 0
}

func runLen(s string, c byte) int {
	n := 0
	for n < len(s) && s[n] == c {
		n++
	}
	return n
}

// isRule reports a thematic break: three or more of one of * - _, and
// spaces.
func isRule(s string) bool {
	c := s[0]
	if c != '*' && c != '-' && c != '_' {
		return false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// isTableDelimiter reports a table delimiter row such as "|---|:---:|".
func isTableDelimiter(s string) bool {
	pipe, dash := false, false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '|':
			pipe = true
		case '-':
			dash = true
		case ':', ' ', '\t':
		default:
			return false
		}
	}
	return pipe && dash
}

// closesFence reports whether fence closes the block opened by open. An
// HTML block's open is its first line's content, and a line that closes
// one has the content from its first end marker as fence (htmlBlockLine).
func closesFence(fence, open string) bool {
	if open[0] == '<' {
		ends, _ := htmlEnds(fence)
		return ends&htmlStart(open) != 0
	}
	return fence[0] == open[0] && len(fence) >= len(open)
}

// fenceOf returns the fence run of a lineFence.
func fenceOf(src string, l *line) string { return src[l.cs : l.cs+l.fence] }

// skipFrontMatter returns the offset after YAML front matter ("---" lines
// around it) starting at pos, or pos.
func skipFrontMatter(src string, pos int) int {
	_, end, next := nextLine(src, pos)
	if src[pos:end] != "---" {
		return pos
	}
	for p := next; p < len(src); {
		s, e, n := nextLine(src, p)
		if l := strings.TrimRight(src[s:e], " \t"); l == "---" || l == "..." {
			return n
		}
		p = n
	}
	return pos
}

// HTML blocks.
//
// The block loop (blocks in paragraph.go) knows one kind of multi-line
// block, the code fence, and sees one line at a time: a lineFence line
// opens a block when none is open, and otherwise closes the open one if
// closesFence says so. An HTML block is such a block: its first line is a
// lineFence whose fence is its content, and its last line a lineFence whose
// fence holds its end marker. Whether a line that holds an end marker is
// the last line of an open block depends on the lines before it, so it is
// decided by looking at them (htmlCloses), and whether a start line opens a
// block by looking at the lines after it (htmlOpens), with one rule for
// both: a start line opens a block of its type when the first line after it
// that is a code fence, a front matter delimiter (where the document starts
// with front matter), a start line of its type or a line holding its type's
// end marker is the last, holding the end marker, seen by parseMarkdownLine
// (indented less than four columns), and no line in between holds the other
// type's end marker before one starts a block of that type. That rule lets
// a line decide from its own neighbourhood what the loop's state is: a line
// holding an end marker closes a block exactly when the loop has one open,
// and no fence is opened that nothing closes. Scans stop at the first line
// of their own type, so each line is looked at a bounded number of times
// and splitting stays linear.

// HTML block types, as bits.
const (
	htmlRaw     = 1 << iota // CommonMark type 1: <script>, <style>, <textarea>
	htmlComment             // CommonMark type 2: <!-- -->
	htmlBoth    = htmlRaw | htmlComment
)

const bom = "\uFEFF"

// htmlBlockLine classifies l if it starts or ends an HTML block.
func htmlBlockLine(src string, l *line) bool {
	s := src[l.cs:l.ce]
	if fenceRun(s) > 0 {
		return false
	}
	ends, at := htmlEnds(s)
	if ends == 0 {
		t := htmlStart(s)
		if t == 0 {
			return false
		}
		l.kind = lineSkip // markup or script, block or not
		if htmlOpens(src, l.ce, t) {
			l.kind = lineFence
			l.fence = len(s)
		}
		return true
	}
	if htmlCloses(src, strings.LastIndexByte(src[:l.cs], '\n')+1, ends) {
		l.kind = lineFence
		l.cs += at
		l.fence = l.ce - l.cs
		return true
	}
	if s == "-->" {
		l.kind = lineSkip // the end of a comment that was not recognised
		return true
	}
	return false
}

// htmlStart returns the type of HTML block whose start condition content s
// meets, or 0.
func htmlStart(s string) int {
	if strings.HasPrefix(s, "<!--") {
		return htmlComment
	}
	if s[0] != '<' {
		return 0
	}
	for _, name := range [...]string{"script", "style", "textarea"} {
		if len(s) > len(name) && strings.EqualFold(s[1:1+len(name)], name) {
			if r := s[1+len(name):]; r == "" || r[0] == ' ' || r[0] == '\t' || r[0] == '>' {
				return htmlRaw
			}
		}
	}
	return 0
}

// htmlEnds returns the types of HTML block whose end marker s holds, and
// the offset of the first marker (-1 if none).
func htmlEnds(s string) (ends, at int) {
	at = -1
	if strings.IndexByte(s, '>') < 0 {
		return 0, at // the common case: both markers end with '>'
	}
	if i := strings.Index(s, "-->"); i >= 0 {
		ends, at = htmlComment, i
	}
	for i := 0; ; {
		k := strings.Index(s[i:], "</")
		if k < 0 {
			break
		}
		k += i
		if rawEndTag(s[k+2:]) {
			ends |= htmlRaw
			if at < 0 || k < at {
				at = k
			}
			break
		}
		i = k + 2
	}
	return ends, at
}

// rawEndTag reports whether s, after "</", is the rest of a type 1 end tag.
func rawEndTag(s string) bool {
	for _, name := range [...]string{"script", "pre", "style", "textarea"} {
		if len(s) > len(name) && s[len(name)] == '>' && strings.EqualFold(s[:len(name)], name) {
			return true
		}
	}
	return false
}

// htmlLine is what the HTML block scans need to know of a line.
type htmlLine struct {
	stop  bool // a code fence, or a possible front matter delimiter
	start int  // the block type the line starts (it holds no end marker)
	ends  int  // the block types whose end marker the line holds
	seen  bool // parseMarkdownLine sees it: not blank, indented less than four columns
}

// scanHTMLLine describes the line src[start:end] as parseLine and
// parseMarkdownLine see it; fm says whether the document opens with
// front matter.
func scanHTMLLine(src string, start, end int, fm bool) htmlLine {
	if start == 0 && strings.HasPrefix(src, bom) {
		start = len(bom) // as blocks does
	}
	var h htmlLine
	if fm {
		if t := strings.TrimRight(src[start:end], " \t"); t == "---" || t == "..." {
			h.stop = true
			return h
		}
	}
	l := parseLine(src, start, end, false)
	h.ends, _ = htmlEnds(src[l.cs:l.ce])
	if l.cs == l.ce || l.indent >= 4 {
		return h
	}
	h.seen = true
	if l.item {
		return h // the content starts with a list marker: neither fence nor start
	}
	s := src[l.cs:l.ce]
	if fenceRun(s) > 0 {
		h.stop = true
	} else if h.ends == 0 {
		h.start = htmlStart(s)
	}
	return h
}

// htmlOpens reports whether the start line of a block of type t, whose
// content ends at end, opens a block: see the rule above.
func htmlOpens(src string, end, t int) bool {
	i := strings.IndexByte(src[end:], '\n')
	if i < 0 {
		return false
	}
	fm := frontMatter(src)
	other := htmlBoth &^ t
	otherStarted := false
	for p := end + i + 1; p < len(src); {
		s, e, next := nextLine(src, p)
		h := scanHTMLLine(src, s, e, fm)
		switch {
		case h.stop:
			return false
		case h.ends&t != 0:
			return h.seen
		case h.start == t:
			return false
		case h.ends&other != 0 && !otherStarted:
			return false
		case h.start == other:
			otherStarted = true
		}
		p = next
	}
	return false
}

// htmlCloses reports whether the line starting at start, which holds the
// end markers of the block types ends, closes an open block: whether one
// of those types has a start line before it that opens a block ending on
// this line.
func htmlCloses(src string, start, ends int) bool {
	fm := frontMatter(src)
	for _, t := range [...]int{htmlRaw, htmlComment} {
		if ends&t == 0 {
			continue
		}
		other := htmlBoth &^ t
		// first is the first line of the other type after the start line
		// (the last one met going back): 0 none, 1 a start, 2 an end.
		first := 0
		for p := start; p > 0; {
			e := p - 1
			s := strings.LastIndexByte(src[:e], '\n') + 1
			if e > s && src[e-1] == '\r' {
				e--
			}
			h := scanHTMLLine(src, s, e, fm)
			if h.stop || h.ends&t != 0 {
				break
			}
			if h.start == t {
				if first != 2 {
					return true
				}
				break
			}
			if h.ends&other != 0 {
				first = 2
			} else if h.start == other {
				first = 1
			}
			p = s
		}
	}
	return false
}

// frontMatter reports whether src opens with a "---" line, as front matter
// does (skipFrontMatter).
func frontMatter(src string) bool {
	pos := 0
	if strings.HasPrefix(src, bom) {
		pos = len(bom)
	}
	// The first line is "---": compare its start, not the whole line (a
	// long first line must not be read at each call).
	rest := src[pos:]
	return rest == "---" || strings.HasPrefix(rest, "---\n") || strings.HasPrefix(rest, "---\r\n")
}

// Pipe tables.

// maxTableScan is how many lines with pipes tableRow looks back for the
// delimiter row; a run that long is a table anyway.
const maxTableScan = 64

// tableRow reports whether l is a row of a pipe table: its content holds an
// unescaped '|' and the next line is a delimiter row (the header row), or
// the lines before it hold pipes up to a delimiter row (a body row) or for
// maxTableScan lines.
func tableRow(src string, l *line) bool {
	if !hasPipe(src[l.cs:l.ce]) {
		return false
	}
	if i := strings.IndexByte(src[l.ce:], '\n'); i >= 0 {
		_, e, _ := nextLine(src, l.ce+i+1)
		if isTableDelimiter(tableContent(src[l.ce+i+1 : e])) {
			return true
		}
	}
	p := strings.LastIndexByte(src[:l.cs], '\n') + 1
	for range maxTableScan {
		if p == 0 {
			return false
		}
		e := p - 1
		s := strings.LastIndexByte(src[:e], '\n') + 1
		t := tableContent(src[s:e])
		if isTableDelimiter(t) {
			return true
		}
		if !hasPipe(t) {
			return false
		}
		p = s
	}
	return true
}

// tableContent trims a raw line's indentation, quote markers and trailing
// white space.
func tableContent(s string) string {
	return strings.TrimRight(strings.TrimLeft(s, " \t>"), " \t\r")
}

// hasPipe reports whether s holds a '|' that is not escaped.
func hasPipe(s string) bool {
	if strings.IndexByte(s, '|') < 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '|':
			return true
		}
	}
	return false
}
