package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/neardup/neardup/score"
)

func compareCmd(stdin string) func(context.Context, []string, *bytes.Buffer, *bytes.Buffer) int {
	return func(ctx context.Context, args []string, o, e *bytes.Buffer) int {
		return runCompare(ctx, args, strings.NewReader(stdin), o, e)
	}
}

func TestCompareText(t *testing.T) {
	a := "China's alliance with Cambodia serves as a pillar for its regional diplomacy, fostering harmony, growth, and mutual prosperity."
	b := "China's ties with Cambodia serve as the foundation for China's regional diplomatic efforts, fostering harmony, growth, and collective wealth."
	code, out, errOut := runCmd(t, compareCmd(""), a, b)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"verdict: paraphrase (score ",
		"shared words: china, cambodia, serves/serve, regional, fostering, harmony, growth\n",
		"aligned words: diplomacy ~ diplomatic (synonym 0.80), prosperity ~ wealth (synonym 0.80)\n",
		"only in A: alliance, pillar, mutual\n",
		"only in B: ties, foundation, efforts, collective\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestCompareFilesJSON(t *testing.T) {
	dir := t.TempDir()
	pa, pb := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	os.WriteFile(pa, []byte("Bilateral trade soared past $12 billion in 2023, making China Cambodia's top trading partner."), 0o644)
	os.WriteFile(pb, []byte("Bilateral trade rose past $15 billion in 2024, making China Cambodia's largest trading partner."), 0o644)
	code, out, errOut := runCmd(t, compareCmd(""), "--format", "json", pa, pb)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var e score.Explanation
	if err := json.Unmarshal([]byte(out), &e); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	// An amount is one number, named as written: "$12 billion" is "12 billion".
	if strings.Join(e.NumbersOnlyA, ",") != "12 billion,2023" || strings.Join(e.NumbersOnlyB, ",") != "15 billion,2024" {
		t.Errorf("numbers only in A %q, B %q; want [12 billion 2023], [15 billion 2024]", e.NumbersOnlyA, e.NumbersOnlyB)
	}
	if e.Kind == score.Duplicate {
		t.Errorf("differing numbers made a duplicate")
	}
	// --text compares the names themselves.
	code, out, _ = runCmd(t, compareCmd(""), "--text", "--format=json", pa, pb)
	if code != exitOK || !strings.Contains(out, `"a": "txt"`) || strings.Contains(out, "bilateral") {
		t.Errorf("--text: exit %d, %s", code, out)
	}
}

func TestCompareStdinAndOrder(t *testing.T) {
	x := "The committee approved the budget on Tuesday after a long debate."
	y := "After a long debate, the committee approved the budget on Tuesday."
	_, ab, _ := runCmd(t, compareCmd(x), "-", y)
	_, ba, _ := runCmd(t, compareCmd(""), y, x)
	first := func(s string) string { return strings.SplitN(s, "\n", 3)[0] + strings.SplitN(s, "\n", 3)[1] }
	if first(ab) != first(ba) {
		t.Errorf("verdict depends on order:\n%s\n%s", ab, ba)
	}
	if !strings.HasPrefix(ab, "verdict: duplicate") && !strings.HasPrefix(ab, "verdict: paraphrase") {
		t.Errorf("got %s", ab)
	}
}

// TestCompareSharedOrder checks that the shared and aligned words are
// listed in A's order, whichever way round the pair is given: an amount
// ("25 million") sorts where it stands in A, and so does a compound's run
// of words ("web site").
func TestCompareSharedOrder(t *testing.T) {
	for _, tc := range []struct{ a, b, want string }{
		{"On Monday the harbour board approved spending of $25 million on new cranes.",
			"The harbour board approved $25m for new cranes on Monday.",
			"shared words: monday, harbour, board, approved, 25 million/25m, new, cranes\n"},
		{"The harbour board approved $25m for new cranes on Monday.",
			"On Monday the harbour board approved spending of $25 million on new cranes.",
			"shared words: harbour, board, approved, 25m/25 million, new, cranes, monday\n"},
		{"The harbour board shows the cranes budget on the web site, officials said.",
			"Officials stated the harbour board website displays the cranes budget.",
			"aligned words: shows ~ displays (synonym 0.80), web site ~ website (compound 1.00)"},
		{"Officials stated the harbour board website displays the cranes budget.",
			"The harbour board shows the cranes budget on the web site, officials said.",
			"website ~ web site (compound 1.00), displays ~ shows (synonym 0.80)"},
	} {
		code, out, errOut := runCmd(t, compareCmd(""), tc.a, tc.b)
		if code != exitOK || !strings.Contains(out, tc.want) {
			t.Errorf("compare %q %q: exit %d%s, output\n%s\nwant %q", tc.a, tc.b, code, errOut, out, tc.want)
		}
		// Whatever else the synonym table aligns, every entry is in A's order.
		_, out, _ = runCmd(t, compareCmd(""), "--format=json", tc.a, tc.b)
		var e score.Explanation
		if err := json.Unmarshal([]byte(out), &e); err != nil {
			t.Fatal(err)
		}
		for _, ps := range [][]score.WordPair{e.Shared, e.Aligned} {
			prev := -1
			for _, p := range ps {
				i := strings.Index(strings.ToLower(tc.a), p.A)
				if i < prev {
					t.Errorf("compare %q %q: %q listed after a word that follows it in A: %+v", tc.a, tc.b, p.A, ps)
				}
				prev = i
			}
		}
	}
}

func TestCompareErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"one argument", []string{"a"}, "want two arguments"},
		{"stdin twice", []string{"-", "-"}, "standard input (-) can be only one"},
		{"bad format", []string{"--format", "csv", "a", "b"}, `--format "csv"`},
		{"bad language", []string{"--lang", "klingon", "a", "b"}, "klingon"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := runCmd(t, compareCmd(""), tc.args...)
			if code != exitError || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errOut, tc.want)
			}
		})
	}
}

// TestCompareArgsThatAreNotTexts: a missing file name is compared as text
// with a warning, a folder is an error, and a side with no word says so.
func TestCompareArgsThatAreNotTexts(t *testing.T) {
	dir := t.TempDir()
	code, _, errs := cli(t, "", "compare", seedFile, filepath.Join(dir, "missing.txt"))
	if code != exitOK || !strings.Contains(errs, "no file") || !strings.Contains(errs, "missing.txt") {
		t.Errorf("compare with a missing file = %d, %q; want 0 and a warning", code, errs)
	}
	if code, _, errs := cli(t, "", "compare", dir, seedFile); code != exitError || !strings.Contains(errs, "is a folder") {
		t.Errorf("compare with a folder = %d, %q; want %d saying it is a folder", code, errs, exitError)
	}
	if _, _, errs := cli(t, "", "compare", "--text", "...", "..."); !strings.Contains(errs, "A holds no word to compare") {
		t.Errorf("compare of punctuation: %q; want a note", errs)
	}
	if _, _, errs := cli(t, "", "compare", "e.g.", "U.S."); errs != "" {
		t.Errorf("compare of abbreviations warned %q", errs)
	}
}
