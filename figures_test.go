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
	var docs []corpus.Document
	for i, l := range lines {
		docs = append(docs, corpus.Document{ID: fmt.Sprint(i + 1), Format: corpus.Text, Text: l + "\n"})
	}
	res, err := neardup.Scan(context.Background(), docs, neardup.Options{MinWords: 3})
	must(t, err)
	var got []string
	for _, p := range res.Pairs {
		got = append(got, res.Units[p.A].Doc+"~"+res.Units[p.B].Doc)
	}
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
	var docs []corpus.Document
	for i, l := range lines {
		docs = append(docs, corpus.Document{ID: fmt.Sprint(i + 1), Format: corpus.Text, Text: l + "\n"})
	}
	res, err := neardup.Scan(context.Background(), docs, neardup.Options{})
	must(t, err)
	var got []string
	for _, p := range res.Pairs {
		got = append(got, res.Units[p.A].Doc+"~"+res.Units[p.B].Doc)
	}
	if want := []string{"1~4", "2~5", "6~7"}; !slices.Equal(got, want) {
		t.Errorf("pairs %v, want %v (the copy, the rewording, and the phrasing used twice)", got, want)
	}
	if res.Stats.Templated != 4 {
		t.Errorf("%d units in templates, want 4 (lines 1-4)", res.Stats.Templated)
	}
	// Without the rule, the scorer alone calls the template's fillings the
	// same statement.
	sc, err := score.New(score.Options{})
	must(t, err)
	units := make([]*score.Unit, len(lines))
	for i, l := range lines {
		units[i] = sc.Analyze(l)
	}
	c := sc.NewCorpus(units)
	for _, p := range [][2]int{{1, 2}, {1, 3}, {2, 3}} {
		if r := sc.Score(c, units[p[0]-1], units[p[1]-1]); r.Kind == score.Different {
			t.Errorf("lines %d and %d: the scorer alone says %v (%.3f); the test needs a pair it would report", p[0], p[1], r.Kind, r.Score)
		}
	}
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
