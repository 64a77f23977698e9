package neardup_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/neardup/neardup"
	"github.com/neardup/neardup/corpus"
	"github.com/neardup/neardup/score"
)

// TestDifferentFigures: earnings lines of different companies share their
// wording and state other figures, in digits or in words ("two cts"); scan
// does not call them paraphrases. The same figures written the other way
// are the same statement. (Lines from Reuters-21578.)
func TestDifferentFigures(t *testing.T) {
	lines := []string{
		"Shr loss two cts vs profit seven cts",                   // 1
		"Shr loss 51 cts vs loss three cts",                      // 2
		"Shr profit four cts vs loss 16 cts",                     // 3
		"Shr loss 2 cts vs profit 7 cts",                         // 4: line 1 in digits
		"Oper shr loss 1.24 dlrs vs profit 19 cts",               // 5
		"Oper shr loss one dlr vs profit nine cts",               // 6
		"Qtly div eight cts vs eight cts prior",                  // 7
		"Quarterly dividend of eight cents, against eight cents", // 8: line 7 reworded
	}
	_, got := scanLines(t, lines, neardup.Options{MinWords: 3})
	if want := []string{"1~4"}; !slices.Equal(got, want) {
		t.Errorf("pairs %v, want %v (only the same figures written two ways)", got, want)
	}
}

// templateLines: three fillings of one house phrasing, a copy, a rewording
// and a phrasing used twice.
var templateLines = []string{
	"Harbor Mills said its board raised the quarterly dividend to 12 cents a share, payable May 15 to holders of record April 30.",    // 1
	"Crescent Foods said its board raised the quarterly dividend to nine cents a share, payable June 1 to holders of record May 15.",  // 2
	"Pine Valley Gas said its board raised the quarterly dividend to 30 cents a share, payable July 10 to holders of record June 20.", // 3
	"Harbor Mills said its board raised the quarterly dividend to 12 cents a share, payable May 15 to holders of record April 30.",    // 4: a copy of 1
	"The board of Crescent Foods lifted its quarterly payout to 9 cents per share, to be paid June 1 to holders of record on May 15.", // 5: 2 reworded
	"Northern Rail said ticket sales rose 14 percent in March from a year earlier, helped by the new coastal line.",                   // 6
	"Northern Rail said ticket sales rose 11 percent in March from a year earlier, helped by the new coastal line.",                   // 7: 6 corrected
}

// TestTemplatedStatements checks that units in a house phrasing filled
// with other facts are not paraphrases, while the same facts reworded, a
// copy, and a phrasing used only twice still pair.
func TestTemplatedStatements(t *testing.T) {
	lines := templateLines
	res, got := scanLines(t, lines, neardup.Options{})
	if want := []string{"1~4", "2~5", "6~7"}; !slices.Equal(got, want) {
		t.Errorf("pairs %v, want %v (the copy, the rewording, and the phrasing used twice)", got, want)
	}
	if res.Stats.Templated != 4 {
		t.Errorf("%d units in templates, want 4 (lines 1-4)", res.Stats.Templated)
	}
	// Without the rule, the scorer alone calls the template's fillings the
	// same statement.
	scoredAlone(t, lines, [][2]int{{1, 2}, {1, 3}, {2, 3}})
}

// TestTemplatedSyndication: one wire paragraph carried with three
// agencies' credits is one wording filled three ways (a template by the
// count), but a name other of several is not another fact: the copies
// pair.
func TestTemplatedSyndication(t *testing.T) {
	const body = " - The Senate on Tuesday approved a bill that would raise the federal minimum wage and extend unemployment benefits for workers who lost their jobs during the downturn.\n"
	docs := []corpus.Document{
		{ID: "reuters", Format: corpus.Text, Text: "WASHINGTON (Reuters)" + body},
		{ID: "ap", Format: corpus.Text, Text: "WASHINGTON (AP)" + body},
		{ID: "afp", Format: corpus.Text, Text: "WASHINGTON (AFP)" + body},
	}
	res, err := neardup.Scan(context.Background(), docs, neardup.Options{})
	must(t, err)
	if res.Stats.Templated != 3 || len(res.Pairs) != 3 {
		t.Errorf("%d units in templates, %d pairs; want 3 and 3 (every copy with every other)", res.Stats.Templated, len(res.Pairs))
	}
}

// restatedLines: one kind of statement restated with other figures in
// three wordings of its own (no frame is filled three times), a rewording
// of the first with its figures, and a story told twice with other
// figures (a toll updated), the update in two versions (one adds a date:
// not a third set of figures).
var restatedLines = []string{
	"The central bank said it provided 240 million pounds of help to the money market in the morning session.",         // 1
	"The central bank said it had given the money market 95 million pounds of assistance in the morning session.",      // 2
	"In the morning session the central bank provided help worth 130 million pounds to the money market, it said.",     // 3
	"The central bank said it gave 240 million pounds of help to the money market during the morning session.",         // 4: 1 reworded
	"Rescuers said the earthquake in the mountain province killed 643 people and left thousands homeless.",             // 5
	"The earthquake in the mountain province killed 770 people and left thousands homeless, rescuers said.",            // 6: 5 updated
	"The earthquake in the mountain province killed 770 people and left thousands homeless, rescuers said on March 3.", // 7: 6 with a date
}

// TestRestatedFigures: a statement that the corpus restates with other
// figures two other ways (partners giving other numbers than it and than
// each other) is a template: those pairs are not paraphrases, while its
// rewording with the same figures, and a story told twice with other
// figures (one version also with a date added), still pair.
func TestRestatedFigures(t *testing.T) {
	lines := restatedLines
	res, got := scanLines(t, lines, neardup.Options{})
	if want := []string{"1~4", "5~6", "5~7", "6~7"}; !slices.Equal(got, want) {
		t.Errorf("pairs %v, want %v (the rewording with the same figures, and the update in two versions)", got, want)
	}
	if res.Stats.Templated != 4 {
		t.Errorf("%d units in templates, want 4 (lines 1-4: 4 is restated by 2 and 3)", res.Stats.Templated)
	}
	// The scorer alone calls the restatements paraphrases, and the frame
	// rule does not see them.
	scoredAlone(t, lines, [][2]int{{1, 2}, {1, 3}, {2, 3}})
}

// TestRestatedCopies: a copy whose figure was mistyped has other numbers
// than the copies of its original, however many: they give one set of
// numbers, one filling, and the copies stay together.
func TestRestatedCopies(t *testing.T) {
	lines := []string{
		restatedLines[0],
		"The central bank said it provided 240 million pounds of help to the money market in its morning session.",
		"The central bank said that it provided 240 million pounds of help to the money market in the morning session.",
		"The central bank said it provided 204 million pounds of help to the money market in the morning session.", // mistyped
	}
	res, _ := scanLines(t, lines, neardup.Options{})
	n := 0
	for _, p := range res.Pairs {
		if res.Units[p.A].Doc == "4" || res.Units[p.B].Doc == "4" {
			n++
		}
	}
	if len(res.Pairs) != 6 || n != 3 || res.Stats.Templated != 0 {
		t.Errorf("%d pairs, %d with the mistyped copy, %d units in templates; want 6, 3 and 0", len(res.Pairs), n, res.Stats.Templated)
	}
}

// TestRestatedSharedFigure: two restatements of a restated statement that
// share a figure no other unit gives are one event told twice (a
// correction of the afternoon figure): they pair.
func TestRestatedSharedFigure(t *testing.T) {
	lines := append(slices.Clone(restatedLines[:3]),
		"The central bank said it provided 17 million pounds of help to the money market in the morning session and 60 million in the afternoon.",
		"The central bank said it provided 17 million pounds of help to the money market in the morning session and 45 million in the afternoon.")
	_, got := scanLines(t, lines, neardup.Options{})
	if want := []string{"4~5"}; !slices.Equal(got, want) {
		t.Errorf("pairs %v, want %v (the two giving 17 million)", got, want)
	}
}

// scanLines scans lines, each a document named by its 1-based number, and
// returns the result and its pairs as "a~b".
func scanLines(t *testing.T, lines []string, opt neardup.Options) (*neardup.Result, []string) {
	t.Helper()
	var docs []corpus.Document
	for i, l := range lines {
		docs = append(docs, corpus.Document{ID: fmt.Sprint(i + 1), Format: corpus.Text, Text: l + "\n"})
	}
	res, err := neardup.Scan(context.Background(), docs, opt)
	must(t, err)
	var got []string
	for _, p := range res.Pairs {
		got = append(got, res.Units[p.A].Doc+"~"+res.Units[p.B].Doc)
	}
	return res, got
}

// scoredAlone checks that the scorer alone, over lines as a corpus, calls
// each pair of lines (1-based) no different: a pair a scan rule must turn
// down for its test to mean anything.
func scoredAlone(t *testing.T, lines []string, pairs [][2]int) {
	t.Helper()
	sc, err := score.New(score.Options{})
	must(t, err)
	units := make([]*score.Unit, len(lines))
	for i, l := range lines {
		units[i] = sc.Analyze(l)
	}
	c := sc.NewCorpus(units)
	for _, p := range pairs {
		if r := sc.Score(c, units[p[0]-1], units[p[1]-1]); r.Kind == score.Different {
			t.Errorf("lines %d and %d: the scorer alone says %v (%.3f); the test needs a pair it would report", p[0], p[1], r.Kind, r.Score)
		}
	}
}
