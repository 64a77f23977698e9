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
//     "Further reading:", "External links:"), or
//   - it is such a label on its own (with or without the colon), or it
//     follows a heading (Markdown, HTML) that is one, up to the next
//     heading, or
//   - it holds at least two links (http://, https://, www.) and fewer than
//     refWordsPerLink words outside them per link: a run of citations or a
//     list of links, not prose that mentions a link or two.
//
// A single citation in a block of its own is caught by the heading above
// it; a lone link in a sentence of prose is prose. A label paragraph of
// plain text does not open a section: plain text has no heading to close
// it, and a newsletter's "References" would take the next article with it.

// refWordsPerLink is the most words outside links per link a block of
// links may have. A citation (authors, date, title, publisher) runs to
// 10-25 words; a paragraph of prose that cites two links has several times
// that.
const refWordsPerLink = 25

// refLabels are the section names of reference lists, lower case.
var refLabels = [...]string{
	"sources", "source", "references", "reference", "bibliography",
	"works cited", "citations", "further reading", "external links",
}

// refLabel reports whether text is a references label on its own: one of
// refLabels, optionally followed by a colon, surrounded by space.
func refLabel(text string) bool {
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
// link. A long paragraph that opens so is prose ("Source: Arius. Major
// adherents: ... The inherent oneness of God's nature is ...").
func refOpening(text string) bool {
	if !labelOpening(text) {
		return false
	}
	links, words := linkCount(text)
	return links > 0 || words < refWordsPerLink
}

// labelOpening reports whether text opens with a references label and a
// colon.
func labelOpening(text string) bool {
	t := strings.TrimLeft(text, " ")
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

// linkList reports whether text holds at least two links and fewer than
// refWordsPerLink words outside them per link.
func linkList(text string) bool {
	links, words := linkCount(text)
	return links >= 2 && words < refWordsPerLink*links
}

// linkCount returns the number of links in text and of words outside
// them.
func linkCount(text string) (links, words int) {
	for f := range strings.FieldsSeq(text) {
		if i := linkStart(f); i >= 0 {
			links++
			if i > 0 && hasLetter(f[:i]) {
				words++ // "strategic[2]https://...": the word before counts
			}
			continue
		}
		if hasLetter(f) {
			words++
		}
	}
	return links, words
}

// linkStart returns the offset in field f where a link starts, or -1.
func linkStart(f string) int {
	best := -1
	for _, p := range [...]string{"http://", "https://", "www."} {
		if i := indexFold(f, p); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

// indexFold is strings.Index ignoring ASCII case.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
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
	section bool // under a references heading
}

// block reports whether a block of the given kind and clean text is part
// of a reference list, and updates the section state at headings.
func (r *refState) block(kind UnitKind, text string) bool {
	if kind == KindHeading {
		r.section = refLabel(text)
		return r.section
	}
	return r.section || refLabel(text) || refOpening(text) || linkList(text)
}
