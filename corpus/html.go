package corpus

import (
	"html"
	"strings"

	xhtml "golang.org/x/net/html"
)

// HTML is read with the golang.org/x/net/html tokenizer (not the tree
// builder: it never rewrites the input, so every token keeps its byte
// offsets, and it accepts any input). Only visible text is kept:
//
//   - the content of script, style, noscript, template, head, title, nav,
//     footer, aside, svg, math, iframe, object, canvas, the form controls
//     select, button, textarea, datalist and label, and of any element with
//     a hidden or aria-hidden="true" attribute, is dropped; form and header
//     are kept (a whole page often sits in one form, and an article's header
//     holds its headline), minus the controls and nav inside them;
//   - page furniture is dropped too: an element whose ARIA role is banner,
//     navigation, complementary, contentinfo, search or a dialog, or whose
//     class or id has a word of furnitureWord (cookie notices, newsletter
//     and subscription boxes, share buttons, related links, ads, comments,
//     sidebars, menus, footers) and none naming the content (article,
//     body, content, main, story, post, entry, text); never html, body,
//     main or article themselves. Without this a crawler's "seen this
//     page?" was decided by the cookie notice every page of a site repeats;
//   - an element dropped inside running text (an icon's svg, a share
//     button, an inline script or furniture link) leaves its paragraph
//     whole;
//   - head also ends without its end tag, as in the HTML parsing rules: at a
//     start tag other than the ones head may hold (title, meta, link, style,
//     script, base, noscript, template), at text that is not white space
//     and at </body>, </html> or </br>; what ends it is body content;
//   - block elements (p, div, li, h1-h6, blockquote, td, th, tr, pre, br,
//     section, article, ...) end the current unit; inline elements (a,
//     span, b, em, ...) do not, and the white space around them is kept as
//     written ("foo<b>bar</b>" is one word);
//   - a unit inside li is a KindListItem, inside h1-h6 a KindHeading, and
//     inside blockquote Quoted;
//   - inside pre, a blank line also ends a unit; code is skipped (code.go):
//     a code element inside pre, a pre whose class names code, and a unit
//     of pre whose lines read as code;
//   - character references ending in ';' are decoded in Text (&amp; &#8217;
//     &#x2019;); comments and doctypes are ignored.
//
// Start and End are the offsets of the first and last visible characters
// in the HTML source (an entity counts as a whole), Line the line of Start.
// Unclosed elements simply stay open to the end; end tags without a start
// tag are ignored; nothing panics.

// html splits s.src as HTML.
func (s *splitter) html() {
	z := xhtml.NewTokenizer(strings.NewReader(s.src))
	var (
		skip   []string // open elements whose content is dropped
		ctx    []string // open li, h1-h6, blockquote and list elements
		kind   = KindParagraph
		quoted bool
		pre    int // depth of open pre elements
		pos    int
	)
	// codeFrom is where the code element being skipped starts, -1 when
	// none is (skip is then of other elements).
	codeFrom := -1
	flush := func() {
		if !s.b.empty() {
			if pre > 0 && codeHTML(s.src, s.b.span) {
				a, b := s.b.span()
				s.skip(SkipCode, a, b)
			} else {
				s.emit(kind, quoted)
			}
		}
		s.b.reset()
	}
	for {
		tt := z.Next()
		start := pos
		pos = min(pos+len(z.Raw()), len(s.src))
		switch tt {
		case xhtml.ErrorToken:
			flush()
			if codeFrom >= 0 {
				s.skip(SkipCode, codeFrom, len(s.src)) // unclosed
			}
			return
		case xhtml.TextToken:
			if inHead(skip) && !isHTMLSpace(z.Raw()) {
				skip = skip[:0] // text ends head
			}
			if len(skip) > 0 {
				continue
			}
			if s.b.empty() {
				kind, quoted = htmlContext(ctx)
				s.level = headingLevel(ctx)
			}
			s.htmlText(start, pos, pre > 0, flush)
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name) // one small allocation a tag; HTML is not the hot path
			void := tt == xhtml.SelfClosingTagToken || voidElement(tag)
			if inHead(skip) {
				switch {
				case tag == "head" || tag == "html":
					continue // ignored inside head, as by browsers
				case !headElement(tag):
					skip = skip[:0] // body content ends head
				}
			}
			if len(skip) > 0 {
				if !void && (dropElement(tag) || tag == skip[len(skip)-1]) {
					skip = append(skip, tag)
				}
				continue
			}
			hidden, code, furniture := false, false, false
			if hasAttr && !void {
				hidden, code, furniture = readAttrs(z, tag == "pre" || tag == "code")
				furniture = furniture && !keepElement(tag)
			}
			if !void && !hidden && !code && (inlineDrop(tag) || furniture && phrasing(tag)) {
				// Inside running text (an icon, a share link): no flush, the
				// paragraph goes on after it.
				skip = append(skip, tag)
				continue
			}
			hidden = hidden || furniture
			if !void && (dropElement(tag) || hidden || code || tag == "code" && pre > 0) {
				flush()
				skip = append(skip, tag)
				if !hidden && (code || tag == "code") {
					codeFrom = start
				}
				continue
			}
			if blockElement(tag) {
				flush()
			}
			if void {
				continue
			}
			switch {
			case tag == "pre":
				pre++
			case tag == "li":
				if n := len(ctx); n > 0 && ctx[n-1] == "li" {
					ctx = ctx[:n-1] // <li> closes an open <li>
				}
				ctx = append(ctx, tag)
			case contextElement(tag):
				ctx = append(ctx, tag)
			}
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if inHead(skip) && (tag == "body" || tag == "html" || tag == "br") {
				skip = skip[:0]
			}
			if len(skip) > 0 {
				for i := len(skip) - 1; i >= 0; i-- {
					if skip[i] == tag {
						skip = skip[:i]
						break
					}
				}
				if len(skip) == 0 && codeFrom >= 0 {
					s.skip(SkipCode, codeFrom, pos)
					codeFrom = -1
				}
				continue
			}
			if blockElement(tag) {
				flush()
			}
			switch {
			case tag == "pre":
				pre = max(pre-1, 0)
			case isHeading(tag):
				ctx = popTo(ctx, isHeading)
			case contextElement(tag):
				ctx = popTo(ctx, func(t string) bool { return t == tag })
			}
		}
	}
}

// htmlText feeds the text token src[start:end] to the builder, decoding
// character references. Inside pre, a blank line calls flush.
func (s *splitter) htmlText(start, end int, pre bool, flush func()) {
	src := s.src
	i := start
	for i < end {
		k := strings.IndexAny(src[i:end], "&\n")
		if k < 0 {
			s.b.text(i, end)
			return
		}
		k += i
		if src[k] == '\n' {
			s.b.text(i, k+1)
			i = k + 1
			if pre {
				j := i
				for j < end && (src[j] == ' ' || src[j] == '\t' || src[j] == '\r') {
					j++
				}
				if j < end && src[j] == '\n' {
					flush()
					i = j + 1
				}
			}
			continue
		}
		s.b.text(i, k)
		e := entityEnd(src[:end], k)
		if e == 0 {
			s.b.lit(k, k+1)
			i = k + 1
			continue
		}
		r := html.UnescapeString(src[k:e])
		if r == src[k:e] {
			s.b.lit(k, e)
		} else {
			s.b.repl(r, k, e)
		}
		i = e
	}
}

// htmlContext returns the kind and quoting of a unit starting inside ctx.
func htmlContext(ctx []string) (UnitKind, bool) {
	kind := KindParagraph
	quoted := false
	for i := len(ctx) - 1; i >= 0; i-- {
		t := ctx[i]
		switch {
		case t == "blockquote":
			quoted = true
		case kind == KindParagraph && t == "li":
			kind = KindListItem
		case kind == KindParagraph && isHeading(t):
			kind = KindHeading
		}
	}
	return kind, quoted
}

// popTo pops ctx up to and including the last element matching f; if none
// matches, ctx is unchanged.
func popTo(ctx []string, f func(string) bool) []string {
	for i := len(ctx) - 1; i >= 0; i-- {
		if f(ctx[i]) {
			return ctx[:i]
		}
	}
	return ctx
}

// hiddenAttr reports a hidden or aria-hidden="true" attribute.
// readAttrs reads the attributes of the start tag z is at: whether it is
// hidden (hidden, aria-hidden="true"); when class is set, whether its
// class names code (codeClass); and whether its role, class or id names
// page furniture (furnitureRole, furnitureNames).
func readAttrs(z *xhtml.Tokenizer, class bool) (hidden, code, furniture bool) {
	content := false
	for {
		k, v, more := z.TagAttr()
		switch key := string(k); {
		case key == "hidden" || key == "aria-hidden" && strings.EqualFold(string(v), "true"):
			hidden = true
		case key == "role":
			furniture = furniture || furnitureRole(string(v))
		case key == "class" || key == "id":
			if class && key == "class" && codeClass(string(v)) {
				code = true
			}
			f, c := furnitureNames(v)
			furniture, content = furniture || f, content || c
		}
		if !more {
			return hidden, code, furniture && !content
		}
	}
}

// furnitureRole reports whether an ARIA role names page furniture: the
// site's header, menus, sidebars, footer, search, dialogs.
func furnitureRole(r string) bool {
	switch strings.ToLower(strings.TrimSpace(r)) {
	case "banner", "navigation", "complementary", "contentinfo", "search", "dialog", "alertdialog":
		return true
	}
	return false
}

// furnitureNames reads a class or id attribute: whether one of its words
// (split at anything but letters and digits) names page furniture (a
// cookie notice, a newsletter box, share buttons, related links, ads,
// comments: furnitureWord) and whether one names the content
// ("article-body", "story"), which keeps the element, as readability
// tools do (a "comments" class on the article itself).
func furnitureNames(v []byte) (furniture, content bool) {
	for f := range strings.FieldsFuncSeq(strings.ToLower(string(v)), func(r rune) bool {
		return (r < 'a' || r > 'z') && (r < '0' || r > '9')
	}) {
		switch f {
		case "article", "body", "content", "main", "story", "post", "entry", "text":
			content = true
		default:
			furniture = furniture || furnitureWord[f]
		}
	}
	return furniture, content
}

// furnitureWord holds the class and id words of page furniture. Read-only.
var furnitureWord = map[string]bool{
	"cookie": true, "cookies": true, "consent": true, "gdpr": true,
	"newsletter": true, "newsletters": true, "subscribe": true, "subscription": true, "signup": true, "paywall": true,
	"promo": true, "advert": true, "advertisement": true, "advertising": true, "ad": true, "ads": true,
	"sponsor": true, "sponsored": true, "outbrain": true, "taboola": true,
	"share": true, "sharing": true, "social": true, "related": true, "recommended": true, "recirc": true,
	"breadcrumb": true, "breadcrumbs": true, "comments": true, "disqus": true,
	"sidebar": true, "popup": true, "modal": true, "navbar": true, "menu": true, "footer": true,
	"pagination": true, "pager": true, "toolbar": true,
}

// headingLevel returns the level of the innermost open h1-h6 element, or 0.
func headingLevel(ctx []string) int {
	for i := len(ctx) - 1; i >= 0; i-- {
		if isHeading(ctx[i]) {
			return int(ctx[i][1] - '0')
		}
	}
	return 0
}

func isHeading(t string) bool {
	return len(t) == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6'
}

func contextElement(t string) bool {
	switch t {
	case "li", "blockquote", "ul", "ol", "menu", "dl":
		return true
	}
	return isHeading(t)
}

func dropElement(t string) bool {
	switch t {
	case "script", "style", "noscript", "template", "head", "title", "nav",
		"footer", "aside", "svg", "math", "iframe", "object", "canvas",
		"select", "button", "textarea", "datalist", "label", "noembed", "noframes":
		return true
	}
	return false
}

// keepElement reports whether t is never dropped as furniture whatever
// its class: the document, its body and its main content.
func keepElement(t string) bool {
	switch t {
	case "html", "body", "main", "article":
		return true
	}
	return false
}

// phrasing reports whether t is an inline element of running text.
func phrasing(t string) bool {
	switch t {
	case "a", "span", "em", "strong", "b", "i", "u", "s", "small", "mark", "sup", "sub", "abbr", "cite", "q", "time":
		return true
	}
	return false
}

// inlineDrop reports whether t is a dropped element (dropElement) that
// may stand inside a paragraph: an icon, a share button, an inline script.
// The paragraph around it stays one, its text joined as a browser shows it
// (the white space around the element is the text's own).
func inlineDrop(t string) bool {
	switch t {
	case "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
		"canvas", "select", "button", "textarea", "datalist", "label":
		return true
	}
	return false
}

// inHead reports whether the only element being dropped is head itself,
// where body content ends it (not inside a title, template, ...).
func inHead(skip []string) bool { return len(skip) == 1 && skip[0] == "head" }

// headElement reports the elements allowed in head, which do not end it.
func headElement(t string) bool {
	switch t {
	case "title", "meta", "link", "style", "script", "base", "noscript", "template",
		"basefont", "bgsound", "noframes":
		return true
	}
	return false
}

// isHTMLSpace reports whether b is all HTML white space.
func isHTMLSpace(b []byte) bool {
	for _, c := range b {
		switch c {
		case ' ', '\t', '\n', '\f', '\r':
		default:
			return false
		}
	}
	return true
}

func voidElement(t string) bool {
	switch t {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
		"param", "source", "track", "wbr":
		return true
	}
	return false
}

func blockElement(t string) bool {
	switch t {
	case "address", "article", "blockquote", "body", "br", "caption", "center", "dd",
		"details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
		"hgroup", "hr", "html", "legend", "li", "main", "menu", "ol", "p", "pre",
		"section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
		"option", "optgroup":
		return true
	}
	return isHeading(t)
}
