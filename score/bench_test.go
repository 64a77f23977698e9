package score

import (
	"bufio"
	"encoding/json"
	"os"
	"runtime"
	"strings"
	"testing"
)

// benchPairs returns sentence-length pairs: MRPC's training pairs when
// ../shared/eval is present, else consecutive sentences of the seed
// article.
func benchPairs(b *testing.B) [][2]string {
	b.Helper()
	if f, err := os.Open("../../shared/eval/pairs/mrpc-train.tsv"); err == nil {
		defer f.Close()
		ps, err := ReadPairs(f, "mrpc-train.tsv")
		if err != nil {
			b.Fatal(err)
		}
		out := make([][2]string, len(ps))
		for i, p := range ps {
			out[i] = [2]string{p.A, p.B}
		}
		return out
	}
	sents := articleSentences(b)
	var out [][2]string
	for i := 0; i+1 < len(sents); i++ {
		out = append(out, [2]string{sents[i], sents[i+1]})
	}
	return out
}

func articleSentences(tb testing.TB) []string {
	tb.Helper()
	data, err := os.ReadFile("../testdata/cambodia-article.txt")
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		for _, s := range strings.SplitAfter(line, ". ") {
			if s = strings.TrimSpace(s); len(s) > 20 {
				out = append(out, s)
			}
		}
	}
	return out
}

func BenchmarkAnalyze(b *testing.B) {
	s := newTestScorer(b)
	pairs := benchPairs(b)
	var n int64
	for _, p := range pairs {
		n += int64(len(p[0]))
	}
	b.SetBytes(n / int64(len(pairs)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.Analyze(pairs[i%len(pairs)][0])
	}
}

func BenchmarkScore(b *testing.B) {
	s := newTestScorer(b)
	pairs := benchPairs(b)
	units := make([]*Unit, 0, 2*len(pairs))
	for _, p := range pairs {
		units = append(units, s.Analyze(p[0]), s.Analyze(p[1]))
	}
	c := s.NewCorpus(units)
	var n int64
	for _, p := range pairs {
		n += int64(len(p[0]) + len(p[1]))
	}
	b.SetBytes(n / int64(len(pairs)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := i % len(pairs)
		s.Score(c, units[2*k], units[2*k+1])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pairs/s")
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := New(Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnalyzeParagraph analyses the seed article's paragraphs and
// reports the bytes a Unit keeps per byte of text.
func BenchmarkAnalyzeParagraph(b *testing.B) {
	s := newTestScorer(b)
	var paras []string
	var n int64
	for _, l := range articleLines(b) {
		if len(l) > 100 {
			paras = append(paras, l)
			n += int64(len(l))
		}
	}
	heap, accounted, _ := unitBytes(b, s, paras)
	b.SetBytes(n / int64(len(paras)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.Analyze(paras[i%len(paras)])
	}
	b.ReportMetric(heap, "heap-bytes/text-byte")
	b.ReportMetric(accounted, "unit-bytes/text-byte")
}

// corpusParagraphs returns up to n paragraphs of the generated benchmark
// corpus (../shared/bench/gencorpus.py, 100,000 paragraphs, seed 1), or
// skips when it is absent.
func corpusParagraphs(b *testing.B, n int) []string {
	b.Helper()
	f, err := os.Open("/tmp/neardup-corpora/n100000-s1/corpus.jsonl")
	if err != nil {
		b.Skip("generated corpus absent:", err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for len(out) < n && sc.Scan() {
		var rec struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			b.Fatal(err)
		}
		out = append(out, rec.Text)
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	return out
}

// unitBytes analyses every text, keeping the units, and returns the live
// heap they hold per byte of text (text itself not counted) as measured by
// the runtime, and as accounted by Unit.size; and the heap the Scorer's
// vocabulary of their words (shared by all units) holds per byte of text.
func unitBytes(b *testing.B, s *Scorer, texts []string) (heap, accounted, vocab float64) {
	b.Helper()
	var n int
	for _, t := range texts {
		n += len(t)
	}
	units := make([]*Unit, len(texts))
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	for _, t := range texts {
		s.Analyze(t) // the vocabulary learns the words
	}
	runtime.GC()
	runtime.ReadMemStats(&m1)
	vocab = float64(int64(m1.HeapAlloc)-int64(m0.HeapAlloc)) / float64(n)
	m0 = m1
	kept := 0
	for i, t := range texts {
		units[i] = s.Analyze(t)
		kept += units[i].size()
	}
	runtime.GC()
	runtime.ReadMemStats(&m1)
	runtime.KeepAlive(units)
	return float64(int64(m1.HeapAlloc)-int64(m0.HeapAlloc)) / float64(n), float64(kept) / float64(n), vocab
}

// BenchmarkAnalyzeCorpus analyses paragraphs of the generated corpus and
// reports the live heap a Unit keeps per byte of text (what a scan of a
// million paragraphs holds while it scores), and the heap of the Scorer's
// shared vocabulary over these paragraphs, which grows sublinearly.
func BenchmarkAnalyzeCorpus(b *testing.B) {
	s := newTestScorer(b)
	paras := corpusParagraphs(b, 20000)
	var n int64
	for _, p := range paras {
		n += int64(len(p))
	}
	heap, accounted, vocab := unitBytes(b, s, paras)
	b.SetBytes(n / int64(len(paras)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.Analyze(paras[i%len(paras)])
	}
	b.ReportMetric(heap, "heap-bytes/text-byte")
	b.ReportMetric(accounted, "unit-bytes/text-byte")
	b.ReportMetric(vocab, "vocab-bytes/text-byte")
}

// BenchmarkScoreParagraph scores pairs of the seed article's paragraphs
// (every pair of those over 200 bytes): paragraph-length pairs, mostly
// on one topic and not paraphrases, as Index.Check's candidates are.
func BenchmarkScoreParagraph(b *testing.B) {
	s := newTestScorer(b)
	var units []*Unit
	for _, l := range articleLines(b) {
		if len(l) > 200 {
			units = append(units, s.Analyze(l))
		}
	}
	type pair struct{ a, b *Unit }
	var pairs []pair
	for i := range units {
		for j := i + 1; j < len(units); j++ {
			pairs = append(pairs, pair{units[i], units[j]})
		}
	}
	c := s.NewCorpus(units)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := pairs[i%len(pairs)]
		s.Score(c, p.a, p.b)
	}
	b.ReportMetric(float64(len(pairs)), "pairs")
}
