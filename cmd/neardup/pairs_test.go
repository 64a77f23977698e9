package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/neardup/neardup/score"
)

// seedLines returns the lines of the seed article, 1-based.
func seedLines(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile("../../testdata/cambodia-article.txt")
	if err != nil {
		t.Fatal(err)
	}
	return append([]string{""}, strings.Split(string(data), "\n")...)
}

// seedPairFile writes a labelled TSV of paragraph pairs of the seed article:
// the must pairs (label 1) and same-topic list items (label 0).
func seedPairFile(t *testing.T) (path string, want []string) {
	t.Helper()
	l := seedLines(t)
	rows := []struct {
		a, b  int
		label int
		want  string
	}{
		{3, 7, 1, score.Duplicate},
		{5, 60, 1, score.Paraphrase},
		{5, 61, 1, score.Paraphrase},
		{60, 61, 1, score.Paraphrase},
		{36, 37, 0, score.Different},
		{21, 23, 0, score.Different},
		{50, 52, 0, score.Different},
		{30, 31, 0, score.Different},
	}
	var b strings.Builder
	b.WriteString("label\ta\tb\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "%d\t%s\t%s\n", r.label, strings.TrimSpace(l[r.a]), strings.TrimSpace(l[r.b]))
		want = append(want, r.want)
	}
	path = filepath.Join(t.TempDir(), "seed.tsv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, want
}

func runCmd(t *testing.T, fn func(context.Context, []string, *bytes.Buffer, *bytes.Buffer) int, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := fn(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func pairsCmd(stdin string) func(context.Context, []string, *bytes.Buffer, *bytes.Buffer) int {
	return func(ctx context.Context, args []string, o, e *bytes.Buffer) int {
		return runPairs(ctx, args, strings.NewReader(stdin), o, e)
	}
}

type pairsJSON struct {
	Pairs []struct {
		Line    int      `json:"line"`
		Label   *float64 `json:"label"`
		Score   float64  `json:"score"`
		Verdict string   `json:"verdict"`
	} `json:"pairs"`
	Summary *score.Summary `json:"summary"`
}

func TestPairsSeedJSON(t *testing.T) {
	path, want := seedPairFile(t)
	code, out, errOut := runCmd(t, pairsCmd(""), "--format", "json", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc pairsJSON
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if len(doc.Pairs) != len(want) {
		t.Fatalf("%d pairs, want %d", len(doc.Pairs), len(want))
	}
	correct := 0
	for i, p := range doc.Pairs {
		if p.Line != i+2 {
			t.Errorf("pair %d: line %d, want %d (input order)", i, p.Line, i+2)
		}
		if p.Verdict != want[i] {
			t.Errorf("line %d: verdict %s (score %.3f), want %s", p.Line, p.Verdict, p.Score, want[i])
		}
		if (p.Verdict != score.Different) == (*p.Label == 1) {
			correct++
		}
	}
	s := doc.Summary
	if s == nil {
		t.Fatal("no summary for a labelled file")
	}
	if s.Pairs != len(want) || s.Positives != 4 || s.At.TP+s.At.FP+s.At.TN+s.At.FN != len(want) {
		t.Errorf("summary counts = %+v", s)
	}
	if got := float64(correct) / float64(len(want)); s.At.Accuracy != got {
		t.Errorf("summary accuracy %v, want %v from the verdicts", s.At.Accuracy, got)
	}
	if s.At.Threshold != score.DefaultThreshold || s.AUC == nil || s.Pearson != nil {
		t.Errorf("summary threshold %v, AUC %v, Pearson %v", s.At.Threshold, s.AUC, s.Pearson)
	}
	// The calibration restates the pairs: every pair in one bin, the
	// bins' mean outcomes adding up to the positives, the Brier score
	// the mean squared error of the listed scores.
	var brier float64
	for _, p := range doc.Pairs {
		brier += (p.Score - *p.Label) * (p.Score - *p.Label)
	}
	brier /= float64(len(doc.Pairs))
	n, pos := 0, 0.0
	for _, b := range s.Calibration.Bins {
		n += b.Pairs
		pos += b.Outcome * float64(b.Pairs)
	}
	if n != len(want) || math.Abs(pos-float64(s.Positives)) > 1e-9 || math.Abs(s.Calibration.Brier-brier) > 1e-9 {
		t.Errorf("calibration %+v: %d pairs in bins, %v positives, Brier want %v", s.Calibration, n, pos, brier)
	}
}

func TestPairsText(t *testing.T) {
	in := "label\ta\tb\n" +
		"4.5\tA man is playing a guitar.\tA man plays the guitar.\n" +
		"0.2\tA woman is slicing an onion.\tA dog runs across the field.\n" +
		"2.5\tThe cat sat on the mat.\tA cat is sitting.\n"
	code, out, errOut := runCmd(t, pairsCmd(in), "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"line  label  score", "\n2     4.5    ", "summary: 3 labelled pairs, 2 positive (graded labels", "configured", "best accuracy", "best F1", "ROC-AUC", "Pearson", "Spearman", "calibration: Brier", "mean label/top"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestPairsPartlyLabelled checks that a pair whose label cell is empty is
// scored, left out of the summary, and counted as left out.
func TestPairsPartlyLabelled(t *testing.T) {
	in := "label\ta\tb\n" +
		"1\tThe committee approved the budget.\tThe budget was approved by the committee.\n" +
		"\tHeavy rain fell.\tStocks rose on Monday.\n"
	code, out, errOut := runCmd(t, pairsCmd(in), "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"\n3     -      ", "summary: 1 labelled pair, 1 positive (1 unlabelled pair left out)"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// pairsJSONOf runs `neardup pairs --format=json -` on in and decodes the
// report.
func pairsJSONOf(t *testing.T, in string) pairsJSON {
	t.Helper()
	code, out, errOut := runCmd(t, pairsCmd(in), "--format=json", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc pairsJSON
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestPairsUnlabelledJSONL(t *testing.T) {
	in := `{"a":"The committee approved the budget.","b":"The budget was approved by the committee."}` + "\n" +
		`{"a":"Heavy rain fell.","b":"Stocks rose on Monday."}` + "\n"
	doc := pairsJSONOf(t, in)
	if doc.Summary != nil || len(doc.Pairs) != 2 || doc.Pairs[0].Label != nil {
		t.Fatalf("got %+v, want two unlabelled pairs and no summary", doc)
	}
	if doc.Pairs[0].Verdict != score.Paraphrase || doc.Pairs[1].Verdict != score.Different {
		t.Errorf("verdicts %s, %s; want paraphrase, different", doc.Pairs[0].Verdict, doc.Pairs[1].Verdict)
	}
}

func TestPairsErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.tsv")
	if err := os.WriteFile(bad, []byte("label\ta\tb\n1\tonly two\nyes\tx\ty\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	noHeader := filepath.Join(dir, "noheader.tsv")
	if err := os.WriteFile(noHeader, []byte("1\tx\ty\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"no good record", []string{bad}, bad + ":2: 2 tab-separated fields, header has 3\n" +
			"neardup pairs: " + bad + `:3: label "yes" is not a number, true or false` + "\n" +
			"neardup pairs: " + bad + ": no valid pair (2 bad lines skipped)\n"},
		{"bad header", []string{noHeader}, noHeader + `:1: TSV header must name columns "a" and "b"`},
		{"missing file", []string{filepath.Join(dir, "none.tsv")}, "no such file"},
		{"no file", nil, "want exactly one FILE"},
		{"bad format", []string{"--format", "xml", bad}, `--format "xml"`},
		{"bad threshold", []string{"--threshold", "2", bad}, "--threshold 2: want a number in (0,1]"},
		{"unknown flag", []string{"--nope", bad}, "unknown flag"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := runCmd(t, pairsCmd(""), tc.args...)
			if code != exitError || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 and %q", code, errOut, tc.want)
			}
		})
	}
}

// TestPairsSkipsBadLines checks that a bad line of a pair file is reported
// on standard error, naming the file, the line and the problem, and
// skipped; that the other pairs are scored; and that the output counts the
// skipped lines. The exit status is scan's for an unreadable file among
// many (exitPartial).
func TestPairsSkipsBadLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.tsv")
	in := "label\ta\tb\n" +
		"1\tThe committee approved the budget.\tThe budget was approved by the committee.\n" +
		"1\tonly two\n" +
		"0\tHeavy rain fell.\tStocks rose on Monday.\n" +
		"maybe\tx\ty\n"
	if err := os.WriteFile(path, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	wantErrs := "neardup pairs: " + path + ":3: 2 tab-separated fields, header has 3\n" +
		"neardup pairs: " + path + `:5: label "maybe" is not a number, true or false` + "\n"

	code, out, errOut := runCmd(t, pairsCmd(""), "--format", "json", path)
	if code != exitPartial || errOut != wantErrs {
		t.Fatalf("exit %d, stderr\n%s\nwant exit %d, stderr\n%s", code, errOut, exitPartial, wantErrs)
	}
	var doc struct {
		pairsJSON
		Skipped *int `json:"skipped"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if len(doc.Pairs) != 2 || doc.Pairs[0].Line != 2 || doc.Pairs[1].Line != 4 {
		t.Errorf("pairs %+v, want lines 2 and 4", doc.Pairs)
	}
	if doc.Skipped == nil || *doc.Skipped != 2 || doc.Summary == nil || doc.Summary.Pairs != 2 {
		t.Errorf("skipped %v, summary %+v; want 2 skipped and 2 pairs summarised", doc.Skipped, doc.Summary)
	}

	code, out, errOut = runCmd(t, pairsCmd(in), "-")
	if code != exitPartial || !strings.Contains(errOut, "neardup pairs: <stdin>:3: 2 tab-separated fields") {
		t.Errorf("stdin: exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(out, "\n2     1      ") || !strings.Contains(out, "\n4     0      ") || !strings.Contains(out, "summary: 2 labelled pairs, 1 positive; 2 bad lines skipped\n") {
		t.Errorf("text output:\n%s", out)
	}
	code, out, _ = runCmd(t, pairsCmd("a\tb\nx\ty\nx\n"), "-")
	if code != exitPartial || strings.Count(out, "\n") != 3 || !strings.HasSuffix(out, "\n1 pairs, unlabelled: no summary; 1 bad line skipped\n") {
		t.Errorf("unlabelled: exit %d, output\n%s", code, out)
	}

	// A file whose lines are all good has nothing skipped.
	code, out, _ = runCmd(t, pairsCmd("a\tb\nx\ty\n"), "--format=json", "-")
	if code != exitOK || !strings.Contains(out, `"skipped": 0`) {
		t.Errorf("exit %d, %s", code, out)
	}
}

// TestPairsBooleanLabels checks that TSV labels may be true/false in any
// case, as the help says and as in JSON Lines.
func TestPairsBooleanLabels(t *testing.T) {
	in := "label\ta\tb\n" +
		"true\tThe committee approved the budget.\tThe budget was approved by the committee.\n" +
		"False\tHeavy rain fell.\tStocks rose on Monday.\n"
	doc := pairsJSONOf(t, in)
	if len(doc.Pairs) != 2 || doc.Pairs[0].Label == nil || *doc.Pairs[0].Label != 1 || doc.Pairs[1].Label == nil || *doc.Pairs[1].Label != 0 {
		t.Fatalf("pairs %+v, want labels 1 and 0", doc.Pairs)
	}
	if doc.Summary == nil || doc.Summary.Pairs != 2 || doc.Summary.Positives != 1 || doc.Summary.Graded {
		t.Errorf("summary %+v, want 2 binary labels, 1 positive", doc.Summary)
	}
}

func TestPairsHelp(t *testing.T) {
	code, _, errOut := runCmd(t, pairsCmd(""), "--help")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"Usage: neardup pairs [flags] FILE", fmt.Sprintf("(default %v)", score.DefaultThreshold), "--format string", "(default \"text\")"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("help lacks %q:\n%s", want, errOut)
		}
	}
}

// TestPairsStrayLabel: one label of "11" among 0/1 labels makes every
// label graded; pairs says so.
func TestPairsStrayLabel(t *testing.T) {
	var b strings.Builder
	b.WriteString("label\ta\tb\n")
	for i := 0; i < 21; i++ {
		fmt.Fprintf(&b, "%d\tThe bank raised rates on day %d.\tRates were raised by the bank on day %d.\n", i%2, i, i)
	}
	b.WriteString("11\tThe bank raised rates.\tRates were raised by the bank.\n")
	path := filepath.Join(t.TempDir(), "labels.tsv")
	os.WriteFile(path, []byte(b.String()), 0o644)
	_, _, errs := cli(t, "", "pairs", "--summary", path)
	if !strings.Contains(errs, "1 of 22 labels are not 0 or 1 (the first at line 23)") {
		t.Errorf("pairs with a stray label: %q; want a warning naming line 23", errs)
	}
	os.WriteFile(path, []byte(strings.Replace(b.String(), "\n11\t", "\n1\t", 1)), 0o644)
	if _, _, errs := cli(t, "", "pairs", "--summary", path); strings.Contains(errs, "not 0 or 1") {
		t.Errorf("pairs of 0/1 labels warned: %q", errs)
	}
}
