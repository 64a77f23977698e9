package corpus

import (
	"strings"
	"unicode/utf8"
)

// Paragraph splitting of plain text (also the block level of Markdown).
//
// The text is read line by line. Blank lines (nothing but white space and
// quote markers) separate blocks, and so does a change of quote depth: the
// lines of a block all have the same number of '>' markers (in Markdown a
// lazy continuation line, with fewer markers, joins the quote's block, as
// in CommonMark; in plain text "> quoted\nreply" is two blocks). Inside a block a
// line break either continues the paragraph (the text was hard-wrapped) or
// ends it (the writer broke the line on purpose). Real text mixes both:
// scraped articles put one paragraph on each (long) line with no blank line
// between them, Reuters wire copy wraps at about 65 columns and starts
// paragraphs with a four-space indent, Usenet posts wrap at 70-79 columns and
// separate paragraphs with blank lines. The rules, for the break between line
// p and the next line n:
//
//  1. n starts a list item ("1." "1)" "-" "*" "•" "–" "·" "▪" "◦" and a
//     space): break. A list item is its own unit (KindListItem) starting at
//     its text, not at its marker. But a number other than 1 after a line
//     of prose that does not end a sentence continues it (a line break
//     before "100. Officials said"; see continuedItems).
//  2. First-line-indent blocks (no list items; more lines are indented
//     past the block's least indentation right after a sentence end than
//     right after an unfinished line, and at least one is): break only
//     before an indented line, when p ends a sentence or when n starts with
//     a capital letter and p is not full (see 3). This is the Reuters shape,
//     tables included.
//  3. Blocks that are not hard-wrapped: break when p ends a sentence (its
//     last character, after closing quotes and brackets, is . ! ? : ; or …)
//     or n starts with a capital letter, unless p is full in a block
//     minWrapWidth to maxWrapWidth wide. A block is hard-wrapped when its
//     widest line W has minWrapWidth to maxWrapWidth columns and at least
//     minFullShare of its lines (all but the last) are full: the first word
//     of the next line would not have fitted in W - fitSlack columns (the
//     widest line often falls a little short of the writer's limit).
//  4. Hard-wrapped blocks: a line that does not end a sentence always
//     continues. One that does ends the paragraph when n's indentation
//     differs (an item's continuation lines are indented to its text; an
//     outdented line after it ends the item) or when p is not full: the
//     next word would have fitted, so the break was deliberate.
//
// Quotes: lines starting with '>' (also "> >", ">>" and Usenet's "|>"; see
// parseLine), and outside Markdown with ": " or "| " as some Usenet readers
// quoted (usenetMarker), lose their markers and make units with Quoted set, so that a
// reply's quoted text compares equal to the post it quotes; a line of bare
// markers is a blank line inside the quote. Attribution lines such as
// "In article <...> foo@bar writes:" make no unit (attribution.go). An
// e-mail signature separator ("-- ") is a blank line.
//
// Each unit's Text is then cut at inline list joints (inlineJoint).
const (
	minWrapWidth = 40  // narrower blocks are lists or tables, not wrapped prose
	maxWrapWidth = 100 // nobody hard-wraps wider: longer lines are whole paragraphs
	minFullShare = 0.5 // share of full lines in a hard-wrapped block
	fitSlack     = 4   // columns a deliberately short line leaves free beyond the next word
)

// blocks splits s.src as plain text (md false) or Markdown. In Markdown a
// code fence or an HTML block (markdown_html.go) that a line opens is a
// state of the loop until a line closes it or its container (a quote or
// a list item) ends.
func (s *splitter) blocks(md bool) {
	s.md = md
	src := s.src
	pos := 0
	if strings.HasPrefix(src, "\uFEFF") {
		pos = len("\uFEFF")
	}
	p := pos
	if md {
		pos = skipFrontMatter(src, pos)
	} else {
		pos = skipMessageHeader(src, pos, true)
	}
	s.skip(SkipMetadata, p, pos)
	s.transcript = isTranscript(src[pos:], md)
	var stack [16]line
	blk := stack[:0]
	var fence codeFence
	var fenceFrom, fenceTo int // the open fence's code, for skip
	var html htmlBlock
	var ends htmlEnds
	var items listItems
	var sh sharState // a shell archive's file being read (shar.go)
	for pos < len(src) {
		start, end, next := nextLine(src, pos)
		pos = next
		if fence.run != "" {
			if !fence.next(src, start, end, &items) {
				fenceTo = end
				if fence.run == "" {
					s.skip(SkipCode, fenceFrom, fenceTo)
				}
				continue
			}
			s.skip(SkipCode, fenceFrom, fenceTo)
		}
		if html.t != 0 {
			l, step := html.next(src, start, end, &items)
			if step != htmlOut {
				if l.kind == lineText {
					blk = s.push(blk, l)
				}
				if step == htmlLast || l.kind == lineBlank {
					s.block(blk)
					blk = blk[:0]
				}
				if step == htmlLast {
					html.t = 0
				}
				continue
			}
			html.t = 0
			s.block(blk)
			blk = blk[:0]
		}
		if !md {
			if sh.delim != "" {
				if isDelim(src[start:end], sh.delim, sh.dash) {
					s.block(blk)
					blk = blk[:0]
					sh = sharState{shell: true}
					s.skip(SkipCode, start, end)
					continue
				}
				start += len(sh.prefix) // the file's own line (sharBody checked it)
			} else if p, d, dash, ok := sharFile(src[start:end]); ok && sharBody(src, next, p, d, dash) {
				k := len(blk)
				for k > 0 && shellLine(src[blk[k-1].cs:blk[k-1].ce]) {
					k-- // the archive's shell lines before the file
				}
				s.block(blk[:k])
				if k < len(blk) {
					start = blk[k].cs
				}
				s.skip(SkipCode, start, end)
				blk = blk[:0]
				sh = sharState{prefix: p, delim: d, dash: dash}
				continue
			} else if sh.shell {
				if shellLine(src[start:end]) {
					s.skip(SkipCode, start, end)
					continue
				}
				sh.shell = false
			}
			if p := skipEmbeddedHeader(src, start, end, next, len(blk) == 0); p > start {
				s.block(blk)
				blk = blk[:0]
				s.skip(SkipMetadata, start, p)
				pos = p
				continue
			}
		}
		var l line
		in, fresh := items.parse(&l, src, start, end, md)
		if fresh {
			// A quote opened after a list item the line is not in: the
			// item ended, and the blocks in it with it, whatever their
			// depth. This is another quote, even at the depth of one in
			// the item ("- item\n  > one\n> two"; CommonMark 5.1,
			// rule 3), and no continuation or setext underline.
			s.block(blk)
			blk = blk[:0]
		}
		// open: a paragraph is open that the line may continue, lazily
		// or not: the line has no more quote markers than the
		// paragraph's.
		open := md && len(blk) > 0 && l.depth <= blk[0].depth
		// opened: the line opens a list item before the container or
		// the block its content is in (items.content); it continues no
		// paragraph. "2. ```" in an open paragraph's containers stays
		// text: an ordered item not numbered 1 does not interrupt a
		// paragraph, so it is no item and holds no block (CommonMark
		// 5.2).
		opened := false
		if md && l.item && !(open && l.num >= 0 && l.num != 1 && l.depth == blk[0].depth && in == items.n) {
			opened = items.content(&l, src, end)
		}
		// cont: the paragraph takes the line as a continuation line.
		cont := open && !opened && (l.kind == lineText || l.kind == lineHTML && l.fence == htmlBlock7)
		// A continuation line with fewer quote markers than the paragraph
		// is a lazy one (CommonMark 5.1, rule 2): it goes on the
		// paragraph, in its quote. So does a "===" line, which underlines
		// no heading there. A list item starts a block of its own, and a
		// table row (an item whose "marker" is its text) is no paragraph
		// to continue (GFM tables: a table ends with its quote).
		lazy := open && l.depth < blk[0].depth && !l.item && (cont || l.kind == lineSetext1) &&
			!(blk[len(blk)-1].item && blk[len(blk)-1].ms == blk[len(blk)-1].cs)
		if md && (l.item || opened || items.n > 0) {
			items.line(&l, in, cont)
		}
		if l.kind == lineText && !l.item {
			if is, opener := isAttribution(src, &l, next, blk, md); is {
				from := l.cs
				if opener {
					from = blk[len(blk)-1].cs
					blk = blk[:len(blk)-1]
				}
				s.skip(SkipMetadata, from, l.ce)
				l.kind = lineSkip
			}
		}
		switch l.kind {
		case lineBlank, lineSkip, lineRule:
			s.block(blk)
			blk = blk[:0]
			continue
		case lineFence:
			s.block(blk)
			blk = blk[:0]
			fence = codeFence{fenceOf(src, &l), l.depth}
			fenceFrom, fenceTo = l.cs, l.ce
			continue
		case lineHTML:
			t := l.fence
			l.kind, l.fence = lineText, 0
			switch {
			case htmlHidden(t):
				s.block(blk)
				blk = blk[:0]
				if htmlEndAt(src[l.cs:l.ce], t) < 0 && ends.after(src, t, next) {
					html = htmlBlock{t, l.depth}
				}
				continue
			case t == htmlPre && (htmlEndAt(src[l.cs:l.ce], t) >= 0 || !ends.after(src, t, next)),
				t == htmlBlock7 && cont:
				// Text: a one-line or unclosed <pre>, or a tag that does
				// not interrupt a paragraph.
			default:
				s.block(blk)
				blk = blk[:0]
				html = htmlBlock{t, l.depth}
			}
		case lineHeading:
			s.block(blk)
			blk = blk[:0]
			s.level = l.fence
			s.para([]line{l}, KindHeading)
			continue
		case lineSetext1, lineSetext2:
			if n := len(blk); n > 0 && !blk[n-1].item && blk[n-1].depth == l.depth {
				head := blk[n-1]
				s.block(blk[:n-1])
				blk = blk[:0]
				s.level = 1
				if l.kind == lineSetext2 {
					s.level = 2
				}
				s.para([]line{head}, KindHeading)
				continue
			}
			if l.kind == lineSetext2 {
				s.block(blk)
				blk = blk[:0]
				continue
			}
			l.kind = lineText
		}
		if lazy {
			l.depth = blk[0].depth
		}
		if opened {
			// A new item's quote: no paragraph before it goes on.
			s.block(blk)
			blk = blk[:0]
		}
		blk = s.push(blk, l)
	}
	s.block(blk)
	if fence.run != "" {
		s.skip(SkipCode, fenceFrom, fenceTo) // unclosed: to the end
	}
}

// listItems tracks the Markdown list items (CommonMark 5.2) that the line
// the block loop reads is in, so that a code fence or an HTML block in an
// item ends with it, and so that a leaf block in an item may be indented
// up to three columns past the item's text (CommonMark 5.2, rule 2): a
// fence at column 4 in an item whose text starts at column 2 is a fence.
// For the rest list items are not containers here: their lines are
// read as all lines are, and an item is a unit because a paragraph ends
// before a list marker (blockStyle.breaks). An item is known by its quote
// depth and the column where its text starts; it goes on while lines are
// blank, indented to that column or continuation lines of an open
// paragraph (lazy ones included), and ends at any other line.
//
// Quotes and items nest as CommonMark's containers do: a quote in an item
// ("- item\n  > quote") has its '>' indented to the item's text (and up to
// three columns more), so an item at depth d goes on over a line of more
// quote markers when the line's indentation before its (d+1)th marker
// reaches the item's text; an item in a quote ("> - item") ends with the
// quote, at a line (blank ones too) with fewer markers. Only the innermost
// len(items) items are known.
type listItems struct {
	n     int
	items [16]listItem // items[:n]: the open items, outermost first
	np    int
	pend  [16]listItem // pend[:np]: items that the line read last opens before its content's container (content)
}

// listItem is an open list item: its quote depth and the column where its
// text starts, counted after its depth quote markers as line.indent is.
// Of the open items, the depths do not decrease and the columns of those
// at one depth increase.
type listItem struct {
	depth, col int
}

// parse is parseLine, into l (which is zero), for a line that the open
// items may hold. It also returns how many of them (outermost first) the
// line is in by its indentation, and fresh (see read).
func (li *listItems) parse(l *line, src string, start, end int, md bool) (in int, fresh bool) {
	if !md || li.n == 0 {
		readLine(l, src, start, end, -1, md)
	} else {
		p, depth := li.markers(src, start, end, -1, &in, &fresh)
		lineRest(l, src, p, end, depth)
	}
	classifyLine(src, l, md, li.base(in, l.depth))
	return in, fresh
}

// base returns the column where the content of the innermost container
// of a line starts, counted as line.indent is, when the line is in the
// first in open items and has depth quote markers: the text column of the
// innermost of those items if it is at that depth, else 0 (the line's
// container is a quote or the document).
func (li *listItems) base(in, depth int) int {
	if in > 0 && li.items[in-1].depth == depth {
		return li.items[in-1].col
	}
	return 0
}

// read is lineContent for a line that the open items may hold: it also
// returns in, how many of the items (outermost first) the line is in by
// its indentation (not counting that a blank line is in all of them), and
// fresh: the line opens a quote after an item it is not in, so that it is
// no lazy continuation line. A '>' may be indented to the text of the
// items of its depth that the line is in, and up to three columns more.
func (li *listItems) read(src string, start, end, quotes int) (l line, in int, fresh bool) {
	p, depth := li.markers(src, start, end, quotes, &in, &fresh)
	lineRest(&l, src, p, end, depth)
	return l, in, fresh
}

// markers reads the quote markers of read, and returns the offset after
// them and their number.
func (li *listItems) markers(src string, start, end, quotes int, in *int, fresh *bool) (p, depth int) {
	p = start
	open := true // the line is in every item before items[*in]
	for {
		base := 0 // the text column of the last item of this depth the line is in
		if open && *in < li.n && li.items[*in].depth == depth {
			ind := indentCols(src, p, end)
			for *in < li.n && li.items[*in].depth == depth {
				if ind < li.items[*in].col {
					open = false
					break
				}
				base = li.items[*in].col
				*in++
			}
		}
		if depth == quotes {
			return p, depth
		}
		q := quoteMarkerIndented(src, p, end, base+3)
		if q < 0 {
			return p, depth
		}
		if !open {
			*fresh = true
		}
		depth++
		p = q
	}
}

// indentCols returns the columns of white space at src[p:end], as
// lineContent counts them.
func indentCols(src string, p, end int) int {
	col := 0
	for ; p < end && (src[p] == ' ' || src[p] == '\t'); p++ {
		if src[p] == '\t' {
			col += 8 - col%8
		} else {
			col++
		}
	}
	return col
}

// content reads the first block of the list item that l (from parse)
// starts, on the item's marker line (CommonMark 5.2, rule 1): a code
// fence ("- ```"), an ATX heading, a thematic break ("- ***"), an HTML
// block, a quote ("- > text") or another list item ("- - text"), which
// may hold blocks in turn ("- > - # Title"). Anything else is the item's
// paragraph. When the marker is followed by five spaces or more, the
// content is indented code (not recognised here) and stays text. A leaf
// block keeps l an item with its content at the block; a quote or a
// nested item makes l the line of its content, and the items around it
// wait in li.pend for line. content reports whether there are any.
// Containers nested deeper than len(li.pend) on one line are text.
func (li *listItems) content(l *line, src string, end int) (opened bool) {
	li.np = 0
	// At most as many containers as the open items hold: each reads the
	// rest of the line, so a line of 50,000 markers ("- - - ...") would
	// cost their square; deeper ones stay the innermost item's text.
	for nested := 0; nested < len(li.pend) && l.item && l.ms != l.cs && l.kind == lineText; nested++ {
		if l.cs-(l.ms+listMarker(src[l.ms:l.ce], true)) > 4 {
			break
		}
		outer := listItem{l.depth, l.eindent}
		if src[l.cs] == '>' {
			p, depth := l.cs, l.depth
			for q := quoteMarker(src, p, end); q >= 0; q = quoteMarker(src, p, end) {
				depth++
				p = q
			}
			*l = line{}
			lineRest(l, src, p, end, depth)
			if l.kind != lineBlank {
				classifyLine(src, l, true, 0)
				newContainer(src, l)
			}
			li.pending(outer)
			continue
		}
		k := line{depth: l.depth, indent: l.eindent, eindent: l.eindent, cs: l.cs, ce: l.ce}
		classifyLine(src, &k, true, l.eindent)
		newContainer(src, &k)
		switch {
		case k.item && k.ms != k.cs:
			*l = k
			li.pending(outer)
			continue
		case k.kind == lineHeading || k.kind == lineFence || k.kind == lineRule || k.kind == lineHTML:
			l.kind, l.fence, l.cs, l.ce = k.kind, k.fence, k.cs, k.ce
		}
		break
	}
	return li.np > 0
}

// newContainer corrects the kind of l, the first line of a new container:
// "===" or "--" underline no heading there but are text, and "---" is a
// rule.
func newContainer(src string, l *line) {
	switch l.kind {
	case lineSetext1:
		l.kind = lineText
	case lineSetext2:
		l.kind = lineText
		if isRule(src[l.cs:l.ce]) {
			l.kind = lineRule
		}
	}
}

// pending adds it to the items that the line opens before its content.
func (li *listItems) pending(it listItem) { pushItem(li.pend[:], &li.np, it) }

// push opens the item it inside the open items.
func (li *listItems) push(it listItem) { pushItem(li.items[:], &li.n, it) }

// pushItem appends it to the stack s[:*n], forgetting the outermost item
// when s is full.
func pushItem(s []listItem, n *int, it listItem) {
	if *n == len(s) {
		copy(s, s[1:])
		*n--
	}
	s[*n] = it
	*n++
}

// line reads l, which is in the first in open items (from parse) and
// continues an open paragraph if cont. The block loop need not call it
// while no item is open and l is not an item and opens none (content).
func (li *listItems) line(l *line, in int, cont bool) {
	if li.np > 0 {
		li.n = in
		for _, it := range li.pend[:li.np] {
			li.push(it)
		}
		li.np = 0
		in = li.n
	}
	if l.kind == lineBlank {
		// In every item, but not in the quotes whose markers it lacks.
		for li.n > 0 && li.items[li.n-1].depth > l.depth {
			li.n--
		}
		return
	}
	// A list item, not a table row (whose "marker" is its text); as in
	// CommonMark, an ordered list not starting at 1 does not interrupt a
	// paragraph.
	item := l.item && l.ms != l.cs && !(cont && l.num >= 0 && l.num != 1)
	if cont && !item {
		return
	}
	li.n = in
	if item {
		li.push(listItem{l.depth, l.eindent})
	}
}

// push appends l to the block blk, first splitting blk where the quote
// depth changes.
func (s *splitter) push(blk []line, l line) []line {
	if len(blk) > 0 && blk[0].depth != l.depth {
		s.block(blk)
		blk = blk[:0]
	}
	return append(blk, l)
}

// block splits the lines of one block into paragraphs.
func (s *splitter) block(blk []line) {
	if len(blk) == 0 {
		return
	}
	s.codeParts(blk)
}

// prose splits the lines of one block, or of a part of it that is not
// code, into paragraphs.
func (s *splitter) prose(blk []line) {
	continuedItems(s.src, blk)
	var st blockStyle
	if len(blk) > 1 {
		st = newBlockStyle(s.src, blk)
		st.turns = s.transcript
	}
	a := 0
	for i := 1; i < len(blk); i++ {
		if st.breaks(s.src, &blk[i-1], &blk[i]) {
			s.para(blk[a:i], KindParagraph)
			a = i
		}
	}
	s.para(blk[a:], KindParagraph)
}

// blockStyle is what a block's shape says about its line breaks.
type blockStyle struct {
	width    int  // W: columns of the widest line
	base     int  // least indentation
	wrapped  bool // hard-wrapped prose
	indented bool // paragraphs start with an indented first line
	turns    bool // the document is a transcript: a speaker's turn starts a paragraph (speaker.go)
}

func newBlockStyle(src string, blk []line) blockStyle {
	st := blockStyle{base: blk[0].eindent}
	items := false
	for i := range blk {
		l := &blk[i]
		l.width = l.eindent + utf8.RuneCountInString(src[l.cs:l.ce])
		l.ends = endsSentence(src[l.cs:l.ce])
		st.width = max(st.width, l.width)
		st.base = min(st.base, l.eindent)
		items = items || l.item
	}
	full := 0
	for i := 0; i+1 < len(blk); i++ {
		n := blk[i+1]
		blk[i].full = blk[i].width+1+firstWordWidth(src[n.cs:n.ce]) > st.width-fitSlack
		if blk[i].full {
			full++
		}
	}
	st.wrapped = st.width >= minWrapWidth && st.width <= maxWrapWidth &&
		float64(full) >= minFullShare*float64(len(blk)-1)
	if !items {
		starts, hanging := 0, 0
		for i := 1; i < len(blk); i++ {
			if blk[i].eindent <= st.base {
				continue
			}
			if blk[i-1].ends {
				starts++
			} else if blk[i-1].eindent == st.base {
				hanging++
			}
		}
		st.indented = starts > 0 && starts > hanging
	}
	return st
}

// breaks reports whether the line break between p and n ends a paragraph.
func (st *blockStyle) breaks(src string, p, n *line) bool {
	if n.item || st.turns && p.ends && speakerLabel(src[n.cs:n.ce]) > 0 {
		return true
	}
	if st.indented {
		if n.eindent <= st.base {
			return false
		}
		return p.ends || upper(src, n) && !p.full
	}
	if !st.wrapped {
		narrow := st.width < minWrapWidth || st.width > maxWrapWidth
		return p.ends || upper(src, n) && (narrow || !p.full)
	}
	if !p.ends {
		return false
	}
	return n.eindent != p.eindent || !p.full
}

// continuedItems turns back into prose the numbered "items" that continue a
// sentence of wrapped prose: "... the death toll had risen to more than\n
// 100. Officials said ..." is one paragraph, not a paragraph and an item
// whose number is lost. As in CommonMark, an ordered list may interrupt a
// paragraph only when it starts at 1; here, only when the line before it
// ends a sentence (or a clause: a colon) or is part of an item already.
func continuedItems(src string, blk []line) {
	inItem := false
	for i := range blk {
		l := &blk[i]
		if l.item && l.num >= 0 && l.num != 1 && i > 0 && !inItem && !endsSentence(src[blk[i-1].cs:blk[i-1].ce]) {
			l.item = false
			l.cs = l.ms
			l.eindent = l.indent
		}
		inItem = inItem || l.item
	}
}

// upper reports whether l starts with an upper-case (or uncased) letter.
func upper(src string, l *line) bool {
	_, u := startCase(src[l.cs:l.ce])
	return u
}

// para adds the paragraph made of lines.
func (s *splitter) para(lines []line, kind UnitKind) {
	if kind == KindParagraph && lines[0].item {
		kind = KindListItem
	}
	s.b.hint = lines[len(lines)-1].ce - lines[0].cs
	if s.md {
		s.inlineMarkdown(lines)
	} else {
		for i, l := range lines {
			if i > 0 {
				s.b.space(lines[i-1].ce, l.cs)
			}
			s.b.text(l.cs, l.ce)
		}
	}
	s.emit(kind, lines[0].depth > 0)
}

// inlineJoint finds the end of the unit starting at clean position a: the
// next inline list joint, a '.', ':', ';', '!' or '?' directly followed by
// "- " (as in "lopsided:- Trade growth – ...partner.- Infrastructure").
// It returns the end of the part (the punctuation included) and where the
// next part starts (after the "- "), or len(text) and -1. Hyphens that join
// words ("U.S.-China", "U.S.-led") are not followed by a space and are left
// alone.
func inlineJoint(text string, a int) (end, next int) {
	for i := a; ; {
		j := strings.Index(text[i:], "- ")
		if j < 0 {
			return len(text), -1
		}
		k := i + j // the '-'
		i = k + 2
		if k-2 < a || i >= len(text) {
			continue
		}
		switch text[k-1] {
		case '.', ':', ';', '!', '?':
			if text[k-2] != ' ' && text[k-2] != '-' {
				return k, i
			}
		}
	}
}
