package corpus

import "strings"

// Markdown is split like plain text (paragraph.go: the same line-break
// heuristics, list items, '>' blockquotes as Quoted units), with these
// CommonMark-ish additions at the block level:
//
//   - ATX headings ("## Title ##") and setext headings (a line underlined
//     with === or ---) are KindHeading units;
//   - fenced code blocks (``` or ~~~) are skipped: code is not prose to
//     compare, and copied code would dominate a prose report. A fence ends
//     with its closing fence or with the container it is in, as in
//     CommonMark: at a line with fewer '>' quote markers, or, in a list
//     item, at a line that is not blank and not indented to the item's
//     text; an unclosed fence hides the rest of its container. Indented
//     code blocks are not recognised as such (scraped Markdown indents
//     prose too), but a block whose lines read as code is skipped, as in
//     plain text (code.go);
//   - a list item's first block may open on its marker line, as in
//     CommonMark (5.2, rule 1): a fence ("- ```", "1. ~~~"), an ATX
//     heading ("- # Title"), a thematic break ("- ***": an item holding
//     a rule; "* * *" is a rule), an HTML block, a quote ("- > text", a
//     Quoted paragraph in the item) or a nested item ("- - text"), which
//     may hold blocks in turn ("- > - # Title");
//   - in a list item, leaf blocks (headings, fences, HTML blocks, rules,
//     ...) may be indented up to three columns past the item's text;
//   - thematic breaks (*** --- ___), table delimiter rows (|---|:--:|), link
//     reference definitions ("[id]: http://...") and YAML front matter
//     between --- lines at the top are skipped; a footnote definition
//     ("[^1]: text") is a paragraph of its text;
//   - "+" is a list marker too;
//   - a line of paragraph continuation text with fewer '>' markers than
//     the paragraph before it (a lazy continuation line, CommonMark 5.1)
//     goes on that paragraph, in its quote; a list item, a heading, a
//     rule, a fence or an HTML block that may interrupt a paragraph
//     starts a block outside the quote. A quote opened after a list item
//     that the line is not in ends the item and starts a quote of its
//     own, even at the depth of a quote in the item;
//   - HTML blocks (markdown_html.go): scripts, styles, form fields,
//     comments, processing instructions, declarations and CDATA are
//     skipped; in <pre> blocks and blocks opened by a tag (a block-level
//     one, or any tag alone on its line) the text is kept but no Markdown
//     block structure is read. A block that is never closed hides nothing:
//     only its start line goes;
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
// columns past its container's content) and reports whether it is Markdown structure rather than text.
func parseMarkdownLine(src string, l *line) bool {
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
		if t := htmlStart(s); t != 0 {
			l.kind = lineHTML
			l.fence = t
			return true
		}
	case '-':
		if s == "-->" {
			l.kind = lineSkip // the end of a comment that was not recognised
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

// closesFence reports whether fence closes the code block opened by open.
func closesFence(fence, open string) bool {
	return fence[0] == open[0] && len(fence) >= len(open)
}

// codeFence is the open code fence of the block loop: its run ("```",
// "~~~~"; "" when none is open) and the quote depth of its line. The list
// items it is in are the open items of the block loop (listItems), which
// do not change while it is open.
type codeFence struct {
	run   string
	depth int
}

// next reads the line src[start:end] in the open fence, which is in the
// open items, and reports whether the fence ended before it: the line
// has fewer quote markers than the fence, or is not blank and leaves a
// list item the fence is in (code has no lazy continuation lines). Only
// the quote markers of the fence's container are read: a '>' after them
// is code. A closing fence, indented less than four columns past the
// container's content, is the fence's last line.
func (f *codeFence) next(src string, start, end int, items *listItems) (out bool) {
	l, in, _ := items.read(src, start, end, f.depth)
	if l.depth < f.depth || l.kind != lineBlank && in < items.n {
		f.run = ""
		return true
	}
	if l.kind != lineBlank && l.indent-items.base(in, l.depth) < 4 {
		if n := fenceRun(src[l.cs:l.ce]); n > 0 && closesFence(src[l.cs:l.cs+n], f.run) {
			f.run = ""
		}
	}
	return false
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
