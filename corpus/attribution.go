package corpus

import (
	"slices"
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
// attributionVerbs; "schrieb NAME:" in German, Dutch and Scandinavian) and
// either names a writer by address (an e-mail address or a <message-id>)
// or reads as a mail client's line (a name and the verb in six words or
// fewer, or a date and a time of day first: "On Tue, 6 Apr 2024 at 10:12,
// Alice wrote:"; not "said" or "says") and comes right before text quoted
// one level deeper than it
// (blank lines and lines of bare quote markers between them allowed). A
// writer's sentence introducing a quotation ("In his speech to the Commons,
// Churchill said:" before "> We shall fight ...") stays text, and so does
// a line that goes on a sentence of the line before it (in lower case). An attribution
// wrapped over two lines ("In article <...> editor@example.com (The" then
// "Editor) writes:", or a date and a time then "wrote:") is one when the
// first opens as Usenet's or a mail client's do, and a line that opens
// as Usenet's do ("In article <id>", "From article <id>") and ends with a
// colon or "..." is one whatever its verb, as are Outlook Express's
// "... wrote in message news:<id>..." and Horde's "Quoting Alice
// <alice@example.org>:".

// attributionVerbs are the words, lower case, that end an attribution line
// before its colon.
var attributionVerbs = []string{
	"writes", "wrote", "said", "says", "posted",
	"a écrit", "schrieb", "escribió", "escreveu", "ha scritto", "schreef", "skrev",
}

// maxAttribution is the longest attribution line, in bytes, read as one.
const maxAttribution = 300

// isAttribution reports whether the line l of src, which the block loop
// read ending at next after the lines blk of its block, is an attribution
// line (above), and whether the last of blk is its opening line.
func isAttribution(src string, l *line, next int, blk []line, md bool) (is, opener bool) {
	s := src[l.cs:l.ce]
	if len(s) > maxAttribution {
		return false, false
	}
	if n := len(blk); n > 0 && blk[n-1].depth == l.depth {
		prev := src[blk[n-1].cs:blk[n-1].ce]
		if (usenetOpener(prev) || mailOpener(prev)) && (endsWithVerb(s) || verbFirst(s)) {
			return true, true
		}
		if r, _ := utf8.DecodeRuneInString(s); unicode.IsLower(r) && !endsSentence(prev) && !namesAddress(s) {
			return false, false // the line goes on a sentence: "... from previous\nwork.  Lee writes:"
		}
	}
	if usenetOpener(s) && (strings.HasSuffix(s, ":") || strings.HasSuffix(s, "...")) {
		return true, false // "In article <id> x@y writes...", "From article <id>, by x@y:"
	}
	if namesAddress(s) && (strings.Contains(s, " wrote in message ") && strings.HasSuffix(s, "...") ||
		strings.HasPrefix(s, "Quoting ") && strings.HasSuffix(s, ":")) {
		return true, false // Outlook Express's and Horde's forms
	}
	verb := endsWithVerb(s)
	if !verb && !verbFirst(s) {
		return false, false
	}
	if namesAddress(s) {
		return true, false
	}
	// Only the quote after it: the line must be what a mail client writes,
	// not a writer's sentence introducing a quotation ("In his speech to
	// the Commons, Churchill said:" before "> We shall fight ...").
	return mailLike(s, verb) && quotedAfter(src, next, l.depth, md), false
}

// mailLike reports whether s, a line that ends with a verb of writing
// (verb) or has one before the name (verbFirst), reads as a mail client's
// attribution: a name and the verb, in a few words ("Alice Smith wrote:"),
// or opened by a date ("On Tue, 6 Apr 2024 at 10:12, Alice wrote:", "Am
// 6. April 2024 schrieb Alice:"). "said" and "says" are a writer's words.
func mailLike(s string, verb bool) bool {
	if verb && (endsWithWord(s, "said") || endsWithWord(s, "says")) {
		return false
	}
	if len(strings.Fields(s)) <= 6 {
		return true
	}
	return mailOpener(s)
}

// mailOpener reports whether s opens as a mail client's attribution: a
// date word first and a time of day ("On Tue, 6 Apr 2024 at 10:12, ...",
// "Le 6 avr. 2024 à 10:12, ..."). A writer's "On 3 July 1776, the day
// after ..., John Adams wrote:" has no time.
func mailOpener(s string) bool {
	w, _, _ := strings.Cut(s, " ")
	if !slices.Contains(datePrefixes, w) {
		return false
	}
	for i := 1; i+2 < len(s); i++ {
		if s[i] == ':' && isDigitByte(s[i-1]) && isDigitByte(s[i+1]) && isDigitByte(s[i+2]) {
			return true // "10:12"
		}
	}
	return false
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// datePrefixes open the date of mail clients' attribution lines, in the
// languages of attributionVerbs.
var datePrefixes = []string{"On", "Le", "Am", "El", "Em", "Op", "Il", "Den"}

// endsWithWord reports whether s, its colon or "..." and white space
// trimmed, ends with the word w (any case).
func endsWithWord(s, w string) bool {
	s = trimAttributionEnd(s)
	if len(s) < len(w) || !strings.EqualFold(s[len(s)-len(w):], w) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:len(s)-len(w)])
	return len(s) == len(w) || !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// trimAttributionEnd takes the colon or "..." and the white space before
// it (a no-break space too: "a écrit\u00a0:") off the end of s.
func trimAttributionEnd(s string) string {
	s, ok := strings.CutSuffix(s, ":")
	if !ok {
		s = strings.TrimSuffix(s, "...")
	}
	return strings.TrimRight(s, " \t\u00a0")
}

// endsWithVerb reports whether s ends with one of attributionVerbs and a
// colon (or "...", as VMS news readers wrote it), the verb a word of its
// own.
func endsWithVerb(s string) bool {
	if !strings.HasSuffix(s, ":") && !strings.HasSuffix(s, "...") {
		return false
	}
	for _, v := range attributionVerbs {
		if endsWithWord(s, v) {
			return true
		}
	}
	return false
}

// verbFirst reports whether s is an attribution whose verb comes before
// the writer's name, as German, Dutch and Scandinavian mail clients write
// it: "Am 06.04.2024 um 10:12 schrieb Alice Schmidt:".
func verbFirst(s string) bool {
	return strings.HasSuffix(s, ":") && (strings.Contains(s, " schrieb ") || strings.Contains(s, " schreef ") || strings.Contains(s, " skrev "))
}

// namesAddress reports whether s holds an e-mail address or a message id:
// an '@' with a letter or digit on either side.
func namesAddress(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if s[i] == '@' && (isAlnumByte(s[i-1]) || strings.IndexByte("+-_.=%", s[i-1]) >= 0) && isAlnumByte(s[i+1]) {
			return true
		}
	}
	return false
}

// cutPrefixFold is strings.CutPrefix, case folded.
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) < len(prefix) || !strings.EqualFold(s[:len(prefix)], prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

func isAlnumByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// quotedAfter reports whether the first line from pos on with any text has
// more than depth quote markers.
func quotedAfter(src string, pos, depth int, md bool) bool {
	for pos < len(src) {
		start, end, next := nextLine(src, pos)
		l := lineContent(src, start, end, -1, md)
		if l.cs < l.ce {
			return l.depth > depth
		}
		pos = next
	}
	return false
}

// usenetOpener reports whether s opens as Usenet's attributions do: "In
// article <message-id>", "In <message-id>", "From article <message-id>",
// maybe the writer's address after it, the verb here or on the next line.
func usenetOpener(s string) bool {
	rest, ok := cutPrefixFold(s, "In article")
	if !ok {
		rest, ok = cutPrefixFold(s, "From article")
	}
	if !ok {
		rest, ok = strings.CutPrefix(s, "In")
	}
	if !ok {
		return false
	}
	// "In article <id>", "In Article: <id>", "In <id>".
	rest, ok = strings.CutPrefix(strings.TrimLeft(strings.TrimPrefix(rest, ":"), " "), "<")
	if !ok {
		return false
	}
	id, _, ok := strings.Cut(rest, ">")
	return ok && !strings.ContainsAny(id, " <") && namesAddress(id)
}
