package corpus

import (
	"strings"
	"unicode"
)

// References: a list of sources under an article ("sources:[1] Wong, L.
// (2023, April 15). China, Cambodia Move to Boost Mutual Trust ...
// https://www.scmp.com/...") repeats the titles of the stories it cites,
// and a title is a short summary of the prose it came from. Compared with
// the article, its titles and the words of its links pair with the
// sentences that cover the same ground; compared with another article
// citing the same sources, it is a shared bibliography, not shared
// writing. Units of such blocks are marked Reference so that later stages
// can leave them out, and count them.
//
// A block is a reference block when
//   - it opens with a references label followed by a colon ("Sources:",
//     "References:", "Bibliography:", "Works cited:", "Citations:",
//     "Further reading:", "External links:") and is short, as one citation
//     is, or holds a link or two numbered citation marks ("[1]"); or
//   - it is such a label on its own (with or without the colon), or it
//     follows one: under a heading (Markdown, HTML) that is a label, up to
//     the next heading of the same or a higher level; after a label paragraph, while the blocks are list
//     items, hold a link or open with a citation mark; or
//   - it is a run of links: at least refMinLinks links (a word that starts
//     with http://, https:// or www.) and fewer than refWordsPerLink words
//     outside them per link, or two links and fewer than refWordsBareLink
//     words per link (a bare list of links), not prose that mentions a link
//     or two.
//
// A lone link in a sentence of prose is prose. A label paragraph of plain
// text opens no section of its own beyond the list that follows it: plain
// text has no heading to close one, and a newsletter's "References" list
// would otherwise take the next article with it.

// refWordsPerLink is the most words outside links per link a run of links
// may have. A citation (authors, date, title, publisher) runs to 10-25
// words; a paragraph of prose that cites links has several times that.
const refWordsPerLink = 25

// refMinLinks is the number of links from which a block with
// refWordsPerLink words per link is a run of citations.
const refMinLinks = 3

// refWordsBareLink is the most words per link a block of two links may
// have: a list of links with a word or two each ("Links: http://...
// http://..."), not a sentence that mentions two sites ("The council
// published the report at http://... and the audit at http://... today.").
const refWordsBareLink = 3

// refLabels are the section names of reference lists, lower case.
var refLabels = [...]string{
	"sources", "source", "references", "reference", "bibliography",
	"works cited", "citations", "further reading", "external links",
}

// refLabel reports whether text is a references label on its own: one of
// refLabels, optionally followed by a colon, surrounded by space.
func refLabel(text string) bool {
	if len(text) > 24 { // "further reading:" with room for spaces
		return false
	}
	t := strings.TrimSpace(text)
	t = strings.TrimSpace(strings.TrimSuffix(t, ":"))
	for _, l := range refLabels {
		if strings.EqualFold(t, l) {
			return true
		}
	}
	return false
}

// refOpening reports whether text opens with a references label and a
// colon ("sources:[1] ...", "Source: Statistics Department, National
// Safety Council.") and is either short, as one citation is, or holds a
// link or two citation marks. A long paragraph that opens so is prose
// ("Source: Arius. Major adherents: ... The inherent oneness of God's
// nature is ...").
func refOpening(text string) bool {
	if !labelOpening(text) {
		return false
	}
	return mayLink(text) && hasLink(text) || citationMarks(text) >= 2 || wordsBelow(text, refWordsPerLink)
}

// wordsBelow reports whether text has fewer than n words holding a letter.
func wordsBelow(text string, n int) bool {
	words := 0
	for f := range strings.FieldsSeq(text) {
		if hasLetter(f) {
			if words++; words >= n {
				return false
			}
		}
	}
	return true
}

// labelOpening reports whether text opens with a references label and a
// colon.
func labelOpening(text string) bool {
	t := strings.TrimLeft(text, " ")
	if t == "" || !strings.ContainsRune("sSrRbBwWcCfFeE", rune(t[0])) {
		return false // no label starts so: most blocks stop here
	}
	for _, l := range refLabels {
		if len(t) > len(l) && strings.EqualFold(t[:len(l)], l) {
			rest := strings.TrimLeft(t[len(l):], " ")
			if strings.HasPrefix(rest, ":") {
				return true
			}
		}
	}
	return false
}

// linkList reports whether text is a run of links (see refMinLinks,
// refWordsPerLink and refWordsBareLink).
func linkList(text string) bool {
	links, words := linkCount(text)
	return links >= refMinLinks && words < refWordsPerLink*links ||
		links == 2 && words < refWordsBareLink*links
}

// linkCount returns the number of links in text (words that start with a
// link, after any opening punctuation) and of words outside them that hold
// a letter.
func linkCount(text string) (links, words int) {
	for f := range strings.FieldsSeq(text) {
		if isLink(f) {
			links++
			continue
		}
		if hasLetter(f) {
			words++
		}
	}
	return links, words
}

// isLink reports whether the word f starts with a link: http://, https://
// or www. (any case), after opening brackets or quotes ("<http://...>",
// "(www.example.com)"); "Awww." is not one.
func isLink(f string) bool {
	for f != "" && strings.IndexByte("([{<\"'", f[0]) >= 0 {
		f = f[1:]
	}
	if f == "" || f[0]|0x20 != 'h' && f[0]|0x20 != 'w' {
		return false
	}
	for _, p := range [...]string{"http://", "https://", "www."} {
		if len(f) > len(p) && strings.EqualFold(f[:len(p)], p) {
			return true
		}
	}
	return false
}

// citationMarks counts the numbered citation marks in text: "[1]", "[12]".
func citationMarks(text string) int {
	n := 0
	for i := strings.IndexByte(text, '['); i >= 0; {
		j := i + 1
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		if j > i+1 && j-i <= 4 && j < len(text) && text[j] == ']' {
			n++
		}
		k := strings.IndexByte(text[j:], '[')
		if k < 0 {
			break
		}
		i = j + k
	}
	return n
}

// hasLetter reports whether s holds a letter.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// refState follows the reference sections of one document.
type refState struct {
	section bool // under a references heading, to the next heading not below it
	level   int  // the references heading's level (0: unknown)
	list    bool // after a references label paragraph, while the list goes on
}

// block reports whether a block of the given kind and clean text is part
// of a reference list, and updates the section state. level is a
// heading's level (1-6; 0 unknown): a sub-heading of a references section
// ("## References", then "### Books") stays in it.
func (r *refState) block(kind UnitKind, level int, text string) bool {
	if kind == KindHeading {
		r.list = false
		if r.section && r.level > 0 && level > r.level {
			return true
		}
		r.section, r.level = refLabel(text), level
		return r.section
	}
	if refLabel(text) {
		r.list = true
		return true
	}
	if r.list {
		r.list = kind == KindListItem || mayLink(text) && hasLink(text) || strings.HasPrefix(text, "[") && citationMarks(text) > 0
		if r.list {
			return true
		}
	}
	return r.section || refOpening(text) || mayLink(text) && linkList(text)
}

// mayLink reports whether text may hold a link ("://", or "www." in any
// case): a cheap test that spares most blocks the word count of linkCount.
func mayLink(text string) bool {
	if strings.Contains(text, "://") {
		return true
	}
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '.')
		if j < 0 {
			return false
		}
		i += j + 1
		if i >= 4 && text[i-4]|0x20 == 'w' && text[i-3]|0x20 == 'w' && text[i-2]|0x20 == 'w' {
			return true
		}
	}
}

// hasLink reports whether text holds a link.
func hasLink(text string) bool {
	for f := range strings.FieldsSeq(text) {
		if isLink(f) {
			return true
		}
	}
	return false
}
