package corpus

import (
	"html"
	"strings"
)

// Source code in plain text and in HTML pre elements is skipped, as
// Markdown's fenced code is: code is not prose to compare, and its lines,
// each a unit of a few identifiers, pair with each other by the hundred
// (a 20 Newsgroups post of C source made thousands of paraphrase pairs of
// declarations and printf calls). Which lines of a block are code
// (codeParts) follows from how each line reads (codeLine): as code when
// its syntax says so,
//
//   - it ends with '{', or opens with a closing brace ("}", "} else {",
//     "});"; not Usenet's "} " quote marker);
//   - it ends with ';' and holds '=', '[', "->", a call ("free(p)", a
//     name of two or more letters directly before '('; not "party(s)" or
//     "section 5(a)") or a name only code writes ("call_data",
//     "XtMalloc"), or opens with a declaration or statement keyword
//     ("int argc;", "return 0;"); a '(' alone is not enough: clauses end
//     with ';' ("(a) is resident in the State;", "pay the rent (monthly,
//     in advance);");
//   - it is a preprocessor directive ("#include <stdio.h>", "#define N 8");
//   - it ends with ')' and opens a control statement ("if (x == 0)", "for
//     (i = 0; i < n; i++)"), or is a call or a function head: a name with
//     '_' or directly followed by '(' ("do_sphere( r, freq )", "main(argc,
//     argv)"), a type and a name before typed parameters ("int main(int
//     argc, char **argv)"), a short line ending with a call of a qualified
//     name ("return json.load(f)"; not "Fixed a crash in parse_args()");
//   - it is a Python head ("def f(x):", "class A(B):", "with open(p) as
//     f:") or import ("import os", "from a.b import c");
//   - it is nothing but declaration keywords ("int", "static void");
//   - it assigns ("total = 0", "p.x += 2", "let name = x"), returns a
//     value ("return total"), or loops in Python ("for line in f:");
//   - it is a line of uuencoded data (uuLine), as Usenet carried binaries:
//     not code, but no more prose.
//
// Comment lines ("/* ...", "* ...", "// ...", "# ...") and lines of
// punctuation read as neither; a trailing "/* ... */" or " // ..."
// comment is cut before the line is read. Every other line is prose. The
// rule applies to plain text and to Markdown paragraphs (an indented code
// block is one). In HTML a code element inside pre, and a pre whose class
// names code ("code", "highlight", "language-...", "lang-...",
// "sourceCode", "prettyprint", "brush:"), are code whatever they hold;
// another pre's unit is code when more of its lines read as code than as
// prose and no two prose lines follow each other (codeCount).

// codeCount counts the code and the prose lines of a block.
type codeCount struct {
	code, prose int
	lines       int  // lines counted, blank ones included
	comment     bool // the first line opens a C comment ("/*", "//")
	run         bool // two prose lines follow each other
	last        int  // the last line's reading
}

// add counts line t (a line's content, trimmed or not).
func (c *codeCount) add(t string) {
	if c.lines == 0 {
		c.comment = opensComment(t)
	}
	c.lines++
	k := codeLine(t)
	switch k {
	case 1:
		c.code++
	case -1:
		c.run = c.run || c.last == -1 && c.lines > 1
		c.prose++
	}
	c.last = k
}

// isCode reports whether the counted block (a unit of an HTML pre) is
// code: it has more code lines than prose lines and no two prose lines in
// a row; or it is a C comment and nothing else (a block of code split at
// a blank line).
func (c codeCount) isCode() bool {
	return c.code > c.prose && !c.run || c.comment && c.prose == 0
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
	switch uuLine(t) {
	case uuData:
		return 1
	case uuLike:
		return 0 // code only among lines of data (a block's last, short line)
	}
	switch t[len(t)-1] {
	case ';', '{', '}', ')', ':', '/':
	default:
		// Most prose: only a comment, a directive or an import reads
		// otherwise ("/* ...", "* ...", "# ...", "import os"; a line
		// "x = 1; // the count" reads as prose, the rest of its block
		// as code).
		switch t[0] {
		case '/', '*', '#', '}', 'i', 'f', 'r':
		default:
			if hasLetterOrDigit(t) && !(len(t) <= 24 && t[0] >= 'a' && t[0] <= 'z' && allKeywords(t)) && strings.IndexByte(t, '=') < 0 {
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
	case closesBlock(t):
		return 1
	case last == ';':
		if strings.HasSuffix(t, "(-;") || strings.HasSuffix(t, "(;") {
			break // a smiley, "(-;"
		}
		// Not a '(' alone: a clause "(a) ... (in advance);" ends so.
		if strings.ContainsAny(t, "=[") || strings.Contains(t, "->") || strings.Contains(t, "(\"") || codeKeywords[first] || hasCall(t) || hasCodeIdent(t) {
			return 1
		}
	case last == ')':
		switch first {
		case "if", "for", "while", "switch", "elif":
			if r := strings.TrimLeft(t[len(first):], " \t"); r != "" && r[0] == '(' {
				return 1
			}
		}
		i := strings.IndexByte(t, '(')
		if i > 0 && identifier(t[:i]) && (t[i-1] != ' ' || strings.Contains(t[:i], "_")) {
			return 1 // "main(argc, argv)", "do_sphere( r, freq )"
		}
		if i > 0 && functionHead(t[:i], t[i+1:len(t)-1]) {
			return 1 // "int main(int argc, char **argv)", "void ExitCallback (gw, closure, call_data)"
		}
		if j := strings.LastIndexByte(t, '('); j > 0 && t[j-1] != ' ' {
			// "return json.load(f)": a qualified call ends a short line.
			head := t[:j]
			w := head[strings.LastIndexByte(head, ' ')+1:]
			if identifier(w) && strings.ContainsAny(w, "._") && strings.Count(strings.TrimSpace(head), " ") <= 2 {
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
	if codeKeywords[first] && allKeywords(t) {
		return 1 // "int", "static void": a function's type on a line of its own
	}
	if assignment(t) {
		return 1 // "total = 0", "total += len(line)", "let name = x"
	}
	if first == "return" && !strings.ContainsAny(strings.TrimSpace(t[len(first):]), " \t") {
		return 1 // "return total", "return", not "return to sender"
	}
	if first == "for" && strings.HasSuffix(t, ":") {
		// Python's "for line in f:", "for i, x in enumerate(xs):".
		if v, rest, ok := strings.Cut(t[len("for "):], " in "); ok && rest != ":" && identifier(strings.ReplaceAll(strings.ReplaceAll(v, ",", ""), " ", "")) {
			return 1
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

// closesBlock reports whether t opens with a closing brace of code: "}"
// with ';', ')' or ',' after it, or a keyword that goes on ("} else",
// "} while (x);", "} catch"), not Usenet's "} " quote marker ("} In
// article ..., Sam says:").
func closesBlock(t string) bool {
	if t[0] != '}' {
		return false
	}
	r := strings.TrimLeft(t[1:], " \t")
	if r == "" {
		return true
	}
	switch r[0] {
	case ';', ')', ',', '}':
		return true
	}
	for _, k := range [...]string{"else", "while", "catch", "finally", "until"} {
		if strings.HasPrefix(r, k) && (len(r) == len(k) || !identChar(r[len(k)])) {
			return true
		}
	}
	return false
}

// hasCall reports whether t calls a function: a name of two or more
// identifier characters, starting with a letter or '_', directly followed
// by '(' ("free(p)", "XtFree(x)"), not a plural or an enumerator in
// brackets ("party(ies)", "section 5(a)").
func hasCall(t string) bool {
	for i := 1; i < len(t); i++ {
		if t[i] != '(' || !identChar(t[i-1]) {
			continue
		}
		j := i - 1
		for j > 0 && identChar(t[j-1]) {
			j--
		}
		if i-j < 2 || t[j] >= '0' && t[j] <= '9' {
			continue
		}
		if k := strings.IndexByte(t[i:], ')'); k > 0 {
			switch arg := t[i+1 : i+k]; {
			case arg == "s" || arg == "es" || arg == "ies" || len(arg) == 1 && arg[0] >= 'a' && arg[0] <= 'z' && t[j] >= 'A' && t[j] <= 'Z':
				continue // "party(s)"; "Section(a)"
			}
		}
		return true
	}
	return false
}

// hasCodeIdent reports whether t has a word that only code writes: one
// with '_' between letters ("call_data", "w_gc8") or a lower-case letter
// followed by an upper-case one inside it ("XtMalloc", "getElementById";
// but also "iPhone", "eBay": only a hint, with a line's other syntax).
func hasCodeIdent(t string) bool {
	for i := 1; i+1 < len(t); i++ {
		c := t[i]
		if c == '_' && isLetter(t[i-1]) && (isLetter(t[i+1]) || t[i+1] >= '0' && t[i+1] <= '9') {
			return true
		}
		if c >= 'A' && c <= 'Z' && t[i-1] >= 'a' && t[i-1] <= 'z' && i >= 2 && isLetter(t[i-2]) {
			return true
		}
	}
	return false
}

// functionHead reports whether head(args) is a C function head: one to
// three identifier words before the bracket (a type and the name) and a
// list of parameters, each a word or a few ("int argc", "char **argv"),
// where a parameter has a type or a pointer, or there are two or more and
// the name is written as only code writes it (hasCodeIdent): "Jones
// (Smith, Brown)" and "Smith (Democrat)" are no calls.
func functionHead(head, args string) bool {
	f := strings.Fields(head)
	if len(f) < 1 || len(f) > 3 {
		return false
	}
	for _, w := range f {
		if !identifier(strings.Trim(w, "*&")) {
			return false
		}
	}
	if strings.TrimSpace(args) == "" {
		return len(f) >= 2 // "int main()"
	}
	params := strings.Split(args, ",")
	typed := len(params) >= 2 && (hasCodeIdent(f[len(f)-1]) || strings.Contains(f[len(f)-1], "_"))
	for _, a := range params {
		w := strings.Fields(a)
		if len(w) < 1 || len(w) > 3 {
			return false
		}
		for _, x := range w {
			if !identifier(strings.Trim(x, "*&[]")) {
				return false
			}
		}
		if len(w) >= 2 && codeKeywords[w[0]] || strings.ContainsAny(a, "*&_") || hasCodeIdent(a) {
			typed = true
		}
	}
	return typed
}

// assignment reports whether t assigns: a name ("total", "p.x",
// "a[i]"), or a declaration keyword and a name ("let name", "const n"),
// then "=" or an operator and "=" ("+=", "|="), then a value; not "==",
// nor a sentence ("Let x = 5." ends with a period, "x = y is" reads on).
func assignment(t string) bool {
	i := strings.IndexByte(t, '=')
	if i < 1 || i+1 >= len(t) || t[i+1] == '=' || t[len(t)-1] == '.' {
		return false
	}
	lhs := strings.TrimRight(t[:i], " \t")
	if lhs != "" && strings.IndexByte("+-*/%|&^:", lhs[len(lhs)-1]) >= 0 {
		lhs = strings.TrimRight(lhs[:len(lhs)-1], " \t")
	}
	if k, rest, ok := strings.Cut(lhs, " "); ok {
		switch k {
		case "let", "const", "var", "auto", "int", "char", "double", "float", "long":
			lhs = strings.TrimSpace(rest)
		default:
			return false
		}
	}
	lhs = strings.TrimRight(lhs, "]")
	if j := strings.IndexByte(lhs, '['); j > 0 {
		lhs = lhs[:j]
	}
	return lhs != "" && identifier(lhs) && codeValue(strings.TrimSpace(t[i+1:]))
}

// codeValue reports whether v, the right side of an assignment, reads as
// a value in code: a number, a quoted string, an expression (brackets,
// operators, a qualified name), or one lower-case name; not words
// ("Cornerstone=Christ", "Foundation= Apostles=New Testament").
func codeValue(v string) bool {
	if v == "" {
		return false
	}
	switch c := v[0]; {
	case c >= '0' && c <= '9', c == '"', c == '\'', c == '`', c == '-' && len(v) > 1 && v[1] >= '0' && v[1] <= '9':
		return true
	}
	if strings.ContainsAny(v, "()[]._+*/%&|") {
		return true
	}
	return identifier(v) && v[0] >= 'a' && v[0] <= 'z'
}

// allKeywords reports whether every word of t is a declaration keyword
// (or '*').
func allKeywords(t string) bool {
	for t != "" {
		t = strings.TrimLeft(t, " \t")
		w := t
		if i := strings.IndexAny(t, " \t"); i >= 0 {
			w, t = t[:i], t[i:]
		} else {
			t = ""
		}
		if w != "" && w != "*" && !codeKeywords[strings.TrimRight(w, "*")] {
			return false
		}
	}
	return true
}

func identChar(c byte) bool {
	return c == '_' || isLetter(c) || c >= '0' && c <= '9'
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// directive reports whether s (after '#') is a C preprocessor directive,
// written without a space after the '#' ("# if the offer stands" quotes a
// line of prose).
func directive(s string) bool {
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

// codeParts calls s.prose with each part of the block blk (its lines in
// order) that is not code. A line reads as code, prose or neither
// (codeLine; a list item's line from its marker: " * text" continues a
// block comment). The code in a block:
//
//   - a run of lines that are not prose holding two code lines or more,
//     or holding one and making the whole block of one or two lines
//     ("free(p);" alone);
//   - one prose line between two such runs (a line the classifier misses
//     in the middle of a program), or before one that opens with '{' (a
//     function's head);
//   - if no such run is found, the whole block when more of its lines are
//     code than prose and no two prose lines follow each other (a
//     program whose code lines the classifier reads one in two);
//   - a block that opens a C comment and has no prose line: a program's
//     comment, the program split at a blank line.
//
// So the prose before or after a program in one block (no blank line
// between) stays, and two prose lines in a row are never dropped by the
// count.
func (s *splitter) codeParts(blk []line) {
	src := s.src
	var stack [128]int8
	cls := stack[:0]
	code, nprose, run := 0, 0, false
	for i := range blk {
		l := &blk[i]
		from := l.cs
		if l.item {
			from = l.ms
		}
		k := int8(codeLine(src[from:l.ce]))
		cls = append(cls, k)
		switch k {
		case 1:
			code++
		case -1:
			if i > 0 && cls[i-1] == -1 {
				run = true // two prose lines in a row
			}
			nprose++
		}
	}
	if code == 0 {
		if nprose == 0 && opensComment(src[blk[0].cs:blk[0].ce]) {
			s.skip(SkipCode, blk[0].cs, blk[len(blk)-1].ce)
			return
		}
		s.prose(blk)
		return
	}
	// Mark the code runs: cls becomes 2 on code.
	found := false
	for a := 0; a < len(cls); {
		if cls[a] < 0 {
			a++
			continue
		}
		b, n := a, 0
		for ; b < len(cls) && cls[b] >= 0; b++ {
			if cls[b] == 1 {
				n++
			}
		}
		if n >= 2 || n == 1 && a == 0 && b == len(cls) && b <= 2 {
			found = true
			for k := a; k < b; k++ {
				cls[k] = 2
			}
		}
		a = b
	}
	if found {
		for k := 0; k+1 < len(cls); k++ {
			if cls[k] != -1 || cls[k+1] != 2 {
				continue
			}
			if k > 0 && cls[k-1] == 2 || functionBeforeBrace(src[blk[k].cs:blk[k].ce], src[blk[k+1].cs:blk[k+1].ce]) {
				cls[k] = 2 // between code, or a function's head before its '{'
			}
		}
	} else if code > nprose && !run {
		s.skip(SkipCode, blk[0].cs, blk[len(blk)-1].ce)
		return
	}
	a := 0
	for a < len(cls) {
		if cls[a] == 2 {
			b := a
			for b < len(cls) && cls[b] == 2 {
				b++
			}
			s.skip(SkipCode, blk[a].cs, blk[b-1].ce)
			a = b
			continue
		}
		b := a
		for b < len(cls) && cls[b] != 2 {
			b++
		}
		s.prose(blk[a:b])
		a = b
	}
}

// functionBeforeBrace reports whether line, followed by next, reads as
// a function's head before its body: it ends with ')' and next opens with
// '{' ("int readjoy(int *x)" then "{"; not "... like this:" then "{").
func functionBeforeBrace(line, next string) bool {
	return strings.HasSuffix(strings.TrimSpace(line), ")") && strings.HasPrefix(strings.TrimSpace(next), "{")
}

// opensComment reports whether a line opens a C comment ("/*", "//").
func opensComment(t string) bool {
	t = strings.TrimSpace(t)
	return strings.HasPrefix(t, "/*") || strings.HasPrefix(t, "//")
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

// Readings of a line by uuLine.
const (
	uuNone = iota
	uuLike // could be a line of data: not prose, and code only beside data
	uuData // a full line of data, or the "begin" line
)

// uuLine reads t as a line of uuencoded data. A data line's first byte
// gives the count n of bytes it encodes (' ' + n), its length is that of
// n bytes in groups of three, four characters a group, and all its
// characters are between ' ' and '`' ("M9V=G9V=G..." of 61 characters
// for 45 bytes); prose has lower-case letters, outside that range.
//
// uuData: the "begin 644 name" line, or a full line ('M', 60 to 62 long:
// 61 and a check character or a lost space) with a mark (not a letter,
// digit or space) in eight characters or more and a space in eight or
// fewer. uuLike: a line of the length its first byte asks for (a block's
// last line), or an 'M' line 41 to 59 long (its trailing spaces, zero
// bits as early encoders wrote them, lost in transit), with a mark in
// eight characters or more and a space in two or fewer. A line in
// capitals may be uuLike ("MR. JONES: OBJECTION, YOUR HONOR. IT'S
// HEARSAY.", "1987    1,234.5     12.3%"), so uuLike lines are code only
// in a run with data lines. Lines of fewer than 21 characters are left
// alone.
func uuLine(t string) int {
	if strings.HasPrefix(t, "begin ") {
		mode, name, ok := strings.Cut(t[len("begin "):], " ")
		if ok && len(mode) >= 3 && len(mode) <= 4 && strings.Trim(mode, "01234567") == "" &&
			name != "" && !strings.ContainsAny(name, " \t") {
			return uuData
		}
		return uuNone
	}
	if len(t) < 21 || t[0] <= ' ' || t[0] > '`' {
		return uuNone
	}
	n := int(t[0]-' ') & 63
	want := 1 + 4*((n+2)/3)
	full := t[0] == 'M' && len(t) >= 60 && len(t) <= 62
	if !full && !(t[0] == 'M' && len(t) >= 41 && len(t) < 60) && len(t) != want && len(t) != want+1 {
		return uuNone // want+1: a check character some encoders add
	}
	spaces, marks := 0, 0
	for i := 1; i < len(t); i++ {
		switch c := t[i]; {
		case c < ' ' || c > '`':
			return uuNone
		case c == ' ':
			spaces++
		case c < '0' || c > '9' && c < 'A' || c > 'Z':
			marks++
		}
	}
	switch {
	case marks*8 < len(t):
		return uuNone
	case full && spaces*8 <= len(t):
		return uuData
	case spaces*2 <= len(t):
		return uuLike
	}
	return uuNone
}
