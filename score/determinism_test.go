package score

import (
	"slices"
	"testing"
)

// TestLexiconDeterministic decodes the embedded tables several times: every
// term id must look up the same entry every time. The id-keyed table is
// built from a map, whose iteration order changes from run to run, and a
// few of its ~60,000 terms share a 32-bit id.
func TestLexiconDeterministic(t *testing.T) {
	first, err := decodeLexicon(synonymsBin, backgroundBin, embeddingsBin)
	if err != nil {
		t.Fatal(err)
	}
	ids := termIDs(first)
	for range 8 {
		lx, err := decodeLexicon(synonymsBin, backgroundBin, embeddingsBin)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(termIDs(lx), ids) {
			t.Fatal("two decodings of the embedded tables hold different term ids")
		}
		for _, id := range ids {
			a, _ := first.lookup(id)
			b, _ := lx.lookup(id)
			if a != b {
				t.Fatalf("term id %#x: entry %+v in one decoding, %+v in another", id, a, b)
			}
		}
	}
}

// termIDs returns the sorted term ids a lexicon holds.
func termIDs(lx *lexicon) []uint32 {
	var ids []uint32
	for _, k := range lx.keys {
		if k != 0 {
			ids = append(ids, k)
		}
	}
	slices.Sort(ids)
	return ids
}
