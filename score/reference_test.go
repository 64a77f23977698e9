package score

import (
	"math"
	"testing"
)

// refTerms returns the content terms of text (stemmed, stop words out)
// with counts, every token's term in order, and the content words' normal
// forms: the slow, string-based
// reading of what Analyze hashes into ids.
func refTerms(s *Scorer, text string) (tf map[string]int, seq []string, norms []string) {
	tf = map[string]int{}
	for _, t := range s.tokens(text, nil) {
		term, _ := scoreTerm(&t)
		seq = append(seq, term)
		if !t.Stop {
			tf[term]++
			norms = append(norms, t.Norm)
		}
	}
	return tf, seq, norms
}

// refIDF is the pair IDF documented on Corpus, over string terms: the
// blend with the pair (a and b, both counted in df and n) left out.
func refIDF(s *Scorer, df map[string]int, n int, term string, a, b map[string]int) float64 {
	bg := float64(s.lex.entry(term).df)
	m := s.opt.Background
	own := 0
	for _, u := range []map[string]int{a, b} {
		if u[term] > 0 {
			own++
		}
	}
	return math.Log((float64(n-2)+m+1)/(float64(df[term]-own)+m*bg/float64(s.lex.docs)+pairSmoothing)) + 1
}

func refCosine(s *Scorer, df map[string]int, n int, a, b map[string]int) float64 {
	w := func(tf int, t string) float64 { return (1 + math.Log(float64(tf))) * refIDF(s, df, n, t, a, b) }
	var dot, na, nb float64
	for t, c := range a {
		na += w(c, t) * w(c, t)
		if d, ok := b[t]; ok {
			dot += w(c, t) * w(d, t)
		}
	}
	for t, c := range b {
		nb += w(c, t) * w(c, t)
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

func refJaccard(a, b map[string]bool) (jac, cont float64) {
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	if u := len(a) + len(b) - inter; u > 0 {
		jac = float64(inter) / float64(u)
	}
	if m := min(len(a), len(b)); m > 0 {
		cont = float64(inter) / float64(m)
	}
	return jac, cont
}

func refBigrams(seq []string) map[string]bool {
	out := map[string]bool{}
	for i := 0; i+1 < len(seq); i++ {
		out[seq[i]+" "+seq[i+1]] = true
	}
	if len(seq) == 1 {
		out[seq[0]] = true
	}
	return out
}

func refGrams(norms []string) map[string]bool {
	out := map[string]bool{}
	for _, w := range norms {
		p := "^" + w + "$"
		if len(p) <= gramLen {
			out[p] = true
			continue
		}
		for i := 0; i+gramLen <= len(p); i++ {
			out[p[i:i+gramLen]] = true
		}
	}
	return out
}

func refLCS(a, b []string) int {
	t := make([][]int, len(a)+1)
	for i := range t {
		t[i] = make([]int, len(b)+1)
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				t[i][j] = t[i-1][j-1] + 1
			} else {
				t[i][j] = max(t[i-1][j], t[i][j-1])
			}
		}
	}
	return t[len(a)][len(b)]
}

// TestFeaturesReference checks the hashed, merged fast path against
// string-keyed maps for every pair of sentences of the seed article.
func TestFeaturesReference(t *testing.T) {
	s := newTestScorer(t)
	sents := articleSentences(t)
	if testing.Short() {
		sents = sents[:20]
	}
	units := make([]*Unit, len(sents))
	df := map[string]int{}
	var tfs []map[string]int
	var seqs, norms [][]string
	for i, x := range sents {
		units[i] = s.Analyze(x)
		tf, seq, nm := refTerms(s, x)
		for term := range tf {
			df[term]++
		}
		tfs, seqs, norms = append(tfs, tf), append(seqs, seq), append(norms, nm)
	}
	c := s.NewCorpus(units)
	const eps = 1e-9
	for i := range sents {
		for j := i + 1; j < len(sents); j++ {
			f := s.Features(c, units[i], units[j])
			if want := refCosine(s, df, len(sents), tfs[i], tfs[j]); math.Abs(f.Cosine-want) > eps {
				t.Fatalf("Cosine(%q, %q) = %v, want %v", sents[i], sents[j], f.Cosine, want)
			}
			jac, cont := refJaccard(refBigrams(seqs[i]), refBigrams(seqs[j]))
			if math.Abs(f.Jaccard-jac) > eps || math.Abs(f.Containment-cont) > eps {
				t.Fatalf("Jaccard, Containment(%q, %q) = %v, %v, want %v, %v", sents[i], sents[j], f.Jaccard, f.Containment, jac, cont)
			}
			if cj, _ := refJaccard(refGrams(norms[i]), refGrams(norms[j])); math.Abs(f.Char-cj) > eps {
				t.Fatalf("Char(%q, %q) = %v, want %v", sents[i], sents[j], f.Char, cj)
			}
			if want := 2 * float64(refLCS(seqs[i], seqs[j])) / float64(len(seqs[i])+len(seqs[j])); math.Abs(f.LCS-want) > eps {
				t.Fatalf("LCS(%q, %q) = %v, want %v", sents[i], sents[j], f.LCS, want)
			}
		}
	}
}
