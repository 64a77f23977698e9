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
		{"y = f(x); // scaled", 1},
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
		{"(a) is ordinarily resident in the State;", -1},
		{"The tenant shall pay the rent (monthly, in advance);", -1},
		{"including the party(ies) named above;", -1},
		{"as set out in section 5(a);", -1},
		{"Fixed a crash when the config file is empty in parse_args()", -1},
		{"Senator Smith (Democrat)", -1},
		{"Jones (Smith, Brown)", -1},
		{"int main(int argc, char **argv)", 1},
		{"void ExitCallback (gw, closure, call_data)", 1},
		{"free(p);", 1},
		{"XChangeGC (display, w_gc8, mask, &values);", 1},
		{"printf (\"done\\n\");", 1},
		{"static void", 1},
		{"total = 0", 1},
		{"total += len(line.split())", 1},
		{"let name = \"world\"", 1},
		{"a[i] = b[i] * 2", 1},
		{"return total", 1},
		{"for line in f:", 1},
		{"return to sender", -1},
		{"Let x = 5.", -1},
		{"if x == y then the two agree", -1},
		{"for example in this case the rule fails", -1},
		{"The ratio a = b holds here", -1},
		{"Cornerstone=Christ", -1},
		{"Foundation= Apostles=New Testament", -1},
		{"x = y", 1},
		{"# if the offer stands, call me", 0},
		{"#if defined(X)", 1},
		{"} while (n > 0);", 1},
		{"} bob vesterman.", -1},
		{"} i'm telling you, sam, three l's.", -1},
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
		{"clauses lettered (a), (b), ... each ending with ';'",
			"A person is eligible for the grant if the person:\n(a) is ordinarily resident in the State;\n(b) has attained the age of 18 years;\n(c) is not in receipt of any other grant under this Act;\n",
			[]w{para("A person is eligible for the grant if the person:"), para("(a) is ordinarily resident in the State;"), para("(b) has attained the age of 18 years;"), para("(c) is not in receipt of any other grant under this Act;")}},
		{"numbered terms with a bracket, ending with ';'",
			"1. The tenant shall pay the rent (monthly, in advance);\n2. The tenant shall keep the premises clean (inside and out);\n3. The landlord shall insure the building.\n",
			[]w{item("The tenant shall pay the rent (monthly, in advance);"), item("The tenant shall keep the premises clean (inside and out);"), item("The landlord shall insure the building.")}},
		{"a '*' list whose wrapped lines end with ');'",
			"Things to bring on the hike:\n* A warm jacket and a hat, since the summit is cold\n  (even in summer);\n* Water, at least two litres per person\n  (there is no spring on the route);\n",
			[]w{para("Things to bring on the hike:"),
				itemT("A warm jacket and a hat, since the summit is cold\n  (even in summer);", "A warm jacket and a hat, since the summit is cold (even in summer);"),
				itemT("Water, at least two litres per person\n  (there is no spring on the route);", "Water, at least two litres per person (there is no spring on the route);")}},
		{"release notes naming functions",
			"Release 2.3 fixes two bugs:\n- Fixed a crash when the config file is empty in parse_args()\n- The importer no longer hangs on large files in os.walk()\n",
			[]w{para("Release 2.3 fixes two bugs:"), item("Fixed a crash when the config file is empty in parse_args()"), item("The importer no longer hangs on large files in os.walk()")}},
		{"prose running into code, no blank line between",
			"You are right to map the window before drawing into it.\nHowever, the server may not have mapped it yet when you draw:\nXMapWindow(display, win);\nXFlush(display);\nXDrawLine(display, win, gc, 0, 0, 10, 10);\n",
			[]w{paraT("You are right to map the window before drawing into it.\nHowever, the server may not have mapped it yet when you draw:", "You are right to map the window before drawing into it. However, the server may not have mapped it yet when you draw:")}},
		{"a reply quoted with '#', one line of it reading like a directive",
			"# Well, would they do the same\n# if the chance came up?\n# I think not.\n",
			[]w{paraT("# Well, would they do the same\n# if the chance came up?", "# Well, would they do the same # if the chance came up?"), para("# I think not.")}},
		{"a Python function without semicolons",
			"Here is my script:\n\ndef count_words(path):\n    total = 0\n    with open(path) as f:\n        for line in f:\n            total += len(line.split())\n    return total\n\nIt is slow on big files.\n",
			[]w{para("Here is my script:"), para("It is slow on big files.")}},
		{"JavaScript without semicolons",
			"const total = items.reduce((a, b) => a + b, 0)\nlet name = \"world\"\nconsole.log(`hello ${name}`)\n\nThat prints hello world.\n",
			[]w{para("That prints hello world.")}},
		{"prose before a brace",
			"Your code may be doing something like this:\n{\nint i;\ni = 0;\n}\n",
			[]w{para("Your code may be doing something like this:")}},
		{"a function's type and head on lines of their own",
			"int\nmain(int argc, char **argv)\n{\n    return 0;\n}\n\nThat is all.\n",
			[]w{para("That is all.")}},
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
		dash, ok            bool
	}{
		{"sed 's/^X//' << 'SHAR_EOF' > rules &&", "X", "SHAR_EOF", false, true},
		{`sed "s/^X//" >'mkentry.c' <<'END_OF_FILE'`, "X", "END_OF_FILE", false, true},
		{`  sed 's/^X//' << \SHAR_EOF > 'a b'`, "X", "SHAR_EOF", false, true},
		{"sed -e 's/^@@//' <<EOF >x", "@@", "EOF", false, true},
		{"sed 's/^X//' >rules << 'END-of-rules'", "X", "END-of-rules", false, true}, // 4.4BSD shar
		{"\tsed 's/^X//' <<- EOF > readme", "X", "EOF", true, true},
		{`sed 's/^X//' << "END OF FILE" > f`, "X", "END OF FILE", false, true},
		{"cat << 'EOF' > notes", "", "", false, false},                  // no prefix to strip
		{"sed 's/^ *//' << EOF", "", "", false, false},                  // a pattern, not a prefix
		{"We used sed to fix it, << the old way", "", "", false, false}, // prose
		{"sed 's/^X//' <<", "", "", false, false},                       // no delimiter
	}
	for _, tt := range tests {
		p, d, dash, ok := sharFile(tt.line)
		if p != tt.prefix || d != tt.delim || dash != tt.dash || ok != tt.ok {
			t.Errorf("sharFile(%q) = %q, %q, %v, %v, want %q, %q, %v, %v", tt.line, p, d, dash, ok, tt.prefix, tt.delim, tt.dash, tt.ok)
		}
	}
}

func TestSharForms(t *testing.T) {
	const rules = "XThe contest is open to anyone who writes a short program.\nX\nXEntries are judged by three readers.\n"
	tests := []struct {
		name, in string
		want     []string
	}{
		{"GNU sharutils: files one after another, no blank line",
			"#!/bin/sh\n# This is a shell archive (produced by GNU sharutils 4.2.1).\nif test -f 'rules'; then\n  echo 'x - skipping rules'\nelse\nsed 's/^X//' << 'SHAR_EOF' > 'rules' &&\n" + rules +
				"SHAR_EOF\n  $shar_touch -am 0101 'rules' &&\n  chmod 0644 'rules' ||\n  echo 'restore of rules failed'\nfi\necho 'x - extracting guide (text)'\nsed 's/^X//' << 'SHAR_EOF' > 'guide' &&\nXThe guide says how to send an entry by mail.\nSHAR_EOF\nexit 0\n",
			[]string{"The contest is open to anyone who writes a short program.", "Entries are judged by three readers.", "The guide says how to send an entry by mail."}},
		{"4.4BSD shar: a delimiter with dashes",
			"echo x - rules\nsed 's/^X//' >rules << 'END-of-rules'\n" + rules + "END-of-rules\nexit\n",
			[]string{"The contest is open to anyone who writes a short program.", "Entries are judged by three readers."}},
		{"<<- and a tab before the delimiter",
			"Intro of the post.\n\n\tsed 's/^X//' <<- EOF > readme\n" + rules + "\tEOF\n\nXavier closes the post.\n",
			[]string{"Intro of the post.", "The contest is open to anyone who writes a short program.", "Entries are judged by three readers.", "Xavier closes the post."}},
		{"a sed line in prose, no file after it",
			"Run this in a shell:\nsed 's/^X//' << EOF\nand type the file.\n\nXerxes was a king of Persia.\n",
			[]string{"Run this in a shell:", "sed 's/^X//' << EOF and type the file.", "Xerxes was a king of Persia."}},
		{"a here-document never closed",
			"sed 's/^X//' << EOF > f\nXylophones are played with mallets.\n",
			[]string{"sed 's/^X//' << EOF > f", "Xylophones are played with mallets."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, u := range SplitText(tt.in, Paragraph) {
				got = append(got, u.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("units %q, want %q", got, tt.want)
			}
			checkSplit(t, &Document{Format: Text, Text: tt.in}, true)
		})
	}
}
