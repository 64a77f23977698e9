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
		{"index", "build and maintain a persistent archive index (add, rm, stats)", runIndex},
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
