package corpus

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
)

// Options controls Read. The zero value reads every file by its extension
// with the default JSONL fields.
type Options struct {
	// Format forces the format of every input. Auto (the zero value) picks
	// it by extension after stripping ".gz": .jsonl, .ndjson, .jl and .json
	// are JSONL, .md and .markdown Markdown, .html, .htm and .xhtml HTML,
	// anything else plain text. Standard input ("-") in Auto is sniffed from
	// its first bytes (after a byte order mark and white space): '{' or '['
	// means JSONL, "<!" (a doctype, a comment), "<?" or the start tag of
	// an HTML element ("<p>", "<div class") HTML, an ATX heading ("#
	// Title") or front matter ("---" then "key: value") Markdown, anything
	// else text. JSONL input that opens with '[' is one JSON array of
	// records (a scraper's export such as items.json), read whole.
	Format Format
	// IDField is the JSONL member holding a record's id (default "id"). A
	// string or a number (kept as written); a record without one gets
	// "<path>:<line>".
	IDField string
	// TextField is the JSONL member holding a record's text (default
	// "text"). A record without it is reported and skipped. "url" and
	// "title" are carried into the Document when they are strings.
	TextField string
	// Include, when set, keeps only the files found while walking folders
	// that match one of these glob patterns (see Exclude for the syntax).
	// Files named explicitly are always read.
	Include []string
	// Exclude skips the files and folders found while walking folders that
	// match any of these glob patterns. A pattern without '/' is matched
	// against the base name and against the slash-separated path relative
	// to the folder walked; one with '/' against that path only. Each path
	// element is matched with path.Match, and "**" matches any number of
	// elements ("**/testdata", "docs/**/*.md").
	Exclude []string
	// Encoding, when set, is the encoding of the inputs that are not JSONL
	// and not valid UTF-8 (a WHATWG label: "latin1", "windows-1252",
	// "shift_jis"); see encoding.go for what is decoded without it.
	Encoding string
}

// Read reads the inputs in paths: files, folders (walked recursively in
// lexical order; entries whose names start with '.', such as .git, are
// skipped, and so are files named as images, media, fonts, archives,
// office documents or programs, binaryExts, unless Include is set) and "-"
// for stdin. Gzip-compressed input (by its magic bytes,
// whatever the name) is decompressed on the fly. It calls fn for every
// document, in the order of paths, then of the walk, then of the records.
// A document's ID and Path are its path cleaned (filepath.Clean: "./a.md"
// is "a.md"; a path with ".." or one that cleans to "-" stays as given),
// or its JSONL id.
//
// A problem with one file (missing, unreadable, binary, invalid UTF-8, a bad
// JSONL record, a record without its text field) is collected as a
// *FileError and the rest goes on; Read then returns the collected
// ErrorList, or nil if there were none. If fn returns an error, Read stops
// and returns that error as it is.
//
// JSONL is streamed record by record; other formats are read whole, one
// document a file. A file is read once however often it is named or found
// (the same path twice, a folder and a file in it, a link to a file read
// already), and standard input once.
func Read(paths []string, stdin io.Reader, opt Options, fn func(*Document) error) error {
	for _, p := range append(append([]string(nil), opt.Include...), opt.Exclude...) {
		if err := checkGlob(p); err != nil {
			return err
		}
	}
	switch opt.Format {
	case Auto, Text, Markdown, HTML, JSONL:
	default:
		return fmt.Errorf("corpus: unknown format %q", opt.Format)
	}
	if fn == nil {
		return errors.New("corpus: Read needs a function to call")
	}
	if opt.IDField == "" {
		opt.IDField = "id"
	}
	if opt.TextField == "" {
		opt.TextField = "text"
	}
	r := &reader{opt: opt, stdin: stdin, fn: fn}
	if opt.Encoding != "" {
		e, err := lookupEncoding(opt.Encoding)
		if err != nil {
			return err
		}
		r.enc = e
	}
	for _, p := range paths {
		if err := r.path(p); err != nil {
			return err
		}
	}
	if len(r.errs) > 0 {
		return r.errs
	}
	return nil
}

// reader is the state of one Read.
type reader struct {
	opt       Options
	stdin     io.Reader
	fn        func(*Document) error
	enc       encoding.Encoding // Options.Encoding, nil for none
	errs      ErrorList
	seen      map[string]bool         // files read, by absolute path with links resolved
	bySize    map[int64][]os.FileInfo // the same files by size, for hard links
	stdinRead bool
}

// first reports whether the file at p has not been read yet, and marks it
// read.
func (r *reader) first(p string) bool {
	key, err := filepath.Abs(p)
	if err == nil {
		if k, err := filepath.EvalSymlinks(key); err == nil {
			key = k
		}
	} else {
		key = p
	}
	if r.seen[key] {
		return false
	}
	if r.seen == nil {
		r.seen = make(map[string]bool)
		r.bySize = make(map[int64][]os.FileInfo)
	}
	r.seen[key] = true
	if fi, err := os.Stat(p); err == nil {
		for _, o := range r.bySize[fi.Size()] {
			if os.SameFile(o, fi) {
				return false // a hard link to a file read already
			}
		}
		r.bySize[fi.Size()] = append(r.bySize[fi.Size()], fi)
	}
	return true
}

// stop carries fn's error through filepath.WalkDir.
type stop struct{ err error }

func (s stop) Error() string { return s.err.Error() }

func (r *reader) fail(path string, line int, err error) {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err // the path is already in the FileError
	}
	r.errs = append(r.errs, &FileError{Path: path, Line: line, Err: err})
}

func (r *reader) path(p string) error {
	if p == "-" {
		if r.stdin == nil {
			r.fail(p, 0, errNoStdin)
			return nil
		}
		if r.stdinRead {
			return nil
		}
		r.stdinRead = true
		return r.stream(p, r.stdin, r.opt.Format, r.opt.Format == Auto)
	}
	// One file, one id: "./a/b.md" and "a//b.md" are "a/b.md", as a
	// folder's walk names it, so that a draft is not checked against
	// itself indexed under another spelling. Not a path with "..", which
	// cleaning would take through a link differently from the file system
	// ("link/../story.txt"), nor "./-", a file named "-", not stdin.
	if c := filepath.Clean(p); c != "-" && !slices.Contains(strings.Split(filepath.ToSlash(p), "/"), "..") {
		p = c
	}
	fi, err := os.Stat(p)
	if err != nil {
		r.fail(p, 0, err)
		return nil
	}
	if fi.IsDir() {
		root := p
		if li, err := os.Lstat(p); err == nil && li.Mode()&fs.ModeSymlink != 0 {
			root += string(filepath.Separator) // walk the folder a link names
		}
		return r.walk(root)
	}
	return r.file(p)
}

func (r *reader) walk(root string) error {
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			r.fail(p, 0, err)
			return nil
		}
		if p == root {
			return nil
		}
		rel, rerr := filepath.Rel(root, p)
		if rerr != nil {
			rel = p
		}
		rel = filepath.ToSlash(rel)
		name := d.Name()
		dir := d.IsDir()
		if strings.HasPrefix(name, ".") || matchAny(r.opt.Exclude, name, rel) {
			if dir {
				return filepath.SkipDir
			}
			return nil
		}
		if dir {
			return nil
		}
		if len(r.opt.Include) > 0 && !matchAny(r.opt.Include, name, rel) || len(r.opt.Include) == 0 && binaryName(name) {
			return nil
		}
		if !d.Type().IsRegular() {
			fi, err := os.Stat(p) // follow a symbolic link to a file, not to a folder
			if err != nil {
				r.fail(p, 0, err)
				return nil
			}
			if !fi.Mode().IsRegular() {
				return nil
			}
		}
		if err := r.file(p); err != nil {
			return stop{err}
		}
		return nil
	})
	if s, ok := err.(stop); ok {
		return s.err
	}
	if err != nil {
		r.fail(root, 0, err)
	}
	return nil
}

func (r *reader) file(p string) error {
	if !r.first(p) {
		return nil
	}
	f, err := os.Open(p)
	if err != nil {
		r.fail(p, 0, err)
		return nil
	}
	defer f.Close()
	format := r.opt.Format
	if format == Auto {
		format = formatOf(p)
	}
	return r.stream(p, f, format, false)
}

// binaryExts are the extensions of files that hold no text to read:
// images, audio and video, fonts, archives, office documents and
// executables, as a folder of articles holds beside them (a draft's
// hero.jpg). A folder's walk passes them by unless --include names them;
// a file named on the command line is read whatever its name.
var binaryExts = map[string]bool{
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".bmp": true, ".tif": true, ".tiff": true, ".ico": true, ".heic": true, ".avif": true, ".psd": true,
	".mp3": true, ".wav": true, ".ogg": true, ".flac": true, ".m4a": true, ".mp4": true, ".mov": true, ".avi": true, ".mkv": true, ".webm": true,
	".woff": true, ".woff2": true, ".ttf": true, ".otf": true, ".eot": true,
	".zip": true, ".tar": true, ".tgz": true, ".bz2": true, ".xz": true, ".7z": true, ".rar": true, ".zst": true,
	".pdf": true, ".doc": true, ".docx": true, ".xls": true, ".xlsx": true, ".ppt": true, ".pptx": true, ".odt": true, ".ods": true, ".epub": true,
	".exe": true, ".dll": true, ".so": true, ".dylib": true, ".class": true, ".jar": true, ".pyc": true, ".o": true, ".a": true, ".wasm": true,
	".db": true, ".sqlite": true, ".ndx": true,
}

// binaryName reports whether a file's name says it holds no text
// ("hero.jpg", "backup.tar.gz").
func binaryName(name string) bool {
	name = strings.ToLower(name)
	return binaryExts[filepath.Ext(name)] || binaryExts[filepath.Ext(strings.TrimSuffix(name, ".gz"))]
}

// formatOf picks a format by extension, after stripping ".gz".
func formatOf(p string) Format {
	p = strings.ToLower(p)
	p = strings.TrimSuffix(p, ".gz")
	switch filepath.Ext(p) {
	case ".jsonl", ".ndjson", ".jl", ".json":
		return JSONL
	case ".md", ".markdown":
		return Markdown
	case ".html", ".htm", ".xhtml":
		return HTML
	}
	return Text
}

// sniff picks the format of standard input from its first bytes.
func sniff(head []byte) Format {
	head = bytes.TrimPrefix(head, []byte("\uFEFF"))
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) == 0 {
		return Text
	}
	switch head[0] {
	case '{':
		return JSONL
	case '[':
		// An array of records: '[' then '{' or ']'. "[![badge](...)]" or
		// "[Updated 5 May] The council ..." is text.
		if rest := bytes.TrimLeft(head[1:], " \t\r\n"); len(rest) > 0 && (rest[0] == '{' || rest[0] == ']') {
			return JSONL
		}
	case '<':
		if len(head) > 1 && (head[1] == '!' || head[1] == '?') || htmlTagAt(head) {
			return HTML
		}
	case '#':
		// An ATX heading: "# Title", "## Section".
		n := 0
		for n < len(head) && head[n] == '#' {
			n++
		}
		if n <= 6 && n < len(head) && head[n] == ' ' {
			return Markdown
		}
	case '-':
		// Front matter: "---" alone, then "key: value".
		if rest, ok := bytes.CutPrefix(head, []byte("---\n")); ok {
			if line, _, _ := bytes.Cut(rest, []byte("\n")); bytes.Contains(line, []byte(": ")) || bytes.HasSuffix(bytes.TrimRight(line, "\r"), []byte(":")) {
				return Markdown
			}
		}
	}
	return Text
}

// htmlTagAt reports whether head opens with a start tag of an element of
// HTML ("<p>", "<div class=...", "<html"): not "<john@example.com>
// wrote:", "<Reuters>" or "<grin>", which plain text opens with too.
func htmlTagAt(head []byte) bool {
	n := 1
	for n < len(head) && n <= 11 && (isASCIILetter(head[n]) || n > 1 && head[n] >= '0' && head[n] <= '9') {
		n++
	}
	if n == 1 || n < len(head) && !(head[n] == '>' || head[n] == '/' || head[n] == ' ' || head[n] == '\t' || head[n] == '\r' || head[n] == '\n') {
		return false
	}
	return htmlElements[strings.ToLower(string(head[1:n]))]
}

// htmlElements are the elements a page or a fragment of one opens with.
var htmlElements = map[string]bool{
	"html": true, "head": true, "body": true, "meta": true, "title": true, "link": true, "script": true, "style": true, "base": true,
	"div": true, "p": true, "span": true, "a": true, "article": true, "section": true, "main": true, "header": true, "footer": true,
	"nav": true, "aside": true, "table": true, "thead": true, "tbody": true, "tr": true, "td": true, "th": true, "ul": true, "ol": true,
	"li": true, "dl": true, "dt": true, "dd": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"br": true, "hr": true, "img": true, "figure": true, "figcaption": true, "blockquote": true, "pre": true, "code": true,
	"em": true, "strong": true, "b": true, "i": true, "u": true, "small": true, "font": true, "center": true, "form": true,
	"iframe": true, "noscript": true, "svg": true, "template": true, "picture": true, "time": true, "abbr": true, "cite": true,
	"q": true, "sup": true, "sub": true, "label": true, "button": true, "input": true, "select": true, "textarea": true,
}

// sniffLen is how much of standard input sniffing looks at.
const sniffLen = 512

// stream reads one input.
func (r *reader) stream(p string, in io.Reader, format Format, sniffIt bool) error {
	br := bufio.NewReaderSize(in, 256<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			r.fail(p, 0, fmt.Errorf("gzip: %w", err))
			return nil
		}
		defer gz.Close()
		br = bufio.NewReaderSize(gz, 256<<10)
	}
	if sniffIt {
		// Look at what has arrived without waiting for more: standard input
		// may be a stream that a scraper feeds record by record.
		br.Peek(1)
		head, _ := br.Peek(min(br.Buffered(), sniffLen))
		format = sniff(head)
	}
	if format == Auto {
		format = Text
	}
	if format == JSONL {
		jr := jsonlReader{path: p, idField: r.opt.IDField, txField: r.opt.TextField, errs: &r.errs}
		if jsonArray(br) {
			return jr.readArray(br, r.fn)
		}
		return jr.read(br, r.fn)
	}
	data, err := io.ReadAll(br)
	if err != nil {
		r.fail(p, 0, err)
		return nil
	}
	data, valid, err := decodeText(data, format, r.enc)
	if err != nil {
		r.fail(p, 0, err)
		return nil
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		hint := ""
		if i < 2 {
			hint = "; if it is UTF-16 text with no byte order mark, name it: --encoding utf-16le"
		}
		r.fail(p, 0, fmt.Errorf("%w (NUL byte at offset %d%s)", errBinary, i, hint))
		return nil
	}
	if !valid {
		i := invalidAt(data)
		line := bytes.Count(data[:i], []byte("\n")) + 1
		r.fail(p, line, fmt.Errorf("%w at byte %d (%#02x); name its encoding (Options.Encoding, --encoding latin1)", errInvalidUTF8, i, data[i]))
		return nil
	}
	return r.fn(&Document{ID: p, Path: p, Format: format, Text: string(data)})
}

// invalidAt returns the offset of the first invalid UTF-8 byte.
func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		c, size := utf8.DecodeRune(b[i:])
		if c == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}
