package corpus

import (
	"strings"
	"testing"
)

// long sentence lines, one paragraph a line, as scraped articles have them.
const (
	longA = "China's ties with Cambodia serve as the foundation for China's regional diplomatic efforts, fostering harmony, growth, and collective wealth."
	longB = "China's alliance with Cambodia serves as a pillar in China's regional diplomacy, fostering unity, growth, and mutual wealth."
)

func TestSplitTextParagraphs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []w
	}{
		{"empty", "", nil},
		{"only white space", " \n\t\n\u00a0\n", nil},
		{"blank lines separate", "First paragraph here.\n\nSecond one.\n",
			[]w{para("First paragraph here."), para("Second one.")}},
		{"white space collapsed", "Tabs\tand  spaces\u00a0and\nnew lines.",
			[]w{paraT("Tabs\tand  spaces\u00a0and\nnew lines.", "Tabs and spaces and new lines.")}},
		{"CRLF", "One line.\r\n\r\nTwo\r\nlines.\r\n",
			[]w{para("One line."), paraT("Two\r\nlines.", "Two lines.")}},
		{"byte order mark", "\uFEFFHello there.", []w{para("Hello there.")}},
		{"long sentence lines are paragraphs", longA + "\n" + longB + "\n",
			[]w{para(longA), para(longB)}},
		{"short sentence lines are paragraphs", "I like cats.\nDogs are fine too.\nBirds are loud.",
			[]w{para("I like cats."), para("Dogs are fine too."), para("Birds are loud.")}},
		{"title line then prose", "Steadfast alliance delivers\n" + longA,
			[]w{para("Steadfast alliance delivers"), para(longA)}},
		{"unfinished line continues in lower case", "It was a long\nday at work.",
			[]w{paraT("It was a long\nday at work.", "It was a long day at work.")}},
		{"a number at a line start continues the sentence", "By Tuesday evening officials said the death toll had risen to more than\n100. Officials said the number was expected to rise further this week.",
			[]w{paraT("By Tuesday evening officials said the death toll had risen to more than\n100. Officials said the number was expected to rise further this week.",
				"By Tuesday evening officials said the death toll had risen to more than 100. Officials said the number was expected to rise further this week.")}},
		{"a list that starts at 1 interrupts prose", "The council listed the projects it would pay for this year\n1. A new bridge.\n2. A school.",
			[]w{para("The council listed the projects it would pay for this year"), item("A new bridge."), item("A school.")}},
		{"a list after a colon", "The council listed three projects:\n2. A new bridge.\n3. A school.",
			[]w{para("The council listed three projects:"), item("A new bridge."), item("A school.")}},
		{"an item's wrapped line, then the next item", "1. A new bridge over the river, paid for by the\n   regional government and the city\n2. A school.",
			[]w{itemT("A new bridge over the river, paid for by the\n   regional government and the city", "A new bridge over the river, paid for by the regional government and the city"), item("A school.")}},
		{
			// 20 Newsgroups, alt.atheism/51060: wrapped at 79 columns, with
			// sentences ending at full line ends.
			"hard-wrapped Usenet prose",
			"Philip K. Dick Dick wrote many philosophical and thought-provoking short \n" +
				"stories and novels.  His stories are bizarre at times, but very approachable.\n" +
				"He wrote mainly SF, but he wrote about people, truth and religion rather than\n" +
				"technology.\n",
			[]w{paraT("Philip K. Dick Dick wrote many philosophical and thought-provoking short \n"+
				"stories and novels.  His stories are bizarre at times, but very approachable.\n"+
				"He wrote mainly SF, but he wrote about people, truth and religion rather than\n"+
				"technology.",
				"Philip K. Dick Dick wrote many philosophical and thought-provoking short stories and novels. "+
					"His stories are bizarre at times, but very approachable. He wrote mainly SF, but he wrote "+
					"about people, truth and religion rather than technology.")},
		},
		{
			"hard-wrapped prose with a deliberate break",
			"The argument goes as follows: Q-oid quotes appear in John, but not in\n" +
				"the almost codified way they were in Matthew or Luke.\n" +
				"However, they are considered to be similar enough to point to Q.\n",
			[]w{
				paraT("The argument goes as follows: Q-oid quotes appear in John, but not in\n"+
					"the almost codified way they were in Matthew or Luke.",
					"The argument goes as follows: Q-oid quotes appear in John, but not in the almost codified way they were in Matthew or Luke."),
				para("However, they are considered to be similar enough to point to Q."),
			},
		},
		{
			// Reuters-21578 #1: paragraphs start with a four-space indent,
			// some are one line long.
			"Reuters first-line indent",
			"Showers continued throughout the week in\n" +
				"the Bahia cocoa zone, alleviating the drought since early\n" +
				"January and improving prospects for the coming temporao.\n" +
				"    The dry period means the temporao will be late this year.\n" +
				"    Arrivals for the week ended February 22 were 155,221 bags\n" +
				"of 60 kilos making a cumulative total for the season of 5.93\n" +
				"mln against 5.81 at the same stage last year.\n",
			[]w{
				paraT("Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\nJanuary and improving prospects for the coming temporao.",
					"Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought since early January and improving prospects for the coming temporao."),
				para("The dry period means the temporao will be late this year."),
				paraT("Arrivals for the week ended February 22 were 155,221 bags\nof 60 kilos making a cumulative total for the season of 5.93\nmln against 5.81 at the same stage last year.",
					"Arrivals for the week ended February 22 were 155,221 bags of 60 kilos making a cumulative total for the season of 5.93 mln against 5.81 at the same stage last year."),
			},
		},
		{
			// Reuters-21578 #11: a results table, then a wrapped note.
			"Reuters table",
			"Shr 34 cts vs 1.19 dlrs\n" +
				"    Net 807,000 vs 2,858,000\n" +
				"    Assets 510.2 mln vs 479.7 mln\n" +
				"    Note: 4th qtr not available. Year includes 1985\n" +
				"extraordinary gain from tax carry forward of 132,000 dlrs, or\n" +
				"five cts per shr.\n",
			[]w{
				para("Shr 34 cts vs 1.19 dlrs"),
				para("Net 807,000 vs 2,858,000"),
				para("Assets 510.2 mln vs 479.7 mln"),
				paraT("Note: 4th qtr not available. Year includes 1985\nextraordinary gain from tax carry forward of 132,000 dlrs, or\nfive cts per shr.",
					"Note: 4th qtr not available. Year includes 1985 extraordinary gain from tax carry forward of 132,000 dlrs, or five cts per shr."),
			},
		},
		{
			// 20 Newsgroups, alt.atheism/51119: an attribution line, two
			// quote depths separated by a bare '>', and the reply.
			"e-mail quotes",
			"In article <65974@mimsy.umd.edu>\n" +
				"mangoe@cs.umd.edu (Charley Wingate) writes:\n" +
				" \n" +
				">>Well, John has a quite different, not necessarily more elaborated theology.\n" +
				">>There is some evidence that he must have known Luke.\n" +
				">\n" +
				">This is a new argument to me.  Could you elaborate a little?\n" +
				">\n" +
				" \n" +
				"The argument goes as follows.\n",
			[]w{
				// The attribution, wrapped over two lines, makes no unit.
				quoted(paraT("Well, John has a quite different, not necessarily more elaborated theology.\n>>There is some evidence that he must have known Luke.",
					"Well, John has a quite different, not necessarily more elaborated theology. There is some evidence that he must have known Luke.")),
				quoted(paraT("This is a new argument to me.  Could you elaborate a little?",
					"This is a new argument to me. Could you elaborate a little?")),
				para("The argument goes as follows."),
			},
		},
		{"spaced and Usenet quote markers", "> > Nested quote.\n> Single quote.\n|> Usenet quote.\nReply.",
			[]w{quoted(para("Nested quote.")), quoted(para("Single quote.")), quoted(para("Usenet quote.")), para("Reply.")}},
		{"quoted list item", "> - a quoted item\n", []w{quoted(item("a quoted item"))}},
		{"Usenet quotes with colons and bars", ": First quoted line\n: goes on here.\n\n| Barred quote.\n:: Nested.\nReply.\n",
			[]w{quoted(paraT("First quoted line\n: goes on here.", "First quoted line goes on here.")), quoted(para("Barred quote.")),
				quoted(para("Nested.")), para("Reply.")}},
		{"bars of a table and a smiley are no quote markers", "| a | b |\n\n:) fine\n",
			[]w{para("| a | b |"), para(":) fine")}},
		{
			"list markers",
			"1. one\n2) two\n• three\n- four\n* five\n– six\n· seven\n▪ eight\n◦ nine\n  10. ten\n",
			[]w{item("one"), item("two"), item("three"), item("four"), item("five"),
				item("six"), item("seven"), item("eight"), item("nine"), item("ten")},
		},
		{"not list markers", "-5 degrees.\n1.5 litres.\n1000. Too long.\n",
			[]w{para("-5 degrees."), para("1.5 litres."), para("1000. Too long.")}},
		{
			"list item with hanging continuation",
			"Some topics up for discussion during the talks at the summit included:\n" +
				"  1. Political mutual trust – Reinforcing Cambodia's status as a\n" +
				"     valuable strategic partner in the region.\n" +
				"  2. Security guarantees.\n",
			[]w{
				para("Some topics up for discussion during the talks at the summit included:"),
				itemT("Political mutual trust – Reinforcing Cambodia's status as a\n     valuable strategic partner in the region.",
					"Political mutual trust – Reinforcing Cambodia's status as a valuable strategic partner in the region."),
				item("Security guarantees."),
			},
		},
		{
			// The seed article, lines 58-61, shortened: list items, then
			// prose lines with no blank line before them.
			"list then prose lines",
			"  1. Xi's visit to Cambodia is anticipated to bring significant breakthroughs in relations.\n" +
				"  2. Despite the deepening cooperation, the relationship remains somewhat lopsided.\n" +
				longA + "\n" + longB + "\n",
			[]w{
				item("Xi's visit to Cambodia is anticipated to bring significant breakthroughs in relations."),
				item("Despite the deepening cooperation, the relationship remains somewhat lopsided."),
				para(longA), para(longB),
			},
		},
		{
			"inline list joints",
			"Trade is deepening but lopsided:- Trade growth – Trade soared past $12 billion.- Projects – The $2 billion Phnom Penh-Sihanoukville Expressway.- Challenges – U.S.-China tensions and U.S.-led initiatives.",
			[]w{
				para("Trade is deepening but lopsided:"),
				item("Trade growth – Trade soared past $12 billion."),
				item("Projects – The $2 billion Phnom Penh-Sihanoukville Expressway."),
				item("Challenges – U.S.-China tensions and U.S.-led initiatives."),
			},
		},
		{"hyphens and dashes are not joints", "A well-known - and old - idea: U.S.-made.",
			[]w{para("A well-known - and old - idea: U.S.-made.")}},
		{"signature separator", "Thanks for reading.\n-- \nRob Strom, IBM Research",
			[]w{para("Thanks for reading."), para("Rob Strom, IBM Research")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SplitText(tt.in, Paragraph)
			want := units(t, tt.in, tt.want...)
			if d := diffUnits(got, want); d != "" {
				t.Errorf("SplitText(%q, Paragraph): %s", tt.in, d)
			}
			if err := checkUnits(tt.in, got); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestSplitFormats checks that Split dispatches on the document format,
// that Text and JSONL documents split like SplitText, and that Auto is
// sniffed (this text opens with a heading: Markdown).
func TestSplitFormats(t *testing.T) {
	in := "# Title\n\n<p>Some *text* here.</p>\n"
	for _, f := range []Format{Text, JSONL} {
		got := Split(&Document{Format: f, Text: in}, Paragraph)
		if d := diffUnits(got, SplitText(in, Paragraph)); d != "" {
			t.Errorf("Split(format %q) differs from SplitText: %s", f, d)
		}
	}
	md := Split(&Document{Format: Markdown, Text: in}, Paragraph)
	if len(md) != 2 || md[0].Kind != KindHeading || md[1].Text != "Some text here." {
		t.Errorf("Split(Markdown) = %+v", md)
	}
	hd := Split(&Document{Format: HTML, Text: in}, Paragraph)
	if len(hd) != 2 || hd[1].Text != "Some *text* here." {
		t.Errorf("Split(HTML) = %+v", hd)
	}
	if d := diffUnits(Split(&Document{Format: Auto, Text: in}, Paragraph), md); d != "" {
		t.Errorf("Split(Auto) of a text opening with a heading differs from Markdown's: %s", d)
	}
	if got, want := Split(&Document{Format: Text, Text: in}, ""), SplitText(in, Paragraph); diffUnits(got, want) != "" {
		t.Errorf("mode \"\" is not Paragraph: %s", diffUnits(got, want))
	}
}

// TestTextReference checks the clean text of plain prose against an
// obviously right reference: the span's words joined by single spaces.
func TestTextReference(t *testing.T) {
	src := seed(t)
	for _, mode := range []Mode{Paragraph, Sentence} {
		for _, u := range SplitText(src, mode) {
			span := src[u.Start:u.End]
			if strings.Contains(span, "- ") {
				continue // inline list joints are cut, markers are dropped
			}
			if want := strings.Join(strings.Fields(span), " "); u.Text != want {
				t.Errorf("%s unit at line %d: Text %q, want %q", mode, u.Line, u.Text, want)
			}
		}
	}
}
