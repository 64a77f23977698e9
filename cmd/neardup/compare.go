package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/neardup/neardup/score"
)

func runCompare(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("compare", "A B", "Scores two texts and explains the verdict: the shared words, the words aligned as synonyms,\n"+
		"stem variants or by word vectors, the words found on one side only, and the numbers that differ.\n"+
		"A and B are texts, or names of files to read (- for standard input, once). IDF comes from the\n"+
		"built-in background table blended with the two texts.", stderr)
	var sf scoreFlags
	sf.register(fs)
	format := fs.String("format", "text", "output format: text or json")
	literal := fs.Bool("text", false, "take A and B as texts even when files of those names exist")
	if ok, code := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 2 {
		fmt.Fprintln(stderr, "neardup compare: want two arguments A and B (texts or files)")
		fs.Usage()
		return exitError
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "neardup compare: --format %q: want text or json\n", *format)
		return exitError
	}
	if err := checkRanges(fs); err != nil {
		fmt.Fprintf(stderr, "neardup compare: %v\n", err)
		return exitError
	}
	if fs.Arg(0) == "-" && fs.Arg(1) == "-" {
		fmt.Fprintln(stderr, "neardup compare: standard input (-) can be only one of A and B")
		return exitError
	}
	var texts [2]string
	for i := range texts {
		t, err := textArg(fs.Arg(i), *literal, stdin, stderr)
		if err != nil {
			fmt.Fprintf(stderr, "neardup compare: %v\n", err)
			return exitError
		}
		texts[i] = t
	}
	s, err := sf.scorer()
	if err != nil {
		fmt.Fprintf(stderr, "neardup compare: %v\n", err)
		return exitError
	}
	a, b := s.Analyze(texts[0]), s.Analyze(texts[1])
	for i, u := range []*score.Unit{a, b} {
		if u.ContentWords() == 0 {
			fmt.Fprintf(stderr, "neardup compare: %s holds no word to compare (only stop words, numbers or punctuation): its score says nothing\n", [2]string{"A", "B"}[i])
		}
	}
	e := s.Explain(s.NewCorpus([]*score.Unit{a, b}), a, b)
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(e); err != nil {
			fmt.Fprintf(stderr, "neardup compare: %v\n", err)
			return exitError
		}
		return exitOK
	}
	writeExplanation(stdout, e, s.Options().Threshold)
	return exitOK
}

// textArg returns the text an argument stands for: standard input for
// "-", the content of an existing regular file, or the argument itself.
func textArg(arg string, literal bool, stdin io.Reader, stderr io.Writer) (string, error) {
	if literal {
		return arg, nil
	}
	if arg == "-" {
		b, err := io.ReadAll(stdin)
		if err != nil {
			return "", fmt.Errorf("<stdin>: %w", err)
		}
		return string(b), nil
	}
	st, err := os.Stat(arg)
	switch {
	case err == nil && st.Mode().IsRegular():
		b, err := os.ReadFile(arg)
		if err != nil {
			return "", err
		}
		return string(b), nil
	case err == nil && st.IsDir():
		return "", fmt.Errorf("%s: is a folder: name a file, or give --text to compare the words", arg)
	case fileName(arg):
		fmt.Fprintf(stderr, "neardup compare: no file %s: comparing it as text (--text says so and silences this)\n", arg)
	}
	return arg, nil
}

// fileName reports whether arg reads as a file's name rather than a text:
// one word with a path separator or an extension ("bigAA.txt",
// "drafts/a.md"; not "e.g." or "U.S.").
func fileName(arg string) bool {
	if arg == "" || strings.ContainsAny(arg, " \t\n") {
		return false
	}
	if strings.ContainsRune(arg, '/') || strings.ContainsRune(arg, filepath.Separator) {
		return true
	}
	ext := filepath.Ext(arg)
	if len(ext) < 3 || len(ext) > 6 || len(ext) == len(arg) {
		return false
	}
	for _, r := range ext[1:] {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

func writeExplanation(w io.Writer, e score.Explanation, threshold float64) {
	f := e.Features
	fmt.Fprintf(w, "verdict: %s (score %.4f; paraphrase at >= %.4f)\n", e.Kind, e.Score, threshold)
	fmt.Fprintf(w, "scores:  cosine %.4f  jaccard %.4f  containment %.4f  char %.4f  align %.4f  lcs %.4f\n",
		e.Cosine, e.Jaccard, e.Containment, f.Char, f.Soft, f.LCS)
	list := func(name string, words []string) {
		if len(words) == 0 {
			fmt.Fprintf(w, "%s: none\n", name)
			return
		}
		fmt.Fprintf(w, "%s: %s\n", name, strings.Join(words, ", "))
	}
	var shared []string
	for _, p := range e.Shared {
		if p.A == p.B {
			shared = append(shared, p.A)
		} else {
			shared = append(shared, p.A+"/"+p.B)
		}
	}
	list("shared words", shared)
	var aligned []string
	for _, p := range e.Aligned {
		aligned = append(aligned, fmt.Sprintf("%s ~ %s (%s %.2f)", p.A, p.B, p.How, p.Similarity))
	}
	list("aligned words", aligned)
	list("only in A", e.OnlyA)
	list("only in B", e.OnlyB)
	if len(e.NumbersOnlyA)+len(e.NumbersOnlyB) > 0 {
		list("numbers only in A", e.NumbersOnlyA)
		list("numbers only in B", e.NumbersOnlyB)
	}
	var notes []string
	if f.Negation == 1 {
		notes = append(notes, "one side is negated and the other not")
	}
	if f.Antonym == 1 {
		notes = append(notes, "a word on one side is an antonym of one on the other")
	}
	if f.Ordinal == 1 {
		notes = append(notes, "an ordinal on one side is another on the other (third / fourth)")
	}
	if f.Reversed() {
		notes = append(notes, fmt.Sprintf("a movement up on one side is one down on the other (rose / fell): the score is at most %.2f", score.ReversedScore))
	}
	if f.Names > 0 {
		notes = append(notes, "names on one side are missing from the other")
	}
	if len(notes) > 0 {
		list("mismatches", notes)
	}
}
