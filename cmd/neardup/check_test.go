package main

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
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
		{"unreadable draft", []string{"check", "--index", index, "missing.txt"}, "the check is incomplete"},
		{"min-words 0", []string{"check", "--index", index, "--min-words", "0", copyFile}, "--min-words 0: want a whole number, 1 or more"},
		{"max-matches 0", []string{"check", "--index", index, "--max-matches", "0", copyFile}, "--max-matches 0: want a whole number, 1 or more"},
		{"threshold 0", []string{"check", "--index", index, "--threshold", "0", copyFile}, "--threshold 0: want a number in (0,1]"},
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

// TestCheckUnreadableInput: a draft (or an article of --against) that
// cannot be read is counted in every report format and fails the check
// with exit status 2, after the report of the rest.
func TestCheckUnreadableInput(t *testing.T) {
	index := archiveIndex(t)
	missing := filepath.Join(t.TempDir(), "missing-draft.md")
	wants := map[string]string{
		"text":     "· 1 unreadable input\n",
		"json":     `"errors": 1`,
		"github":   "::error title=neardup%3A unreadable input::1 input could not be read",
		"sarif":    `"executionSuccessful": false`,
		"markdown": "· 1 unreadable input\n",
	}
	for format, want := range wants {
		code, out, errs := cli(t, "", "check", "--index", index, "--format", format, "--fail-on", "none", missing, copyFile)
		if code != exitError || !strings.Contains(out, want) || !strings.Contains(errs, "missing-draft.md") || !strings.Contains(out, "regional-copy.txt") {
			t.Errorf("check --format %s with a missing draft = %d, %q, %q; want %d, a report of the other draft saying %q", format, code, out, errs, exitError, want)
		}
	}
	// Without the missing draft: no error counted.
	code, out, _ := cli(t, "", "check", "--index", index, "--format", "json", "--fail-on", "none", copyFile)
	if code != exitOK || !strings.Contains(out, `"errors": 0`) {
		t.Errorf("check of a readable draft = %d, %s; want 0 and no errors", code, out)
	}
	code, out, _ = cli(t, "", "check", "--against", seedFile+","+missing, "--format", "json", copyFile)
	if code != exitError || !strings.Contains(out, `"errors": 1`) {
		t.Errorf("check --against with a missing article = %d, %s; want %d and one error", code, out, exitError)
	}
	// Nothing readable, or no boilerplate readable: still a report, for a
	// CI step that uploads it, and exit status 2.
	for _, args := range [][]string{
		{"check", "--index", index, "--format", "sarif", missing},
		{"check", "--index", index, "--format", "sarif", "--boilerplate", missing, copyFile},
	} {
		code, out, errs := cli(t, "", args...)
		if code != exitError || !strings.Contains(out, `"executionSuccessful": false`) || !strings.Contains(errs, "missing-draft.md") {
			t.Errorf("%v = %d, %q, %q; want %d and a SARIF report of an incomplete run", args, code, out, errs, exitError)
		}
	}
}

// TestCheckFailOnDuplicateBeyondMaxMatches: three paraphrases (a number
// changed) outscore a duplicate (a few words changed); --fail-on duplicate
// fails whatever --max-matches, and the summary counts the duplicate.
func TestCheckFailOnDuplicateBeyondMaxMatches(t *testing.T) {
	dir := t.TempDir()
	const draft = "The city council approved a budget of 45 million dollars on Tuesday to repair bridges, resurface roads and expand the bus network across the northern districts over the next three years."
	files := map[string]string{
		"draft.md": draft,
		"dup.md":   "The town board passed a budget of 45 million dollars on Monday to repair bridges, resurface roads and expand the bus network across the northern districts over the next three years.",
		"n1.md":    strings.Replace(draft, "45 million dollars on Tuesday to repair", "46 million dollars on Tuesday to repair", 1),
		"n2.md":    strings.Replace(draft, "45 million dollars on Tuesday to repair", "47 million dollars on Tuesday to fix", 1),
		"n3.md":    strings.Replace(draft, "45 million dollars on Tuesday to repair", "48 million dollars on Tuesday to mend", 1),
	}
	for name, text := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(text+"\n"), 0o644)
	}
	var against []string
	for _, n := range []string{"n1.md", "n2.md", "n3.md", "dup.md"} {
		against = append(against, filepath.Join(dir, n))
	}
	for _, mm := range []string{"1", "3", "10"} {
		code, out, errs := cli(t, "", "check", "--against", strings.Join(against, ","), "--fail-on", "duplicate", "--max-matches", mm, filepath.Join(dir, "draft.md"))
		if code != exitFindings || !strings.Contains(out, "· 1 duplicate ·") {
			t.Errorf("check --fail-on duplicate --max-matches %s = %d, %s%s; want %d and the duplicate counted", mm, code, out, errs, exitFindings)
		}
	}
}

// TestCheckReadsDraftsBeforeLocking: a check waiting for its draft on
// standard input does not hold the index: an add goes through meanwhile.
func TestCheckReadsDraftsBeforeLocking(t *testing.T) {
	index := archiveIndex(t)
	r, w := io.Pipe()
	type result struct {
		code     int
		out, err string
	}
	done := make(chan result)
	go func() {
		var out, errb strings.Builder
		code := run(context.Background(), []string{"check", "--index", index, "--format", "jsonl", "--fail-on", "duplicate", "-"}, r, &out, &errb)
		done <- result{code, out.String(), errb.String()}
	}()
	time.Sleep(200 * time.Millisecond) // the check is waiting for its draft
	if code, _, errs := cli(t, "", "index", "add", "--index", index, "--lock-timeout", "1s", copyFile); code != exitOK {
		t.Errorf("index add while a check waits for standard input = %d: %s", code, errs)
	}
	b, _ := os.ReadFile(copyFile)
	w.Write(b)
	w.Close()
	res := <-done
	if res.code != exitFindings || !strings.Contains(res.out, `"doc":"`+copyFile+`"`) {
		t.Errorf("check - = %d, %s %s; want the copy added meanwhile among its matches", res.code, res.out, res.err)
	}
}

// TestCheckEmptyDrafts: drafts that hold no document (an empty JSONL
// file) are nothing to check: an empty report, exit 0, and a note.
func TestCheckEmptyDrafts(t *testing.T) {
	index := archiveIndex(t)
	empty := filepath.Join(t.TempDir(), "drafts.jsonl")
	os.WriteFile(empty, nil, 0o644)
	code, out, errs := cli(t, "", "check", "--index", index, "--format", "json", empty)
	if code != exitOK || !strings.Contains(out, `"documents": 0`) || !strings.Contains(errs, "holds no document") {
		t.Errorf("check of an empty drafts file = %d, %q, %q; want 0, an empty report and a note", code, out, errs)
	}
}
