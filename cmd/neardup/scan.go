package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/pflag"

	"github.com/neardup/neardup"
	"github.com/neardup/neardup/corpus"
	"github.com/neardup/neardup/report"
)

// loadFlags are the input flags shared by every command that reads articles.
type loadFlags struct {
	format    string
	idField   string
	textField string
	include   []string
	exclude   []string
	encoding  string
}

func (l *loadFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&l.format, "input-format", "auto", "input format: auto (by extension: .jsonl/.ndjson/.jl/.json, .md, .html; .gz is decompressed), text, markdown, html or jsonl")
	fs.StringVar(&l.idField, "id-field", "id", "JSONL field holding the document id")
	fs.StringVar(&l.textField, "text-field", "text", "JSONL field holding the document text")
	fs.StringSliceVar(&l.include, "include", nil, "when walking folders, read only files matching one of these globs (e.g. '*.txt,**/*.md'; matched as --exclude's are); without it a walk passes by dot files and images, media, archives, office documents and programs by their names")
	fs.StringSliceVar(&l.exclude, "exclude", nil, "when walking folders, skip files and folders matching one of these globs: a pattern without '/' matches a name at any depth ('drafts', '*.log'), one with '/' the path below the folder walked ('sub/*', '**/old'), not one that starts with the folder's own name")
	fs.StringVar(&l.encoding, "encoding", "", "encoding of the inputs that are not valid UTF-8 (latin1, windows-1252, shift_jis, utf-16le, ...); JSONL is always UTF-8, and without it HTML is decoded by its declared charset and a UTF-16 byte order mark is read")
}

func (l *loadFlags) options() (corpus.Options, error) {
	o := corpus.Options{IDField: l.idField, TextField: l.textField, Include: l.include, Exclude: l.exclude, Encoding: l.encoding}
	switch f := corpus.Format(l.format); f {
	case "auto":
	case corpus.Text, corpus.Markdown, corpus.HTML, corpus.JSONL:
		o.Format = f
	default:
		return o, fmt.Errorf("--input-format %q: want auto, text, markdown, html or jsonl", l.format)
	}
	return o, nil
}

// load reads every document under paths. Unreadable inputs are reported on
// stderr and the rest goes on; it fails only when nothing could be read
// (errNoDocument; also when the inputs were read and hold no document,
// the int 0). A document whose id an earlier one has is warned of.
func load(paths []string, stdin io.Reader, opt corpus.Options, stderr io.Writer) ([]corpus.Document, int, error) {
	var docs []corpus.Document
	ids := newIDSet()
	err := corpus.Read(paths, stdin, opt, func(d *corpus.Document) error {
		if ids.repeated(d) {
			fmt.Fprintf(stderr, "neardup: %s: id %q is an earlier document's too: reports name both alike\n", where(d), d.ID)
		}
		docs = append(docs, *d)
		return nil
	})
	nerr := 0
	var list corpus.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Fprintf(stderr, "neardup: %v\n", e)
		}
		nerr = len(list)
		err = nil
	}
	if err != nil {
		return nil, nerr, err
	}
	if len(docs) == 0 {
		return nil, nerr, errNoDocument
	}
	return docs, nerr, nil
}

// errNoDocument is load's error when no input held a document.
var errNoDocument = errors.New("no document could be read")

// loadSome is load for check's drafts: when no input held a document it
// returns no documents and no error, so that a report is still written:
// of an incomplete check when inputs could not be read (counted in the
// int), of nothing checked when the inputs hold no document.
func loadSome(paths []string, stdin io.Reader, opt corpus.Options, stderr io.Writer) ([]corpus.Document, int, error) {
	docs, n, err := load(paths, stdin, opt, stderr)
	if errors.Is(err, errNoDocument) {
		if n == 0 {
			fmt.Fprintln(stderr, "neardup check: the input holds no document")
		}
		err = nil
	}
	return docs, n, err
}

// scanFlags are the flags of `neardup scan` that shape the comparison.
type scanFlags struct {
	unit       string
	threshold  float64
	dupThresh  float64
	scope      string
	minWords   int
	lang       string
	boilerDocs int
	workers    int
}

func (f *scanFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&f.unit, "unit", "paragraph", "unit of comparison: paragraph (paragraphs and list items) or sentence")
	fs.Float64Var(&f.threshold, "threshold", neardup.DefaultThreshold, "score at or above which two units are reported as paraphrases")
	fs.Float64Var(&f.dupThresh, "duplicate-threshold", neardup.DefaultDuplicateThreshold, "word-sequence similarity (2·LCS/(|A|+|B|)) at or above which two units with no differing number, negation or antonym are near-identical duplicates")
	fs.StringVar(&f.scope, "scope", "all", "pairs to report: within (inside one document), across (between documents) or all")
	fs.IntVar(&f.minWords, "min-words", neardup.DefaultMinWords, "distinct content words (not stop words, not numbers in digits) a unit needs to be reported")
	fs.StringVar(&f.lang, "lang", "english", "stemmer and stop-word language: english, spanish, french, russian, swedish, norwegian, hungarian, or none")
	fs.IntVar(&f.boilerDocs, "boilerplate-docs", neardup.DefaultBoilerplateDocs, "documents a short unit must repeat verbatim in to be boilerplate")
	fs.IntVar(&f.workers, "workers", 0, "goroutines to use (0: one per core); the output does not depend on it")
}

func (f *scanFlags) options() neardup.Options {
	return neardup.Options{
		Unit:               corpus.Mode(f.unit),
		Language:           f.lang,
		Scope:              neardup.Scope(f.scope),
		MinWords:           f.minWords,
		Threshold:          f.threshold,
		DuplicateThreshold: f.dupThresh,
		BoilerplateDocs:    f.boilerDocs,
		Workers:            f.workers,
	}
}

func newFlagSet(name, args, about string, stderr io.Writer) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.SortFlags = false
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: neardup %s [flags] %s\n\n%s\n\nFlags:\n%s", name, args, about, fs.FlagUsages())
	}
	return fs
}

func runScan(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("scan", "PATH...", "Finds clusters of duplicated and paraphrased paragraphs or sentences in the articles\nunder PATH (files, folders, or - for standard input).", stderr)
	var lf loadFlags
	var sf scanFlags
	lf.register(fs)
	sf.register(fs)
	format := fs.String("format", "text", "report format: "+strings.Join(report.Formats(), ", ")+" (csv: one row per pair, texts as they are: import it as text into a spreadsheet, which may run a cell that starts with = + - @)")
	out := fs.StringP("output", "o", "", "write the report to this file instead of standard output")
	stats := fs.Bool("stats", false, "print each stage's time, counts and peak memory to standard error")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return exitOK
		}
		fmt.Fprintf(stderr, "neardup scan: %v\n", err)
		return exitError
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "neardup scan: no PATH given (use - for standard input)")
		fs.Usage()
		return exitError
	}
	if err := checkRanges(fs); err != nil {
		fmt.Fprintf(stderr, "neardup scan: %v\n", err)
		return exitError
	}
	if !report.Known(report.Format(*format)) {
		fmt.Fprintf(stderr, "neardup scan: --format %q: want one of %s\n", *format, strings.Join(report.Formats(), ", "))
		return exitError
	}
	lopt, err := lf.options()
	if err != nil {
		fmt.Fprintf(stderr, "neardup scan: %v\n", err)
		return exitError
	}
	start := time.Now()
	docs, nerr, err := load(fs.Args(), stdin, lopt, stderr)
	empty := errors.Is(err, errNoDocument) && nerr == 0
	if err != nil && !empty {
		fmt.Fprintf(stderr, "neardup scan: %v\n", err)
		return exitError
	}
	loaded := time.Since(start)
	res := &neardup.Result{Options: sf.options()}
	if empty {
		// Inputs that hold no document (an empty file, a scraper's JSONL
		// of no record): nothing to compare, and no failure.
		fmt.Fprintln(stderr, "neardup scan: the input holds no document")
	} else if res, err = neardup.Scan(ctx, docs, sf.options()); err != nil {
		fmt.Fprintf(stderr, "neardup scan: %v\n", err)
		return exitError
	}
	res.Stats.Errors = nerr
	t := time.Now()
	code := writeReport(*out, stdout, stderr, func(w io.Writer) error { return report.Write(w, report.Format(*format), res) })
	if *stats {
		profile := append([]neardup.Stage{{Name: "load", Count: len(docs), Duration: loaded}}, res.Profile...)
		profile = append(profile, neardup.Stage{Name: "report", Count: len(res.Clusters), Duration: time.Since(t)})
		printStats(stderr, profile, time.Since(start))
	}
	if code == exitOK && nerr > 0 {
		code = exitPartial
	}
	return code
}

// printStats writes the stage breakdown and peak memory to w.
func printStats(w io.Writer, profile []neardup.Stage, total time.Duration) {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "stage\tseconds\tcount\t")
	for _, st := range profile {
		fmt.Fprintf(tw, "%s\t%.3f\t%d\t\n", st.Name, st.Duration.Seconds(), st.Count)
	}
	fmt.Fprintf(tw, "total\t%.3f\t\t\n", total.Seconds())
	tw.Flush()
	if kb := peakRSSKiB(); kb > 0 {
		fmt.Fprintf(w, "peak memory (max RSS): %.1f MiB\n", float64(kb)/1024)
	}
}

// writeReport writes through fn to the file named out, or to stdout when out
// is empty. A file is written whole or not at all: to a temporary file
// beside it, renamed at the end. Errors name out, not the temporary file.
func writeReport(out string, stdout, stderr io.Writer, fn func(io.Writer) error) int {
	if out == "" {
		if err := fn(stdout); err != nil {
			fmt.Fprintf(stderr, "neardup: %v\n", err)
			return exitError
		}
		return exitOK
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "neardup: %s: %v\n", out, fileCause(err))
		return exitError
	}
	if fi, err := os.Stat(out); err == nil && fi.IsDir() {
		return fail(errors.New("is a folder: name a file to write the report to"))
	}
	tmp, err := os.CreateTemp(dirOf(out), ".neardup-*")
	if err != nil {
		return fail(err)
	}
	defer os.Remove(tmp.Name())
	if err := fn(tmp); err != nil {
		tmp.Close()
		return fail(err)
	}
	// CreateTemp makes the file private; a report is an ordinary file.
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return fail(err)
	}
	return exitOK
}

// fileCause is err without the file names of an *fs.PathError or
// *os.LinkError (the temporary file's), to follow the name of the file
// the user gave.
func fileCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

func dirOf(path string) string {
	if i := strings.LastIndexByte(path, '/'); i >= 0 {
		return path[:i+1]
	}
	return "."
}
