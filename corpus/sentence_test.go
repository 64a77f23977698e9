package corpus

import "testing"

func TestSplitTextSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []w
	}{
		{"simple", "One fish. Two fish! Red fish? Blue fish.",
			[]w{sent("One fish."), sent("Two fish!"), sent("Red fish?"), sent("Blue fish.")}},
		{"titles", "Mr. Smith met Dr. Jones and Mrs. Brown at St. Paul's. They talked.",
			[]w{sent("Mr. Smith met Dr. Jones and Mrs. Brown at St. Paul's."), sent("They talked.")}},
		{"dotted abbreviations", "The U.S. Congress and the U.K. Parliament met, e.g. Monday, i.e. Today. Ph.D. Students came.",
			[]w{sent("The U.S. Congress and the U.K. Parliament met, e.g. Monday, i.e. Today."), sent("Ph.D. Students came.")}},
		{"hyphenated abbreviation", "U.S.-China tensions grew. U.S.-led initiatives followed.",
			[]w{sent("U.S.-China tensions grew."), sent("U.S.-led initiatives followed.")}},
		{"double dot after abbreviation", "Cambodia Caught Between China And The U.S.. Forbes. Next.",
			[]w{sent("Cambodia Caught Between China And The U.S.."), sent("Forbes."), sent("Next.")}},
		{"initials", "Wong, L. (2023, April 15). China moves. J. R. R. Tolkien wrote.",
			[]w{sent("Wong, L. (2023, April 15)."), sent("China moves."), sent("J. R. R. Tolkien wrote.")}},
		{"company suffixes", "Acme Corp. Chairman John Doe and Foo Co. Ltd. Staff spoke. Apple Inc. The company agreed.",
			[]w{sent("Acme Corp. Chairman John Doe and Foo Co. Ltd. Staff spoke."), sent("Apple Inc."), sent("The company agreed.")}},
		{"etc", "Apples, pears etc. Were sold. Nuts etc. The end.",
			[]w{sent("Apples, pears etc. Were sold."), sent("Nuts etc."), sent("The end.")}},
		{"months and numbers", "It closed on Jan. 5. Prices rose. See No. 10 vs. No. 11 in Fig. 3 today.",
			[]w{sent("It closed on Jan. 5."), sent("Prices rose."), sent("See No. 10 vs. No. 11 in Fig. 3 today.")}},
		{"all caps", "MR. SMITH CAME. HE LEFT.", []w{sent("MR. SMITH CAME."), sent("HE LEFT.")}},
		{"dotted abbreviation ending a sentence", "The meeting ended at 5 p.m. The staff went home. Aid came from the U.S. It arrived at 9 a.m. Monday.",
			[]w{sent("The meeting ended at 5 p.m."), sent("The staff went home."), sent("Aid came from the U.S."), sent("It arrived at 9 a.m. Monday.")}},
		{"e.g. and i.e. never end a sentence", "Some papers, e.g. The Times, agreed. Others, i.e. The Sun, did not.",
			[]w{sent("Some papers, e.g. The Times, agreed."), sent("Others, i.e. The Sun, did not.")}},
		{"Roman numerals after vol. and art.", "See Vol. II of the report and Art. IV of the treaty. The answer was no. I left. Read Ch. XII today.",
			[]w{sent("See Vol. II of the report and Art. IV of the treaty."), sent("The answer was no."), sent("I left."), sent("Read Ch. XII today.")}},
		{"common words that abbreviate before numbers", "The answer was no. He left the room. She studied art. Her brother studied law. They voted NO. The bill failed. See art. 5 and no. 7.",
			[]w{sent("The answer was no."), sent("He left the room."), sent("She studied art."), sent("Her brother studied law."),
				sent("They voted NO."), sent("The bill failed."), sent("See art. 5 and no. 7.")}},
		{"decimals and money", "Trade rose 2.5 percent to $1.8 billion. Imports fell 0.3%. $5 was paid.",
			[]w{sent("Trade rose 2.5 percent to $1.8 billion."), sent("Imports fell 0.3%."), sent("$5 was paid.")}},
		{"URLs and e-mail", "See https://www.scmp.com/news/x.html for more. Mail foo.bar@example.com. Thanks.",
			[]w{sent("See https://www.scmp.com/news/x.html for more."), sent("Mail foo.bar@example.com."), sent("Thanks.")}},
		{"ellipsis", "He waited... and waited. Then he left… Gone. Well...",
			[]w{sent("He waited... and waited."), sent("Then he left…"), sent("Gone."), sent("Well...")}},
		{"closing quotes and brackets", `He said "Stop." Then he left. "Is it?" she asked. It rose (by 5%.) Then fell.`,
			[]w{sent(`He said "Stop."`), sent("Then he left."), sent(`"Is it?" she asked.`), sent("It rose (by 5%.)"), sent("Then fell.")}},
		{"curly quotes", "She said “Go.” “Now?” he asked.",
			[]w{sent("She said “Go.”"), sent("“Now?” he asked.")}},
		{"lower case after a full stop", "This is fine. and this goes on.", []w{sent("This is fine. and this goes on.")}},
		{"CJK full stops", "今天很好。明天也好。", []w{sent("今天很好。"), sent("明天也好。")}},
		{"across a line break", "First sentence\nwraps here. Second one.",
			[]w{sentT("First sentence\nwraps here.", "First sentence wraps here."), sent("Second one.")}},
		{"quoted", "> One. Two.\nThree.", []w{quoted(sent("One.")), quoted(sent("Two.")), sent("Three.")}},
		{"list items", "- First item. Still first.\n- Second.",
			[]w{sent("First item."), sent("Still first."), sent("Second.")}},
		{"inline list joints", "Head:- Item one. More.- Item two.",
			[]w{sent("Head:"), sent("Item one."), sent("More."), sent("Item two.")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SplitText(tt.in, Sentence)
			want := units(t, tt.in, tt.want...)
			if d := diffUnits(got, want); d != "" {
				t.Errorf("SplitText(%q, Sentence): %s", tt.in, d)
			}
			if err := checkUnits(tt.in, got); err != nil {
				t.Error(err)
			}
		})
	}
}
