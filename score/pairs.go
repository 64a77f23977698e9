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

// maxLine is the longest record accepted.
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
// optional numeric or boolean "label".
// Blank lines and a UTF-8 byte order mark opening the file are skipped.
// path only names the input in errors.
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
	switch {
	case len(head) == 0 && err == io.EOF:
		return nil, &PairFileError{Path: path, Line: 1, Msg: "empty pair file"}
	case len(head) > 0 && head[0] == '{':
		return readJSONL(br, path)
	}
	return readTSV(br, path)
}

// lines calls fn with every line (without its line ending) and its number.
func lines(r io.Reader, path string, fn func(line string, n int) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	n := 0
	for sc.Scan() {
		n++
		if err := fn(strings.TrimSuffix(sc.Text(), "\r"), n); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return &PairFileError{Path: path, Line: n + 1, Msg: "line too long"}
		}
		return fmt.Errorf("%s:%d: %w", path, n+1, err)
	}
	return nil
}

func readTSV(r io.Reader, path string) ([]LabeledPair, error) {
	var out []LabeledPair
	ia, ib, il, ncol := -1, -1, -1, 0
	err := lines(r, path, func(line string, n int) error {
		if strings.TrimSpace(line) == "" {
			return nil
		}
		f := strings.Split(line, "\t")
		if ncol == 0 {
			for i, h := range f {
				switch strings.ToLower(strings.TrimSpace(h)) {
				case "a":
					ia = i
				case "b":
					ib = i
				case "label":
					il = i
				}
			}
			if ia < 0 || ib < 0 {
				return &PairFileError{Path: path, Line: n, Msg: `TSV header must name columns "a" and "b" (and optionally "label"), e.g. "label\ta\tb"`}
			}
			ncol = len(f)
			return nil
		}
		if len(f) != ncol {
			return &PairFileError{Path: path, Line: n, Msg: fmt.Sprintf("%d tab-separated fields, header has %d", len(f), ncol)}
		}
		p := LabeledPair{A: f[ia], B: f[ib], Line: n}
		label := ""
		if il >= 0 {
			label = strings.TrimSpace(f[il])
		}
		if label != "" { // an empty cell: no label, as JSON's null
			v, err := strconv.ParseFloat(label, 64)
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				return &PairFileError{Path: path, Line: n, Msg: fmt.Sprintf("label %q is not a number", label)}
			}
			p.Label, p.Labeled = v, true
		}
		out = append(out, p)
		return nil
	})
	if err == nil && ncol == 0 {
		err = &PairFileError{Path: path, Line: 1, Msg: "no header line"}
	}
	return out, err
}

func readJSONL(r io.Reader, path string) ([]LabeledPair, error) {
	var out []LabeledPair
	err := lines(r, path, func(line string, n int) error {
		if strings.TrimSpace(line) == "" {
			return nil
		}
		var rec struct {
			A     *string         `json:"a"`
			B     *string         `json:"b"`
			Label json.RawMessage `json:"label"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			return &PairFileError{Path: path, Line: n, Msg: "invalid JSON: " + err.Error()}
		}
		if rec.A == nil || rec.B == nil {
			return &PairFileError{Path: path, Line: n, Msg: `record needs string fields "a" and "b"`}
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
				return &PairFileError{Path: path, Line: n, Msg: fmt.Sprintf("label %s is not a number or boolean", l)}
			}
			p.Label, p.Labeled = v, true
		}
		out = append(out, p)
		return nil
	})
	return out, err
}
