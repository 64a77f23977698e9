package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Attribution lines
// =================
//
// A reply quotes what it answers under a line naming who wrote it:
//
//	In article <1993Apr5.123@example.com> editor@example.com (The Editor) writes:
//	On Tue, 6 Apr 2024 at 10:12, Alice <alice@example.org> wrote:
//
// The line is the quote's metadata, as a message's header block is the
// message's (mailheader.go), not the writer's text: in a thread every
// reply repeats it, so a scan of a Usenet or mailing-list archive
// reported it as a duplicate again and again (in the 20 Newsgroups
// training set, 1,631 of 15,415 clusters were nothing but such lines). So
// an attribution line makes no unit.
//
// A line is an attribution when it ends with a verb of writing and a colon
// ("writes:", "wrote:", "said:" and a few in other languages,
// attributionVerbs; "schrieb NAME:" in German and Dutch) and either names
// a writer by address (an e-mail address or a <message-id>) or comes right
// before text quoted one level deeper than it (blank lines and lines of
// bare quote markers between them allowed): "Alice wrote:" then "> ...". A line ending "said:" before text
// at its own depth ("The minister said:" then her words) stays text. An
// attribution wrapped over two lines ("In article <...> editor@example.com
// (The" then "Editor) writes:") is one when the first opens as Usenet's do,
// and a line that opens that way ("In article <id>", "From article <id>")
// and ends with a colon or "..." is one whatever its verb.

// attributionVerbs are the words, lower case, that end an attribution line
// before its colon.
var attributionVerbs = []string{
	"writes", "wrote", "said", "says", "posted",
	"a écrit", "schrieb", "escribió", "ha scritto", "schreef",
}

// maxAttribution is the longest attribution line, in bytes, read as one.
const maxAttribution = 300

// isAttribution reports whether the line l of src, which the block loop
// read ending at next after the lines blk of its block, is an attribution
// line (above), and whether the last of blk is its opening line.
func isAttribution(src string, l *line, next int, blk []line) (is, opener bool) {
	s := src[l.cs:l.ce]
	if len(s) > maxAttribution {
		return false, false
	}
	if attributionOpener(s) && (strings.HasSuffix(s, ":") || strings.HasSuffix(s, "...")) {
		return true, false // "In article <id> x@y writes...", "From article <id>, by x@y:"
	}
	if !endsWithVerb(s) && !verbFirst(s) {
		return false, false
	}
	if n := len(blk); n > 0 && blk[n-1].depth == l.depth && attributionOpener(src[blk[n-1].cs:blk[n-1].ce]) {
		return true, true
	}
	return namesAddress(s) || quotedAfter(src, next, l.depth), false
}

// endsWithVerb reports whether s ends with one of attributionVerbs and a
// colon (or "...", as VMS news readers wrote it), the verb a word of its
// own.
func endsWithVerb(s string) bool {
	s, ok := strings.CutSuffix(s, ":")
	if !ok {
		if s, ok = strings.CutSuffix(s, "..."); !ok {
			return false
		}
	}
	s = strings.TrimRight(s, " \t")
	for _, v := range attributionVerbs {
		if len(s) < len(v) || !strings.EqualFold(s[len(s)-len(v):], v) {
			continue
		}
		r, _ := utf8.DecodeLastRuneInString(s[:len(s)-len(v)])
		if len(s) == len(v) || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// verbFirst reports whether s is an attribution whose verb comes before
// the writer's name, as German and Dutch mail clients write it: "Am
// 06.04.2024 um 10:12 schrieb Alice Schmidt:".
func verbFirst(s string) bool {
	return strings.HasSuffix(s, ":") && (strings.Contains(s, " schrieb ") || strings.Contains(s, " schreef "))
}

// namesAddress reports whether s holds an e-mail address or a message id:
// an '@' with a letter or digit on either side.
func namesAddress(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if s[i] == '@' && isAlnumByte(s[i-1]) && isAlnumByte(s[i+1]) {
			return true
		}
	}
	return false
}

func isAlnumByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// quotedAfter reports whether the first line from pos on with any text has
// more than depth quote markers.
func quotedAfter(src string, pos, depth int) bool {
	for pos < len(src) {
		start, end, next := nextLine(src, pos)
		l := lineContent(src, start, end, -1)
		if l.cs < l.ce {
			return l.depth > depth
		}
		pos = next
	}
	return false
}

// attributionOpener reports whether s is the first line of a Usenet
// attribution wrapped over two lines: "In article <message-id>," and
// maybe the writer's address, the verb on the next line. ("On <date>,
// <name>" lines are too varied to tell from text.)
func attributionOpener(s string) bool {
	rest, ok := strings.CutPrefix(s, "In article <")
	if !ok {
		rest, ok = strings.CutPrefix(s, "In <")
	}
	if !ok {
		rest, ok = strings.CutPrefix(s, "From article <")
	}
	if !ok {
		return false
	}
	id, _, ok := strings.Cut(rest, ">")
	return ok && !strings.ContainsAny(id, " <") && namesAddress(id)
}
