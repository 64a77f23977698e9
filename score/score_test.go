package score

import (
	"errors"
	"math"
	"slices"
	"sync"
	"testing"

	"github.com/neardup/neardup/similarity"
)

func TestNewOptions(t *testing.T) {
	cases := []struct {
		name string
		opt  Options
		ok   bool
	}{
		{"zero", Options{}, true},
		{"french", Options{Language: "french"}, true},
		{"threshold above 1", Options{Threshold: 1.5}, false},
		{"negative duplicate threshold", Options{DuplicateThreshold: -0.1}, false},
		{"NaN threshold", Options{Threshold: math.NaN()}, false},
		{"negative background", Options{Background: -1}, false},
		{"unknown language", Options{Language: "klingon"}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.opt)
			if (err == nil) != tc.ok {
				t.Fatalf("New(%+v) error = %v, want ok %v", tc.opt, err, tc.ok)
			}
			if err != nil && !errors.Is(err, ErrOptions) {
				t.Errorf("error %v does not wrap ErrOptions", err)
			}
		})
	}
	s := newTestScorer(t)
	want := Options{Language: "english", Threshold: DefaultThreshold, DuplicateThreshold: DefaultDuplicateThreshold, Background: DefaultBackground}
	if got := s.Options(); got != want {
		t.Errorf("Options() = %+v, want %+v", got, want)
	}
}

func TestVerdicts(t *testing.T) {
	s := newTestScorer(t)
	cases := []struct {
		name, a, b, want string
	}{
		{"identical", "The committee approved the budget on Tuesday.", "The committee approved the budget on Tuesday.", Duplicate},
		{"case, spacing and punctuation", "The committee approved the budget on Tuesday.", "the committee  approved the budget, on Tuesday", Duplicate},
		{"one word edited", "Shares of the company rose sharply after the quarterly report beat analyst expectations on Monday.",
			"Shares of the company rose sharply after the quarterly report beat analyst forecasts on Monday.", Duplicate},
		{"number changed", "The company said it would cut 1,200 jobs by the end of 2024 to save money.",
			"The company said it would cut 3,400 jobs by the end of 2024 to save money.", Paraphrase},
		{"reworded", "China's alliance with Cambodia serves as a pillar for its regional diplomacy.",
			"China's ties with Cambodia serve as the foundation for China's regional diplomatic efforts.", Paraphrase},
		{"unrelated", "The committee approved the budget on Tuesday.", "Heavy rain flooded several villages in the north of the country.", Different},
		{"same topic, different claim", "Cambodia's heavy reliance on Chinese investment might limit its support for U.S.-led initiatives.",
			"Agricultural exports, such as Cambodian rice to China, and energy projects like hydropower dams have expanded.", Different},
		{"empty", "", "", Different},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, b := s.Analyze(tc.a), s.Analyze(tc.b)
			r := s.Score(s.NewCorpus([]*Unit{a, b}), a, b)
			if r.Kind != tc.want {
				t.Errorf("Score(%q, %q) = %s (score %.3f, char %.3f), want %s", tc.a, tc.b, r.Kind, r.Score, r.Features.Char, tc.want)
			}
			if r.Score < 0 || r.Score > 1 || math.IsNaN(r.Score) {
				t.Errorf("Score = %v, not a probability", r.Score)
			}
		})
	}
}

// TestAntonymNotDuplicate: near-identical wording that swaps a word for
// its WordNet antonym says the opposite, and is no duplicate. (The model
// still scores such a pair as a likely paraphrase: the training sets hold
// too few of them for the antonym feature to weigh much.)
func TestAntonymNotDuplicate(t *testing.T) {
	s := newTestScorer(t)
	a := s.Analyze("The home team will win the final on Sunday, the coach said.")
	b := s.Analyze("The home team will lose the final on Sunday, the coach said.")
	r := s.Score(s.NewCorpus([]*Unit{a, b}), a, b)
	if r.Features.Antonym != 1 || r.Features.LCS < DefaultDuplicateThreshold || r.Kind == Duplicate {
		t.Errorf("win / lose: antonym %v, LCS %.2f, verdict %s; want an antonym, near-identical wording, no duplicate", r.Features.Antonym, r.Features.LCS, r.Kind)
	}
}

// TestScoreConcurrent scores the same pairs from several goroutines and
// checks every result equals the sequential one.
func TestScoreConcurrent(t *testing.T) {
	s := newTestScorer(t)
	sents := articleSentences(t)
	units := make([]*Unit, len(sents))
	for i, x := range sents {
		units[i] = s.Analyze(x)
	}
	c := s.NewCorpus(units)
	want := make([]Result, len(units)-1)
	for i := range want {
		want[i] = s.Score(c, units[i], units[i+1])
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range want {
				u := s.Analyze(sents[i]) // concurrent Analyze too
				if got := s.Score(c, u, units[i+1]); got != want[i] {
					errs <- sents[i]
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("concurrent score of %q differs from sequential", e)
	}
}

func TestLexicon(t *testing.T) {
	s := newTestScorer(t)
	lx := s.lex
	term := func(w string) string {
		toks := s.an.Tokens(w, nil)
		if len(toks) != 1 {
			t.Fatalf("%q: %d tokens", w, len(toks))
		}
		return toks[0].Term
	}
	syn := func(a, b string) bool {
		ea, eb := lx.entry(term(a)), lx.entry(term(b))
		return similarity.Intersect(lx.groups[ea.synStart:ea.synEnd], lx.groups[eb.synStart:eb.synEnd]) > 0
	}
	for _, p := range [][2]string{{"prosperity", "wealth"}, {"big", "large"}, {"buy", "purchase"}, {"diplomacy", "diplomatic"}} {
		if !syn(p[0], p[1]) {
			t.Errorf("%s and %s share no synonym group", p[0], p[1])
		}
	}
	for _, p := range [][2]string{{"prosperity", "carrot"}, {"buy", "sell"}} {
		if syn(p[0], p[1]) {
			t.Errorf("%s and %s share a synonym group", p[0], p[1])
		}
	}
	if lx.docs < 100000 || lx.entry(term("water")).df == 0 || lx.entry(term("water")).df < lx.entry(term("zebra")).df {
		t.Errorf("background: N %d, df(water) %d, df(zebra) %d", lx.docs, lx.entry(term("water")).df, lx.entry(term("zebra")).df)
	}
	cos := func(a, b string) float64 {
		ea, eb := lx.entry(term(a)).emb, lx.entry(term(b)).emb
		if ea == 0 || eb == 0 {
			t.Fatalf("no vector for %s or %s", a, b)
		}
		return float64(dot8(lx.vec(ea-1), lx.vec(eb-1))) / float64(lx.norms[ea-1]) / float64(lx.norms[eb-1])
	}
	if kq, kc := cos("king", "queen"), cos("king", "carrot"); kq < 0.6 || kq <= kc {
		t.Errorf("cos(king, queen) = %.3f, cos(king, carrot) = %.3f", kq, kc)
	}
}

func TestDecodeLexiconCorrupt(t *testing.T) {
	for _, tc := range []struct {
		name         string
		syn, bg, emb []byte
	}{
		{"bad magic", synonymsBin, []byte("NOPE"), embeddingsBin},
		{"truncated synonyms", synonymsBin[:len(synonymsBin)/2], backgroundBin, embeddingsBin},
		{"truncated vectors", synonymsBin, backgroundBin, embeddingsBin[:len(embeddingsBin)-7]},
		{"empty", nil, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := decodeLexicon(tc.syn, tc.bg, tc.emb); !errors.Is(err, errTable) {
				t.Errorf("decodeLexicon error = %v, want errTable", err)
			}
		})
	}
}

// TestPairIDF checks the pair IDF of Score against counts made without
// the pair: for a pair alone it is the background's IDF, the same for a
// shared and an unshared term of equal background frequency; in a corpus it
// is the blend over the other units.
func TestPairIDF(t *testing.T) {
	s := newTestScorer(t)
	texts := []string{
		"Zebras graze quietly on the dry plain.",
		"Zebras run across the plain at dawn.",
		"Lions watch the zebras from the tall grass.",
		"The dry season drives the herds to the river.",
		"Rain returns to the plain in November.",
	}
	units := make([]*Unit, len(texts))
	for i, x := range texts {
		units[i] = s.Analyze(x)
	}
	m, nb := s.opt.Background, float64(s.lex.docs)
	want := func(rest *Corpus, term, bg uint32) float64 {
		return math.Log((float64(rest.Docs())+m+1)/(float64(rest.DocFreq(term))+m*float64(bg)/nb+pairSmoothing)) + 1
	}
	check := func(c, rest *Corpus, a, b *Unit) {
		t.Helper()
		for _, u := range []*Unit{a, b} {
			for i, term := range u.terms() {
				k := 0
				for _, v := range []*Unit{a, b} {
					if slices.Contains(v.terms(), term) {
						k++
					}
				}
				bg := u.voc.at(u.norms()[i]).lex.df
				if got, w := c.pairIDF(term, bg, k), want(rest, term, bg); math.Abs(got-w) > 1e-12 {
					t.Errorf("pairIDF(%d, k=%d) = %v, want %v", term, k, got, w)
				}
			}
		}
	}
	// A pair alone: the rest is empty, the background decides.
	check(s.NewCorpus(units[:2]), s.NewCorpus(nil), units[0], units[1])
	// In a corpus: the other three units count.
	check(s.NewCorpus(units), s.NewCorpus(units[2:]), units[0], units[1])
	check(s.NewCorpus(units), s.NewCorpus([]*Unit{units[0], units[1], units[3]}), units[2], units[4])
}

func TestCorpusIDF(t *testing.T) {
	s := newTestScorer(t)
	a := s.Analyze("zebras graze quietly")
	b := s.Analyze("zebras run")
	c := s.NewCorpus([]*Unit{a, b})
	if c.Docs() != 2 || c.DocFreq(a.Terms()[0])+c.DocFreq(a.Terms()[1])+c.DocFreq(a.Terms()[2]) != 4 {
		t.Fatalf("Docs %d, DocFreqs of %v", c.Docs(), a.Terms())
	}
	// A term in every unit weighs less than one in a single unit.
	terms, w := c.Vector(a, nil)
	var sum float64
	for _, x := range w {
		sum += float64(x) * float64(x)
	}
	if math.Abs(sum-1) > 1e-5 || len(terms) != 3 {
		t.Errorf("Vector not unit length: %v", w)
	}
	zebra := termID(s.an.Tokens("zebras", nil)[0].Term)
	for i, id := range terms {
		if id == zebra {
			for k := range w {
				if k != i && w[k] <= w[i] {
					t.Errorf("weight of the shared term %v not below the others %v", w[i], w)
				}
			}
		}
	}
}
