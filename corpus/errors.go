package corpus

import (
	"errors"
	"strconv"
	"strings"
)

// FileError is a problem with one input file, or with one record (Line) of
// a JSONL file.
type FileError struct {
	Path string // the file as given, "-" for standard input
	Line int    // 1-based line, 0 when the problem is not on one line
	Err  error
}

// Error returns "path:line: message", without ":line" when Line is 0.
func (e *FileError) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Line > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(e.Line))
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *FileError) Unwrap() error { return e.Err }

// ErrorList collects the per-file problems of a Read, in the order they
// were met.
type ErrorList []*FileError

// Error returns the errors one a line.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the errors, for errors.Is and errors.As.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// Problems a FileError can wrap, for errors.Is inside the package's tests
// and messages.
var (
	errBinary      = errors.New("binary file")
	errInvalidUTF8 = errors.New("invalid UTF-8")
	errNoText      = errors.New("missing text field")
	errBadJSON     = errors.New("invalid JSON")
	errNoStdin     = errors.New("no standard input")
)
