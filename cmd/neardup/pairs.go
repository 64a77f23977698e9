package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"text/tabwriter"

	"github.com/spf13/pflag"

	"github.com/neardup/neardup/score"
)

// scoreFlags are the scorer flags shared by pairs and compare.
type scoreFlags struct {
	threshold float64
	dupThresh float64
	lang      string
}

func (f *scoreFlags) register(fs *pflag.FlagSet) {
	fs.Float64Var(&f.threshold, "threshold", score.DefaultThreshold, "calibrated score at or above which a pair is a paraphrase")
	fs.Float64Var(&f.dupThresh, "duplicate-threshold", score.DefaultDuplicateThreshold, "word-sequence similarity (2·LCS/(|A|+|B|)) at or above which a pair with no differing number, negation or antonym is a near-identical duplicate")
	fs.StringVar(&f.lang, "lang", "english", "stemmer and stop-word language (synonyms, word vectors and background IDF are English only)")
}

func (f *scoreFlags) scorer() (*score.Scorer, error) {
	return score.New(score.Options{Language: f.lang, Threshold: f.threshold, DuplicateThreshold: f.dupThresh})
}

// pairOut is one scored pair of the JSON output.
type pairOut struct {
	Line  int      `json:"line"`
	Label *float64 `json:"label,omitempty"`
	score.Result
}

func runPairs(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("pairs", "FILE", "Scores text pairs with the scorer scan uses and, when the pairs are labelled, measures it.\n"+
		"FILE (or - for standard input) is TSV with a header naming the columns label, a and b\n"+
		"(label optional; e.g. \"label<TAB>a<TAB>b\"), or JSON Lines of {\"a\":..., \"b\":..., \"label\":...}.\n"+
		"Labels are 1/0 (or true/false), or graded scores such as STS-B's 0-5; a pair with an empty\n"+
		"label (or null) is scored and left out of the summary. A bad line is reported on standard\n"+
		"error and skipped; the output counts it. IDF is computed over all texts of FILE, blended\n"+
		"with the built-in background table.", stderr)
	var sf scoreFlags
	sf.register(fs)
	format := fs.String("format", "text", "output format: text or json")
	out := fs.StringP("output", "o", "", "write the output to this file instead of standard output")
	summaryOnly := fs.Bool("summary", false, "print only the summary, not every pair")
	if ok, code := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "neardup pairs: want exactly one FILE (or - for standard input)")
		fs.Usage()
		return exitError
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "neardup pairs: --format %q: want text or json\n", *format)
		return exitError
	}
	if err := checkRanges(fs); err != nil {
		fmt.Fprintf(stderr, "neardup pairs: %v\n", err)
		return exitError
	}
	s, err := sf.scorer()
	if err != nil {
		fmt.Fprintf(stderr, "neardup pairs: %v\n", err)
		return exitError
	}
	path := fs.Arg(0)
	pairs, skipped, err := readPairFile(path, stdin, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "neardup pairs: %v\n", err)
		return exitError
	}
	results, err := scorePairs(ctx, s, pairs)
	if err != nil {
		fmt.Fprintf(stderr, "neardup pairs: %v\n", err)
		return exitError
	}
	sum := summarize(pairs, results, s.Options().Threshold)
	warnStrayLabels(stderr, pairs)
	code := writeReport(*out, stdout, stderr, func(w io.Writer) error {
		if *format == "json" {
			return writePairsJSON(w, pairs, results, sum, skipped, *summaryOnly)
		}
		return writePairsText(w, pairs, results, sum, skipped, *summaryOnly)
	})
	if code == exitOK && skipped > 0 {
		code = exitPartial
	}
	return code
}

// readPairFile reads FILE, or standard input for "-". A bad record is
// reported on stderr and skipped, and counted in skipped; the rest is
// read. It fails when no record is good.
func readPairFile(path string, stdin io.Reader, stderr io.Writer) (pairs []score.LabeledPair, skipped int, err error) {
	name := path
	if path == "-" {
		name = "<stdin>"
		pairs, err = score.ReadPairs(stdin, name)
	} else {
		f, oerr := os.Open(path)
		if oerr != nil {
			return nil, 0, oerr
		}
		defer f.Close()
		pairs, err = score.ReadPairs(f, path)
	}
	var bad score.PairFileErrors
	if !errors.As(err, &bad) {
		return pairs, 0, err
	}
	for _, e := range bad {
		fmt.Fprintf(stderr, "neardup pairs: %v\n", e)
	}
	if len(pairs) == 0 {
		return nil, len(bad), fmt.Errorf("%s: no valid pair (%s skipped)", name, badLines(len(bad)))
	}
	return pairs, len(bad), nil
}

// badLines says how many bad lines were skipped: "1 bad line", "2 bad lines".
func badLines(n int) string {
	if n == 1 {
		return "1 bad line"
	}
	return fmt.Sprintf("%d bad lines", n)
}

// scorePairs analyses every text once, builds the corpus over all of them,
// and scores the pairs, in parallel; results are in input order.
func scorePairs(ctx context.Context, s *score.Scorer, pairs []score.LabeledPair) ([]score.Result, error) {
	units := make([]*score.Unit, 2*len(pairs))
	if err := parallel(ctx, len(pairs), func(i int) {
		units[2*i] = s.Analyze(pairs[i].A)
		units[2*i+1] = s.Analyze(pairs[i].B)
	}); err != nil {
		return nil, err
	}
	c := s.NewCorpus(units)
	results := make([]score.Result, len(pairs))
	err := parallel(ctx, len(pairs), func(i int) {
		results[i] = s.Score(c, units[2*i], units[2*i+1])
	})
	return results, err
}

// parallel runs fn(0..n-1) on GOMAXPROCS goroutines, stopping early when
// ctx is done.
func parallel(ctx context.Context, n int, fn func(i int)) error {
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), max(n, 1))
	for g := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := g; i < n; i += workers {
				if i%1024 == 0 && ctx.Err() != nil {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
	return ctx.Err()
}

// warnStrayLabels warns when a file of 0/1 labels holds a few others ("11"
// for "1"): one such label makes every label graded (positive at half the
// top label), which would turn the summary around without a word.
func warnStrayLabels(stderr io.Writer, pairs []score.LabeledPair) {
	var binary, other int
	first := 0
	for _, p := range pairs {
		switch {
		case !p.Labeled:
		case p.Label == 0 || p.Label == 1:
			binary++
		default:
			if other == 0 {
				first = p.Line
			}
			other++
		}
	}
	if other > 0 && other*20 < binary {
		fmt.Fprintf(stderr, "neardup pairs: %d of %d labels are not 0 or 1 (the first at line %d), so all are read as graded scores: positive is at least half the top label; if the file is 0/1, mend them\n",
			other, other+binary, first)
	}
}

// summarize measures the labelled pairs; nil when none is labelled.
func summarize(pairs []score.LabeledPair, results []score.Result, threshold float64) *score.Summary {
	var scores, labels []float64
	var pos []bool
	for i, p := range pairs {
		if !p.Labeled {
			continue
		}
		scores = append(scores, results[i].Score)
		labels = append(labels, p.Label)
		pos = append(pos, results[i].Kind != score.Different)
	}
	if len(scores) == 0 {
		return nil
	}
	s := score.Summarize(scores, labels, pos, threshold)
	return &s
}

func writePairsJSON(w io.Writer, pairs []score.LabeledPair, results []score.Result, sum *score.Summary, skipped int, summaryOnly bool) error {
	doc := struct {
		Pairs   []pairOut      `json:"pairs"`
		Skipped int            `json:"skipped"` // bad lines of FILE, reported on standard error
		Summary *score.Summary `json:"summary,omitempty"`
	}{Pairs: []pairOut{}, Skipped: skipped, Summary: sum}
	if !summaryOnly {
		for i, p := range pairs {
			o := pairOut{Line: p.Line, Result: results[i]}
			if p.Labeled {
				o.Label = &p.Label
			}
			doc.Pairs = append(doc.Pairs, o)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

func writePairsText(w io.Writer, pairs []score.LabeledPair, results []score.Result, sum *score.Summary, skipped int, summaryOnly bool) error {
	if !summaryOnly {
		tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
		fmt.Fprintln(tw, "line\tlabel\tscore\tverdict\tcosine\tjaccard\tcontainment")
		for i, p := range pairs {
			label := "-"
			if p.Labeled {
				label = fmt.Sprintf("%g", p.Label)
			}
			r := results[i]
			fmt.Fprintf(tw, "%d\t%s\t%.4f\t%s\t%.4f\t%.4f\t%.4f\n", p.Line, label, r.Score, r.Kind, r.Cosine, r.Jaccard, r.Containment)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if sum == nil {
		fmt.Fprintf(w, "%d pairs, unlabelled: no summary", len(pairs))
		if skipped > 0 {
			fmt.Fprintf(w, "; %s skipped", badLines(skipped))
		}
		_, err := fmt.Fprintln(w)
		return err
	}
	if !summaryOnly {
		fmt.Fprintln(w)
	}
	return writeSummary(w, sum, len(pairs), skipped)
}

func writeSummary(w io.Writer, s *score.Summary, total, skipped int) error {
	fmt.Fprintf(w, "summary: %s, %d positive", nouns(s.Pairs, "labelled pair"), s.Positives)
	if total > s.Pairs {
		fmt.Fprintf(w, " (%s left out)", nouns(total-s.Pairs, "unlabelled pair"))
	}
	if s.Graded {
		fmt.Fprint(w, " (graded labels: positive is at least half the top label)")
	}
	if skipped > 0 {
		fmt.Fprintf(w, "; %s skipped", badLines(skipped))
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "\tthreshold\taccuracy\tprecision\trecall\tF1")
	row := func(name string, c score.Confusion) {
		fmt.Fprintf(tw, "%s\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\n", name, c.Threshold, c.Accuracy, c.Precision, c.Recall, c.F1)
	}
	row("configured", s.At)
	row("best accuracy", s.BestAccuracy)
	row("best F1", s.BestF1)
	if err := tw.Flush(); err != nil {
		return err
	}
	if s.AUC != nil {
		fmt.Fprintf(w, "ROC-AUC %.4f\n", *s.AUC)
	}
	if s.Pearson != nil {
		fmt.Fprintf(w, "Pearson %.4f\n", *s.Pearson)
	}
	if s.Spearman != nil {
		fmt.Fprintf(w, "Spearman %.4f\n", *s.Spearman)
	}
	c := s.Calibration
	outcome := "share positive"
	if s.Graded {
		outcome = "mean label/top"
	}
	fmt.Fprintf(w, "calibration: Brier %.4f, ECE %.4f\n", c.Brier, c.ECE)
	tw = tabwriter.NewWriter(w, 0, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "score\tpairs\tmean score\t%s\t\n", outcome)
	for _, b := range c.Bins {
		fmt.Fprintf(tw, "%.1f-%.1f\t%d\t%.4f\t%.4f\t\n", b.Lo, b.Hi, b.Pairs, b.Score, b.Outcome)
	}
	return tw.Flush()
}
