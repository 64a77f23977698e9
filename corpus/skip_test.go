package corpus

import (
	"slices"
	"testing"
)

// TestSplitSkips checks what each kind of input leaves out of its units,
// and why: the text of every skip, in order.
func TestSplitSkips(t *testing.T) {
	type skip struct {
		reason SkipReason
		text   string
	}
	tests := []struct {
		name   string
		format Format
		in     string
		want   []skip
	}{
		{"mail header and attribution", Text,
			"From: jo@example.org (Jo Smith)\nSubject: Re: the harbour vote\nLines: 4\n\n" +
				"In article <1993Apr5.1@example.com> ed@example.com writes:\n>The council voted to dredge the harbour.\n\n" +
				"I doubt the figure the council gave for it.\n",
			[]skip{{SkipMetadata, "From: jo@example.org (Jo Smith)\nSubject: Re: the harbour vote\nLines: 4\n\n" +
				"In article <1993Apr5.1@example.com> ed@example.com writes:"}}},
		{"program between prose", Text,
			"Here is the loop I use to read the joystick port.\n\nint main(void) {\n    int x = readjoy(0);\n    return x;\n}\n\n" +
				"It returns zero when nothing is plugged in.\n",
			[]skip{{SkipCode, "int main(void) {\n    int x = readjoy(0);\n    return x;\n}"}}},
		{"a program split at a blank line is one part", Text,
			"int x = 1;\nint y = 2;\n\nx = y + 1;\nreturn x;\n\nThat is all it does.\n",
			[]skip{{SkipCode, "int x = 1;\nint y = 2;\n\nx = y + 1;\nreturn x;"}}},
		{"uuencoded file", Text,
			"Here is the picture you asked for.\n\nbegin 644 data.bin\n" +
				"M  $\" P0%!@<(\"0H+# T.#Q 1$A,4%187&!D:&QP='A\\@(2(C)\"4F)R@I*BLL\n" +
				"M+2XO,#$R,S0U-C<X.3H[/#T^/T!!0D-$149'2$E*2TQ-3D]045)35%565UA9\n" +
				"M6EM<75Y?8&%B8V1E9F=H:6IK;&UN;W!Q<G-T=79W>'EZ>WQ]?G^ @8*#A(6&\n" +
				"D2&5L;&\\L('=O<FQD(2!4:&ES(&ES(&$@<VUA;&P@9FEL92X*\n`\nend\n",
			[]skip{{SkipCode, "begin 644 data.bin\n" +
				"M  $\" P0%!@<(\"0H+# T.#Q 1$A,4%187&!D:&QP='A\\@(2(C)\"4F)R@I*BLL\n" +
				"M+2XO,#$R,S0U-C<X.3H[/#T^/T!!0D-$149'2$E*2TQ-3D]045)35%565UA9\n" +
				"M6EM<75Y?8&%B8V1E9F=H:6IK;&UN;W!Q<G-T=79W>'EZ>WQ]?G^ @8*#A(6&\n" +
				"D2&5L;&\\L('=O<FQD(2!4:&ES(&ES(&$@<VUA;&P@9FEL92X*\n`"}}},
		{"shell archive wrapper", Text,
			"#!/bin/sh\n# This is a shell archive.\nsed 's/^X//' << 'SHAR_EOF' > notes.txt\n" +
				"XThe harbour will be dredged next spring, the council said.\nSHAR_EOF\nexit 0\n",
			[]skip{{SkipCode, "#!/bin/sh\n# This is a shell archive.\nsed 's/^X//' << 'SHAR_EOF' > notes.txt"}, {SkipCode, "SHAR_EOF\nexit 0"}}},
		{"Markdown front matter and fences", Markdown,
			"---\ntitle: Harbour notes\n---\n\nThe council met on Tuesday.\n\n```sh\necho dredge\n```\n\nIt voted to dredge.\n\n~~~\nunclosed\n",
			[]skip{{SkipMetadata, "---\ntitle: Harbour notes\n---"}, {SkipCode, "```sh\necho dredge\n```"}, {SkipCode, "~~~\nunclosed"}}},
		{"HTML code", HTML,
			"<p>The council met.</p><pre><code>x := dredge(1)\ny := 2</code></pre><p>It voted.</p>" +
				"<pre class=\"language-go\">fmt.Println(x)</pre><pre>int x = 1;\nint y = 2;\n</pre><pre>A poem, set in pre,\nis prose.</pre>",
			[]skip{{SkipCode, "<code>x := dredge(1)\ny := 2</code>"}, {SkipCode, "<pre class=\"language-go\">fmt.Println(x)</pre>"}, {SkipCode, "int x = 1;\nint y = 2;"}}},
		{"prose alone", Text, "The council met on Tuesday.\n\nIt voted to dredge the harbour.\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &Document{Format: tt.format, Text: tt.in}
			us, sk := SplitSkips(doc, Paragraph)
			if err := checkSkips(tt.in, sk, us); err != nil {
				t.Fatal(err)
			}
			var got []skip
			for _, k := range sk {
				got = append(got, skip{k.Reason, tt.in[k.Start:k.End]})
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("skips:\n got %+v\nwant %+v", got, tt.want)
			}
			if !slices.Equal(us, Split(doc, Paragraph)) {
				t.Errorf("SplitSkips's units differ from Split's")
			}
		})
	}
}

func TestUULine(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"M6EM<75Y?8&%B8V1E9F=H:6IK;&UN;W!Q<G-T=79W>'EZ>WQ]?G^ @8*#A(6&", true},
		{"D2&5L;&\\L('=O<FQD(2!4:&ES(&ES(&$@<VUA;&P@9FEL92X*", true},    // 36 bytes
		{"M0DTV5P< #8$ H ( , %@\" ! @ M $ ! @@P![( @ \"!A> #!_F", true}, // its trailing spaces lost
		{"begin 644 picture.gif", true},
		{"begin 0644 a.zip", true},
		{"begin the meeting at 9", false},
		{"FOR MORE INFORMATION AND APPLICATION MATERIALS CONTACT", false}, // 53 long, as 'F' wants
		{"(614)-459-4256", false},
		{"2ND CALL FOR PRESENTATIONS", false},
		{"Mitch------------------------------------>jmcocker@eos.ncsu.edu", false},
		{"MEETING AGENDA: BUDGET, ROADS, HARBOUR, SCHOOLS (1993-94) AND", false},
	} {
		if got := uuLine(tt.in); got != tt.want {
			t.Errorf("uuLine(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestSplitAutoSniffs: a Document whose Format is left Auto, as a
// scraper's library call may leave it, is read as HTML when it opens with
// a tag, and as plain text otherwise.
func TestSplitAutoSniffs(t *testing.T) {
	page := "<!DOCTYPE html>\n<html><head><title>Harbour</title><script>var x = 1;</script></head>\n" +
		"<body><nav><a href=\"/\">Home</a></nav><p>The council voted to dredge the harbour.</p></body></html>\n"
	us := Split(&Document{Text: page}, Paragraph)
	if len(us) != 1 || us[0].Text != "The council voted to dredge the harbour." {
		t.Errorf("page: units %+v, want the paragraph alone", us)
	}
	text := "The council voted 5 < 6 to dredge.\n\n<b> is a tag, they said.\n"
	us = Split(&Document{Text: text}, Paragraph)
	if len(us) != 2 || us[1].Text != "<b> is a tag, they said." {
		t.Errorf("text: units %+v, want two paragraphs as written", us)
	}
}
