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
