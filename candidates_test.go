package neardup

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/neardup/neardup/corpus"
	"github.com/neardup/neardup/shingle"
)

// scanWith runs a scan of docs with the exact cosine search limited to
// exactUnits compared units (0: the approximate path only).
func scanWith(t testing.TB, docs []corpus.Document, opt Options, exactUnits int) *Result {
	t.Helper()
	opt, err := opt.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	s, err := newScanner(opt)
	if err != nil {
		t.Fatal(err)
	}
	s.exactUnits = exactUnits
	res := &Result{Options: s.opt}
	s.profile = &res.Profile
	s.split(docs)
	res, err = s.run(context.Background(), res)
	if err != nil {
		t.Fatal(err)
	}
	res.Profile = nil // wall times
	return res
}

func readTestDocs(t testing.TB, paths ...string) []corpus.Document {
	t.Helper()
	var docs []corpus.Document
	err := corpus.Read(paths, nil, corpus.Options{}, func(d *corpus.Document) error {
		docs = append(docs, *d)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// termsOf returns the profile ids of the words' stems, as the analyser
// stems them.
func termsOf(t *testing.T, an *shingle.Analyzer, words ...string) []uint32 {
	var out []uint32
	for _, w := range words {
		for _, term := range an.Terms(w, nil) {
			out = append(out, termHash(term))
		}
	}
	slices.Sort(out)
	return out
}

// TestSentenceProfile checks the sentences of units, whole: content terms
// (stop words out, numbers in), cut at full stops, question and
// exclamation marks whatever the case of the next word, not at the dots
// of abbreviations (dotted, titles, months) and numbers.
func TestSentenceProfile(t *testing.T) {
	an, err := shingle.NewAnalyzer(shingle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		unit  corpus.Mode
		text  string
		want  [][]string
		multi bool
	}{
		{"two sentences", corpus.Paragraph, "Cambodia imports far more than it exports. Trade with China keeps growing.",
			[][]string{{"Cambodia", "imports", "far", "exports"}, {"Trade", "China", "keeps", "growing"}}, true},
		{"lower case after the stop", corpus.Paragraph, "the harbour budget was approved. fishermen protested!",
			[][]string{{"harbour", "budget", "approved"}, {"fishermen", "protested"}}, true},
		{"abbreviation and number", corpus.Paragraph, "The U.S. economy grew 2.5 percent in March, officials said.",
			[][]string{{"US", "economy", "grew", "2.5", "percent", "March", "officials", "said"}}, false},
		{"question", corpus.Paragraph, "Will the drought end soon? Farmers fear another dry season.",
			[][]string{{"drought", "end", "soon"}, {"Farmers", "fear", "another", "dry", "season"}}, true},
		{"titles and months", corpus.Paragraph, "As yet, everything looked fair with Mr. Bonflon, who met Gen. Hale on Jan. 5 at St. Paul.",
			[][]string{{"yet", "everything", "looked", "fair", "Mr", "Bonflon", "met", "Gen", "Hale", "Jan", "5", "St", "Paul"}}, false},
		{"lower-case title", corpus.Paragraph, "as yet everything looked fair with mr. bonflon.",
			[][]string{{"yet", "everything", "looked", "fair", "mr", "bonflon"}}, false},
		{"a lower-case letter is no initial", corpus.Paragraph, "To unpack it we use code v. Do not assume the type.",
			[][]string{{"unpack", "use", "code", "v"}, {"assume", "type"}}, true},
		{"a suffix that ends a sentence", corpus.Paragraph, "Shares rose at Acme Inc. The market fell.",
			[][]string{{"Shares", "rose", "Acme", "Inc"}, {"market", "fell"}}, true},
		{"a number before the stop", corpus.Paragraph, "The crop fell by 5. Prices rose.",
			[][]string{{"crop", "fell", "5"}, {"Prices", "rose"}}, true},
		{"sentence mode keeps one sentence", corpus.Sentence, "Prices rose. Stocks fell sharply.",
			[][]string{{"Prices", "rose", "Stocks", "fell", "sharply"}}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			opt, _ := Options{Unit: c.unit}.withDefaults()
			s, err := newScanner(opt)
			if err != nil {
				t.Fatal(err)
			}
			s.units = []Unit{{Text: c.text}}
			s.near = make([]uint64, nearBands)
			var p profiler
			multi := s.profileUnit(&p, 0)
			s.sent = stitchProfiles([]chunkProfile{p.chunk}, 1)
			var got, want [][]uint32
			lo, hi := s.sent.sentences(0)
			for k := lo; k < hi; k++ {
				got = append(got, s.sent.sentence(k))
			}
			for _, ws := range c.want {
				want = append(want, termsOf(t, an, ws...))
			}
			if fmt.Sprint(got) != fmt.Sprint(want) || multi != c.multi {
				t.Errorf("profile(%q) = %v (multi %v), want %v (multi %v)", c.text, got, multi, want, c.multi)
			}
		})
	}
}

// TestNearKeys: an edited copy of a paragraph shares near-copy band keys
// with it; a paragraph that shares one sentence of three with it does not.
func TestNearKeys(t *testing.T) {
	orig := "Conab estimated the arabica crop at 38 million bags, down from its earlier forecast. Traders said roasters had covered their needs until the end of the year. A prolonged drought in Minas Gerais cut yields on many farms."
	edited := "Conab estimated the arabica crop at 37 million bags, down from an earlier forecast. Traders said roasters had covered their needs until the end of the year. A prolonged drought in Minas Gerais cut the yields on many farms."
	oneShared := "Shipping costs from Santos have doubled since spring. Traders said roasters had covered their needs until the end of the year. Warehouses in Hamburg report record stocks."
	opt, _ := Options{}.withDefaults()
	s, err := newScanner(opt)
	if err != nil {
		t.Fatal(err)
	}
	s.units = []Unit{{Text: orig}, {Text: edited}, {Text: oneShared}}
	s.near = make([]uint64, len(s.units)*nearBands)
	var p profiler
	for i := range s.units {
		s.profileUnit(&p, i)
	}
	shared := func(a, b int) int {
		n := 0
		for k := range nearBands {
			if s.near[a*nearBands+k] == s.near[b*nearBands+k] {
				n++
			}
		}
		return n
	}
	if n := shared(0, 1); n == 0 {
		t.Errorf("edited copy shares no band with the original")
	}
	if n := shared(0, 2); n != 0 {
		t.Errorf("paragraph sharing one sentence shares %d bands with the original", n)
	}
}

// TestApproximatePath runs the approximate candidate path (the one corpora
// above exactUnits take) on the real articles of the scan tests: it finds
// the clusters the exact path finds, and its result does not depend on the
// worker count.
func TestApproximatePath(t *testing.T) {
	docs := readTestDocs(t, "testdata/cambodia-article.txt", "testdata/coffee", "testdata/scraped")
	exact := scanWith(t, docs, Options{}, exactUnits)
	approx := scanWith(t, docs, Options{Workers: 1}, 0)
	members := func(r *Result) [][]int {
		var out [][]int
		for _, c := range r.Clusters {
			var m []int
			for _, x := range c.Members {
				m = append(m, x.Unit)
			}
			slices.Sort(m)
			out = append(out, m)
		}
		slices.SortFunc(out, slices.Compare)
		return out
	}
	if a, e := members(approx), members(exact); fmt.Sprint(a) != fmt.Sprint(e) {
		t.Errorf("approximate path clusters\n%v\nwant (exact path)\n%v", a, e)
	}
	approx7 := scanWith(t, docs, Options{Workers: 7}, 0)
	approx.Options.Workers, approx7.Options.Workers = 0, 0
	a, _ := json.Marshal(approx)
	b, _ := json.Marshal(approx7)
	if string(a) != string(b) {
		t.Errorf("approximate path: results differ between 1 and 7 workers")
	}
}

// TestCandidatesRecall measures, on the generated corpus of 10^4
// paragraphs (../shared/bench/gencorpus.py; skipped when absent, see
// scanCorpora in scan_bench_test.go), the pairs the approximate path
// reports against those of the exact path: every pair the exact path
// reports at the scorer's thresholds that the approximate path misses
// counts against its recall. Figures in docs/performance.md.
func TestCandidatesRecall(t *testing.T) {
	dir := os.Getenv("NEARDUP_CORPORA")
	if dir == "" {
		dir = "/tmp/neardup-corpora"
	}
	path := filepath.Join(dir, "n10000-s1", "corpus.jsonl")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("no generated corpus: %v", err)
	}
	if raceEnabled {
		t.Skip("a measurement, slow under the race detector (TestApproximatePath covers the concurrency)")
	}
	docs := readTestDocs(t, path)
	exact := scanWith(t, docs, Options{}, exactUnits)
	approx := scanWith(t, docs, Options{}, 0)
	type key struct{ a, b int }
	found := map[key]bool{}
	for _, p := range approx.Pairs {
		found[key{p.A, p.B}] = true
	}
	byKind := map[Kind][2]int{}
	for _, p := range exact.Pairs {
		c := byKind[p.Kind]
		c[1]++
		if found[key{p.A, p.B}] {
			c[0]++
		}
		byKind[p.Kind] = c
	}
	for kind, c := range byKind {
		r := float64(c[0]) / float64(c[1])
		t.Logf("%s pairs of the exact path found by the approximate one: %d of %d (%.4f)", kind, c[0], c[1], r)
		if floor := map[Kind]float64{Duplicate: 0.99, Paraphrase: 0.9}[kind]; r < floor {
			t.Errorf("%s recall against the exact path %.4f, want at least %.2f", kind, r, floor)
		}
	}
	t.Logf("candidates: exact path %d, approximate %d; pairs kept %d and %d", exact.Stats.Candidates, approx.Stats.Candidates, len(exact.Pairs), len(approx.Pairs))
}
