package corpus

import "testing"

func TestMessageHeader(t *testing.T) {
	tests := []struct {
		name, in string
		first    string // text of the first unit
	}{
		{"usenet article", "From: reader@example.org (A. Reader)\nSubject: Re: Harbour dredging plan\nOrganization: Example Net\nLines: 24\n\nThe council voted on Tuesday.\n",
			"The council voted on Tuesday."},
		{"folded value", "Received: from mx.example.org\n\tby mail.example.com; Tue, 6 Apr 1993\nFrom: Editor <ed@example.com>\nSubject: Dredging\n\nBody text here.\n",
			"Body text here."},
		{"mbox separator", "From alice@example.org Mon Jan  1 00:00:00 2024\nFrom: Alice <alice@example.org>\nTo: Bob <bob@example.org>\n\nSee you at noon.\n",
			"See you at noon."},
		{"CRLF", "From: a@example.org\r\nSubject: Hi\r\n\r\nHello there.\r\n", "Hello there."},
		{"opening with a folded value", " cs.utexas.edu!uunet!olivea!nntp-server.caltech.edu!keith\nSubject: Re: Political Atheists?\nFrom: keith@cco.caltech.edu (Keith Allan Schneider)\nOrganization: California Institute of Technology\n\nThe body of the post.\n",
			"The body of the post."},
		{"indented prose before a header", "    Please read the posting rules first.\n    The moderators remove posts that break them.\nFrom: moderator@example.org\nNewsgroups: misc.test\n\nBody of the post.\n",
			"Please read the posting rules first."},
		{"an indented paragraph, no header", "  The council voted on Tuesday to dredge the harbour.\nIt will cost 2.5 million dollars.\n\nMore.\n", "The council voted on Tuesday to dredge the harbour."},
		// Not message headers: kept as text.
		{"no message field", "Title: Harbour plan\nAuthor: The Editor\n\nThe council voted.\n", "Title: Harbour plan"},
		{"one field", "From: the editor\n\nThe council voted.\n", "From: the editor"},
		{"prose line in the block", "From: a@example.org\nSubject: Hi\nthe council voted on Tuesday\n\nMore.\n", "From: a@example.org"},
		{"no space after the colon", "From:a@example.org\nSubject:Hi\n\nBody.\n", "From:a@example.org"},
		{"headers not first", "Hello.\n\nFrom: a@example.org\nSubject: Hi\n\nBody.\n", "Hello."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			us := SplitText(tt.in, Paragraph)
			if len(us) == 0 || us[0].Text != tt.first {
				t.Fatalf("first unit %+v, want %q", us, tt.first)
			}
			if got := tt.in[us[0].Start:us[0].End]; got != tt.first && tt.name != "CRLF" {
				t.Errorf("unit text %q at [%d,%d) is %q in the input", tt.first, us[0].Start, us[0].End, got)
			}
		})
	}
	// Markdown keeps its own rule (front matter); a JSONL record's text is
	// plain text, as a file's is.
	md := Document{Format: Markdown, Text: "From: a@example.org\nSubject: Hi\n\nBody.\n"}
	if us := Split(&md, Paragraph); len(us) == 0 || us[0].Text == "Body." {
		t.Errorf("Markdown: %+v; want the header lines kept", us)
	}
}

// TestEmbeddedMessageHeader: the headers of a message quoted or forwarded
// inside another, after a mail program's separator line or as a paragraph
// of their own, are metadata; the message after them stays text.
func TestEmbeddedMessageHeader(t *testing.T) {
	tests := []struct {
		name, in string
		want     []w
	}{
		{"Outlook reply",
			"Yes, Thursday works.\nBob\n-----Original Message-----\nFrom: Alice Smith [mailto:alice@example.org]\nSent: Monday, May 1, 2023 10:00 AM\nTo: Bob Jones\nSubject: RE: harbour budget review\n\nCan we meet on Thursday to go through the harbour budget?\n",
			[]w{para("Yes, Thursday works."), para("Bob"), para("Can we meet on Thursday to go through the harbour budget?")}},
		{"Thunderbird forward",
			"FYI.\n\n-------- Forwarded Message --------\nSubject: Dredging\nDate: Tue, 6 Apr 1993 10:00:00 +0000\nFrom: Editor <ed@example.com>\nTo: desk@example.com\n\nThe dredging starts in May.\n",
			[]w{para("FYI."), para("The dredging starts in May.")}},
		{"Apple Mail forward",
			"See below.\n\nBegin forwarded message:\n\nFrom: Editor <ed@example.com>\nSubject: Dredging\n\nThe dredging starts in May.\n",
			[]w{para("See below."), para("Begin forwarded message:"), para("The dredging starts in May.")}},
		{"a forwarded article's headers alone",
			"I found this on the net.\n\nFrom: td@example.org (Tom)\nNewsgroups: comp.graphics\nSubject: Re: dithering\n\nUse error diffusion.\n",
			[]w{para("I found this on the net."), para("Use error diffusion.")}},
		// Not message headers: kept as text.
		{"separator before prose",
			"Thanks.\n-----Original Message-----\nCan we meet on Thursday?\n",
			[]w{para("Thanks."), para("-----Original Message-----"), para("Can we meet on Thursday?")}},
		{"fields without a message field",
			"Notes.\n\nTitle: Harbour plan\nAuthor: The Editor\n\nThe council voted.\n",
			[]w{para("Notes."), para("Title: Harbour plan"), para("Author: The Editor"), para("The council voted.")}},
		{"a paragraph opening with From, then fields",
			"Minutes.\n\nFrom Monday the office moves.\nPath: use the east entrance\nNote: parking is free\n",
			[]w{para("Minutes."), para("From Monday the office moves."), para("Path: use the east entrance"), para("Note: parking is free")}},
		{"an mbox line and headers inside",
			"Forwarded below.\n\nFrom alice Mon Jan  1 00:00:00 2024\nFrom: Alice <alice@example.org>\nTo: Bob\n\nSee you at noon.\n",
			[]w{para("Forwarded below."), para("See you at noon.")}},
		{"a FAQ's news.answers header",
			"Archive-name: harbour-faq/part2\nLast-modified: 1993/04/04\nVersion: 1.2\n\nThe harbour opens at six.\n",
			[]w{para("The harbour opens at six.")}},
		{"a line about an archive name",
			"Archive-name: harbour-faq/part2\n\nThe harbour opens at six.\n",
			[]w{para("Archive-name: harbour-faq/part2"), para("The harbour opens at six.")}},
		{"header lines going on a paragraph",
			"The memo said:\nFrom: the mayor\nSubject: dredging\n",
			[]w{para("The memo said:"), para("From: the mayor"), para("Subject: dredging")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SplitText(tt.in, Paragraph)
			if d := diffUnits(got, units(t, tt.in, tt.want...)); d != "" {
				t.Error(d)
			}
		})
	}
}
