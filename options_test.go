package neardup_test

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/neardup/neardup"
	"github.com/neardup/neardup/corpus"
)

// TestOptionsRanges checks that Scan rejects an option outside its range,
// naming it, instead of running with another value, and accepts the ends
// of each range; 0 stands for the default.
func TestOptionsRanges(t *testing.T) {
	docs := []corpus.Document{{ID: "a.txt", Format: corpus.Text, Text: "The harbour board approved new cranes for the port on Monday.\n\nOn Monday the harbour board approved new cranes for the port.\n"}}
	for _, tc := range []struct {
		opt  neardup.Options
		want string // error substring; "" for none
	}{
		{neardup.Options{MinWords: -3}, "min words -3: want a positive number"},
		{neardup.Options{BoilerplateDocs: 1}, "boilerplate docs 1: want 2 or more"},
		{neardup.Options{BoilerplateDocs: -1}, "boilerplate docs -1: want 2 or more"},
		{neardup.Options{Threshold: -0.5}, "threshold -0.5: want a number in (0,1]"},
		{neardup.Options{Threshold: math.NaN()}, "threshold NaN: want a number in (0,1]"},
		{neardup.Options{DuplicateThreshold: 1.5}, "duplicate threshold 1.5: want a number in (0,1]"},
		{neardup.Options{DuplicateThreshold: math.NaN()}, "duplicate threshold NaN: want a number in (0,1]"},
		{neardup.Options{MinWords: 1, BoilerplateDocs: 2, Threshold: 1, DuplicateThreshold: 1}, ""},
		{neardup.Options{}, ""},
	} {
		res, err := neardup.Scan(context.Background(), docs, tc.opt)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("Scan with %+v: %v", tc.opt, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("Scan with %+v: error %v, want %q", tc.opt, err, tc.want)
		case tc.want == "" && tc.opt.MinWords == 0 && (res.Options.MinWords != neardup.DefaultMinWords || res.Options.BoilerplateDocs != neardup.DefaultBoilerplateDocs):
			t.Errorf("zero options in force %+v, want the defaults", res.Options)
		}
	}
}
