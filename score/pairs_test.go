package score

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestReadPairs(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []LabeledPair
	}{
		{"tsv", "label\ta\tb\n1\tA one.\tB one.\n0\tA two\tB two\n",
			[]LabeledPair{{A: "A one.", B: "B one.", Label: 1, Labeled: true, Line: 2}, {A: "A two", B: "B two", Label: 0, Labeled: true, Line: 3}}},
		{"tsv graded, CRLF, blank line", "label\ta\tb\r\n3.800\tx\ty\r\n\r\n0.000\tp\tq\r\n",
			[]LabeledPair{{A: "x", B: "y", Label: 3.8, Labeled: true, Line: 2}, {A: "p", B: "q", Label: 0, Labeled: true, Line: 4}}},
		{"tsv with a byte order mark", "\ufefflabel\ta\tb\r\n1\tx\ty\r\n",
			[]LabeledPair{{A: "x", B: "y", Label: 1, Labeled: true, Line: 2}}},
		{"jsonl with a byte order mark", "\ufeff" + `{"a":"x","b":"y","label":1}` + "\n",
			[]LabeledPair{{A: "x", B: "y", Label: 1, Labeled: true, Line: 1}}},
		{"tsv, one label cell empty", "label\ta\tb\n\tx\ty\n0\tp\tq\n",
			[]LabeledPair{{A: "x", B: "y", Line: 2}, {A: "p", B: "q", Label: 0, Labeled: true, Line: 3}}},
		{"tsv unlabelled, other column order", "b\tid\ta\nsecond\t7\tfirst\n",
			[]LabeledPair{{A: "first", B: "second", Line: 2}}},
		{"jsonl", `{"a":"x","b":"y","label":1}` + "\n" + `{"a":"p","b":"q","label":false}` + "\n\n" + `{"b":"n","a":"m"}` + "\n",
			[]LabeledPair{{A: "x", B: "y", Label: 1, Labeled: true, Line: 1}, {A: "p", B: "q", Label: 0, Labeled: true, Line: 2}, {A: "m", B: "n", Line: 4}}},
		{"jsonl after blank lines", "\n  \n" + `{"a":"x","b":"y","label":null}`,
			[]LabeledPair{{A: "x", B: "y", Line: 3}}},
		{"header only", "label\ta\tb\n", nil},
		{"tsv true/false labels, any case", "label\ta\tb\ntrue\tx\ty\nFALSE\tp\tq\n True \tm\tn\n",
			[]LabeledPair{{A: "x", B: "y", Label: 1, Labeled: true, Line: 2}, {A: "p", B: "q", Label: 0, Labeled: true, Line: 3}, {A: "m", B: "n", Label: 1, Labeled: true, Line: 4}}},
		{"last line without a line ending", "a\tb\nx\ty",
			[]LabeledPair{{A: "x", B: "y", Line: 2}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadPairs(strings.NewReader(tc.in), "in")
			if err != nil {
				t.Fatalf("ReadPairs: %v", err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("ReadPairs(%q) = %+v, want %+v", tc.in, got, tc.want)
			}
		})
	}
}

// TestReadPairsErrors checks the errors that stop a read: no pair is
// returned.
func TestReadPairsErrors(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"empty", "", "f.tsv:1: empty pair file"},
		{"blank", "\n\n", "f.tsv:1: empty pair file"},
		{"no b column", "label\ta\n1\tx\n", `f.tsv:1: TSV header must name columns "a" and "b"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pairs, err := ReadPairs(strings.NewReader(tc.in), "f.tsv")
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("ReadPairs(%q) error = %v, want prefix %q", tc.in, err, tc.want)
			}
			if !errors.Is(err, ErrPairFile) {
				t.Errorf("error %v does not wrap ErrPairFile", err)
			}
			var list PairFileErrors
			if pairs != nil || errors.As(err, &list) {
				t.Errorf("pairs %+v, error %T; want none and a fatal error", pairs, err)
			}
		})
	}
}

// TestReadPairsSkipsBadRecords checks that a bad record is skipped with an
// error naming the file, the line and the problem, and that the records
// around it are read.
func TestReadPairsSkipsBadRecords(t *testing.T) {
	good := func(lines ...int) []LabeledPair {
		var ps []LabeledPair
		for _, n := range lines {
			ps = append(ps, LabeledPair{A: "x", B: "y", Label: 1, Labeled: true, Line: n})
		}
		return ps
	}
	const ok = "1\tx\ty\n"
	const okJSON = `{"a":"x","b":"y","label":1}` + "\n"
	cases := []struct {
		name, in string
		want     []LabeledPair
		errs     []string
	}{
		{"field count", "label\ta\tb\n" + ok + "1\tx\n" + ok, good(2, 4), []string{"f.tsv:3: 2 tab-separated fields, header has 3"}},
		{"bad label", "label\ta\tb\nyes\tx\ty\n" + ok, good(3), []string{`f.tsv:2: label "yes" is not a number, true or false`}},
		{"nan label", "label\ta\tb\n" + ok + "NaN\tx\ty\n", good(2), []string{`f.tsv:3: label "NaN" is not a number, true or false`}},
		{"two bad", "label\ta\tb\n" + ok + "x\n\n" + ok + "1\ta\tb\tc\n", good(2, 5), []string{
			"f.tsv:3: 1 tab-separated fields, header has 3", "f.tsv:6: 4 tab-separated fields, header has 3"}},
		{"none good", "label\ta\tb\nx\ty\n", nil, []string{"f.tsv:2: 2 tab-separated fields, header has 3"}},
		{"bad json", okJSON + "{\"a\":\n" + okJSON, good(1, 3), []string{"f.tsv:2: invalid JSON"}},
		{"json missing b", `{"a":"x"}` + "\n" + okJSON, good(2), []string{`f.tsv:1: record needs string fields "a" and "b"`}},
		{"json bad label", okJSON + `{"a":"x","b":"y","label":"1"}`, good(1), []string{`f.tsv:2: label "1" is not a number or boolean`}},
		{"line too long", "label\ta\tb\n" + ok + "1\t" + strings.Repeat("x", maxLine) + "\ty\n" + ok, good(2, 4), []string{"f.tsv:3: line over 16 MiB"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pairs, err := ReadPairs(strings.NewReader(tc.in), "f.tsv")
			var list PairFileErrors
			if !errors.As(err, &list) {
				t.Fatalf("error %v (%T), want a PairFileErrors", err, err)
			}
			if !errors.Is(err, ErrPairFile) {
				t.Errorf("error %v does not wrap ErrPairFile", err)
			}
			if len(list) != len(tc.errs) {
				t.Fatalf("errors:\n%v\nwant %d", err, len(tc.errs))
			}
			for i, e := range list {
				if !strings.HasPrefix(e.Error(), tc.errs[i]) {
					t.Errorf("error %d = %q, want prefix %q", i, e, tc.errs[i])
				}
			}
			if !reflect.DeepEqual(pairs, tc.want) {
				t.Errorf("pairs = %+v, want %+v", pairs, tc.want)
			}
		})
	}
}

// FuzzReadPairs checks that any input gives pairs or an error, never a
// panic; that every error names the file; that pairs and skipped records
// come with increasing line numbers within the input; and that nothing is
// dropped silently: when the read did not stop, every non-blank line is
// the TSV header, a pair or a skipped record.
func FuzzReadPairs(f *testing.F) {
	for _, s := range []string{
		"label\ta\tb\n1\tx\ty\n",
		"a\tb\nx\ty\n\n",
		`{"a":"x","b":"y","label":1}` + "\n",
		`{"a":"x","b":"y","label":true}` + "\n" + `{"a":"","b":""}`,
		"label\ta\tb\r\n0.5\t\t\r\n",
		"\n\n{",
		"\ufefflabel\ta\tb\n1\tx\ty\n",
		"label\ta\tb\nTrue\tx\ty\nyes\tx\ty\n1\tx\n\n0\tx\ty",
		`{"a":"x","b":"y"}` + "\n{\n" + `{"a":1}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		pairs, err := ReadPairs(strings.NewReader(in), "fuzz")
		var skipped PairFileErrors
		if err != nil {
			for _, l := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(l, "fuzz:") {
					t.Fatalf("error %q does not name the file", err)
				}
			}
			if !errors.As(err, &skipped) {
				if pairs != nil {
					t.Fatalf("%d pairs with the error %v", len(pairs), err)
				}
				return // the read stopped
			}
		}
		lines := strings.Count(in, "\n") + 1
		var got []int
		for _, p := range pairs {
			got = append(got, p.Line)
		}
		for _, e := range skipped {
			got = append(got, e.Line)
		}
		slices.Sort(got)
		prev := 0
		for _, n := range got {
			if n <= prev || n > lines {
				t.Fatalf("line %d after %d (input has %d lines)", n, prev, lines)
			}
			prev = n
		}
		nonblank := 0
		for _, l := range strings.Split(strings.TrimPrefix(in, "\ufeff"), "\n") {
			if strings.TrimSpace(strings.TrimSuffix(l, "\r")) != "" {
				nonblank++
			}
		}
		if head := strings.TrimLeft(strings.TrimPrefix(in, "\ufeff"), " \t\r\n"); !strings.HasPrefix(head, "{") {
			nonblank-- // the TSV header
		}
		if len(got) != nonblank {
			t.Fatalf("%d pairs and %d skipped records from %d non-blank record lines", len(pairs), len(skipped), nonblank)
		}
	})
}
