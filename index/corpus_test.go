package index_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/neardup/neardup/index"
	"github.com/neardup/neardup/similarity"
)

// benchCorpus is where benchmarks look for generated corpora:
//
//	python3 ../../shared/bench/gencorpus.py gen --sentences ../../shared/bench/sentences.txt.gz \
//	    --n 1000000 --seed 1 --out /tmp/neardup-corpora/n1000000-s1
//
// (NEARDUP_CORPORA overrides the directory). Benchmarks skip when absent.
func benchCorpus() string {
	if d := os.Getenv("NEARDUP_CORPORA"); d != "" {
		return d
	}
	return "/tmp/neardup-corpora"
}

// stopWords are the commonest English function words: the benchmarks'
// stand-in for package shingle's stop list.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all am an and any are as at be
		because been before being below between both but by can could did do does doing down during each
		few for from further had has have having he her here hers herself him himself his how i if in into
		is it its itself just me more most my myself no nor not now of off on once only or other our ours
		ourselves out over own same she should so some such than that the their theirs them themselves
		then there these they this those through to too under until up very was we were what when where
		which while who whom why will with would you your yours yourself yourselves s t don`) {
		m[w] = true
	}
	return m
}()

// truthPair is a planted pair of the generated corpus: copy B of A.
type truthPair struct {
	A, B int32
	Kind string // exact, near or paraphrase
}

// loadParagraphs reads the first n paragraph texts of the generated corpus
// with at least n paragraphs, or skips the benchmark.
func loadParagraphs(b testing.TB, n int) []string {
	texts, _ := loadCorpus(b, n)
	return texts
}

// loadCorpus is loadParagraphs, also returning the planted pairs among
// the first n paragraphs (truth_pairs.tsv: src, copy, type, placement).
func loadCorpus(b testing.TB, n int) ([]string, []truthPair) {
	b.Helper()
	matches, _ := filepath.Glob(filepath.Join(benchCorpus(), "n*-s1", "corpus.jsonl"))
	for _, path := range matches {
		var size int
		if _, err := fmtSscan(filepath.Base(filepath.Dir(path)), &size); err != nil || size < n {
			continue
		}
		f, err := os.Open(path)
		if err != nil {
			b.Skip(err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		texts := make([]string, 0, n)
		for len(texts) < n && sc.Scan() {
			var rec struct{ Text string }
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				b.Fatalf("%s:%d: %v", path, len(texts)+1, err)
			}
			texts = append(texts, rec.Text)
		}
		if err := sc.Err(); err != nil {
			b.Fatalf("%s: %v", path, err)
		}
		return texts, loadTruth(b, filepath.Join(filepath.Dir(path), "truth_pairs.tsv"), n)
	}
	b.Skipf("no generated corpus of %d paragraphs under %s (see benchCorpus)", n, benchCorpus())
	return nil, nil
}

func loadTruth(b testing.TB, path string, n int) []truthPair {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var out []truthPair
	for line := 1; sc.Scan(); line++ {
		var p truthPair
		var placement string
		if _, err := fmt.Sscanf(sc.Text(), "%d\t%d\t%s\t%s", &p.A, &p.B, &p.Kind, &placement); err != nil {
			if line == 1 {
				continue // header
			}
			b.Fatalf("%s:%d: %v", path, line, err)
		}
		if p.A > p.B {
			p.A, p.B = p.B, p.A
		}
		if int(p.B) < n {
			out = append(out, p)
		}
	}
	return out
}

// truthRecall returns, per kind, the share of the planted pairs found in
// pairs (sorted by A, B).
func truthRecall(truth []truthPair, pairs []index.Pair) map[string]float64 {
	found, total := map[string]int{}, map[string]int{}
	for _, p := range truth {
		total[p.Kind]++
		if _, ok := slices.BinarySearchFunc(pairs, p, func(q index.Pair, p truthPair) int {
			if q.A != p.A {
				return int(q.A - p.A)
			}
			return int(q.B - p.B)
		}); ok {
			found[p.Kind]++
		}
	}
	out := map[string]float64{}
	for k, n := range total {
		out[k] = float64(found[k]) / float64(n)
	}
	return out
}

// contentVectors tokenises (lowercase, letters only, stop words dropped,
// words of one letter dropped) and weights with sublinear TF and smooth
// IDF over the texts.
func contentVectors(texts []string) ([]similarity.Vector, *similarity.Vocabulary) {
	voc := similarity.NewVocabulary()
	var df similarity.DocFreq
	ids := make([][]uint32, len(texts))
	for i, s := range texts {
		for w := range strings.FieldsFuncSeq(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if len(w) > 1 && !stopWords[w] {
				ids[i] = append(ids[i], voc.ID(w))
			}
		}
		df.Add(ids[i])
	}
	w := similarity.Weighting{Sublinear: true}
	idf := w.IDFTable(&df)
	vecs := make([]similarity.Vector, len(texts))
	for i := range ids {
		w.VectorTable(ids[i], idf, &df, &vecs[i])
	}
	return vecs, voc
}

// fmtSscan parses the size out of a corpus directory name "n<size>-s<seed>".
func fmtSscan(name string, size *int) (int, error) {
	return fmt.Sscanf(name, "n%d-s", size)
}
