package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/neardup/neardup"
	"github.com/neardup/neardup/corpus"
)

// cli runs the command line with args and returns the exit code, standard
// output and standard error.
func cli(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb strings.Builder
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

const (
	seedFile = "../../testdata/cambodia-article.txt"
	wireFile = "../../testdata/coffee/wire-original.txt"
	copyFile = "../../testdata/coffee/regional-copy.txt"
)

// unitCount is the number of units corpus splits a file into that hold
// a word.
func unitCount(t *testing.T, path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, u := range corpus.SplitText(string(b), corpus.Paragraph) {
		if !u.Reference { // lists of sources are not stored
			n++
		}
	}
	if n == 0 {
		t.Fatalf("%s: no units outside reference lists", path)
	}
	return n
}

func indexStats(t *testing.T, path string) map[string]any {
	t.Helper()
	code, out, errs := cli(t, "", "index", "stats", "--index", path, "--format", "json", "--verify")
	if code != exitOK {
		t.Fatalf("index stats = %d: %s", code, errs)
	}
	var st map[string]any
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestIndexAddStatsRm(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.ndx")
	code, _, errs := cli(t, "", "index", "add", "--index", path, seedFile, wireFile)
	if code != exitOK {
		t.Fatalf("index add = %d: %s", code, errs)
	}
	st := indexStats(t, path)
	if want := float64(unitCount(t, seedFile) + unitCount(t, wireFile)); st["documents"] != 2.0 || st["units"] != want {
		t.Errorf("stats = %v documents, %v units; want 2, %v", st["documents"], st["units"], want)
	}
	if st["unit"] != "paragraph" || st["language"] != "english" {
		t.Errorf("stats record unit %v, language %v", st["unit"], st["language"])
	}
	// Adding a file again replaces it.
	if code, _, errs := cli(t, "", "index", "add", "--index", path, wireFile); code != exitOK {
		t.Fatalf("index add again = %d: %s", code, errs)
	}
	if st := indexStats(t, path); st["documents"] != 2.0 {
		t.Errorf("after adding a file again: %v documents, want 2", st["documents"])
	}
	code, out, _ := cli(t, "", "index", "rm", "--index", path, "--doc", wireFile, "--doc", "nothing.txt")
	if code != exitFindings || out != "removed "+wireFile+"\n" {
		t.Errorf("index rm = %d %q, want %d and one removal", code, out, exitFindings)
	}
	if st := indexStats(t, path); st["documents"] != 1.0 || st["units"] != float64(unitCount(t, seedFile)) {
		t.Errorf("after rm: %v documents, %v units", st["documents"], st["units"])
	}
	code, out, errs = cli(t, "", "index", "compact", "--index", path)
	if code != exitOK || !strings.HasPrefix(out, "compacted ") {
		t.Errorf("index compact = %d %q %s", code, out, errs)
	}
	indexStats(t, path)
	code, out, _ = cli(t, "", "index", "stats", "--index", path)
	if code != exitOK || !strings.Contains(out, "documents   1\n") {
		t.Errorf("index stats text = %d %q", code, out)
	}
}

func TestIndexErrors(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.ndx")
	if code, _, errs := cli(t, "", "index", "add", "--index", path, wireFile); code != exitOK {
		t.Fatal(errs)
	}
	notIndex := filepath.Join(dir, "notes.txt")
	os.WriteFile(notIndex, []byte(strings.Repeat("just some notes\n", 1000)), 0o644)
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"no subcommand", []string{"index"}, "Subcommands:"},
		{"unknown subcommand", []string{"index", "drop"}, `unknown subcommand "drop"`},
		{"add without index", []string{"index", "add", wireFile}, "need --index PATH"},
		{"add without articles", []string{"index", "add", "--index", path}, "at least one ARTICLE"},
		{"add other unit", []string{"index", "add", "--index", path, "--unit", "sentence", wireFile}, `built with unit "paragraph", this run uses "sentence"`},
		{"add nothing readable", []string{"index", "add", "--index", path, filepath.Join(dir, "missing.txt")}, "no document could be read"},
		{"stats missing index", []string{"index", "stats", "--index", filepath.Join(dir, "none.ndx")}, "none.ndx: no index"},
		{"stats not an index", []string{"index", "stats", "--index", notIndex}, "not a neardup index"},
		{"rm without doc", []string{"index", "rm", "--index", path}, "--doc ID"},
		{"rm missing index", []string{"index", "rm", "--index", filepath.Join(dir, "nope.ndx"), "--doc", "x"}, "nope.ndx: no index"},
		{"compact missing index", []string{"index", "compact", "--index", filepath.Join(dir, "nope.ndx")}, "nope.ndx: no index"},
		{"bad flag", []string{"index", "stats", "--index", path, "--colour"}, "unknown flag"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := cli(t, "", tc.args...)
			if code != exitError || !strings.Contains(errs, tc.msg) {
				t.Errorf("%v = %d, %q; want %d saying %q", tc.args, code, errs, exitError, tc.msg)
			}
		})
	}
	if code, out, _ := cli(t, "", "index", "add", "--help"); code != exitOK || out != "" {
		t.Errorf("index add --help = %d, stdout %q", code, out)
	}
	// A mistyped --index is not created by rm or compact.
	if _, err := os.Stat(filepath.Join(dir, "nope.ndx")); err == nil {
		t.Errorf("rm or compact of a missing index created it")
	}
}

// TestIndexCompactEmptyBuckets: an index whose documents were all removed,
// and one holding a document without content words, compact to an index
// that stats, checks and adds as before.
func TestIndexCompactEmptyBuckets(t *testing.T) {
	dir := t.TempDir()
	stop := filepath.Join(dir, "stop.txt")
	os.WriteFile(stop, []byte("It is what it is.\n"), 0o644)
	for _, tc := range []struct {
		name, file string
		rm         bool
		docs       float64
	}{{"emptied", wireFile, true, 0}, {"stop words", stop, false, 1}} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name+".ndx")
			if code, _, errs := cli(t, "", "index", "add", "--index", path, tc.file); code != exitOK {
				t.Fatal(errs)
			}
			if tc.rm {
				if code, _, errs := cli(t, "", "index", "rm", "--index", path, "--doc", tc.file); code != exitOK {
					t.Fatal(errs)
				}
			}
			code, out, errs := cli(t, "", "index", "compact", "--index", path)
			if code != exitOK || !strings.HasPrefix(out, "compacted ") {
				t.Fatalf("index compact = %d %q %s", code, out, errs)
			}
			if st := indexStats(t, path); st["documents"] != tc.docs {
				t.Errorf("after compaction: %v documents, want %v", st["documents"], tc.docs)
			}
			if code, _, errs := cli(t, "", "check", "--index", path, copyFile); code != exitOK {
				t.Errorf("check after compaction = %d: %s", code, errs)
			}
			if code, _, errs := cli(t, "", "index", "add", "--index", path, wireFile); code != exitOK {
				t.Errorf("add after compaction = %d: %s", code, errs)
			}
			if st := indexStats(t, path); st["documents"] != tc.docs+1 {
				t.Errorf("after compaction and an add: %v documents, want %v", st["documents"], tc.docs+1)
			}
		})
	}
}

// indexAddChild returns the command that runs this test binary as a child
// running `neardup ARGS` (TestIndexAddChild reads them from the
// environment).
func indexAddChild(args string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestIndexAddChild$")
	cmd.Env = append(os.Environ(), "NEARDUP_INDEX_ADD_ARGS="+args)
	return cmd
}

// TestIndexCompactDuringAdd: `neardup index add` runs in a child process,
// committing small batches, while this process compacts the index again
// and again. Every document the child committed is in the index at the
// end: none went to a file that a compaction had replaced.
func TestIndexCompactDuringAdd(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a child process")
	}
	dir := t.TempDir()
	const records = 600
	input := writeStream(t, dir, records)
	path := filepath.Join(dir, "busy.ndx")
	if code, _, errs := cli(t, "", "index", "add", "--index", path, seedFile); code != exitOK {
		t.Fatal(errs)
	}
	cmd := indexAddChild("index add --no-sync --lock-timeout 30s --batch 5 --index " + path + " " + input)
	var childErr strings.Builder
	cmd.Stderr = &childErr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error)
	go func() { done <- cmd.Wait() }()
	compactions := 0
	for running := true; running; {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("index add: %v: %s", err, childErr.String())
			}
			running = false
		default:
			if code, _, errs := cli(t, "", "index", "compact", "--lock-timeout", "30s", "--index", path); code != exitOK {
				t.Fatalf("index compact = %d: %s", code, errs)
			}
			compactions++
			time.Sleep(20 * time.Millisecond) // bbolt polls for a lock every 50 ms: let the add have it
		}
	}
	if !strings.Contains(childErr.String(), fmt.Sprintf("added %d documents", records)) {
		t.Fatalf("index add: %s", childErr.String())
	}
	if st := indexStats(t, path); st["documents"] != float64(records+1) {
		t.Errorf("after %d compactions during the add, the index holds %v documents, want %d", compactions, st["documents"], records+1)
	}
	t.Logf("%d compactions during the add", compactions)
}

// TestIndexAddStdinID: a document read from standard input needs an id
// (--id): without one each would be "-" and replace the last. JSONL
// records on standard input carry their own.
func TestIndexAddStdinID(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.ndx")
	a, _ := os.ReadFile(wireFile)
	b, _ := os.ReadFile(seedFile)
	if code, _, errs := cli(t, string(a), "index", "add", "--index", path, "-"); code != exitError || !strings.Contains(errs, "--id ID") {
		t.Errorf("index add - without --id = %d, %q; want %d asking for --id", code, errs, exitError)
	}
	if _, err := os.Stat(path); err == nil {
		if st := indexStats(t, path); st["documents"] != 0.0 {
			t.Errorf("the refused standard input was added: %v documents", st["documents"])
		}
	}
	for id, text := range map[string][]byte{"a.txt": a, "b.txt": b} {
		if code, _, errs := cli(t, string(text), "index", "add", "--index", path, "--id", id, "-"); code != exitOK {
			t.Fatalf("index add --id %s - = %d: %s", id, code, errs)
		}
	}
	if st := indexStats(t, path); st["documents"] != 2.0 {
		t.Errorf("two standard inputs added with their ids: %v documents, want 2", st["documents"])
	}
	// A check of standard input finds the exact copy of a document added
	// from standard input.
	code, out, errs := cli(t, string(a), "check", "--index", path, "--scope", "across", "--format", "jsonl", "--fail-on", "duplicate", "-")
	if code != exitFindings || !strings.Contains(out, `"doc":"a.txt"`) {
		t.Errorf("check - of a copy of a.txt = %d, %s %s; want duplicates of a.txt", code, out, errs)
	}
	for _, tc := range []struct {
		name, stdin string
		args        []string
		msg         string
	}{
		{"jsonl without ids", `{"text": "Some text read from a stream without an id."}` + "\n", nil, "without an id"},
		{"json array without ids", `[{"text": "Some text read from a stream without an id."}]`, nil, "JSON array without an id"},
		{"jsonl with --id", `{"id": "r1", "text": "Some text read from a stream with an id."}` + "\n", []string{"--id", "x"}, "--id is for"},
		{"--id without -", "", []string{"--id", "x", wireFile}, "give - among"},
	} {
		args := append([]string{"index", "add", "--index", path}, tc.args...)
		if !slices.Contains(tc.args, wireFile) {
			args = append(args, "-")
		}
		if code, _, errs := cli(t, tc.stdin, args...); code != exitError || !strings.Contains(errs, tc.msg) {
			t.Errorf("%s: %v = %d, %q; want %d saying %q", tc.name, args, code, errs, exitError, tc.msg)
		}
	}
	if code, _, errs := cli(t, `{"id": "r1", "text": "Some text read from a stream with an id of its own."}`+"\n", "index", "add", "--index", path, "-"); code != exitOK {
		t.Errorf("JSONL records with ids on standard input = %d: %s", code, errs)
	}
}

// TestLockTimeoutZero: --lock-timeout 0 does not wait for a process that
// holds the index (a child process, TestHoldIndexChild): it fails at once.
func TestLockTimeoutZero(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a child process")
	}
	path := filepath.Join(t.TempDir(), "x.ndx")
	if code, _, errs := cli(t, "", "index", "add", "--index", path, wireFile); code != exitOK {
		t.Fatal(errs)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHoldIndexChild$")
	cmd.Env = append(os.Environ(), "NEARDUP_HOLD_INDEX="+path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		stdin.Close()
		cmd.Wait()
	}()
	if line, err := bufio.NewReader(out).ReadString('\n'); err != nil || line != "holding\n" {
		t.Fatalf("child holding the index: %q, %v", line, err)
	}
	for _, args := range [][]string{
		{"index", "stats", "--index", path},
		{"index", "add", "--index", path, seedFile},
		{"check", "--index", path, copyFile},
	} {
		start := time.Now()
		code, _, errs := cli(t, "", append(args, "--lock-timeout", "0")...)
		if code != exitError || !strings.Contains(errs, "locked by another process") || time.Since(start) > 2*time.Second {
			t.Errorf("%v --lock-timeout 0 while locked = %d, %q after %v; want a lock error at once", args, code, errs, time.Since(start))
		}
	}
}

// TestHoldIndexChild is TestLockTimeoutZero's other process: with
// NEARDUP_HOLD_INDEX set, it opens that index for writing (which holds its
// lock), says so, and keeps it until its standard input closes.
func TestHoldIndexChild(t *testing.T) {
	path := os.Getenv("NEARDUP_HOLD_INDEX")
	if path == "" {
		t.Skip("the child process of TestLockTimeoutZero")
	}
	ix, err := neardup.OpenIndex(path, neardup.IndexOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	fmt.Println("holding")
	io.Copy(io.Discard, os.Stdin)
}

// TestIndexAddKilled runs `neardup index add` over a JSONL stream of
// documents in a child process, kills it at a random moment after some
// batches are committed, and checks that the index opens, verifies, and
// holds a prefix of the stream at least as long as the batches the child
// reported committed.
func TestIndexAddKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a child process")
	}
	dir := t.TempDir()
	const records = 3000
	input := writeStream(t, dir, records)
	path := filepath.Join(dir, "killed.ndx")
	cmd := indexAddChild("index add -v --batch 25 --index " + path + " " + input)
	errp, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	committed := -1
	var times []time.Time
	sc := bufio.NewScanner(errp)
	for len(times) < 3 && sc.Scan() {
		if n, ok := strings.CutPrefix(sc.Text(), "neardup index add: committed "); ok {
			fmt.Sscan(n, &committed)
			times = append(times, time.Now())
		}
	}
	if len(times) == 3 {
		period := times[2].Sub(times[1])
		time.Sleep(time.Duration(rand.New(rand.NewPCG(1, 1)).Int64N(int64(period) + 1)))
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if committed < 0 {
		t.Fatal("the child committed nothing")
	}
	st := indexStats(t, path)
	docs := int(st["documents"].(float64))
	if docs < committed || docs%25 != 0 || docs >= records {
		t.Errorf("index holds %d documents; the child had committed %d in batches of 25 of %d", docs, committed, records)
	}
	// The documents are the first ones of the stream: checking record
	// docs-1 finds itself, record docs does not.
	for i, want := range map[int]bool{docs - 1: true, docs + 30: false} {
		draft := fmt.Sprintf("Record %d closes with a sentence of its own about nothing much.", i)
		code, out, errs := cli(t, draft, "check", "--index", path, "--format", "jsonl", "--fail-on", "duplicate", "--min-words", "3", "-")
		if got := code == exitFindings && strings.Contains(out, fmt.Sprintf(`"doc":"r-%d"`, i)); got != want {
			t.Errorf("record %d found = %v, want %v (%d %s)", i, got, want, code, errs)
		}
	}
	t.Logf("killed after %d committed documents; index holds %d", committed, docs)
}

// writeStream writes a JSONL stream of n documents made of the seed
// article's paragraphs, each closing with a sentence naming it, and
// returns its path.
func writeStream(t *testing.T, dir string, n int) string {
	t.Helper()
	b, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(string(b), "\n\n")
	var stream strings.Builder
	for i := 0; i < n; i++ {
		text := paras[i%len(paras)] + "\n\n" + paras[(i*7+3)%len(paras)] + fmt.Sprintf("\n\nRecord %d closes with a sentence of its own about nothing much.", i)
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("r-%d", i), "text": text})
		stream.Write(line)
		stream.WriteByte('\n')
	}
	input := filepath.Join(dir, "stream.jsonl")
	if err := os.WriteFile(input, []byte(stream.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return input
}

// TestCheckDuringIndexAdd: while `neardup index add` runs in a child
// process, committing in batches and waiting for more input, a check
// against the same index from this process gets in between two batches
// and finds a committed record.
func TestCheckDuringIndexAdd(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a child process")
	}
	dir := t.TempDir()
	input, err := os.ReadFile(writeStream(t, dir, 100))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "busy.ndx")
	cmd := indexAddChild("index add -v --batch 25 --index " + path + " -")
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	errp, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
	}()
	// Two batches and a half, then the child waits for the rest of its
	// input with the index open.
	lines := strings.SplitAfter(string(input), "\n")
	io.WriteString(in, strings.Join(lines[:60], ""))
	sc := bufio.NewScanner(errp)
	commits := 0
	for commits < 2 && sc.Scan() {
		if strings.HasPrefix(sc.Text(), "neardup index add: committed ") {
			commits++
		}
	}
	if commits < 2 {
		t.Fatal("the child did not commit two batches")
	}
	draft := "Record 3 closes with a sentence of its own about nothing much."
	code, out, errs := cli(t, draft, "check", "--index", path, "--lock-timeout", "2s", "--format", "jsonl", "--fail-on", "duplicate", "--min-words", "3", "-")
	if code != exitFindings || !strings.Contains(out, `"doc":"r-3"`) {
		t.Errorf("check during the add = %d, %q, %q; want record r-3 found", code, out, errs)
	}
	// The rest of the input; the add finishes with every record.
	io.WriteString(in, strings.Join(lines[60:], ""))
	in.Close()
	go io.Copy(io.Discard, errp)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("index add: %v", err)
	}
	if st := indexStats(t, path); st["documents"].(float64) != 100 {
		t.Errorf("index holds %v documents, want 100", st["documents"])
	}
}

// TestIndexAddChild runs the command line given by TestIndexAddKilled.
func TestIndexAddChild(t *testing.T) {
	args := os.Getenv("NEARDUP_INDEX_ADD_ARGS")
	if args == "" {
		t.Skip("run by TestIndexAddKilled")
	}
	run(context.Background(), strings.Fields(args), os.Stdin, os.Stdout, os.Stderr)
}

// TestIndexAddUnreadable: an input that cannot be read is named, the rest
// is added, and the summary counts what was not.
func TestIndexAddUnreadable(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.ndx")
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte("{\"id\":\"a\",\"text\":\"The council voted on Tuesday to dredge the harbour.\"}\n{bad\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.txt")
	code, _, errs := cli(t, "", "index", "add", "--index", path, wireFile, bad, missing)
	if code != exitPartial {
		t.Errorf("index add = %d, want %d", code, exitPartial)
	}
	for _, want := range []string{bad + ":2: invalid JSON", missing + ": no such file", "added 2 documents (2 unreadable inputs, named above)"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if st := indexStats(t, path); st["documents"] != 2.0 {
		t.Errorf("%v documents in the index, want 2", st["documents"])
	}
}

// TestIndexAddEmptyAndRepeated: an input of no record adds nothing and does
// not fail; a record whose id an earlier one of the input has replaces it,
// and says so.
func TestIndexAddEmptyAndRepeated(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.ndx")
	empty := filepath.Join(dir, "empty.jsonl")
	os.WriteFile(empty, nil, 0o644)
	if code, _, errs := cli(t, "", "index", "add", "--index", path, empty); code != exitOK || !strings.Contains(errs, "holds no document") {
		t.Errorf("index add of an empty file = %d, %q; want 0 and a note", code, errs)
	}
	dup := filepath.Join(dir, "dup.jsonl")
	os.WriteFile(dup, []byte(`{"id":"42","text":"The council voted to dredge the harbour next spring."}`+"\n"+
		`{"id":"42","text":"Fishermen protested the new harbour fees outside the hall."}`+"\n"), 0o644)
	code, _, errs := cli(t, "", "index", "add", "--index", path, dup)
	if code != exitOK || !strings.Contains(errs, `dup.jsonl:2: id "42"`) || !strings.Contains(errs, "replaces it") || !strings.Contains(errs, "now holds 1 document,") {
		t.Errorf("index add of a repeated id = %d, %q; want a warning and one document", code, errs)
	}
}
