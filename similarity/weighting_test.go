package similarity_test

import (
	"math"
	"slices"
	"testing"

	"github.com/james-bowman/nlp"
	"github.com/james-bowman/sparse"
	"github.com/neardup/neardup/similarity"
	"gonum.org/v1/gonum/mat"
)

func TestDocFreq(t *testing.T) {
	var a, b similarity.DocFreq
	a.Add([]uint32{3, 1, 3, 3})
	a.Add(nil)
	a.Add([]uint32{1, 200})
	b.Add([]uint32{0, 0, 1})
	if want := (similarity.DocFreq{N: 3, DF: []uint32{0, 2, 0, 1}}); a.N != want.N || !slices.Equal(a.DF[:4], want.DF) || a.Freq(200) != 1 || a.Freq(5000) != 0 {
		t.Errorf("a = N %d DF[:4] %v DF[200] %d, want N 3 DF %v DF[200] 1", a.N, a.DF[:4], a.Freq(200), want.DF)
	}
	a.Merge(&b)
	got := map[uint32]int{}
	for term, n := range a.DF {
		if n != 0 {
			got[uint32(term)] = int(n)
		}
	}
	want := map[uint32]int{0: 1, 1: 3, 3: 1, 200: 1}
	if a.N != 4 || len(got) != len(want) {
		t.Fatalf("merged: N %d, df %v; want N 4, df %v", a.N, got, want)
	}
	for term, n := range want {
		if got[term] != n {
			t.Errorf("merged df[%d] = %d, want %d", term, got[term], n)
		}
	}
	// Adding after a merge still counts repeated terms once.
	a.Add([]uint32{1, 1, 1})
	if a.N != 5 || a.Freq(1) != 4 {
		t.Errorf("after merge: N %d df[1] %d, want 5, 4", a.N, a.Freq(1))
	}
	// A literal DocFreq with DF but no internal state works too.
	lit := similarity.DocFreq{N: 1, DF: []uint32{1, 1}}
	lit.Add([]uint32{1, 1, 0})
	if lit.N != 2 || lit.Freq(0) != 2 || lit.Freq(1) != 2 {
		t.Errorf("literal: N %d DF %v, want 2 [2 2]", lit.N, lit.DF[:2])
	}
}

// TestDocFreqShards: counting in shards and merging equals counting at once.
func TestDocFreqShards(t *testing.T) {
	_, docs := termIDs(paragraphs(t))
	var whole, s1, s2 similarity.DocFreq
	for i, d := range docs {
		whole.Add(d)
		if i%3 == 0 {
			s1.Add(d)
		} else {
			s2.Add(d)
		}
	}
	s2.Merge(&s1)
	n := max(len(whole.DF), len(s2.DF))
	for term := range uint32(n) {
		if whole.Freq(term) != s2.Freq(term) {
			t.Errorf("df[%d]: whole %d, shards %d", term, whole.Freq(term), s2.Freq(term))
		}
	}
	if whole.N != s2.N || whole.N != len(docs) {
		t.Errorf("N: whole %d, shards %d, want %d", whole.N, s2.N, len(docs))
	}
}

func TestTermIDF(t *testing.T) {
	df := &similarity.DocFreq{N: 9, DF: []uint32{9, 4, 0}}
	tests := []struct {
		name string
		w    similarity.Weighting
		term uint32
		want float64
	}{
		{"smooth everywhere", similarity.Weighting{}, 0, 1},
		{"smooth some", similarity.Weighting{}, 1, math.Log(10.0/5) + 1},
		{"smooth unseen", similarity.Weighting{}, 2, math.Log(10) + 1},
		{"smooth past table", similarity.Weighting{}, 99, math.Log(10) + 1},
		{"unshifted everywhere", similarity.Weighting{IDF: similarity.IDFUnshifted}, 0, 0},
		{"unshifted some", similarity.Weighting{IDF: similarity.IDFUnshifted}, 1, math.Log(2)},
		{"none", similarity.Weighting{IDF: similarity.IDFNone}, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.w.TermIDF(df, tt.term); got != tt.want {
				t.Errorf("%+v.TermIDF(df, %d) = %v, want %v", tt.w, tt.term, got, tt.want)
			}
		})
	}
}

func TestWeightingVector(t *testing.T) {
	df := &similarity.DocFreq{N: 3, DF: []uint32{3, 1, 1, 2}}
	idf := func(d float64) float64 { return math.Log(4/(1+d)) + 1 }
	norm := func(ws ...float64) []float32 {
		var s float64
		for _, w := range ws {
			s += w * w
		}
		out := make([]float32, len(ws))
		for i, w := range ws {
			out[i] = float32(w / math.Sqrt(s))
		}
		return out
	}
	tests := []struct {
		name  string
		w     similarity.Weighting
		terms []uint32
		want  similarity.Vector
	}{
		{"empty", similarity.Weighting{}, nil, similarity.Vector{}},
		{"single", similarity.Weighting{}, []uint32{2, 2}, vec([]uint32{2}, 1)},
		{"counts and order", similarity.Weighting{}, []uint32{3, 1, 3, 0},
			vec([]uint32{0, 1, 3}, norm(idf(3), idf(1), 2*idf(2))...)},
		{"sublinear", similarity.Weighting{Sublinear: true}, []uint32{3, 1, 3, 3, 0},
			vec([]uint32{0, 1, 3}, norm(idf(3), idf(1), (1+math.Log(3))*idf(2))...)},
		{"unshifted drops term in every doc", similarity.Weighting{IDF: similarity.IDFUnshifted}, []uint32{0, 1, 3},
			vec([]uint32{1, 3}, norm(math.Log(2), math.Log(4.0/3))...)},
		{"unshifted all dropped", similarity.Weighting{IDF: similarity.IDFUnshifted}, []uint32{0, 0}, similarity.Vector{}},
		{"tf only", similarity.Weighting{IDF: similarity.IDFNone}, []uint32{5, 1, 5}, vec([]uint32{1, 5}, norm(1, 2)...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := slices.Clone(tt.terms)
			var got similarity.Vector
			tt.w.Vector(in, df, &got)
			if !slices.Equal(in, tt.terms) {
				t.Errorf("Vector modified its input: %v, was %v", in, tt.terms)
			}
			if !slices.Equal(got.Terms, tt.want.Terms) || !slices.EqualFunc(got.Weights, tt.want.Weights, func(a, b float32) bool { return math.Abs(float64(a-b)) <= 1e-7 }) {
				t.Errorf("Vector(%v) = %v, want %v", tt.terms, got, tt.want)
			}
			var tab similarity.Vector
			tt.w.VectorTable(tt.terms, tt.w.IDFTable(df), df, &tab)
			if !slices.Equal(tab.Terms, got.Terms) || !slices.Equal(tab.Weights, got.Weights) {
				t.Errorf("VectorTable(%v) = %v, Vector gave %v", tt.terms, tab, got)
			}
			if err := got.Check(); err != nil {
				t.Errorf("Vector(%v).Check() = %v", tt.terms, err)
			}
		})
	}
}

// referenceTFIDF is the obviously-right TF-IDF: maps of strings, every
// formula spelled out, float64 throughout.
func referenceTFIDF(docs [][]string, sublinear bool, idfKind similarity.IDF) []map[string]float64 {
	df := map[string]int{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, w := range d {
			if !seen[w] {
				seen[w] = true
				df[w]++
			}
		}
	}
	n := float64(len(docs))
	out := make([]map[string]float64, len(docs))
	for i, d := range docs {
		tf := map[string]float64{}
		for _, w := range d {
			tf[w]++
		}
		v := map[string]float64{}
		var sum float64
		for w, f := range tf {
			if sublinear {
				f = 1 + math.Log(f)
			}
			idf := 1.0
			switch idfKind {
			case similarity.IDFSmooth:
				idf = math.Log((1+n)/(1+float64(df[w]))) + 1
			case similarity.IDFUnshifted:
				idf = math.Log((1 + n) / (1 + float64(df[w])))
			}
			if f*idf > 0 {
				v[w] = f * idf
				sum += f * idf * f * idf
			}
		}
		for w := range v {
			v[w] /= math.Sqrt(sum)
		}
		out[i] = v
	}
	return out
}

// compareVectors checks that got (ours, by term id) and want (by term) hold
// the same terms with weights within float32 rounding.
func compareVectors(t *testing.T, name string, voc *similarity.Vocabulary, got []similarity.Vector, want []map[string]float64) {
	t.Helper()
	for i := range got {
		if len(got[i].Terms) != len(want[i]) {
			t.Errorf("%s: paragraph %d: %d terms, want %d", name, i, len(got[i].Terms), len(want[i]))
			continue
		}
		for k, term := range got[i].Terms {
			w, ok := want[i][voc.Term(term)]
			if !ok || math.Abs(float64(got[i].Weights[k])-w) > 1e-6 {
				t.Errorf("%s: paragraph %d: weight of %q = %v, want %v (present %v)", name, i, voc.Term(term), got[i].Weights[k], w, ok)
			}
		}
	}
}

// TestWeightingReference compares Weighting.Vector with referenceTFIDF for
// every weighting on the article's paragraphs.
func TestWeightingReference(t *testing.T) {
	paras := paragraphs(t)
	voc, ids := termIDs(paras)
	toks := make([][]string, len(paras))
	var df similarity.DocFreq
	for i, p := range paras {
		toks[i] = words(p)
		df.Add(ids[i])
	}
	for _, sub := range []bool{false, true} {
		for _, kind := range []similarity.IDF{similarity.IDFSmooth, similarity.IDFUnshifted, similarity.IDFNone} {
			w := similarity.Weighting{Sublinear: sub, IDF: kind}
			got := make([]similarity.Vector, len(ids))
			for i := range ids {
				w.Vector(ids[i], &df, &got[i])
			}
			compareVectors(t, "reference", voc, got, referenceTFIDF(toks, sub, kind))
		}
	}
}

// nlpColumns turns a term-document matrix of james-bowman/nlp (rows terms,
// columns documents) into one map per document, term index -> value.
func nlpColumns(t *testing.T, m mat.Matrix) []map[int]float64 {
	t.Helper()
	// CountVectoriser returns a DOK matrix, TfidfTransformer a CSR one.
	if c, ok := m.(sparse.TypeConverter); ok {
		m = c.ToCSR()
	}
	csr, ok := m.(*sparse.CSR)
	if !ok {
		t.Fatalf("nlp returned %T, want a sparse matrix", m)
	}
	csc := csr.ToCSC()
	_, n := csc.Dims()
	out := make([]map[int]float64, n)
	for j := range n {
		out[j] = map[int]float64{}
		csc.ColView(j).(*sparse.Vector).DoNonZero(func(i, _ int, v float64) {
			if v != 0 {
				out[j][i] = v
			}
		})
	}
	return out
}

// TestNLPAgreement checks our TF-IDF and cosine against james-bowman/nlp on
// the article's paragraphs. nlp's TfidfTransformer uses
// idf = ln((1+N)/(1+df)) (IDFUnshifted) and does not normalise, so:
//   - with IDFUnshifted ours must equal nlp's columns divided by their norm;
//   - with the default IDFSmooth, whose idf is nlp's plus 1, our weight
//     before normalising is tf·(idf_nlp + 1) = nlp's tf-idf + nlp's raw count,
//     so ours must equal (tfidf + counts) divided by its norm.
//
// The tokeniser and first-seen vocabulary order are the same on both sides,
// so term ids must agree too. Weights agree within float32 rounding (ours
// stores float32); cosines within 1e-6.
func TestNLPAgreement(t *testing.T) {
	paras := paragraphs(t)
	voc, ids := termIDs(paras)

	cv := nlp.NewCountVectoriser()
	counts, err := cv.FitTransform(paras...)
	if err != nil {
		t.Fatal(err)
	}
	if len(cv.Vocabulary) != voc.Len() {
		t.Fatalf("nlp vocabulary has %d terms, ours %d", len(cv.Vocabulary), voc.Len())
	}
	for term, id := range cv.Vocabulary {
		if got, ok := voc.Lookup(term); !ok || int(got) != id {
			t.Errorf("term %q: our id %d (%v), nlp's %d", term, got, ok, id)
		}
	}
	tfidf, err := nlp.NewTfidfTransformer().FitTransform(counts)
	if err != nil {
		t.Fatal(err)
	}
	tf, w := nlpColumns(t, counts), nlpColumns(t, tfidf)
	smooth := make([]map[int]float64, len(w))
	for j := range tf {
		smooth[j] = map[int]float64{}
		for i, c := range tf[j] {
			smooth[j][i] = w[j][i] + c
		}
	}

	var df similarity.DocFreq
	for _, d := range ids {
		df.Add(d)
	}
	for _, tc := range []struct {
		name string
		idf  similarity.IDF
		want []map[int]float64
	}{
		{"unshifted vs nlp", similarity.IDFUnshifted, w},
		{"smooth vs nlp+counts", similarity.IDFSmooth, smooth},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := make([]map[string]float64, len(tc.want))
			for j, col := range tc.want {
				var sum float64
				for _, v := range col {
					sum += v * v
				}
				want[j] = map[string]float64{}
				for i, v := range col {
					want[j][voc.Term(uint32(i))] = v / math.Sqrt(sum)
				}
			}
			got := make([]similarity.Vector, len(ids))
			for i := range ids {
				similarity.Weighting{IDF: tc.idf}.Vector(ids[i], &df, &got[i])
			}
			compareVectors(t, tc.name, voc, got, want)
			for a := range got {
				for b := range got {
					var ref float64
					for term, x := range want[a] {
						ref += x * want[b][term]
					}
					if c := similarity.Cosine(got[a], got[b]); math.Abs(c-ref) > 1e-6 {
						t.Errorf("cosine(%d, %d) = %v, nlp %v", a, b, c, ref)
					}
				}
			}
		})
	}
}
