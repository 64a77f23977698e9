package score

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/neardup/neardup/corpus"
)

// LabeledPair is one pair of texts read from a pair file, with its label
// when the file has one.
type LabeledPair struct {
	A, B    string
	Label   float64 // 1 same content, 0 not; or a graded score (STS-B: 0-5)
	Labeled bool    // whether the record had a label
	Line    int     // 1-based line of the record in the file
}

// ErrPairFile is wrapped by every error about the content of a pair file.
var ErrPairFile = errors.New("bad pair file")

// PairFileError locates a problem in a pair file.
type PairFileError struct {
	Path string // file name as given
	Line int    // 1-based line
	Msg  string
}

func (e *PairFileError) Error() string { return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg) }

// Unwrap makes errors.Is(err, ErrPairFile) true.
func (e *PairFileError) Unwrap() error { return ErrPairFile }

// PairFileErrors lists the bad records of a pair file, in file order:
// ReadPairs skips them, reads the rest and returns this error with the
// pairs it could read. It is the list type corpus.Read uses: each entry a
// *corpus.FileError (path, line) whose Err wraps ErrPairFile.
type PairFileErrors = corpus.ErrorList

// recordError is the problem of a skipped record; it wraps ErrPairFile.
type recordError string

func (e recordError) Error() string { return string(e) }
func (e recordError) Unwrap() error { return ErrPairFile }

// maxLine is the longest record accepted, in bytes.
const maxLine = 16 << 20

var utf8BOM = []byte("\xef\xbb\xbf")

// ReadPairs reads a pair file in either format, chosen by its first
// non-blank byte: JSON Lines when it is '{', otherwise TSV.
//
// TSV: a header naming the columns, which must include "a" and "b" and may
// include "label" (in any order; other columns are ignored), then one pair
// a line, tab-separated, no quoting: the format of ../shared/eval/pairs. An
// empty label cell leaves that pair unlabelled.
// JSON Lines: one object a line with string fields "a" and "b" and an
// optional "label".
// A label is a number (1/0, or a graded score) or true/false (1/0; in TSV
// in any case).
// Blank lines and a UTF-8 byte order mark opening the file are skipped.
// path only names the input in errors.
//
// A bad record (wrong number of fields, a label that is neither a number
// nor true/false, invalid JSON, a line over 16 MiB) does not stop the
// read: ReadPairs skips it, reads the rest, and returns the pairs read
// with a PairFileErrors naming every skipped line (the pairs are nil when
// no record was good). Any other error (an empty file, a TSV header
// without columns "a" and "b", a read error) returns no pairs.
func ReadPairs(r io.Reader, path string) ([]LabeledPair, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(br.Size()) // the first 64 KiB, or all of a shorter input
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if bytes.HasPrefix(head, utf8BOM) {
		// Written by some editors and spreadsheet exports; not part of the
		// header's first column name.
		br.Discard(len(utf8BOM))
		head = head[len(utf8BOM):]
	}
	head = bytes.TrimLeft(head, " \t\r\n")
	var pr pairReader
	switch {
	case len(head) == 0 && err == io.EOF:
		return nil, &PairFileError{Path: path, Line: 1, Msg: "empty pair file"}
	case len(head) > 0 && head[0] == '{':
		err = pr.read(br, path, false)
	default:
		err = pr.read(br, path, true)
	}
	switch {
	case err != nil:
		return nil, err
	case len(pr.bad) > 0:
		return pr.out, pr.bad
	}
	return pr.out, nil
}

// pairReader is the state of one ReadPairs.
type pairReader struct {
	path string
	out  []LabeledPair
	bad  PairFileErrors // the records skipped

	// TSV: the columns of a, b and label (-1: none), and the number of
	// fields of the header (0 until it is read).
	ia, ib, il, ncol int
}

// skip records a bad record.
func (pr *pairReader) skip(n int, msg string) {
	pr.bad = append(pr.bad, &corpus.FileError{Path: pr.path, Line: n, Err: recordError(msg)})
}

// read reads the records of a TSV or a JSON Lines pair file: every
// non-blank line (without its line ending), with its number. A line over
// maxLine bytes is skipped as a bad record (or, in place of a TSV header,
// fails the read). It stops at the first error that is not a bad record.
func (pr *pairReader) read(br *bufio.Reader, path string, tsv bool) error {
	pr.path = path
	pr.ia, pr.ib, pr.il = -1, -1, -1
	record := pr.jsonl
	if tsv {
		record = pr.tsv
	}
	for n := 1; ; n++ {
		line, long, err := readLine(br)
		if err != nil && err != io.EOF {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if err == io.EOF && len(line) == 0 && !long {
			break // the end of the input, after a line ending or none
		}
		switch l := strings.TrimSuffix(string(line), "\r"); {
		case long && tsv && pr.ncol == 0:
			return &PairFileError{Path: path, Line: n, Msg: fmt.Sprintf("header line over %d MiB", maxLine>>20)}
		case long:
			pr.skip(n, fmt.Sprintf("line over %d MiB", maxLine>>20))
		case strings.TrimSpace(l) != "":
			if err := record(l, n); err != nil {
				return err
			}
		}
		if err == io.EOF {
			break
		}
	}
	if tsv && pr.ncol == 0 {
		return &PairFileError{Path: path, Line: 1, Msg: "no header line"}
	}
	return nil
}

// readLine reads one line, without its '\n'. A line over maxLine bytes is
// read to its end and dropped: long reports it, line is nil. err is
// io.EOF for the last line of an input that does not end with '\n'
// (line is then empty at the end of the input).
func readLine(br *bufio.Reader) (line []byte, long bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		chunk = bytes.TrimSuffix(chunk, []byte("\n"))
		if !long {
			if len(line)+len(chunk) > maxLine {
				long, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err != bufio.ErrBufferFull {
			return line, long, err
		}
	}
}

// tsv reads the header or a record of a TSV pair file.
func (pr *pairReader) tsv(line string, n int) error {
	f := strings.Split(line, "\t")
	if pr.ncol == 0 {
		for i, h := range f {
			switch strings.ToLower(strings.TrimSpace(h)) {
			case "a":
				pr.ia = i
			case "b":
				pr.ib = i
			case "label":
				pr.il = i
			}
		}
		if pr.ia < 0 || pr.ib < 0 {
			return &PairFileError{Path: pr.path, Line: n, Msg: `TSV header must name columns "a" and "b" (and optionally "label"), e.g. "label\ta\tb"`}
		}
		pr.ncol = len(f)
		return nil
	}
	if len(f) != pr.ncol {
		pr.skip(n, fmt.Sprintf("%d tab-separated fields, header has %d", len(f), pr.ncol))
		return nil
	}
	p := LabeledPair{A: f[pr.ia], B: f[pr.ib], Line: n}
	label := ""
	if pr.il >= 0 {
		label = strings.TrimSpace(f[pr.il])
	}
	switch strings.ToLower(label) {
	case "": // an empty cell: no label, as JSON's null
	case "true":
		p.Label, p.Labeled = 1, true
	case "false":
		p.Label, p.Labeled = 0, true
	default:
		v, err := strconv.ParseFloat(label, 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			pr.skip(n, fmt.Sprintf("label %q is not a number, true or false", label))
			return nil
		}
		p.Label, p.Labeled = v, true
	}
	pr.out = append(pr.out, p)
	return nil
}

// jsonl reads a record of a JSON Lines pair file.
func (pr *pairReader) jsonl(line string, n int) error {
	var rec struct {
		A     *string         `json:"a"`
		B     *string         `json:"b"`
		Label json.RawMessage `json:"label"`
	}
	if err := json.Unmarshal([]byte(line), &rec); err != nil {
		pr.skip(n, "invalid JSON: "+err.Error())
		return nil
	}
	if rec.A == nil || rec.B == nil {
		pr.skip(n, `record needs string fields "a" and "b"`)
		return nil
	}
	p := LabeledPair{A: *rec.A, B: *rec.B, Line: n}
	switch l := strings.TrimSpace(string(rec.Label)); l {
	case "", "null":
	case "true":
		p.Label, p.Labeled = 1, true
	case "false":
		p.Label, p.Labeled = 0, true
	default:
		v, err := strconv.ParseFloat(l, 64)
		if err != nil || math.IsInf(v, 0) {
			pr.skip(n, fmt.Sprintf("label %s is not a number or boolean", l))
			return nil
		}
		p.Label, p.Labeled = v, true
	}
	pr.out = append(pr.out, p)
	return nil
}
