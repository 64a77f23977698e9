package corpus

import (
	"math/rand"
	"testing"
	"time"
)

func TestZZPerf(t *testing.T) {
	alphabets := []string{"a .\n", "ab. \n>-1*", " \n\t", "a\n", ".A ", "- \n", "1. a\n", "a:- ", "`[]()<>*_&;#!\n a", "<p>a</p><li>&amp;\n"}
	for _, al := range alphabets {
		r := rand.New(rand.NewSource(1))
		b := make([]byte, 200000)
		for i := range b {
			b[i] = al[r.Intn(len(al))]
		}
		for _, f := range []Format{Text, Markdown, HTML} {
			t0 := time.Now()
			d := &Document{Format: f, Text: string(b)}
			Split(d, Paragraph)
			Split(d, Sentence)
			if el := time.Since(t0); el > 200*time.Millisecond {
				t.Errorf("%q %s: %v", al, f, el)
			}
		}
	}
}
