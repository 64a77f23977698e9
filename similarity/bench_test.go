package similarity_test

import (
	"strings"
	"testing"

	"github.com/james-bowman/nlp"
	"github.com/neardup/neardup/similarity"
)

// articleVectors returns the article's paragraphs, their term ids, df, and
// default TF-IDF vectors.
func articleVectors(b *testing.B) ([]string, [][]uint32, *similarity.DocFreq, []similarity.Vector) {
	paras := paragraphs(b)
	_, ids := termIDs(paras)
	df := &similarity.DocFreq{}
	for _, d := range ids {
		df.Add(d)
	}
	vecs := make([]similarity.Vector, len(ids))
	for i := range ids {
		similarity.Weighting{}.Vector(ids[i], df, &vecs[i])
	}
	return paras, ids, df, vecs
}

func textBytes(paras []string) int64 {
	n := 0
	for _, p := range paras {
		n += len(p)
	}
	return int64(n)
}

// BenchmarkCosine scores every ordered pair of the article's paragraph
// vectors; one op is one pair.
func BenchmarkCosine(b *testing.B) {
	_, _, _, vecs := articleVectors(b)
	b.ReportAllocs()
	b.ResetTimer()
	var sink float64
	for i := 0; b.Loop(); i++ {
		sink += similarity.Cosine(vecs[i%len(vecs)], vecs[(i/len(vecs))%len(vecs)])
	}
	_ = sink
}

// BenchmarkWeightingVector vectorises every paragraph of the article into
// a reused vector; bytes are the paragraphs' text.
func BenchmarkWeightingVector(b *testing.B) {
	paras, ids, df, _ := articleVectors(b)
	for _, w := range []struct {
		name string
		w    similarity.Weighting
	}{{"smooth", similarity.Weighting{}}, {"sublinear", similarity.Weighting{Sublinear: true}}} {
		b.Run(w.name, func(b *testing.B) {
			var dst similarity.Vector
			b.ReportAllocs()
			b.SetBytes(textBytes(paras))
			for b.Loop() {
				for _, d := range ids {
					w.w.Vector(d, df, &dst)
				}
			}
		})
	}
	b.Run("table", func(b *testing.B) {
		idf := similarity.Weighting{}.IDFTable(df)
		var dst similarity.Vector
		b.ReportAllocs()
		b.SetBytes(textBytes(paras))
		for b.Loop() {
			for _, d := range ids {
				similarity.Weighting{}.VectorTable(d, idf, df, &dst)
			}
		}
	})
}

// fastTokeniser gives nlp the tests' tokeniser, so BenchmarkTFIDF/nlp
// measures vectorising, not nlp's regular expression.
type fastTokeniser struct{}

func (fastTokeniser) ForEachIn(text string, f func(string)) {
	for _, w := range words(text) {
		f(w)
	}
}
func (fastTokeniser) Tokenise(text string) []string { return words(text) }

// BenchmarkTFIDF compares the reference, james-bowman/nlp (CountVectoriser
// + TfidfTransformer FitTransform), with ours (DocFreq + Weighting.Vector)
// from paragraph text to TF-IDF vectors, both tokenising with words. Ours
// keeps its vocabulary and output vectors across iterations, as a scan
// reuses its buffers; nlp cannot.
func BenchmarkTFIDF(b *testing.B) {
	paras := paragraphs(b)
	b.Run("nlp", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(textBytes(paras))
		for b.Loop() {
			cv := nlp.NewCountVectoriser()
			cv.Tokeniser = fastTokeniser{}
			counts, err := cv.FitTransform(paras...)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := nlp.NewTfidfTransformer().FitTransform(counts); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ours", func(b *testing.B) {
		voc := similarity.NewVocabulary()
		ids := make([][]uint32, len(paras))
		vecs := make([]similarity.Vector, len(paras))
		b.ReportAllocs()
		b.SetBytes(textBytes(paras))
		for b.Loop() {
			var df similarity.DocFreq
			for i, p := range paras {
				ids[i] = ids[i][:0]
				for w := range strings.FieldsFuncSeq(strings.ToLower(p), notLetter) {
					ids[i] = append(ids[i], voc.ID(w))
				}
				df.Add(ids[i])
			}
			for i := range ids {
				similarity.Weighting{}.Vector(ids[i], &df, &vecs[i])
			}
		}
	})
}
