package corpus

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

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
//   - page furniture is dropped too: a container (div, section, header,
//     ul, table, ...: furnitureElement) whose ARIA role is navigation,
//     complementary, search or a dialog, or banner or contentinfo outside
//     an article or main element, or whose class or id names furniture
//     (cookie notices, newsletter and subscription boxes, share buttons,
//     related links, ads, comments, sidebars, menus, footers:
//     furnitureNames) and no token of it names the content
//     ("article-body"). Without this a crawler's "seen this page?" was
//     decided by the cookie notice every page of a site repeats;
//   - an element dropped inside running text (an icon's svg, a share
//     button, an inline script) leaves its paragraph whole;
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
		// inArticle is the depth of open article and main elements, where
		// a header is the article's, not the site's (ARIA).
		inArticle int
		pos       int
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
				hidden, code, furniture = readAttrs(z, tag == "pre" || tag == "code", inArticle > 0)
				furniture = furniture && furnitureElement(tag)
			}
			if !void && !hidden && !code && inlineDrop(tag) {
				// Inside running text (an icon, a share button): no flush, the
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
			case tag == "article" || tag == "main":
				inArticle++
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
			case tag == "article" || tag == "main":
				inArticle = max(inArticle-1, 0)
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
// page furniture (furnitureRole, furnitureNames; inArticle: inside an
// article or main element).
func readAttrs(z *xhtml.Tokenizer, class, inArticle bool) (hidden, code, furniture bool) {
	content := false
	for {
		k, v, more := z.TagAttr()
		switch key := string(k); {
		case key == "hidden" || key == "aria-hidden" && strings.EqualFold(string(v), "true"):
			hidden = true
		case key == "role":
			furniture = furniture || furnitureRole(string(v), inArticle)
		case key == "class" || key == "id":
			if class && key == "class" && codeClass(string(v)) {
				code = true
			}
			f, c := furnitureNames(string(v))
			furniture, content = furniture || f, content || c
		}
		if !more {
			return hidden, code, furniture && !content
		}
	}
}

// furnitureRole reports whether an ARIA role (a list of roles, the first
// a browser knows being the one taken; any is enough here) names page
// furniture: the site's header and footer (not inside an article or main
// element, where a header is the article's), menus, sidebars, search,
// dialogs.
func furnitureRole(roles string, inArticle bool) bool {
	for r := range strings.FieldsSeq(strings.ToLower(roles)) {
		switch r {
		case "navigation", "complementary", "search", "dialog", "alertdialog":
			return true
		case "banner", "contentinfo":
			if !inArticle {
				return true
			}
		}
	}
	return false
}

// furnitureNames reads a class or id attribute, token by token (class
// names are separated by white space), each token cut into words at
// anything but letters and digits and at camelCase ("cookieBanner"). It
// reports whether a token names page furniture and whether one names the
// content:
//
//   - a token with a word that only furniture uses (cookie, consent,
//     newsletter, subscribe, paywall, advert, sponsored, breadcrumb,
//     sidebar, popup, navbar, pagination...: furnitureStrong) is
//     furniture;
//   - a token of words that furniture and content both use (share,
//     social, related, menu, comments, footer, promo, ad...:
//     furnitureWeak) is furniture only when all its words are such words
//     or the parts a furniture box is named with (links, buttons, bar,
//     box, list, stories, widget...: furniturePart): "share-buttons",
//     "related-stories", "menu", but not "share-price" or
//     "related-coverage-intro";
//   - a token made of content words only (article, body, content, main,
//     story, post, entry, text, prose) names the content, which keeps the
//     element ("article-body", "post-content"; not "main-menu" or
//     "text-center"), as readability tools do.
func furnitureNames(v string) (furniture, content bool) {
	for tok := range strings.FieldsSeq(v) {
		strong, weak, parts, contentOnly, n := false, false, true, true, 0
		for w := range classWords(tok) {
			n++
			strong = strong || furnitureStrong[w]
			weak = weak || furnitureWeak[w]
			parts = parts && (furnitureWeak[w] || furniturePart[w])
			contentOnly = contentOnly && contentWord[w]
		}
		furniture = furniture || strong || weak && parts
		content = content || n > 0 && contentOnly
	}
	return furniture, content
}

// classWords yields the lower-case words of a class or id token: runs of
// letters and digits, cut where a lower-case letter meets an upper-case
// one.
func classWords(tok string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		start := -1
		for i, r := range tok {
			alnum := unicode.IsLetter(r) || unicode.IsDigit(r)
			if start >= 0 && (!alnum || unicode.IsUpper(r) && i > 0 && unicode.IsLower(lastRune(tok[:i]))) {
				if !yield(strings.ToLower(tok[start:i])) {
					return
				}
				start = -1
			}
			if alnum && start < 0 {
				start = i
			}
		}
		if start >= 0 {
			yield(strings.ToLower(tok[start:]))
		}
	}
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// The words of class and id tokens that name furniture and content (see
// furnitureNames). Read-only.
var (
	furnitureStrong = wordSet("cookie cookies consent gdpr newsletter newsletters subscribe subscription signup " +
		"paywall advert adverts advertisement advertising sponsor sponsored outbrain taboola breadcrumb breadcrumbs " +
		"disqus sidebar popup modal navbar pagination pager toolbar")
	furnitureWeak = wordSet("share sharing social related recommended recirc menu comments comment footer promo ad ads " +
		"nav follow")
	furniturePart = wordSet("links link buttons button bar box list stories articles posts items item widget widgets " +
		"container wrapper block module panel section area icons tools top bottom site global primary secondary " +
		"header rail main")
	contentWord = wordSet("article body content main story post entry text prose")
)

func wordSet(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// furnitureElement reports whether t may be dropped as furniture by its
// role, class or id: a container whose end tag is required, so that
// dropping its content ends where it ends (a p, li or dd of a class is
// left alone: its end tag may be left out). The document, its body and
// its main content never are.
func furnitureElement(t string) bool {
	switch t {
	case "div", "section", "aside", "nav", "header", "footer", "ul", "ol", "dl", "form", "table",
		"figure", "details", "dialog", "menu", "iframe":
		return true
	}
	return false
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
