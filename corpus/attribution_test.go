package corpus

import (
	"strings"
	"testing"
)

func TestAttribution(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // the units' texts
	}{
		{"usenet", "In article <1993Apr5.123@example.com> editor@example.com (The Editor) writes:\n> The council voted.\n\nI doubt it.\n",
			[]string{"The council voted.", "I doubt it."}},
		{"address, no quote after", "kmr4@po.example.edu (Keith Ryan) writes:\n\nI doubt it.\n",
			[]string{"I doubt it."}},
		{"mail client", "On Tue, 6 Apr 2024 at 10:12, Alice Smith wrote:\n\n> The council voted.\n",
			[]string{"The council voted."}},
		{"bare markers between", "Alice wrote:\n|>\n|> > The council voted.\n",
			[]string{"The council voted."}},
		{"in a quote", "> Bob wrote:\n>> The council voted.\n> So it did.\n",
			[]string{"The council voted.", "So it did."}},
		{"wrapped", "In article <65974@mimsy.example.edu>,\nmangoe@cs.example.edu (Charley) writes:\n> The council voted.\n",
			[]string{"The council voted."}},
		{"verb alone on the second line", "In <x1@host.example> mangoe@cs.example.edu (Charley)\nwrites:\n> The council voted.\n",
			[]string{"The council voted."}},
		{"wrapped in the name", "In article <C5L1Ey.Jts@news.example.edu> cobb@example.edu (Mike\nCobb) writes:\n\nThe council voted.\n",
			[]string{"The council voted."}},
		{"other language", "Le 06/04/2024 à 10:12, Alice Martin a écrit :\n> Le conseil a voté.\n",
			[]string{"Le conseil a voté."}},
		{"VMS", "In article <1993Apr5.1@example.edu>, chrisb@example.edu (Chris) writes...\n> The council voted.\n",
			[]string{"The council voted."}},
		{"from article", "From article <1qcq3f$r05@fido.example.com>, by livesey@example.com (Jon):\n> The council voted.\n",
			[]string{"The council voted."}},
		{"verb first", "Am 6. April 2024 um 10:12 schrieb Alice Schmidt:\n> Der Rat hat abgestimmt.\n",
			[]string{"Der Rat hat abgestimmt."}},
		{"gmail wrapped", "On Tue, Apr 6, 2024 at 10:12 AM Alice Smith <alice.smith@example.org>\nwrote:\n\n> Can we meet on Friday?\n",
			[]string{"Can we meet on Friday?"}},
		{"outlook express", "\"Alice Smith\" <alice@example.org> wrote in message news:1993Apr5.123@news.example.com...\n> Can we meet on Friday?\n\nYes.\n",
			[]string{"Can we meet on Friday?", "Yes."}},
		{"horde", "Quoting Alice Smith <alice@example.org>:\n\n> Can we meet on Friday?\n",
			[]string{"Can we meet on Friday?"}},
		{"swedish", "Den tis 6 apr. 2024 kl 10:12 skrev Alice Smith <alice@example.org>:\n> Kan vi ses?\n",
			[]string{"Kan vi ses?"}},
		{"portuguese", "Em ter., 6 de abr. de 2024 às 10:12, Alice Smith escreveu:\n> Podemos falar?\n",
			[]string{"Podemos falar?"}},
		{"no-break space", "Le mar. 6 avr. 2024 à 10:12, Alice Martin a écrit\u00a0:\n> Le conseil a voté.\n",
			[]string{"Le conseil a voté."}},
		{"gmail wrapped in the address", "On Tue, Apr 6, 2024 at 10:12 AM Alexandra Konstantinopoulou <\nalexandra.konstantinopoulou@example.org> wrote:\n\n> Can we meet?\n",
			[]string{"Can we meet?"}},
		{"thunderbird wrapped", "On 06/04/2024 10:12, Alice Smith via example-list\nwrote:\n> Can we meet?\n",
			[]string{"Can we meet?"}},
		{"after a greeting", "Hi all,\nalice@example.org (Alice Smith) writes:\n> Can we meet?\n",
			[]string{"Hi all,", "Can we meet?"}},
		// Text, not attributions.
		{"a date and an address in prose", "On Friday 12 May, please send your abstracts to the organiser <alice@example.org> as one PDF file with this subject line:\nAbstract for the harbour conference\n",
			[]string{"On Friday 12 May, please send your abstracts to the organiser <alice@example.org> as one PDF file with this subject line:", "Abstract for the harbour conference"}},
		{"a writer's date", "On 3 July 1776, the day after Congress voted for independence, John Adams wrote:\n\n> The second day of July 1776 will be celebrated.\n",
			[]string{"On 3 July 1776, the day after Congress voted for independence, John Adams wrote:", "The second day of July 1776 will be celebrated."}},
		{"a writer introducing a quotation", "In his speech to the House of Commons on 4 June 1940, after the evacuation of Dunkirk, Winston Churchill said:\n\n> We shall fight on the beaches.\n\nThe speech was broadcast later.\n",
			[]string{"In his speech to the House of Commons on 4 June 1940, after the evacuation of Dunkirk, Winston Churchill said:", "We shall fight on the beaches.", "The speech was broadcast later."}},
		{"a book quoted", "In her new memoir, published this week by Knopf, the former first lady writes:\n\n> I never wanted the job.\n",
			[]string{"In her new memoir, published this week by Knopf, the former first lady writes:", "I never wanted the job."}},
		{"said before a quote", "The minister said:\n> We will dredge.\n",
			[]string{"The minister said:", "We will dredge."}},
		{"the end of a wrapped sentence", "The cure was discovered from previous\nwork.  Lee Lady writes:\n\n> The old tests were wrong.\n",
			[]string{"The cure was discovered from previous work. Lee Lady writes:", "The old tests were wrong."}},
		{"verb first before text", "Gestern schrieb er an den Rat:\nWir bauen den Hafen aus.\n",
			[]string{"Gestern schrieb er an den Rat:", "Wir bauen den Hafen aus."}},
		{"trailing off", "And then she writes...\nNothing more.\n",
			[]string{"And then she writes...", "Nothing more."}},
		{"speech at its own depth", "The minister said:\nWe will dredge the harbour next year.\n",
			[]string{"The minister said:", "We will dredge the harbour next year."}},
		{"no colon", "Alice wrote\n> The council voted.\n",
			[]string{"Alice wrote", "The council voted."}},
		{"verb inside a word", "Nobody rewrites:\n> The council voted.\n",
			[]string{"Nobody rewrites:", "The council voted."}},
		{"nothing after", "The minister said:\n", []string{"The minister said:"}},
		{"shallower after", "> The minister said:\nWe will dredge.\n",
			[]string{"The minister said:", "We will dredge."}},
		{"opener alone", "In article <1@example.com>,\nthe editor argued that the council was wrong:\n> The council voted.\n",
			[]string{"In article <1@example.com>, the editor argued that the council was wrong:", "The council voted."}},
		{"too long", strings.Repeat("word ", 70) + "said:\n> The council voted.\n",
			[]string{strings.TrimSpace(strings.Repeat("word ", 70)) + " said:", "The council voted."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, f := range []Format{Text, Markdown} {
				if f == Markdown && (strings.Contains(tt.in, "<1@") || strings.Contains(tt.in, "<alice@example.org> as")) {
					continue // an autolink in Markdown
				}
				d := Document{Format: f, Text: tt.in}
				var got []string
				for _, u := range Split(&d, Paragraph) {
					got = append(got, u.Text)
				}
				if strings.Join(got, "|") != strings.Join(tt.want, "|") {
					t.Errorf("%v: units %q, want %q", f, got, tt.want)
				}
			}
		})
	}
}
