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
