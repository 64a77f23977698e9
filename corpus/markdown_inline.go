package corpus

import (
	"html"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Markdown inline markup is removed from a unit's Text:
//
//   - emphasis delimiters *, **, _, __ and ~~ are dropped when they pair up
//     (an opener that can open, a later closer that can close, by the
//     CommonMark flanking rules; '_' does not work inside words), unpaired
//     ones stay as text ("5 * 3", "snake_case");
//   - `code` keeps its content without the backticks;
//   - [text](url "title") and [text][ref] keep text, ![alt](src) keeps alt,
//     footnote references [^1] go, <http://autolinks> keep the address;
//   - HTML tags and comments go (<br> becomes a space), and so does the
//     content of script, style and textarea elements; entities (&amp;) and
//     backslash escapes (\*) are decoded;
//   - a table row (tableRow) is cut into cells at its unescaped pipes, and
//     each cell's markup is read on its own; the pipes become spaces.
//
// The unit's lines are joined with '\n' into one buffer so that markup can
// span lines; positions in the buffer map back to the source through the
// segments.

// segment is one line's content: source offset o, joined offset j, length n.
type segment struct{ o, j, n int }

type mdTokKind uint8

const (
	mdLit   mdTokKind = iota // joined[a:b] as text
	mdRepl                   // r stands for joined[a:b]
	mdDelim                  // emphasis delimiter run joined[a:b]
	mdSpace                  // a space standing for joined[a:b]
)

type mdToken struct {
	kind         mdTokKind
	a, b         int
	r            string
	open, closes bool // delimiter can open, can close
	matched      bool
	delim        byte
}

// maxLinkScan bounds the look-ahead for code spans, brackets, tags and
// destinations so that pathological input stays linear.
const maxLinkScan = 2000

// inlineMarkdown feeds the content of lines, markup removed, to s.b.
func (s *splitter) inlineMarkdown(lines []line) {
	// A row starts its paragraph, as list items do; lines after it
	// continue it.
	if l := lines[0]; l.item && tableRow(s.src, &l) {
		s.tableCells(l)
		if len(lines) > 1 {
			s.b.space(l.ce, lines[1].cs)
			s.inlineLines(lines[1:])
		}
		return
	}
	s.inlineLines(lines)
}

// tableCells feeds the cells of the table row l to s.b, each cell's markup
// removed, a space standing for each pipe.
func (s *splitter) tableCells(l line) {
	a := l.cs
	for i := l.cs; i <= l.ce; i++ {
		if i+1 < l.ce && s.src[i] == '\\' {
			i++ // an escaped character, "\|" among them; a final '\' is itself
			continue
		}
		if i < l.ce && s.src[i] != '|' {
			continue
		}
		if a < i {
			s.inlineLines([]line{{cs: a, ce: i}})
		}
		if i < l.ce {
			s.b.space(i, i+1)
		}
		a = i + 1
	}
}

// inlineLines feeds the content of lines, markup removed, to s.b.
func (s *splitter) inlineLines(lines []line) {
	s.segs = s.segs[:0]
	s.join = s.join[:0]
	for i, l := range lines {
		if i > 0 {
			s.join = append(s.join, '\n')
		}
		s.segs = append(s.segs, segment{o: l.cs, j: len(s.join), n: l.ce - l.cs})
		s.join = append(s.join, s.src[l.cs:l.ce]...)
	}
	s.toks = scanInline(string(s.join), s.toks[:0])
	matchDelims(s.toks)
	for _, t := range s.toks {
		switch t.kind {
		case mdLit:
			s.emitJoined(t.a, t.b)
		case mdDelim:
			if !t.matched {
				s.emitJoined(t.a, t.b)
			}
		case mdRepl:
			s.b.repl(t.r, s.joinedToSrc(t.a), s.joinedToSrc(t.b))
		case mdSpace:
			s.b.space(s.joinedToSrc(t.a), s.joinedToSrc(t.b))
		}
	}
}

// joinedToSrc maps a joined offset to the source.
func (s *splitter) joinedToSrc(p int) int {
	// The last segment starting at or before p (the first if none does).
	k := max(sort.Search(len(s.segs), func(i int) bool { return s.segs[i].j > p })-1, 0)
	g := s.segs[k]
	return g.o + min(p-g.j, g.n)
}

// emitJoined feeds joined[a:b] to the builder; line breaks become spaces.
func (s *splitter) emitJoined(a, b int) {
	// From the first segment that reaches a: a paragraph of many lines
	// must not be walked from its start for each piece of markup.
	first := sort.Search(len(s.segs), func(i int) bool { return s.segs[i].j+s.segs[i].n >= a })
	for k := first; k < len(s.segs); k++ {
		g := s.segs[k]
		if g.j > b {
			break
		}
		if k > 0 && g.j > a && g.j <= b {
			prev := s.segs[k-1]
			s.b.space(prev.o+prev.n, g.o)
		}
		lo, hi := max(a, g.j), min(b, g.j+g.n)
		if lo < hi {
			s.b.text(g.o+lo-g.j, g.o+hi-g.j)
		}
	}
}

// link is an open link or image: its text ends at close, and scanning
// resumes at resume (after the destination or reference).
type link struct{ close, resume int }

// scanInline tokenizes joined text.
func scanInline(j string, toks []mdToken) []mdToken {
	var stack [8]link
	links := stack[:0]
	lit := 0
	flush := func(i int) {
		if i > lit {
			toks = append(toks, mdToken{kind: mdLit, a: lit, b: i})
		}
	}
	for i := 0; i < len(j); {
		for len(links) > 0 && links[len(links)-1].close < i {
			links = links[:len(links)-1]
		}
		c := j[i]
		switch c {
		case '\\':
			if i+1 < len(j) && isASCIIPunct(j[i+1]) {
				flush(i)
				toks = append(toks, mdToken{kind: mdLit, a: i + 1, b: i + 2})
				i += 2
				lit = i
				continue
			}
		case '`':
			n := runLen(j[i:], '`')
			if e := closingBackticks(j, i+n, n); e >= 0 {
				flush(i)
				toks = append(toks, mdToken{kind: mdLit, a: i + n, b: e})
				i = e + n
				lit = i
				continue
			}
			i += n
			continue
		case '*', '_', '~':
			n := runLen(j[i:], c)
			if c == '~' && n != 2 {
				i += n
				continue
			}
			flush(i)
			open, closes := flanking(j, i, i+n, c)
			toks = append(toks, mdToken{kind: mdDelim, a: i, b: i + n, open: open, closes: closes, delim: c})
			i += n
			lit = i
			continue
		case '!', '[':
			o := i
			if c == '!' {
				o++
			}
			if o < len(j) && j[o] == '[' {
				if cl, resume, drop, ok := parseLink(j, o); ok {
					flush(i)
					if drop {
						i = resume
					} else {
						links = append(links, link{close: cl, resume: resume})
						i = o + 1
					}
					lit = i
					continue
				}
			}
		case ']':
			if n := len(links); n > 0 && links[n-1].close == i {
				flush(i)
				i = links[n-1].resume
				links = links[:n-1]
				lit = i
				continue
			}
		case '<':
			if e, keep, space := parseAngle(j, i); e > 0 {
				flush(i)
				switch {
				case keep:
					toks = append(toks, mdToken{kind: mdLit, a: i + 1, b: e - 1})
				case space:
					toks = append(toks, mdToken{kind: mdSpace, a: i, b: e})
				}
				i = e
				lit = i
				continue
			}
		case '&':
			if e := entityEnd(j, i); e > 0 {
				if r := html.UnescapeString(j[i:e]); r != j[i:e] {
					flush(i)
					toks = append(toks, mdToken{kind: mdRepl, a: i, b: e, r: r})
					i = e
					lit = i
					continue
				}
			}
		}
		i++
	}
	flush(len(j))
	return toks
}

// closingBackticks returns the start of the next run of exactly n
// backticks at or after i (within maxLinkScan bytes), or -1.
func closingBackticks(j string, i, n int) int {
	j = j[:min(len(j), i+maxLinkScan)]
	for i < len(j) {
		k := strings.IndexByte(j[i:], '`')
		if k < 0 {
			return -1
		}
		i += k
		m := runLen(j[i:], '`')
		if m == n {
			return i
		}
		i += m
	}
	return -1
}

// parseLink parses the bracket at o: [text](dest), [text][ref] or a
// footnote reference [^1] (drop). close is the offset of the ']' ending
// text.
func parseLink(j string, o int) (close, resume int, drop, ok bool) {
	depth := 0
	end := min(len(j), o+maxLinkScan)
	close = -1
	for i := o; i < end; i++ {
		switch j[i] {
		case '\\':
			i++
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				close = i
			}
		}
		if close >= 0 {
			break
		}
	}
	if close < 0 {
		return 0, 0, false, false
	}
	if j[o+1] == '^' && close > o+2 && strings.IndexAny(j[o:close], " \n") < 0 {
		return close, close + 1, true, true
	}
	if close+1 >= len(j) {
		return 0, 0, false, false
	}
	switch j[close+1] {
	case '(':
		depth := 0
		end := min(len(j), close+1+maxLinkScan)
		for i := close + 1; i < end; i++ {
			switch j[i] {
			case '\\':
				i++
			case '(':
				depth++
			case ')':
				depth--
				if depth == 0 {
					return close, i + 1, false, true
				}
			}
		}
	case '[':
		if k := strings.IndexByte(j[close+2:], ']'); k >= 0 && k < maxLinkScan {
			return close, close + 2 + k + 1, false, true
		}
	}
	return 0, 0, false, false
}

// parseAngle parses '<' at i: an autolink (keep its inside), an HTML tag or
// comment (drop; space for <br>). It returns the offset after the '>', or 0.
func parseAngle(j string, i int) (end int, keep, space bool) {
	rest := j[i+1:]
	if strings.HasPrefix(rest, "!--") {
		if k := strings.Index(rest[3:], "-->"); k >= 0 && k < maxLinkScan {
			return i + 1 + 3 + k + 3, false, false
		}
		return 0, false, false
	}
	// Autolink: scheme:... or an e-mail address, no spaces.
	if k := strings.IndexAny(rest, " \t\n<>"); k > 0 && rest[k] == '>' {
		inner := rest[:k]
		if c := strings.IndexByte(inner, ':'); c >= 2 && isScheme(inner[:c]) {
			return i + 1 + k + 1, true, false
		}
		if at := strings.IndexByte(inner, '@'); at > 0 && at < len(inner)-1 && !strings.ContainsAny(inner, "/\"'=") {
			return i + 1 + k + 1, true, false
		}
	}
	n := 0
	if strings.HasPrefix(rest, "/") {
		n = 1
	}
	if n >= len(rest) || !isASCIILetter(rest[n]) {
		if strings.HasPrefix(rest, "!") || strings.HasPrefix(rest, "?") {
			if k := strings.IndexByte(rest, '>'); k >= 0 && k < maxLinkScan {
				return i + 1 + k + 1, false, false
			}
		}
		return 0, false, false
	}
	name := n
	for name < len(rest) && (isASCIILetter(rest[name]) || rest[name] >= '0' && rest[name] <= '9' || rest[name] == '-') {
		name++
	}
	tag := strings.ToLower(rest[n:name])
	var quote byte
	for k := name; k < len(rest) && k < maxLinkScan; k++ {
		c := rest[k]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			end := i + 1 + k + 1
			if n == 0 && (tag == "script" || tag == "style" || tag == "textarea") {
				if e := endTagEnd(j, end, tag); e > 0 {
					return e, false, false // the element's content is not prose either
				}
			}
			return end, false, tag == "br" || tag == "p" || tag == "div"
		case c == '<':
			return 0, false, false
		}
	}
	return 0, false, false
}

// endTagEnd returns the offset after the end tag </tag> (case-insensitive,
// white space allowed before the '>') at or after i, within maxLinkScan
// bytes, or 0.
func endTagEnd(j string, i int, tag string) int {
	lim := min(len(j), i+maxLinkScan)
	for i < lim {
		k := strings.Index(j[i:lim], "</")
		if k < 0 {
			return 0
		}
		k += i + 2
		if k+len(tag) <= lim && strings.EqualFold(j[k:k+len(tag)], tag) {
			e := k + len(tag)
			for e < lim && isASCIISpace(j[e]) {
				e++
			}
			if e < lim && j[e] == '>' {
				return e + 1
			}
		}
		i = k
	}
	return 0
}

func isScheme(s string) bool {
	if len(s) > 32 || !isASCIILetter(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !isASCIILetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '.' && c != '-' {
			return false
		}
	}
	return true
}

// entityEnd returns the end of an entity "&name;" or "&#123;" at i, or 0.
func entityEnd(j string, i int) int {
	for k := i + 1; k < len(j) && k < i+34; k++ {
		c := j[k]
		if c == ';' {
			if k > i+1 {
				return k + 1
			}
			return 0
		}
		if !isASCIILetter(c) && !(c >= '0' && c <= '9') && !(c == '#' && k == i+1) {
			return 0
		}
	}
	return 0
}

// flanking applies the CommonMark rules to the delimiter run j[a:b].
func flanking(j string, a, b int, c byte) (open, closes bool) {
	prev, next := ' ', ' '
	if a > 0 {
		prev, _ = utf8.DecodeLastRuneInString(j[:a])
	}
	if b < len(j) {
		next, _ = utf8.DecodeRuneInString(j[b:])
	}
	ps, ns := isSpaceRune(prev), isSpaceRune(next)
	pp, np := isPunctRune(prev), isPunctRune(next)
	left := !ns && (!np || ps || pp)
	right := !ps && (!pp || ns || np)
	if c == '_' {
		return left && (!right || pp), right && (!left || np)
	}
	return left, right
}

// matchDelims pairs emphasis delimiters: each closer with the nearest
// earlier unmatched opener of the same character; openers in between are
// abandoned.
func matchDelims(toks []mdToken) {
	var stack [16]int
	openers := stack[:0]
	for i := range toks {
		t := &toks[i]
		if t.kind != mdDelim {
			continue
		}
		if t.closes {
			for k := len(openers) - 1; k >= 0; k-- {
				if o := &toks[openers[k]]; o.delim == t.delim {
					o.matched, t.matched = true, true
					openers = openers[:k]
					break
				}
			}
		}
		if !t.matched && t.open {
			openers = append(openers, i)
		}
	}
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

func isPunctRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIPunct(byte(r))
	}
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}
