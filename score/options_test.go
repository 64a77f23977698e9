package score

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// TestOptionsRanges checks that New rejects a threshold outside (0,1],
// with the range scan's options give, and reads 0 as the default.
func TestOptionsRanges(t *testing.T) {
	for _, tc := range []struct {
		opt  Options
		want string
	}{
		{Options{Threshold: -0.1}, "threshold -0.1: want a number in (0,1]"},
		{Options{Threshold: 2}, "threshold 2: want a number in (0,1]"},
		{Options{Threshold: math.NaN()}, "threshold NaN: want a number in (0,1]"},
		{Options{DuplicateThreshold: -1}, "duplicate threshold -1: want a number in (0,1]"},
		{Options{DuplicateThreshold: math.Inf(1)}, "duplicate threshold +Inf: want a number in (0,1]"},
	} {
		if _, err := New(tc.opt); err == nil || !errors.Is(err, ErrOptions) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("New(%+v): error %v, want ErrOptions and %q", tc.opt, err, tc.want)
		}
	}
	if _, err := New(Options{Threshold: 1, DuplicateThreshold: 1}); err != nil {
		t.Errorf("New with thresholds 1: %v", err)
	}
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if o := s.Options(); o.Threshold != DefaultThreshold || o.DuplicateThreshold != DefaultDuplicateThreshold {
		t.Errorf("New(Options{}): options %+v, want the defaults", o)
	}
}
