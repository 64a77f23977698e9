package corpus

import (
	"strings"
	"testing"
)

// The seed article (testdata/cambodia-article.txt, ../shared/seed) and the
// splitting its expected.json relies on.

func TestSeedParagraphs(t *testing.T) {
	src := seed(t)
	us := SplitText(src, Paragraph)
	if err := checkUnits(src, us); err != nil {
		t.Fatal(err)
	}
	byLine := map[int][]Unit{}
	for _, u := range us {
		byLine[u.Line] = append(byLine[u.Line], u)
	}
	// Every line that starts a unit, and how many units start on it.
	want := map[int]int{1: 1, 3: 1, 5: 1, 7: 1, 9: 1, 11: 1, 13: 1, 15: 1, 17: 1, 19: 1,
		21: 1, 22: 1, 23: 1, 24: 1, 25: 1, 27: 1, 29: 1, 30: 1, 31: 1, 32: 1, 34: 1, 36: 1, 37: 1, 38: 1,
		40: 4, 42: 1, 44: 1, 45: 1, 46: 1, 48: 1, 50: 1, 51: 1, 52: 1, 54: 1,
		56: 1, 57: 1, 58: 1, 59: 1, 60: 1, 61: 1, 63: 1, 65: 1}
	for line, n := range want {
		if len(byLine[line]) != n {
			t.Errorf("line %d starts %d units, want %d: %+v", line, len(byLine[line]), n, byLine[line])
		}
	}
	for line, got := range byLine {
		if want[line] == 0 {
			t.Errorf("line %d starts units, want none: %+v", line, got)
		}
	}
	lines := strings.Split(src, "\n")
	texts := []struct {
		line, i int
		kind    UnitKind
		text    string
	}{
		{3, 0, KindParagraph, "Steadfast China-Cambodia alliance consistently delivers outcomes"},
		{7, 0, KindParagraph, "Steadfast China-Cambodia alliance consistently delivers outcomes"},
		{5, 0, KindParagraph, strings.TrimSpace(lines[4])},
		{21, 0, KindListItem, "Political mutual trust – Reinforcing Cambodia's status as a valuable strategic partner."},
		{29, 0, KindListItem, "Strategic alignment – Cambodia has been steadfast in backing China on issues like the South China Sea and Taiwan."},
		{36, 0, KindListItem, "U.S.-China tensions – Cambodia's heavy reliance on Chinese investment might limit its support for U.S.-led initiatives, as shown in its stance on regional security disputes."},
		{40, 0, KindParagraph, "China-Cambodia economic and trade cooperation is deepening but remains somewhat lopsided:"},
		{40, 1, KindListItem, "Trade growth – Bilateral trade soared past $12 billion in 2023, making China Cambodia's top trading partner."},
		{40, 2, KindListItem, "Infrastructure projects – Significant BRI initiatives included the $2 billion Phnom Penh-Sihanoukville Expressway and Siem Reap Angkor International Airport."},
		{40, 3, KindListItem, "Challenges – Significant trade imbalances persist, as Cambodia imports far more from China than it exports."},
		{54, 0, KindParagraph, strings.TrimSpace(lines[53])},
		{56, 0, KindListItem, strings.TrimPrefix(lines[55], "  1. ")},
		{59, 0, KindListItem, strings.TrimPrefix(lines[58], "  4. ")},
		{60, 0, KindParagraph, lines[59]},
		{61, 0, KindParagraph, lines[60]},
	}
	for _, tt := range texts {
		if len(byLine[tt.line]) <= tt.i {
			continue // reported above
		}
		u := byLine[tt.line][tt.i]
		if u.Kind != tt.kind || u.Text != tt.text {
			t.Errorf("line %d unit %d = %s %q, want %s %q", tt.line, tt.i, u.Kind, u.Text, tt.kind, tt.text)
		}
		// The span starts at the text: no indentation or list marker.
		if !strings.HasPrefix(src[u.Start:u.End], tt.text[:10]) {
			t.Errorf("line %d unit %d spans %q", tt.line, tt.i, src[u.Start:u.End])
		}
	}
}

func TestSeedSentences(t *testing.T) {
	src := seed(t)
	us := SplitText(src, Sentence)
	if err := checkUnits(src, us); err != nil {
		t.Fatal(err)
	}
	find := func(line int, phrase string) *Unit {
		for i := range us {
			if us[i].Line == line && strings.Contains(us[i].Text, phrase) {
				return &us[i]
			}
		}
		return nil
	}
	must := []struct {
		line   int
		phrase string
	}{
		{29, "Cambodia has been steadfast in backing China on issues like the South China Sea and Taiwan."},
		{57, "consistently backed China on issues like the South China Sea and Taiwan"},
		{25, "Aligning Cambodia's development objectives with China's Belt and Road Initiative"},
		{58, "align their development objectives with China's Belt and Road Initiative"},
		{40, "Cambodia imports far more from China than it exports."},
		{59, "Cambodia importing far more from China than it exports."},
		{40, "economic and trade cooperation is deepening but remains somewhat lopsided"},
		{36, "U.S.-China tensions – Cambodia's heavy reliance"},
		{5, "China's alliance with Cambodia serves as a pillar for its regional diplomacy"},
	}
	for _, m := range must {
		u := find(m.line, m.phrase)
		if u == nil {
			t.Errorf("no sentence at line %d contains %q", m.line, m.phrase)
			continue
		}
		if u.Kind != KindSentence {
			t.Errorf("line %d: kind %s", m.line, u.Kind)
		}
	}
	// A sentence never holds two sentences of the paragraph at line 5.
	if u := find(5, "This bond showcases"); u == nil || strings.Contains(u.Text, "pillar") {
		t.Errorf("line 5 is not split into sentences: %+v", u)
	}
	// The two sentences of line 60 are separate units with exact spans.
	line60 := strings.Split(src, "\n")[59]
	first, second, _ := strings.Cut(line60, "wealth. ")
	want := units(t, src, sent(first+"wealth."), sent(second))
	got := []Unit{*find(60, "foundation"), *find(60, "This partnership")}
	want[0].Index, want[1].Index = got[0].Index, got[1].Index
	if d := diffUnits(got, want); d != "" {
		t.Errorf("line 60 sentences: %s", d)
	}
}
