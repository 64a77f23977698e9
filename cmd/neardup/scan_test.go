package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// runCLI runs the command line in-process and returns its exit code and
// outputs.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// golden compares got with the file testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./cmd/neardup -update writes it)", err)
	}
	if got == string(want) {
		return
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Fatalf("%s:%d differs (go test -update rewrites it)\n got: %s\nwant: %s", path, i+1, g, w)
		}
	}
}

const seed = "../../testdata/cambodia-article.txt"

// TestScanGolden pins the reports of the seed article, the README's example:
// text and JSON in paragraph mode, JSON in sentence mode.
func TestScanGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"scan-cambodia.txt", []string{"scan", seed}},
		{"scan-cambodia.json", []string{"scan", "--format", "json", seed}},
		{"scan-cambodia-sentence.json", []string{"scan", "--format", "json", "--unit", "sentence", seed}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI(t, "", tc.args...)
			if code != exitOK {
				t.Fatalf("exit %d, stderr %q", code, errs)
			}
			golden(t, tc.name, out)
		})
	}
}

// TestScanJSONShape checks the fields the issue promises a program.
func TestScanJSONShape(t *testing.T) {
	code, out, _ := runCLI(t, "", "scan", "--format", "json", seed)
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var rep struct {
		Clusters []struct {
			ID      int    `json:"id"`
			Kind    string `json:"kind"`
			Members []struct {
				Doc   string `json:"doc"`
				Line  int    `json:"line"`
				Start int    `json:"start"`
				End   int    `json:"end"`
				Text  string `json:"text"`
			} `json:"members"`
		} `json:"clusters"`
		Pairs []json.RawMessage `json:"pairs"`
		Stats map[string]any    `json:"stats"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Clusters) == 0 || len(rep.Pairs) == 0 || rep.Stats["units"] == nil {
		t.Fatalf("report lacks clusters, pairs or stats: %s", out[:min(len(out), 300)])
	}
	for _, c := range rep.Clusters {
		for _, m := range c.Members {
			if m.Doc != seed || m.Start < 0 || m.End > len(src) || m.Start >= m.End {
				t.Errorf("cluster %d member %+v: bad location", c.ID, m)
				continue
			}
			if line := 1 + bytes.Count(src[:m.Start], []byte("\n")); line != m.Line {
				t.Errorf("member at byte %d: line %d, want %d", m.Start, m.Line, line)
			}
		}
	}
}

func TestScanExitCodes(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.txt")
	for _, tc := range []struct {
		name    string
		args    []string
		code    int
		stderr  string // substring
		nonzero bool   // stdout has a report
	}{
		{"no path", []string{"scan"}, exitError, "no PATH", false},
		{"unknown flag", []string{"scan", "--bogus", seed}, exitError, "bogus", false},
		{"bad format", []string{"scan", "--format", "pdf", seed}, exitError, "pdf", false},
		{"bad unit", []string{"scan", "--unit", "word", seed}, exitError, "word", false},
		{"bad scope", []string{"scan", "--scope", "nowhere", seed}, exitError, "nowhere", false},
		{"bad language", []string{"scan", "--lang", "klingon", seed}, exitError, "klingon", false},
		{"only file missing", []string{"scan", missing}, exitError, "missing.txt", false},
		{"one of two missing", []string{"scan", missing, seed}, exitOK, "missing.txt", true},
		{"unknown command", []string{"scna"}, exitError, "unknown command", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI(t, "", tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tc.code, errs)
			}
			if !strings.Contains(errs, tc.stderr) {
				t.Errorf("stderr %q does not mention %q", errs, tc.stderr)
			}
			if (out != "") != tc.nonzero {
				t.Errorf("stdout = %q", out[:min(len(out), 200)])
			}
		})
	}
}

func TestScanStdinAndOutputFile(t *testing.T) {
	src, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "report.csv")
	code, stdout, errs := runCLI(t, string(src), "scan", "--format", "csv", "-o", out, "-")
	if code != exitOK || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, errs)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "kind,score,") || !strings.Contains(string(data), "Steadfast China-Cambodia") {
		t.Errorf("CSV report: %q", data[:min(len(data), 300)])
	}
}

func TestScanHelp(t *testing.T) {
	code, _, errs := runCLI(t, "", "scan", "--help")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, flag := range []string{"--unit", "--threshold", "--scope", "--min-words", "--lang", "--format", "--output", "--include", "--exclude", "--id-field", "--text-field", "--input-format", "--stats", "(default"} {
		if !strings.Contains(errs, flag) {
			t.Errorf("scan --help does not mention %s", flag)
		}
	}
	code, out, _ := runCLI(t, "", "--help")
	if code != exitOK || !strings.Contains(out, "scan") || !strings.Contains(out, "check") {
		t.Errorf("neardup --help: exit %d, %q", code, out)
	}
	// "neardup help scan" is scan's help, on standard output.
	code, out, _ = runCLI(t, "", "help", "scan")
	if code != exitOK || !strings.HasPrefix(out, "Usage: neardup scan") || !strings.Contains(out, "--min-words") {
		t.Errorf("neardup help scan: exit %d, %.80q", code, out)
	}
	// "neardup help index add" is the subcommand's help.
	code, out, _ = runCLI(t, "", "help", "index", "add")
	if code != exitOK || !strings.HasPrefix(out, "Usage: neardup index add") {
		t.Errorf("neardup help index add: exit %d, %.80q", code, out)
	}
}

func TestScanStats(t *testing.T) {
	code, _, errs := runCLI(t, "", "scan", "--stats", seed)
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, stage := range []string{"load", "analyse", "candidates", "score", "cluster", "peak memory"} {
		if !strings.Contains(errs, stage) {
			t.Errorf("--stats output lacks %q:\n%s", stage, errs)
		}
	}
}

// TestReadmeExample keeps the README's 30-second example true: the report
// it shows is what scan prints today.
func TestReadmeExample(t *testing.T) {
	t.Chdir("../..")
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	const cmd = "$ go run ./cmd/neardup scan testdata/cambodia-article.txt\n"
	s := string(readme)
	i := strings.Index(s, cmd)
	if i < 0 {
		t.Fatalf("README.md has no %q", cmd)
	}
	s = s[i+len(cmd):]
	want := s[:strings.Index(s, "```")]
	code, got, errs := runCLI(t, "", "scan", "testdata/cambodia-article.txt")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if got != want {
		t.Errorf("README example is stale: paste the output of the command into README.md\n got:\n%s\nwant:\n%s", got, want)
	}
}

// TestFlagRanges checks that a flag typed out of its range is rejected
// with its name and range, by scan, pairs and compare alike, instead of
// running with the default or an invalid value; the ends of each range
// run with the value given.
func TestFlagRanges(t *testing.T) {
	pairs := filepath.Join(t.TempDir(), "p.tsv")
	if err := os.WriteFile(pairs, []byte("label\ta\tb\n1\tThe board approved the budget.\tThe budget was approved by the board.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const thresholdRange = "want a number in (0,1]"
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"scan", "--threshold", "0", seed}, "neardup scan: --threshold 0: " + thresholdRange},
		{[]string{"scan", "--threshold", "-0.2", seed}, "neardup scan: --threshold -0.2: " + thresholdRange},
		{[]string{"scan", "--threshold=1.5", seed}, "neardup scan: --threshold 1.5: " + thresholdRange},
		{[]string{"scan", "--threshold", "NaN", seed}, "neardup scan: --threshold NaN: " + thresholdRange},
		{[]string{"scan", "--duplicate-threshold", "0", seed}, "neardup scan: --duplicate-threshold 0: " + thresholdRange},
		{[]string{"scan", "--min-words", "0", seed}, "neardup scan: --min-words 0: want a whole number, 1 or more"},
		{[]string{"scan", "--min-words", "-3", seed}, "neardup scan: --min-words -3: want a whole number, 1 or more"},
		{[]string{"scan", "--boilerplate-docs", "-1", seed}, "neardup scan: --boilerplate-docs -1: want a whole number, 2 or more"},
		{[]string{"scan", "--boilerplate-docs", "1", seed}, "neardup scan: --boilerplate-docs 1: want a whole number, 2 or more"},
		{[]string{"scan", "--workers", "-1", seed}, "neardup scan: --workers -1: want 0 (one per core) or more"},
		{[]string{"scan", "--lang", "german", seed}, "neardup scan: --lang german: want one of english, french, hungarian, none, norwegian, russian, spanish, swedish (or its two-letter code)"},
		{[]string{"pairs", "--lang", "german", seed}, "neardup pairs: --lang german: want one of english, french, hungarian, none, norwegian, russian, spanish, swedish (or its two-letter code)"},
		{[]string{"index", "add", "--index", "x.ndx", "--lang", "german", seed}, "neardup index add: --lang german: want one of english, french, hungarian, none, norwegian, russian, spanish, swedish (or its two-letter code)"},
		{[]string{"pairs", "--threshold", "0", pairs}, "neardup pairs: --threshold 0: " + thresholdRange},
		{[]string{"pairs", "--duplicate-threshold", "-1", pairs}, "neardup pairs: --duplicate-threshold -1: " + thresholdRange},
		{[]string{"compare", "--threshold", "0", "a b c", "d e f"}, "neardup compare: --threshold 0: " + thresholdRange},
		{[]string{"compare", "--duplicate-threshold", "2", "a b c", "d e f"}, "neardup compare: --duplicate-threshold 2: " + thresholdRange},
	} {
		t.Run(strings.Join(tc.args[:3], " "), func(t *testing.T) {
			code, out, errs := runCLI(t, "", tc.args...)
			if code != exitError || out != "" || !strings.Contains(errs, tc.want+"\n") {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d and %q", code, out[:min(len(out), 100)], errs, exitError, tc.want)
			}
		})
	}

	// The ends of the ranges are values like any other.
	code, out, errs := runCLI(t, "", "scan", "--format", "json", "--threshold", "1", "--duplicate-threshold", "1", "--min-words", "1", "--boilerplate-docs", "2", "--workers", "0", seed)
	if code != exitOK {
		t.Fatalf("scan at the ends of the ranges: exit %d: %s", code, errs)
	}
	var rep struct {
		Options map[string]any `json:"options"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if o := rep.Options; o["threshold"] != 1.0 || o["duplicate_threshold"] != 1.0 || o["min_words"] != 1.0 || o["boilerplate_docs"] != 2.0 {
		t.Errorf("options in force %v, want the values given", o)
	}
	code, out, errs = runCLI(t, "", "compare", "--threshold", "1", "The board approved the budget.", "The budget was approved by the board.")
	if code != exitOK || !strings.Contains(out, "paraphrase at >= 1.0000") {
		t.Errorf("compare --threshold 1: exit %d, %s%s", code, out, errs)
	}
}

// TestOutputFileErrors checks that a report that cannot be written names
// the file given to -o, not the temporary file written beside it.
func TestOutputFileErrors(t *testing.T) {
	dir := t.TempDir()
	pairs := filepath.Join(dir, "p.tsv")
	if err := os.WriteFile(pairs, []byte("a\tb\nThe board approved the budget.\tThe budget was approved by the board.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "no", "such", "dir", "out.txt")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"scan", "-o", missing, seed}, "neardup: " + missing + ": no such file or directory\n"},
		{[]string{"pairs", "-o", missing, pairs}, "neardup: " + missing + ": no such file or directory\n"},
		{[]string{"scan", "-o", dir, seed}, "neardup: " + dir + ": "}, // a directory
	} {
		code, out, errs := runCLI(t, "", tc.args...)
		if code != exitError || out != "" || !strings.Contains(errs, tc.want) || strings.Contains(errs, ".neardup-") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit %d and %q", tc.args, code, out, errs, exitError, tc.want)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".neardup-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestScanEmptyInput: inputs that hold no document (an empty JSONL file, a
// scraper's run of no record) give an empty report and no failure; a
// missing input still fails.
func TestScanEmptyInput(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.jsonl")
	os.WriteFile(empty, nil, 0o644)
	code, out, errs := runCLI(t, "", "scan", "--format", "json", empty)
	if code != exitOK || !strings.Contains(out, `"documents": 0`) || !strings.Contains(errs, "holds no document") {
		t.Errorf("scan of an empty JSONL file = %d, %q, %q; want 0, an empty report and a note", code, out, errs)
	}
	if code, _, _ := runCLI(t, "", "scan", filepath.Join(dir, "missing.jsonl")); code != exitError {
		t.Errorf("scan of a missing file = %d, want %d", code, exitError)
	}
}

// TestScanRepeatedIDs: two records with one id are both read, and the
// second is warned of, naming its file and line.
func TestScanRepeatedIDs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dup.jsonl")
	os.WriteFile(path, []byte(`{"id":"42","text":"The council voted to dredge the harbour next spring."}`+"\n"+
		`{"id":"42","text":"Fishermen protested the new harbour fees outside the hall."}`+"\n"), 0o644)
	code, out, errs := runCLI(t, "", "scan", path)
	if code != exitOK || !strings.Contains(out, "2 documents") || !strings.Contains(errs, `dup.jsonl:2: id "42" is an earlier document's too`) {
		t.Errorf("scan = %d, %q, %q; want both documents and a warning for line 2", code, out, errs)
	}
}

// TestScanOutputFolder: -o naming a folder says so.
func TestScanOutputFolder(t *testing.T) {
	code, _, errs := runCLI(t, "", "scan", "-o", t.TempDir(), seed)
	if code != exitError || !strings.Contains(errs, "is a folder") {
		t.Errorf("scan -o DIR = %d, %q; want %d saying it is a folder", code, errs, exitError)
	}
}
