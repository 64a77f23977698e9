package corpus

import (
	"strings"
	"testing"
)

func TestSpeakerLabels(t *testing.T) {
	briefing := "MR. STEPHANOPOULOS: We don't have a date set for that.\n\n" +
		"Q: Will the President meet the senators this week?\n\n" +
		"MR. STEPHANOPOULOS: I don't know that he is going to meet them.\n\n" +
		"Q: Is that under consideration?\n\n" +
		"MR. STEPHANOPOULOS:\nIt would affect the water treatment overall.\n\n" +
		"Q: And the budget?\n"
	tests := []struct {
		name, in string
		mode     Mode
		want     []string // unit texts
	}{
		{"briefing", briefing, Paragraph, []string{
			"We don't have a date set for that.",
			"Will the President meet the senators this week?",
			"I don't know that he is going to meet them.",
			"Is that under consideration?",
			"MR. STEPHANOPOULOS:", // a label alone: too short to compare
			"It would affect the water treatment overall.",
			"And the budget?",
		}},
		{"sentences", "Interviewer: When did you come? Why the port?\nAlice Martin: In 1990. For the work.\nInterviewer: And now?\nAlice Martin: I stay.\nInterviewer: Thank you.\n", Sentence, []string{
			"When did you come?", "Why the port?", "In 1990.", "For the work.", "And now?", "I stay.", "Thank you.",
		}},
		{"briefing questions", "MS. MYERS: Nothing is scheduled.\n\nQ Will he meet them?\n\nMS. MYERS: I would not rule it out.\n\nQ. And the budget?\n\nQ Why now?\n\nQ fever is spreading.\n", Paragraph, []string{
			"Nothing is scheduled.", "Will he meet them?", "I would not rule it out.", "Q. And the budget?", "Why now?", "Q fever is spreading.",
		}},
		{"long prepared remarks", "THE PRESIDENT: Thank you all for coming.\n\nToday we sign the harbour bill.\n\nIt took two years of work.\n\nMany people made it happen.\n\nThe port will grow.\n\nFishermen will gain.\n\nThe town will gain.\n\nQ: When does dredging start?\n\nTHE PRESIDENT: In the spring.\n\nQ: And the cost?\n\nTHE PRESIDENT: It is in the budget.\n\nQ: Who pays?\n\nTHE PRESIDENT: The port authority.\n", Paragraph, []string{
			"Thank you all for coming.", "Today we sign the harbour bill.", "It took two years of work.", "Many people made it happen.", "The port will grow.", "Fishermen will gain.", "The town will gain.",
			"When does dredging start?", "In the spring.", "And the cost?", "It is in the budget.", "Who pays?", "The port authority.",
		}},
		// Not labels, or not often enough: kept.
		{"once", "Note: the figures are provisional.\n\nThe council met.\n\nIt voted.\n", Paragraph, []string{
			"Note: the figures are provisional.", "The council met.", "It voted.",
		}},
		{"no label repeats", "Pros: light.\n\nCons: slow.\n\nVerdict: buy it.\n", Paragraph, []string{
			"Pros: light.", "Cons: slow.", "Verdict: buy it.",
		}},
		{"too few turns", "Q: Why?\n\nQ: When?\n\nThe council met.\n", Paragraph, []string{
			"Q: Why?", "Q: When?", "The council met.",
		}},
		{"lower case word", "The answer: yes.\n\nThe answer: no.\n\nThe answer: maybe.\n", Paragraph, []string{
			"The answer: yes.", "The answer: no.", "The answer: maybe.",
		}},
		{"numbered steps", "Step 1: open.\n\nStep 2: shut.\n\nStep 3: wait.\n", Paragraph, []string{
			"Step 1: open.", "Step 2: shut.", "Step 3: wait.",
		}},
		{"numbered speakers", "Speaker 1: Thanks for joining us today.\n\nSpeaker 2: Happy to be here.\n\nSpeaker 1: Let us start with the budget.\n\nSpeaker 2: Sure.\n", Paragraph, []string{
			"Thanks for joining us today.", "Happy to be here.", "Let us start with the budget.", "Sure.",
		}},
		{"a label the sentence splitter would cut", "SEC. CLINTON: Thank you, Mr. Chairman.\n\nSEN. LUGAR: Welcome back to the committee.\n\nSEC. CLINTON: It is good to be here.\n\nSEN. LUGAR: Let me begin with Iran.\n", Sentence, []string{
			"Thank you, Mr. Chairman.", "Welcome back to the committee.", "It is good to be here.", "Let me begin with Iran.",
		}},
		{"nothing after", "Q:\n\nQ:\n\nQ:\n", Paragraph, []string{"Q:", "Q:", "Q:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			us := SplitText(tt.in, tt.mode)
			var got []string
			for _, u := range us {
				got = append(got, u.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Fatalf("units %q\nwant %q", got, tt.want)
			}
		})
	}
	// The span leaves the label out; Line follows a label on a line of
	// its own.
	us := SplitText(briefing, Paragraph)
	for _, u := range us {
		if got := strings.Join(strings.Fields(briefing[u.Start:u.End]), " "); got != u.Text {
			t.Errorf("unit %d spans %q, text %q", u.Index, got, u.Text)
		}
		if want := strings.Count(briefing[:u.Start], "\n") + 1; u.Line != want {
			t.Errorf("unit %d at line %d, want %d", u.Index, u.Line, want)
		}
	}
	// Markup around the label: the text loses it, the span keeps it.
	d := Document{Format: Markdown, Text: "**Q:** One?\n\n**Q:** Two?\n\n**Q:** Three?\n"}
	us = Split(&d, Paragraph)
	if len(us) != 3 || us[0].Text != "One?" || !strings.Contains(d.Text[us[0].Start:us[0].End], "One?") {
		t.Errorf("Markdown: %+v", us)
	}
}
