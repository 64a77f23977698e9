package score

import (
	"errors"
	"reflect"
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

func TestReadPairsErrors(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"empty", "", "f.tsv:1: empty pair file"},
		{"blank", "\n\n", "f.tsv:1: empty pair file"},
		{"no b column", "label\ta\n1\tx\n", `f.tsv:1: TSV header must name columns "a" and "b"`},
		{"field count", "label\ta\tb\n1\tx\ty\n1\tx\n", "f.tsv:3: 2 tab-separated fields, header has 3"},
		{"bad label", "label\ta\tb\nyes\tx\ty\n", `f.tsv:2: label "yes" is not a number`},
		{"nan label", "label\ta\tb\nNaN\tx\ty\n", `f.tsv:2: label "NaN" is not a number`},
		{"bad json", "{\"a\":\"x\",\"b\":\"y\"}\n{\"a\":\n", "f.tsv:2: invalid JSON"},
		{"json missing b", `{"a":"x"}`, `f.tsv:1: record needs string fields "a" and "b"`},
		{"json bad label", `{"a":"x","b":"y","label":"1"}`, `f.tsv:1: label "1" is not a number or boolean`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadPairs(strings.NewReader(tc.in), "f.tsv")
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("ReadPairs(%q) error = %v, want prefix %q", tc.in, err, tc.want)
			}
			if !errors.Is(err, ErrPairFile) {
				t.Errorf("error %v does not wrap ErrPairFile", err)
			}
		})
	}
}

// FuzzReadPairs checks that any input gives pairs or an error, never a
// panic, and that pairs come with increasing line numbers within the
// input.
func FuzzReadPairs(f *testing.F) {
	for _, s := range []string{
		"label\ta\tb\n1\tx\ty\n",
		"a\tb\nx\ty\n\n",
		`{"a":"x","b":"y","label":1}` + "\n",
		`{"a":"x","b":"y","label":true}` + "\n" + `{"a":"","b":""}`,
		"label\ta\tb\r\n0.5\t\t\r\n",
		"\n\n{",
		"\ufefflabel\ta\tb\n1\tx\ty\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		pairs, err := ReadPairs(strings.NewReader(in), "fuzz")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz:") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		lines := strings.Count(in, "\n") + 1
		prev := 0
		for _, p := range pairs {
			if p.Line <= prev || p.Line > lines {
				t.Fatalf("line %d after %d (input has %d lines)", p.Line, prev, lines)
			}
			prev = p.Line
		}
	})
}
