package corpus

import "strings"

// Message headers
// ===============
//
// A plain-text document that is an e-mail or a Usenet article opens with
// its header block (RFC 5322, RFC 5536): "Field-Name: value" lines, a value
// continued on lines that start with a space or a tab, up to the first
// blank line. The block is the message's metadata, like a Markdown
// document's front matter, not its text: split as prose, the headers of
// the replies in one thread ("From: ... Subject: Re: ... Organization:
// ...") are near copies of each other and fill a scan's report (in the
// 20 Newsgroups training set, 2,328 of 14,691 clusters, 8,580 of 43,114
// clustered units, were such blocks). So a plain-text document's opening
// header block is not split into units.
//
// A block counts as message headers when every line is a header field or
// a continuation of one, it has at least two fields, and one of them is a
// field only messages carry (mailFields): "From:", "Newsgroups:",
// "Message-ID:" and the like, not "Title:" or "Note:". An mbox separator
// line ("From alice@example.org Mon Jan 1 00:00:00 2024") may come first.

// mailFields are header fields, lower case, that only an e-mail or a
// Usenet article carries. "Archive-name" opens the auxiliary header that
// a FAQ posted to news.answers carries at the top of its body
// ("Archive-name: x-faq/part4", "Last-modified: ...", "Version: ..."):
// metadata too, and the same lines in every part of the FAQ.
var mailFields = map[string]bool{
	"from": true, "newsgroups": true, "message-id": true, "received": true,
	"return-path": true, "path": true, "in-reply-to": true, "references": true,
	"nntp-posting-host": true, "x-newsreader": true, "x-mailer": true,
	"archive-name": true,
}

// A message quoted or forwarded inside another carries its own header
// block, after a separator line that mail programs write ("-----Original
// Message-----", "-------- Forwarded Message --------", "----------
// Forwarded message ---------", "Begin forwarded message:"), or alone, as
// a paragraph of its own (a forwarded article's "From: ... Subject: ..."
// lines). That block is metadata too: skipEmbeddedHeader. The message
// after it stays text.

// skipEmbeddedHeader returns the offset after a message header block that
// the line src[start:end] (the next one at next) opens inside a
// plain-text document, or start: a separator line followed by a header
// block, or, at the start of a paragraph (fresh), a header block alone.
func skipEmbeddedHeader(src string, start, end, next int, fresh bool) int {
	l := src[start:end]
	if forwardSeparator(l) {
		if p := skipMessageHeader(src, next, false); p > next {
			return p
		}
		return start
	}
	if _, field := headerField(l); fresh && (field || mboxLine(l)) {
		return skipMessageHeader(src, start, false)
	}
	return start
}

// mboxLine reports whether l is an mbox separator line: "From ", the
// sender, and the date, which opens with the day of the week ("From
// alice@example.org Mon Jan  1 00:00:00 2024", "From mikefran Wed Apr 21
// ..."); "From Monday the office moves" is prose.
func mboxLine(l string) bool {
	rest, ok := strings.CutPrefix(l, "From ")
	if !ok {
		return false
	}
	_, date, ok := strings.Cut(strings.TrimLeft(rest, " "), " ")
	if date = strings.TrimLeft(date, " "); !ok || len(date) < 4 || date[3] != ' ' {
		return false
	}
	switch date[:3] {
	case "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun":
		return true
	}
	return false
}

// forwardSeparator reports whether l is the line a mail program writes
// before the headers of a message it quotes or forwards.
func forwardSeparator(l string) bool {
	t := strings.TrimRight(strings.TrimLeft(l, " \t"), " \t\r")
	switch {
	case len(t) < len("-Original Message-"):
		return false
	case t[0] == 'B' || t[0] == 'b':
		return strings.EqualFold(t, "Begin forwarded message:")
	case t[0] != '-' || t[len(t)-1] != '-':
		return false
	}
	inner := strings.Trim(t, "- ")
	return len(t)-len(inner) >= 4 && (strings.EqualFold(inner, "Original Message") || strings.EqualFold(inner, "Forwarded Message"))
}

// maxHeaderLines bounds the lines of a header block (a long chain of
// "Received:" fields is some tens), so that looking for one costs a
// bounded read: a document of separator lines and folded-looking lines
// would otherwise be read to its end from each.
const maxHeaderLines = 200

// isMailField reports whether a header field's name, in any case, is one
// of mailFields (without allocating: a look for an embedded header block
// reads every paragraph's first line).
func isMailField(name string) bool {
	var buf [24]byte
	if len(name) > len(buf) {
		return false
	}
	for i := range len(name) {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return mailFields[string(buf[:len(name)])]
}

// skipMessageHeader returns the offset after the message header block that
// opens src at pos (see above), or pos.
//
// At the start of a document (first set) the block may open with folded
// lines: an archive that kept a message from its second header line on
// (20 Newsgroups' posts that open with the rest of a long "Path:" value,
// " cs.utexas.edu!uunet!...!keith").
func skipMessageHeader(src string, pos int, first bool) int {
	p := pos
	if _, end, next := nextLine(src, p); mboxLine(src[p:end]) {
		p = next
	}
	fields, mail := 0, false
	for n := 0; p < len(src); n++ {
		start, end, next := nextLine(src, p)
		l := src[start:end]
		if strings.TrimSpace(l) == "" {
			break
		}
		if n == maxHeaderLines || forwardSeparator(l) {
			return pos // too long, or another message's separator
		}
		switch name, ok := headerField(l); {
		case ok:
			fields++
			mail = mail || isMailField(name)
		case fields > 0 && (l[0] == ' ' || l[0] == '\t'),
			first && fields == 0 && n < maxHeaderLines/2 && (l[0] == ' ' || l[0] == '\t') && !strings.ContainsAny(strings.TrimSpace(l), " \t"):
			// A folded value; at a document's start, the rest of a long
			// one ("Path:"), one word.
		default:
			return pos
		}
		p = next
	}
	if fields < 2 || !mail {
		return pos
	}
	return p
}

// headerField returns the name of the header field line l opens: printable
// ASCII but the colon and space, then a colon and a space, a tab or the end
// of the line.
func headerField(l string) (string, bool) {
	i := 0
	for i < len(l) && l[i] > ' ' && l[i] <= '~' && l[i] != ':' {
		i++
	}
	if i == 0 || i >= len(l) || l[i] != ':' || i+1 < len(l) && l[i+1] != ' ' && l[i+1] != '\t' {
		return "", false
	}
	return l[:i], true
}
