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
//   - "+" is a list marker too.
//
// Inline markup is removed from Text (inline.go); offsets still point into
// the original Markdown.

// parseMarkdownLine classifies the content of l (indented less than four
// columns) and reports whether it is Markdown structure rather than text.
func parseMarkdownLine(src string, l *line) bool {
	s := src[l.cs:l.ce]
	switch s[0] {
	case '`', '~':
		n := runLen(s, s[0])
		if n >= 3 && (s[0] == '~' || strings.IndexByte(s[n:], '`') < 0) {
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
	return false
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

// closesFence reports whether fence closes the block opened by open.
func closesFence(fence, open string) bool {
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
