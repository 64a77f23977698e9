package corpus

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// The JSON scanning primitives of the JSONL record decoder: string
// decoding, validation of skipped values, and error messages that say
// what was found at which column.

// appendString appends the decoded JSON string starting at the quote at i
// and returns the offset after its closing quote. Invalid surrogate escapes
// become U+FFFD like encoding/json; invalid UTF-8 is an error.
func appendString(dst, line []byte, i int) ([]byte, int, error) {
	j := i + 1
	for {
		// A run of plain bytes.
		s := j
		var high bool
		j, high = plainRun(line, j)
		if high && !utf8.Valid(line[s:j]) {
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

// plainRun returns the offset of the first '"', '\\' or control character
// at or after j (or len(line)), and whether a byte >= 0x80 may be among
// those before it. It looks at eight bytes at a time (SWAR).
func plainRun(line []byte, j int) (int, bool) {
	const (
		lo7    = 0x7f7f7f7f7f7f7f7f
		hi     = 0x8080808080808080
		quotes = 0x2222222222222222
		slashs = 0x5c5c5c5c5c5c5c5c
		ctrl   = 0x6060606060606060 // 0x80 - 0x20: (b&0x7f)+ctrl has bit 7 set iff b&0x7f >= 0x20
	)
	var acc uint64
	for j+8 <= len(line) {
		w := binary.LittleEndian.Uint64(line[j:])
		acc |= w
		// zero(x) has bit 7 set in each byte of x that is 0.
		zero := func(x uint64) uint64 { return ^(((x & lo7) + lo7) | x | lo7) }
		if sp := zero(w^quotes) | zero(w^slashs) | ^((w&lo7)+ctrl) & ^w & hi; sp != 0 {
			return j + bits.TrailingZeros64(sp)/8, acc&hi != 0
		}
		j += 8
	}
	for ; j < len(line); j++ {
		c := line[j]
		if c == '"' || c == '\\' || c < 0x20 {
			break
		}
		acc |= uint64(c)
	}
	return j, acc&hi != 0
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
		var high bool
		j, high = plainRun(line, j)
		if high && !utf8.Valid(line[s:j]) {
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
