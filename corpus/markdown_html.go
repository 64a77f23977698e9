package corpus

import "strings"

// HTML blocks (CommonMark 0.31, section 4.6).
//
// A line indented less than four columns (in a list item: past the item's
// text) whose content starts with one of these starts an HTML block (htmlStart), which the block loop (blocks in
// paragraph.go) keeps open, as it does a code fence, until its end
// condition (htmlBlock.next):
//
//	type  start                                 end
//	1     <script <style <textarea (<pre)      a line holding </script>, </style>, </textarea> or </pre>
//	2     <!--                                  a line holding -->
//	3     <?                                    a line holding ?>
//	4     <! and an ASCII letter                a line holding >
//	5     <![CDATA[                             a line holding ]]>
//	6     < or </ and a block-level tag name    a blank line (not part of the block)
//	7     a whole line of one open or end tag   a blank line (not part of the block)
//
// The end condition may hold on the start line itself. A block also ends
// where its containers do: at a line with fewer '>' quote markers, and,
// for a block in a list item, at a line that is not blank and is indented
// less than the item's text (the next item, or text after the list),
// also where the item holds a quote the block is in ("- item\n  > <div>":
// the '>' must be indented to the item's text).
// Quote markers after the container's are the block's content. Blocks
// of types 1 to 5 are skipped: scripts, styles, form fields, comments,
// processing instructions, declarations and CDATA are not prose a reader
// sees. Blocks of type 6 and 7 and <pre> blocks are, so their lines are
// text, with their tags dropped as inline markup (markdown_inline.go),
// but no Markdown block structure is read in them: no headings, list
// items, tables or code fences, as in CommonMark. Where neardup differs
// from CommonMark:
//
//   - a block of types 1 to 5 (or <pre>) is only opened when its end
//     condition holds on its start line or on a later line of the
//     document, so that a stray "<!--" does not hide the rest of the
//     document; otherwise its start line is dropped (a <pre> line is text)
//     and the lines after it are read as usual. A line holding nothing but
//     "-->" is dropped too: the end of a comment that was not recognised;
//   - the start line of a block that is skipped ends a block that is
//     shown and starts its own, since a browser hides a script or a
//     comment wherever it is; in CommonMark it is part of the block that
//     is shown;
//   - blank lines in a <pre> block end a paragraph, as they do in prose;
//   - a block does not start after a list marker, on the line of the
//     item's marker;
//   - blocks of types 1 to 5 do not end with the list item they are in,
//     only with their quote, as a browser hides a script or a comment
//     wherever it is.
//
// Each line is read once, and whether a later end marker exists is looked
// up in htmlEnds, which finds the last marker of each type once per
// document, so splitting stays linear.

// HTML block types: CommonMark's, and htmlPre for type 1 started by <pre>.
const (
	htmlRaw     = 1 // <script>, <style>, <textarea>
	htmlComment = 2 // <!-- -->
	htmlPI      = 3 // <? ?>
	htmlDecl    = 4 // <!DOCTYPE html>
	htmlCDATA   = 5 // <![CDATA[ ]]>
	htmlBlock6  = 6 // block-level tags: <div>, <p>, <table>, ...
	htmlBlock7  = 7 // any other tag alone on its line
	htmlPre     = 8 // <pre>: type 1, but its content is shown
)

// htmlHidden reports whether blocks of type t are skipped.
func htmlHidden(t int) bool { return t >= htmlRaw && t <= htmlCDATA }

// htmlBlockTags are the tag names of type 6 start conditions.
var htmlBlockTags = [...]string{
	"address", "article", "aside", "base", "basefont", "blockquote", "body",
	"caption", "center", "col", "colgroup", "dd", "details", "dialog", "dir",
	"div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
	"frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
	"hr", "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem",
	"nav", "noframes", "ol", "optgroup", "option", "p", "param", "search",
	"section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
	"title", "tr", "track", "ul",
}

// htmlStart returns the type of HTML block whose start condition the
// content s meets, or 0.
func htmlStart(s string) int {
	if len(s) < 2 || s[0] != '<' {
		return 0
	}
	switch {
	case strings.HasPrefix(s, "<!--"):
		return htmlComment
	case s[1] == '?':
		return htmlPI
	case strings.HasPrefix(s, "<![CDATA["):
		return htmlCDATA
	case s[1] == '!' && len(s) > 2 && isASCIILetter(s[2]):
		return htmlDecl
	}
	name, end := htmlTagName(s)
	if name == "" {
		return 0
	}
	if !end {
		for _, raw := range [...]string{"script", "style", "textarea", "pre"} {
			if strings.EqualFold(name, raw) && htmlNameEnds(s[1+len(name):], false) {
				if raw == "pre" {
					return htmlPre
				}
				return htmlRaw
			}
		}
	}
	rest := s[1+len(name):]
	if end {
		rest = s[2+len(name):]
	}
	if htmlNameEnds(rest, true) {
		for _, tag := range htmlBlockTags {
			if strings.EqualFold(name, tag) {
				return htmlBlock6
			}
		}
	}
	if n := htmlTagLen(s); n == len(s) {
		switch strings.ToLower(name) {
		case "script", "style", "textarea", "pre":
		default:
			return htmlBlock7
		}
	}
	return 0
}

// htmlTagName returns the tag name after s's "<" or "</", and whether it
// is an end tag.
func htmlTagName(s string) (name string, end bool) {
	i := 1
	if s[i] == '/' {
		end = true
		i++
	}
	j := i
	if j >= len(s) || !isASCIILetter(s[j]) {
		return "", false
	}
	for j < len(s) && (isASCIILetter(s[j]) || s[j] >= '0' && s[j] <= '9' || s[j] == '-') {
		j++
	}
	return s[i:j], end
}

// htmlNameEnds reports whether s, after a tag name, ends it as a start
// condition does: at the end of the line, white space or '>' (or "/>"
// where slash).
func htmlNameEnds(s string, slash bool) bool {
	return s == "" || s[0] == ' ' || s[0] == '\t' || s[0] == '>' ||
		slash && strings.HasPrefix(s, "/>")
}

// htmlTagLen returns the length of the complete open or end tag s starts
// with (CommonMark 6.6), or 0.
func htmlTagLen(s string) int {
	name, end := htmlTagName(s)
	if name == "" {
		return 0
	}
	i := 1 + len(name)
	if end {
		i = skipSpaces(s, i+1)
		if i < len(s) && s[i] == '>' {
			return i + 1
		}
		return 0
	}
	for {
		j := skipSpaces(s, i)
		switch {
		case j < len(s) && s[j] == '>':
			return j + 1
		case strings.HasPrefix(s[j:], "/>"):
			return j + 2
		case j == i || j == len(s) || !(isASCIILetter(s[j]) || s[j] == '_' || s[j] == ':'):
			return 0
		}
		// An attribute: its name, then an optional value.
		for j++; j < len(s) && (isASCIILetter(s[j]) || s[j] >= '0' && s[j] <= '9' || strings.IndexByte("_.:-", s[j]) >= 0); j++ {
		}
		i = j
		k := skipSpaces(s, j)
		if k == len(s) || s[k] != '=' {
			continue
		}
		k = skipSpaces(s, k+1)
		switch {
		case k == len(s):
			return 0
		case s[k] == '"' || s[k] == '\'':
			q := strings.IndexByte(s[k+1:], s[k])
			if q < 0 {
				return 0
			}
			i = k + 1 + q + 1
		default:
			e := k
			for e < len(s) && strings.IndexByte(" \t\"'=<>`", s[e]) < 0 {
				e++
			}
			if e == k {
				return 0
			}
			i = e
		}
	}
}

func skipSpaces(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// htmlEndAt returns the offset in s of the first end marker of a block of
// type t (1 to 5, or htmlPre), or -1.
func htmlEndAt(s string, t int) int {
	switch t {
	case htmlComment:
		return strings.Index(s, "-->")
	case htmlPI:
		return strings.Index(s, "?>")
	case htmlDecl:
		return strings.IndexByte(s, '>')
	case htmlCDATA:
		return strings.Index(s, "]]>")
	}
	for i := 0; ; {
		k := strings.Index(s[i:], "</")
		if k < 0 {
			return -1
		}
		k += i
		if rawEndTag(s[k+2:]) {
			return k
		}
		i = k + 2
	}
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

// htmlEnds finds, once per document and block type, where the last end
// marker of a block of that type starts.
type htmlEnds struct {
	known [htmlCDATA + 1]bool
	last  [htmlCDATA + 1]int // -1: none
}

// after reports whether src holds an end marker of a block of type t at
// or after p, on a line that such a block would read it on.
func (h *htmlEnds) after(src string, t, p int) bool {
	if t == htmlPre {
		t = htmlRaw
	}
	if !h.known[t] {
		h.known[t] = true
		h.last[t] = lastHTMLEnd(src, t)
	}
	return h.last[t] >= p
}

// lastHTMLEnd returns where the last end marker of a block of type t
// starts in src, or -1. A '>' (type 4) only counts after a line's quote
// markers, which a block inside a quote does not read.
func lastHTMLEnd(src string, t int) int {
	switch t {
	case htmlComment:
		return strings.LastIndex(src, "-->")
	case htmlPI:
		return strings.LastIndex(src, "?>")
	case htmlCDATA:
		return strings.LastIndex(src, "]]>")
	case htmlDecl:
		for e := len(src); e > 0; {
			s := strings.LastIndexByte(src[:e], '\n') + 1
			p := s
			for q := quoteMarker(src, p, e); q >= 0; q = quoteMarker(src, p, e) {
				p = q
			}
			if k := strings.LastIndexByte(src[p:e], '>'); k >= 0 {
				return p + k
			}
			e = s - 1
		}
		return -1
	}
	for e := len(src); ; {
		k := strings.LastIndex(src[:e], "</")
		if k < 0 || rawEndTag(src[k+2:]) {
			return k
		}
		e = k
	}
}

// htmlBlock is the open HTML block of the block loop: its type (0 when
// none is open) and the quote depth of its start line. The list items it
// is in are the open items of the block loop (listItems), which do not
// change while it is open.
type htmlBlock struct {
	t, depth int
}

// htmlStep says where a line is relative to the open HTML block.
type htmlStep uint8

const (
	htmlIn   htmlStep = iota // the line is part of the block, which goes on
	htmlLast                 // the line is the block's last
	htmlOut                  // the block ended before the line
)

// next reads the line src[start:end] in the open block, which is in the
// open items. In blocks that are shown (htmlPre, 6 and 7) the line is text
// or blank, in others lineSkip. Only the quote markers of the block's
// container are read: a '>' after them is the block's content, as in
// CommonMark.
func (h *htmlBlock) next(src string, start, end int, items *listItems) (line, htmlStep) {
	if htmlHidden(h.t) {
		skip := line{kind: lineSkip}
		var in int
		var fresh bool
		p, depth := items.markers(src, start, end, h.depth, &in, &fresh)
		if depth < h.depth {
			return skip, htmlOut
		}
		if htmlEndAt(src[p:end], h.t) >= 0 {
			return skip, htmlLast
		}
		return skip, htmlIn
	}
	l, in, _ := items.read(src, start, end, h.depth)
	switch {
	case l.depth < h.depth:
		return l, htmlOut
	case l.kind != lineBlank && in < items.n:
		// The line leaves a list item the block is in.
		return l, htmlOut
	case l.kind == lineBlank:
		if h.t == htmlPre {
			return l, htmlIn
		}
		return l, htmlOut
	}
	s := src[l.cs:l.ce]
	if l.indent-items.base(in, l.depth) < 4 && htmlHidden(htmlStart(s)) {
		return l, htmlOut
	}
	if h.t == htmlPre && htmlEndAt(s, htmlPre) >= 0 {
		return l, htmlLast
	}
	return l, htmlIn
}
