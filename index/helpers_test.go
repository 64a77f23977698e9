package index_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/neardup/neardup/index"
	"github.com/neardup/neardup/similarity"
)

const articlePath = "../testdata/cambodia-article.txt"

// words is the tests' tokeniser: lowercase, split on non-letters.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) })
}

// paragraphs returns the non-empty lines of the seed article.
func paragraphs(t testing.TB) []string {
	t.Helper()
	b, err := os.ReadFile(articlePath)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for line := range strings.Lines(string(b)) {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// tfidf vectorises texts with the default weighting, IDF over texts.
func tfidf(texts []string, w similarity.Weighting) []similarity.Vector {
	voc := similarity.NewVocabulary()
	ids := make([][]uint32, len(texts))
	var df similarity.DocFreq
	for i, s := range texts {
		for _, t := range words(s) {
			ids[i] = append(ids[i], voc.ID(t))
		}
		df.Add(ids[i])
	}
	vecs := make([]similarity.Vector, len(texts))
	for i := range ids {
		w.Vector(ids[i], &df, &vecs[i])
	}
	return vecs
}

// bruteForce is the obviously-right reference: every pair, in order.
func bruteForce(vecs []similarity.Vector, t float64) []index.Pair {
	var out []index.Pair
	for a := range vecs {
		for b := a + 1; b < len(vecs); b++ {
			if c := similarity.Cosine(vecs[a], vecs[b]); c >= t {
				out = append(out, index.Pair{A: int32(a), B: int32(b), Cosine: float32(c)})
			}
		}
	}
	return out
}

// randomVectors makes n normalised vectors over a zipfian vocabulary of
// dims terms, about size terms each, a share of them edited copies of
// earlier ones so that high thresholds have pairs too.
func randomVectors(rng *rand.Rand, n, dims, size int) []similarity.Vector {
	zipf := rand.NewZipf(rng, 1.1, 2, uint64(dims-1))
	vecs := make([]similarity.Vector, n)
	for i := range vecs {
		m := map[uint32]float32{}
		if i > 0 && rng.IntN(3) == 0 {
			src := vecs[rng.IntN(i)]
			for k, t := range src.Terms {
				if rng.IntN(5) > 0 {
					m[t] = src.Weights[k] * (0.5 + rng.Float32())
				}
			}
		}
		for range rng.IntN(size + 1) {
			m[uint32(zipf.Uint64())] = 0.05 + rng.Float32()
		}
		vecs[i] = normalise(m)
	}
	return vecs
}

func normalise(m map[uint32]float32) similarity.Vector {
	var v similarity.Vector
	var sum float64
	for t, w := range m {
		v.Terms = append(v.Terms, t)
		sum += float64(w) * float64(w)
	}
	slices.Sort(v.Terms)
	for _, t := range v.Terms {
		v.Weights = append(v.Weights, float32(float64(m[t])/math.Sqrt(sum)))
	}
	return v
}

// diffPairs describes the first difference between two pair lists, or
// returns "" when they are equal.
func diffPairs(got, want []index.Pair) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return fmt.Sprintf("%d pairs, want %d; first difference at %d: got %+v, want %+v", len(got), len(want), i, got[i], want[i])
		}
	}
	if len(got) != len(want) {
		return fmt.Sprintf("%d pairs, want %d", len(got), len(want))
	}
	return ""
}
