package score

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// TestUnitSections checks the packed unit against the tokens it was made
// from, for token sequences packed in 1, 2 and 4 bytes an entry.
func TestUnitSections(t *testing.T) {
	s := newTestScorer(t)
	var many strings.Builder
	for i := range 70000 {
		many.WriteString(strconv.Itoa(i))
		many.WriteByte(' ')
	}
	cases := []struct {
		name  string
		text  string
		width int
	}{
		{"sentence", articleSentences(t)[3], 1},
		{"article", strings.Join(articleLines(t), "\n"), 2},
		{"70000 numbers", many.String(), 4},
		{"empty", "", 1},
		{"one word", "Cambodia", 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			u := s.Analyze(tc.text)
			if w := seqWidth(len(u.vocabulary())); w != tc.width {
				t.Errorf("sequence width %d, want %d", w, tc.width)
			}
			var seq, terms []uint32
			var shingles []uint64
			tf := map[uint32]uint16{}
			words := 0
			for _, tok := range s.tokens(tc.text, nil) {
				term, _ := scoreTerm(&tok)
				id := termID(term)
				seq = append(seq, id)
				if !tok.Stop {
					tf[id]++
					terms = append(terms, id)
					words++
				}
			}
			for i := 0; i+1 < len(seq); i++ {
				shingles = append(shingles, uint64(seq[i])<<32|uint64(seq[i+1]))
			}
			if len(seq) == 1 {
				shingles = append(shingles, uint64(seq[0]))
			}
			slices.Sort(terms)
			terms = slices.Compact(terms)
			slices.Sort(shingles)
			shingles = slices.Compact(shingles)
			if got := u.appendSeq(nil); !slices.Equal(got, seq) {
				t.Errorf("sequence differs: got %d ids, want %d", len(got), len(seq))
			}
			if !slices.Equal(u.Terms(), terms) {
				t.Errorf("Terms differ: got %d, want %d", len(u.Terms()), len(terms))
			}
			if got := u.Shingles(); !slices.Equal(got, shingles) {
				t.Errorf("Shingles differ: got %d, want %d", len(got), len(shingles))
			}
			want := make([]uint16, len(terms))
			for i, id := range terms {
				want[i] = tf[id]
			}
			if got := u.appendCounts(nil); !slices.Equal(got, want) {
				t.Errorf("counts differ")
			}
			if u.Words() != words {
				t.Errorf("Words() = %d, want %d", u.Words(), words)
			}
			for i, id := range u.norms()[:u.nt] {
				if w := u.voc.at(id); w.term != terms[i] || w.stop {
					t.Errorf("norm %d (%q) has term %d, want %d", i, w.norm, w.term, terms[i])
				}
			}
		})
	}
}

// TestVocabularyOrder checks that the results do not depend on the order
// in which a Scorer first meets the words: a fresh Scorer analysing the
// units from four goroutines (so that its vocabulary numbers the words
// differently) scores every pair as one analysing them in order, and units
// of two Scorers can be scored together.
func TestVocabularyOrder(t *testing.T) {
	texts := append(articleSentences(t), articleLines(t)...)
	seq := newTestScorer(t)
	want := make([]*Unit, len(texts))
	for i, x := range texts {
		want[i] = seq.Analyze(x)
	}
	par := newTestScorer(t)
	got := make([]*Unit, len(texts))
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range texts {
				if i := len(texts) - 1 - k; i%4 == g {
					got[i] = par.Analyze(texts[i])
				}
			}
		}()
	}
	wg.Wait()
	if seq.voc.n < 1<<vocabMinShift+1 || seq.voc.n != par.voc.n {
		t.Fatalf("vocabularies of %d and %d words: want equal, and more than one chunk", seq.voc.n, par.voc.n)
	}
	cw, cg := seq.NewCorpus(want), par.NewCorpus(got)
	for i := 1; i < len(texts); i++ {
		w := seq.Score(cw, want[i-1], want[i])
		if g := par.Score(cg, got[i-1], got[i]); g != w {
			t.Fatalf("pair %d: %+v, want %+v", i, g, w)
		}
		if g := seq.Score(cw, want[i-1], got[i]); g != w {
			t.Fatalf("pair %d across scorers: %+v, want %+v", i, g, w)
		}
		if !slices.Equal(got[i].Terms(), want[i].Terms()) || got[i].Fingerprint() != want[i].Fingerprint() {
			t.Fatalf("unit %d: terms or fingerprint differ", i)
		}
	}
}
