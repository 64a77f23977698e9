package corpus

import (
	"html"
	"strings"
)

// Source code in plain text and in HTML pre elements is skipped, as
// Markdown's fenced code is: code is not prose to compare, and its lines,
// each a unit of a few identifiers, pair with each other by the hundred
// (a 20 Newsgroups post of C source made thousands of paraphrase pairs of
// declarations and printf calls). A block is code when more of its lines
// read as code than as prose (codeCount.code). A line reads as code
// (codeLine) when its syntax says so:
//
//   - it ends with '{', or opens with '}' and is short ("}", "} else {",
//     "});");
//   - it ends with ';' and holds '(', '=', '[' or "->", or opens with a
//     declaration or statement keyword ("int argc;", "return 0;");
//   - it is a preprocessor directive ("#include <stdio.h>", "#define N 8");
//   - it opens a control statement and ends with ')' ("if (x == 0)",
//     "for (i = 0; i < n; i++)"), or is a call or definition head: an
//     identifier with '_' or directly followed by '(' that ends with ')'
//     ("do_sphere( r, freq )", "main(argc, argv)");
//   - it ends with a call of a qualified name ("return json.load(f)");
//   - it is a Python head ("def f(x):", "class A(B):", "with open(p) as
//     f:") or import ("import os", "from a.b import c").
//
// Comment lines ("/* ...", "* ...", "// ...", "# ...") and lines of
// punctuation count for neither side (a block that opens a C comment and
// has no prose line is code: a program split at a blank line); a trailing "/* ... */" or " // ..."
// comment is cut before the line is read. Every other line is prose. A
// prose paragraph that ends a clause with ';' on one line of a wrapped
// block has more prose lines than that one; a list of items ending with
// ';' has no '(' or '=' in most of them. In HTML a code element inside
// pre, and a pre whose class names code ("code", "highlight",
// "language-...", "lang-...", "sourceCode", "prettyprint", "brush:"), are
// code whatever they hold; other pre blocks are read line by line as
// above.

// codeCount counts the code and the prose lines of a block.
type codeCount struct {
	code, prose int
	lines       int  // lines counted, blank ones included
	comment     bool // the first line opens a C comment ("/*", "//")
}

// add counts line t (a line's content, trimmed or not).
func (c *codeCount) add(t string) {
	if c.lines == 0 {
		t := strings.TrimSpace(t)
		c.comment = strings.HasPrefix(t, "/*") || strings.HasPrefix(t, "//")
	}
	c.lines++
	switch codeLine(t) {
	case 1:
		c.code++
	case -1:
		c.prose++
	}
}

// isCode reports whether the counted block is code: it has code lines,
// and more of them than prose lines; or it is a C comment and nothing
// else (a block of code split at a blank line).
func (c codeCount) isCode() bool {
	return c.code > c.prose || c.comment && c.prose == 0
}

// codeKeywords open a declaration or statement that ends with ';'.
var codeKeywords = map[string]bool{
	"int": true, "char": true, "long": true, "short": true, "unsigned": true, "signed": true,
	"float": true, "double": true, "void": true, "struct": true, "union": true, "enum": true,
	"static": true, "extern": true, "const": true, "register": true, "typedef": true,
	"return": true, "break": true, "continue": true, "goto": true, "var": true, "let": true,
	"import": true, "package": true, "using": true, "bool": true, "auto": true, "volatile": true,
}

// codeLine reads one line: 1 code, -1 prose, 0 neither (blank, a comment,
// punctuation).
func codeLine(t string) int {
	t = strings.TrimSpace(t)
	if t == "" {
		return 0
	}
	switch t[len(t)-1] {
	case ';', '{', '}', ')', ':', '/':
	default:
		// Most prose: only a comment, a directive or an import reads
		// otherwise ("/* ...", "* ...", "# ...", "import os"; a line
		// "x = 1; // the count" reads as prose, the rest of its block
		// as code).
		switch t[0] {
		case '/', '*', '#', '}', 'i', 'f':
		default:
			if hasLetterOrDigit(t) {
				return -1
			}
		}
	}
	// Comments.
	if strings.HasPrefix(t, "/*") {
		i := strings.Index(t, "*/")
		if i < 0 || strings.TrimSpace(t[i+2:]) == "" {
			return 0
		}
		t = strings.TrimSpace(t[i+2:]) // "/* note */ int x;"
	}
	if strings.HasPrefix(t, "//") || strings.HasPrefix(t, "*/") || t[0] == '*' && (len(t) == 1 || t[1] == ' ' || t[1] == '\t') {
		return 0
	}
	if t[0] == '#' {
		if directive(t[1:]) {
			return 1
		}
		return 0 // a shell or Python comment, or a heading: not evidence
	}
	if strings.HasSuffix(t, "*/") {
		if i := strings.Index(t, "/*"); i > 0 {
			t = strings.TrimSpace(t[:i])
		}
	}
	if i := strings.Index(t, "//"); i > 0 && (t[i-1] == ' ' || t[i-1] == '\t') {
		t = strings.TrimSpace(t[:i])
	}
	if !hasLetterOrDigit(t) {
		if t == "}" || t == "};" || t == "{" || t == ");" || t == "});" {
			return 1
		}
		return 0
	}
	first := t
	if i := strings.IndexAny(t, " \t(*;:"); i >= 0 {
		first = t[:i]
	}
	switch last := t[len(t)-1]; {
	case last == '{':
		return 1
	case t[0] == '}' && len(t) <= 16:
		return 1
	case last == ';':
		if strings.HasSuffix(t, "(-;") || strings.HasSuffix(t, "(;") {
			break // a smiley, "(-;"
		}
		if strings.ContainsAny(t, "(=[") || strings.Contains(t, "->") || codeKeywords[first] {
			return 1
		}
	case last == ')':
		switch first {
		case "if", "for", "while", "switch", "elif":
			if r := strings.TrimLeft(t[len(first):], " \t"); r != "" && r[0] == '(' {
				return 1
			}
		}
		if i := strings.IndexByte(t, '('); i > 0 && identifier(t[:i]) && (t[i-1] != ' ' || strings.Contains(t[:i], "_")) {
			return 1
		}
		if i := strings.IndexByte(t, '('); i > 0 && t[i-1] != ' ' {
			// "return json.load(f)": a qualified call at the end.
			w := t[strings.LastIndexByte(t[:i], ' ')+1 : i]
			if identifier(w) && strings.ContainsAny(w, "._") {
				return 1
			}
		}
	case last == ':':
		switch first {
		case "def", "class":
			if f := strings.Fields(t); len(f) >= 2 && (identifier(strings.TrimRight(f[1], "(:")) || strings.Contains(t, "(")) {
				return 1
			}
		case "else", "try", "finally":
			if t == first+":" {
				return 1
			}
		case "if", "elif", "while", "for", "with", "except":
			if strings.ContainsAny(t, "([") || strings.Contains(t, "==") {
				return 1 // "with open(path) as f:"
			}
		}
	}
	switch first {
	case "import": // "import os", "import numpy as np"
		name, rest, _ := strings.Cut(strings.TrimSpace(t[len(first):]), " ")
		if dotted(name) && (rest == "" || strings.HasPrefix(rest, "as ") && identifier(strings.TrimSpace(rest[3:]))) {
			return 1
		}
	case "from": // "from a.b import c, d"
		name, rest, _ := strings.Cut(strings.TrimSpace(t[len(first):]), " ")
		if dotted(name) && strings.HasPrefix(rest, "import ") {
			return 1
		}
	}
	return -1
}

// directive reports whether s (after '#') is a C preprocessor directive.
func directive(s string) bool {
	s = strings.TrimLeft(s, " \t")
	for _, d := range [...]string{"include", "define", "ifdef", "ifndef", "endif", "if", "else", "elif", "undef", "pragma"} {
		if strings.HasPrefix(s, d) && (len(s) == len(d) || s[len(d)] == ' ' || s[len(d)] == '\t' || s[len(d)] == '<' || s[len(d)] == '"') {
			return true
		}
	}
	return false
}

// identifier reports whether s (trailing white space ignored) is an ASCII
// identifier, possibly qualified ("obj.method", "ns::f", "p->f").
func identifier(s string) bool {
	s = strings.TrimRight(s, " \t")
	if s == "" || s[0] >= '0' && s[0] <= '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' || c == '.' || c == ':' || c == '>' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			continue
		}
		return false
	}
	return true
}

// dotted reports whether s is a module path: identifier characters and
// dots, starting with a letter or '_'.
func dotted(s string) bool {
	s = strings.TrimSuffix(s, ",")
	if s == "" || !(s[0] == '_' || s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || c == '.' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

func hasLetterOrDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80 {
			return true
		}
	}
	return false
}

// codeBlock reports whether the lines of a plain-text block are code. A
// list item's line is read from its marker: " * text" continues a block
// comment.
func codeBlock(src string, blk []line) bool {
	var c codeCount
	for i := range blk {
		l := &blk[i]
		s := l.cs
		if l.item {
			s = l.ms
		}
		c.add(src[s:l.ce])
	}
	return c.isCode()
}

// codeHTML reports whether the source of a unit of an HTML pre element
// (src in the range span gives) is code: its lines read as code, tags
// removed and character references decoded.
func codeHTML(src string, span func() (int, int)) bool {
	a, b := span()
	raw := src[a:b]
	var c codeCount
	for raw != "" {
		line := raw
		if i := strings.IndexByte(raw, '\n'); i >= 0 {
			line, raw = raw[:i], raw[i+1:]
		} else {
			raw = ""
		}
		if strings.ContainsAny(line, "<&") {
			line = html.UnescapeString(stripTags(line))
		}
		c.add(line)
	}
	return c.isCode()
}

// stripTags removes what looks like tags from one line of HTML.
func stripTags(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 || i+1 >= len(s) || !(s[i+1] == '/' || s[i+1] >= 'a' && s[i+1] <= 'z' || s[i+1] >= 'A' && s[i+1] <= 'Z') {
			b.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		b.WriteString(s[:i])
		s = s[i+j+1:]
	}
}

// codeClass reports whether an HTML class attribute value names code.
func codeClass(class string) bool {
	for _, c := range strings.Fields(class) {
		c = strings.ToLower(c)
		switch {
		case c == "code" || c == "highlight" || c == "sourcecode" || c == "prettyprint" || c == "syntax" || c == "brush:",
			strings.HasPrefix(c, "language-"), strings.HasPrefix(c, "lang-"), strings.HasPrefix(c, "brush:"),
			strings.HasPrefix(c, "highlight-"), strings.HasSuffix(c, "-code"):
			return true
		}
	}
	return false
}
