package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// archiveIndex builds an index of the article and the coffee wire story.
func archiveIndex(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "archive.ndx")
	if code, _, errs := cli(t, "", "index", "add", "--index", path, seedFile, wireFile); code != exitOK {
		t.Fatalf("index add = %d: %s", code, errs)
	}
	return path
}

func TestCheckExitCodes(t *testing.T) {
	index := archiveIndex(t)
	novel := filepath.Join(t.TempDir(), "novel.txt")
	os.WriteFile(novel, []byte("Volunteers repainted the village library over the weekend and plan to open a reading room for children next month.\n"), 0o644)
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"copy fails on duplicate", []string{"--fail-on", "duplicate", copyFile}, exitFindings},
		{"copy fails on paraphrase", []string{copyFile}, exitFindings},
		{"copy reported only", []string{"--fail-on", "none", copyFile}, exitOK},
		{"novel text", []string{novel}, exitOK},
		{"novel text from stdin", []string{"-"}, exitOK},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stdin, _ := os.ReadFile(novel)
			code, out, errs := cli(t, string(stdin), append([]string{"check", "--index", index}, tc.args...)...)
			if code != tc.code {
				t.Errorf("check %v = %d, want %d\n%s%s", tc.args, code, tc.code, out, errs)
			}
		})
	}
}

func TestCheckErrors(t *testing.T) {
	index := archiveIndex(t)
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"no draft", []string{"check", "--index", index}, "no DRAFT"},
		{"no archive", []string{"check", copyFile}, "either --index PATH or --against"},
		{"both archives", []string{"check", "--index", index, "--against", wireFile, copyFile}, "either --index PATH or --against"},
		{"bad format", []string{"check", "--index", index, "--format", "csv", copyFile}, `--format "csv"`},
		{"bad fail-on", []string{"check", "--index", index, "--fail-on", "always", copyFile}, `--fail-on "always"`},
		{"bad scope", []string{"check", "--index", index, "--scope", "near", copyFile}, `scope "near"`},
		{"missing index", []string{"check", "--index", index + ".gone", copyFile}, ".gone: no index"},
		{"other unit", []string{"check", "--index", index, "--unit", "sentence", copyFile}, `built with unit "paragraph"`},
		{"unreadable draft", []string{"check", "--index", index, "missing.txt"}, "no document could be read"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := cli(t, "", tc.args...)
			if code != exitError || !strings.Contains(errs, tc.msg) {
				t.Errorf("%v = %d, %q; want %d saying %q", tc.args, code, errs, exitError, tc.msg)
			}
		})
	}
}

// TestCheckAgainst: --against indexes the articles in memory and gives the
// same report as an index of them.
func TestCheckAgainst(t *testing.T) {
	index := archiveIndex(t)
	_, want, _ := cli(t, "", "check", "--index", index, "--format", "json", copyFile, seedFile)
	code, got, errs := cli(t, "", "check", "--against", seedFile+","+wireFile, "--format", "json", copyFile, seedFile)
	if code != exitFindings || got != want {
		t.Errorf("check --against = %d %s\n%s\nwant the report of --index:\n%s", code, errs, got, want)
	}
	var rep struct {
		Findings []struct {
			Kind  string `json:"kind"`
			Draft struct {
				Doc  string `json:"doc"`
				Line int    `json:"line"`
			} `json:"draft"`
			Match struct {
				Doc  string `json:"doc"`
				Line int    `json:"line"`
			} `json:"match"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(got), &rep); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range rep.Findings {
		if f.Kind == "duplicate" && f.Draft.Doc == copyFile && f.Draft.Line == 5 && f.Match.Doc == wireFile && f.Match.Line == 3 {
			found = true
		}
	}
	if !found {
		t.Errorf("the copied paragraph (%s:5 = %s:3) is not among the findings:\n%s", copyFile, wireFile, got)
	}
}

// TestCheckOutput: -o writes the report to a file, every format.
func TestCheckOutput(t *testing.T) {
	index := archiveIndex(t)
	dir := t.TempDir()
	for _, f := range []string{"text", "json", "jsonl", "github", "sarif", "markdown"} {
		out := filepath.Join(dir, "report."+f)
		code, stdout, errs := cli(t, "", "check", "--index", index, "--format", f, "-o", out, copyFile)
		b, err := os.ReadFile(out)
		if code != exitFindings || stdout != "" || err != nil || !strings.Contains(string(b), "regional-copy.txt") {
			t.Errorf("check --format %s -o = %d, stdout %q, %v, file %q (%s)", f, code, stdout, err, b, errs)
		}
	}
}
