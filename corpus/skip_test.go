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
		want int
	}{
		{"M6EM<75Y?8&%B8V1E9F=H:6IK;&UN;W!Q<G-T=79W>'EZ>WQ]?G^ @8*#A(6&", uuData},
		{"begin 644 picture.gif", uuData},
		{"begin 0644 a.zip", uuData},
		{"D2&5L;&\\L('=O<FQD(2!4:&ES(&ES(&$@<VUA;&P@9FEL92X*", uuLike},    // a last line: 36 bytes
		{"M0DTV5P< #8$ H ( , %@\" ! @ M $ ! @@P![( @ \"!A> #!_F", uuLike}, // its trailing spaces lost
		{"begin the meeting at 9", uuNone},
		{"FOR MORE INFORMATION AND APPLICATION MATERIALS CONTACT", uuNone}, // 53 long, as 'F' wants
		{"MR. JONES: OBJECTION, YOUR HONOR. IT'S HEARSAY.", uuLike},        // capitals: never data alone
		{"THESE ARE MY OPINIONS ONLY AND NOT THOSE OF MY EMPLOYER!!!!!!!!!!!!!!!!!!!", uuLike},
		{"(614)-459-4256", uuNone},
		{"2ND CALL FOR PRESENTATIONS", uuNone},
		{"Mitch------------------------------------>jmcocker@eos.ncsu.edu", uuNone},
		{"MEETING AGENDA: BUDGET, ROADS, HARBOUR, SCHOOLS (1993-94) AND", uuNone},
	} {
		if got := uuLine(tt.in); got != tt.want {
			t.Errorf("uuLine(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// TestCapitalsNotData: lines in capitals that could read as uuencoded data
// stay prose when no full line of data is beside them.
func TestCapitalsNotData(t *testing.T) {
	for _, in := range []string{
		"MR. JONES: OBJECTION, YOUR HONOR. IT'S HEARSAY.\nMR. SMITH: YES, SIR. I SAW HIM AT 9:30, I THINK.\n",
		"THESE ARE MY OPINIONS ONLY AND NOT THOSE OF MY EMPLOYER!!!!!!!!!!!!!!!!!!!\n",
		"1987    1,234.5     12.3%\n1988    1,301.2     11.9%\n1989    1,377.0     12.8%\n",
	} {
		us, sk := SplitSkips(&Document{Text: in}, Paragraph)
		if len(sk) != 0 || len(us) == 0 {
			t.Errorf("%q: units %+v, skips %+v; want it kept", in, us, sk)
		}
	}
}
