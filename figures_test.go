package neardup_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/neardup/neardup"
	"github.com/neardup/neardup/corpus"
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
