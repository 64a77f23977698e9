package score

import "math"

// Corpus holds the document frequencies of the units being compared, blended
// with the embedded background table so that a tiny corpus (one article, one
// pair) still gets useful inverse document frequencies.
//
// Blend: with N units in the corpus of which df(t) contain term t, and a
// background collection of N_b documents of which df_b(t) contain t,
//
//	idf(t) = ln((N + m + 1) / (df(t) + m·df_b(t)/N_b + 1)) + 1
//
// that is, the background counts as m pseudo-documents (Options.Background,
// default DefaultBackground) whose term distribution is the background's.
// For N >> m the corpus decides; for a pair the background does. The +1
// terms are the usual smoothing (scikit-learn's smooth_idf), and the final
// +1 keeps a term found everywhere from vanishing.
//
// Score weighs the terms of the pair it scores with the pair left out
// (pairIDF): df(t) and N counted without the pair's own two units, and a
// smoothing s = pairSmoothing in place of the +1 below the line:
//
//	idf_pair(t) = ln((N - 2 + m + 1) / (df(t) - k(t) + m·df_b(t)/N_b + s)) + 1
//
// with k(t) the number of the two units holding t. A pair alone then gets
// the background's IDF, where its own counts would make every term nearly
// equally rare and a shared term rarer than an unshared one; in a large
// corpus little changes. Vector, for candidate search, keeps the plain blend.
//
// A Corpus is safe for concurrent use by Score and Explain as long as Add is
// not called at the same time.
type Corpus struct {
	docs int
	df   map[uint32]uint32
	m    float64 // background pseudo-documents
	bgN  float64 // background N_b
}

// NewCorpus counts the document frequencies of the units' terms.
func (s *Scorer) NewCorpus(units []*Unit) *Corpus {
	c := &Corpus{df: make(map[uint32]uint32, 4*len(units)+16), m: s.opt.Background, bgN: float64(s.lex.docs)}
	for _, u := range units {
		c.Add(u)
	}
	return c
}

// Add counts one more unit, for a corpus that grows (an archive). It must
// not run concurrently with other methods of c.
func (c *Corpus) Add(u *Unit) {
	c.docs++
	for _, t := range u.terms() {
		c.df[t]++
	}
}

// Docs returns the number of units counted.
func (c *Corpus) Docs() int { return c.docs }

// DocFreq returns the number of counted units that contain the term.
func (c *Corpus) DocFreq(term uint32) int { return int(c.df[term]) }

// idf returns the blended inverse document frequency of a term whose
// background document frequency is bg.
func (c *Corpus) idf(term, bg uint32) float64 {
	num := float64(c.docs) + c.m + 1
	den := float64(c.df[term]) + c.m*float64(bg)/c.bgN + 1
	return math.Log(num/den) + 1
}

// pairSmoothing stands in for the +1 of the plain blend in pairIDF. The
// pair's own counts are left out there, so a term found nowhere else has
// df - k = 0, and the smoothing sets how far a term unseen in the corpus
// and the background stands above one seen once. Measured at 1, 0.3 and
// 0.1 (docs/quality.md): 0.1 gains a little more on the benchmarks but
// weighs the words only one unit holds so much that a real rewording among
// the scraped test articles falls under the threshold.
const pairSmoothing = 0.3

// pairIDF returns the IDF of a term held by k of the two units of a scored
// pair, with the pair left out of the counts (see Corpus). Both units must
// be counted in c (a check counts its drafts beside the archive).
func (c *Corpus) pairIDF(term, bg uint32, k int) float64 {
	n := max(float64(c.docs)-2, 0)
	df := max(float64(c.df[term])-float64(k), 0)
	return math.Log((n+c.m+1)/(df+c.m*float64(bg)/c.bgN+pairSmoothing)) + 1
}

// Vector returns the unit's TF-IDF vector in this corpus: the unit's terms
// (sorted ids, shared with the unit: do not modify) and their weights
// (1 + ln tf)·idf scaled to unit length, appended to dst. The cosine of two
// units is the dot product of their vectors.
func (c *Corpus) Vector(u *Unit, dst []float32) (terms []uint32, weights []float32) {
	dst = dst[:0]
	for range u.nt {
		dst = append(dst, 0)
	}
	countInto(u, dst)
	var norm float64
	norms := u.norms()
	for i, t := range u.terms() {
		w := (1 + math.Log(float64(dst[i]))) * c.idf(t, u.voc.at(norms[i]).lex.df)
		norm += w * w
		dst[i] = float32(w)
	}
	if norm > 0 {
		inv := float32(1 / math.Sqrt(norm))
		for i := range dst {
			dst[i] *= inv
		}
	}
	return u.terms(), dst
}
