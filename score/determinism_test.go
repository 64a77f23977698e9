package score

import (
	"slices"
	"testing"
)

// TestLexiconDeterministic decodes the embedded tables several times: the
// id-keyed table must come out the same every time (it is built from a
// map, whose iteration order changes from run to run, and a few of its
// ~60,000 terms share a 32-bit id).
func TestLexiconDeterministic(t *testing.T) {
	first, err := decodeLexicon(synonymsBin, backgroundBin, embeddingsBin)
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		lx, err := decodeLexicon(synonymsBin, backgroundBin, embeddingsBin)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(lx.keys, first.keys) || !slices.Equal(lx.vals, first.vals) {
			t.Fatal("two decodings of the embedded tables differ")
		}
	}
}
