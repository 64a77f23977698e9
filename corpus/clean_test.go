package corpus

import (
	"testing"
	"unicode/utf8"
)

// TestByteClass checks the byte class table against the definitions it
// speeds up.
func TestByteClass(t *testing.T) {
	lead := map[byte]bool{}
	stop := map[byte]bool{'.': true, '!': true, '?': true}
	for r := rune(0x80); r <= utf8.MaxRune; r++ {
		var buf [4]byte
		n := utf8.EncodeRune(buf[:], r)
		if n > 0 && isSpaceRune(r) {
			lead[buf[0]] = true
		}
		switch r {
		case '…', '。', '！', '？':
			stop[buf[0]] = true
		}
	}
	for c := 0; c < 256; c++ {
		want := 0
		if c < utf8.RuneSelf && isASCIISpace(byte(c)) {
			want |= classSpace
		}
		if lead[byte(c)] {
			want |= classSpaceLead
		}
		if stop[byte(c)] {
			want |= classStop
		}
		if got := int(byteClass[c]); got != want {
			t.Errorf("byteClass[%#02x] = %d, want %d", c, got, want)
		}
	}
}

func FuzzVerbatimRun(f *testing.F) {
	for _, s := range []string{"", "a", " a", "a b", "a  b", "abcdefg hijklmn opq", "abcdefgh  ijk",
		"abcdefg\u00a0hijklmnop", "abcdefg \u00a0hij", "abcdefgh \u3000x", "héllo wörld, “quoted” text here", "abcdefg ",
		"abcdefg\tabc", "0123456 89abcde  x", "\xc2", "a \xc2", "a\xe2\x80\x80b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// Like its callers, start after any leading white space.
		s = s[spaceRun(s, 0, len(s)):]
		if got, want := verbatimRun(s), verbatimRunSlow(s); got != want {
			t.Errorf("verbatimRun(%q) = %d, want %d", s, got, want)
		}
	})
}
