package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/neardup/neardup"
	"github.com/neardup/neardup/corpus"
	"github.com/neardup/neardup/report"
)

// checkFlags are the flags of `neardup check`.
type checkFlags struct {
	index       string
	against     []string
	lockTimeout time.Duration
	unit        string
	lang        string
	failOn      string
	scope       string
	quotes      bool
	boilerplate []string
	minWords    int
	threshold   float64
	dupThresh   float64
	maxMatches  int
	maxCands    int
	workers     int
}

func (f *checkFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&f.index, "index", "", "archive index to check against (built with 'neardup index add')")
	fs.StringSliceVar(&f.against, "against", nil, "check against these articles (files, folders) instead of an index, indexed in memory for this run")
	registerLockTimeout(fs, &f.lockTimeout)
	fs.StringVar(&f.unit, "unit", "", "unit of comparison: paragraph or sentence (default: the index's; paragraph with --against)")
	fs.StringVar(&f.lang, "lang", "", "stemmer and stop-word language (default: the index's; english with --against)")
	fs.StringVar(&f.failOn, "fail-on", "paraphrase", "exit 1 when a finding is at least this close: duplicate, paraphrase (duplicates too), or none (report only, exit 0)")
	fs.StringVar(&f.scope, "scope", "all", "compare each draft with: across (the archive), within (its own other units), or all (both)")
	fs.BoolVar(&f.quotes, "ignore-quotes", false, "leave out block quotes and text in quotation marks")
	fs.StringArrayVar(&f.boilerplate, "boilerplate", nil, "file of known boilerplate: draft units duplicating its units are never reported (repeatable)")
	fs.IntVar(&f.minWords, "min-words", neardup.DefaultMinWords, "distinct content words (not stop words, not numbers in digits) a unit needs to be checked or matched")
	fs.Float64Var(&f.threshold, "threshold", neardup.DefaultThreshold, "score at or above which a pair is a paraphrase")
	fs.Float64Var(&f.dupThresh, "duplicate-threshold", neardup.DefaultDuplicateThreshold, "word-sequence similarity (2·LCS/(|A|+|B|)) at or above which a pair with no differing number, negation or antonym is a duplicate")
	fs.IntVar(&f.maxMatches, "max-matches", neardup.DefaultMaxMatches, "findings reported per draft unit, best first (a duplicate is always among them when the unit has one)")
	fs.IntVar(&f.maxCands, "max-candidates", neardup.DefaultMaxCandidates, "archive units scored per draft unit, and texts of earlier units of the same draft (each with up to --max-matches of its copies)")
	fs.IntVar(&f.workers, "workers", 0, "goroutines to use (0: one per core); the output does not depend on it")
}

func (f *checkFlags) indexOptions() neardup.IndexOptions {
	return neardup.IndexOptions{
		Unit:               corpus.Mode(f.unit),
		Language:           f.lang,
		ReadOnly:           true,
		LockTimeout:        lockTimeout(f.lockTimeout),
		MinWords:           f.minWords,
		Threshold:          f.threshold,
		DuplicateThreshold: f.dupThresh,
		MaxMatches:         f.maxMatches,
		MaxCandidates:      f.maxCands,
		Workers:            f.workers,
	}
}

const checkAbout = `Checks drafts (files, folders, or - for standard input) against an archive and
reports each unit that duplicates or paraphrases archive text, or repeats an
earlier unit of the same draft: the draft location, the archive document's id
and location, the scores, the kind, and both texts.

Exit status: 0 when nothing is at or above --fail-on, 1 when something is,
2 on an error, and 2 when a draft, --against or --boilerplate input could
not be read: the report of the rest is written and counts it, but the
check is incomplete. Whether a unit fails --fail-on does not depend on
--max-matches: a unit's best duplicate is always among its findings.`

func runCheck(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("check", "(--index PATH | --against PATH...) DRAFT...", checkAbout, stderr)
	var cf checkFlags
	var lf loadFlags
	cf.register(fs)
	lf.register(fs)
	format := fs.String("format", "text", "report format: "+strings.Join(report.CheckFormats(), ", "))
	out := fs.StringP("output", "o", "", "write the report to this file instead of standard output")
	if ok, code := parse(fs, args); !ok {
		return code
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "neardup check: "+format+"\n", a...)
		return exitError
	}
	if err := checkRanges(fs); err != nil {
		return fail("%v", err)
	}
	switch {
	case fs.NArg() == 0:
		fs.Usage()
		return fail("no DRAFT given (use - for standard input)")
	case (cf.index == "") == (len(cf.against) == 0):
		return fail("give either --index PATH or --against PATH...")
	case !report.KnownCheck(report.Format(*format)):
		return fail("--format %q: want one of %s", *format, strings.Join(report.CheckFormats(), ", "))
	case cf.failOn != "duplicate" && cf.failOn != "paraphrase" && cf.failOn != "none":
		return fail("--fail-on %q: want duplicate, paraphrase or none", cf.failOn)
	}
	lopt, err := lf.options()
	if err != nil {
		return fail("%v", err)
	}
	// The drafts and the boilerplate are read before the index is opened:
	// a draft on standard input may take its time, and the index's lock
	// must not wait for it.
	unread := 0 // inputs that could not be read
	copt := neardup.CheckOptions{Scope: neardup.Scope(cf.scope), IgnoreQuotes: cf.quotes}
	if len(cf.boilerplate) > 0 {
		var n int
		copt.Boilerplate, n, err = loadSome(cf.boilerplate, stdin, lopt, stderr)
		if err != nil {
			return fail("--boilerplate: %v", err)
		}
		unread += n
	}
	drafts, n, err := loadSome(fs.Args(), stdin, lopt, stderr)
	if err != nil {
		return fail("%v", err)
	}
	unread += n
	ix, n, err := openCheckIndex(ctx, &cf, lopt, stdin, stderr)
	if err != nil {
		return fail("%v", err)
	}
	unread += n
	defer ix.Close()
	res := &neardup.CheckResult{Findings: []neardup.Finding{}}
	if len(drafts) > 0 {
		if res, err = ix.Check(ctx, drafts, copt); err != nil {
			return fail("%v", err)
		}
	}
	res.Stats.Errors = unread
	if code := writeReport(*out, stdout, stderr, func(w io.Writer) error {
		return report.WriteCheck(w, report.Format(*format), res)
	}); code != exitOK {
		return code
	}
	if unread > 0 {
		// What could not be read was not checked (or, under --against and
		// --boilerplate, not checked against): not a pass.
		what := "an input"
		if unread > 1 {
			what = fmt.Sprint(unread, " inputs")
		}
		return fail("%s could not be read (see above): the check is incomplete", what)
	}
	for _, f := range res.Findings {
		if cf.failOn == "paraphrase" || cf.failOn == "duplicate" && f.Kind == neardup.Duplicate {
			return exitFindings
		}
	}
	return exitOK
}

// openCheckIndex opens the index named by --index read-only, or builds
// one in memory from the --against articles; it returns the number of
// those that could not be read.
func openCheckIndex(ctx context.Context, cf *checkFlags, lopt corpus.Options, stdin io.Reader, stderr io.Writer) (*neardup.Index, int, error) {
	opt := cf.indexOptions()
	if cf.index != "" {
		ix, err := neardup.OpenIndex(cf.index, opt)
		return ix, 0, err
	}
	opt.ReadOnly = false
	docs, unread, err := load(cf.against, stdin, lopt, stderr)
	if err != nil {
		return nil, unread, fmt.Errorf("--against: %w", err)
	}
	ix, err := neardup.OpenIndex("", opt)
	if err != nil {
		return nil, unread, err
	}
	if err := ix.Add(ctx, docs...); err != nil {
		ix.Close()
		return nil, unread, errors.Join(errors.New("--against"), err)
	}
	return ix, unread, nil
}
