package corpus

import (
	"strings"
	"testing"
)

func TestCodeLine(t *testing.T) {
	tests := []struct {
		line string
		want int
	}{
		// Code.
		{"int argc;", 1},
		{"    return 0;", 1},
		{"xargv = (char **) XtMalloc (argc * sizeof (char *));", 1},
		{"p->next = q;", 1},
		{"main(argc, argv)", 1},
		{"do_sphere( r, freq, x, y, z )", 1},
		{"if (den != 0.0) {", 1},
		{"for (i = 0; i < n; i++)", 1},
		{"while(!kbhit())", 1},
		{"} else {", 1},
		{"}", 1},
		{"});", 1},
		{"#include <stdio.h>", 1},
		{"#define IMAGEWIDTH 300", 1},
		{"int x; /* the count */", 1},
		{"/* set up */ x = 0;", 1},
		{"y = f(x); // scaled", -1}, // read as prose: the rest of its block decides
		{"def tokens(text):", 1},
		{"with open(path) as f:", 1},
		{"return json.load(f)", 1},
		{"class Scanner(object):", 1},
		{"import os", 1},
		{"from collections import Counter", 1},
		{"foreach $key (sort keys %acro) {", 1},
		// Neither: comments and punctuation.
		{"/* check the last read on the input file */", 0},
		{" * reads the remark file", 0},
		{"// TODO", 0},
		{"# configuration", 0},
		{"", 0},
		{"----------", 0},
		// Prose.
		{"The council met on Monday; the vote was close.", -1},
		{"the old harbour, the new bridge and the ring road;", -1},
		{"Are you a local news intern? (-;", -1},
		{"if interested (Dallas Area)", -1},
		{"Prices rose (see the table below)", -1},
		{"Note: the office moves in May.", -1},
		{"If you want to enter:", -1},
		{"Import duties rose 4 pct in the year", -1},
		{"The class of 1993 met again:", -1},
		{"with the council:", -1},
		{"For details (and prices) see the list", -1},
		{"Call me (after 6 pm) if interested.", -1},
	}
	for _, tt := range tests {
		if got := codeLine(tt.line); got != tt.want {
			t.Errorf("codeLine(%q) = %d, want %d", tt.line, got, tt.want)
		}
	}
}

func TestCodeBlocks(t *testing.T) {
	tests := []struct {
		name, in string
		want     []w
	}{
		{"C between prose paragraphs",
			"Here is the loop that hangs:\n\n    for (i = 0; i < n; i++) {\n        total += count[i];\n    }\n\nIt never ends when n is zero.\n",
			[]w{para("Here is the loop that hangs:"), para("It never ends when n is zero.")}},
		{"a program split at blank lines, its comment alone",
			"I wrote this:\n\n/* read the joystick port */\n\nint readjoy(int *x)\n{\n    return inp(0x201);\n}\n\nAny ideas?\n",
			[]w{para("I wrote this:"), para("Any ideas?")}},
		{"one statement on its own line",
			"Try calling\n\nXSetWMNormalHints(display, window, hints);\n\nbefore mapping the window.\n",
			[]w{para("Try calling"), para("before mapping the window.")}},
		{"Python",
			"The scraper does this:\n\nimport json\n\ndef load(path):\n    with open(path) as f:\n        return json.load(f)\n\nIt fails on empty files.\n",
			[]w{para("The scraper does this:"), para("It fails on empty files.")}},
		{"quoted code",
			"> x = malloc(n);\n> free(x);\n\nYou free it twice.\n",
			[]w{para("You free it twice.")}},
		// Prose that has a line of code-like syntax stays.
		{"a wrapped paragraph with one line ending in ';'",
			"The council approved the budget for the harbour (the dredging;\nthe new quay and the ferry terminal) after a long debate that\nran well into the evening, and the mayor thanked the staff.\n",
			[]w{paraT("The council approved the budget for the harbour (the dredging;\nthe new quay and the ferry terminal) after a long debate that\nran well into the evening, and the mayor thanked the staff.",
				"The council approved the budget for the harbour (the dredging; the new quay and the ferry terminal) after a long debate that ran well into the evening, and the mayor thanked the staff.")}},
		{"a list of items ending with ';'",
			"The plan covers:\n- the harbour;\n- the ferry terminal;\n- the ring road.\n",
			[]w{para("The plan covers:"), item("the harbour;"), item("the ferry terminal;"), item("the ring road.")}},
		{"a bullet list with '*' markers",
			"* harbour dredging\n* new quay\n",
			[]w{item("harbour dredging"), item("new quay")}},
		{"a smiley",
			"Are you a local news intern? (-;\n",
			[]w{para("Are you a local news intern? (-;")}},
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

func TestCodeMarkdownParagraph(t *testing.T) {
	for _, in := range []string{
		"Call it like this:\n\nresult = scan(paths, opts);\nprint(result);\n\nThen read the report.\n",
		"Call it like this:\n\n    for (i = 0; i < n; i++) {\n        total += count[i];\n    }\n\nThen read the report.\n", // indented
	} {
		got := Split(&Document{Format: Markdown, Text: in}, Paragraph)
		if d := diffUnits(got, units(t, in, para("Call it like this:"), para("Then read the report."))); d != "" {
			t.Errorf("%q: %s", in, d)
		}
	}
}

func TestCodeHTML(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"pre and code",
			`<p>Install it:</p><pre><code>go install ./cmd/neardup
neardup scan testdata</code></pre><p>Then scan.</p>`,
			[]string{"Install it:", "Then scan."}},
		{"pre with a language class",
			`<p>Example:</p><pre class="language-python">print("hello")</pre><p>Done.</p>`,
			[]string{"Example:", "Done."}},
		{"highlighted pre",
			`<div class="highlight"><pre class="chroma"><span class="kd">func</span> <span class="nf">main</span><span class="p">()</span> <span class="p">{</span>
	<span class="nx">fmt</span><span class="p">.</span><span class="nf">Println</span><span class="p">(</span><span class="s">"hi"</span><span class="p">)</span>
<span class="p">}</span></pre></div><p>That prints hi.</p>`,
			[]string{"That prints hi."}},
		{"plain pre of code",
			"<p>The fix:</p><pre>\nif (n &gt; 0) {\n    total = sum(a, n);\n}\n</pre><p>Works now.</p>",
			[]string{"The fix:", "Works now."}},
		{"plain pre of verse stays",
			"<pre>The harbour lies still,\nthe ferries sleep at the quay;\nthe tide turns at dawn.</pre>",
			[]string{"The harbour lies still, the ferries sleep at the quay; the tide turns at dawn."}},
		{"inline code in prose stays",
			`<p>Run <code>neardup scan</code> on the folder.</p>`,
			[]string{"Run neardup scan on the folder."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &Document{Format: HTML, Text: tt.in}
			us := Split(doc, Paragraph)
			if err := checkUnits(doc.Text, us); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, u := range us {
				got = append(got, u.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("units %q, want %q", got, tt.want)
			}
		})
	}
}

// sharPost is a post carrying a text file and a program in a shell
// archive.
const sharPost = `Here are the contest rules and the entry tool.

#!/bin/sh
# This is a shell archive (produced by shar 3.49)
# To extract the files from this archive, save it to a file and type "sh file".
echo "x - extracting rules (Text)"
sed 's/^X//' << 'SHAR_EOF' > rules &&
XThe contest is open to anyone. Entries must be sent
Xbefore the first of May to the address below.
X
XEach entry is judged by two readers.
SHAR_EOF
chmod 0444 rules ||
echo "restore of rules failed"
echo "x - extracting entry.c (Text)"
sed 's/^X//' << 'SHAR_EOF' > entry.c &&
X#include <stdio.h>
X
Xint
Xmain(int argc, char **argv)
X{
X    printf("send your entry\n");
X    return 0;
X}
SHAR_EOF
exit 0

Good luck to all.
`

func TestSharArchive(t *testing.T) {
	got := SplitText(sharPost, Paragraph)
	want := units(t, sharPost,
		para("Here are the contest rules and the entry tool."),
		paraT("The contest is open to anyone. Entries must be sent\nXbefore the first of May to the address below.",
			"The contest is open to anyone. Entries must be sent before the first of May to the address below."),
		para("Each entry is judged by two readers."),
		para("Good luck to all."))
	if d := diffUnits(got, want); d != "" {
		t.Error(d)
	}
	checkSplit(t, &Document{Format: Text, Text: sharPost}, true)
}

func TestSharFile(t *testing.T) {
	tests := []struct {
		line, prefix, delim string
		ok                  bool
	}{
		{"sed 's/^X//' << 'SHAR_EOF' > rules &&", "X", "SHAR_EOF", true},
		{`sed "s/^X//" >'mkentry.c' <<'END_OF_FILE'`, "X", "END_OF_FILE", true},
		{`  sed 's/^X//' << \SHAR_EOF > 'a b'`, "X", "SHAR_EOF", true},
		{"sed -e 's/^@@//' <<EOF >x", "@@", "EOF", true},
		{"cat << 'EOF' > notes", "", "", false},                  // no prefix to strip
		{"sed 's/^ *//' << EOF", "", "", false},                  // a pattern, not a prefix
		{"We used sed to fix it, << the old way", "", "", false}, // prose
		{"sed 's/^X//' <<", "", "", false},                       // no delimiter
	}
	for _, tt := range tests {
		p, d, ok := sharFile(tt.line)
		if p != tt.prefix || d != tt.delim || ok != tt.ok {
			t.Errorf("sharFile(%q) = %q, %q, %v, want %q, %q, %v", tt.line, p, d, ok, tt.prefix, tt.delim, tt.ok)
		}
	}
}
