// Command neardup finds duplicated and reworded paragraphs and sentences,
// within one article and across many.
//
//	neardup scan [flags] PATH...      clusters of duplicates and paraphrases in a corpus
//	neardup pairs [flags] FILE        score labelled or unlabelled text pairs
//	neardup compare [flags] A B       explain the scores of two texts
//	neardup check [flags] DRAFT...    check drafts against an archive
//	neardup index add|rm|stats        maintain a persistent archive index
//
// Run `neardup COMMAND --help` for the flags of each command.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"

	"github.com/neardup/neardup/shingle"
	"github.com/spf13/pflag"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Exit codes shared by every command.
const (
	exitOK       = 0
	exitFindings = 1 // check: findings at or above --fail-on
	exitError    = 2 // usage error, or nothing could be read

	// exitPartial ends a run that skipped some bad input (an unreadable
	// file, a bad line of a pair file) and did the rest: each problem is
	// on standard error and the report counts them, as scan has always
	// done with unreadable files among many.
	exitPartial = exitOK
)

type command struct {
	name, summary string
	run           func(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"scan", "find clusters of duplicated and paraphrased units in articles", runScan},
		{"pairs", "score text pairs (TSV label/a/b or JSONL) with the scan scorer", runPairs},
		{"compare", "score two texts and explain the verdict", runCompare},
		{"check", "check drafts against an archive for duplicates and paraphrases", runCheck},
		{"index", "build and maintain a persistent archive index (add, rm, stats, compact)", runIndex},
	}
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "neardup finds near-duplicate and paraphrased paragraphs and sentences.\n\n")
	fmt.Fprintf(w, "Usage:\n  neardup COMMAND [flags] [args]\n\nCommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nRun 'neardup COMMAND --help' for a command's flags and their defaults.\n")
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitError
	}
	switch args[0] {
	case "-h", "--help", "help":
		if len(args) >= 2 && args[0] == "help" {
			// "neardup help scan" is "neardup scan --help", "neardup help
			// index add" is "neardup index add --help".
			for _, c := range commands() {
				if c.name == args[1] {
					return c.run(ctx, append(args[2:len(args):len(args)], "--help"), stdin, stdout, stdout)
				}
			}
		}
		usage(stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, args[1:], stdin, stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "neardup: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitError
}

// flagRanges are the valid values of the numeric flags of scan, pairs,
// compare and check. The library reads a zero option as "the default"; on the
// command line the default is the flag's, so a value typed out of range
// (a 0 included) is an error, never replaced.
var flagRanges = map[string]struct {
	ok   func(v float64) bool
	want string
}{
	"threshold":           {func(v float64) bool { return v > 0 && v <= 1 }, "a number in (0,1]"},
	"duplicate-threshold": {func(v float64) bool { return v > 0 && v <= 1 }, "a number in (0,1]"},
	"min-words":           {func(v float64) bool { return v >= 1 }, "a whole number, 1 or more"},
	"boilerplate-docs":    {func(v float64) bool { return v >= 2 }, "a whole number, 2 or more"},
	"workers":             {func(v float64) bool { return v >= 0 }, "0 (one per core) or more"},
	"max-matches":         {func(v float64) bool { return v >= 1 }, "a whole number, 1 or more"},
	"max-candidates":      {func(v float64) bool { return v >= 1 }, "a whole number, 1 or more"},
}

// checkRanges returns an error naming the first flag given on the command
// line (fs.Changed) whose value is out of its range in flagRanges, or a
// --lang the analyser does not know.
func checkRanges(fs *pflag.FlagSet) error {
	var err error
	fs.Visit(func(f *pflag.Flag) {
		if f.Name == "lang" && err == nil && !shingle.ValidLanguage(f.Value.String()) {
			err = fmt.Errorf("--lang %s: want one of %s (or its two-letter code)", f.Value, strings.Join(shingle.Languages(), ", "))
			return
		}
		r, ok := flagRanges[f.Name]
		if !ok || err != nil {
			return
		}
		v, perr := strconv.ParseFloat(f.Value.String(), 64)
		if perr != nil || !r.ok(v) { // NaN fails r.ok
			err = fmt.Errorf("--%s %s: want %s", f.Name, f.Value, r.want)
		}
	})
	return err
}

// nouns returns "1 document", "2 documents".
func nouns(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
