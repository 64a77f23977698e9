package corpus

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"unicode/utf16"
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
	buf  []byte // decoded field values
	name []byte // a decoded member name with escapes
	span [4][2]int
	has  [4]bool
	bad  [2]error // a wrong-typed id or text; a later member of the same name may fix it
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
			if i, err = d.value(line, i, f, string(name)); err != nil {
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
	// One allocation for all the strings of the record.
	all := string(d.buf)
	get := func(f int) string {
		if !d.has[f] {
			return ""
		}
		return all[d.span[f][0]:d.span[f][1]]
	}
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
func (d *recordDecoder) value(line []byte, i, f int, name string) (int, error) {
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
		a := len(d.buf)
		var err error
		d.buf, i, err = appendString(d.buf, line, i)
		if err != nil {
			return i, err
		}
		d.span[f] = [2]int{a, len(d.buf)}
		d.has[f] = true
		return i, nil
	case f == fieldID && (c == '-' || c >= '0' && c <= '9'):
		j, err := skipNumber(line, i)
		if err != nil {
			return j, err
		}
		a := len(d.buf)
		d.buf = append(d.buf, line[i:j]...)
		d.span[f] = [2]int{a, len(d.buf)}
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

// appendString appends the decoded JSON string starting at the quote at i
// and returns the offset after its closing quote. Invalid surrogate escapes
// become U+FFFD like encoding/json; invalid UTF-8 is an error.
func appendString(dst, line []byte, i int) ([]byte, int, error) {
	j := i + 1
	for {
		// A run of plain bytes.
		s := j
		hi := byte(0)
		for j < len(line) {
			c := line[j]
			if c == '"' || c == '\\' || c < 0x20 {
				break
			}
			hi |= c
			j++
		}
		if hi >= utf8.RuneSelf && !utf8.Valid(line[s:j]) {
			return dst, j, invalidUTF8(line, s)
		}
		dst = append(dst, line[s:j]...)
		if j >= len(line) {
			return dst, j, fmt.Errorf("%w: unterminated string starting at column %d", errBadJSON, i+1)
		}
		switch c := line[j]; {
		case c == '"':
			return dst, j + 1, nil
		case c < 0x20:
			return dst, j, fmt.Errorf("%w: control character %#02x in string at column %d", errBadJSON, c, j+1)
		}
		// An escape.
		if j+1 >= len(line) {
			return dst, j, fmt.Errorf("%w: unterminated string starting at column %d", errBadJSON, i+1)
		}
		switch e := line[j+1]; e {
		case '"', '\\', '/':
			dst = append(dst, e)
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		case 'u':
			r := hex4(line, j+2)
			if r < 0 {
				return dst, j, fmt.Errorf("%w: bad \\u escape at column %d", errBadJSON, j+1)
			}
			j += 6
			if utf16.IsSurrogate(r) {
				if line2 := hexEscape(line, j); line2 >= 0 {
					if dec := utf16.DecodeRune(r, line2); dec != utf8.RuneError {
						dst = utf8.AppendRune(dst, dec)
						j += 6
						continue
					}
				}
				r = utf8.RuneError
			}
			dst = utf8.AppendRune(dst, r)
			continue
		default:
			return dst, j, fmt.Errorf("%w: bad escape \\%c at column %d", errBadJSON, e, j+1)
		}
		j += 2
	}
}

// hexEscape returns the rune of a "\uXXXX" escape at i, or -1.
func hexEscape(line []byte, i int) rune {
	if i+1 < len(line) && line[i] == '\\' && line[i+1] == 'u' {
		return hex4(line, i+2)
	}
	return -1
}

func hex4(line []byte, i int) rune {
	if i+4 > len(line) {
		return -1
	}
	var r rune
	for _, c := range line[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// skipValue validates the JSON value at i and returns the offset after it.
func skipValue(line []byte, i, depth int) (int, error) {
	if i >= len(line) {
		return i, syntaxError(line, i, "a value")
	}
	switch c := line[i]; {
	case c == '"':
		return skipString(line, i)
	case c == '{' || c == '[':
		if depth >= maxJSONDepth {
			return i, fmt.Errorf("%w: nested too deeply at column %d", errBadJSON, i+1)
		}
		end := byte('}')
		if c == '[' {
			end = ']'
		}
		i = skipSpace(line, i+1)
		if i < len(line) && line[i] == end {
			return i + 1, nil
		}
		for {
			var err error
			if c == '{' {
				if i >= len(line) || line[i] != '"' {
					return i, syntaxError(line, i, "a member name")
				}
				if i, err = skipString(line, i); err != nil {
					return i, err
				}
				i = skipSpace(line, i)
				if i >= len(line) || line[i] != ':' {
					return i, syntaxError(line, i, "':'")
				}
				i = skipSpace(line, i+1)
			}
			if i, err = skipValue(line, i, depth+1); err != nil {
				return i, err
			}
			i = skipSpace(line, i)
			if i < len(line) && line[i] == ',' {
				i = skipSpace(line, i+1)
				continue
			}
			if i < len(line) && line[i] == end {
				return i + 1, nil
			}
			return i, syntaxError(line, i, fmt.Sprintf("',' or '%c'", end))
		}
	case c == '-' || c >= '0' && c <= '9':
		return skipNumber(line, i)
	case c == 't':
		return skipLiteral(line, i, "true")
	case c == 'f':
		return skipLiteral(line, i, "false")
	case c == 'n':
		return skipLiteral(line, i, "null")
	}
	return i, syntaxError(line, i, "a value")
}

func skipString(line []byte, i int) (int, error) {
	j := i + 1
	for {
		s := j
		hi := byte(0)
		for j < len(line) {
			c := line[j]
			if c == '"' || c == '\\' || c < 0x20 {
				break
			}
			hi |= c
			j++
		}
		if hi >= utf8.RuneSelf && !utf8.Valid(line[s:j]) {
			return j, invalidUTF8(line, s)
		}
		if j >= len(line) {
			return j, fmt.Errorf("%w: unterminated string starting at column %d", errBadJSON, i+1)
		}
		switch c := line[j]; {
		case c == '"':
			return j + 1, nil
		case c < 0x20:
			return j, fmt.Errorf("%w: control character %#02x in string at column %d", errBadJSON, c, j+1)
		}
		if j+1 >= len(line) {
			return j, fmt.Errorf("%w: unterminated string starting at column %d", errBadJSON, i+1)
		}
		switch line[j+1] {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			j += 2
		case 'u':
			if hex4(line, j+2) < 0 {
				return j, fmt.Errorf("%w: bad \\u escape at column %d", errBadJSON, j+1)
			}
			j += 6
		default:
			return j, fmt.Errorf("%w: bad escape \\%c at column %d", errBadJSON, line[j+1], j+1)
		}
	}
}

// skipNumber validates -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func skipNumber(line []byte, i int) (int, error) {
	j := i
	if j < len(line) && line[j] == '-' {
		j++
	}
	digits := func() bool {
		s := j
		for j < len(line) && line[j] >= '0' && line[j] <= '9' {
			j++
		}
		return j > s
	}
	switch {
	case j < len(line) && line[j] == '0':
		j++
	case !digits():
		return j, syntaxError(line, j, "a digit")
	}
	if j < len(line) && line[j] == '.' {
		j++
		if !digits() {
			return j, syntaxError(line, j, "a digit")
		}
	}
	if j < len(line) && (line[j] == 'e' || line[j] == 'E') {
		j++
		if j < len(line) && (line[j] == '+' || line[j] == '-') {
			j++
		}
		if !digits() {
			return j, syntaxError(line, j, "a digit")
		}
	}
	return j, nil
}

func skipLiteral(line []byte, i int, lit string) (int, error) {
	if len(line)-i >= len(lit) && string(line[i:i+len(lit)]) == lit {
		return i + len(lit), nil
	}
	return i, syntaxError(line, i, "a value")
}

// skipSpace skips JSON white space (and the line break).
func skipSpace(line []byte, i int) int {
	for i < len(line) {
		switch line[i] {
		case ' ', '\t', '\n', '\r':
			i++
			continue
		}
		break
	}
	return i
}

func syntaxError(line []byte, i int, want string) error {
	return fmt.Errorf("%w: %s at column %d, want %s", errBadJSON, describe(line, i), i+1, want)
}

func invalidUTF8(line []byte, s int) error {
	for s < len(line) {
		r, size := utf8.DecodeRune(line[s:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		s += size
	}
	return fmt.Errorf("%w at column %d (byte %#02x)", errInvalidUTF8, s+1, line[min(s, len(line)-1)])
}

// describe names what is at line[i] for an error message.
func describe(line []byte, i int) string {
	i = min(i, len(line))
	if i == len(line) || line[i] == '\n' || line[i] == '\r' {
		return "end of line"
	}
	if c := line[i]; c >= 0x20 && c < 0x7f {
		return strconv.QuoteRune(rune(c))
	}
	return fmt.Sprintf("byte %#02x", line[i])
}

func kindOf(c byte) string {
	switch c {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case '"':
		return "a string"
	}
	return "a number"
}
