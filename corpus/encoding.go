package corpus

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// Text in other encodings than UTF-8 is decoded to UTF-8 before it is
// split, so that Document.Text, and the offsets of units into it, are
// always UTF-8:
//
//   - a file that opens with a UTF-16 byte order mark is UTF-16;
//   - with Options.Encoding set, a file that is not JSONL (JSON is UTF-8)
//     and not valid UTF-8 is read in that encoding ("latin1",
//     "windows-1252", "shift_jis": the WHATWG names and labels), so that
//     the UTF-8 files of a mixed folder stay as they are;
//   - an HTML file that is not valid UTF-8 is decoded as a browser would:
//     by its <meta charset> or http-equiv declaration, windows-1252 when it
//     declares none (old newsroom archives: "latin1.html" with
//     <meta charset="iso-8859-1">).
//
// Anything else that is not UTF-8 is an error naming the file and its
// first bad byte.

// lookupEncoding returns the encoding named name (a WHATWG label).
func lookupEncoding(name string) (encoding.Encoding, error) {
	e, err := htmlindex.Get(name)
	if err != nil {
		return nil, fmt.Errorf("corpus: unknown encoding %q (want a name such as utf-8, latin1, windows-1252, shift_jis)", name)
	}
	return e, nil
}

// decodeText returns data as UTF-8 when its encoding is known to be
// another (see above), and data itself otherwise; valid reports whether
// what it returns is valid UTF-8 (decoded text always is).
func decodeText(data []byte, format Format, forced encoding.Encoding) (out []byte, valid bool, err error) {
	var e encoding.Encoding
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		e = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	case utf8.Valid(data):
		return data, true, nil
	case forced != nil:
		e = forced
	case format == HTML:
		var name string
		if e, name, _ = charset.DetermineEncoding(data, "text/html"); name == "utf-8" {
			return data, false, nil // declared (or read as) UTF-8: its bad byte is an error
		}
	}
	if e == nil {
		return data, false, nil
	}
	if out, err = e.NewDecoder().Bytes(data); err != nil {
		return nil, false, fmt.Errorf("decoding: %w", err)
	}
	return out, true, nil
}
