package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/neardup/neardup"
	"github.com/neardup/neardup/archive"
	"github.com/neardup/neardup/corpus"
)

// indexUsage lists the subcommands of `neardup index`.
const indexUsage = `Usage: neardup index SUBCOMMAND --index PATH [flags] [args]

Builds and maintains a persistent archive index for 'neardup check' and the
scraper API: the units of every document added, their locations, and an
inverted index with document frequencies updated on every add and remove.

Subcommands:
  add      add articles (files, folders, - for standard input with --id ID
           or JSONL ids); a document whose id is in the index already is
           replaced
  rm       remove documents by id (--doc ID, repeatable; exit 1 when one
           was not in the index)
  stats    print the index's counts (--format text|json, --verify)
  compact  rewrite the index file to give back the space removals leave

Run 'neardup index SUBCOMMAND --help' for its flags.
`

func runIndex(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, indexUsage)
		return exitError
	}
	switch args[0] {
	case "-h", "--help", "help":
		fmt.Fprint(stdout, indexUsage)
		return exitOK
	case "add":
		return runIndexAdd(ctx, args[1:], stdin, stderr)
	case "rm":
		return runIndexRm(ctx, args[1:], stdout, stderr)
	case "stats":
		return runIndexStats(ctx, args[1:], stdout, stderr)
	case "compact":
		return runIndexCompact(ctx, args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "neardup index: unknown subcommand %q\n\n%s", args[0], indexUsage)
	return exitError
}

// indexFlags are the flags that open an index.
type indexFlags struct {
	path        string
	lockTimeout time.Duration
}

func (f *indexFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&f.path, "index", "", "index file (required)")
	registerLockTimeout(fs, &f.lockTimeout)
}

// registerLockTimeout registers --lock-timeout.
func registerLockTimeout(fs *pflag.FlagSet, d *time.Duration) {
	fs.DurationVar(d, "lock-timeout", 10*time.Second, "how long to wait for another process that has the index locked (0: do not wait, fail at once)")
}

// lockTimeout turns --lock-timeout into IndexOptions.LockTimeout, whose
// zero means the default: 0 on the command line means not to wait.
func lockTimeout(d time.Duration) time.Duration {
	if d <= 0 {
		return -1
	}
	return d
}

// parse parses args and reports whether to go on; code is the exit code
// when not. A parse error is printed (pflag does not with ContinueOnError).
func parse(fs *pflag.FlagSet, args []string) (ok bool, code int) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return false, exitOK
		}
		fmt.Fprintf(fs.Output(), "neardup %s: %v (see --help)\n", fs.Name(), err)
		return false, exitError
	}
	return true, exitOK
}

func runIndexAdd(ctx context.Context, args []string, stdin io.Reader, stderr io.Writer) int {
	fs := newFlagSet("index add", "--index PATH ARTICLES...", "Adds the articles under ARTICLES (files, folders, or - for standard input) to the index,\ncreating it if needed. A document whose id is already in the index replaces it.\nStandard input needs an id: --id ID for one document, or JSONL records with ids.\nDocuments are committed in batches: an interrupted run keeps every batch committed.\nThe index is locked only while a batch commits: checks can run between batches.", stderr)
	var xf indexFlags
	var lf loadFlags
	xf.register(fs)
	lf.register(fs)
	unit := fs.String("unit", "", "unit of comparison for a new index: paragraph (default) or sentence; an existing index keeps its own")
	lang := fs.String("lang", "", "stemmer and stop-word language for a new index (default english); an existing index keeps its own")
	batch := fs.Int("batch", 1000, "documents per committed batch")
	verbose := fs.BoolP("verbose", "v", false, "print a line to standard error after each committed batch")
	noSync := fs.Bool("no-sync", false, "do not fsync commits: faster, but a machine crash may lose the index")
	stdinID := fs.String("id", "", "id of the document read from standard input (-) when it is one document (text, Markdown, HTML): required then; JSONL records carry their own ids")
	if ok, code := parse(fs, args); !ok {
		return code
	}
	if xf.path == "" || fs.NArg() == 0 || *batch < 1 {
		fmt.Fprintln(stderr, "neardup index add: need --index PATH, a --batch of 1 or more, and at least one ARTICLE (use - for standard input)")
		fs.Usage()
		return exitError
	}
	if *stdinID != "" && !slices.Contains(fs.Args(), "-") {
		fmt.Fprintln(stderr, "neardup index add: --id names the document read from standard input: give - among the ARTICLES")
		return exitError
	}
	if err := checkRanges(fs); err != nil {
		fmt.Fprintf(stderr, "neardup index add: %v\n", err)
		return exitError
	}
	lopt, err := lf.options()
	if err != nil {
		fmt.Fprintf(stderr, "neardup index add: %v\n", err)
		return exitError
	}
	// Shared: the file is locked only while a batch commits, so that checks
	// can run against the index while a long add goes on.
	ix, err := neardup.OpenIndex(xf.path, neardup.IndexOptions{Unit: corpus.Mode(*unit), Language: *lang, LockTimeout: lockTimeout(xf.lockTimeout), NoSync: *noSync, Shared: true,
		// Its indexes are read by one-shot checks: a short pending list
		// keeps their first read short.
		PendingLimit: archive.DefaultPendingLimit})
	if err != nil {
		fmt.Fprintf(stderr, "neardup index add: %v\n", err)
		return exitError
	}
	defer ix.Close()
	var docs []corpus.Document
	added, read := 0, 0
	flush := func() error {
		if len(docs) == 0 {
			return nil
		}
		if err := ix.Add(ctx, docs...); err != nil {
			return err
		}
		added += len(docs)
		if *verbose {
			fmt.Fprintf(stderr, "neardup index add: committed %d documents\n", added)
		}
		docs = docs[:0]
		return nil
	}
	ids := newIDSet()
	err = corpus.Read(fs.Args(), stdin, lopt, func(d *corpus.Document) error {
		if err := stdinDocID(d, *stdinID); err != nil {
			return err
		}
		if ids.repeated(d) {
			fmt.Fprintf(stderr, "neardup index add: %s: id %q is an earlier document's of this input too: this one replaces it\n", where(d), d.ID)
		}
		read++
		docs = append(docs, *d)
		if len(docs) >= *batch {
			return flush()
		}
		return ctx.Err()
	})
	var list corpus.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Fprintf(stderr, "neardup index add: %v\n", e)
		}
		err = nil
	}
	unreadable := ""
	if n := len(list); n > 0 {
		unreadable = fmt.Sprintf(" (%d unreadable input, named above)", n)
		if n > 1 {
			unreadable = fmt.Sprintf(" (%d unreadable inputs, named above)", n)
		}
	}
	if err == nil {
		err = flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "neardup index add: %v (%d documents committed before)\n", err, added)
		return exitError
	}
	switch {
	case read == 0 && len(list) > 0:
		fmt.Fprintln(stderr, "neardup index add: no document could be read")
		return exitError
	case read == 0:
		fmt.Fprintln(stderr, "neardup index add: the input holds no document")
	}
	st, err := ix.Stats()
	if err != nil {
		fmt.Fprintf(stderr, "neardup index add: %v\n", err)
		return exitError
	}
	fmt.Fprintf(stderr, "neardup index add: added %s%s; %s now holds %s, %s\n", nouns(added, "document"), unreadable, xf.path, nouns(int(st.Docs), "document"), nouns(int(st.Units), "unit"))
	if len(list) > 0 {
		return exitPartial
	}
	return exitOK
}

// stdinDocID gives a document read from standard input the id given with
// --id, or refuses it without one: corpus.Read names every such document
// "-" (a JSONL record without an id "-:LINE", an array's "-#N"), so that
// each new one would replace the last one in the index.
func stdinDocID(d *corpus.Document, id string) error {
	if d.Path != "-" {
		return nil
	}
	switch {
	case d.ID == "-" && id != "":
		d.ID = id
	case d.ID == "-":
		return errors.New("standard input needs an id: give --id ID (every document read from - would otherwise be \"-\" and replace the last one)")
	case id != "":
		return errors.New("--id is for a standard input holding one document: JSONL records carry their own ids (see --id-field)")
	case strings.HasPrefix(d.ID, "-:"):
		return fmt.Errorf("standard input, line %s: a JSONL record without an id (records read from - need their own, see --id-field)", d.ID[2:])
	case strings.HasPrefix(d.ID, "-#"):
		return fmt.Errorf("standard input, line %d: record %s of a JSON array without an id (records read from - need their own, see --id-field)", d.Record, d.ID[2:])
	}
	return nil
}

func runIndexRm(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("index rm", "--index PATH --doc ID...", "Removes documents from the index by the id they were added under (the path as\ngiven, or the JSONL id), each committed in turn. An id the index does not hold is\nreported and the others are still removed; the exit status is then 1.", stderr)
	var xf indexFlags
	xf.register(fs)
	ids := fs.StringArray("doc", nil, "id of a document to remove (repeatable)")
	if ok, code := parse(fs, args); !ok {
		return code
	}
	if xf.path == "" || len(*ids) == 0 || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "neardup index rm: need --index PATH and at least one --doc ID, and no other arguments")
		fs.Usage()
		return exitError
	}
	ix, err := neardup.OpenIndex(xf.path, neardup.IndexOptions{MustExist: true, LockTimeout: lockTimeout(xf.lockTimeout)})
	if err != nil {
		fmt.Fprintf(stderr, "neardup index rm: %v\n", err)
		return exitError
	}
	defer ix.Close()
	missing := 0
	for _, id := range *ids {
		ok, err := ix.Remove(ctx, id)
		if err != nil {
			fmt.Fprintf(stderr, "neardup index rm: %s: %v\n", id, err)
			return exitError
		}
		if !ok {
			fmt.Fprintf(stderr, "neardup index rm: %s: no such document\n", id)
			missing++
			continue
		}
		fmt.Fprintf(stdout, "removed %s\n", id)
	}
	if missing > 0 {
		return exitFindings
	}
	return exitOK
}

func runIndexStats(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("index stats", "--index PATH", "Prints the index's counts: documents, units, distinct terms, postings, text and\nfile size, and the options it was built with.", stderr)
	var xf indexFlags
	xf.register(fs)
	format := fs.String("format", "text", "output format: text or json")
	verify := fs.Bool("verify", false, "also read the whole index and check that it is consistent (exit 2 if not)")
	if ok, code := parse(fs, args); !ok {
		return code
	}
	if xf.path == "" || fs.NArg() > 0 || (*format != "text" && *format != "json") {
		fmt.Fprintln(stderr, "neardup index stats: need --index PATH, --format text or json, and no other arguments")
		fs.Usage()
		return exitError
	}
	ix, err := neardup.OpenIndex(xf.path, neardup.IndexOptions{ReadOnly: true, LockTimeout: lockTimeout(xf.lockTimeout)})
	if err != nil {
		fmt.Fprintf(stderr, "neardup index stats: %v\n", err)
		return exitError
	}
	defer ix.Close()
	st, err := ix.Stats()
	if err != nil {
		fmt.Fprintf(stderr, "neardup index stats: %v\n", err)
		return exitError
	}
	if *format == "json" {
		b, _ := json.MarshalIndent(st, "", "  ")
		fmt.Fprintf(stdout, "%s\n", b)
	} else {
		writeIndexStats(stdout, &st)
	}
	if *verify {
		if err := ix.Verify(ctx); err != nil {
			fmt.Fprintf(stderr, "neardup index stats: %v\n", err)
			return exitError
		}
		fmt.Fprintln(stderr, "neardup index stats: index verified")
	}
	return exitOK
}

func writeIndexStats(w io.Writer, st *neardup.IndexStats) {
	var b strings.Builder
	fmt.Fprintf(&b, "index       %s\n", st.Path)
	fmt.Fprintf(&b, "built with  unit %s, language %s, features %s\n", st.Unit, st.Language, st.Features)
	fmt.Fprintf(&b, "documents   %d\n", st.Docs)
	fmt.Fprintf(&b, "units       %d\n", st.Units)
	fmt.Fprintf(&b, "terms       %d distinct, %d postings (%d pending a merge)\n", st.Terms, st.Postings, st.Pending)
	fmt.Fprintf(&b, "text        %d bytes\n", st.TextBytes)
	ratio := ""
	if st.TextBytes > 0 {
		ratio = fmt.Sprintf(" (%.2f× the text)", float64(st.FileBytes)/float64(st.TextBytes))
	}
	fmt.Fprintf(&b, "file        %d bytes%s\n", st.FileBytes, ratio)
	io.WriteString(w, b.String())
}

func runIndexCompact(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("index compact", "--index PATH", "Rewrites the index file with full pages and merged postings, giving back the space\nthat removals and page splits leave. It works on a copy and renames it over the\nfile, so an interrupted compaction leaves the index as it was.", stderr)
	var xf indexFlags
	xf.register(fs)
	if ok, code := parse(fs, args); !ok {
		return code
	}
	if xf.path == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "neardup index compact: need --index PATH and no other arguments")
		fs.Usage()
		return exitError
	}
	ix, err := neardup.OpenIndex(xf.path, neardup.IndexOptions{MustExist: true, LockTimeout: lockTimeout(xf.lockTimeout)})
	if err != nil {
		fmt.Fprintf(stderr, "neardup index compact: %v\n", err)
		return exitError
	}
	defer ix.Close()
	before, err := ix.Stats()
	if err == nil {
		err = ix.Compact(ctx)
	}
	var after neardup.IndexStats
	if err == nil {
		after, err = ix.Stats() // the compacted file must read
	}
	if err != nil {
		fmt.Fprintf(stderr, "neardup index compact: %v\n", err)
		return exitError
	}
	fmt.Fprintf(stdout, "compacted %s: %d -> %d bytes\n", xf.path, before.FileBytes, after.FileBytes)
	return exitOK
}
