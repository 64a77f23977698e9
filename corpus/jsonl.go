package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// JSON Lines input: one JSON object a line, each one document. The file is
// streamed line by line through a bufio.Reader (a record may be any length;
// only the current one is held), so a corpus of a million records never sits
// in memory whole.
//
// Records are decoded by a small hand-written JSON decoder rather than
// encoding/json: it visits the object's members once, decodes only the
// wanted fields (id, text, url, title) and validates the rest without
// building them, and copies the decoded strings into a single allocation a
// record. The tests check it against encoding/json on valid and invalid
// records (jsonl_test.go, FuzzReadJSONL). Where it differs, on purpose:
// invalid UTF-8 anywhere in a record is an error (encoding/json silently
// replaces it), and member names match exactly (encoding/json struct
// decoding ignores case).

// maxRecordErrors caps the errors collected from one JSONL file; the rest
// are counted in one last error.
const maxRecordErrors = 100

// maxJSONDepth bounds nesting in skipped values, as encoding/json does.
const maxJSONDepth = 10000

// jsonlReader reads the records of one JSONL file.
type jsonlReader struct {
	path    string
	idField string
	txField string
	dec     recordDecoder
	errs    *ErrorList
	nerrs   int
}

func (r *jsonlReader) read(in *bufio.Reader, fn func(*Document) error) error {
	var long []byte
	first := true // no line but blank ones read yet
	lineNo := 0
	for {
		line, err := in.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			long = append(long[:0], line...)
			for err == bufio.ErrBufferFull {
				line, err = in.ReadSlice('\n')
				long = append(long, line...)
			}
			line = long
		}
		if len(line) > 0 {
			lineNo++
			if lineNo == 1 {
				if i := bytes.IndexByte(line, 0); i >= 0 {
					r.fail(0, fmt.Errorf("%w (NUL byte at offset %d)", errBinary, i))
					return nil
				}
			}
			if first && string(bytes.TrimSpace(bytes.TrimPrefix(line, []byte("\uFEFF")))) == "{" {
				// A pretty-printed JSON document ("{", then "  \"key\":
				// ..."): one error, not one a line.
				r.fail(0, errors.New("a JSON document of several lines, not JSON Lines (one record a line) nor a JSON array of records"))
				return nil
			}
			first = first && len(bytes.TrimSpace(line)) == 0
			if ferr := r.record(line, lineNo, fn); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			r.fail(lineNo+1, err)
			break
		}
	}
	if r.nerrs > maxRecordErrors {
		*r.errs = append(*r.errs, &FileError{Path: r.path, Err: fmt.Errorf("%d more bad records", r.nerrs-maxRecordErrors)})
	}
	return nil
}

// jsonArray reports whether the input opens with '[' (after a byte order
// mark and white space), looking as far as it must.
func jsonArray(in *bufio.Reader) bool {
	for n := 1; ; n++ {
		head, err := in.Peek(n)
		if len(head) < n {
			return false
		}
		if n <= 3 && bytes.HasPrefix([]byte("\uFEFF"), head) {
			continue
		}
		switch c := head[n-1]; c {
		case ' ', '\t', '\r', '\n':
			if err != nil {
				return false
			}
			continue
		default:
			return c == '['
		}
	}
}

// readArray reads a JSON array of records, whole: each element is decoded
// as a JSONL record is. A record is numbered by the line it starts on
// (Document.Record, errors); one without an id gets "<path>#<n>", n its
// 1-based place in the array, since several may share a line. A syntax
// error in the array stops the file there, after the records before it.
func (r *jsonlReader) readArray(in *bufio.Reader, fn func(*Document) error) error {
	data, err := io.ReadAll(in)
	if err != nil {
		r.fail(0, err)
		return nil
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		r.fail(0, fmt.Errorf("%w (NUL byte at offset %d)", errBinary, i))
		return nil
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil { // the '['
		r.fail(1, fmt.Errorf("JSON array: %w", err))
		return nil
	}
	line, seen := 1, 0
	for n := 1; dec.More(); n++ {
		start := int(dec.InputOffset())
		for start < len(data) && (data[start] == ',' || data[start] == ' ' || data[start] == '\t' || data[start] == '\r' || data[start] == '\n') {
			start++
		}
		line += bytes.Count(data[seen:start], []byte("\n"))
		seen = start
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			if err == io.EOF || err == io.ErrUnexpectedEOF {
				// Cut short: name the last line there is, not the one after.
				last := bytes.Count(bytes.TrimRight(data, " \t\r\n"), []byte("\n")) + 1
				r.fail(last, fmt.Errorf("JSON array: the file ends before the array is closed (at element %d)", n))
				return nil
			}
			r.fail(line, fmt.Errorf("JSON array, element %d: %w", n, err))
			return nil
		}
		if ferr := r.element(raw, line, n, fn); ferr != nil {
			return ferr
		}
	}
	if _, err := dec.Token(); err != nil { // ']'
		r.fail(line, fmt.Errorf("JSON array: %w", err))
		return nil
	}
	if _, err := dec.Token(); err != io.EOF {
		end := int(dec.InputOffset())
		r.fail(line+bytes.Count(data[seen:min(end, len(data))], []byte("\n")), errors.New("JSON array: data after the closing ']'"))
	}
	return nil
}

// element decodes one array element and calls fn; it returns only fn's
// error.
func (r *jsonlReader) element(raw []byte, line, n int, fn func(*Document) error) error {
	rec, err := r.dec.decode(raw, r.idField, r.txField)
	if err != nil {
		r.fail(line, fmt.Errorf("element %d: %w", n, err))
		return nil
	}
	id := rec.id
	if !rec.hasID {
		id = r.path + "#" + strconv.Itoa(n)
	}
	return fn(&Document{ID: id, Path: r.path, Record: line, URL: rec.url, Title: rec.title, Format: JSONL, Text: rec.text})
}

func (r *jsonlReader) fail(line int, err error) {
	r.nerrs++
	if r.nerrs <= maxRecordErrors {
		*r.errs = append(*r.errs, &FileError{Path: r.path, Line: line, Err: err})
	}
}

// record decodes one line and calls fn; it returns only fn's error.
func (r *jsonlReader) record(line []byte, lineNo int, fn func(*Document) error) error {
	if n := len(line); n > 0 && line[n-1] == '\n' {
		line = line[:n-1]
		if n > 1 && line[n-2] == '\r' {
			line = line[:n-2]
		}
	}
	if lineNo == 1 && len(line) >= 3 && string(line[:3]) == "\uFEFF" {
		line = line[3:]
	}
	i := skipSpace(line, 0)
	if i == len(line) {
		return nil // blank line
	}
	rec, err := r.dec.decode(line, r.idField, r.txField)
	if err != nil {
		r.fail(lineNo, err)
		return nil
	}
	id := rec.id
	if !rec.hasID {
		id = r.path + ":" + strconv.Itoa(lineNo)
	}
	return fn(&Document{
		ID:     id,
		Path:   r.path,
		Record: lineNo,
		URL:    rec.url,
		Title:  rec.title,
		Format: JSONL,
		Text:   rec.text,
	})
}

// record is one decoded JSONL record.
type record struct {
	id, text, url, title string
	hasID                bool
}

// recordDecoder decodes records; its buffers are reused from one record to
// the next.
type recordDecoder struct {
	buf  []byte // decoded field values that had escapes
	name []byte // a decoded member name with escapes
	span [4]fieldSpan
	has  [4]bool
	bad  [2]error // a wrong-typed id or text; a later member of the same name may fix it
}

// fieldSpan is where a decoded field value is: line[a:b] when it needed no
// decoding, else buf[a:b].
type fieldSpan struct {
	a, b   int
	inLine bool
}

const (
	fieldID = iota
	fieldText
	fieldURL
	fieldTitle
	fieldOther
)

// decode decodes the JSON object in line (trailing white space and line
// break allowed).
func (d *recordDecoder) decode(line []byte, idField, txField string) (record, error) {
	d.buf = d.buf[:0]
	d.has = [4]bool{}
	d.bad = [2]error{}
	i := skipSpace(line, 0)
	if i == len(line) || line[i] != '{' {
		return record{}, fmt.Errorf("%w: a record must be an object, found %s at column %d", errBadJSON, describe(line, i), i+1)
	}
	i = skipSpace(line, i+1)
	if i < len(line) && line[i] == '}' {
		i++
	} else {
		for {
			if i >= len(line) || line[i] != '"' {
				return record{}, syntaxError(line, i, "a member name")
			}
			name, j, err := d.key(line, i)
			if err != nil {
				return record{}, err
			}
			i = skipSpace(line, j)
			if i >= len(line) || line[i] != ':' {
				return record{}, syntaxError(line, i, "':'")
			}
			i = skipSpace(line, i+1)
			f := fieldOther
			switch string(name) {
			case idField:
				f = fieldID
			case txField:
				f = fieldText
			case "url":
				f = fieldURL
			case "title":
				f = fieldTitle
			}
			if i, err = d.value(line, i, f, name); err != nil {
				return record{}, err
			}
			i = skipSpace(line, i)
			if i < len(line) && line[i] == ',' {
				i = skipSpace(line, i+1)
				continue
			}
			if i < len(line) && line[i] == '}' {
				i++
				break
			}
			return record{}, syntaxError(line, i, "',' or '}'")
		}
	}
	if i = skipSpace(line, i); i < len(line) {
		return record{}, fmt.Errorf("%w: %s after the object at column %d", errBadJSON, describe(line, i), i+1)
	}
	for _, err := range d.bad {
		if err != nil {
			return record{}, err
		}
	}
	if !d.has[fieldText] {
		return record{}, fmt.Errorf("%w %q", errNoText, txField)
	}
	// One allocation for all the strings of the record, copied once.
	total := 0
	for f, sp := range d.span {
		if d.has[f] {
			total += sp.b - sp.a
		}
	}
	var b strings.Builder
	b.Grow(total)
	var offs [4][2]int
	for f, sp := range d.span {
		if !d.has[f] {
			continue
		}
		offs[f][0] = b.Len()
		if sp.inLine {
			b.Write(line[sp.a:sp.b])
		} else {
			b.Write(d.buf[sp.a:sp.b])
		}
		offs[f][1] = b.Len()
	}
	all := b.String()
	get := func(f int) string { return all[offs[f][0]:offs[f][1]] }
	return record{
		id: get(fieldID), text: get(fieldText), url: get(fieldURL), title: get(fieldTitle),
		hasID: d.has[fieldID],
	}, nil
}

// key decodes the member name starting at the quote at i.
func (d *recordDecoder) key(line []byte, i int) ([]byte, int, error) {
	s := i + 1
	j := s
	for j < len(line) && line[j] != '"' && line[j] != '\\' && line[j] >= 0x20 && line[j] < utf8.RuneSelf {
		j++
	}
	if j < len(line) && line[j] == '"' {
		return line[s:j], j + 1, nil
	}
	var err error
	d.name, j, err = appendString(d.name[:0], line, i)
	return d.name, j, err
}

// value decodes or skips the value at i for field f.
func (d *recordDecoder) value(line []byte, i, f int, name []byte) (int, error) {
	if i >= len(line) {
		return i, syntaxError(line, i, "a value")
	}
	if f == fieldOther {
		return skipValue(line, i, 0)
	}
	c := line[i]
	if f <= fieldText {
		d.bad[f] = nil
	}
	switch {
	case c == '"':
		if e, high := plainRun(line, i+1); e < len(line) && line[e] == '"' {
			// No escapes: the value is the bytes between the quotes.
			if high && !utf8.Valid(line[i+1:e]) {
				return e, invalidUTF8(line, i+1)
			}
			d.span[f] = fieldSpan{a: i + 1, b: e, inLine: true}
			d.has[f] = true
			return e + 1, nil
		}
		a := len(d.buf)
		var err error
		d.buf, i, err = appendString(d.buf, line, i)
		if err != nil {
			return i, err
		}
		d.span[f] = fieldSpan{a: a, b: len(d.buf)}
		d.has[f] = true
		return i, nil
	case f == fieldID && (c == '-' || c >= '0' && c <= '9'):
		j, err := skipNumber(line, i)
		if err != nil {
			return j, err
		}
		d.span[f] = fieldSpan{a: i, b: j, inLine: true}
		d.has[f] = true
		return j, nil
	}
	j, err := skipValue(line, i, 0)
	if err != nil {
		return j, err
	}
	d.has[f] = false // null, or url or title of another type: ignored
	if string(line[i:j]) == "null" {
		return j, nil
	}
	switch f {
	case fieldID:
		d.bad[f] = fmt.Errorf("id field %q is %s, want a string or a number", name, kindOf(c))
	case fieldText:
		d.bad[f] = fmt.Errorf("text field %q is %s, want a string", name, kindOf(c))
	}
	return j, nil
}
